//! What the 3D view draws over the surface, as plain data in box coordinates: polylines
//! (paths, their floor shadows, slice curves, tangent lines, axes, the floor grid), balls
//! (the current iterate, the pin), translucent triangles (slice planes, the tangent plane)
//! and labels (ticks, axis names, slopes). The builders fill a [`Marks3`]; the GPU line
//! pass in `render` draws the lines, balls and triangles with the surface's depth, and the
//! 3D overlay paints the labels at their projected pixels.
//!
//! Colours are RGBA8 in sRGB, as the overlay's theme colours; widths and radii are in
//! physical pixels.

use glam::DVec3;

/// A polyline in box coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Line3 {
    pub points: Vec<DVec3>,
    pub color: [u8; 4],
    pub width_px: f32,
    /// Drawn over everything (not hidden by the surface), for marks that must stay visible
    /// (the gradient in the floor seen from below, a label's leader).
    pub on_top: bool,
}

/// A ball (a disc facing the camera, shaded as a sphere) at a box point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ball3 {
    pub at: DVec3,
    pub radius_px: f32,
    pub color: [u8; 4],
}

/// A triangle in box coordinates; its alpha makes it translucent.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tri3 {
    pub corners: [DVec3; 3],
    pub color: [u8; 4],
}

/// Where a label sits relative to its projected anchor point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Anchor3 {
    /// Centred on the point.
    #[default]
    Center,
    /// Beside the point, pushed away from the box's centre on screen (ticks, axis names).
    Outward,
    /// Just above the point (slopes on tangent lines).
    Above,
}

/// A label at a box point, painted by the 3D overlay.
#[derive(Debug, Clone, PartialEq)]
pub struct Label3 {
    pub at: DVec3,
    pub text: String,
    pub color: [u8; 4],
    pub anchor: Anchor3,
}

/// Everything drawn over the surface in one frame.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Marks3 {
    pub lines: Vec<Line3>,
    pub balls: Vec<Ball3>,
    pub tris: Vec<Tri3>,
    pub labels: Vec<Label3>,
}

impl Marks3 {
    /// Appends everything in `other`.
    pub fn extend(&mut self, other: Marks3) {
        self.lines.extend(other.lines);
        self.balls.extend(other.balls);
        self.tris.extend(other.tris);
        self.labels.extend(other.labels);
    }
}

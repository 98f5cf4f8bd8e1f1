//! `Surface3`: the 3D view's settings for one frame as the shaders read them
//! (shaders/lib/view3.wgsl; tests/layout.rs compares the two), made from a
//! [`SurfaceFrame`](super::SurfaceFrame) and the field grid it draws.

use crate::surface::camera::FOV_Y;
use crate::surface::{BoxMap, Camera};

/// Box units the marks are lifted towards the eye, per unit of the box's radius, so that a
/// line lying on the surface is not hidden by the triangles it lies on.
pub(crate) const LIFT: f64 = 0.006;

/// The floor's colour (sRGB) on a light and on a dark background.
const FLOOR_LIGHT: [f32; 3] = [0.90, 0.91, 0.93];
const FLOOR_DARK: [f32; 3] = [0.22, 0.23, 0.26];

/// The 3D view's frame settings: `Surface3` in shaders/lib/view3.wgsl.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Surface3 {
    pub view_proj: [[f32; 4]; 4],
    /// xyz: the eye in box coordinates.
    pub eye: [f32; 4],
    /// xyz: unit vector towards the light; w: box units per pixel at unit distance (for the
    /// balls' lift).
    pub light: [f32; 4],
    /// Half width, half depth, height of the box; the marks' lift.
    pub box_size: [f32; 4],
    /// vlo, vhi, delta, shift of the colour range (mapped space).
    pub heights: [f32; 4],
    /// The surface's rect in target pixels: x, y, w, h.
    pub rect: [f32; 4],
    /// The rect's background, sRGB.
    pub background: [f32; 4],
    /// The floor, sRGB.
    pub floor_color: [f32; 4],
    pub world_per_px: [f32; 2],
    pub grid: [u32; 2],
    pub nodes: [u32; 2],
    pub stride: u32,
    pub log_scale: u32,
    pub floor_contours: u32,
    /// The heatmap's round contour step in mapped space (0: N levels evenly spaced), and
    /// which multiple of it is heavy (`RangeResult::step`, `RangeResult::heavy`).
    pub level_step: f32,
    pub level_heavy: u32,
    pub _pad: u32,
}

/// What `Surface3` is made from.
pub(crate) struct Surface3Input<'a> {
    pub boxmap: &'a BoxMap,
    pub camera: &'a Camera,
    /// x, y, w, h in target pixels.
    pub rect: [f32; 4],
    pub background: [u8; 4],
    pub grid: (u32, u32),
    pub nodes: (u32, u32),
    pub stride: u32,
    pub floor_contours: bool,
    /// The colour range's round level step and heavy multiple (0, 0: evenly spaced).
    pub levels: (f32, u32),
}

impl Surface3 {
    pub(crate) fn new(i: &Surface3Input) -> Surface3 {
        let frame = i.boxmap.frame(f64::from(i.rect[2]), f64::from(i.rect[3]));
        let eye = i.camera.eye(&frame);
        // The light comes from over the viewer's left shoulder, so slopes facing the viewer
        // are lit and the shape reads at once.
        let d = i.camera.direction();
        let left = glam::DVec3::Z.cross(d).normalize_or_zero();
        let light = (d + glam::DVec3::Z * 0.9 + left * 0.45).normalize();
        let px_per_unit = 2.0 * (FOV_Y.to_radians() * 0.5).tan() / f64::from(i.rect[3].max(1.0));
        let bg = i.background.map(|c| f32::from(c) / 255.0);
        let dark = bg[0] + bg[1] + bg[2] < 1.5;
        let floor = if dark { FLOOR_DARK } else { FLOOR_LIGHT };
        let h = &i.boxmap.heights;
        let view = &i.boxmap.view;
        Surface3 {
            view_proj: i.camera.view_proj(&frame).to_cols_array_2d(),
            eye: [eye.x as f32, eye.y as f32, eye.z as f32, 0.0],
            light: [
                light.x as f32,
                light.y as f32,
                light.z as f32,
                px_per_unit as f32,
            ],
            box_size: [
                i.boxmap.half.x as f32,
                i.boxmap.half.y as f32,
                i.boxmap.height as f32,
                (LIFT * frame.radius) as f32,
            ],
            heights: [h.vlo as f32, h.vhi as f32, h.delta as f32, h.shift as f32],
            rect: i.rect,
            background: bg,
            floor_color: [floor[0], floor[1], floor[2], 1.0],
            world_per_px: [
                (view.width() / f64::from(i.grid.0)) as f32,
                (view.height() / f64::from(i.grid.1)) as f32,
            ],
            grid: [i.grid.0, i.grid.1],
            nodes: [i.nodes.0, i.nodes.1],
            stride: i.stride,
            log_scale: u32::from(h.log),
            floor_contours: u32::from(i.floor_contours),
            level_step: i.levels.0,
            level_heavy: i.levels.1,
            _pad: 0,
        }
    }
}

/// The layout of [`Surface3`], for tests/layout.rs.
pub(crate) fn surface3_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "Surface3",
        Surface3 {
            view_proj,
            eye,
            light,
            box_size,
            heights,
            rect,
            background,
            floor_color,
            world_per_px,
            grid,
            nodes,
            stride,
            log_scale,
            floor_contours,
            level_step,
            level_heavy,
            _pad,
        }
    )
}

//! The one entry point for what the 3D view draws over the surface: descent paths, the pin
//! and the box's axes for the current camera, as one `Marks3` that the GPU line pass and the
//! 3D overlay draw. Called by the explorer every frame and by the command line once per
//! picture; it keeps nothing between calls.

use super::build_axes::{axes_marks, Axes3};
use super::build_paths::{path_marks, PathMarks};
use super::build_pin::{pin_marks, PinMarks};
use super::marks::Marks3;
use super::{BoxMap, Camera, Frame3};
use crate::expr::Evaluator;

/// The theme's colours for the 3D marks (RGBA8 sRGB) and the size factor for widths (the
/// overlay's `FigureLayout::scale`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style3 {
    /// Labels' text (ticks, axis names).
    pub text: [u8; 4],
    /// The floor's grid lines.
    pub grid: [u8; 4],
    /// The box's edges and tick marks.
    pub axis: [u8; 4],
    /// Widths and radii are multiplied by this (non-positive or non-finite counts as 1).
    pub scale: f32,
}

/// Everything drawn over the surface in one frame: the pin's marks first (their labels win
/// where labels would overlap), then the paths, then the axes. f is evaluated by `eval` (the
/// compiled tape in the explorer, the reference tree in tests).
#[allow(clippy::too_many_arguments)]
pub fn marks(
    map: &BoxMap,
    camera: &Camera,
    frame: &Frame3,
    eval: &mut dyn Evaluator,
    paths: &[PathMarks],
    pin: Option<PinMarks>,
    axes: &Axes3,
    style: &Style3,
) -> Marks3 {
    let style = Style3 {
        scale: if style.scale.is_finite() && style.scale > 0.0 {
            style.scale
        } else {
            1.0
        },
        ..*style
    };
    let mut out = Marks3::default();
    if let Some(pin) = pin {
        out.extend(pin_marks(map, eval, &pin, style.scale));
    }
    for path in paths {
        out.extend(path_marks(map, eval, path, style.scale));
    }
    out.extend(axes_marks(map, camera, frame, axes, &style));
    out
}

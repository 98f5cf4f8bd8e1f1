//! Drawing. The renderer draws the heatmap with contour lines, the arrow field and the descent
//! paths from the GPU field buffer into a window surface or an offscreen texture, one pass per
//! struct (`RangePass`, `HeatmapPass`, `ArrowPass`, `PathPass`), each with new / prepare /
//! draw (or dispatch); only the renderer and the offscreen path create encoders. The figure
//! overlay (axes, colour bar, title, labels) is painted with egui onto the same target.

pub(crate) mod animation;
pub(crate) mod arrows;
pub mod axes;
pub mod basin;
pub mod basin_minima;
mod chart;
pub mod color_by;
pub mod colorbar;
pub(crate) mod colormap;
pub(crate) mod contour_labels;
#[cfg(test)]
mod contrast;
pub mod data_panel;
pub(crate) mod document;
pub mod egui_offscreen;
pub(crate) mod figure;
pub mod figure3d;
pub mod fonts;
pub(crate) mod heatmap;
mod label_layout;
pub(crate) mod layer_cache;
pub mod layout;
mod legend;
mod levels;
pub(crate) mod magnify;
pub(crate) mod offscreen;
pub mod overlay;
pub mod overlay3d;
pub(crate) mod overlay_data;
mod path_labels;
pub(crate) mod path_source;
pub mod path_trace;
pub(crate) mod paths;
pub(crate) mod pin_marks;
pub mod pin_panels;
pub(crate) mod range;
pub(crate) mod range_late;
pub(crate) mod renderer;
pub mod rules;
pub(crate) mod settings;
mod shaders;
pub mod stability;
pub mod surface;
pub(crate) mod theme;
pub mod ticks;
pub mod typeset;
mod util;
pub mod vector;

pub use animation::{AnimatedPath, Animation};
pub use arrows::ArrowPass;
pub(crate) use color_by::MapCounts;
pub use color_by::{Coloring, Finding};
pub use colormap::Colormap;
pub use document::Drawn;
pub use document::{draw_document, Picture};
pub(crate) use figure::CoarseGrid;
pub use figure::{plot_layout, render_figure_rgba, render_png, FigureText};
pub use figure3d::{SurfaceFigure, SurfaceView};
pub use heatmap::HeatmapPass;
pub use offscreen::{render_rgba, OffscreenTarget, OFFSCREEN_FORMAT};
pub(crate) use path_source::PathSource;
pub use path_source::PathStats;
pub use paths::{LabelBox, PathDraw, PathPass, PATH_PALETTE};
pub(crate) use range::RangePass;
pub(crate) use renderer::FrameWork;
pub use renderer::{ColorLayer, Layers, Renderer};
pub use settings::{
    ArrowDir, ArrowLength, ArrowSettings, Layout, LevelsAt, PlotRect, RangeMode, RenderSettings,
};
pub(crate) use shaders::wgsl_file;
pub use shaders::{host_layouts, resolve_shader, shader_sources, WgslFile};
pub(crate) use shaders::{
    ARROWS_WGSL, ARROW_WORKGROUP, HEATMAP_WGSL, LUT_SIZE, PATHS_WGSL, RANGE_BINS, RANGE_WGSL,
    RANGE_WORKGROUP,
};
pub use surface::{SurfaceFrame, SurfaceWork};

/// Per-frame settings shared by every pass (one uniform buffer).
/// `Params` in shaders/lib/frame.wgsl (tests/layout.rs compares the two).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Params {
    pub grid: [u32; 2],
    pub plot_origin: [f32; 2],
    pub target_size: [f32; 2],
    pub world_per_px: [f32; 2],
    pub levels: u32,
    pub heavy_every: u32,
    pub log_scale: u32,
    pub flags: u32,
    pub percentile: f32,
    pub arrow_spacing: f32,
    pub arrow_dir: f32,
    pub arrow_length: u32,
    pub arrow_grid: [u32; 2],
    /// Width factor of contour lines, arrows, path lines and markers (UI scale × theme).
    pub line_width: f32,
    /// Screen pixels per pixel the layers are drawn at: 1, or the renderer's resolution
    /// divisor while it draws coarse layers (contours keep their look on screen).
    pub px_scale: f32,
    /// With `flags::LEVELS_AT`: the contour levels given, in f, four to an entry.
    pub levels_at: [[f32; 4]; 8],
}

/// `Params::flags` bits (`FLAG_*` in the shaders' generated `render_constants`).
pub(crate) mod flags {
    pub(crate) const HEATMAP: u32 = 1;
    pub(crate) const CONTOURS: u32 = 2;
    pub(crate) const SRGB_TARGET: u32 = 4;
    pub(crate) const DIVERGING: u32 = 8;
    /// Contours exactly at `Params::levels_at` (the first `levels` of them).
    pub(crate) const LEVELS_AT: u32 = 16;
}

/// The colour range as the GPU resolved it: `RangeResult` in shaders/lib/scale.wgsl
/// (tests/layout.rs compares the two).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct RangeResult {
    /// Low end of the colour range, in f.
    pub lo: f32,
    /// High end of the colour range, in f.
    pub hi: f32,
    /// Low end in mapped space (log10 when the log scale is on).
    pub vlo: f32,
    /// High end in mapped space.
    pub vhi: f32,
    /// Log mapping offset: v = log10(f − shift + delta).
    pub delta: f32,
    /// Log mapping shift (0 when every value is positive: v = log10 f).
    pub shift: f32,
    /// Largest |∇f| in value per pixel over the samples where ∇f is defined.
    pub gmax: f32,
    /// Number of samples where f is defined.
    pub count: u32,
    /// 1 when the log scale clipped values below `lo` (zeros and subnormals of an f ≥ 0,
    /// which would otherwise squeeze the scale into its top decades); they show as `lo`.
    pub clipped: u32,
    /// Round spacing of the contour levels in mapped space, 1, 2 or 5 × 10ⁿ (the linear
    /// scale); 0: N levels evenly spaced over the range (the log scale).
    pub step: f32,
    /// With a round step: every `heavy`-th multiple of it is a heavy line.
    pub heavy: u32,
    pub _pad: u32,
}

/// One arrow as the arrow compute pass writes it: `ArrowInstance` in shaders/arrows.wgsl
/// (tests/layout.rs compares the two).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct ArrowInstance {
    /// Foot of the arrow in plot pixels (y down; pixel centres at +0.5).
    pub pos: [f32; 2],
    /// Unit direction in pixel space (y down).
    pub dir: [f32; 2],
    /// Length in pixels; 0 for an anchor that is not drawn (undefined or flat).
    pub len: f32,
    /// |∇f| relative to the largest on screen, 0..1.
    pub mag: f32,
    /// 1 when the field is defined at the anchor.
    pub defined: u32,
    pub _pad: u32,
}

/// Whether `format` stores sRGB-encoded colours (the shaders then output linear values).
pub(crate) fn is_srgb(format: wgpu::TextureFormat) -> bool {
    format.is_srgb()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_render_shader_validates_with_naga() {
        for (name, source) in shader_sources().expect("imports resolve") {
            if let Err(e) = crate::gpu::shader::validate(name, &source) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn a_broken_shader_is_an_error_not_a_panic() {
        let err =
            crate::gpu::shader::validate("broken", "fn f() -> f32 { return x; }").unwrap_err();
        assert!(matches!(err, crate::Error::Shader(_)), "{err}");
    }
}

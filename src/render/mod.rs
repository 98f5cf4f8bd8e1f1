//! Drawing. The renderer draws the heatmap with contour lines, the arrow field and the descent
//! paths from the GPU field buffer into a window surface or an offscreen texture, one pass per
//! struct (`RangePass`, `HeatmapPass`, `ArrowPass`, `PathPass`), each with new / prepare /
//! draw (or dispatch); only the renderer and the offscreen path create encoders. The figure
//! overlay (axes, colour bar, title, labels) is painted with egui onto the same target.

pub mod animation;
pub mod arrows;
pub mod axes;
pub mod basin;
pub mod color_by;
pub mod colorbar;
pub mod colormap;
pub mod contour_labels;
pub mod document;
pub mod egui_offscreen;
pub mod figure;
pub mod heatmap;
mod label_layout;
pub mod layer_cache;
pub mod layout;
mod levels;
pub mod offscreen;
pub mod overlay;
mod path_labels;
pub mod path_source;
pub mod path_trace;
pub mod paths;
pub mod range;
pub mod renderer;
pub mod settings;
mod shaders;
pub mod theme;
pub mod ticks;
mod util;

pub use animation::{AnimatedPath, Animation, RecordStats};
pub use arrows::ArrowPass;
pub use color_by::{Coloring, Finding, MapCounts};
pub use colormap::Colormap;
pub use document::{draw_document, Drawn, Picture};
pub use figure::{
    plot_layout, render_figure_into, render_figure_rgba, render_png, CoarseGrid, FigureText,
};
pub use heatmap::HeatmapPass;
pub use levels::contour_levels;
pub use offscreen::{render_rgba, OffscreenTarget, OFFSCREEN_FORMAT};
pub use path_source::{PathSource, PathStats};
pub use paths::{LabelBox, PathDraw, PathPass, PATH_PALETTE};
pub use range::RangePass;
pub use renderer::{ColorLayer, FrameWork, Layers, Renderer};
pub use settings::{
    ArrowDir, ArrowLength, ArrowSettings, Layout, PlotRect, RangeMode, RenderSettings,
};
pub(crate) use shaders::wgsl_file;
pub use shaders::{
    host_layouts, render_constants_wgsl, resolve_shader, shader_sources, validate_wgsl, WgslFile,
    ARROWS_WGSL, ARROW_WORKGROUP, HEATMAP_WGSL, LUT_SIZE, PATHS_WGSL, RANGE_BINS, RANGE_WGSL,
    RANGE_WORKGROUP, RENDER_PIECES,
};

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
    pub _pad: [u32; 2],
}

/// `Params::flags` bits (`FLAG_*` in the shaders' generated `render_constants`).
pub mod flags {
    pub const HEATMAP: u32 = 1;
    pub const CONTOURS: u32 = 2;
    pub const SRGB_TARGET: u32 = 4;
    pub const DIVERGING: u32 = 8;
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
    pub _pad: [u32; 3],
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
pub fn is_srgb(format: wgpu::TextureFormat) -> bool {
    format.is_srgb()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_render_shader_validates_with_naga() {
        for (name, source) in shader_sources().expect("imports resolve") {
            if let Err(e) = validate_wgsl(name, &source) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn a_broken_shader_is_an_error_not_a_panic() {
        let err = validate_wgsl("broken", "fn f() -> f32 { return x; }").unwrap_err();
        assert!(matches!(err, crate::Error::Shader(_)), "{err}");
    }
}

//! What to draw and where: render settings, the figure layout (plot rectangle and margins for
//! the axes, colour bar and title) and the per-frame `Params` built from them.

use super::{flags, Colormap, Params};
use crate::document::Layers;
pub use crate::document::{ArrowDir, ArrowLength};
use crate::error::{Error, Result};
use crate::view::View;

/// How the colour range is chosen from the visible field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RangeMode {
    /// From the smallest to the largest defined value.
    MinMax,
    /// Clipped to the p-th and (100 − p)-th percentiles of the defined values (0 < p < 50).
    Percentile(f32),
}

/// The arrow field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArrowSettings {
    pub direction: ArrowDir,
    pub length: ArrowLength,
    /// Distance between arrow anchors in pixels (at least 8).
    pub spacing_px: f32,
}

/// Everything the renderer draws besides the function and the view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RenderSettings {
    pub colormap: Colormap,
    /// Number of contour levels.
    pub levels: u32,
    /// Every k-th level is drawn heavier (0: none).
    pub heavy_every: u32,
    /// Colour and levels in log space: v = log10 f when every value is positive, else
    /// v = log10(f − min + δ) with δ = (max − min)/500, so the minimum sits ~2.7 decades
    /// below the maximum and stays visible. Ignored by the diverging map.
    pub log_scale: bool,
    pub range: RangeMode,
    pub show_heatmap: bool,
    pub show_contours: bool,
    pub arrows: ArrowSettings,
    pub show_paths: bool,
    /// Width factor of contour lines, arrows, path lines and markers (1: the base widths);
    /// [`RenderSettings::for_display`] sets it from the UI scale and the theme.
    pub line_width: f32,
    /// Contour lines exactly at these values instead of round levels (none: round ones).
    pub levels_at: LevelsAt,
}

/// Contour levels given exactly (`render --levels-at`): up to [`LevelsAt::MAX`] values of f.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct LevelsAt {
    values: [f32; LevelsAt::MAX],
    len: usize,
}

impl LevelsAt {
    /// The most levels one figure may be given.
    pub const MAX: usize = 32;

    /// The levels `values` (finite, at most [`LevelsAt::MAX`], sorted and without repeats
    /// here), or an error naming `--levels-at`.
    pub fn new(values: &[f64]) -> Result<LevelsAt> {
        if values.len() > LevelsAt::MAX {
            return Err(Error::Input(format!(
                "--levels-at: at most {} levels, got {}",
                LevelsAt::MAX,
                values.len()
            )));
        }
        let mut out = LevelsAt::default();
        let mut sorted: Vec<f32> = Vec::with_capacity(values.len());
        for &v in values {
            let f = v as f32;
            if !f.is_finite() {
                return Err(Error::Input(format!(
                    "--levels-at: {v} is beyond what 32-bit floats hold"
                )));
            }
            sorted.push(f);
        }
        sorted.sort_by(f32::total_cmp);
        sorted.dedup();
        out.values[..sorted.len()].copy_from_slice(&sorted);
        out.len = sorted.len();
        Ok(out)
    }

    /// The levels, or `None` when none were given.
    pub fn values(&self) -> Option<&[f32]> {
        (self.len > 0).then(|| &self.values[..self.len])
    }
}

impl Default for RenderSettings {
    fn default() -> Self {
        RenderSettings {
            colormap: Colormap::Viridis,
            levels: 20,
            heavy_every: 5,
            log_scale: false,
            range: RangeMode::MinMax,
            show_heatmap: true,
            show_contours: true,
            arrows: ArrowSettings {
                direction: ArrowDir::Descent,
                length: ArrowLength::Normalized,
                spacing_px: 40.0,
            },
            show_paths: true,
            line_width: 1.0,
            levels_at: LevelsAt::default(),
        }
    }
}

impl RenderSettings {
    /// The settings that draw a document's layers (every fifth contour line heavier, as by
    /// default): the one mapping from a document's layers to what the renderer draws.
    pub fn from_layers(l: &Layers) -> RenderSettings {
        RenderSettings {
            colormap: l.colormap,
            levels: l.levels,
            log_scale: l.log_scale,
            range: match l.percentile {
                Some(p) => RangeMode::Percentile(p),
                None => RangeMode::MinMax,
            },
            show_heatmap: l.show_heatmap,
            show_contours: l.show_contours,
            arrows: ArrowSettings {
                direction: l.arrows,
                length: l.arrow_length,
                spacing_px: l.arrow_spacing_px,
            },
            show_paths: l.show_paths,
            ..RenderSettings::default()
        }
    }

    /// These settings drawn for a window at `ui_scale` in `theme`: the arrow spacing and every
    /// line width and marker grow with the UI scale, as the text does, and the high-contrast
    /// theme draws its lines heavier (`Theme::line_factor`).
    pub fn for_display(&self, ui_scale: f32, theme: crate::document::Theme) -> RenderSettings {
        let ui = if ui_scale.is_finite() && ui_scale > 0.0 {
            ui_scale
        } else {
            1.0
        };
        let mut s = *self;
        s.arrows.spacing_px = (self.arrows.spacing_px * ui).clamp(8.0, 4096.0);
        s.line_width = self.line_width * ui * theme.line_factor();
        s
    }

    /// Checks what a person can set: levels ≤ 1000, spacing ≥ 8 px, 0 < percentile < 50.
    pub(crate) fn validate(&self) -> Result<()> {
        if self.levels > 1000 {
            return Err(Error::Input(format!(
                "levels: at most 1000, got {}",
                self.levels
            )));
        }
        if !(self.arrows.spacing_px >= 8.0 && self.arrows.spacing_px <= 4096.0) {
            return Err(Error::Input(format!(
                "arrow spacing: 8 to 4096 pixels, got {}",
                self.arrows.spacing_px
            )));
        }
        if let RangeMode::Percentile(p) = self.range {
            if !(p > 0.0 && p < 50.0) {
                return Err(Error::Input(format!(
                    "percentile clipping: 0 < p < 50, got {p}"
                )));
            }
        }
        Ok(())
    }
}

/// A rectangle of the target in pixels, top-left origin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlotRect {
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

/// Where the plot sits in the target: the field is computed at `plot.w × plot.h`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub target: (u32, u32),
    pub plot: PlotRect,
}

impl Layout {
    /// The plot fills the whole target (no axes, no colour bar).
    pub fn full(w: u32, h: u32) -> Layout {
        Layout {
            target: (w, h),
            plot: PlotRect { x: 0, y: 0, w, h },
        }
    }

    /// Checks that the plot lies inside the target and is not empty.
    pub(crate) fn validate(&self) -> Result<()> {
        let p = self.plot;
        if p.w == 0 || p.h == 0 || p.x + p.w > self.target.0 || p.y + p.h > self.target.1 {
            return Err(Error::Input(format!(
                "layout: plot {}×{} at ({}, {}) does not fit the {}×{} target",
                p.w, p.h, p.x, p.y, self.target.0, self.target.1
            )));
        }
        Ok(())
    }
}

/// The uniform every pass reads for this frame.
pub(crate) fn frame_params(
    layout: &Layout,
    view: &View,
    settings: &RenderSettings,
    format: wgpu::TextureFormat,
) -> Params {
    let p = layout.plot;
    let spacing = settings.arrows.spacing_px.max(8.0);
    let mut f = 0;
    if settings.show_heatmap {
        f |= flags::HEATMAP;
    }
    if settings.show_contours {
        f |= flags::CONTOURS;
    }
    if format.is_srgb() {
        f |= flags::SRGB_TARGET;
    }
    if settings.colormap.is_diverging() {
        f |= flags::DIVERGING;
    }
    let mut levels_at = [[0.0f32; 4]; 8];
    let mut levels = settings.levels;
    if let Some(given) = settings.levels_at.values() {
        f |= flags::LEVELS_AT;
        levels = given.len() as u32;
        for (k, v) in given.iter().enumerate() {
            levels_at[k / 4][k % 4] = *v;
        }
    }
    Params {
        grid: [p.w, p.h],
        plot_origin: [p.x as f32, p.y as f32],
        target_size: [layout.target.0 as f32, layout.target.1 as f32],
        world_per_px: [
            (view.width() / p.w as f64) as f32,
            (view.height() / p.h as f64) as f32,
        ],
        levels,
        heavy_every: settings.heavy_every,
        log_scale: settings.log_scale as u32,
        flags: f,
        percentile: match settings.range {
            RangeMode::MinMax => 0.0,
            RangeMode::Percentile(q) => q,
        },
        arrow_spacing: spacing,
        arrow_dir: match settings.arrows.direction {
            ArrowDir::Ascent => 1.0,
            ArrowDir::Descent => -1.0,
            ArrowDir::None => 0.0,
        },
        arrow_length: match settings.arrows.length {
            ArrowLength::Normalized => 0,
            ArrowLength::Proportional => 1,
            ArrowLength::Log => 2,
        },
        arrow_grid: arrow_grid(p.w, p.h, spacing),
        line_width: if settings.line_width.is_finite() {
            settings.line_width.clamp(0.25, 16.0)
        } else {
            1.0
        },
        px_scale: 1.0,
        levels_at,
    }
}

/// Anchors across and down for a `w × h` plot with `spacing` pixels between them (≥ 1 each).
pub(crate) fn arrow_grid(w: u32, h: u32, spacing: f32) -> [u32; 2] {
    let n = |len: u32| ((len as f32 / spacing).floor() as u32).max(1);
    [n(w), n(h)]
}

/// Full-target viewport with the scissor on the plot: what the arrow and path passes draw
/// with (their vertices are in target pixels).
pub(crate) fn set_plot_clip(pass: &mut wgpu::RenderPass<'_>, layout: &Layout) {
    let (w, h) = layout.target;
    let p = layout.plot;
    pass.set_viewport(0.0, 0.0, w as f32, h as f32, 0.0, 1.0);
    pass.set_scissor_rect(p.x, p.y, p.w, p.h);
}

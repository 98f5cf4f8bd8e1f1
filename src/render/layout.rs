//! Where the parts of a figure go: the plot rectangle, the colour bar strip and the title line,
//! sized from the picture and a ui_scale so type stays legible when projected.

use egui::{Pos2, Rect};

/// Label type size (pixels) at 1080 lines and ui_scale 1; every other size is a multiple of it.
pub(crate) const BASE_FONT_PX: f32 = 18.0;
/// Label type size in presentation mode as a fraction of the window's height: 44 px at 1080
/// lines, so that the smallest canvas text (0.85 of it) has a cap height of at least 24 px
/// (1/45 of the height) and the title (1.6 of it, at least 1.2 where a long one is narrowed)
/// one of at least 36 px, in a font whose capitals are 0.66 em or taller.
pub const PRESENT_FONT_PER_HEIGHT: f32 = 44.0 / 1080.0;

/// A rectangle in pixels of the target, (x, y) its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotRect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl PlotRect {
    /// The right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    /// The bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    /// Whether `other` lies entirely inside this rectangle.
    pub fn contains_rect(&self, other: &PlotRect) -> bool {
        other.x >= self.x
            && other.y >= self.y
            && other.right() <= self.right()
            && other.bottom() <= self.bottom()
    }
    /// Whether the two rectangles share any area.
    pub fn overlaps(&self, other: &PlotRect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }
    /// This rectangle in egui points for a painter with `ppp` pixels per point.
    pub(crate) fn to_egui(self, ppp: f32) -> Rect {
        Rect::from_min_size(
            Pos2::new(self.x / ppp, self.y / ppp),
            egui::vec2(self.w / ppp, self.h / ppp),
        )
    }
}

/// What a figure's words ask of its margins (the default: a title, no colour-bar label).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Margins {
    /// No title line: the plot moves up.
    pub no_title: bool,
    /// A label beside the colour bar's tick labels: the plot leaves room for it.
    pub colorbar_label: bool,
    /// Panels beside the plot (the pin's slices): the right third of the figure is theirs.
    pub side_panel: bool,
}

/// Where the parts of a figure go in a `width`×`height` picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureLayout {
    /// The plot area: the field is drawn here, axes around it.
    pub plot: PlotRect,
    /// The colour bar strip right of the plot (zero-sized when there is none).
    pub colorbar: PlotRect,
    /// The panels beside the plot (zero-sized when there are none).
    pub panel: PlotRect,
    /// The top of the title line.
    pub title_y: f32,
    /// The size factor for type and strokes: label type is `BASE_FONT_PX × scale` pixels.
    pub scale: f32,
}

impl FigureLayout {
    /// Margins sized for labels of about 18 px at 1080 lines × `ui_scale`, shrinking with the
    /// picture but never below legible (labels ≥ 11 px).
    pub fn for_figure(width: u32, height: u32, ui_scale: f32, with_colorbar: bool) -> FigureLayout {
        FigureLayout::with_margins(width, height, ui_scale, with_colorbar, Margins::default())
    }

    /// [`FigureLayout::for_figure`] with the margins `m` asks for: less room on top without a
    /// title, more on the right for the colour bar's label.
    pub fn with_margins(
        width: u32,
        height: u32,
        ui_scale: f32,
        with_colorbar: bool,
        m: Margins,
    ) -> FigureLayout {
        let (w, h) = (width.max(1) as f32, height.max(1) as f32);
        let ui = if ui_scale.is_finite() && ui_scale > 0.0 {
            ui_scale
        } else {
            1.0
        };
        let scale = (ui * (w / 1920.0).min(h / 1080.0)).max(11.0 / BASE_FONT_PX);
        let f = BASE_FONT_PX * scale;
        let left = 5.5 * f;
        let bottom = 3.6 * f;
        let top = if m.no_title { 1.6 * f } else { 4.4 * f };
        let panel_w = if m.side_panel { 0.34 * w } else { 0.0 };
        let right = panel_w
            + match (with_colorbar, m.colorbar_label) {
                (true, true) => 9.8 * f,
                (true, false) => 8.0 * f,
                (false, _) => 1.5 * f,
            };
        let plot = PlotRect {
            x: left.min(w * 0.3),
            y: top.min(h * 0.3),
            w: (w - left - right).max(w * 0.3),
            h: (h - top - bottom).max(h * 0.3),
        };
        let colorbar = if with_colorbar {
            PlotRect {
                x: plot.right() + 1.2 * f,
                y: plot.y,
                w: 1.4 * f,
                h: plot.h,
            }
        } else {
            PlotRect {
                x: plot.right(),
                y: plot.y,
                w: 0.0,
                h: 0.0,
            }
        };
        let panel = if m.side_panel {
            PlotRect {
                x: w - panel_w + 0.5 * f,
                y: plot.y,
                w: (panel_w - 1.5 * f).max(1.0),
                h: plot.h,
            }
        } else {
            PlotRect {
                x: w,
                y: plot.y,
                w: 0.0,
                h: 0.0,
            }
        };
        FigureLayout {
            plot,
            colorbar,
            panel,
            title_y: 0.6 * f,
            scale,
        }
    }

    /// The layout of the canvas in presentation mode: a `width`×`height` canvas in a window
    /// `window_height` pixels high, its type [`PRESENT_FONT_PER_HEIGHT`] of that height (or
    /// larger where the UI scale already makes it so).
    pub fn for_presentation(
        width: u32,
        height: u32,
        window_height: u32,
        ui_scale: f32,
        with_colorbar: bool,
    ) -> FigureLayout {
        let normal = FigureLayout::for_figure(width, height, ui_scale, with_colorbar);
        let present = PRESENT_FONT_PER_HEIGHT * window_height.max(1) as f32 / BASE_FONT_PX;
        // As for_figure with the type scale fixed: scale / (w / 1920 ∧ h / 1080).
        let (w, h) = (width.max(1) as f32, height.max(1) as f32);
        let fit = (w / 1920.0).min(h / 1080.0);
        if present <= normal.scale || fit <= 0.0 {
            return normal;
        }
        FigureLayout::for_figure(width, height, present / fit, with_colorbar)
    }
}

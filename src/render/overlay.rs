//! The figure overlay painted with egui on top of the field layers: title, axes with ticks and
//! grid, colour bar, contour value labels, path annotations and a free text box. Pure layout plus
//! painting onto any `egui::Painter`, so the PNG and the explorer window show the same overlay.
//!
//! Every position and size in this module is in physical pixels of the target; painting divides
//! by the painter's pixels-per-point.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke};

pub use super::colorbar::{colorbar_fraction, log_delta, ColorBar};
pub use super::contour_labels::{contour_label_size, place_contour_labels, ContourLabels};

/// Label type size (pixels) at 1080 lines and ui_scale 1; every other size is a multiple of it.
pub const BASE_FONT_PX: f32 = 18.0;

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

/// Where the parts of a figure go in a `width`×`height` picture.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FigureLayout {
    /// The plot area: the field is drawn here, axes around it.
    pub plot: PlotRect,
    /// The colour bar strip right of the plot (zero-sized when there is none).
    pub colorbar: PlotRect,
    /// The top of the title line.
    pub title_y: f32,
    /// The size factor for type and strokes: label type is `BASE_FONT_PX × scale` pixels.
    pub scale: f32,
}

impl FigureLayout {
    /// Margins sized for labels of about 18 px at 1080 lines × `ui_scale`, shrinking with the
    /// picture but never below legible (labels ≥ 11 px).
    pub fn for_figure(width: u32, height: u32, ui_scale: f32, with_colorbar: bool) -> FigureLayout {
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
        let top = 4.4 * f;
        let right = if with_colorbar { 8.0 * f } else { 1.5 * f };
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
        FigureLayout {
            plot,
            colorbar,
            title_y: 0.6 * f,
            scale,
        }
    }
}

/// Text colours and strokes of the overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light text on a dark background.
    #[default]
    Dark,
    /// Dark text on a light background (print).
    Light,
    /// White on black with heavier strokes (projectors in bright rooms).
    HighContrast,
}

impl Theme {
    /// The colour the target should be cleared with behind the figure (RGBA8, sRGB).
    pub fn background(self) -> [u8; 4] {
        match self {
            Theme::Dark => [24, 24, 28, 255],
            Theme::Light => [255, 255, 255, 255],
            Theme::HighContrast => [0, 0, 0, 255],
        }
    }
    /// Text, tick and frame colour.
    pub fn text(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgb(235, 235, 235),
            Theme::Light => Color32::from_rgb(20, 20, 20),
            Theme::HighContrast => Color32::WHITE,
        }
    }
    /// Backing behind text drawn over the field.
    pub fn halo(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgba_unmultiplied(16, 16, 20, 200),
            Theme::Light => Color32::from_rgba_unmultiplied(255, 255, 255, 210),
            Theme::HighContrast => Color32::BLACK,
        }
    }
    /// Grid lines across the plot.
    pub fn grid(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgba_unmultiplied(255, 255, 255, 46),
            Theme::Light => Color32::from_rgba_unmultiplied(0, 0, 0, 46),
            Theme::HighContrast => Color32::from_rgba_unmultiplied(255, 255, 255, 90),
        }
    }
    /// Stroke width factor (× scale) for frames and ticks.
    pub fn stroke_px(self) -> f32 {
        match self {
            Theme::HighContrast => 2.5,
            _ => 1.5,
        }
    }
}

/// A text placed next to a point, e.g. a path's "step 12  f=0.031".
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The point the label belongs to, in pixels.
    pub pos: [f32; 2],
    pub text: String,
    /// Text colour, RGBA8 sRGB.
    pub color: [u8; 4],
}

/// Which corner of the plot a text box sits in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Corner {
    #[default]
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

/// A box of free text (lines separated by '\n') in a corner of the plot, e.g. a hover read-out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExtraText<'a> {
    pub text: &'a str,
    pub corner: Corner,
}

/// Everything the overlay shows for one frame.
#[derive(Debug, Clone, Copy)]
pub struct OverlayInput<'a> {
    /// The world rectangle shown in `plot`.
    pub view: crate::View,
    pub plot: PlotRect,
    pub colorbar: Option<ColorBar<'a>>,
    /// The function's formula.
    pub title: &'a str,
    /// A second, smaller line under the title (e.g. optimizer and η).
    pub subtitle: Option<&'a str>,
    /// Names of the horizontal and vertical variables.
    pub axis_names: (&'a str, &'a str),
    /// Annotations next to points (path ends).
    pub labels: &'a [Label],
    pub contour_labels: Option<ContourLabels<'a>>,
    /// Size factor, usually [`FigureLayout::scale`].
    pub scale: f32,
    pub theme: Theme,
    /// A free text box in a corner of the plot.
    pub extra: Option<ExtraText<'a>>,
}

/// Paints the whole overlay for `input`. The target behind the margins should be cleared with
/// [`Theme::background`].
pub fn paint_overlay(painter: &Painter, input: &OverlayInput) {
    let scale = if input.scale.is_finite() && input.scale > 0.0 {
        input.scale
    } else {
        1.0
    };
    let px = Px::new(painter, scale);
    super::axes::paint_axes(painter, &px, input);
    if let Some(bar) = &input.colorbar {
        super::colorbar::paint_colorbar(painter, &px, bar, input.theme);
    }
    if let Some(c) = &input.contour_labels {
        super::contour_labels::paint_contour_labels(painter, &px, c, input.plot, input.theme);
    }
    paint_title(painter, &px, input);
    for label in input.labels {
        paint_label(painter, &px, label, input.theme);
    }
    if let Some(extra) = &input.extra {
        paint_extra(painter, &px, extra, input.plot, input.theme);
    }
}

/// Pixel ↔ point conversion and type sizes for one painter.
pub(crate) struct Px {
    /// Pixels per point.
    pub ppp: f32,
    /// Label type size in pixels.
    pub font: f32,
    pub scale: f32,
}

impl Px {
    pub fn new(painter: &Painter, scale: f32) -> Px {
        Px {
            ppp: painter.pixels_per_point().max(1e-3),
            font: BASE_FONT_PX * scale,
            scale,
        }
    }
    /// A pixel position as an egui point.
    pub fn pos(&self, x: f32, y: f32) -> Pos2 {
        Pos2::new(x / self.ppp, y / self.ppp)
    }
    /// A proportional font `size_px` pixels high.
    pub fn font_id(&self, size_px: f32) -> FontId {
        FontId::proportional(size_px / self.ppp)
    }
    /// A stroke `width_px` pixels wide.
    pub fn stroke(&self, width_px: f32, color: Color32) -> Stroke {
        Stroke::new(width_px / self.ppp, color)
    }
    /// The size of `text` in pixels at `size_px`.
    pub fn measure(&self, painter: &Painter, text: &str, size_px: f32) -> egui::Vec2 {
        painter
            .layout_no_wrap(text.to_owned(), self.font_id(size_px), Color32::WHITE)
            .size()
            * self.ppp
    }
}

fn paint_title(painter: &Painter, px: &Px, input: &OverlayInput) {
    let clip = painter.clip_rect();
    let cx = clip.center().x * px.ppp;
    let top = clip.top() * px.ppp + 0.6 * px.font;
    let title_px = 1.6 * px.font;
    painter.text(
        px.pos(cx, top),
        Align2::CENTER_TOP,
        input.title,
        px.font_id(title_px),
        input.theme.text(),
    );
    if let Some(sub) = input.subtitle {
        painter.text(
            px.pos(cx, top + 1.3 * title_px),
            Align2::CENTER_TOP,
            sub,
            px.font_id(1.05 * px.font),
            input.theme.text(),
        );
    }
}

/// Text with a rounded backing, `rect_px` its outer box in pixels.
pub(crate) fn haloed_text(
    painter: &Painter,
    px: &Px,
    rect_px: PlotRect,
    text: &str,
    size_px: f32,
    color: Color32,
    theme: Theme,
) {
    let rect = rect_px.to_egui(px.ppp);
    painter.rect_filled(rect, 0.25 * size_px / px.ppp, theme.halo());
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        text,
        px.font_id(size_px),
        color,
    );
}

/// A box of `size` pixels placed up-right of (x, y) by `offset`, flipped to the other side
/// where it would leave `bounds`, then clamped inside it.
pub(crate) fn place_box(x: f32, y: f32, size: egui::Vec2, offset: f32, bounds: Rect) -> PlotRect {
    let mut bx = x + offset;
    if bx + size.x > bounds.right() {
        bx = x - offset - size.x;
    }
    let mut by = y - offset - size.y;
    if by < bounds.top() {
        by = y + offset;
    }
    PlotRect {
        x: bx.clamp(bounds.left(), (bounds.right() - size.x).max(bounds.left())),
        y: by.clamp(bounds.top(), (bounds.bottom() - size.y).max(bounds.top())),
        w: size.x,
        h: size.y,
    }
}

fn paint_label(painter: &Painter, px: &Px, label: &Label, theme: Theme) {
    let [x, y] = label.pos;
    if !x.is_finite() || !y.is_finite() {
        return;
    }
    let size_px = 1.2 * px.font;
    let pad = 0.3 * size_px;
    let text_size = px.measure(painter, &label.text, size_px);
    let size = text_size + egui::vec2(2.0 * pad, pad);
    let clip = painter.clip_rect();
    let bounds = Rect::from_min_max(
        (clip.min.to_vec2() * px.ppp).to_pos2(),
        (clip.max.to_vec2() * px.ppp).to_pos2(),
    );
    let b = place_box(x, y, size, 0.6 * size_px, bounds);
    let [r, g, bl, a] = label.color;
    let color = Color32::from_rgba_unmultiplied(r, g, bl, a);
    painter.rect_stroke(
        b.to_egui(px.ppp),
        0.25 * size_px / px.ppp,
        px.stroke(2.0 * px.scale, color),
        egui::StrokeKind::Outside,
    );
    haloed_text(painter, px, b, &label.text, size_px, color, theme);
}

fn paint_extra(painter: &Painter, px: &Px, extra: &ExtraText, plot: PlotRect, theme: Theme) {
    let size_px = px.font;
    let pad = 0.5 * size_px;
    let galley = painter.layout_no_wrap(extra.text.to_owned(), px.font_id(size_px), theme.text());
    let size = galley.size() * px.ppp + egui::vec2(2.0 * pad, 2.0 * pad);
    let (left, top) = match extra.corner {
        Corner::TopLeft | Corner::BottomLeft => (true, extra.corner == Corner::TopLeft),
        Corner::TopRight | Corner::BottomRight => (false, extra.corner == Corner::TopRight),
    };
    let x = if left {
        plot.x + pad
    } else {
        plot.right() - pad - size.x
    };
    let y = if top {
        plot.y + pad
    } else {
        plot.bottom() - pad - size.y
    };
    let rect = PlotRect {
        x,
        y,
        w: size.x,
        h: size.y,
    }
    .to_egui(px.ppp);
    painter.rect_filled(rect, 0.25 * size_px / px.ppp, theme.halo());
    painter.galley(
        rect.min + egui::vec2(pad, pad) / px.ppp,
        galley,
        theme.text(),
    );
}

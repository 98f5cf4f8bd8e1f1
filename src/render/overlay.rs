//! The figure overlay painted with egui on top of the field layers: title, axes with ticks and
//! grid, colour bar, contour value labels, path annotations and a free text box. Pure layout plus
//! painting onto any `egui::Painter`, so the PNG and the explorer window show the same overlay.
//!
//! Every position and size in this module is in physical pixels of the target; painting divides
//! by the painter's pixels-per-point.

use egui::{Align2, Color32, FontId, Painter, Pos2, Stroke};

pub use super::colorbar::{colorbar_fraction, ColorBar};
pub use super::contour_labels::{contour_label_size, place_contour_labels, ContourLabels};
pub(crate) use super::layout::BASE_FONT_PX;
pub use super::layout::{FigureLayout, PlotRect, PRESENT_FONT_PER_HEIGHT};
pub(crate) use super::path_labels::paint_label_text;
pub use super::paths::LabelBox;
pub use super::rules::Rule;
pub use super::theme::Theme;

/// A text placed next to a point, e.g. a path's "step 12  f=0.031".
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The point the label belongs to, in pixels.
    pub pos: [f32; 2],
    pub text: String,
    /// Text colour, RGBA8 sRGB.
    pub color: [u8; 4],
    /// Where the path's start marker is drawn, in pixels: no label covers it.
    pub start: Option<[f32; 2]>,
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
    /// Words beside the colour bar, read upwards ("loss").
    pub colorbar_label: Option<&'a str>,
    /// A key to the paths in a corner of the plot (none when empty).
    pub legend: &'a [LegendEntry],
    /// The pin's marks on the plot.
    pub pin: Option<&'a super::pin_panels::PinFigure>,
    /// Where the side panels go (beside the plot), if anywhere: the pin's slices and polar
    /// plot, or else the data panel.
    pub panel: Option<PlotRect>,
    /// The points and the model of a data loss, for the data panel.
    pub data: Option<&'a super::data_panel::DataFigure>,
}

/// One line of a figure's legend: a path's colour and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// The path's colour, RGBA8 sRGB.
    pub color: [u8; 4],
    /// "Gradient descent, η = 0.1, from (−1.5, 2)".
    pub text: String,
}

/// Paints the whole overlay for `input` but the boxes of the path labels, which it returns for
/// the path pass to draw under their text ([`super::Renderer::set_label_boxes`]). The target
/// behind the margins should be cleared with [`Theme::background`].
pub fn paint_overlay(painter: &Painter, input: &OverlayInput) -> Vec<LabelBox> {
    // The rules go under everything else: egui paints shapes in the order they are added.
    let under = painter.add(egui::Shape::Noop);
    let rules = paint_static(painter, input);
    let shapes = super::rules::shapes(&rules, painter.pixels_per_point());
    painter.set(under, egui::Shape::Vec(shapes));
    paint_label_text(painter, input)
}

/// The parts of the overlay that stay while paths animate: axes, grid, colour bar, contour
/// values, title and any extra box (everything but the path labels). The frame, grid lines
/// and tick marks are returned as rules, not painted: the caller draws them under what this
/// painted (the renderer's [`super::Renderer::set_rules`], or [`super::rules::paint_rules`]
/// first on another layer).
pub(crate) fn paint_static(painter: &Painter, input: &OverlayInput) -> Vec<Rule> {
    let px = Px::for_input(painter, input);
    let mut rules = Vec::new();
    super::axes::paint_axes(painter, &px, input, &mut rules);
    if let Some(pin) = input.pin {
        super::pin_marks::paint_marks(painter, &px, pin, &input.view, input.plot);
    }
    match (input.panel, input.pin, input.data) {
        (Some(area), Some(pin), _) => {
            super::pin_panels::paint_panels(painter, &px, pin, area, input.theme)
        }
        (Some(area), None, Some(data)) => {
            super::data_panel::paint_data_panel(painter, &px, data, area, input.theme)
        }
        _ => {}
    }
    if let Some(c) = &input.contour_labels {
        super::contour_labels::paint_contour_labels(painter, &px, c, input.plot, input.theme);
    }
    paint_frame_text(painter, input);
    rules
}

/// What a figure shows around any plot, a map or the 3D surface: colour bar, title and any
/// extra box (no axes: the surface has its own in the box).
pub(crate) fn paint_frame_text(painter: &Painter, input: &OverlayInput) {
    let px = Px::for_input(painter, input);
    if let Some(bar) = &input.colorbar {
        super::colorbar::paint_colorbar(painter, &px, bar, input.theme);
        if let Some(label) = input.colorbar_label {
            super::legend::paint_colorbar_label(painter, &px, bar.rect, label, input.theme);
        }
    }
    if !input.legend.is_empty() {
        super::legend::paint_legend(
            painter,
            &px,
            input.legend,
            input.plot,
            input.theme,
            input.labels,
        );
    }
    paint_title(painter, &px, input);
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
    /// For painting `input` (a type scale that is not a positive number counts as 1).
    pub(crate) fn for_input(painter: &Painter, input: &OverlayInput) -> Px {
        let scale = if input.scale.is_finite() && input.scale > 0.0 {
            input.scale
        } else {
            1.0
        };
        Px::new(painter, scale)
    }

    pub(crate) fn new(painter: &Painter, scale: f32) -> Px {
        Px {
            ppp: painter.pixels_per_point().max(1e-3),
            font: BASE_FONT_PX * scale,
            scale,
        }
    }
    /// A pixel position as an egui point.
    pub(crate) fn pos(&self, x: f32, y: f32) -> Pos2 {
        Pos2::new(x / self.ppp, y / self.ppp)
    }
    /// A proportional font `size_px` pixels high.
    pub(crate) fn font_id(&self, size_px: f32) -> FontId {
        FontId::proportional(size_px / self.ppp)
    }
    /// A stroke `width_px` pixels wide.
    pub(crate) fn stroke(&self, width_px: f32, color: Color32) -> Stroke {
        Stroke::new(width_px / self.ppp, color)
    }
    /// The size of `text` in pixels at `size_px`.
    pub(crate) fn measure(&self, painter: &Painter, text: &str, size_px: f32) -> egui::Vec2 {
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
    let room = 0.98 * clip.width() * px.ppp;
    let title_px = 1.6 * px.font;
    if !typeset_title(painter, px, input, px.pos(cx, top), title_px, room) {
        let (title, size) = fitted(painter, px, input.title, title_px, room);
        painter.text(
            px.pos(cx, top),
            Align2::CENTER_TOP,
            title,
            px.font_id(size),
            input.theme.text(),
        );
    }
    if let Some(sub) = input.subtitle {
        let (sub, size) = fitted(painter, px, sub, 1.05 * px.font, room);
        painter.text(
            px.pos(cx, top + 1.3 * title_px),
            Align2::CENTER_TOP,
            sub,
            px.font_id(size),
            input.theme.text(),
        );
    }
}

/// Paints the title centred at `top` with its formula typeset (exponents raised,
/// `render::typeset::title`), `size_px` or down to 3/4 of it to fit `room` pixels; false
/// (nothing painted) when the title holds no formula or does not fit even so.
fn typeset_title(
    painter: &Painter,
    px: &Px,
    input: &OverlayInput,
    top: Pos2,
    size_px: f32,
    room: f32,
) -> bool {
    let Some(runs) = super::typeset::cached_title(input.title) else {
        return false;
    };
    let style = |size: f32| super::typeset::Style::new(size / px.ppp, input.theme.text());
    let width = |size: f32| {
        let job = super::typeset::job(&runs, &style(size));
        painter.layout_job(job).size().x * px.ppp
    };
    let size = match width(size_px) {
        w if w <= room => size_px,
        w => size_px * room / w,
    };
    if size < 0.75 * size_px || width(size) > room {
        return false;
    }
    let galley = painter.layout_job(super::typeset::job(&runs, &style(size)));
    let at = top - egui::vec2(0.5 * galley.size().x, 0.0);
    painter.galley(at, galley, input.theme.text());
    true
}

/// `text` and a type size for it no wider than `room` pixels: `size_px`, or down to 3/4 of
/// it, and cut short with "…" where even that is too wide.
fn fitted(painter: &Painter, px: &Px, text: &str, size_px: f32, room: f32) -> (String, f32) {
    let width = px.measure(painter, text, size_px).x;
    if width <= room {
        return (text.to_string(), size_px);
    }
    let size = (size_px * room / width).max(0.75 * size_px);
    let chars: Vec<char> = text.chars().collect();
    let mut keep = chars.len();
    let mut out = text.to_string();
    while keep > 1 && px.measure(painter, &out, size).x > room {
        keep -= 1;
        out = chars[..keep].iter().collect::<String>() + "…";
    }
    (out, size)
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

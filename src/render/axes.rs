//! The axes of the overlay: frame, tick marks with numeric labels on both axes, grid lines across
//! the plot and the axis names.

use egui::{Align2, Painter};

use super::overlay::{OverlayInput, Px};
use super::ticks::{axis_ticks, AxisTick};

/// Target spacing between labelled ticks, in pixels at scale 1 (about one label per 100 px).
pub(crate) const TICK_SPACING_PX: f32 = 100.0;

/// The ticks of the horizontal and vertical axes for `input`, with label sizes measured by
/// `measure(label) -> (width, height)` in pixels; neighbouring labels never overlap.
pub fn plot_ticks(
    input: &OverlayInput,
    measure: &mut dyn FnMut(&str) -> (f32, f32),
) -> (Vec<AxisTick>, Vec<AxisTick>) {
    let s = input.scale;
    let gap = 0.8 * super::overlay::BASE_FONT_PX * s;
    let v = input.view;
    let xs = axis_ticks(
        v.x0,
        v.x1,
        input.plot.w,
        TICK_SPACING_PX * s,
        gap,
        &mut |t| measure(t).0,
    );
    let ys = axis_ticks(
        v.y0,
        v.y1,
        input.plot.h,
        TICK_SPACING_PX * s,
        gap * 0.5,
        &mut |t| measure(t).1,
    );
    (xs, ys)
}

/// Paints frame, grid, ticks, tick labels and axis names around `input.plot`.
pub(crate) fn paint_axes(painter: &Painter, px: &Px, input: &OverlayInput) {
    let p = input.plot;
    let theme = input.theme;
    let font = px.font;
    let (xs, ys) = plot_ticks(input, &mut |t| {
        let s = px.measure(painter, t, font);
        (s.x, s.y)
    });
    let grid = px.stroke(theme.grid_px() * px.scale.max(1.0), theme.grid());
    let tick = px.stroke(theme.stroke_px() * px.scale.max(0.7), theme.text());
    let tick_len = 0.45 * font;
    for t in &xs {
        let x = p.x + t.frac as f32 * p.w;
        painter.line_segment([px.pos(x, p.y), px.pos(x, p.bottom())], grid);
        painter.line_segment(
            [px.pos(x, p.bottom()), px.pos(x, p.bottom() + tick_len)],
            tick,
        );
        painter.text(
            px.pos(x, p.bottom() + tick_len + 0.2 * font),
            Align2::CENTER_TOP,
            &t.label,
            px.font_id(font),
            theme.text(),
        );
    }
    for t in &ys {
        let y = p.bottom() - t.frac as f32 * p.h;
        painter.line_segment([px.pos(p.x, y), px.pos(p.right(), y)], grid);
        painter.line_segment([px.pos(p.x - tick_len, y), px.pos(p.x, y)], tick);
        painter.text(
            px.pos(p.x - tick_len - 0.3 * font, y),
            Align2::RIGHT_CENTER,
            &t.label,
            px.font_id(font),
            theme.text(),
        );
    }
    painter.rect_stroke(p.to_egui(px.ppp), 0.0, tick, egui::StrokeKind::Outside);
    let name_px = 1.15 * font;
    let (xn, yn) = input.axis_names;
    painter.text(
        px.pos(p.x + p.w / 2.0, p.bottom() + tick_len + 1.5 * font),
        Align2::CENTER_TOP,
        xn,
        px.font_id(name_px),
        theme.text(),
    );
    let widest = ys
        .iter()
        .map(|t| px.measure(painter, &t.label, font).x)
        .fold(0.0f32, f32::max);
    let right = p.x - tick_len - 0.6 * font - widest;
    let left_edge = painter.clip_rect().left() * px.ppp;
    if right - px.measure(painter, yn, name_px).x >= left_edge {
        painter.text(
            px.pos(right, p.y + p.h / 2.0),
            Align2::RIGHT_CENTER,
            yn,
            px.font_id(name_px),
            theme.text(),
        );
    } else {
        painter.text(
            px.pos(p.x, p.y - 0.25 * font),
            Align2::LEFT_BOTTOM,
            yn,
            px.font_id(name_px),
            theme.text(),
        );
    }
}

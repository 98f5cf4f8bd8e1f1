//! The pin's marks on a figure's plot, as the explorer draws them on its canvas: the two
//! slice lines through the pin in the slices' colours, ∇f from the pin, the direction u with
//! D_u f written beside it, and the pin itself.

use egui::{Align2, Color32, Painter, Pos2, Stroke};

use super::overlay::{PlotRect, Px};
use super::pin_panels::{slope_text, PinFigure, GRAD_COLOR, U_COLOR, X_SLICE, Y_SLICE};
use crate::view::View;

/// Length of the ∇f and u arrows in pixels at scale 1.
const ARROW_PX: f32 = 70.0;

/// Paints the pin's marks on `plot` showing `view`.
pub(crate) fn paint_marks(
    painter: &Painter,
    px: &Px,
    pin: &PinFigure,
    view: &View,
    plot: PlotRect,
) {
    let t = &pin.tangent;
    let u = ((t.x - view.x0) / (view.x1 - view.x0)) as f32;
    let v = ((view.y1 - t.y) / (view.y1 - view.y0)) as f32;
    let (cx, cy) = (plot.x + u * plot.w, plot.y + v * plot.h);
    let painter = painter.with_clip_rect(plot.to_egui(px.ppp));
    let k = px.scale.max(0.7);
    let color = |c: [u8; 4]| Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3]);
    let dark = px.stroke(4.0 * k, Color32::from_black_alpha(160));
    for (a, b, c) in [
        ((plot.x, cy), (plot.right(), cy), X_SLICE),
        ((cx, plot.y), (cx, plot.bottom()), Y_SLICE),
    ] {
        let seg = [px.pos(a.0, a.1), px.pos(b.0, b.1)];
        painter.line_segment(seg, dark);
        painter.line_segment(seg, px.stroke(2.0 * k, color(c)));
    }
    let centre = px.pos(cx, cy);
    let len = ARROW_PX * k;
    let (gx, gy) = t.grad();
    let n = gx.hypot(gy);
    if n > 0.0 {
        let tip = px.pos(cx + len * (gx / n) as f32, cy - len * (gy / n) as f32);
        arrow(&painter, px, centre, tip, color(GRAD_COLOR), k);
        let along = egui::vec2((gx / n) as f32, -(gy / n) as f32);
        label(&painter, px, tip, along, "∇f", color(GRAD_COLOR));
    }
    let (ux, uy) = crate::teach::unit(pin.theta);
    let handle = px.pos(cx + 1.25 * len * ux as f32, cy - 1.25 * len * uy as f32);
    let u_color = color(U_COLOR);
    arrow(&painter, px, centre, handle, u_color, k);
    let words = format!("u: D_u f = {}", slope_text(pin.directional()));
    let along = egui::vec2(ux as f32, -uy as f32);
    label(&painter, px, handle, along, &words, u_color);
    painter.circle(
        centre,
        6.0 * k / px.ppp,
        Color32::WHITE,
        Stroke::new(2.0 * k / px.ppp, Color32::BLACK),
    );
}

/// An arrow with a dark outline.
fn arrow(painter: &Painter, px: &Px, from: Pos2, to: Pos2, color: Color32, k: f32) {
    painter.arrow(
        from,
        to - from,
        px.stroke(5.0 * k, Color32::from_black_alpha(150)),
    );
    painter.arrow(from, to - from, px.stroke(2.5 * k, color));
}

/// Words on a dark backing just past the tip `at` of an arrow pointing `along`, on the side
/// it points to, kept inside the plot.
fn label(painter: &Painter, px: &Px, at: Pos2, along: egui::Vec2, text: &str, color: Color32) {
    let galley = painter.layout_no_wrap(text.to_owned(), px.font_id(px.font), color);
    let pad = 0.2 * px.font / px.ppp;
    let anchor = match (along.x >= 0.0, along.y >= 0.0) {
        (true, true) => Align2::LEFT_TOP,
        (true, false) => Align2::LEFT_BOTTOM,
        (false, true) => Align2::RIGHT_TOP,
        (false, false) => Align2::RIGHT_BOTTOM,
    };
    let start = at + along * (0.3 * px.font / px.ppp);
    let rect = anchor.anchor_size(start, galley.size()).expand(pad);
    let clip = painter.clip_rect();
    let shift = egui::vec2(
        (clip.min.x - rect.min.x).max(0.0) + (clip.max.x - rect.max.x).min(0.0),
        (clip.min.y - rect.min.y).max(0.0) + (clip.max.y - rect.max.y).min(0.0),
    );
    let rect = rect.translate(shift);
    painter.rect_filled(rect, pad, Color32::from_black_alpha(170));
    painter.galley(rect.min + egui::vec2(pad, pad), galley, color);
}

//! The pin's marks on the canvas: the slice lines through the pin, ∇f, the direction u with
//! its handle and D_u f, with the level curve from `level_ui` and the curvature axes from
//! `curvature_ui` beneath them.

use egui::{Color32, Painter, Pos2, Stroke};

use super::state::ExplorerState;
use super::teach_ui::{slope_text, special_color, GRAD_COLOR, U_COLOR, X_SLICE, Y_SLICE};
use crate::render::overlay::PlotRect;
use crate::teach;

/// Marks on the canvas for the pin: the two slice lines, ∇f, u and its handle. `plot` is the
/// canvas rectangle in window pixels.
pub(crate) fn paint_canvas(painter: &Painter, s: &ExplorerState, plot: PlotRect) {
    let Some((x, y)) = s.doc.pin else {
        return;
    };
    let ppp = painter.pixels_per_point().max(1e-3);
    let pt = |px: f64, py: f64| Pos2::new((plot.x + px as f32) / ppp, (plot.y + py as f32) / ppp);
    let clip = egui::Rect::from_min_max(pt(0.0, 0.0), pt(f64::from(plot.w), f64::from(plot.h)));
    let painter = painter.with_clip_rect(clip);
    let (cx, cy) = s.to_pixel(x, y);
    // Sizes in pixels at UI scale 1, grown with the other marks.
    let k = s.mark_scale() as f32;
    let w = 2.0 * k / ppp;
    let dark = Stroke::new(4.0 * k / ppp, Color32::from_black_alpha(160));
    for (a, b, color) in [
        (pt(0.0, cy), pt(f64::from(plot.w), cy), X_SLICE),
        (pt(cx, 0.0), pt(cx, f64::from(plot.h)), Y_SLICE),
    ] {
        painter.line_segment([a, b], dark);
        painter.line_segment([a, b], Stroke::new(w, color));
    }
    let centre = pt(cx, cy);
    super::level_ui::paint(&painter, s, &pt);
    let axis = super::teach::HANDLE_PX * s.mark_scale();
    super::curvature_ui::paint_axes(&painter, s, &pt, (cx, cy), axis);
    if let Some(t) = s.pin_tangent() {
        let (gx, gy) = t.grad();
        let n = gx.hypot(gy);
        if n > 0.0 {
            let len = super::teach::HANDLE_PX * s.mark_scale() * 0.8;
            let tip = pt(cx + len * gx / n, cy - len * gy / n);
            arrow(&painter, centre, tip, GRAD_COLOR, ppp / k);
            // Close to u the two labels would overlap; u's label then says it all.
            let near_u = teach::angle_to_grad_deg((gx, gy), s.doc.direction) < 20.0;
            if !near_u {
                label_beside(&painter, tip, gx, "∇f".into(), GRAD_COLOR, ppp);
            }
        }
    }
    if let Some((hx, hy)) = s.direction_handle_px() {
        let handle = pt(hx, hy);
        arrow(&painter, centre, handle, U_COLOR, ppp / k);
        painter.circle(
            handle,
            7.0 * k / ppp,
            Color32::from_black_alpha(120),
            Stroke::new(w, U_COLOR),
        );
        if let Some(r) = s.directional_readout() {
            let color = r.special.map_or(U_COLOR, special_color);
            let text = format!("u: D_u f = {}", slope_text(r.value));
            label_beside(&painter, handle, hx - cx, text, color, ppp);
        }
    }
    painter.circle(
        centre,
        6.0 * k / ppp,
        Color32::WHITE,
        Stroke::new(w, Color32::BLACK),
    );
}

/// Text beside `at`, on the side away from the pin (`dx`: which way the mark points), or on
/// the other side where it would leave the canvas; kept inside the canvas either way.
pub(crate) fn label_beside(
    painter: &Painter,
    at: Pos2,
    dx: f64,
    text: String,
    color: Color32,
    ppp: f32,
) {
    let galley = painter.layout_no_wrap(text, font(painter, ppp), color);
    let place = |right: bool| {
        let (offset, anchor) = if right {
            (10.0, egui::Align2::LEFT_CENTER)
        } else {
            (-10.0, egui::Align2::RIGHT_CENTER)
        };
        anchor
            .anchor_size(at + egui::vec2(offset / ppp, 0.0), galley.size())
            .expand(3.0 / ppp)
    };
    let clip = painter.clip_rect();
    let mut rect = place(dx >= 0.0);
    if !clip.contains_rect(rect) {
        let other = place(dx < 0.0);
        if clip.contains_rect(other) {
            rect = other;
        }
    }
    // Still outside (a canvas narrower than the label, or at a corner): slide it in.
    let shift = egui::vec2(
        (clip.min.x - rect.min.x).max(0.0) + (clip.max.x - rect.max.x).min(0.0),
        (clip.min.y - rect.min.y).max(0.0) + (clip.max.y - rect.max.y).min(0.0),
    );
    let rect = rect.translate(shift);
    painter.rect_filled(rect, 3.0 / ppp, Color32::from_black_alpha(170));
    painter.galley(rect.min + egui::vec2(3.0 / ppp, 3.0 / ppp), galley, color);
}

/// The label type: 18 px at normal size, grown with the canvas text in presentation mode.
fn font(painter: &Painter, ppp: f32) -> egui::FontId {
    egui::FontId::proportional(18.0 * super::panels::canvas_text_scale(painter.ctx()) / ppp)
}

/// An arrow with a dark outline; `ppp` is pixels per point over the marks' scale.
fn arrow(painter: &Painter, from: Pos2, to: Pos2, color: Color32, ppp: f32) {
    painter.arrow(
        from,
        to - from,
        Stroke::new(5.0 / ppp, Color32::from_black_alpha(150)),
    );
    painter.arrow(from, to - from, Stroke::new(2.5 / ppp, color));
}

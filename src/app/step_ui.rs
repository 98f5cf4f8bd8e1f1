//! The step read-out on screen: the panel's "one step in numbers" section (which path is
//! selected, the −η∇f toggle) and, on the canvas, the selected path's last step: an arrow
//! θₖ → θₖ₊₁, −η∇f(θₖ) when asked for, the velocity's share (momentum, Nesterov) or the
//! ellipse of per-coordinate step sizes (AdaGrad, RMSProp, Adam), and the arithmetic in the
//! plot's bottom-right corner at the overlay's type size.

use egui::{Color32, Painter, Pos2, RichText, Shape, Stroke, Ui};

use super::state::ExplorerState;
use super::step::{StepMarks, StepView};
use crate::render::overlay::{PlotRect, Px};

/// The panel section: the selected path (with buttons to choose another) and the toggle.
pub(crate) fn section(ui: &mut Ui, s: &mut ExplorerState) {
    ui.label("One step in numbers");
    let n = s.running.paths.len();
    match s.selected_path() {
        Some(i) => {
            ui.horizontal(|ui| {
                if ui.small_button("◀").clicked() {
                    s.select_next_path(false);
                }
                ui.label(format!("path {} of {n}", i + 1));
                if ui.small_button("▶").clicked() {
                    s.select_next_path(true);
                }
            });
        }
        None => {
            ui.label(RichText::new("click the canvas to start a path").small());
        }
    }
    ui.checkbox(&mut s.doc.show_gradient_step, "draw −η∇f at θₖ (V)");
    if !s.step_numbers_shown() {
        ui.label(RichText::new("the numbers show while paused (Space; S steps)").small());
    }
}

/// Paints the selected path's step on the canvas: its marks inside `plot` (pixels of the
/// window) and its read-out in the plot's bottom-right corner, sized like the overlay's text
/// for `scale`.
pub(crate) fn paint(painter: &Painter, s: &ExplorerState, plot: PlotRect, scale: f32) {
    let Some(view) = s.step_view() else {
        return;
    };
    let px = Px::new(painter, scale);
    let color = rgba(view.color);
    if let Some(marks) = view.marks {
        let clip = plot.to_egui(px.ppp);
        let marks_painter = painter.with_clip_rect(clip.intersect(painter.clip_rect()));
        let at = |p: [f64; 2]| {
            let (x, y) = s.to_pixel(p[0], p[1]);
            px.pos(plot.x + x as f32, plot.y + y as f32)
        };
        paint_marks(&marks_painter, &px, &marks, color, &at);
    }
    if s.step_numbers_shown() {
        paint_readout(painter, &px, &view, plot, s.doc.theme);
    }
}

/// The colour of the −η∇f arrow: apart from the grey field arrows and the path palette's
/// cores.
const GRADIENT_STEP: Color32 = Color32::from_rgb(255, 200, 40);

fn rgba(c: [f32; 4]) -> Color32 {
    let [r, g, b, a] = c.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn paint_marks(
    painter: &Painter,
    px: &Px,
    m: &StepMarks,
    color: Color32,
    at: &dyn Fn([f64; 2]) -> Pos2,
) {
    let from = at(m.theta);
    let plus = |a: [f64; 2], d: [f64; 2]| [a[0] + d[0], a[1] + d[1]];
    let width = 3.0 * px.scale;
    if let Some(reach) = m.reach {
        // The ellipse's half-axes in pixels: the world lengths measured from θₖ.
        let ex = (at(plus(m.theta, [reach[0], 0.0])) - from).length();
        let ey = (at(plus(m.theta, [0.0, reach[1]])) - from).length();
        if ex.is_finite() && ey.is_finite() {
            let dash = Stroke::new(1.5 * width / px.ppp, color);
            painter.add(Shape::ellipse_stroke(from, egui::vec2(ex, ey), dash));
        }
    }
    // The step first: it runs along the path's last segment; the parts of it on top.
    arrow(painter, px, from, at(m.next), color, 1.3 * width);
    let tip = m.gradient_step.map_or(m.theta, |g| plus(m.theta, g));
    if let Some(c) = m.carried {
        let faded = color.gamma_multiply(0.6);
        arrow(painter, px, at(tip), at(plus(tip, c)), faded, width);
    }
    if m.gradient_step.is_some() {
        arrow(painter, px, from, at(tip), GRADIENT_STEP, width);
    }
}

/// An arrow from `a` to `b` (points) with a head of fixed size, outlined for contrast.
pub(crate) fn arrow(painter: &Painter, px: &Px, a: Pos2, b: Pos2, color: Color32, width_px: f32) {
    let d = b - a;
    let len = d.length();
    if !(len.is_finite() && len > 0.5) {
        return;
    }
    let dir = d / len;
    let head = (4.0 * width_px / px.ppp).min(0.6 * len);
    let base = b - dir * head;
    let side = egui::vec2(-dir.y, dir.x) * 0.55 * head;
    let outline = Stroke::new(1.0 / px.ppp, Color32::BLACK);
    painter.line_segment(
        [a, base],
        Stroke::new((width_px + 2.0) / px.ppp, Color32::BLACK),
    );
    painter.line_segment([a, base], Stroke::new(width_px / px.ppp, color));
    painter.add(Shape::convex_polygon(
        vec![b, base + side, base - side],
        color,
        outline,
    ));
}

fn paint_readout(
    painter: &Painter,
    px: &Px,
    view: &StepView,
    plot: PlotRect,
    theme: crate::document::Theme,
) {
    let size_px = px.font;
    let pad = 0.5 * size_px;
    let text = view.lines.join("\n");
    let galley = painter.layout_no_wrap(text, px.font_id(size_px), theme.text());
    let size = galley.size() * px.ppp + egui::vec2(2.0 * pad, 2.0 * pad);
    let rect = PlotRect {
        x: plot.right() - pad - size.x,
        y: plot.bottom() - pad - size.y,
        w: size.x,
        h: size.y,
    }
    .to_egui(px.ppp);
    painter.rect_filled(rect, 0.25 * size_px / px.ppp, theme.halo());
    painter.rect_stroke(
        rect,
        0.25 * size_px / px.ppp,
        Stroke::new(2.0 * px.scale / px.ppp, rgba(view.color)),
        egui::StrokeKind::Outside,
    );
    painter.galley(
        rect.min + egui::vec2(pad, pad) / px.ppp,
        galley,
        theme.text(),
    );
}

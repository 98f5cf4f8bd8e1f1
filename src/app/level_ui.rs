//! The level curve at the pin on the canvas: the contour f = f(pin) through the pin, its
//! tangent line there and a right-angle mark between the tangent and ∇f (the gradient arrow
//! itself is drawn with the pin's other marks), so that ∇f ⟂ the level curve can be seen.

use std::sync::Arc;

use egui::{Color32, Painter, Pos2, Stroke};

use super::state::ExplorerState;
use crate::teach::LevelCurve;

/// Colour of the level curve (its tangent is dashed white).
pub(crate) const LEVEL_COLOR: Color32 = Color32::from_rgb(255, 225, 80);
/// Half the length of the tangent line at the pin, pixels at UI scale 1.
const TANGENT_HALF_PX: f64 = 150.0;
/// Side of the right-angle mark, pixels at UI scale 1.
const MARK_PX: f64 = 22.0;

/// What a traced curve was traced for: the function's text, the pin and the view shown.
type CurveKey = (String, [u64; 2], [u64; 4], [u64; 2]);

/// The level curve at the pin, traced once per function, pin, view and canvas size (kept in
/// egui's memory between frames).
fn curve(painter: &Painter, s: &ExplorerState) -> Option<Arc<LevelCurve>> {
    let pin = s.doc.pin?;
    let v = s.shown_view();
    let key: CurveKey = (
        s.doc.function.cache_key(),
        [pin.0.to_bits(), pin.1.to_bits()],
        [v.x0, v.x1, v.y0, v.y1].map(f64::to_bits),
        [s.canvas.0.to_bits(), s.canvas.1.to_bits()],
    );
    let id = egui::Id::unique("gradfield-level-curve");
    type Kept = (CurveKey, Option<Arc<LevelCurve>>);
    let kept: Option<Kept> = painter.ctx().data(|d| d.get_temp(id));
    if let Some((k, c)) = kept {
        if k == key {
            return c;
        }
    }
    let c = s.pin_level_curve().map(Arc::new);
    painter
        .ctx()
        .data_mut(|d| d.insert_temp::<Kept>(id, (key, c.clone())));
    c
}

/// Paints the level curve through the pin, its tangent and the right-angle mark. `pt` turns a
/// canvas pixel into a point of the painter.
pub(crate) fn paint(painter: &Painter, s: &ExplorerState, pt: &dyn Fn(f64, f64) -> Pos2) {
    let Some(c) = curve(painter, s) else {
        return;
    };
    let ppp = painter.pixels_per_point().max(1e-3);
    // Sizes in pixels at UI scale 1, grown with the pin's other marks.
    let k = s.mark_scale() as f32;
    let kp = f64::from(k);
    let dark = Stroke::new(5.0 * k / ppp, Color32::from_black_alpha(150));
    let line = Stroke::new(2.5 * k / ppp, LEVEL_COLOR);
    let mut pts: Vec<Pos2> = c
        .points
        .iter()
        .map(|&(x, y)| {
            let (px, py) = s.to_pixel(x, y);
            pt(px, py)
        })
        .collect();
    if c.closed {
        if let Some(&first) = pts.first() {
            pts.push(first);
        }
    }
    painter.add(egui::Shape::line(pts.clone(), dark));
    painter.add(egui::Shape::line(pts, line));

    let (cx, cy) = s.to_pixel(c.pin.0, c.pin.1);
    // Pixel directions (y grows downwards); the view's scale is the same on both axes.
    let t = (c.tangent.0, -c.tangent.1);
    let n = c.grad.0.hypot(c.grad.1);
    let g = (c.grad.0 / n, -c.grad.1 / n);
    let at = |a: f64, b: f64| pt(cx + a * t.0 + b * g.0, cy + a * t.1 + b * g.1);
    let half = TANGENT_HALF_PX * kp;
    let ends = [at(-half, 0.0), at(half, 0.0)];
    let white = Stroke::new(2.0 * k / ppp, Color32::WHITE);
    for stroke in [dark, white] {
        painter.add(egui::Shape::dashed_line(
            &ends,
            stroke,
            8.0 * k / ppp,
            5.0 * k / ppp,
        ));
    }
    let side = MARK_PX * kp;
    let mark = [at(side, 0.0), at(side, side), at(0.0, side)];
    painter.add(egui::Shape::line(mark.to_vec(), dark));
    painter.add(egui::Shape::line(mark.to_vec(), white));
    // Written at the tangent's end away from u, whose label sits at its handle.
    let (ux, uy) = crate::teach::unit(s.doc.direction);
    let k = if t.0 * ux - t.1 * uy > 0.0 { 0 } else { 1 };
    let side = if k == 0 { -t.0 } else { t.0 };
    let text = format!(
        "level f = {}",
        crate::numfmt::short(c.level).replace('-', "−")
    );
    super::teach_marks::label_beside(painter, ends[k], side, text, LEVEL_COLOR, ppp);
}

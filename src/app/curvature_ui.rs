//! Curvature at the pin: the Hessian's entries, its eigenvalues and eigenvectors, the kind of
//! point and the largest stable gradient-descent step 2/λmax there (a panel section), and on
//! the canvas the axes of the local quadratic's level ellipse (each eigenvector, drawn
//! 1/√|λ| long: the ellipse is narrow where f curves sharply) with the ellipse itself where
//! the Hessian is definite. The rejected trial points of the line search are painted here too,
//! as small dots along each path.

use egui::{Color32, Painter, Pos2, RichText, Stroke, Ui};

use super::state::ExplorerState;
use crate::curvature::{Curvature, Kind};
use crate::descent::readout::{number, pair};
use crate::render::overlay::{PlotRect, Px};

/// The colour of a positive curvature axis, and of a negative one.
const CURVES_UP: Color32 = Color32::from_rgb(120, 220, 255);
const CURVES_DOWN: Color32 = Color32::from_rgb(255, 120, 200);

impl ExplorerState {
    /// The curvature of f at the pin (None without a pin or where ∇²f is undefined there).
    pub(crate) fn pin_curvature(&self) -> Option<Curvature> {
        let (x, y) = self.doc.pin?;
        match self.doc.function.hessian_at(x, y) {
            [_, _, _, Some(a), Some(b), Some(c)] => Curvature::of([a, b, c]),
            _ => None,
        }
    }
}

/// The panel section under the slices.
pub(crate) fn section(ui: &mut Ui, s: &ExplorerState) {
    ui.heading("Curvature at the pin");
    let Some(c) = s.pin_curvature() else {
        ui.label("∇²f is undefined at the pin");
        return;
    };
    let (a, b) = s.var_names();
    let [h11, h12, h22] = c.hessian.map(number);
    let mono = |t: String| RichText::new(t).monospace();
    ui.label(mono(format!("∇²f = [[{h11}, {h12}], [{h12}, {h22}]]")));
    ui.label(format!(
        "(∂²f/∂{a}², ∂²f/∂{a}∂{b}; ∂²f/∂{b}∂{a}, ∂²f/∂{b}²)"
    ));
    for (k, (l, v)) in c.eigenvalues.iter().zip(c.eigenvectors).enumerate() {
        let color = if *l >= 0.0 { CURVES_UP } else { CURVES_DOWN };
        let sub = ["₁", "₂"][k];
        ui.label(
            RichText::new(format!("λ{sub} = {}   along {}", number(*l), pair(v)))
                .monospace()
                .color(color),
        );
    }
    ui.label(RichText::new(format!("kind: {}", c.kind.label())).strong());
    let limit = c.max_stable_lr();
    let lr = s.doc.hyper.lr;
    let verdict = if limit.is_infinite() {
        "no eigenvalue is positive: no step overshoots here".to_string()
    } else if lr < limit {
        format!("η = {} < 2/λmax: stable here", number(lr))
    } else {
        format!("η = {} > 2/λmax: overshoots here", number(lr))
    };
    let text = if limit.is_infinite() {
        "largest stable step 2/λmax = ∞".to_string()
    } else {
        format!("largest stable step 2/λmax = {}", number(limit))
    };
    ui.label(RichText::new(text).strong());
    ui.label(verdict);
    if c.kind == Kind::Saddle {
        ui.label("a saddle: Newton's method is drawn here (it jumps to where ∇f = 0)");
    }
}

/// Paints the ellipse axes at the pin; `pt` maps plot pixels to egui points, `centre` is the
/// pin's pixel, `len` the longer axis's length in pixels.
pub(crate) fn paint_axes(
    painter: &Painter,
    s: &ExplorerState,
    pt: &dyn Fn(f64, f64) -> Pos2,
    (cx, cy): (f64, f64),
    len: f64,
) {
    let Some(c) = s.pin_curvature() else {
        return;
    };
    let k = s.mark_scale() as f32;
    let ppp = painter.pixels_per_point().max(1e-3);
    // Semi-axes ∝ 1/√|λ|, the longer one `len` pixels; a zero eigenvalue gets the long one.
    let inv = c.eigenvalues.map(|l| {
        if l.abs() > 0.0 {
            1.0 / l.abs().sqrt()
        } else {
            f64::INFINITY
        }
    });
    let longest = inv.iter().copied().fold(0.0f64, f64::max);
    if longest.is_nan() || longest <= 0.0 {
        return;
    }
    let semi = inv.map(|v| {
        if v.is_finite() {
            len * v / longest
        } else {
            len
        }
    });
    let semi = if longest.is_infinite() {
        inv.map(|v| if v.is_finite() { len * 0.25 } else { len })
    } else {
        semi
    };
    // World directions to pixels: y points down on screen.
    let dir = |v: [f64; 2]| (v[0], -v[1]);
    let definite = c.eigenvalues[0] * c.eigenvalues[1] > 0.0;
    if definite {
        let (u, w) = (dir(c.eigenvectors[0]), dir(c.eigenvectors[1]));
        let points: Vec<Pos2> = (0..=64)
            .map(|i| {
                let t = std::f64::consts::TAU * f64::from(i) / 64.0;
                let (a, b) = (semi[0] * t.cos(), semi[1] * t.sin());
                pt(cx + a * u.0 + b * w.0, cy + a * u.1 + b * w.1)
            })
            .collect();
        painter.add(egui::Shape::line(
            points,
            Stroke::new(2.0 * k / ppp, Color32::from_white_alpha(200)),
        ));
    }
    for (i, v) in c.eigenvectors.iter().enumerate() {
        let (dx, dy) = dir(*v);
        let color = if c.eigenvalues[i] >= 0.0 {
            CURVES_UP
        } else {
            CURVES_DOWN
        };
        let (a, b) = (
            pt(cx - semi[i] * dx, cy - semi[i] * dy),
            pt(cx + semi[i] * dx, cy + semi[i] * dy),
        );
        painter.line_segment(
            [a, b],
            Stroke::new(5.0 * k / ppp, Color32::from_black_alpha(150)),
        );
        painter.line_segment([a, b], Stroke::new(2.5 * k / ppp, color));
        let sub = ["₁", "₂"][i];
        let text = format!("λ{sub} = {}", number(c.eigenvalues[i]));
        super::teach_marks::label_beside(painter, b, dx, text, color, ppp);
    }
}

/// The line search's rejected trial points of every path, as small dots in the path's colour.
pub(crate) fn paint_trials(painter: &Painter, s: &ExplorerState, plot: PlotRect, scale: f32) {
    let px = Px::new(painter, scale);
    let clip = plot.to_egui(px.ppp);
    let painter = painter.with_clip_rect(clip.intersect(painter.clip_rect()));
    let radius = 3.0 * s.mark_scale() as f32 / px.ppp;
    for t in &s.running.paths {
        let trials = t.path.trials();
        if trials.is_empty() {
            continue;
        }
        let [r, g, b, _] = super::paths::PALETTE[t.color % super::paths::PALETTE.len()]
            .map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
        let fill = Color32::from_rgb(r, g, b);
        for p in trials {
            let (x, y) = s.to_pixel(p[0], p[1]);
            let at = px.pos(plot.x + x as f32, plot.y + y as f32);
            if clip.expand(radius).contains(at) {
                painter.circle(at, radius, fill, Stroke::new(1.0 / px.ppp, Color32::BLACK));
            }
        }
    }
}

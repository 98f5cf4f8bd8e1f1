//! The explorer's view on the canvas: pixel ↔ world on the view widened to the canvas' aspect,
//! zoom about the pointer, pan, home, and the hover read-out from the exact CPU evaluator.

use super::state::ExplorerState;
use crate::View;

/// What the hover read-out shows at one point, from the exact CPU evaluator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readout {
    pub x: f64,
    pub y: f64,
    /// f, ∂f/∂x, ∂f/∂y, or `None` where any of them is undefined.
    pub value: Option<[f64; 3]>,
    /// f alone, where it is defined (also where only its gradient is not: x⁰ or a cusp).
    pub f: Option<f64>,
}

/// A read-out number with the minus sign people read (−, not the hyphen).
fn num(v: f64) -> String {
    minus(crate::numfmt::short(v))
}

fn minus(text: String) -> String {
    text.replace('-', "−")
}

impl Readout {
    /// |∇f| where defined.
    pub fn grad_norm(&self) -> Option<f64> {
        self.value.map(|[_, gx, gy]| gx.hypot(gy))
    }

    /// The read-out as lines of text (`x = …`, `f = …`, `∂f/∂x = …`, …) with the function's
    /// variable names.
    pub fn lines(&self, vars: (&str, &str)) -> Vec<String> {
        let (a, b) = vars;
        let mut out = vec![format!(
            "{a} = {}   {b} = {}",
            minus(format!("{:.4}", self.x)),
            minus(format!("{:.4}", self.y))
        )];
        match self.value {
            Some([f, gx, gy]) => {
                out.push(format!("f = {}", num(f)));
                out.push(format!("∂f/∂{a} = {}", num(gx)));
                out.push(format!("∂f/∂{b} = {}", num(gy)));
                out.push(format!("|∇f| = {}", num(gx.hypot(gy))));
            }
            None => match self.f {
                Some(f) => {
                    out.push(format!("f = {}", num(f)));
                    out.push("∇f is undefined here".into());
                }
                None => out.push("f is undefined here".into()),
            },
        }
        out
    }
}

impl ExplorerState {
    /// The read-out's lines for `r`: with held variables, their partials join ∂f/∂x and
    /// ∂f/∂y (the full ∇f, from the reference trees), |∇f| is the full gradient's length and
    /// a last line says what is held.
    pub fn readout_lines(&self, r: &Readout) -> Vec<String> {
        let (a, b) = self.var_names();
        let mut lines = r.lines((&a, &b));
        let f = &self.doc.function;
        if self.doc.maps.mode == crate::document::ColorBy::Stability {
            // The stability map's number at the pointer, beside the η it is compared with.
            if let [_, _, _, Some(xx), Some(xy), Some(yy)] = f.hessian_at(r.x, r.y) {
                let limit = crate::curvature::stable_lr([xx, xy, yy]);
                let text = if limit.is_infinite() {
                    "∞".into()
                } else {
                    num(limit)
                };
                lines.push(format!("2/λmax = {text}  (η = {})", num(self.doc.hyper.lr)));
            }
        }
        if !f.has_held() {
            return lines;
        }
        if let Some([_, gx, gy]) = r.value {
            let held = f.held_partials_at(r.x, r.y);
            if held.iter().all(|(_, g)| g.is_some()) {
                let squares: f64 = held.iter().filter_map(|(_, g)| *g).map(|g| g * g).sum();
                let norm = (gx * gx + gy * gy + squares).sqrt();
                if let Some(at) = lines.iter().position(|l| l.starts_with("|∇f|")) {
                    lines[at] = format!("|∇f| = {}", num(norm));
                    for (k, (v, g)) in held.iter().enumerate() {
                        let line = format!("∂f/∂{} = {}", f.vars.name(*v), num(g.unwrap_or(0.0)));
                        lines.insert(at + k, line);
                    }
                }
            }
        }
        lines.push(format!(
            "held: {}",
            crate::document::held_text(f, crate::expr::SymKind::Held)
        ));
        lines
    }

    /// The view on screen: the requested view widened to the canvas' aspect ratio, and kept
    /// inside what 32-bit floats can draw (see `View::clamped`).
    pub fn shown_view(&self) -> View {
        let (w, h) = self.canvas;
        let v = if w >= 1.0 && h >= 1.0 {
            self.doc.view.fit_aspect(w, h)
        } else {
            self.doc.view
        };
        v.clamped()
    }

    /// Sets the canvas size in pixels (ignored when zero: a minimised window). A view that no
    /// longer fits the new shape (widened beyond ±1e15, or too narrow for 32-bit floats) is
    /// replaced by the nearest one that does, and the status line says so.
    pub fn set_canvas(&mut self, w: f64, h: f64) {
        if w >= 1.0 && h >= 1.0 {
            self.canvas = (w, h);
        }
        self.keep_view_drawable();
    }

    /// Replaces a requested view whose widened form cannot be drawn (after a resize, a zoom, a
    /// scene or a typed view) by the nearest drawable one; says so on the status line.
    pub(crate) fn keep_view_drawable(&mut self) {
        let (w, h) = self.canvas;
        let widened = self.doc.view.fit_aspect(w, h);
        if let Err(e) = widened.validate() {
            self.doc.view = widened.clamped();
            let why = e.to_string();
            let why = why.strip_prefix("view: ").unwrap_or(&why);
            self.messages.status = Some(format!("view adjusted to fit the window: {why}"));
        }
    }
    /// Canvas pixel → world point on the shown view.
    pub fn to_world(&self, px: f64, py: f64) -> (f64, f64) {
        let (w, h) = self.canvas;
        self.shown_view().to_world(px, py, w, h)
    }

    /// World point → canvas pixel on the shown view.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let (w, h) = self.canvas;
        self.shown_view().to_pixel(x, y, w, h)
    }

    /// Zooms by `factor` (< 1 zooms in) about `at` (world), which stays under the cursor. A
    /// zoom that would leave the range 32-bit floats can resolve is refused, and the status
    /// line says why.
    pub fn scroll(&mut self, factor: f64, at: (f64, f64)) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let zoomed = self.doc.view.zoomed(factor, at.0, at.1);
        match zoomed.fit_aspect(self.canvas.0, self.canvas.1).validate() {
            Ok(()) => self.doc.view = zoomed,
            Err(e) => {
                let why = e.to_string();
                let why = why.strip_prefix("view: ").unwrap_or(&why).to_string();
                let dir = if factor > 1.0 { "out" } else { "in" };
                self.messages.status = Some(format!("can't zoom {dir} further: {why}"));
            }
        }
    }

    /// Moves the view by (dx, dy) world units (ignored if it would leave the usable range).
    pub fn drag_pan(&mut self, dx: f64, dy: f64) {
        let panned = self.doc.view.panned(dx, dy);
        if panned
            .fit_aspect(self.canvas.0, self.canvas.1)
            .validate()
            .is_ok()
        {
            self.doc.view = panned;
        }
    }

    /// Back to the home view.
    pub(crate) fn reset_view(&mut self) {
        self.doc.view = self.doc.home;
    }

    /// Records the pointer's world point (None: off the canvas) and returns the read-out there.
    pub fn hover(&mut self, at: Option<(f64, f64)>) -> Option<Readout> {
        self.pointer.hover = at;
        self.readout()
    }

    /// The read-out at the hover point, if any.
    pub fn readout(&self) -> Option<Readout> {
        self.pointer.hover.map(|(x, y)| {
            let [f, gx, gy] = self.doc.function.eval_each(x, y);
            Readout {
                x,
                y,
                value: f.zip(gx).zip(gy).map(|((f, gx), gy)| [f, gx, gy]),
                f,
            }
        })
    }
}

//! Descent in all variables in the explorer: each path also moves the held variables (a
//! [`FullPath`] beside its plane path, whose points are the full path's shadow on the axis
//! variables), and the held sliders follow the selected path, so the slice on screen is
//! always the one through that path's current point. A path's full run is rebuilt whenever
//! its plane path restarts (its run id changes) and dropped when the mode is off.

use super::state::ExplorerState;
use crate::descent::{FullPath, Point};
use crate::expr::{FullGradient, Var};

impl ExplorerState {
    /// Whether paths move the held variables too (the mode is on and f has held variables).
    pub(crate) fn descending_all(&self) -> bool {
        self.doc.descend_all && self.doc.function.has_held()
    }

    /// One step of every running path in all variables; the held sliders then follow the
    /// selected path. Returns how many paths moved.
    pub(crate) fn step_paths_all(&mut self) -> usize {
        let (tol, max_steps) = (self.doc.tol, self.doc.max_steps);
        let mut grad = FullGradient::new(&self.doc.function);
        let (ix, iy) = grad.axis_index();
        let mut moved = 0;
        for t in &mut self.running.paths {
            let run = t.path.run_id();
            if t.full.as_ref().map(|(r, _)| *r) != Some(run) {
                let (x, y) = t.path.start;
                let full = FullPath::new(
                    &grad.theta_at(x, y),
                    t.path.optimizer,
                    t.path.hyper,
                    &mut grad,
                );
                t.path.status = full.status.clone();
                t.full = Some((run, full));
            }
            let Some((_, full)) = &mut t.full else {
                continue;
            };
            if full.status.is_running() && full.points.len() > max_steps {
                full.status = crate::descent::Status::StepLimit;
            }
            if full.step(&mut grad, tol) {
                if let Some(p) = full.current() {
                    t.path.points.push(Point {
                        x: p.theta[ix],
                        y: p.theta[iy],
                        f: p.f,
                        dfdx: p.grad[ix],
                        dfdy: p.grad[iy],
                        lr: None,
                    });
                    let taken = full
                        .points
                        .len()
                        .checked_sub(2)
                        .and_then(|k| full.points[k].lr);
                    let n = t.path.points.len();
                    if let Some(prev) = n.checked_sub(2) {
                        t.path.points[prev].lr = taken;
                    }
                }
                moved += 1;
            }
            t.path.status = full.status.clone();
        }
        self.follow_selected();
        moved
    }

    /// The held sliders take the selected path's current held coordinates (no restart: the
    /// paths carry their own); the field is due at once with the same shader.
    fn follow_selected(&mut self) {
        let Some(i) = self.selected_path() else {
            return;
        };
        let Some((_, full)) = &self.running.paths[i].full else {
            return;
        };
        let Some(p) = full.current() else { return };
        let f = &mut self.doc.function;
        let names: Vec<String> = f
            .vars
            .variable_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        let mut changed = false;
        for (name, &v) in names.iter().zip(&p.theta) {
            if f.vars.sym(name).is_some() && f.value_of(name) != Some(v) {
                changed |= f.set_value(name, v);
            }
        }
        if changed {
            self.rebuild.function_generation += 1;
            self.rebuild.typed_age = None;
        }
    }

    /// Path `i`'s canvas label: its progress, and what it holds still on the plane ("(z
    /// held)"), or, descending in all variables, the out-of-plane partials at its point.
    pub fn path_label(&self, i: usize) -> String {
        let Some(t) = self.running.paths.get(i) else {
            return String::new();
        };
        let f = &self.doc.function;
        let held: Vec<&str> = f.vars.held().map(|v| f.vars.name(v)).collect();
        if held.is_empty() {
            return t.label();
        }
        if !self.descending_all() {
            return format!("{}  ({} held)", t.label(), held.join(", "));
        }
        let gauge: Vec<String> = self
            .out_of_plane(i)
            .into_iter()
            .map(|(n, g)| format!("∂f/∂{n} = {}", crate::document::value_text(g)))
            .collect();
        format!("{}  {}", t.label(), gauge.join("  "))
    }

    /// ∇f at the pin for the slices panel: "∇f = (6.000, 14.250)", with a component for every
    /// held variable in the head's order ("∇f = (2.000, −3.000, 5.000)", from the reference
    /// trees) when f has some.
    pub(crate) fn pin_gradient_text(&self, t: &crate::teach::Tangent) -> String {
        let slope = crate::numfmt::slope;
        let f = &self.doc.function;
        let held = match self.doc.pin {
            Some((x, y)) if f.has_held() => f.held_partials_at(x, y),
            _ => Vec::new(),
        };
        let parts: Option<Vec<String>> = f
            .vars
            .variables()
            .into_iter()
            .map(|v| match v {
                Var::X => Some(slope(t.slope_x)),
                Var::Y => Some(slope(t.slope_y)),
                s => held
                    .iter()
                    .find(|(h, _)| *h == s)
                    .and_then(|(_, g)| g.map(slope)),
            })
            .collect();
        match parts {
            Some(parts) => format!("∇f = ({})", parts.join(", ")),
            None => format!("∇f = ({}, {})", slope(t.slope_x), slope(t.slope_y)),
        }
    }

    /// The out-of-plane part of ∇f at path `i`'s current point, one (name, ∂f/∂name) per held
    /// variable, while paths descend in all variables (the gauge beside the path).
    pub fn out_of_plane(&self, i: usize) -> Vec<(String, f64)> {
        let Some((_, full)) = self.running.paths.get(i).and_then(|t| t.full.as_ref()) else {
            return Vec::new();
        };
        if !self.descending_all() {
            return Vec::new();
        }
        let f = &self.doc.function;
        let names = f.vars.variable_names();
        let axes = (f.vars.x.as_str(), f.vars.y.as_str());
        full.current()
            .map(|p| {
                names
                    .iter()
                    .zip(&p.grad)
                    .filter(|(n, _)| **n != axes.0 && **n != axes.1)
                    .map(|(n, g)| (n.to_string(), *g))
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// Height in pixels (at scale 1) of the out-of-plane gauge's half: a partial of magnitude g
/// fills tanh(|g|) of it, up for positive and down for negative.
const GAUGE_HALF_PX: f32 = 48.0;

/// Paints, left of the current point of every path descending in all variables, a gauge of
/// the out-of-plane partial of its first held variable: a bar from the point up (∂f/∂z > 0)
/// or down, tanh-scaled, with its name; the label says the number.
pub(crate) fn paint_gauges(
    painter: &egui::Painter,
    s: &ExplorerState,
    plot: crate::render::overlay::PlotRect,
    scale: f32,
) {
    if !s.descending_all() {
        return;
    }
    let px = crate::render::overlay::Px::new(painter, scale);
    for (i, t) in s.running.paths.iter().enumerate() {
        let Some((name, g)) = s.out_of_plane(i).into_iter().next() else {
            continue;
        };
        let c = t.path.current();
        let (x, y) = s.to_pixel(c.x, c.y);
        // Left of the point: the path's label goes to its right.
        let base = (plot.x + x as f32 - 16.0 * scale, plot.y + y as f32);
        let h = GAUGE_HALF_PX * scale;
        let [r, gg, b, _] = t.rgba().map(|v| (v.clamp(0.0, 1.0) * 255.0) as u8);
        let color = egui::Color32::from_rgb(r, gg, b);
        let frame = egui::Color32::from_gray(200);
        painter.line_segment(
            [px.pos(base.0, base.1 - h), px.pos(base.0, base.1 + h)],
            px.stroke(2.0 * scale, frame),
        );
        painter.line_segment(
            [
                px.pos(base.0 - 6.0 * scale, base.1),
                px.pos(base.0 + 6.0 * scale, base.1),
            ],
            px.stroke(2.0 * scale, frame),
        );
        let fill = (g.tanh() as f32) * h;
        painter.line_segment(
            [px.pos(base.0, base.1), px.pos(base.0, base.1 - fill)],
            px.stroke(8.0 * scale, color),
        );
        painter.text(
            px.pos(base.0 - 6.0 * scale, base.1 - h),
            egui::Align2::RIGHT_TOP,
            format!("∂f/∂{name}"),
            px.font_id(px.font),
            frame,
        );
    }
}

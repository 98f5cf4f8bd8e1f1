//! The step read-out as explorer state: which path is selected (the last added, or the one
//! last chosen: its start marker clicked or dragged, or picked in the panel), the arithmetic
//! of its last step (`descent::readout`) and the marks the canvas draws for it, in world
//! coordinates. Plain Rust; the canvas paints them (`app/step_ui.rs`).

use super::state::ExplorerState;
use crate::descent::{readout, StepState};

/// What the canvas draws for the selected path's last step, in world coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepMarks {
    /// θₖ and θₖ₊₁: the step is an arrow from one to the other.
    pub theta: [f64; 2],
    pub next: [f64; 2],
    /// −η∇f(θₖ) (+ for ascent), drawn at θₖ when the document asks for it.
    pub gradient_step: Option<[f64; 2]>,
    /// Momentum and Nesterov: what the velocity added to the plain gradient step
    /// (θₖ₊₁ − θₖ − (−η∇f(θₖ))), drawn from the tip of −η∇f, or from θₖ when that is hidden.
    pub carried: Option<[f64; 2]>,
    /// AdaGrad, RMSProp and Adam: the half-axes of the ellipse at θₖ that holds every step
    /// a gradient (for Adam the bias-corrected mean m̂) of this length could make, each coordinate
    /// scaled by its own step size; θₖ₊₁ lies on it.
    pub reach: Option<[f64; 2]>,
}

/// The selected path's step: the read-out's lines and the canvas marks (`None` before the
/// path's first step).
#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    /// Index of the path in `running.paths`, and its RGBA colour.
    pub path: usize,
    pub color: [f32; 4],
    pub lines: Vec<String>,
    pub marks: Option<StepMarks>,
}

impl ExplorerState {
    /// The stamp a path gets when it is added or chosen: higher than every path's.
    pub(crate) fn next_pick(&self) -> u64 {
        self.running
            .paths
            .iter()
            .map(|t| t.picked)
            .max()
            .map_or(1, |m| m + 1)
    }

    /// The selected path: the one last added or chosen (`None` without paths).
    pub fn selected_path(&self) -> Option<usize> {
        let paths = &self.running.paths;
        (0..paths.len()).max_by_key(|&i| (paths[i].picked, i))
    }

    /// Makes path `i` the selected one (an index past the paths is ignored).
    pub fn select_path(&mut self, i: usize) {
        let stamp = self.next_pick();
        if let Some(t) = self.running.paths.get_mut(i) {
            t.picked = stamp;
        }
    }

    /// Selects the next path in the list (or the previous one), wrapping around.
    pub fn select_next_path(&mut self, forward: bool) {
        let n = self.running.paths.len();
        if let Some(i) = self.selected_path() {
            self.select_path(if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            });
        }
    }

    /// Whether the step's numbers are written on the canvas: while the paths animate they
    /// change ten times a second and cover a good part of a projected plot, so they show
    /// once the descent is paused (Space; S steps) or every path has ended. The marks
    /// (θₖ → θₖ₊₁, −η∇f, the optimizer's state) are drawn either way.
    pub fn step_numbers_shown(&self) -> bool {
        !(self.doc.playing && self.running.paths.iter().any(|t| t.path.is_running()))
    }

    /// The read-out and marks of the selected path's last step.
    pub fn step_view(&self) -> Option<StepView> {
        let i = self.selected_path()?;
        let t = &self.running.paths[i];
        let path = &t.path;
        let Some(step) = path.last_step() else {
            let p = path.points.first()?;
            return Some(StepView {
                path: i,
                color: t.rgba(),
                lines: readout::start_lines(path.optimizer, [p.x, p.y], [p.dfdx, p.dfdy]),
                marks: None,
            });
        };
        let gradient_step = step.gradient_step();
        let taken = step.taken();
        let carried = step
            .state
            .velocity()
            .map(|_| [taken[0] - gradient_step[0], taken[1] - gradient_step[1]]);
        let reach = step.state.scale().map(|scale| {
            let moved = match step.state {
                StepState::Adam { m_hat, .. } => m_hat,
                _ => step.grad,
            };
            let length = moved[0].hypot(moved[1]);
            [scale[0] * length, scale[1] * length]
        });
        let mut lines = readout::lines(step, path.optimizer);
        if self.doc.show_gradient_step {
            lines.push(format!(
                "−η∇f(θ{}) = {}  (the gold arrow)",
                readout::subscript(step.k),
                readout::pair(gradient_step)
            ));
        }
        Some(StepView {
            path: i,
            color: t.rgba(),
            lines,
            marks: Some(StepMarks {
                theta: step.theta,
                next: step.next,
                gradient_step: self.doc.show_gradient_step.then_some(gradient_step),
                carried,
                reach,
            }),
        })
    }
}

//! Descent in all the variables of f (the axis ones and the held ones together): what a
//! learner sees when the gradient of a loss has one component per parameter. The same six
//! per-coordinate update rules (every optimizer but Newton's) as [`super::Path`], applied two coordinates at a time by the very code that
//! moves a path on the plane (each rule is per coordinate; Adam's step counters advance alike
//! in every pair), so a function of two variables gives exactly the plane's path. Each step's
//! η comes from the schedule; Newton's method and the line search need the Hessian or f along
//! a direction in every variable and are not offered here (the command line refuses them).

use super::path::Status;
use super::update::State;
use super::{Hyper, Optimizer};
use crate::expr::FullGradient;
use crate::view::MAX_COORD;

/// One iterate: every variable's value, f and every partial (the head's order).
#[derive(Debug, Clone, PartialEq)]
pub struct FullPoint {
    pub theta: Vec<f64>,
    pub f: f64,
    pub grad: Vec<f64>,
    /// The step size of the step taken from this point; `None` until one is taken.
    pub lr: Option<f64>,
}

/// The iterates of one optimizer from one start in all variables.
#[derive(Debug, Clone)]
pub struct FullPath {
    pub optimizer: Optimizer,
    pub hyper: Hyper,
    pub points: Vec<FullPoint>,
    pub status: Status,
    /// One optimizer state per pair of coordinates (the last pair padded with a coordinate
    /// whose gradient is always 0).
    states: Vec<State>,
}

impl FullPath {
    /// A path at `start` (one value per variable), evaluated as step 0. `hyper` is used as
    /// given: check it with [`Hyper::validate`] first.
    pub fn new(
        start: &[f64],
        optimizer: Optimizer,
        hyper: Hyper,
        grad: &mut FullGradient,
    ) -> FullPath {
        let mut path = FullPath {
            optimizer,
            hyper,
            points: Vec::new(),
            status: Status::Running,
            states: vec![State::new(); start.len().div_ceil(2)],
        };
        let usable = start.iter().all(|t| t.is_finite() && t.abs() <= MAX_COORD);
        match grad.eval(start).filter(|_| usable) {
            Some((f, g)) if f.is_finite() && g.iter().all(|v| v.is_finite()) => {
                path.points.push(FullPoint {
                    theta: start.to_vec(),
                    f,
                    grad: g.to_vec(),
                    lr: None,
                });
            }
            _ => {
                path.points.push(FullPoint {
                    theta: start.to_vec(),
                    f: f64::NAN,
                    grad: vec![f64::NAN; start.len()],
                    lr: None,
                });
                path.status = Status::Undefined { step: 0 };
            }
        }
        path
    }

    /// Takes one step; true when a point was added. Converges when |∇f| ≤ `tol` (all
    /// components), as on the plane.
    pub fn step(&mut self, grad: &mut FullGradient, tol: f64) -> bool {
        if !self.status.is_running() {
            return false;
        }
        let Some(here) = self.points.last() else {
            return false;
        };
        let k = self.points.len();
        if converged(&here.grad, tol) {
            self.status = Status::Converged { step: k - 1 };
            return false;
        }
        if self.optimizer == Optimizer::Newton {
            self.status = Status::Stopped {
                step: k,
                stop: super::Stop::NotOnPlane,
            };
            return false;
        }
        let sign = if self.hyper.ascent { -1.0 } else { 1.0 };
        let lr = self.hyper.schedule.lr(self.hyper.lr, k - 1);
        let n = here.theta.len();
        let mut next = vec![0.0; n];
        for (p, state) in self.states.iter_mut().enumerate() {
            let (a, b) = (2 * p, (2 * p + 1).min(n));
            let pair = |v: &[f64], pad: f64| [v[a], if b < n { v[b] } else { pad }];
            let theta = pair(&here.theta, 0.0);
            let g = pair(&here.grad, 0.0).map(|c| sign * c);
            let (moved, _) = state.update(self.optimizer, &self.hyper, lr, theta, g);
            next[a] = moved[0];
            if b < n {
                next[b] = moved[1];
            }
        }
        let reason = if next.iter().any(|t| !t.is_finite()) {
            "iterate is not finite".to_string()
        } else if next.iter().any(|t| t.abs() > MAX_COORD) {
            format!("|θ| exceeded {MAX_COORD:e}")
        } else {
            match grad.eval(&next) {
                Some((f, g)) if f.is_finite() && g.iter().all(|v| v.is_finite()) => {
                    let grad = g.to_vec();
                    let done = converged(&grad, tol);
                    if let Some(last) = self.points.last_mut() {
                        last.lr = Some(lr);
                    }
                    self.points.push(FullPoint {
                        theta: next,
                        f,
                        grad,
                        lr: None,
                    });
                    if done {
                        self.status = Status::Converged { step: k };
                    }
                    return true;
                }
                _ => "f or ∇f is undefined or not finite there".to_string(),
            }
        };
        self.status = Status::Diverged { step: k, reason };
        false
    }

    /// Takes up to `steps` more steps; a path still running afterwards is marked
    /// [`Status::StepLimit`].
    pub fn run(&mut self, grad: &mut FullGradient, steps: usize, tol: f64) {
        for _ in 0..steps {
            if !self.step(grad, tol) {
                break;
            }
        }
        if self.status.is_running() {
            self.status = Status::StepLimit;
        }
    }

    /// The latest point.
    pub fn current(&self) -> Option<&FullPoint> {
        self.points.last()
    }
}

/// |∇f| ≤ tol for tol > 0, by the plane's rule (squares compared where they neither
/// overflow nor underflow).
fn converged(grad: &[f64], tol: f64) -> bool {
    let squares: f64 = grad.iter().map(|g| g * g).sum();
    if squares.is_finite() && tol > 1e-150 && tol < 1e150 {
        squares <= tol * tol
    } else {
        let big = grad.iter().fold(0.0f64, |m, g| m.max(g.abs()));
        let norm = if big > 0.0 && big.is_finite() {
            big * grad
                .iter()
                .map(|g| (g / big) * (g / big))
                .sum::<f64>()
                .sqrt()
        } else {
            big
        };
        tol > 0.0 && norm <= tol
    }
}

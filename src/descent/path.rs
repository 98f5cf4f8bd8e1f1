//! A descent path: the iterates of one optimizer from one start point, and why it stopped.

use super::step::Step;
use super::update::State;
use super::{Hyper, Optimizer, Stop};
use crate::expr::Evaluator;
use crate::view::MAX_COORD;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};

/// The last run number handed out by [`Path::restart`].
static LAST_RUN: AtomicU64 = AtomicU64::new(0);

/// One iterate: where it is, f there, ∇f there, and the step size of the step taken from it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
    pub f: f64,
    pub dfdx: f64,
    pub dfdy: f64,
    /// The step size η the path took from this point to the next (the schedule's ηₖ, or what
    /// the line search accepted); `None` until a step is taken from it.
    pub lr: Option<f64>,
}

impl Point {
    /// The Euclidean length |∇f| of the gradient here.
    pub(crate) fn grad_norm(&self) -> f64 {
        self.dfdx.hypot(self.dfdy)
    }
}

/// Whether a path is still moving, and if not, why it stopped. Steps count from 0 (the
/// start).
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// Still moving.
    Running,
    /// |∇f| ≤ tol at the point of this step, which is the last point.
    Converged { step: usize },
    /// The iterate of this step was unusable (undefined, not finite or too far away); it is
    /// not among the points, whose last one is the last usable iterate.
    Diverged { step: usize, reason: String },
    /// The step could not be taken ([`Stop`]: Newton's Hessian singular or undefined, no
    /// decrease found by the line search); the last point is where the path stands.
    Stopped { step: usize, stop: Stop },
    /// The start itself is outside the domain of f or of ∇f, not finite, or beyond
    /// ±`MAX_COORD`; the only point is the start, NaN in each of f, ∂f/∂x, ∂f/∂y that is
    /// undefined there (f keeps its value where only ∇f is undefined; all NaN off the plane).
    Undefined { step: usize },
    /// [`Path::run`] took all the steps it was given.
    StepLimit,
}

impl Status {
    /// The short text a person reads: "converged at step k", "diverged at step k", or, for a
    /// path that reached a point where f or ∇f is undefined (a cusp, the edge of a domain),
    /// "stopped at step k: f or ∇f undefined there" — it did not run away, it cannot go on.
    pub(crate) fn short(&self, iterations: usize) -> String {
        match self {
            Status::Running => "running".into(),
            Status::Converged { step } => format!("converged at step {step}"),
            Status::Diverged { step, reason } if reason.contains("undefined") => {
                format!("stopped at step {step}: f or ∇f undefined there")
            }
            Status::Stopped { step, stop } => format!("stopped at step {step}: {}", stop.short()),
            Status::Diverged { step, .. } => format!("diverged at step {step}"),
            Status::Undefined { .. } => "f or ∇f is undefined at the start".into(),
            Status::StepLimit => format!("stopped after {iterations} steps"),
        }
    }

    /// True while the path can still take steps.
    pub(crate) fn is_running(&self) -> bool {
        matches!(self, Status::Running)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Status::Running => write!(f, "running"),
            Status::Converged { step } => write!(f, "converged at step {step}"),
            Status::Stopped { step, stop } => write!(f, "stopped at step {step}: {stop}"),
            Status::Diverged { step, reason } => write!(f, "diverged at step {step}: {reason}"),
            Status::Undefined { .. } => write!(f, "undefined at the start point"),
            Status::StepLimit => write!(f, "stopped at the step limit"),
        }
    }
}

/// The iterates of one optimizer from one start point. `points[0]` is the start (step 0) and
/// `points[k]` the iterate after k steps; the vector is never empty unless a caller empties
/// it. Stepping allocates nothing except when pushing a point outgrows the capacity.
#[derive(Debug, Clone)]
pub struct Path {
    pub start: (f64, f64),
    pub optimizer: Optimizer,
    pub hyper: Hyper,
    pub points: Vec<Point>,
    pub status: Status,
    state: State,
    last_step: Option<Step>,
    run: u64,
    /// The line search's rejected trial points (every step's, up to
    /// [`super::propose::MAX_TRIALS`]), cleared by [`Path::restart`].
    trials: Vec<[f64; 2]>,
}

impl Path {
    /// A path at `start` (evaluated with `grad` as step 0), ready to step. `grad` is any
    /// [`Evaluator`] (a function's compiled tape, its reference trees or a gradient callback);
    /// a path needs f and ∇f both and stops where only ∇f is undefined, as on the cusp of
    /// `(x^2)^0.5` at x = 0. `hyper` is used as given: check it with [`Hyper::validate`] first.
    pub fn new(
        start: (f64, f64),
        optimizer: Optimizer,
        hyper: Hyper,
        grad: &mut impl Evaluator,
    ) -> Path {
        Path::with_capacity(start, optimizer, hyper, 1, grad)
    }

    /// [`Path::new`] with room for `capacity` points before stepping has to allocate.
    pub fn with_capacity(
        start: (f64, f64),
        optimizer: Optimizer,
        hyper: Hyper,
        capacity: usize,
        grad: &mut impl Evaluator,
    ) -> Path {
        let mut path = Path {
            start,
            optimizer,
            hyper,
            points: Vec::with_capacity(capacity.max(1)),
            status: Status::Running,
            state: State::new(),
            last_step: None,
            run: 0,
            trials: Vec::new(),
        };
        path.restart(start, grad);
        path
    }

    /// Starts again at `start` with fresh optimizer state, keeping the optimizer, the
    /// hyperparameters and the allocated capacity.
    pub fn restart(&mut self, start: (f64, f64), grad: &mut impl Evaluator) {
        let (x, y) = start;
        self.start = start;
        self.points.clear();
        self.run = LAST_RUN.fetch_add(1, Ordering::Relaxed) + 1;
        self.state = State::new();
        self.last_step = None;
        self.trials.clear();
        self.status = Status::Running;
        let usable = x.is_finite() && y.is_finite() && x.abs().max(y.abs()) <= MAX_COORD;
        // Each channel on its own: f keeps its value where only ∇f is undefined. With
        // mini-batches a point's f and ∇f are those of the batch of the step taken from it.
        let batch = self.hyper.batch_at(0);
        if batch.is_some() {
            grad.select_batch(batch);
        }
        let [f, dfdx, dfdy] = if usable {
            grad.channels(x, y)
                .map(|c| c.filter(|v| v.is_finite()).unwrap_or(f64::NAN))
        } else {
            [f64::NAN; 3]
        };
        if batch.is_some() {
            grad.select_batch(None);
        }
        self.points.push(Point {
            x,
            y,
            f,
            dfdx,
            dfdy,
            lr: None,
        });
        if [f, dfdx, dfdy].iter().any(|c| c.is_nan()) {
            self.status = Status::Undefined { step: 0 };
        }
    }

    /// Takes one step. Returns true when a new point was added (the path may have converged
    /// on it); false when the path had already stopped or stops now without a new point.
    ///
    /// The path converges when |∇f| ≤ `tol` at its current point; `tol` = 0 (or negative, or
    /// NaN) means it never converges, however small the gradient gets.
    pub fn step(&mut self, grad: &mut impl Evaluator, tol: f64) -> bool {
        if !self.status.is_running() {
            return false;
        }
        if self.hyper.batch.is_none() {
            return self.step_with(grad, tol);
        }
        let moved = self.step_with(grad, tol);
        grad.select_batch(None);
        moved
    }

    /// [`Path::step`]; with mini-batches, step k and its line search average over batch k,
    /// and the new point is evaluated over the batch of the step that will be taken from it.
    fn step_with(&mut self, grad: &mut impl Evaluator, tol: f64) -> bool {
        let Some(&here) = self.points.last() else {
            return false;
        };
        let k = self.points.len();
        if converged(&here, tol) {
            self.status = Status::Converged { step: k - 1 };
            return false;
        }
        if self.hyper.batch.is_some() {
            grad.select_batch(self.hyper.batch_at(k - 1));
        }
        let proposal = match super::propose::propose(
            &mut self.state,
            self.optimizer,
            &self.hyper,
            k - 1,
            &here,
            grad,
            &mut self.trials,
        ) {
            Ok(p) => p,
            Err(stop) => {
                self.status = Status::Stopped { step: k, stop };
                return false;
            }
        };
        let [x, y] = proposal.next;
        let reason = if !(x.is_finite() && y.is_finite()) {
            "iterate is not finite".to_string()
        } else if x.abs().max(y.abs()) > MAX_COORD {
            format!("|θ| exceeded {MAX_COORD:e}")
        } else {
            if self.hyper.batch.is_some() {
                grad.select_batch(self.hyper.batch_at(k));
            }
            match grad.channels(x, y) {
                [Some(f), Some(dfdx), Some(dfdy)]
                    if f.is_finite() && dfdx.is_finite() && dfdy.is_finite() =>
                {
                    let point = Point {
                        x,
                        y,
                        f,
                        dfdx,
                        dfdy,
                        lr: None,
                    };
                    if let Some(last) = self.points.last_mut() {
                        last.lr = Some(proposal.lr);
                    }
                    self.points.push(point);
                    self.last_step = Some(Step {
                        k: k - 1,
                        theta: [here.x, here.y],
                        f: here.f,
                        grad: [here.dfdx, here.dfdy],
                        lr: proposal.lr,
                        halvings: proposal.halvings,
                        ascent: self.hyper.ascent,
                        state: proposal.state,
                        next: [x, y],
                        next_f: f,
                    });
                    if converged(&point, tol) {
                        self.status = Status::Converged { step: k };
                    }
                    return true;
                }
                [None, ..] => format!("f or ∇f is undefined at ({x}, {y})"),
                [Some(f), Some(_), Some(_)] => {
                    format!("f or ∇f is not finite at ({x}, {y}) (f = {f})")
                }
                [Some(f), ..] => format!("∇f is undefined at ({x}, {y}) (f = {f} there)"),
            }
        };
        self.status = Status::Diverged { step: k, reason };
        false
    }

    /// Takes up to `steps` more steps, stopping early if the path stops; a path still running
    /// afterwards is marked [`Status::StepLimit`].
    pub fn run(&mut self, grad: &mut impl Evaluator, steps: usize, tol: f64) {
        for _ in 0..steps {
            if !self.step(grad, tol) {
                break;
            }
        }
        if self.status.is_running() {
            self.status = Status::StepLimit;
        }
    }

    /// The latest point (the start before any step); all NaN if a caller emptied `points`.
    pub fn current(&self) -> &Point {
        static NO_POINT: Point = Point {
            x: f64::NAN,
            y: f64::NAN,
            f: f64::NAN,
            dfdx: f64::NAN,
            dfdy: f64::NAN,
            lr: None,
        };
        self.points.last().unwrap_or(&NO_POINT)
    }

    /// A short label for the path's last point: "step 12  f = 0.031" while it runs or after
    /// its step limit, "converged at step k", "diverged at step k" otherwise.
    pub fn label(&self) -> String {
        match &self.status {
            Status::Running | Status::StepLimit => format!(
                "step {}  f = {}",
                self.iterations(),
                crate::numfmt::short(self.current().f).replace('-', "−")
            ),
            status => status.short(self.iterations()),
        }
    }

    /// Numbers this run of the path (since it was made or last restarted), unique in the
    /// process and never 0: while it stays the same, `points` only grows at its end (unless a
    /// caller edits `points`). The renderer uses it to upload only new points.
    pub(crate) fn run_id(&self) -> u64 {
        self.run
    }

    /// The last step taken (θₖ → θₖ₊₁ with the optimizer's numbers), `None` before the first
    /// step or after a restart, and when a caller cut `points` short of it. A step that
    /// diverged added no point and is not kept.
    pub fn last_step(&self) -> Option<&Step> {
        self.last_step
            .as_ref()
            .filter(|s| s.k + 2 == self.points.len())
    }

    /// The line search's rejected trial points so far (empty without a line search).
    pub fn trials(&self) -> &[[f64; 2]] {
        &self.trials
    }

    /// How many steps have been taken (points after the start).
    pub fn iterations(&self) -> usize {
        self.points.len().saturating_sub(1)
    }

    /// True while the path can still take steps.
    pub fn is_running(&self) -> bool {
        self.status.is_running()
    }
}

/// |∇f| ≤ tol for tol > 0, comparing squares (cheap) where they neither overflow nor underflow.
fn converged(p: &Point, tol: f64) -> bool {
    let squares = p.dfdx * p.dfdx + p.dfdy * p.dfdy;
    if squares.is_finite() && tol > 1e-150 && tol < 1e150 {
        squares <= tol * tol
    } else {
        tol > 0.0 && p.grad_norm() <= tol
    }
}

/// One step of every path (see [`Path::step`]), all with the same `grad`; returns how many
/// paths added a point.
pub fn step_all(paths: &mut [Path], grad: &mut impl Evaluator, tol: f64) -> usize {
    let mut moved = 0;
    for p in paths {
        moved += usize::from(p.step(grad, tol));
    }
    moved
}

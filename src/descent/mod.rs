//! Gradient-descent optimizers and the paths they trace on f(x, y): plain CPU code in f64,
//! deterministic, shared by the command line, the renderer and the explorer.
//!
//! The update rules (g = ∇f at θ, or −∇f for ascent; t = 1, 2, …; all state starts at 0;
//! squares, roots and divisions are per coordinate):
//!
//! | optimizer | update |
//! |-----------|--------|
//! | `gd`       | θ ← θ − η g |
//! | `momentum` | b ← μ b + g, θ ← θ − η b |
//! | `nesterov` | b ← μ b + g, θ ← θ − η (g + μ b) |
//! | `adagrad`  | s ← s + g², θ ← θ − η g / (√s + ε) |
//! | `rmsprop`  | v ← α v + (1−α) g², θ ← θ − η g / (√v + ε) |
//! | `adam`     | m ← β1 m + (1−β1) g, v ← β2 v + (1−β2) g², θ ← θ − η m̂ / (√v̂ + ε), m̂ = m/(1−β1^t), v̂ = v/(1−β2^t) |
//! | `newton`   | θ ← θ − η H⁻¹∇f, H = ∇²f (stops where \|det H\| < 1e-12) |
//!
//! η is step k's rate from the [`Schedule`] (η itself by default), and `gd` and `newton` may
//! search for the step size along their direction ([`LineSearch`]); the step size actually
//! taken is kept with each point ([`Point::lr`]).

pub mod all_vars;
pub mod line_search;
pub mod newton;
mod path;
mod propose;
pub mod readout;
pub mod schedule;
mod step;
pub mod stop;
mod update;

pub use all_vars::{FullPath, FullPoint};
pub use line_search::LineSearch;
pub use path::Point;
pub use path::{step_all, Path, Status};
pub use schedule::Schedule;
pub use step::{Step, StepState};
pub use stop::Stop;

use crate::error::{Error, Result};
use std::fmt;

/// The most descent paths one picture holds: `--start` flags, a scene's `[[paths]]` (with its
/// sweep and compare copies) and clicks in the explorer are all capped here. A lecture needs a
/// handful; each path keeps up to its step limit of iterates, so the cap bounds memory.
pub const MAX_PATHS: usize = 256;

/// One of the optimizers gradfield can animate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Optimizer {
    /// Plain gradient descent.
    Gd,
    /// Heavy-ball momentum.
    Momentum,
    /// Nesterov momentum (in the form PyTorch uses).
    Nesterov,
    /// AdaGrad: per-coordinate steps shrink with the sum of squared gradients.
    AdaGrad,
    /// RMSProp: per-coordinate steps scaled by a running mean of squared gradients.
    RmsProp,
    /// Adam: momentum plus RMSProp scaling, with bias correction.
    Adam,
    /// Newton's method: steps by the inverse Hessian times the gradient.
    Newton,
}

impl Optimizer {
    /// Every optimizer, in the order menus show them.
    pub const ALL: [Optimizer; 7] = [
        Optimizer::Gd,
        Optimizer::Momentum,
        Optimizer::Nesterov,
        Optimizer::AdaGrad,
        Optimizer::RmsProp,
        Optimizer::Adam,
        Optimizer::Newton,
    ];

    /// The name used on the command line and in files (`gd`, `momentum`, …).
    pub fn name(self) -> &'static str {
        match self {
            Optimizer::Gd => "gd",
            Optimizer::Momentum => "momentum",
            Optimizer::Nesterov => "nesterov",
            Optimizer::AdaGrad => "adagrad",
            Optimizer::RmsProp => "rmsprop",
            Optimizer::Adam => "adam",
            Optimizer::Newton => "newton",
        }
    }

    /// A name for people: "Gradient descent", "Adam", ….
    pub fn label(self) -> &'static str {
        match self {
            Optimizer::Gd => "Gradient descent",
            Optimizer::Momentum => "Momentum",
            Optimizer::Nesterov => "Nesterov",
            Optimizer::AdaGrad => "AdaGrad",
            Optimizer::RmsProp => "RMSProp",
            Optimizer::Adam => "Adam",
            Optimizer::Newton => "Newton's method",
        }
    }

    /// Whether this optimizer can search for its step size ([`LineSearch::Armijo`]): plain
    /// gradient descent and Newton's method, whose step is a direction times one number.
    pub fn takes_line_search(self) -> bool {
        matches!(self, Optimizer::Gd | Optimizer::Newton)
    }

    /// The learning rate used when none is given: 1 for Newton (the full Newton step), else
    /// `None` (the preset's or the command's default).
    pub fn default_lr(self) -> Option<f64> {
        (self == Optimizer::Newton).then_some(1.0)
    }

    /// The ε used when [`Hyper::eps`] is `None`: 1e-10 for AdaGrad, 1e-8 otherwise (plain
    /// and momentum descent do not use ε).
    pub(crate) fn default_eps(self) -> f64 {
        match self {
            Optimizer::AdaGrad => 1e-10,
            _ => 1e-8,
        }
    }
}

impl fmt::Display for Optimizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Optimizer {
    type Err = Error;

    /// Parses a [`Optimizer::name`], ignoring case and surrounding spaces.
    fn from_str(s: &str) -> Result<Optimizer> {
        let wanted = s.trim();
        Optimizer::ALL
            .into_iter()
            .find(|o| o.name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| {
                let names: Vec<&str> = Optimizer::ALL.iter().map(|o| o.name()).collect();
                Error::Input(format!(
                    "unknown optimizer {}: choose one of {}",
                    crate::numfmt::quote(wanted),
                    names.join(", ")
                ))
            })
    }
}

/// The hyperparameters of every optimizer; each optimizer reads the ones it uses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hyper {
    /// Learning rate η (> 0).
    pub lr: f64,
    /// Momentum μ for `momentum` and `nesterov` (0 ≤ μ < 1).
    pub momentum: f64,
    /// Decay α of RMSProp's mean of squares (0 < α < 1).
    pub alpha: f64,
    /// Adam's decay β1 of the mean gradient (0 ≤ β1 < 1).
    pub beta1: f64,
    /// Adam's decay β2 of the mean squared gradient (0 ≤ β2 < 1).
    pub beta2: f64,
    /// ε added to the root in the denominator; `None` uses `Optimizer::default_eps`.
    pub eps: Option<f64>,
    /// Climb the gradient (maximise f) instead of descending it.
    pub ascent: bool,
    /// How η changes from step to step.
    pub schedule: Schedule,
    /// Whether `gd` and `newton` search for the step size (others ignore it; see
    /// [`Hyper::check_for`]).
    pub line_search: LineSearch,
    /// Mini-batch size of a data loss's stochastic gradient (`None`: every point); a plain
    /// function ignores it. Batches are drawn as `expr::data::Batches` describes.
    pub batch: Option<usize>,
    /// The seed of the mini-batches.
    pub seed: u64,
}

/// The seed of the mini-batches unless one is given (`--seed`, a scene's `seed`).
pub const DEFAULT_SEED: u64 = 1;

impl Hyper {
    /// These hyperparameters with η times `factor` (a learning-rate sweep's path), or as they
    /// are for `None`.
    pub(crate) fn with_lr_factor(self, factor: Option<f64>) -> Hyper {
        Hyper {
            lr: factor.map_or(self.lr, |k| self.lr * k),
            ..self
        }
    }

    /// Learning rate `lr` with the usual defaults: μ = 0.9, α = 0.99, β1 = 0.9, β2 = 0.999,
    /// the optimizer's default ε, descent.
    pub fn new(lr: f64) -> Hyper {
        Hyper {
            lr,
            momentum: 0.9,
            alpha: 0.99,
            beta1: 0.9,
            beta2: 0.999,
            eps: None,
            ascent: false,
            schedule: Schedule::Const,
            line_search: LineSearch::None,
            batch: None,
            seed: DEFAULT_SEED,
        }
    }

    /// The mini-batch step `step` averages over, `None` for full-batch descent.
    pub fn batch_at(&self, step: usize) -> Option<crate::expr::data::BatchAt> {
        self.batch.map(|size| crate::expr::data::BatchAt {
            step: step as u64,
            size,
            seed: self.seed,
        })
    }

    /// What changes the step besides η, for a subtitle: ", ηₖ = η·0.99^k" for a schedule and
    /// ", Armijo line search" where `optimizer` takes one; empty for a constant η.
    pub fn step_rule_text(&self, optimizer: Optimizer) -> String {
        let mut how = String::new();
        if self.schedule != Schedule::Const {
            how.push_str(&format!(", ηₖ = {}", self.schedule.formula()));
        }
        if self.line_search == LineSearch::Armijo && optimizer.takes_line_search() {
            how.push_str(", Armijo line search");
        }
        if let Some(b) = self.batch {
            how.push_str(&format!(", mini-batches of {b} (seed {})", self.seed));
        }
        how
    }

    /// [`Hyper::validate`], and that the settings apply to `optimizer`: a line search only
    /// with `gd` or `newton`.
    pub fn check_for(&self, optimizer: Optimizer) -> Result<()> {
        self.validate()?;
        if self.line_search != LineSearch::None && !optimizer.takes_line_search() {
            return Err(Error::Input(format!(
                "line search {} applies to gd and newton, not {optimizer}",
                self.line_search.name()
            )));
        }
        Ok(())
    }

    /// The ε that `optimizer` uses with these settings.
    pub(crate) fn eps_for(&self, optimizer: Optimizer) -> f64 {
        self.eps.unwrap_or_else(|| optimizer.default_eps())
    }

    /// Checks every range (all of them, whichever optimizer runs); the error names the
    /// parameter and the range it must lie in.
    pub fn validate(&self) -> Result<()> {
        let bad = |name: &str, value: f64, range: &str| {
            Err(Error::Input(format!(
                "{name} must be {range}, got {}",
                crate::numfmt::echo(value)
            )))
        };
        if !(self.lr.is_finite() && self.lr > 0.0) {
            return bad("learning rate", self.lr, "a finite number > 0");
        }
        if !(0.0..1.0).contains(&self.momentum) {
            return bad("momentum", self.momentum, "in [0, 1)");
        }
        if !(self.alpha > 0.0 && self.alpha < 1.0) {
            return bad("alpha", self.alpha, "in (0, 1)");
        }
        if !(0.0..1.0).contains(&self.beta1) {
            return bad("beta1", self.beta1, "in [0, 1)");
        }
        if !(0.0..1.0).contains(&self.beta2) {
            return bad("beta2", self.beta2, "in [0, 1)");
        }
        if let Some(eps) = self.eps {
            if !(eps.is_finite() && eps > 0.0) {
                return bad("eps", eps, "a finite number > 0");
            }
        }
        self.schedule.validate()
    }
}

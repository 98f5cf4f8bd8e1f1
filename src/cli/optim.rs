//! The optimizer flags shared by `descend`, `render`, `converge` and `explore`: which
//! optimizer, its hyperparameters, the learning-rate schedule and the line search.

use super::args::{
    parse_alpha, parse_decay, parse_lr, parse_point, parse_positive, parse_steps, parse_tol,
};
use crate::descent::{LineSearch, Schedule};
use clap::Args;

/// The optimizer and its hyperparameters.
#[derive(Debug, Clone, Args)]
pub struct OptimArgs {
    /// A start point X,Y for a descent path (repeat for several).
    #[arg(long = "start", value_name = "X,Y", allow_hyphen_values = true, value_parser = parse_point)]
    pub starts: Vec<(f64, f64)>,
    /// gd, momentum, nesterov, adagrad, rmsprop, adam or newton.
    #[arg(long, value_name = "NAME", default_value = "gd")]
    pub optimizer: String,
    /// Learning rate η (default: 1 for newton, else the preset's, for --data half of 2/λmax
    /// at the loss's minimum, or 0.1).
    #[arg(long, value_name = "η", allow_negative_numbers = true, value_parser = parse_lr)]
    pub lr: Option<f64>,
    /// Number of steps (default: the preset's, or 100).
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = parse_steps)]
    pub steps: Option<usize>,
    /// Stop a path when |∇f| ≤ T (0: never).
    #[arg(long, value_name = "T", default_value = "0", allow_negative_numbers = true, value_parser = parse_tol)]
    pub tol: f64,
    /// Momentum μ (momentum, nesterov).
    #[arg(long, value_name = "μ", default_value = "0.9", allow_negative_numbers = true, value_parser = parse_decay)]
    pub momentum: f64,
    /// Decay α (rmsprop).
    #[arg(long, value_name = "α", default_value = "0.99", allow_negative_numbers = true, value_parser = parse_alpha)]
    pub alpha: f64,
    /// Adam's β1.
    #[arg(long, value_name = "β1", default_value = "0.9", allow_negative_numbers = true, value_parser = parse_decay)]
    pub beta1: f64,
    /// Adam's β2.
    #[arg(long, value_name = "β2", default_value = "0.999", allow_negative_numbers = true, value_parser = parse_decay)]
    pub beta2: f64,
    /// ε (default 1e-8; AdaGrad 1e-10).
    #[arg(long, value_name = "ε", allow_negative_numbers = true, value_parser = parse_positive)]
    pub eps: Option<f64>,
    /// Climb along +∇f instead of descending.
    #[arg(long)]
    pub ascent: bool,
    /// How η changes with step k: const, exp:G (η·G^k), step:N:G (η·G^⌊k/N⌋), inv:D
    /// (η/(1 + D·k)) or cosine:N (η·(1 + cos(π·min(k, N)/N))/2).
    #[arg(long, value_name = "SPEC", default_value = "const", value_parser = parse_schedule)]
    pub schedule: Schedule,
    /// armijo: halve the step from η until f decreases enough (c = 1e-4, at most 50
    /// halvings); gd and newton only. none: take η as it is.
    #[arg(long, value_name = "KIND", default_value = "none", value_parser = parse_line_search)]
    pub line_search: LineSearch,
    /// Mini-batch size B of a data loss (--data): each step's gradient averages B points
    /// drawn without replacement within an epoch (B ≥ n: full-batch gradient descent).
    #[arg(long, value_name = "B", value_parser = parse_batch)]
    pub batch: Option<usize>,
    /// The seed of the mini-batches (SplitMix64; the same seed draws the same batches).
    #[arg(long, value_name = "S", default_value_t = crate::descent::DEFAULT_SEED)]
    pub seed: u64,
}

/// Parses `--batch`: a whole number of points, at least 1.
pub(crate) fn parse_batch(s: &str) -> Result<usize, String> {
    match s.trim().parse::<usize>() {
        Ok(0) => Err("a mini-batch holds at least 1 point".into()),
        Ok(b) => Ok(b),
        Err(_) => Err(format!(
            "{} is not a whole number of points",
            crate::numfmt::quote(s)
        )),
    }
}

/// Parses `--schedule` ([`Schedule`]'s text).
pub(crate) fn parse_schedule(s: &str) -> Result<Schedule, String> {
    s.parse().map_err(|e: crate::Error| e.to_string())
}

/// Parses `--line-search`.
pub(crate) fn parse_line_search(s: &str) -> Result<LineSearch, String> {
    s.parse().map_err(|e: crate::Error| e.to_string())
}

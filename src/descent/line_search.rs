//! Backtracking line search (Armijo): from the step size t = ηₖ along a direction p, halve t
//! while φ(θ + t·p) > φ(θ) + c·t·∇φ·p, with c = [`ARMIJO_C`] and at most [`MAX_HALVINGS`]
//! halvings. φ is f for descent and −f for ascent. Every rejected trial point is reported so
//! that the explorer can draw it as a dot.

use crate::error::{Error, Result};

/// Armijo's sufficient-decrease constant c.
pub const ARMIJO_C: f64 = 1e-4;
/// The most halvings one step may take before the search gives up.
pub const MAX_HALVINGS: u32 = 50;

/// Whether a step searches along its direction for a step size that decreases f enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum LineSearch {
    /// The step size is the (scheduled) learning rate.
    #[default]
    None,
    /// Backtracking from the learning rate until Armijo's condition holds.
    Armijo,
}

impl LineSearch {
    /// The name on the command line and in scenes: `none`, `armijo`.
    pub fn name(self) -> &'static str {
        match self {
            LineSearch::None => "none",
            LineSearch::Armijo => "armijo",
        }
    }
}

impl std::str::FromStr for LineSearch {
    type Err = Error;

    fn from_str(s: &str) -> Result<LineSearch> {
        match s.trim().to_ascii_lowercase().as_str() {
            "none" | "off" => Ok(LineSearch::None),
            "armijo" => Ok(LineSearch::Armijo),
            _ => Err(Error::Input(format!(
                "unknown line search {}: choose none or armijo",
                crate::numfmt::quote(s.trim())
            ))),
        }
    }
}

/// The step size a search accepted, and how many times it halved to get there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Accepted {
    pub t: f64,
    pub halvings: u32,
}

/// Searches from `t0`: `phi(t)` is φ(θ + t·p) (`None` where f is undefined there, which
/// rejects the trial), `phi0` is φ(θ) and `slope` is ∇φ(θ)·p. `rejected(t)` is called for
/// every trial that failed. `None` when even the step after [`MAX_HALVINGS`] halvings fails
/// (p is then no descent direction, or f is undefined all along it).
pub fn armijo(
    phi0: f64,
    slope: f64,
    t0: f64,
    phi: &mut dyn FnMut(f64) -> Option<f64>,
    rejected: &mut dyn FnMut(f64),
) -> Option<Accepted> {
    let mut t = t0;
    for halvings in 0..=MAX_HALVINGS {
        match phi(t) {
            Some(v) if v.is_finite() && v <= phi0 + ARMIJO_C * t * slope => {
                return Some(Accepted { t, halvings });
            }
            _ => rejected(t),
        }
        t *= 0.5;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halvings_stop_at_the_first_step_that_decreases_enough() {
        // φ(t) = (1 − t)², slope −2 from t0 = 8: 8, 4, 2 fail (49, 9, 1 > 1 − …), 1 passes.
        let mut tried = Vec::new();
        let got = armijo(
            1.0,
            -2.0,
            8.0,
            &mut |t| Some((1.0 - t) * (1.0 - t)),
            &mut |t| tried.push(t),
        )
        .unwrap();
        assert_eq!(
            got,
            Accepted {
                t: 1.0,
                halvings: 3
            }
        );
        assert_eq!(tried, [8.0, 4.0, 2.0]);
    }

    #[test]
    fn an_ascent_direction_is_refused_after_the_last_halving() {
        let mut count = 0;
        let got = armijo(0.0, 1.0, 1.0, &mut |t| Some(t), &mut |_| count += 1);
        assert_eq!(got, None);
        assert_eq!(count, MAX_HALVINGS + 1);
    }
}

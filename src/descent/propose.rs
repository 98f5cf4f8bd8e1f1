//! Where the next iterate of a path goes: step k's learning rate from the schedule, the
//! optimizer's update, Newton's direction from the Hessian, and the line search along the
//! direction of `gd` and `newton`.

use super::line_search::{self, LineSearch};
use super::path::Point;
use super::step::StepState;
use super::update::State;
use super::{newton, Hyper, Optimizer, Stop};
use crate::expr::Evaluator;

/// The most rejected line-search trial points a path keeps for drawing; later ones are not
/// kept (a path that needs this many halvings has long shown what it does).
pub(crate) const MAX_TRIALS: usize = 10_000;

/// The next iterate, the state the update used, the step size taken and, for a line search,
/// how many halvings it took.
pub(super) struct Proposal {
    pub(super) next: [f64; 2],
    pub(super) state: StepState,
    pub(super) lr: f64,
    pub(super) halvings: Option<u32>,
}

/// Step `k` from `here`; Err is why the path cannot take it (the Hessian is singular or
/// undefined, or the line search found no decrease). Rejected trial points are pushed on
/// `trials` (up to [`MAX_TRIALS`]).
pub(super) fn propose(
    state: &mut State,
    optimizer: Optimizer,
    hyper: &Hyper,
    k: usize,
    here: &Point,
    grad: &mut impl Evaluator,
    trials: &mut Vec<[f64; 2]>,
) -> Result<Proposal, Stop> {
    let lr = hyper.schedule.lr(hyper.lr, k);
    let sign = if hyper.ascent { -1.0 } else { 1.0 };
    // The gradient of φ = ±f, which the step lowers.
    let g = [sign * here.dfdx, sign * here.dfdy];
    let theta = [here.x, here.y];
    let (direction, used) = match optimizer {
        Optimizer::Gd => ([-g[0], -g[1]], StepState::Plain),
        Optimizer::Newton => {
            let hessian = grad
                .hessian(here.x, here.y)
                .filter(|h| h.iter().all(|v| v.is_finite()))
                .ok_or(Stop::HessianUndefined { at: theta })?;
            // −H⁻¹∇f: the same for descent and ascent (both H and ∇f change sign).
            let direction = newton::direction(hessian, [here.dfdx, here.dfdy], theta)?;
            (direction, StepState::Newton { hessian, direction })
        }
        _ => {
            let (next, used) = state.update(optimizer, hyper, lr, theta, g);
            return Ok(Proposal {
                next,
                state: used,
                lr,
                halvings: None,
            });
        }
    };
    let at = |t: f64| [theta[0] + t * direction[0], theta[1] + t * direction[1]];
    let (t, halvings) = match hyper.line_search {
        LineSearch::None => (lr, None),
        LineSearch::Armijo => {
            let slope = g[0] * direction[0] + g[1] * direction[1];
            let accepted = line_search::armijo(
                sign * here.f,
                slope,
                lr,
                &mut |t| {
                    let [x, y] = at(t);
                    grad.value(x, y).map(|v| sign * v)
                },
                &mut |t| {
                    let p = at(t);
                    if trials.len() < MAX_TRIALS && p.iter().all(|v| v.is_finite()) {
                        trials.push(p);
                    }
                },
            )
            .ok_or(Stop::NoDecrease)?;
            (accepted.t, Some(accepted.halvings))
        }
    };
    Ok(Proposal {
        next: at(t),
        state: used,
        lr: t,
        halvings,
    })
}

//! The optimizers' state and one update θ → θ' (the rules in the table of [`super`]), with
//! what each update used kept as a [`StepState`] for the step read-out.

use super::step::StepState;
use super::{Hyper, Optimizer};

/// Everything an optimizer remembers between steps, per coordinate; all zero at the start.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct State {
    /// Velocity b (momentum, nesterov) or first moment m (adam).
    first: [f64; 2],
    /// Sum of squares s (adagrad) or mean of squares v (rmsprop, adam).
    second: [f64; 2],
    /// β1^t and β2^t for Adam's bias correction, kept as running products.
    beta1_t: f64,
    beta2_t: f64,
}

impl State {
    /// The state before the first step.
    pub(super) fn new() -> State {
        State {
            beta1_t: 1.0,
            beta2_t: 1.0,
            ..State::default()
        }
    }

    /// Advances the state with gradient `grad` at `theta` (already sign-flipped for ascent)
    /// and step size `lr` (this step's scheduled η), and returns the next iterate with the state this update used (after its own change:
    /// the velocity or averages that moved θ).
    pub(super) fn update(
        &mut self,
        optimizer: Optimizer,
        hyper: &Hyper,
        lr: f64,
        theta: [f64; 2],
        grad: [f64; 2],
    ) -> ([f64; 2], StepState) {
        let eps = hyper.eps_for(optimizer);
        let mut next = theta;
        let used = match optimizer {
            // Newton's steps are taken in `propose`, which has the Hessian; here it would be
            // a plain gradient step.
            Optimizer::Gd | Optimizer::Newton => {
                for k in 0..2 {
                    next[k] -= lr * grad[k];
                }
                StepState::Plain
            }
            Optimizer::Momentum => {
                for k in 0..2 {
                    self.first[k] = hyper.momentum * self.first[k] + grad[k];
                    next[k] -= lr * self.first[k];
                }
                StepState::Momentum {
                    mu: hyper.momentum,
                    velocity: self.first,
                }
            }
            Optimizer::Nesterov => {
                let mut direction = [0.0; 2];
                for k in 0..2 {
                    self.first[k] = hyper.momentum * self.first[k] + grad[k];
                    direction[k] = grad[k] + hyper.momentum * self.first[k];
                    next[k] -= lr * direction[k];
                }
                StepState::Nesterov {
                    mu: hyper.momentum,
                    velocity: self.first,
                    direction,
                }
            }
            Optimizer::AdaGrad => {
                let mut scale = [0.0; 2];
                for k in 0..2 {
                    self.second[k] += grad[k] * grad[k];
                    scale[k] = lr / (self.second[k].sqrt() + eps);
                    next[k] -= lr * grad[k] / (self.second[k].sqrt() + eps);
                }
                StepState::AdaGrad {
                    sum_sq: self.second,
                    eps,
                    scale,
                }
            }
            Optimizer::RmsProp => {
                let a = hyper.alpha;
                let mut scale = [0.0; 2];
                for k in 0..2 {
                    self.second[k] = a * self.second[k] + (1.0 - a) * grad[k] * grad[k];
                    scale[k] = lr / (self.second[k].sqrt() + eps);
                    next[k] -= lr * grad[k] / (self.second[k].sqrt() + eps);
                }
                StepState::RmsProp {
                    alpha: a,
                    mean_sq: self.second,
                    eps,
                    scale,
                }
            }
            Optimizer::Adam => {
                let (b1, b2) = (hyper.beta1, hyper.beta2);
                self.beta1_t *= b1;
                self.beta2_t *= b2;
                let (c1, c2) = (1.0 / (1.0 - self.beta1_t), 1.0 / (1.0 - self.beta2_t));
                let (mut m_hat, mut v_hat, mut scale) = ([0.0; 2], [0.0; 2], [0.0; 2]);
                for k in 0..2 {
                    self.first[k] = b1 * self.first[k] + (1.0 - b1) * grad[k];
                    self.second[k] = b2 * self.second[k] + (1.0 - b2) * grad[k] * grad[k];
                    m_hat[k] = self.first[k] * c1;
                    v_hat[k] = self.second[k] * c2;
                    scale[k] = lr / (v_hat[k].sqrt() + eps);
                    next[k] -= lr * m_hat[k] / (v_hat[k].sqrt() + eps);
                }
                StepState::Adam {
                    beta: (b1, b2),
                    m: self.first,
                    v: self.second,
                    m_hat,
                    v_hat,
                    eps,
                    scale,
                }
            }
        };
        (next, used)
    }
}

//! The optimizers' state and one update θ → θ' (the rules in the table of [`super`]).

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
    /// and returns the next iterate.
    pub(super) fn update(
        &mut self,
        optimizer: Optimizer,
        hyper: &Hyper,
        theta: [f64; 2],
        grad: [f64; 2],
    ) -> [f64; 2] {
        let lr = hyper.lr;
        let eps = hyper.eps_for(optimizer);
        let mut next = theta;
        match optimizer {
            Optimizer::Gd => {
                for k in 0..2 {
                    next[k] -= lr * grad[k];
                }
            }
            Optimizer::Momentum => {
                for k in 0..2 {
                    self.first[k] = hyper.momentum * self.first[k] + grad[k];
                    next[k] -= lr * self.first[k];
                }
            }
            Optimizer::Nesterov => {
                for k in 0..2 {
                    self.first[k] = hyper.momentum * self.first[k] + grad[k];
                    next[k] -= lr * (grad[k] + hyper.momentum * self.first[k]);
                }
            }
            Optimizer::AdaGrad => {
                for k in 0..2 {
                    self.second[k] += grad[k] * grad[k];
                    next[k] -= lr * grad[k] / (self.second[k].sqrt() + eps);
                }
            }
            Optimizer::RmsProp => {
                let a = hyper.alpha;
                for k in 0..2 {
                    self.second[k] = a * self.second[k] + (1.0 - a) * grad[k] * grad[k];
                    next[k] -= lr * grad[k] / (self.second[k].sqrt() + eps);
                }
            }
            Optimizer::Adam => {
                let (b1, b2) = (hyper.beta1, hyper.beta2);
                self.beta1_t *= b1;
                self.beta2_t *= b2;
                let (c1, c2) = (1.0 / (1.0 - self.beta1_t), 1.0 / (1.0 - self.beta2_t));
                for k in 0..2 {
                    self.first[k] = b1 * self.first[k] + (1.0 - b1) * grad[k];
                    self.second[k] = b2 * self.second[k] + (1.0 - b2) * grad[k] * grad[k];
                    let (m_hat, v_hat) = (self.first[k] * c1, self.second[k] * c2);
                    next[k] -= lr * m_hat / (v_hat.sqrt() + eps);
                }
            }
        }
        next
    }
}

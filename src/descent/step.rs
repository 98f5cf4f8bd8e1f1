//! One step of a path as its optimizer took it: θₖ, ∇f(θₖ), η, the optimizer's state after
//! the update (velocity, running averages, per-coordinate step sizes) and θₖ₊₁. A path keeps
//! its last step ([`super::Path::last_step`]) so that the explorer can show the arithmetic
//! of the step with the very numbers the optimizer used.

/// What an update used besides θ, ∇f and η: the state after its own change, which is what
/// moved θ.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StepState {
    /// Plain gradient descent: nothing but θ, ∇f and η.
    Plain,
    /// Heavy-ball momentum: bₖ₊₁ = μ bₖ + g, θₖ₊₁ = θₖ − η bₖ₊₁.
    Momentum { mu: f64, velocity: [f64; 2] },
    /// Nesterov: bₖ₊₁ = μ bₖ + g, θₖ₊₁ = θₖ − η (g + μ bₖ₊₁); `direction` is g + μ bₖ₊₁.
    Nesterov {
        mu: f64,
        velocity: [f64; 2],
        direction: [f64; 2],
    },
    /// AdaGrad: sₖ₊₁ = sₖ + g², θₖ₊₁ = θₖ − `scale` g with `scale` = η / (√sₖ₊₁ + ε).
    AdaGrad {
        sum_sq: [f64; 2],
        eps: f64,
        scale: [f64; 2],
    },
    /// RMSProp: vₖ₊₁ = α vₖ + (1 − α) g², θₖ₊₁ = θₖ − `scale` g, `scale` = η / (√vₖ₊₁ + ε).
    RmsProp {
        alpha: f64,
        mean_sq: [f64; 2],
        eps: f64,
        scale: [f64; 2],
    },
    /// Adam: the moments m, v after the update, their bias-corrected m̂, v̂ and
    /// θₖ₊₁ = θₖ − `scale` m̂ with `scale` = η / (√v̂ + ε).
    Adam {
        beta: (f64, f64),
        m: [f64; 2],
        v: [f64; 2],
        m_hat: [f64; 2],
        v_hat: [f64; 2],
        eps: f64,
        scale: [f64; 2],
    },
    /// Newton: the Hessian [f_xx, f_xy, f_yy] at θₖ and the direction −∇²f⁻¹∇f;
    /// θₖ₊₁ = θₖ + η·`direction`.
    Newton {
        hessian: [f64; 3],
        direction: [f64; 2],
    },
}

impl StepState {
    /// The velocity the step moved with, for momentum and Nesterov.
    pub fn velocity(&self) -> Option<[f64; 2]> {
        match *self {
            StepState::Momentum { velocity, .. } | StepState::Nesterov { velocity, .. } => {
                Some(velocity)
            }
            _ => None,
        }
    }

    /// The per-coordinate step size (θ moves by this times the gradient, or times m̂ for
    /// Adam), for AdaGrad, RMSProp and Adam.
    pub fn scale(&self) -> Option<[f64; 2]> {
        match *self {
            StepState::AdaGrad { scale, .. }
            | StepState::RmsProp { scale, .. }
            | StepState::Adam { scale, .. } => Some(scale),
            _ => None,
        }
    }
}

/// One step θₖ → θₖ₊₁ of a path, with the numbers its optimizer used.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// The step's index k: it went from `points[k]` to `points[k + 1]`.
    pub k: usize,
    /// θₖ and f(θₖ).
    pub theta: [f64; 2],
    pub f: f64,
    /// ∇f(θₖ) as evaluated (before the sign flip of ascent).
    pub grad: [f64; 2],
    /// The step size taken: step k's scheduled η, or what the line search accepted.
    pub lr: f64,
    /// How many times the line search halved η (`None` without a line search).
    pub halvings: Option<u32>,
    /// The path climbs (θ + η …) instead of descending.
    pub ascent: bool,
    pub state: StepState,
    /// θₖ₊₁ and f(θₖ₊₁).
    pub next: [f64; 2],
    pub next_f: f64,
}

impl Step {
    /// −η∇f(θₖ) (+η∇f for ascent) with this step's η: the plain gradient step from θₖ,
    /// whatever the optimizer.
    pub fn gradient_step(&self) -> [f64; 2] {
        let sign = if self.ascent { 1.0 } else { -1.0 };
        self.grad.map(|g| sign * self.lr * g)
    }

    /// θₖ₊₁ − θₖ: the step the optimizer took.
    pub fn taken(&self) -> [f64; 2] {
        [self.next[0] - self.theta[0], self.next[1] - self.theta[1]]
    }
}

//! The convergence map's data: what to run ([`ConvergeSettings`]), the uniform the shader
//! reads and the per-start optimizer state ([`Walker`]) it keeps between dispatches.

use crate::descent::{Hyper, Optimizer};

/// Bytes per start of the walker buffer.
pub(crate) const WALKER_BYTES: u64 = std::mem::size_of::<Walker>() as u64;

/// What to run from every start.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConvergeSettings {
    /// The optimizer.
    pub optimizer: Optimizer,
    /// Its hyperparameters (checked with [`Hyper::validate`] by `ConvergePass::prepare`).
    pub hyper: Hyper,
    /// Steps at most (≤ `converge::MAX_STEPS`).
    pub steps: u32,
    /// Converged when |∇f| ≤ tol; 0 never converges.
    pub tol: f64,
}

/// Uniform parameters (`Params` in shaders/converge.wgsl).
#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
pub(crate) struct Params {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) ascent: u32,
    pub(crate) lr: f32,
    pub(crate) momentum: f32,
    pub(crate) alpha: f32,
    pub(crate) beta1: f32,
    pub(crate) beta2: f32,
    pub(crate) eps: f32,
    pub(crate) tol: f32,
    pub(crate) steps: u32,
    pub(crate) chunk: u32,
    pub(crate) sched_a: f32,
    pub(crate) sched_b: f32,
    pub(crate) pad: [u32; 2],
}

/// One start's optimizer state (`Walker` in shaders/converge.wgsl).
#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Walker {
    /// The current iterate (x, y).
    pub theta: [f32; 2],
    first: [f32; 2],
    second: [f32; 2],
    grad: [f32; 2],
    beta1_t: f32,
    beta2_t: f32,
    /// Steps taken; for a converged walker the step at which |∇f| ≤ tol first held.
    pub steps: u32,
    /// 0 not started, 1 running, 2 converged, 3 diverged (or undefined at the start).
    pub status: u32,
}

/// The layout of [`Params`] (tests/layout.rs compares it with the shader's).
pub(crate) fn params_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "Params",
        Params {
            width,
            height,
            ascent,
            lr,
            momentum,
            alpha,
            beta1,
            beta2,
            eps,
            tol,
            steps,
            chunk,
            sched_a,
            sched_b,
            pad,
        }
    )
}

/// The layout of [`Walker`] (tests/layout.rs compares it with the shader's).
pub(crate) fn walker_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "Walker",
        Walker {
            theta,
            first,
            second,
            grad,
            beta1_t,
            beta2_t,
            steps,
            status
        }
    )
}

/// [`Walker::status`] of a start that converged.
pub(crate) const STATUS_CONVERGED: u32 = crate::gpu::library::STATUS_CONVERGED;
/// [`Walker::status`] of a start that diverged or was undefined.
pub(crate) const STATUS_DIVERGED: u32 = crate::gpu::library::STATUS_DIVERGED;

impl Walker {
    /// (final x, final y, step at which it converged or −1), or NaN in all three if it
    /// diverged: the row of `gradfield converge`'s output.
    pub fn result(&self) -> [f32; 3] {
        match self.status {
            STATUS_DIVERGED => [f32::NAN; 3],
            STATUS_CONVERGED => [self.theta[0], self.theta[1], self.steps as f32],
            _ => [self.theta[0], self.theta[1], -1.0],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_follow_the_status() {
        let mut w = Walker {
            theta: [1.5, -2.0],
            steps: 7,
            status: STATUS_CONVERGED,
            ..bytemuck::Zeroable::zeroed()
        };
        assert_eq!(w.result(), [1.5, -2.0, 7.0]);
        w.status = 1;
        assert_eq!(w.result(), [1.5, -2.0, -1.0]);
        w.status = STATUS_DIVERGED;
        assert!(w.result().iter().all(|v| v.is_nan()));
    }
}

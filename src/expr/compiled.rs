//! A function compiled to tapes: the flat, allocation-free form the descent paths, the hover
//! read-out and the WGSL generator use (f with its gradient, and f alone for the numeric mode).

use super::evaluate::{Evaluator, TapeEvaluator};
use super::tape::Tape;
use super::Function;

/// The tapes of a function.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// Roots f, ∂f/∂x, ∂f/∂y.
    pub grad: Tape,
    /// Root f.
    pub value: Tape,
}

impl Function {
    /// Compiles f and its gradient to tapes.
    pub fn compile(&self) -> Compiled {
        Compiled {
            grad: Tape::new(&[self.f.clone(), self.dfdx.clone(), self.dfdy.clone()])
                .with_syms(&self.values)
                .with_data(self.data.clone()),
            value: Tape::new(std::slice::from_ref(&self.f))
                .with_syms(&self.values)
                .with_data(self.data.clone()),
        }
    }

    /// A closure giving (f, ∂f/∂x, ∂f/∂y) at a point, or `None` where undefined, by a
    /// compiled tape (what the optimizers in `descent` take).
    pub fn gradient_fn(&self) -> impl FnMut(f64, f64) -> Option<[f64; 3]> {
        self.compile().gradient_fn()
    }
}

impl Compiled {
    /// A closure over these tapes that evaluates f and ∇f without allocating.
    pub(crate) fn gradient_fn(self) -> impl FnMut(f64, f64) -> Option<[f64; 3]> {
        let mut tape = TapeEvaluator::new(self);
        move |x, y| tape.gradient(x, y)
    }
}

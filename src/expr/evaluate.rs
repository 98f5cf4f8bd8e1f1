//! The one way to ask for f and ∇f at a point on the CPU ([`Evaluator`]), answered by the
//! reference tree evaluator ([`TreeEvaluator`], the truth tests compare with) or by the compiled
//! tape ([`TapeEvaluator`], fast and allocation-free): the same signature and the same
//! definedness, channel by channel.

use super::ast::Node;
use super::compiled::Compiled;
use super::data::{mean_over, BatchAt, Batches, MAX_ROOTS};
use super::hessian::HessianTape;
use super::{eval, Function};

/// f, ∂f/∂x, ∂f/∂y at one point, each `None` where it is undefined.
pub(crate) type Channels = [Option<f64>; 3];

/// f and its gradient at points (x, y). Every implementation follows the rules of
/// [`super::domain`]: f keeps its value where only a derivative is undefined (`x^0.5` at 0),
/// and a derivative is never defined where f is not (`0^x` for x ≤ 0, whose derivative is 0).
pub trait Evaluator {
    /// f, ∂f/∂x, ∂f/∂y at (x, y), each `None` where it is undefined.
    fn channels(&mut self, x: f64, y: f64) -> Channels;

    /// f at (x, y), `None` where undefined.
    fn value(&mut self, x: f64, y: f64) -> Option<f64> {
        self.channels(x, y)[0]
    }

    /// f, ∂f/∂x, ∂f/∂y at (x, y), or `None` where any of them is undefined (what a descent
    /// path needs: it stops where only ∇f is undefined).
    fn gradient(&mut self, x: f64, y: f64) -> Option<[f64; 3]> {
        let [f, dx, dy] = self.channels(x, y);
        Some([f?, dx?, dy?])
    }

    /// ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y² at (x, y), or `None` where any is undefined, where f is,
    /// or where this evaluator knows no second derivatives (a gradient callback; a tape made
    /// by [`Function::tape`] rather than [`Function::tape_with_hessian`]).
    fn hessian(&mut self, _x: f64, _y: f64) -> Option<[f64; 3]> {
        None
    }

    /// The mini-batch the next evaluations average a data loss over (`None`: every point),
    /// set by a stochastic descent step; evaluators of plain functions ignore it.
    fn select_batch(&mut self, _batch: Option<BatchAt>) {}
}

/// A gradient callback (f, ∂f/∂x, ∂f/∂y, or `None` where any is undefined) is an evaluator
/// that knows definedness only for all three channels together.
impl<F: FnMut(f64, f64) -> Option<[f64; 3]>> Evaluator for F {
    fn channels(&mut self, x: f64, y: f64) -> Channels {
        match self(x, y) {
            Some([f, dx, dy]) => [Some(f), Some(dx), Some(dy)],
            None => [None; 3],
        }
    }

    fn gradient(&mut self, x: f64, y: f64) -> Option<[f64; 3]> {
        self(x, y)
    }
}

/// The reference: f64, recursive over the trees of a [`Function`] ([`eval::eval`]).
#[derive(Debug, Clone)]
pub struct TreeEvaluator<'a> {
    function: &'a Function,
    /// The mini-batch of a data loss ([`Evaluator::select_batch`]).
    batch: Option<BatchAt>,
    batches: Batches,
}

impl TreeEvaluator<'_> {
    /// The rows a data loss is averaged over now (`None`: all).
    fn rows(&mut self) -> Option<&[u32]> {
        let (data, at) = (self.function.data.as_ref()?, self.batch?);
        Some(self.batches.select(data.len(), at))
    }
}

impl Evaluator for TreeEvaluator<'_> {
    fn channels(&mut self, x: f64, y: f64) -> Channels {
        let function = self.function;
        let roots = [&function.f, &function.dfdx, &function.dfdy];
        let c = function.reference_roots(&roots, x, y, self.rows());
        [c[0], c[1], c[2]]
    }

    fn value(&mut self, x: f64, y: f64) -> Option<f64> {
        let function = self.function;
        function.reference_roots(&[&function.f], x, y, self.rows())[0]
    }

    fn hessian(&mut self, x: f64, y: f64) -> Option<[f64; 3]> {
        let function = self.function;
        let [xx, xy, yy] = function.hessian();
        let roots = [&function.f, &function.dfdx, &function.dfdy, xx, xy, yy];
        let c = function.reference_roots(&roots, x, y, self.rows());
        Some([c[3]?, c[4]?, c[5]?])
    }

    fn select_batch(&mut self, batch: Option<BatchAt>) {
        self.batch = batch;
    }
}

impl Function {
    /// The reference value of each of `roots` (f first, then its derivatives) at (x, y),
    /// each `None` where undefined or where f is; for a data loss the mean over `rows` (`None`:
    /// every point) of the term's values, defined where every term is.
    pub(crate) fn reference_roots(
        &self,
        roots: &[&Node],
        x: f64,
        y: f64,
        rows: Option<&[u32]>,
    ) -> [Option<f64>; MAX_ROOTS] {
        let term = |syms: &[f64], out: &mut [f64], ok: &mut [bool]| {
            let f = eval::eval_at(roots[0], x, y, syms);
            for (k, root) in roots.iter().enumerate() {
                let v = if k == 0 {
                    f
                } else {
                    f.and_then(|_| eval::eval_at(root, x, y, syms))
                };
                out[k] = v.unwrap_or(0.0);
                ok[k] = v.is_some();
            }
        };
        let (values, defined) = match &self.data {
            Some(data) => mean_over(data, rows, &self.values, roots.len(), term),
            None => {
                let (mut out, mut ok) = ([0.0; MAX_ROOTS], [false; MAX_ROOTS]);
                term(
                    &self.values,
                    &mut out[..roots.len()],
                    &mut ok[..roots.len()],
                );
                (out, ok)
            }
        };
        std::array::from_fn(|k| (k < roots.len() && defined[k]).then_some(values[k]))
    }
}

/// The fast one: the compiled tapes of a [`Function`] with their scratch space, so that
/// evaluating does not allocate. Agrees with [`TreeEvaluator`] on every channel's value and
/// definedness (`tests/expr_agree.rs`).
#[derive(Debug, Clone)]
pub struct TapeEvaluator {
    tapes: Compiled,
    regs: Vec<f64>,
    ok: Vec<bool>,
    /// The mini-batch of a data loss ([`Evaluator::select_batch`]).
    batch: Option<BatchAt>,
    batches: Batches,
    /// f, ∇f and ∇²f, for the evaluators that answer [`Evaluator::hessian`].
    hessian: Option<HessianTape>,
}

impl TapeEvaluator {
    /// An evaluator over already compiled tapes.
    pub(crate) fn new(tapes: Compiled) -> TapeEvaluator {
        let n = tapes.grad.len().max(tapes.value.len());
        TapeEvaluator {
            tapes,
            regs: Vec::with_capacity(n),
            ok: Vec::with_capacity(n),
            batch: None,
            batches: Batches::default(),
            hessian: None,
        }
    }
}

impl Evaluator for TapeEvaluator {
    fn channels(&mut self, x: f64, y: f64) -> Channels {
        let (mut out, mut defined) = ([0.0; 3], [false; 3]);
        let rows = match (self.tapes.grad.data(), self.batch) {
            (Some(data), Some(at)) => Some(self.batches.select(data.len(), at)),
            _ => None,
        };
        self.tapes.grad.eval_rows_into(
            x,
            y,
            rows,
            &mut self.regs,
            &mut self.ok,
            &mut out,
            &mut defined,
        );
        // A derivative counts only where f is defined, as in the reference.
        let f_defined = defined[0];
        [0, 1, 2].map(|k| (defined[k] && f_defined).then_some(out[k]))
    }

    fn value(&mut self, x: f64, y: f64) -> Option<f64> {
        if self.batch.is_some() && self.tapes.value.data().is_some() {
            return self.channels(x, y)[0];
        }
        let mut out = [0.0];
        self.tapes
            .value
            .eval_into(x, y, &mut self.regs, &mut out)
            .then_some(out[0])
    }

    fn gradient(&mut self, x: f64, y: f64) -> Option<[f64; 3]> {
        if self.batch.is_some() && self.tapes.grad.data().is_some() {
            let [f, dx, dy] = self.channels(x, y);
            return Some([f?, dx?, dy?]);
        }
        self.tapes.grad.eval(x, y, &mut self.regs)
    }

    fn hessian(&mut self, x: f64, y: f64) -> Option<[f64; 3]> {
        let rows = match (self.tapes.grad.data(), self.batch) {
            (Some(data), Some(at)) => Some(self.batches.select(data.len(), at)),
            _ => None,
        };
        let [_, _, _, xx, xy, yy] = self.hessian.as_mut()?.channels_over(x, y, rows);
        Some([xx?, xy?, yy?])
    }

    fn select_batch(&mut self, batch: Option<BatchAt>) {
        self.batch = batch;
    }
}

impl Function {
    /// The reference evaluator of this function.
    pub fn tree(&self) -> TreeEvaluator<'_> {
        TreeEvaluator {
            function: self,
            batch: None,
            batches: Batches::default(),
        }
    }

    /// The compiled, fast evaluator of this function.
    pub fn tape(&self) -> TapeEvaluator {
        TapeEvaluator::new(self.compile())
    }

    /// [`Function::tape`] that also answers [`Evaluator::hessian`] (Newton's method): the
    /// second partials are differentiated and compiled once, here.
    pub fn tape_with_hessian(&self) -> TapeEvaluator {
        TapeEvaluator {
            hessian: Some(self.hessian_tape()),
            ..self.tape()
        }
    }

    /// f, ∂f/∂x, ∂f/∂y at (x, y) by the reference evaluator; `None` if any is undefined
    /// (`self.tree().gradient(x, y)`).
    pub fn eval(&self, x: f64, y: f64) -> Option<[f64; 3]> {
        self.tree().gradient(x, y)
    }

    /// f, ∂f/∂x, ∂f/∂y at (x, y) by the reference evaluator, each `None` where it is
    /// undefined (`self.tree().channels(x, y)`; see [`Evaluator`]).
    pub fn eval_each(&self, x: f64, y: f64) -> Channels {
        self.tree().channels(x, y)
    }
}

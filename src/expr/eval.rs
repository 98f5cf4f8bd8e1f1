//! The reference evaluator: f64, recursive, with exactly the rules of [`super::domain`].
//! Tests hold the GPU field and the printed formulas to it.

use super::ast::{BinOp, Expr, Var};
use super::domain;

/// The value of `node` at (x, y), or `None` where any step is undefined (outside a domain
/// or beyond f32's range). A tree with symbols is undefined here: see [`eval_at`].
pub fn eval(node: &Expr, x: f64, y: f64) -> Option<f64> {
    eval_at(node, x, y, &[])
}

/// The value of `node` at (x, y) with symbol `k` (a held variable or a parameter) at
/// `syms[k]`; `None` where undefined, or where a symbol has no value.
pub fn eval_at(node: &Expr, x: f64, y: f64, syms: &[f64]) -> Option<f64> {
    let eval = |n: &Expr, x, y| eval_at(n, x, y, syms);
    match node {
        Expr::Num(v) => Some(*v),
        Expr::Var(Var::X) => Some(x),
        Expr::Var(Var::Y) => Some(y),
        Expr::Var(Var::Sym(k)) => syms.get(*k as usize).copied(),
        Expr::Neg(a) => Some(-eval(a, x, y)?),
        Expr::Binary(op, a, b) => {
            let va = eval(a, x, y)?;
            let vb = eval(b, x, y)?;
            match op {
                BinOp::Add => domain::add(va, vb),
                BinOp::Sub => domain::sub(va, vb),
                BinOp::Mul => domain::mul(va, vb),
                BinOp::Div => domain::div(va, vb),
                BinOp::Pow => domain::pow(va, vb, domain::constant_value(b)),
            }
        }
        Expr::Call(f, args) => {
            let mut vals = [0.0; 2];
            for (slot, a) in vals.iter_mut().zip(args) {
                *slot = eval(a, x, y)?;
            }
            domain::call(*f, &vals[..args.len().min(2)])
        }
    }
}

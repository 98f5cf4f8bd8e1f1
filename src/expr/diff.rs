//! Symbolic partial derivatives. Subtrees of f are reused by `Arc` clone and every node is
//! differentiated once (memoized by pointer), so the work is linear even on shared DAGs.
//!
//! Conventions where f is not differentiable (each gives one of the one-sided derivatives):
//! - `abs(u)' = sign(u)·u'` (0 at u = 0); `relu(u)' = heaviside(u)·u'` (0 at u = 0);
//! - `min(a, b)' = heaviside(b − a)·a' + (1 − heaviside(b − a))·b'`, and
//!   `max(a, b)' = heaviside(a − b)·a' + (1 − heaviside(a − b))·b'`: at a tie both take b';
//! - `sign` and `heaviside` have derivative 0.
//!
//! - `u^0` has derivative 0 and `u^1` derivative u' (also at u = 0); `0^v` has derivative 0
//!   where it is defined (v > 0).
//!
//! A term whose derivative is exactly zero is left out rather than written as `0·g`: every
//! subtree of f is defined wherever f is, and a derivative counts as defined only where f is
//! (see `Function::eval_each`), so this never makes a derivative defined where f is not.

use super::ast::{self, call1, div, mul, neg, num, pow, sub, BinOp, Expr, Func, Node, Var};
use super::domain;
use super::simplify::simplify;
use std::collections::HashMap;

/// ∂node/∂v, simplified.
pub fn derivative(node: &Node, v: Var) -> Node {
    let mut d = Diff {
        v,
        memo: HashMap::new(),
    };
    match d.diff(node) {
        Some(n) => simplify(&n),
        None => num(0.0),
    }
}

/// `None` stands for the derivative 0.
type D = Option<Node>;

struct Diff {
    v: Var,
    /// Keyed by node address; the original `Arc` is kept so the address stays valid.
    memo: HashMap<*const Expr, (Node, D)>,
}

fn add_d(a: D, b: D) -> D {
    match (a, b) {
        (Some(a), Some(b)) => Some(ast::add(a, b)),
        (a, None) => a,
        (None, b) => b,
    }
}

fn sub_d(a: D, b: D) -> D {
    match (a, b) {
        (Some(a), Some(b)) => Some(sub(a, b)),
        (a, None) => a,
        (None, b) => b.map(neg),
    }
}

/// g · u' (the chain rule), 0 when u' is 0.
fn times(g: Node, du: &D) -> D {
    du.as_ref().map(|du| mul(g, du.clone()))
}

fn one() -> Node {
    num(1.0)
}

impl Diff {
    fn diff(&mut self, node: &Node) -> D {
        let key = Node::as_ptr(node);
        if let Some((_, d)) = self.memo.get(&key) {
            return d.clone();
        }
        let d = self.rule(node);
        self.memo.insert(key, (node.clone(), d.clone()));
        d
    }

    fn rule(&mut self, node: &Node) -> D {
        match &**node {
            Expr::Num(_) => None,
            Expr::Var(w) => (*w == self.v).then(one),
            Expr::Neg(a) => self.diff(a).map(neg),
            Expr::Binary(op, a, b) => {
                let (da, db) = (self.diff(a), self.diff(b));
                match op {
                    BinOp::Add => add_d(da, db),
                    BinOp::Sub => sub_d(da, db),
                    BinOp::Mul => add_d(da.map(|d| mul(d, b.clone())), times(a.clone(), &db)),
                    BinOp::Div => {
                        let left = da.map(|da| div(da, b.clone()));
                        let right = db.map(|db| div(mul(a.clone(), db), pow(b.clone(), num(2.0))));
                        sub_d(left, right)
                    }
                    BinOp::Pow => self.power(node, a, b, da, db),
                }
            }
            Expr::Call(f, args) => self.call(node, *f, args),
        }
    }

    fn power(&mut self, node: &Node, u: &Node, v: &Node, du: D, dv: D) -> D {
        let exponent = domain::constant_value(v);
        // u^0 is 1 and u^1 is u wherever u is defined: no c·u^(c−1), which is undefined at
        // u = 0 (x^0 would lose its gradient along x = 0).
        match exponent {
            Some(0.0) => return None,
            Some(1.0) => return du,
            _ => {}
        }
        // A folded exponent must print as a literal that parses again (e.g. not 1e-60).
        if let Some(c) = exponent.filter(|&c| {
            super::simplify::representable(c) && super::simplify::representable(c - 1.0)
        }) {
            return times(mul(num(c), pow(u.clone(), num(c - 1.0))), &du);
        }
        // 0^v is 0 where it is defined (v > 0, see domain.rs) and undefined elsewhere, so
        // its derivative is 0 wherever f is defined (not 0^v·v'·ln 0, undefined everywhere).
        if du.is_none() && domain::constant_value(u) == Some(0.0) {
            return None;
        }
        match dv {
            None => times(mul(v.clone(), pow(u.clone(), sub(v.clone(), one()))), &du),
            Some(dv) => {
                let log_part = mul(dv, call1(Func::Ln, u.clone()));
                let inner = match du {
                    Some(du) => ast::add(log_part, div(mul(v.clone(), du), u.clone())),
                    None => log_part,
                };
                Some(mul(node.clone(), inner))
            }
        }
    }

    fn call(&mut self, node: &Node, f: Func, args: &[Node]) -> D {
        let a = args[0].clone();
        let da = self.diff(&a);
        let sq = |n: Node| pow(n, num(2.0));
        match f {
            Func::Sin => times(call1(Func::Cos, a), &da),
            Func::Cos => times(neg(call1(Func::Sin, a)), &da),
            Func::Tan => da.map(|d| div(d, sq(call1(Func::Cos, a)))),
            Func::Asin => da.map(|d| div(d, call1(Func::Sqrt, sub(one(), sq(a))))),
            Func::Acos => da.map(|d| neg(div(d, call1(Func::Sqrt, sub(one(), sq(a)))))),
            Func::Atan => da.map(|d| div(d, ast::add(one(), sq(a)))),
            Func::Sinh => times(call1(Func::Cosh, a), &da),
            Func::Cosh => times(call1(Func::Sinh, a), &da),
            Func::Tanh => times(sub(one(), sq(node.clone())), &da),
            Func::Exp => times(node.clone(), &da),
            Func::Ln => da.map(|d| div(d, a)),
            Func::Log10 => da.map(|d| div(d, mul(a, num(std::f64::consts::LN_10)))),
            Func::Log2 => da.map(|d| div(d, mul(a, num(std::f64::consts::LN_2)))),
            Func::Sqrt => da.map(|d| div(d, mul(num(2.0), node.clone()))),
            Func::Cbrt => da.map(|d| div(d, mul(num(3.0), sq(node.clone())))),
            Func::Abs => times(call1(Func::Sign, a), &da),
            Func::Relu => times(call1(Func::Heaviside, a), &da),
            Func::Sign | Func::Heaviside => None,
            Func::Sigmoid => times(mul(node.clone(), sub(one(), node.clone())), &da),
            Func::Softplus => times(call1(Func::Sigmoid, a), &da),
            Func::Atan2 | Func::Min | Func::Max | Func::Hypot => {
                let b = args[1].clone();
                let db = self.diff(&b);
                match f {
                    Func::Atan2 => {
                        let top = sub_d(times(b.clone(), &da), times(a.clone(), &db));
                        top.map(|t| div(t, ast::add(sq(a), sq(b))))
                    }
                    Func::Hypot => {
                        let top = add_d(times(a, &da), times(b, &db));
                        top.map(|t| div(t, node.clone()))
                    }
                    _ => {
                        // min: a wins where b − a > 0; max: a wins where a − b > 0.
                        let gap = if f == Func::Min { sub(b, a) } else { sub(a, b) };
                        let h = call1(Func::Heaviside, gap);
                        add_d(times(h.clone(), &da), times(sub(one(), h), &db))
                    }
                }
            }
        }
    }
}

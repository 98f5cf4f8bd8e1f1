//! Simplification for reading: constant folding, 0/1 identities, double negation, merged
//! numeric coefficients and like terms (`x + x` → `2*x`, `3*x*y + 2*y*x` → `5*x*y`).
//!
//! The domain stays honest: a rewrite never makes a point defined that was undefined, or
//! the other way round. Constants are folded only when the folded value is defined, finite
//! and a 32-bit float can hold it; `0*u` and `u^0` become 0 and 1 only when u is a
//! polynomial (no division, root, logarithm or non-integer power: nothing there can be
//! undefined inside f32's range);
//! `x/x` is never cancelled in the trees that are evaluated ([`simplify`]); the formulas
//! people read cancel common factors ([`for_reading`]: `y/(x*y)` → `1/x`), and the field
//! keeps the uncancelled tree's domain. Neither ever returns a formula that prints longer
//! than its input. Work is memoized by node address, so shared DAGs stay linear.

use super::ast::{self, BinOp, Expr, Func, Node};
use super::normal::{product, sum};
use super::{domain, print};
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::Arc;

/// A simplified copy of `node` (subtrees that do not change are shared, not copied), with
/// the same domain: this is the tree that is evaluated.
pub fn simplify(node: &Node) -> Node {
    no_longer(node, Simplifier::new(false).run(node))
}

/// `node` simplified for reading: as [`simplify`], and common factors of a quotient's
/// numerator and denominator cancel (`y/(x*y)` → `1/x`, `x^3/x` → `x^2`), and zero times
/// anything is 0 (`0*x^2/y` → `0`). The result may be defined where `node` is not (y = 0
/// here), so it is printed, never evaluated for the field.
pub fn for_reading(node: &Node) -> Node {
    no_longer(node, Simplifier::new(true).run(node))
}

/// The simplified form unless it prints longer than the original (then the original).
fn no_longer(original: &Node, simplified: Node) -> Node {
    if print::length(&simplified) > print::length(original) {
        original.clone()
    } else {
        simplified
    }
}

/// True when `v` may appear as a folded constant: finite, inside f32's range and not a
/// nonzero value that f32 would round to 0 or to a subnormal (so the printed number
/// re-parses: the lexer refuses such literals).
pub(crate) fn representable(v: f64) -> bool {
    v.abs() <= domain::LIMIT && (v == 0.0 || (v as f32).is_normal())
}

struct Simplifier {
    memo: HashMap<*const Expr, (Node, Node)>,
    /// Whether quotients cancel common factors (for reading only).
    cancel: bool,
}

impl Simplifier {
    fn new(cancel: bool) -> Simplifier {
        Simplifier {
            memo: HashMap::new(),
            cancel,
        }
    }

    fn run(&mut self, node: &Node) -> Node {
        let key = Arc::as_ptr(node);
        if let Some((_, r)) = self.memo.get(&key) {
            return r.clone();
        }
        let r = self.rule(node);
        self.memo.insert(key, (node.clone(), r.clone()));
        r
    }

    fn rule(&mut self, node: &Node) -> Node {
        match &**node {
            Expr::Num(_) | Expr::Var(_) => node.clone(),
            Expr::Neg(a) => {
                let a = self.run(a);
                sum(&[(-1.0, a)], self.cancel)
            }
            Expr::Binary(op, a, b) => {
                let (sa, sb) = (self.run(a), self.run(b));
                match op {
                    BinOp::Add => sum(&[(1.0, sa), (1.0, sb)], self.cancel),
                    BinOp::Sub => sum(&[(1.0, sa), (-1.0, sb)], self.cancel),
                    BinOp::Mul => product(&[sa.clone(), sb.clone()], &[], self.cancel)
                        .unwrap_or_else(|| same(node, *op, sa, sb)),
                    BinOp::Div => product(
                        std::slice::from_ref(&sa),
                        std::slice::from_ref(&sb),
                        self.cancel,
                    )
                    .unwrap_or_else(|| same(node, *op, sa, sb)),
                    // An exponent that mentions a variable keeps the general power rule
                    // (negative bases undefined) even if it simplifies to a constant.
                    BinOp::Pow
                        if domain::constant_value(b).is_none()
                            && domain::constant_value(&sb).is_some() =>
                    {
                        same(node, *op, sa, b.clone())
                    }
                    BinOp::Pow => power(node, sa, sb),
                }
            }
            Expr::Call(f, args) => {
                let new: Vec<Node> = args.iter().map(|a| self.run(a)).collect();
                let values: Option<Vec<f64>> = new.iter().map(num_of).collect();
                let call = if new.iter().zip(args).all(|(n, a)| Arc::ptr_eq(n, a)) {
                    node.clone()
                } else {
                    Arc::new(Expr::Call(*f, new))
                };
                // Folded only when the number is no longer than the call: `asin(1)` is
                // `pi/2`, but `ln(2)` stays (not 0.6931471805599453).
                match values.and_then(|v| domain::call(*f, &v)) {
                    Some(v) if representable(v) && shorter(v, &call) => ast::num(v),
                    _ => call,
                }
            }
        }
    }
}

/// Whether the number `v` prints no longer than `n`.
fn shorter(v: f64, n: &Node) -> bool {
    print::literal(v).len() <= print::length(n)
}

/// The node rebuilt from simplified children, reusing it when they did not change.
fn same(node: &Node, op: BinOp, a: Node, b: Node) -> Node {
    match &**node {
        Expr::Binary(_, oa, ob) if Arc::ptr_eq(oa, &a) && Arc::ptr_eq(ob, &b) => node.clone(),
        _ => ast::bin(op, a, b),
    }
}

/// The value of a number node.
pub(crate) fn num_of(n: &Node) -> Option<f64> {
    match **n {
        Expr::Num(v) => Some(v),
        _ => None,
    }
}

/// A positive integer exponent that may be merged (x^2 · x → x^3).
pub(crate) fn small_int(v: f64) -> Option<i64> {
    (v.fract() == 0.0 && (1.0..=1024.0).contains(&v)).then_some(v as i64)
}

fn power(node: &Node, a: Node, b: Node) -> Node {
    match (num_of(&a), num_of(&b)) {
        (Some(x), Some(n)) => {
            if let Some(v) = domain::pow(x, n, Some(n)) {
                if representable(v) && shorter(v, &same(node, BinOp::Pow, a.clone(), b.clone())) {
                    return ast::num(v);
                }
            }
        }
        (_, Some(1.0)) => return a,
        (_, Some(n)) if n == 0.0 && droppable(&a) => return ast::num(1.0),
        (_, Some(n)) => {
            if let (Expr::Binary(BinOp::Pow, base, k), Some(n)) = (&*a, small_int(n)) {
                if let Some(k) = num_of(k).and_then(small_int) {
                    if k * n <= 1024 {
                        return ast::pow(base.clone(), ast::num((k * n) as f64));
                    }
                }
            }
        }
        _ => {}
    }
    same(node, BinOp::Pow, a, b)
}

/// True when `n` is a polynomial (numbers, variables, +, −, ×, positive integer powers),
/// possibly inside functions that are defined wherever their argument is and never larger
/// than it in magnitude (or bounded: sin, cos, tanh, atan, sigmoid, abs, relu, sign,
/// heaviside, cbrt, min, max), so `0*n` may become 0: nothing in it is undefined inside
/// f32's range. (The brief's strict rule keeps only constants and variables; polynomials
/// are the natural extension that keeps `0*(b - 1)` out of printed derivatives, and the
/// bounded functions let `2*cos(x)*sin(x) - 2*cos(x)*sin(x)` cancel to 0.)
pub(crate) fn droppable(n: &Node) -> bool {
    let mut budget = 64;
    polynomial(n, &mut budget)
}

/// [`droppable`] on at most `budget` nodes (larger subtrees count as not droppable, so the
/// check stays cheap on shared DAGs).
fn polynomial(n: &Node, budget: &mut usize) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    match &**n {
        Expr::Var(_) | Expr::Num(_) => true,
        Expr::Neg(a) => polynomial(a, budget),
        Expr::Binary(BinOp::Pow, b, k) => {
            num_of(k).and_then(small_int).is_some() && polynomial(b, budget)
        }
        Expr::Binary(BinOp::Mul | BinOp::Add | BinOp::Sub, a, b) => {
            polynomial(a, budget) && polynomial(b, budget)
        }
        Expr::Call(f, args) if tame(*f) => args.iter().all(|a| polynomial(a, budget)),
        _ => false,
    }
}

/// Functions defined everywhere whose result is bounded or no larger than an argument.
fn tame(f: Func) -> bool {
    matches!(
        f,
        Func::Sin
            | Func::Cos
            | Func::Tanh
            | Func::Atan
            | Func::Sigmoid
            | Func::Abs
            | Func::Relu
            | Func::Sign
            | Func::Heaviside
            | Func::Cbrt
            | Func::Min
            | Func::Max
    )
}

/// A structural key for small subtrees (at most 48 nodes), used to find like terms and
/// equal factors; `None` for larger ones, which are then never merged.
pub(crate) fn key(n: &Node) -> Option<String> {
    let mut out = String::new();
    let mut budget = 48;
    write_key(n, &mut out, &mut budget).then_some(out)
}

fn write_key(n: &Node, out: &mut String, budget: &mut usize) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    match &**n {
        Expr::Num(v) => {
            let _ = write!(out, "{:x}", v.to_bits());
            true
        }
        Expr::Var(v) => {
            let _ = write!(out, "{v:?}");
            true
        }
        Expr::Neg(a) => {
            out.push('~');
            write_key(a, out, budget)
        }
        Expr::Binary(op, a, b) => {
            let _ = write!(out, "({op:?} ");
            let ok = write_key(a, out, budget) && {
                out.push(' ');
                write_key(b, out, budget)
            };
            out.push(')');
            ok
        }
        Expr::Call(f, args) => {
            let _ = write!(out, "{}(", f.name());
            for a in args {
                if !write_key(a, out, budget) {
                    return false;
                }
                out.push(',');
            }
            out.push(')');
            true
        }
    }
}

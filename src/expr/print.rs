//! The pretty-printer: project syntax with explicit `*`, `^` for powers, the fewest
//! parentheses that re-parse to the same values, the user's variable names, the constants
//! e and π by name (`e`, `pi`), and other numbers that re-parse to the same f64. The
//! display form people read (x² + 3xy) is in `display`.

use super::ast::{BinOp, Expr, Node, Vars};
use std::collections::HashMap;
use std::f64::consts::{E, PI};

/// The formula as text, e.g. `2*x + 3*y`, with the variables named as in `vars`.
pub fn to_string(node: &Expr, vars: &Vars) -> String {
    let mut out = String::new();
    write(node, vars, &mut out);
    out
}

/// The formula as a complete input: with a head `f(w, b) = ` when the variables are not
/// x and y, so that parsing the result gives the same function.
pub fn to_source(node: &Expr, vars: &Vars) -> String {
    let body = to_string(node, vars);
    if vars.is_plain() {
        body
    } else {
        format!("{} = {body}", vars.head())
    }
}

/// A number that re-parses to the same f64: shortest round-trip digits, in exponent form
/// for very large or small magnitudes. Folded constants are always finite.
pub(crate) fn number(v: f64) -> String {
    let a = v.abs();
    if a == 0.0 || (1e-5..1e16).contains(&a) {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// How a magnitude is written when it is e, π or a simple multiple of π: `E` for e, and
/// `Pi(k, d)` for k·π/d (k or d is 1), exactly as the parser computes `2*pi` or `pi/2`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Named {
    E,
    Pi(u32, u32),
}

/// [`Named`] for |v|: e, π, 2π … 12π, π/2 … π/12 (bit for bit), else `None`.
pub fn named(v: f64) -> Option<Named> {
    let a = v.abs();
    if a == E {
        return Some(Named::E);
    }
    (1..=12u32).find_map(|k| {
        if a == f64::from(k) * PI {
            Some(Named::Pi(k, 1))
        } else if a == PI / f64::from(k) {
            Some(Named::Pi(1, k))
        } else {
            None
        }
    })
}

/// A literal as text: `e`, `pi`, `2*pi`, `pi/2` (with a sign) for the constants and simple
/// multiples of π, else `number`.
pub fn literal(v: f64) -> String {
    let sign = if v < 0.0 { "-" } else { "" };
    match named(v) {
        Some(Named::E) => format!("{sign}e"),
        Some(Named::Pi(1, 1)) => format!("{sign}pi"),
        Some(Named::Pi(k, 1)) => format!("{sign}{k}*pi"),
        Some(Named::Pi(_, d)) => format!("{sign}pi/{d}"),
        None => number(v),
    }
}

/// How many characters [`to_string`] writes for `node` with one-letter variable names, in
/// time linear in the DAG (memoized by node; saturating, so a huge DAG cannot overflow).
/// The simplifier uses it to never return a longer formula.
pub fn length(node: &Node) -> usize {
    fn go(n: &Node, memo: &mut HashMap<*const Expr, usize>) -> usize {
        if let Some(&l) = memo.get(&Node::as_ptr(n)) {
            return l;
        }
        let paren = |wrap: bool| if wrap { 2 } else { 0 };
        let l = match &**n {
            Expr::Num(v) => literal(*v).len(),
            Expr::Var(_) => 1,
            Expr::Neg(a) => {
                let p = prec(a);
                go(a, memo).saturating_add(1 + paren(p < 2 || p == 3))
            }
            Expr::Binary(op, a, b) => {
                let (wa, wb, sym) = wraps(*op, prec(a), prec(b));
                go(a, memo)
                    .saturating_add(go(b, memo))
                    .saturating_add(paren(wa) + paren(wb) + sym.len())
            }
            Expr::Call(f, args) => {
                args.iter().fold(f.name().len() + 2, |acc, a| {
                    acc.saturating_add(go(a, memo)).saturating_add(2)
                }) - 2 * usize::from(!args.is_empty())
            }
        };
        memo.insert(Node::as_ptr(n), l);
        l
    }
    go(node, &mut HashMap::new())
}

/// For a binary operator with operands of these binding strengths: whether each operand
/// is wrapped in parentheses, and the operator's text.
fn wraps(op: BinOp, pa: u8, pb: u8) -> (bool, bool, &'static str) {
    match op {
        BinOp::Add => (false, pb <= 1 || pb == 3, " + "),
        BinOp::Sub => (false, pb <= 1 || pb == 3, " - "),
        BinOp::Mul => (pa < 2, pb <= 3, "*"),
        BinOp::Div => (pa < 2, pb <= 3, "/"),
        BinOp::Pow => (pa <= 4, pb < 4, "^"),
    }
}

/// Binding strength: sums 1, products 2, negation 3, powers 4, atoms 5.
pub fn prec(n: &Expr) -> u8 {
    match n {
        Expr::Num(v) if *v < 0.0 || (*v == 0.0 && v.is_sign_negative()) => 3,
        // `2*pi` and `pi/2` are written as a product and a quotient.
        Expr::Num(v) if matches!(named(*v), Some(Named::Pi(k, d)) if k * d > 1) => 2,
        Expr::Num(_) | Expr::Var(_) | Expr::Call(..) => 5,
        Expr::Neg(_) => 3,
        Expr::Binary(BinOp::Add | BinOp::Sub, ..) => 1,
        Expr::Binary(BinOp::Mul | BinOp::Div, ..) => 2,
        Expr::Binary(BinOp::Pow, ..) => 4,
    }
}

fn wrapped(n: &Expr, wrap: bool, vars: &Vars, out: &mut String) {
    if wrap {
        out.push('(');
        write(n, vars, out);
        out.push(')');
    } else {
        write(n, vars, out);
    }
}

fn write(node: &Expr, vars: &Vars, out: &mut String) {
    match node {
        Expr::Num(v) => out.push_str(&literal(*v)),
        Expr::Var(v) => out.push_str(vars.name(*v)),
        Expr::Neg(a) => {
            out.push('-');
            let p = prec(a);
            wrapped(a, p < 2 || p == 3, vars, out);
        }
        Expr::Binary(op, a, b) => {
            let (wrap_a, wrap_b, sym) = wraps(*op, prec(a), prec(b));
            wrapped(a, wrap_a, vars, out);
            out.push_str(sym);
            wrapped(b, wrap_b, vars, out);
        }
        Expr::Call(f, args) => {
            out.push_str(f.name());
            out.push('(');
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(a, vars, out);
            }
            out.push(')');
        }
    }
}

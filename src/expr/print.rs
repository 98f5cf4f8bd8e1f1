//! The pretty-printer: project syntax with explicit `*`, `^` for powers, the fewest
//! parentheses that re-parse to the same values, the user's variable names, and numbers
//! that re-parse to the same f64.

use super::ast::{BinOp, Expr, Vars};

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
    if *vars == Vars::default() {
        body
    } else {
        format!("f({}, {}) = {body}", vars.x, vars.y)
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

/// Binding strength: sums 1, products 2, negation 3, powers 4, atoms 5.
fn prec(n: &Expr) -> u8 {
    match n {
        Expr::Num(v) if *v < 0.0 || (*v == 0.0 && v.is_sign_negative()) => 3,
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
        Expr::Num(v) => out.push_str(&number(*v)),
        Expr::Var(v) => out.push_str(vars.name(*v)),
        Expr::Neg(a) => {
            out.push('-');
            let p = prec(a);
            wrapped(a, p < 2 || p == 3, vars, out);
        }
        Expr::Binary(op, a, b) => {
            let (pa, pb) = (prec(a), prec(b));
            let (sym, wrap_a, wrap_b) = match op {
                BinOp::Add => (" + ", false, pb <= 1 || pb == 3),
                BinOp::Sub => (" - ", false, pb <= 1 || pb == 3),
                BinOp::Mul => ("*", pa < 2, pb <= 3),
                BinOp::Div => ("/", pa < 2, pb <= 3),
                BinOp::Pow => ("^", pa <= 4, pb < 4),
            };
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

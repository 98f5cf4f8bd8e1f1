//! Central differences of the f64 reference evaluator against a symbolic partial: the check
//! the derivative tests (first partials in expr_diff, second partials in hessian) share.

use super::close;
use gradfield::expr::ast::Var;
use gradfield::expr::eval::eval_at;
use gradfield::expr::Node;

/// What a gradient check found at one point.
pub enum Check {
    Agrees,
    Skipped,
    Fails(String),
}

/// Central differences of the f64 evaluator against the symbolic partial `d` along `v`.
/// h = 1e-5·max(1, |coordinate|): truncation error ~h²·f''' ≈ 1e-10 for tame f, rounding
/// error ~1e-16·|f|/h ≈ 1e-11·|f|. A point is skipped (not smooth there, or f undefined
/// nearby) unless the forward and backward quotients agree to 1e-2 relative + 1e-3 absolute:
/// a kink of abs/relu/min/max/sign makes them differ by O(1), smooth curvature only by
/// h·f'' (5e-4 for the egg crate), and huge curvature is skipped too. The comparison tolerance,
/// 1e-4 relative + 1e-6 absolute + 1e-9·|f|, is well above both error terms.
pub fn check(f: &Node, d: &Node, v: Var, x: f64, y: f64) -> Check {
    check_at(f, d, v, x, y, &[])
}

/// [`check`] with the symbols (held variables, parameters) at `syms`; `v` may be a symbol.
pub fn check_at(f: &Node, d: &Node, v: Var, x: f64, y: f64, syms: &[f64]) -> Check {
    let eval = |n: &Node, x, y, s: &[f64]| eval_at(n, x, y, s);
    let moved = |t: f64| -> Vec<f64> {
        let mut s = syms.to_vec();
        if let Var::Sym(k) = v {
            s[k as usize] += t;
        }
        s
    };
    let at = |t: f64| match v {
        Var::X => eval(f, x + t, y, syms),
        Var::Y => eval(f, x, y + t, syms),
        Var::Sym(_) => eval(f, x, y, &moved(t)),
    };
    let c = match v {
        Var::X => x,
        Var::Y => y,
        Var::Sym(k) => syms[k as usize],
    };
    let h = 1e-5 * c.abs().max(1.0);
    let (Some(f0), Some(fp), Some(fm)) = (at(0.0), at(h), at(-h)) else {
        return Check::Skipped;
    };
    if [f0, fp, fm].iter().any(|v| v.abs() > 1e6) {
        return Check::Skipped;
    }
    let fwd = (fp - f0) / h;
    let bwd = (f0 - fm) / h;
    if !close(fwd, bwd, 1e-2, 1e-3) {
        return Check::Skipped;
    }
    let Some(sym) = eval(d, x, y, syms) else {
        return Check::Skipped;
    };
    let mut fd = (fp - fm) / (2.0 * h);
    if !syms.is_empty() {
        // Richardson's extrapolation from h and h/2 (error O(h^4), not O(h^2)): products of
        // random factors reach curvatures where the plain quotient's truncation error exceeds
        // the tolerance (tan(cosh(z)/x) at x = 0.05).
        let (Some(fp2), Some(fm2)) = (at(h / 2.0), at(-h / 2.0)) else {
            return Check::Skipped;
        };
        fd = (4.0 * (fp2 - fm2) / h - fd) / 3.0;
    }
    if close(sym, fd, 1e-4, 1e-6 + 1e-9 * f0.abs()) {
        Check::Agrees
    } else {
        Check::Fails(format!(
            "d/d{v:?} at ({x}, {y}): symbolic {sym}, numeric {fd}"
        ))
    }
}

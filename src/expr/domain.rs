//! The meaning of every operation at one point, in f64: its value, or `None` where the point
//! is outside the operation's domain. The CPU evaluators call these; the WGSL generator writes
//! the same rules into the shader, and the GPU tests hold the two to each other.
//!
//! Rules (also in the README):
//! - a / b is undefined where b = 0;
//! - a ^ b with b an integer constant (see `constant_value`) is repeated multiplication (any base; 0 ^ negative is
//!   undefined); otherwise a > 0 gives exp(b ln a), 0 ^ b is 0 for b > 0 and undefined for
//!   b ≤ 0, and a negative base is undefined;
//! - sqrt, ln/log, log10, log2 need their argument ≥ 0 (sqrt) or > 0 (logarithms); asin and
//!   acos need |a| ≤ 1; atan2(0, 0) and hypot's derivative at the origin are undefined;
//! - any result whose magnitude exceeds f32's largest finite value ([`LIMIT`]) is an
//!   overflow and undefined, so the f64 reference and the f32 shader agree on where f is
//!   defined.

use super::ast::Func;

/// The largest magnitude a defined value may have: f32::MAX.
pub const LIMIT: f64 = f32::MAX as f64;

/// Integer exponents up to this magnitude are computed by multiplication.
pub(crate) const MAX_INT_EXPONENT: f64 = 65536.0;

/// `Some(v)` when v is finite and inside the f32 range.
pub fn check(v: f64) -> Option<f64> {
    (v.abs() <= LIMIT).then_some(v)
}

/// True when an exponent literal is an integer that the power rule multiplies out.
pub(crate) fn is_int_exponent(b: f64) -> bool {
    b.fract() == 0.0 && b.abs() <= MAX_INT_EXPONENT
}

pub fn add(a: f64, b: f64) -> Option<f64> {
    check(a + b)
}
pub fn sub(a: f64, b: f64) -> Option<f64> {
    check(a - b)
}
pub fn mul(a: f64, b: f64) -> Option<f64> {
    check(a * b)
}
pub fn div(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        None
    } else {
        check(a / b)
    }
}

/// a ^ n for an integer literal n (|n| ≤ `MAX_INT_EXPONENT`).
pub fn powi(a: f64, n: f64) -> Option<f64> {
    if n < 0.0 && a == 0.0 {
        return None;
    }
    check(a.powi(n as i32))
}

/// a ^ b for an exponent that is not an integer literal.
pub fn powf(a: f64, b: f64) -> Option<f64> {
    if a > 0.0 {
        check((b * a.ln()).exp())
    } else if a == 0.0 && b > 0.0 {
        Some(0.0)
    } else {
        None
    }
}

pub(crate) fn sigmoid(a: f64) -> f64 {
    if a >= 0.0 {
        1.0 / (1.0 + (-a).exp())
    } else {
        let e = a.exp();
        e / (1.0 + e)
    }
}

pub(crate) fn softplus(a: f64) -> f64 {
    // log(1 + e^a) without overflow: max(a, 0) + log(1 + e^-|a|).
    a.max(0.0) + (-a.abs()).exp().ln_1p()
}

/// Applies a built-in function to its arguments (`args.len() == f.arity()`).
pub fn call(f: Func, args: &[f64]) -> Option<f64> {
    let a = args[0];
    let v = match f {
        Func::Sin => a.sin(),
        Func::Cos => a.cos(),
        Func::Tan => a.tan(),
        Func::Asin if a.abs() <= 1.0 => a.asin(),
        Func::Acos if a.abs() <= 1.0 => a.acos(),
        Func::Asin | Func::Acos => return None,
        Func::Atan => a.atan(),
        Func::Atan2 => {
            let x = args[1];
            if a == 0.0 && x == 0.0 {
                return None;
            }
            // `+ 0.0` turns a −0 into +0: the sign of a zero y is an artefact of floating
            // point (0·x is −0 for x < 0), not part of f, and on the branch cut (y = 0, x < 0)
            // atan2 is +π, as simplifying 0·x to 0 also gives.
            (a + 0.0).atan2(x)
        }
        Func::Sinh => a.sinh(),
        Func::Cosh => a.cosh(),
        Func::Tanh => a.tanh(),
        Func::Exp => a.exp(),
        Func::Ln if a > 0.0 => a.ln(),
        Func::Log10 if a > 0.0 => a.log10(),
        Func::Log2 if a > 0.0 => a.log2(),
        Func::Ln | Func::Log10 | Func::Log2 => return None,
        Func::Sqrt if a >= 0.0 => a.sqrt(),
        Func::Sqrt => return None,
        Func::Cbrt => a.cbrt(),
        Func::Abs => a.abs(),
        Func::Min => a.min(args[1]),
        Func::Max => a.max(args[1]),
        Func::Hypot => a.hypot(args[1]),
        Func::Sigmoid => sigmoid(a),
        Func::Softplus => softplus(a),
        Func::Relu => a.max(0.0),
        Func::Sign => {
            if a > 0.0 {
                1.0
            } else if a < 0.0 {
                -1.0
            } else {
                0.0
            }
        }
        Func::Heaviside => {
            if a > 0.0 {
                1.0
            } else {
                0.0
            }
        }
    };
    check(v)
}

/// The value of a subtree that contains no variable, evaluated with these rules; `None` when
/// it has a variable or is undefined. The power rule uses it: an exponent is an "integer
/// literal" when it is constant and [`is_int_exponent`] holds for its value.
pub(crate) fn constant_value(node: &super::ast::Expr) -> Option<f64> {
    use super::ast::{BinOp, Expr};
    match node {
        Expr::Num(v) => Some(*v),
        Expr::Var(_) => None,
        Expr::Neg(a) => Some(-constant_value(a)?),
        Expr::Binary(op, a, b) => {
            let (a, b) = (constant_value(a)?, constant_value(b)?);
            match op {
                BinOp::Add => add(a, b),
                BinOp::Sub => sub(a, b),
                BinOp::Mul => mul(a, b),
                BinOp::Div => div(a, b),
                BinOp::Pow if is_int_exponent(b) => powi(a, b),
                BinOp::Pow => powf(a, b),
            }
        }
        Expr::Call(f, args) => {
            let mut vals = [0.0; 2];
            for (slot, a) in vals.iter_mut().zip(args) {
                *slot = constant_value(a)?;
            }
            call(*f, &vals[..args.len()])
        }
    }
}

/// a ^ b where `b_const` is the exponent's value when the exponent is constant.
pub(crate) fn pow(a: f64, b: f64, b_const: Option<f64>) -> Option<f64> {
    match b_const {
        Some(n) if is_int_exponent(n) => powi(a, n),
        _ => powf(a, b),
    }
}

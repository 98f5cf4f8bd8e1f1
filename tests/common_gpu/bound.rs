//! A running error bound for the GPU's f32 evaluation of a tape: each instruction is evaluated
//! in f64 (the reference) together with a bound on how far an f32 GPU may be from it, built from
//! WGSL's accuracy rules and f32 rounding (u = 2⁻²⁴) propagated through the tape:
//! - + − × are correctly rounded (u·|v|), ÷ is 2.5 ulp (5u·|v|);
//! - sin, cos: absolute 2⁻¹¹ on [−π, π] (WGSL); beyond, argument reduction in f32 adds |a|·2⁻²²;
//! - exp, exp2 (and pow, sinh, cosh, tanh, sigmoid, softplus built on them): (3 + 2|x|) ulp;
//! - ln, log2: absolute 2⁻²¹ on [0.5, 2], else 3 ulp; sqrt, hypot, cbrt: a few ulp;
//! - atan, atan2, asin, acos: 4096 ulp (WGSL's bound).
//!
//! An operand error e propagates through f by the largest change of f over [a − e, a + e]
//! (endpoints, for functions monotone there; Lipschitz bounds for sin, cos, abs, min, max).
//! Where that interval reaches a pole, a branch cut, a jump or a domain boundary the bound is
//! infinite ("uncertain"): the value is not compared and a defined/undefined flip is allowed.

use gradfield::expr::ast::Func;
use gradfield::expr::domain::{self, LIMIT};
use gradfield::expr::tape::{Op, Tape};

const U: f64 = 1.0 / 16_777_216.0; // 2⁻²⁴
const ULP: f64 = 2.0 * U; // relative spacing of f32, 2⁻²³

/// The reference at one point with the error bound of each root.
#[derive(Debug, Clone, Copy)]
pub struct Bounded {
    /// Root values, or None where any root is undefined.
    pub value: Option<[f64; 3]>,
    /// Each root's value, or None where that root is undefined (a root is defined when every
    /// instruction it depends on is).
    pub roots: [Option<f64>; 3],
    /// Error bound per root (infinite where not comparable).
    pub bound: [f64; 3],
    /// Per root: some domain or overflow decision it depends on lies within the error bound,
    /// so f32 may legitimately decide it the other way.
    pub root_uncertain: [bool; 3],
    /// True when any root is uncertain.
    pub uncertain: bool,
}

/// Evaluates a tape (1 to 3 roots) with error bounds at (x, y), which are exact f32 values.
pub fn eval(tape: &Tape, x: f64, y: f64) -> Bounded {
    let mut v: Vec<f64> = Vec::with_capacity(tape.len());
    let mut e: Vec<f64> = Vec::with_capacity(tape.len());
    let mut def: Vec<bool> = Vec::with_capacity(tape.len());
    let mut unc: Vec<bool> = Vec::with_capacity(tape.len());
    for op in tape.ops() {
        let inherited = op.operands().any(|a| unc[a as usize]);
        if !op.operands().all(|a| def[a as usize]) {
            v.push(0.0);
            e.push(f64::INFINITY);
            def.push(false);
            unc.push(inherited);
            continue;
        }
        match step(*op, &v, &e, (x, y), tape.syms()) {
            Step::Defined(val, err, near) => {
                v.push(val);
                e.push(err);
                def.push(true);
                unc.push(inherited || near || (val.abs() + err > LIMIT));
            }
            Step::Undefined(near) => {
                v.push(0.0);
                e.push(f64::INFINITY);
                def.push(false);
                unc.push(inherited || near);
            }
        }
    }
    let mut roots = [None; 3];
    let mut bound = [f64::INFINITY; 3];
    let mut root_uncertain = [false; 3];
    for (k, &r) in tape.roots().iter().enumerate().take(3) {
        let r = r as usize;
        roots[k] = def[r].then_some(v[r]);
        bound[k] = e[r];
        root_uncertain[k] = unc[r];
    }
    let n = tape.roots().len().min(3);
    let all = roots[..n].iter().all(|r| r.is_some());
    Bounded {
        value: all.then(|| roots.map(|r| r.unwrap_or(0.0))),
        roots,
        bound,
        root_uncertain,
        uncertain: root_uncertain[..n].iter().any(|&u| u),
    }
}

enum Step {
    /// Value, error bound, and whether the domain decision was within the error.
    Defined(f64, f64, bool),
    /// Undefined, and whether the operands' error reaches the defined region.
    Undefined(bool),
}

fn spread(f: impl Fn(f64) -> f64, a: f64, ea: f64) -> f64 {
    let c = f(a);
    let d = (f(a - ea) - c).abs().max((f(a + ea) - c).abs());
    if d.is_nan() {
        f64::INFINITY
    } else {
        d
    }
}

fn step(op: Op, v: &[f64], e: &[f64], (x, y): (f64, f64), syms: &[f64]) -> Step {
    let g = |i: u32| (v[i as usize], e[i as usize]);
    // `raw` is the unchecked result: an overflow within the error bound is uncertain.
    let done = |r: Option<f64>, raw: f64, err: f64, near: bool| match r {
        Some(val) => Step::Defined(val, err, near || !err.is_finite()),
        None => Step::Undefined(near || !err.is_finite() || raw.abs() - err <= LIMIT),
    };
    match op {
        Op::Const(c) => done(domain::check(c), c, U * c.abs(), false),
        Op::X => Step::Defined(x, 0.0, false),
        Op::Y => Step::Defined(y, 0.0, false),
        // The GPU holds a symbol's value as the nearest f32.
        Op::Sym(k) => match syms.get(k as usize) {
            Some(&s) => Step::Defined(s, U * s.abs(), false),
            None => Step::Undefined(false),
        },
        Op::Neg(a) => Step::Defined(-g(a).0, g(a).1, false),
        Op::Add(a, b) | Op::Sub(a, b) => {
            let ((va, ea), (vb, eb)) = (g(a), g(b));
            let r = if matches!(op, Op::Add(..)) {
                domain::add(va, vb)
            } else {
                domain::sub(va, vb)
            };
            let s = if matches!(op, Op::Add(..)) {
                va + vb
            } else {
                va - vb
            };
            done(r, s, ea + eb + U * s.abs(), false)
        }
        Op::Mul(a, b) => {
            let ((va, ea), (vb, eb)) = (g(a), g(b));
            done(
                domain::mul(va, vb),
                va * vb,
                va.abs() * eb + vb.abs() * ea + ea * eb + U * (va * vb).abs(),
                false,
            )
        }
        Op::Div(a, b) => {
            let ((va, ea), (vb, eb)) = (g(a), g(b));
            let q = va / vb;
            let err = if vb.abs() > eb {
                (ea + q.abs() * eb) / (vb.abs() - eb) + 5.0 * U * q.abs()
            } else {
                f64::INFINITY
            };
            done(domain::div(va, vb), q, err, vb.abs() <= eb)
        }
        Op::Powi(a, n) => {
            let (va, ea) = g(a);
            let p = |t: f64| t.powi(n);
            let crosses_zero = va.abs() <= ea;
            let bits = 32 - n.unsigned_abs().leading_zeros();
            let err = if crosses_zero && n < 0 {
                f64::INFINITY
            } else if crosses_zero {
                (va.abs() + ea).powi(n) + p(va).abs()
            } else {
                spread(p, va, ea) + (2 * bits + 6) as f64 * U * p(va).abs()
            };
            done(
                domain::powi(va, n as f64),
                p(va),
                err,
                n < 0 && crosses_zero,
            )
        }
        Op::Powf(a, b) => {
            let ((va, ea), (vb, eb)) = (g(a), g(b));
            let r = domain::powf(va, vb);
            if va - ea <= 0.0 {
                return done(
                    r,
                    f64::NAN,
                    if va == 0.0 && ea == 0.0 {
                        0.0
                    } else {
                        f64::INFINITY
                    },
                    ea > 0.0 || va.abs() <= ea,
                );
            }
            let c = va.powf(vb);
            let mut d: f64 = 0.0;
            for (s, t) in [
                (va - ea, vb - eb),
                (va - ea, vb + eb),
                (va + ea, vb - eb),
                (va + ea, vb + eb),
            ] {
                d = d.max((s.powf(t) - c).abs());
            }
            let t = vb * va.log2();
            done(
                r,
                c,
                d + (8.0 + 2.0 * t.abs() + 4.0 * vb.abs()) * ULP * c.abs(),
                false,
            )
        }
        Op::Call1(f, a) => call1(f, g(a)),
        Op::Call2(f, a, b) => call2(f, g(a), g(b)),
    }
}

fn call1(f: Func, (a, ea): (f64, f64)) -> Step {
    let r = domain::call(f, &[a]);
    let fv = |t: f64| domain::call(f, &[t]).unwrap_or(f64::NAN);
    let rel = |k: f64| k * ULP * r.unwrap_or(0.0).abs();
    let exp_ulps = 3.0 + 2.0 * a.abs();
    let (err, near) = match f {
        Func::Sin | Func::Cos => (
            ea.min(2.0) + 2f64.powi(-11) + a.abs() * 2f64.powi(-22),
            false,
        ),
        Func::Tan => {
            let pole = ea >= 1.0 || (a - ea).cos() * (a + ea).cos() <= 0.0;
            let c = a.cos().abs();
            // sin/cos with absolute 2⁻¹¹ each, divided by |cos|.
            let own =
                (2f64.powi(-11) * (1.0 + r.unwrap_or(0.0).abs())) / (c - 2f64.powi(-11)).max(0.0);
            (
                if pole {
                    f64::INFINITY
                } else {
                    spread(fv, a, ea) + own
                },
                pole,
            )
        }
        Func::Asin | Func::Acos => {
            let near = (a.abs() - 1.0).abs() <= ea;
            (
                if near {
                    f64::INFINITY
                } else {
                    spread(fv, a, ea) + rel(4096.0) + 1e-7
                },
                near,
            )
        }
        Func::Atan => (spread(fv, a, ea) + rel(4096.0), false),
        Func::Exp | Func::Sinh | Func::Cosh => {
            (spread(fv, a, ea) + rel(exp_ulps + 4.0) + 4.0 * ULP, false)
        }
        Func::Tanh | Func::Sigmoid | Func::Softplus => (
            spread(fv, a, ea) + (exp_ulps + 8.0) * ULP * (1.0 + r.unwrap_or(0.0).abs()),
            false,
        ),
        Func::Ln | Func::Log10 | Func::Log2 => {
            let near = a <= ea;
            let own = if (0.5..=2.0).contains(&a) {
                2f64.powi(-20)
            } else {
                rel(8.0)
            };
            (
                if near {
                    f64::INFINITY
                } else {
                    spread(fv, a, ea) + own
                },
                near,
            )
        }
        Func::Sqrt => {
            let near = a.abs() <= ea;
            (
                if near {
                    (a.abs() + ea).sqrt() * 2.0
                } else {
                    spread(fv, a, ea) + rel(4.0)
                },
                near,
            )
        }
        Func::Cbrt => {
            let s = if a.abs() <= ea {
                2.0 * (a.abs() + ea).cbrt()
            } else {
                spread(fv, a, ea)
            };
            (s + rel(12.0 + (a.abs().log2() / 3.0).abs() * 2.0), false)
        }
        Func::Abs | Func::Relu => (ea, false),
        Func::Sign | Func::Heaviside => (if a.abs() <= ea { f64::INFINITY } else { 0.0 }, false),
        Func::Atan2 | Func::Min | Func::Max | Func::Hypot => (f64::INFINITY, false),
    };
    match r {
        Some(v) => Step::Defined(v, err, near || !err.is_finite()),
        // Undefined here but defined somewhere within the operand's error: uncertain.
        None => Step::Undefined(near || !fv(a - ea).is_nan() || !fv(a + ea).is_nan()),
    }
}

fn call2(f: Func, (a, ea): (f64, f64), (b, eb): (f64, f64)) -> Step {
    let r = domain::call(f, &[a, b]);
    let (err, near) = match f {
        Func::Min | Func::Max => (ea.max(eb), false),
        Func::Hypot => (ea + eb + 8.0 * U * r.unwrap_or(0.0).abs(), false),
        Func::Atan2 => {
            let rad = a.hypot(b);
            let cut = b < 0.0 && a.abs() <= ea;
            let near = rad <= 2.0 * (ea + eb);
            let err = if cut || near {
                f64::INFINITY
            } else {
                (ea + eb) / (rad - ea - eb) + 4096.0 * ULP * r.unwrap_or(0.0).abs()
            };
            (err, near)
        }
        _ => (f64::INFINITY, false),
    };
    match r {
        Some(v) => Step::Defined(v, err, near || !err.is_finite()),
        None => Step::Undefined(near || ea > 0.0 || eb > 0.0),
    }
}

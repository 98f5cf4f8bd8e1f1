// gradfield: the domain rules of src/expr/domain.rs in f32, one helper per fallible operation.
// WGSL lets an implementation assume that NaN and infinity never occur, so every helper decides
// whether its result is defined from its operands BEFORE computing, and computes with safe
// operands (select) so that no NaN or infinity is ever produced. Keep in sync with domain.rs.
#import constants

// GF_MAX (constants): the largest magnitude of a defined value, domain.rs `LIMIT`.
// The largest f32 whose exp is still below GF_MAX.
const GF_LN_MAX: f32 = 88.72283;

// A value and whether it is defined.
struct GfR {
    v: f32,
    ok: bool,
}

fn gf_add(a: f32, b: f32) -> GfR {
    // (a + b) / 2 cannot overflow, and it overflows half the range exactly when a + b would.
    let ok = abs(a * 0.5 + b * 0.5) <= GF_MAX * 0.5;
    return GfR(select(0.0, a, ok) + select(0.0, b, ok), ok);
}

fn gf_sub(a: f32, b: f32) -> GfR {
    return gf_add(a, -b);
}

fn gf_mul(a: f32, b: f32) -> GfR {
    let ok = abs(b) <= 1.0 || abs(a) <= GF_MAX / abs(b);
    return GfR(select(0.0, a, ok) * select(0.0, b, ok), ok);
}

// The product of two checked values: defined when both are and the product is.
fn gf_mul_ok(a: GfR, b: GfR) -> GfR {
    let m = gf_mul(a.v, b.v);
    return GfR(m.v, a.ok && b.ok && m.ok);
}

fn gf_div(a: f32, b: f32) -> GfR {
    let ok = b != 0.0 && (abs(b) >= 1.0 || abs(a) <= GF_MAX * abs(b));
    return GfR(select(0.0, a, ok) / select(1.0, b, ok), ok);
}

// a ^ n for integer n: generated per exponent as straight-line code (src/expr/wgsl.rs,
// `powi_function`), so no loop is left for the shader compiler to unroll.

// a ^ b for a non-integer exponent: defined for a > 0, and 0 ^ b = 0 for b > 0.
fn gf_powf(a: f32, b: f32) -> GfR {
    if a > 0.0 {
        let t = gf_mul(b, log2(a));
        let ok = t.ok && t.v < 128.0;
        let v = exp2(select(0.0, t.v, ok));
        return GfR(select(0.0, v, ok), ok && abs(v) <= GF_MAX);
    }
    return GfR(0.0, a == 0.0 && b > 0.0);
}

fn gf_exp(a: f32) -> GfR {
    let ok = a <= GF_LN_MAX;
    let v = exp(select(0.0, a, ok));
    return GfR(v, ok && v <= GF_MAX);
}

// exp(|a|) / 2, the value of cosh and |sinh| for |a| >= 10 (to f32 precision).
fn gf_half_exp_abs(a: f32) -> GfR {
    let t = abs(a) - 0.6931472;
    let ok = t <= GF_LN_MAX;
    let v = exp(select(0.0, t, ok));
    return GfR(v, ok && v <= GF_MAX);
}

fn gf_sinh(a: f32) -> GfR {
    if abs(a) < 0.01 {
        return GfR(a + a * a * a / 6.0, true);
    }
    if abs(a) < 10.0 {
        return GfR(sinh(a), true);
    }
    let h = gf_half_exp_abs(a);
    return GfR(sign(a) * h.v, h.ok);
}

fn gf_cosh(a: f32) -> GfR {
    if abs(a) < 10.0 {
        return GfR(cosh(a), true);
    }
    return gf_half_exp_abs(a);
}

fn gf_tanh(a: f32) -> f32 {
    if abs(a) < 0.01 {
        return a - a * a * a / 3.0;
    }
    return tanh(clamp(a, -15.0, 15.0));
}

fn gf_tan(a: f32) -> GfR {
    let c = cos(a);
    let ok = c != 0.0;
    let v = sin(a) / select(1.0, c, ok);
    return GfR(select(0.0, v, ok), ok && abs(v) <= GF_MAX);
}

fn gf_asin(a: f32) -> GfR {
    let ok = abs(a) <= 1.0;
    return GfR(asin(select(0.0, a, ok)), ok);
}

fn gf_acos(a: f32) -> GfR {
    let ok = abs(a) <= 1.0;
    return GfR(acos(select(0.0, a, ok)), ok);
}

fn gf_atan2(a: f32, b: f32) -> GfR {
    let ok = a != 0.0 || b != 0.0;
    return GfR(atan2(select(1.0, a, ok), b), ok);
}

fn gf_ln(a: f32) -> GfR {
    let ok = a > 0.0;
    return GfR(log(select(1.0, a, ok)), ok);
}

fn gf_log2(a: f32) -> GfR {
    let ok = a > 0.0;
    return GfR(log2(select(1.0, a, ok)), ok);
}

fn gf_log10(a: f32) -> GfR {
    let l = gf_log2(a);
    return GfR(l.v * LOG10_2, l.ok);
}

fn gf_sqrt(a: f32) -> GfR {
    let ok = a >= 0.0;
    return GfR(sqrt(select(0.0, a, ok)), ok);
}

fn gf_cbrt(a: f32) -> f32 {
    let s = abs(a);
    let r = exp2(log2(select(1.0, s, s > 0.0)) / 3.0);
    return select(0.0, sign(a) * r, s > 0.0);
}

fn gf_hypot(a: f32, b: f32) -> GfR {
    let m = max(abs(a), abs(b));
    if m == 0.0 {
        return GfR(0.0, true);
    }
    let p = a / m;
    let q = b / m;
    let r = sqrt(p * p + q * q);
    let ok = m <= GF_MAX / r;
    return GfR(select(0.0, m, ok) * r, ok);
}

fn gf_sigmoid(a: f32) -> f32 {
    let e = exp(-abs(a));
    return select(e / (1.0 + e), 1.0 / (1.0 + e), a >= 0.0);
}

fn gf_softplus(a: f32) -> f32 {
    let e = exp(-abs(a));
    // log(1 + e), with its series where log would lose the small e.
    let l = select(log(1.0 + e), e - 0.5 * e * e, e < 1e-4);
    return max(a, 0.0) + l;
}

fn gf_heaviside(a: f32) -> f32 {
    return select(0.0, 1.0, a > 0.0);
}

//! WGSL code generation: a compiled [`Tape`] becomes the functions `gf_eval` (f, ∂f/∂x, ∂f/∂y)
//! and `gf_value` (f only), spliced into the field shader template. The domain rules are those
//! of `domain.rs`, written as the helpers of `shaders/ops.wgsl`. Only numbers formatted here
//! and generated identifiers (`v12`) reach the shader, never text from the user's input.
//! A data loss's tape becomes the term's functions (`gf_term_eval`, …, reading the point
//! from their argument `d`) and fixed loops over the points' storage buffer (`gf_data`,
//! binding 5) that average them: the shader does not grow with the number of points.

use std::fmt::Write;

use super::ast::Func;
use super::domain::LIMIT;
use super::tape::{Op, Tape};
use super::wgsl_data::{data_binding, DATA_EVAL, DATA_HEAD, DATA_HESS};
use crate::error::{Error, Result, ShaderError};

/// The line of a template that [`splice`] replaces with the generated functions.
pub const PLACEHOLDER: &str = "// @generated-field-functions";

/// The domain helpers (`gf_add`, `gf_div`, `gf_ln`, …) that generated code calls.
pub(crate) const OPS_WGSL: &str = include_str!("../../shaders/ops.wgsl");

/// The WGSL functions for a field: `fn gf_eval(x: f32, y: f32) -> Sample` from
/// `tape_f_grad` (roots f, ∂f/∂x, ∂f/∂y, each with its own defined flag) and
/// `fn gf_value(x: f32, y: f32) -> ValueOk` from `tape_f` (root f), preceded by the helpers of
/// `shaders/ops.wgsl`. `Sample` and `ValueOk` are declared by the template.
pub fn generate(tape_f_grad: &Tape, tape_f: &Tape) -> Result<String> {
    check_roots(tape_f_grad, tape_f)?;
    let mut s = prelude(&[tape_f_grad, tape_f]);
    field_functions(&mut s, tape_f_grad, tape_f);
    Ok(s)
}

/// [`generate`] followed by `gf_hess` from a six-root tape (see [`generate_hessian`]), with
/// one copy of the helpers: the convergence shader of Newton's method.
pub fn generate_with_hessian(
    tape_f_grad: &Tape,
    tape_f: &Tape,
    tape_hess: &Tape,
) -> Result<String> {
    check_roots(tape_f_grad, tape_f)?;
    check_hessian_roots(tape_hess)?;
    let mut s = prelude(&[tape_f_grad, tape_f, tape_hess]);
    field_functions(&mut s, tape_f_grad, tape_f);
    hessian_function(&mut s, tape_hess);
    Ok(s)
}

fn check_roots(tape_f_grad: &Tape, tape_f: &Tape) -> Result<()> {
    if tape_f_grad.roots().len() != 3 || tape_f.roots().len() != 1 {
        return Err(Error::Shader(ShaderError::Assembly(format!(
            "field code needs tapes with 3 and 1 roots, got {} and {}",
            tape_f_grad.roots().len(),
            tape_f.roots().len()
        ))));
    }
    Ok(())
}

fn check_hessian_roots(tape: &Tape) -> Result<()> {
    if tape.roots().len() != 6 {
        return Err(Error::Shader(ShaderError::Assembly(format!(
            "Hessian code needs a tape with 6 roots, got {}",
            tape.roots().len()
        ))));
    }
    Ok(())
}

/// Appends `gf_eval` and `gf_value` (for a data loss, the term's `gf_term_eval` and
/// `gf_term_value` with the loops that average them, [`data_loops`]).
fn field_functions(s: &mut String, tape_f_grad: &Tape, tape_f: &Tape) {
    s.push_str("\n// Generated from the function's tape: one value per instruction.\n");
    let [f, dx, dy] = [0, 1, 2].map(|i| tape_f_grad.roots()[i]);
    let data = tape_f_grad.data().is_some();
    let (head, term) = if data {
        (DATA_HEAD, "term_")
    } else {
        ("(x: f32, y: f32", "")
    };
    let _ = writeln!(s, "fn gf_{term}eval{head}) -> Sample {{");
    let ok = body(s, tape_f_grad);
    // A derivative counts as defined only where f is (0^x: f undefined for x ≤ 0, ∂f/∂x = 0).
    let (f_ok, dx_ok, dy_ok) = (&ok[f as usize], &ok[dx as usize], &ok[dy as usize]);
    let _ = writeln!(
        s,
        "    return Sample(v{f}, v{dx}, v{dy}, {f_ok}, {f_ok} && {dx_ok}, {f_ok} && {dy_ok});\n}}\n"
    );
    let _ = writeln!(s, "fn gf_{term}value{head}) -> ValueOk {{");
    let root = tape_f.roots()[0];
    let ok = body(s, tape_f);
    let _ = writeln!(s, "    return ValueOk(v{root}, {});\n}}", ok[root as usize]);
    if tape_f_grad.data().is_some() {
        data_binding(s);
        s.push_str(DATA_EVAL);
    }
}

/// The domain helpers of `shaders/ops.wgsl` and one `gf_powi_N` per integer exponent the
/// tapes use: what every generated function needs before it.
fn prelude(tapes: &[&Tape]) -> String {
    let mut s = String::from(OPS_WGSL);
    let exponents: std::collections::BTreeSet<i32> = tapes
        .iter()
        .flat_map(|t| t.ops())
        .filter_map(|op| match *op {
            Op::Powi(_, n) => Some(n),
            _ => None,
        })
        .collect();
    for n in exponents {
        s.push_str(&powi_function(n));
    }
    s
}

/// `fn gf_hess(x: f32, y: f32) -> Second` from a tape with the six roots f, ∂f/∂x, ∂f/∂y,
/// ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y² ([`crate::expr::Function::hessian_tape`]), preceded by the
/// helpers. `Second` (declared by shaders/hessian.wgsl) holds the six values and a bit set
/// of the defined ones (bit k for root k; a derivative only where f is defined).
pub fn generate_hessian(tape: &Tape) -> Result<String> {
    check_hessian_roots(tape)?;
    let mut s = prelude(&[tape]);
    hessian_function(&mut s, tape);
    Ok(s)
}

/// Appends `gf_hess` of a six-root tape (for a data loss, the term's `gf_term_hess` and the
/// loop that averages it; the data's binding once, also when the field functions are there).
fn hessian_function(s: &mut String, tape: &Tape) {
    s.push_str("\n// Generated from the function's Hessian tape: one value per instruction.\n");
    let data = tape.data().is_some();
    if data {
        let _ = writeln!(s, "fn gf_term_hess{DATA_HEAD}) -> Second {{");
    } else {
        s.push_str("fn gf_hess(x: f32, y: f32) -> Second {\n");
    }
    let ok = body(s, tape);
    let roots = tape.roots();
    let f_ok = &ok[roots[0] as usize];
    let values: Vec<String> = roots.iter().map(|r| format!("v{r}")).collect();
    let bits: Vec<String> = roots
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let cond = if k == 0 {
                f_ok.clone()
            } else {
                format!("{f_ok} && {}", ok[*r as usize])
            };
            format!("select(0u, {}u, {cond})", 1u32 << k)
        })
        .collect();
    let _ = writeln!(
        s,
        "    return Second({}, {});\n}}",
        values.join(", "),
        bits.join(" | ")
    );
    if tape.data().is_some() {
        data_binding(s);
        s.push_str(DATA_HESS);
    }
}

/// The name of the generated `a ^ n` helper: `gf_powi_3`, `gf_powi_m2` for n = −2.
fn powi_name(n: i32) -> String {
    if n < 0 {
        format!("gf_powi_m{}", n.unsigned_abs())
    } else {
        format!("gf_powi_{n}")
    }
}

/// `fn gf_powi_N(a: f32) -> GfR`: a ^ n by square and multiply, unrolled for this n (a
/// negative n is (1 / a) ^ −n). The multiplications and their order are those of the loop
/// `domain::powi` describes, so the value is the same; each product is domain-checked.
fn powi_function(n: i32) -> String {
    let mut s = format!("\nfn {}(a: f32) -> GfR {{\n", powi_name(n));
    s.push_str(if n < 0 {
        "    var base = gf_div(1.0, a);\n"
    } else {
        "    var base = GfR(a, true);\n"
    });
    s.push_str("    var acc = GfR(1.0, base.ok);\n");
    let mut e = n.unsigned_abs();
    while e != 0 {
        if e & 1 != 0 {
            s.push_str("    acc = gf_mul_ok(acc, base);\n");
        }
        e >>= 1;
        if e != 0 {
            s.push_str("    base = gf_mul_ok(base, base);\n");
        }
    }
    s.push_str("    return acc;\n}\n");
    s
}

/// Replaces the [`PLACEHOLDER`] line of `template` with `generated`.
pub fn splice(template: &str, generated: &str) -> Result<String> {
    if !template.contains(PLACEHOLDER) {
        return Err(Error::Shader(ShaderError::Assembly(format!(
            "shader template has no '{PLACEHOLDER}' line"
        ))));
    }
    Ok(template.replacen(PLACEHOLDER, generated, 1))
}

/// An f32 literal for `v` (finite, inside f32's range), e.g. `1.5e-3f` or `(-2e0f)`.
pub fn literal(v: f64) -> String {
    let v = v as f32;
    if v.is_sign_negative() {
        format!("(-{:e}f)", -v)
    } else {
        format!("{v:e}f")
    }
}

/// Writes one line per instruction and returns, per instruction, the WGSL condition under
/// which its value is defined: `true`, `false` or `okN`, the conjunction of its operands'
/// conditions and its own domain check, so each root has its own definedness (f can be
/// defined where a derivative is not).
fn body(s: &mut String, tape: &Tape) -> Vec<String> {
    let mut ok: Vec<String> = Vec::with_capacity(tape.len());
    // A data loss's term reads the point's xᵢ and yᵢ (symbols 0 and 1) from `d`.
    let data = tape.data().is_some();
    for (i, op) in tape.ops().iter().enumerate() {
        let mut terms: Vec<&str> = op
            .operands()
            .map(|a| ok[a as usize].as_str())
            .filter(|c| *c != "true")
            .collect();
        let line = match *op {
            Op::Const(c) if c.abs() <= LIMIT => Value::Plain(literal(c)),
            Op::Const(_) => {
                terms.push("false");
                Value::Plain("0.0".into())
            }
            Op::X => Value::Plain("x".into()),
            Op::Y => Value::Plain("y".into()),
            Op::Sym(0) if data => Value::Plain("d.x".into()),
            Op::Sym(1) if data => Value::Plain("d.y".into()),
            Op::Sym(k) => Value::Plain(format!("gf_symbol({k}u)")),
            Op::Neg(a) => Value::Plain(format!("-v{a}")),
            Op::Add(a, b) => Value::Checked(format!("gf_add(v{a}, v{b})")),
            Op::Sub(a, b) => Value::Checked(format!("gf_sub(v{a}, v{b})")),
            Op::Mul(a, b) => Value::Checked(format!("gf_mul(v{a}, v{b})")),
            Op::Div(a, b) => Value::Checked(format!("gf_div(v{a}, v{b})")),
            Op::Powi(a, n) => Value::Checked(format!("{}(v{a})", powi_name(n))),
            Op::Powf(a, b) => Value::Checked(format!("gf_powf(v{a}, v{b})")),
            Op::Call1(f, a) => call1(f, &format!("v{a}")),
            Op::Call2(f, a, b) => call2(f, &format!("v{a}"), &format!("v{b}")),
        };
        let own = format!("r{i}.ok");
        match line {
            Value::Plain(e) => {
                let _ = writeln!(s, "    let v{i}: f32 = {e};");
            }
            Value::Checked(e) => {
                let _ = writeln!(s, "    let r{i} = {e};\n    let v{i}: f32 = r{i}.v;");
                terms.push(&own);
            }
        }
        let cond = if terms.contains(&"false") {
            "false".to_string()
        } else if terms.is_empty() {
            "true".to_string()
        } else if let [one] = terms[..] {
            one.to_string()
        } else {
            let _ = writeln!(s, "    let ok{i} = {};", terms.join(" && "));
            format!("ok{i}")
        };
        ok.push(cond);
    }
    ok
}

/// The WGSL of one instruction: a plain f32 expression, or a helper call returning `GfR`.
enum Value {
    Plain(String),
    Checked(String),
}

fn call1(f: Func, a: &str) -> Value {
    let plain = |name: &str| Value::Plain(format!("{name}({a})"));
    let checked = |name: &str| Value::Checked(format!("{name}({a})"));
    match f {
        Func::Sin => plain("sin"),
        Func::Cos => plain("cos"),
        Func::Tan => checked("gf_tan"),
        Func::Asin => checked("gf_asin"),
        Func::Acos => checked("gf_acos"),
        Func::Atan => plain("atan"),
        Func::Sinh => checked("gf_sinh"),
        Func::Cosh => checked("gf_cosh"),
        Func::Tanh => plain("gf_tanh"),
        Func::Exp => checked("gf_exp"),
        Func::Ln => checked("gf_ln"),
        Func::Log10 => checked("gf_log10"),
        Func::Log2 => checked("gf_log2"),
        Func::Sqrt => checked("gf_sqrt"),
        Func::Cbrt => plain("gf_cbrt"),
        Func::Abs => plain("abs"),
        Func::Sigmoid => plain("gf_sigmoid"),
        Func::Softplus => plain("gf_softplus"),
        Func::Relu => Value::Plain(format!("max({a}, 0.0)")),
        Func::Sign => plain("sign"),
        Func::Heaviside => plain("gf_heaviside"),
        // Two-argument functions never reach here (the tape stores them as Call2); treat a
        // malformed call as undefined rather than panic.
        Func::Atan2 | Func::Min | Func::Max | Func::Hypot => {
            Value::Checked("GfR(0.0, false)".into())
        }
    }
}

fn call2(f: Func, a: &str, b: &str) -> Value {
    match f {
        Func::Atan2 => Value::Checked(format!("gf_atan2({a}, {b})")),
        Func::Min => Value::Plain(format!("min({a}, {b})")),
        Func::Max => Value::Plain(format!("max({a}, {b})")),
        Func::Hypot => Value::Checked(format!("gf_hypot({a}, {b})")),
        _ => Value::Checked("GfR(0.0, false)".into()),
    }
}

//! The field on a grid computed on the CPU with the f64 reference evaluator, at the same
//! f32-rounded coordinates the GPU uses. It backs `gradfield sample --device cpu` and is what
//! the GPU field is compared with.

use crate::expr::{domain, Evaluator, Function};
use crate::samples::{GradientMode, DEFINED_DX, DEFINED_DY, DEFINED_F, NUMERIC_STEP};
use crate::view::View;

/// The central-difference step for a coordinate `v`, the same rule the shader uses:
/// h = [`NUMERIC_STEP`] · max(1, |v|).
pub(crate) fn numeric_step(v: f64) -> f64 {
    NUMERIC_STEP as f64 * v.abs().max(1.0)
}

/// f, ∂f/∂x, ∂f/∂y and defined at (x, y), by the exact derivatives or by central
/// differences of f, laid out as a field sample (see [`crate::samples`]): defined is the bit
/// set of the defined channels, and an undefined channel holds 0.
pub(crate) fn sample_point(function: &Function, x: f64, y: f64, mode: GradientMode) -> [f32; 4] {
    let mut tree = function.tree();
    let value = match mode {
        GradientMode::Exact => tree.channels(x, y),
        GradientMode::Numeric => numeric_gradient(&mut tree, x, y),
    };
    let mut out = [0.0; 4];
    let mut defined = 0;
    for (k, (v, bit)) in value
        .iter()
        .zip([DEFINED_F, DEFINED_DX, DEFINED_DY])
        .enumerate()
    {
        if let Some(v) = v {
            out[k] = *v as f32;
            defined |= bit;
        }
    }
    out[3] = defined as f32;
    out
}

/// f and its central differences (each `None` where undefined; a difference needs f at the
/// point and at both neighbours, and a defined quotient).
fn numeric_gradient(eval: &mut impl Evaluator, x: f64, y: f64) -> [Option<f64>; 3] {
    let mut f = |x: f64, y: f64| eval.value(x, y);
    let (hx, hy) = (numeric_step(x), numeric_step(y));
    let Some(v) = f(x, y) else {
        return [None; 3];
    };
    let central = |plus: Option<f64>, minus: Option<f64>, h: f64| {
        let d = domain::sub(plus?, minus?)?;
        domain::div(d, 2.0 * h)
    };
    let dx = central(f(x + hx, y), f(x - hx, y), hx);
    let dy = central(f(x, y + hy), f(x, y - hy), hy);
    [Some(v), dx, dy]
}

/// The field on a `w`×`h` grid of `view` (row 0 at the top), each sample at the f32-rounded
/// coordinates of the grid convention.
pub(crate) fn sample(
    function: &Function,
    view: &View,
    w: u32,
    h: u32,
    mode: GradientMode,
) -> Vec<[f32; 4]> {
    let xs: Vec<f64> = (0..w).map(|i| view.sample_x(i, w) as f32 as f64).collect();
    let mut out = Vec::with_capacity(w as usize * h as usize);
    for j in 0..h {
        let y = view.sample_y(j, h) as f32 as f64;
        out.extend(xs.iter().map(|&x| sample_point(function, x, y, mode)));
    }
    out
}

/// f alone on a `w`×`h` grid of `view` (row 0 at the top), NaN where undefined, by the compiled
/// tape: the coarse grid contour labels are placed on.
pub(crate) fn values(function: &Function, view: &View, w: u32, h: u32) -> Vec<f32> {
    let mut tape = function.tape();
    let mut values = Vec::with_capacity(w as usize * h as usize);
    for j in 0..h {
        let y = view.sample_y(j, h);
        for i in 0..w {
            let v = tape.value(view.sample_x(i, w), y);
            values.push(v.map_or(f32::NAN, |v| v as f32));
        }
    }
    values
}

//! Comparison of a GPU field with the reference: values within the running error bound of
//! `bound`, defined/undefined equal for each of f, ∂f/∂x and ∂f/∂y except where rounding may
//! legitimately flip the decision.

use super::bound;
use gradfield::expr::tape::Tape;
use gradfield::expr::Function;
use gradfield::gpu::field::{defined_channels, function_tapes, FieldPass, GradientMode};
use gradfield::gpu::readback::run_pass;
use gradfield::gpu::Gpu;
use gradfield::View;

/// Counts and largest errors over all compared points (printed by the tests).
#[derive(Default, Debug)]
pub struct Stats {
    pub points: usize,
    pub compared: usize,
    pub not_comparable: usize,
    pub flips: usize,
    pub defined: usize,
    pub undefined: usize,
    /// Points where both agree that f is defined and its gradient is not.
    pub gradient_undefined: usize,
    pub max_abs: f64,
    pub max_rel: f64,
    pub max_ratio: f64,
}

/// Which roots of the tape the reference defines at (x, y), a derivative only where f is.
fn defined_at(tape: &Tape, x: f32, y: f32) -> [bool; 3] {
    let mut regs = Vec::new();
    let mut ok = Vec::new();
    let mut out = vec![0.0; tape.roots().len()];
    let mut defined = vec![false; tape.roots().len()];
    tape.eval_each_into(
        x as f64,
        y as f64,
        &mut regs,
        &mut ok,
        &mut out,
        &mut defined,
    );
    [
        defined[0],
        defined[0] && defined[1],
        defined[0] && defined[2],
    ]
}

/// True when the reference's definedness of root `k` changes between (x, y) and a
/// neighbouring f32 point.
fn neighbour_flip(tape: &Tape, x: f32, y: f32, k: usize) -> bool {
    let here = defined_at(tape, x, y)[k];
    [
        (x.next_up(), y),
        (x.next_down(), y),
        (x, y.next_up()),
        (x, y.next_down()),
    ]
    .iter()
    .any(|&(a, b)| defined_at(tape, a, b)[k] != here)
}

/// Compares one GPU field with the reference; panics with the point on a real mismatch.
/// Each of f, ∂f/∂x and ∂f/∂y is compared on its own: the GPU's defined bit for it must
/// equal the reference's (a derivative defined only where f is), except where the decision
/// is within rounding.
pub fn check(
    gpu: &Gpu,
    pass: &mut FieldPass,
    function: &Function,
    view: &View,
    (w, h): (u32, u32),
    label: &str,
    st: &mut Stats,
) {
    let out = run_pass(gpu, pass, view, w, h, GradientMode::Exact).expect("field runs");
    let (grad, _) = function_tapes(function);
    let tape = &grad;
    for j in 0..h {
        for i in 0..w {
            let (xf, yf) = (view.sample_x(i, w) as f32, view.sample_y(j, h) as f32);
            let s = out[(j * w + i) as usize];
            let b = bound::eval(tape, xf as f64, yf as f64);
            let reference = [
                b.roots[0],
                b.roots[0].and(b.roots[1]),
                b.roots[0].and(b.roots[2]),
            ];
            let uncertain = [
                b.root_uncertain[0],
                b.root_uncertain[0] || b.root_uncertain[1],
                b.root_uncertain[0] || b.root_uncertain[2],
            ];
            // The bound evaluator walks the tape; it must give exactly the values of the
            // reference (eval::eval, recursive and slow on big derivative trees: every 8th point).
            if (i + j * w) % 8 == 0 {
                let each = function.eval_each(xf as f64, yf as f64);
                assert_eq!(reference, each, "{label}: tape = reference");
            }
            st.points += 1;
            let bits = s[3];
            assert!(
                [0.0, 1.0, 3.0, 5.0, 7.0].contains(&bits),
                "{label}: defined bits {bits} (a derivative defined without f?)"
            );
            let gpu_def = defined_channels(&s);
            for k in 0..3 {
                if !gpu_def[k] {
                    assert_eq!(s[k], 0.0, "{label}: undefined channel {k} must be 0");
                }
            }
            if gpu_def[0] && reference[0].is_some() {
                st.defined += 1;
                let grad_ref = reference[1].is_some() && reference[2].is_some();
                let grad_gpu = gpu_def[1] && gpu_def[2];
                if !grad_ref && !grad_gpu {
                    st.gradient_undefined += 1;
                }
            } else if !gpu_def[0] && reference[0].is_none() {
                st.undefined += 1;
            }
            let mut flipped = false;
            for k in 0..3 {
                match reference[k] {
                    Some(v) if gpu_def[k] => {
                        if !b.bound[k].is_finite() {
                            st.not_comparable += 1;
                            continue;
                        }
                        let err = (s[k] as f64 - v).abs();
                        let tol = 2.0 * b.bound[k] + 1e-30;
                        assert!(
                            err <= tol,
                            "{label}: root {k} at ({xf:e}, {yf:e}): gpu {} vs ref {v} (error {err:e}, tolerance {tol:e})",
                            s[k]
                        );
                        st.compared += 1;
                        st.max_abs = st.max_abs.max(err);
                        st.max_rel = st.max_rel.max(err / v.abs().max(1.0));
                        st.max_ratio = st.max_ratio.max(err / tol);
                    }
                    None if !gpu_def[k] => {}
                    _ => {
                        let ok = uncertain[k] || neighbour_flip(tape, xf, yf, k);
                        assert!(
                            ok,
                            "{label}: root {k} at ({xf:e}, {yf:e}) reference {:?} but gpu defined = {} ({s:?})",
                            reference[k], gpu_def[k]
                        );
                        flipped = true;
                    }
                }
            }
            st.flips += usize::from(flipped);
        }
    }
}

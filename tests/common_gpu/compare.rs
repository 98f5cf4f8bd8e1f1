//! Comparison of a GPU field with the reference: values within the running error bound of
//! `bound`, defined/undefined equal except where rounding may legitimately flip the decision.

use super::bound;
use gradfield::expr::tape::Tape;
use gradfield::expr::Function;
use gradfield::gpu::field::{function_tapes, FieldPass, GradientMode};
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
    pub max_abs: f64,
    pub max_rel: f64,
    pub max_ratio: f64,
}

fn defined_at(tape: &Tape, x: f32, y: f32) -> bool {
    let mut regs = Vec::new();
    let mut out = vec![0.0; tape.roots().len()];
    tape.eval_into(x as f64, y as f64, &mut regs, &mut out)
}

/// True when the reference's definedness changes between (x, y) and a neighbouring f32 point.
fn neighbour_flip(tape: &Tape, x: f32, y: f32) -> bool {
    let here = defined_at(tape, x, y);
    [
        (x.next_up(), y),
        (x.next_down(), y),
        (x, y.next_up()),
        (x, y.next_down()),
    ]
    .iter()
    .any(|&(a, b)| defined_at(tape, a, b) != here)
}

/// Compares one GPU field with the reference; panics with the point on a real mismatch.
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
            // The bound evaluator walks the tape; it must give exactly the values of the
            // reference (eval::eval, recursive and slow on big derivative trees: every 8th point).
            if (i + j * w) % 8 == 0 {
                let reference = function.eval(xf as f64, yf as f64);
                assert_eq!(b.value, reference, "{label}: tape = reference");
            }
            st.points += 1;
            assert!(s[3] == 0.0 || s[3] == 1.0, "{label}: defined flag {}", s[3]);
            let gpu_def = s[3] == 1.0;
            if !gpu_def {
                assert_eq!(
                    &s[..3],
                    &[0.0; 3],
                    "{label}: undefined sample must be zeros"
                );
            }
            match b.value {
                Some(v) if gpu_def => {
                    st.defined += 1;
                    for k in 0..3 {
                        if !b.bound[k].is_finite() {
                            st.not_comparable += 1;
                            continue;
                        }
                        let err = (s[k] as f64 - v[k]).abs();
                        let tol = 2.0 * b.bound[k] + 1e-30;
                        assert!(
                            err <= tol,
                            "{label}: root {k} at ({xf:e}, {yf:e}): gpu {} vs ref {} (error {err:e}, tolerance {tol:e})",
                            s[k], v[k]
                        );
                        st.compared += 1;
                        st.max_abs = st.max_abs.max(err);
                        st.max_rel = st.max_rel.max(err / v[k].abs().max(1.0));
                        st.max_ratio = st.max_ratio.max(err / tol);
                    }
                }
                None if !gpu_def => st.undefined += 1,
                _ => {
                    let ok = b.uncertain || neighbour_flip(tape, xf, yf);
                    assert!(
                        ok,
                        "{label}: at ({xf:e}, {yf:e}) reference {:?} but gpu defined = {gpu_def} ({s:?})",
                        b.value
                    );
                    st.flips += 1;
                }
            }
        }
    }
}

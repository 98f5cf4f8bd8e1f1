//! The GPU gradient check (lavapipe where there is no GPU): log10 of the relative difference
//! between the exact gradient and the central-difference one, per sample.
//!
//! What should happen, and the thresholds: with the default step (≈ ∛ε) the difference on a
//! quadratic is pure f32 rounding, ≈ ε·|f|/(h·|∇f|) ≲ 1e-4, so nearly every sample is below
//! 1e-2 (we allow 5% above, for samples where |∇f| is tiny next to |f|). With h = 1e-6 the
//! rounding error ε·|f|/h grows ~5000×: most samples exceed 1e-2 (measured 74%). With h = 1 the
//! truncation error of sin(3x), whose central difference is cos(3x)·sin(3h)/(3h), is 95% off
//! in x (y² is exact): nearly every sample exceeds 1e-1 (measured 96%, median 0.68).

mod common_gpu;

use std::process::Command;

use common_gpu::gpu;
use gradfield::expr::Function;
use gradfield::gpu::field::{FieldPass, GradientMode, NUMERIC_STEP};
use gradfield::gpu::readback::run_pass;
use gradfield::View;

/// The defined log10 relative differences of `expr` on a 64×48 grid over [-3, 3]×[-2, 2].
fn check(expr: &str, step: f32) -> Vec<f32> {
    let gpu = gpu();
    let f = Function::parse(expr).unwrap();
    let mut pass = FieldPass::for_function(&gpu.device, &f).unwrap();
    pass.set_check(&gpu.device, Some(step)).unwrap();
    let view = View::new(-3.0, 3.0, -2.0, 2.0).unwrap();
    let out = run_pass(&gpu, &mut pass, &view, 64, 48, GradientMode::Exact).unwrap();
    let defined: Vec<f32> = out.iter().filter(|s| s[3] > 0.5).map(|s| s[0]).collect();
    assert_eq!(defined.len(), out.len(), "{expr} is defined everywhere");
    // The checked buffer carries no gradient of its own.
    assert!(out.iter().all(|s| s[1] == 0.0 && s[2] == 0.0));
    defined
}

fn share_above(v: &[f32], log10: f32) -> f64 {
    v.iter().filter(|&&x| x > log10).count() as f64 / v.len() as f64
}

#[test]
fn default_step_agrees_on_a_bowl() {
    let v = check("x^2 + y^2", NUMERIC_STEP);
    assert!(share_above(&v, -2.0) <= 0.05, "{}", share_above(&v, -2.0));
    assert!(
        v.iter().all(|&x| (-10.0..=1.0).contains(&x)),
        "values are log10 >= -10"
    );
}

#[test]
fn tiny_step_is_ruined_by_rounding() {
    let fine = check("x^2 + y^2", NUMERIC_STEP);
    let v = check("x^2 + y^2", 1e-6);
    assert!(share_above(&v, -2.0) >= 0.5, "{}", share_above(&v, -2.0));
    let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
    assert!(
        mean(&v) > mean(&fine) + 1.0,
        "{} vs {}",
        mean(&v),
        mean(&fine)
    );
}

#[test]
fn unit_step_is_ruined_by_truncation_on_sin_3x() {
    let v = check("sin(3*x) + y^2", 1.0);
    assert!(share_above(&v, -1.0) >= 0.9, "{}", share_above(&v, -1.0));
    let v = check("sin(3*x) + y^2", NUMERIC_STEP);
    assert!(share_above(&v, -2.0) <= 0.05, "{}", share_above(&v, -2.0));
}

#[test]
fn render_prints_the_largest_difference() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("check.png");
    let run = |h: &str| {
        let mut args = vec![
            "render",
            "x^2 + y^2",
            "--size",
            "320x240",
            "--gradient-check",
        ];
        if !h.is_empty() {
            args.extend(["--check-step", h]);
        }
        args.extend(["--out", out.to_str().unwrap()]);
        Command::new(env!("CARGO_BIN_EXE_gradfield"))
            .args(&args)
            .output()
            .expect("runs")
    };
    let largest = |o: &std::process::Output| -> f64 {
        let err = String::from_utf8_lossy(&o.stderr).into_owned();
        let line = err
            .lines()
            .find(|l| l.starts_with("largest"))
            .expect(&err)
            .to_string();
        let value = line.rsplit(": ").next().unwrap().split(' ').next().unwrap();
        value.parse().expect(&line)
    };
    let o = run("");
    assert!(o.status.success() && out.exists());
    let fine = largest(&o);
    let o = run("1e-6");
    assert!(o.status.success());
    let coarse = largest(&o);
    assert!(fine < 1e-2 && coarse > 10.0 * fine, "{fine} vs {coarse}");
    assert_eq!(run("0").status.code(), Some(2));
    assert_eq!(run("1e9").status.code(), Some(2));
}

#[test]
fn the_check_is_compiled_only_into_passes_that_use_it() {
    use gradfield::gpu::field::field_source;
    let f = Function::parse("x^2 + y^2").unwrap();
    let (grad, value) = gradfield::gpu::field::function_tapes(&f);
    assert!(!field_source(&grad, &value).unwrap().contains("CHECK_FLOOR"));
    // On, then off again: the pass computes the field as before.
    let gpu = gpu();
    let view = View::new(-2.0, 1.0, -1.0, 3.0).unwrap();
    let mut plain = FieldPass::for_function(&gpu.device, &f).unwrap();
    let want = run_pass(&gpu, &mut plain, &view, 8, 6, GradientMode::Exact).unwrap();
    let mut pass = FieldPass::for_function(&gpu.device, &f).unwrap();
    pass.set_check(&gpu.device, Some(NUMERIC_STEP)).unwrap();
    let checked = run_pass(&gpu, &mut pass, &view, 8, 6, GradientMode::Exact).unwrap();
    assert_ne!(checked, want);
    pass.set_check(&gpu.device, None).unwrap();
    let got = run_pass(&gpu, &mut pass, &view, 8, 6, GradientMode::Exact).unwrap();
    assert_eq!(got, want);
    // A pass built from a bare shader has no function to rebuild with the check.
    let src = field_source(&grad, &value).unwrap();
    let mut bare = FieldPass::from_source(&gpu.device, &src).unwrap();
    let err = bare.set_check(&gpu.device, Some(1e-3)).unwrap_err();
    assert!(matches!(err, gradfield::Error::Shader(_)), "{err}");
}

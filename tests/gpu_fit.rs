//! The GPU field of a data loss against the f64 CPU sum over the points: for each sample the
//! tolerance is twice the error bound of the mean of f32 terms, that is the mean of the terms'
//! running bounds (`common_gpu::bound`, the points rounded to f32 counted in it) plus the
//! blocked summation's bound (64 + n/64)·u·mean|tᵢ| and the division's u·|mean|. And the
//! shader's text is the same for any number of points.

mod common_gpu;

use common_gpu::bound;
use common_gpu::gpu;
use gradfield::expr::tape::Tape;
use gradfield::expr::Function;
use gradfield::fit::{self, Model, Table};
use gradfield::gpu::field::{defined_channels, GradientMode};
use gradfield::gpu::field::{field_source, function_tapes, FieldPass};
use gradfield::gpu::readback::run_pass;
use gradfield::View;

const U: f64 = 1.0 / 16_777_216.0;

/// `n` points of a noisy line (linear) or two overlapping classes (logistic), seeded.
fn points(model: Model, n: usize, seed: u64) -> Vec<[f64; 2]> {
    let mut rng = common_gpu::Rng(seed);
    (0..n)
        .map(|i| {
            let x = 4.0 * rng.unit() - 0.5;
            match model {
                Model::Linear => [x, 2.0 * x + 1.0 + (rng.unit() - 0.5) * 3.0],
                Model::Logistic => {
                    let label = (i % 2) as f64;
                    [x + label * 1.5, label]
                }
            }
        })
        .collect()
}

fn loss(model: Model, pts: Vec<[f64; 2]>) -> Function {
    let table = Table {
        columns: ["x".into(), "y".into()],
        points: pts,
    };
    fit::loss(model, &table, "test.csv").expect("loss")
}

/// The bound of the GPU's mean at (w, b) for each channel, and the reference means.
fn mean_bound(f: &Function, w: f64, b: f64) -> ([f64; 3], [f64; 3]) {
    let data = f.data().expect("a data loss");
    let n = data.len() as f64;
    let (mut mean, mut err, mut abs) = ([0.0; 3], [0.0; 3], [0.0; 3]);
    for p in &data.points {
        let term = Tape::new(&[f.f.clone(), f.dfdx.clone(), f.dfdy.clone()]).with_syms(p);
        let t = bound::eval(&term, w, b);
        let v = t.value.expect("every term is defined");
        for k in 0..3 {
            mean[k] += v[k] / n;
            err[k] += t.bound[k] / n;
            abs[k] += v[k].abs() / n;
        }
    }
    let blocks = 64.0 + n / 64.0;
    let bound = std::array::from_fn(|k| err[k] + blocks * U * abs[k] + U * mean[k].abs());
    (mean, bound)
}

fn check(model: Model, n: usize, view: &View, size: (u32, u32)) {
    let gpu = gpu();
    let f = loss(model, points(model, n, 7 + n as u64));
    let mut pass = FieldPass::for_function(&gpu.device, &f).expect("compiles");
    let out = run_pass(&gpu, &mut pass, view, size.0, size.1, GradientMode::Exact).expect("runs");
    let mut worst = 0.0f64;
    for j in 0..size.1 {
        for i in 0..size.0 {
            let (w, b) = (
                view.sample_x(i, size.0) as f32,
                view.sample_y(j, size.1) as f32,
            );
            let (w, b) = (w as f64, b as f64);
            let s = out[(j * size.0 + i) as usize];
            assert_eq!(
                defined_channels(&s),
                [true; 3],
                "{model:?} n = {n} at ({w}, {b})"
            );
            // The CPU reference: the f64 sum over the points by the tape and the trees alike.
            let cpu = f.eval(w, b).expect("defined");
            let (mean, tol) = mean_bound(&f, w, b);
            for k in 0..3 {
                assert!((cpu[k] - mean[k]).abs() <= 1e-12 * (1.0 + mean[k].abs()));
                let err = (s[k] as f64 - cpu[k]).abs();
                assert!(
                    err <= 2.0 * tol[k],
                    "{model:?} n = {n} channel {k} at ({w}, {b}): gpu {} cpu {} error {err:e} \
                     tolerance {:e}",
                    s[k],
                    cpu[k],
                    2.0 * tol[k]
                );
                worst = worst.max(err / (2.0 * tol[k]));
            }
        }
    }
    eprintln!("{model:?} n = {n}: largest error {worst:.3} of the tolerance");
}

#[test]
fn a_linear_loss_matches_the_f64_sum_within_its_bound() {
    let view = View::new(-1.0, 5.0, -3.0, 5.0).expect("view");
    check(Model::Linear, 40, &view, (24, 16));
    check(Model::Linear, 5000, &view, (12, 8));
}

#[test]
fn a_logistic_loss_matches_the_f64_sum_within_its_bound() {
    let view = View::new(-2.0, 6.0, -10.0, 3.0).expect("view");
    check(Model::Logistic, 60, &view, (24, 16));
    check(Model::Logistic, 3000, &view, (12, 8));
}

#[test]
fn the_shader_is_the_same_for_any_number_of_points() {
    let source = |n: usize| {
        let f = loss(Model::Linear, points(Model::Linear, n, 3));
        let (grad, value) = function_tapes(&f);
        field_source(&grad, &value).expect("source")
    };
    // The points are a buffer, not text: one shader (and pipeline) for any of them.
    assert_eq!(source(10), source(10_000));
    assert_eq!(source(10), source(100_000));
}

/// Passes kept for one data loss take another's points with the same shader: the field pass
/// and a convergence pass then compute exactly what passes built for the new points do.
#[test]
fn passes_take_other_points_without_a_new_shader() {
    use gradfield::descent::{Hyper, Optimizer};
    use gradfield::gpu::{ConvergePass, ConvergeSettings};
    let gpu = gpu();
    let view = View::new(-1.0, 5.0, -3.0, 5.0).expect("view");
    let a = loss(Model::Linear, points(Model::Linear, 50, 1));
    let b = loss(Model::Linear, points(Model::Linear, 80, 2));
    let mut pass = FieldPass::for_function(&gpu.device, &a).expect("compiles");
    let built = pass.pipelines_built();
    let (grad, value) = function_tapes(&b);
    pass.set_function(&gpu.device, &grad, &value)
        .expect("same shader");
    assert_eq!(
        pass.pipelines_built(),
        built,
        "other points built a pipeline"
    );
    let moved = run_pass(&gpu, &mut pass, &view, 12, 8, GradientMode::Exact).unwrap();
    let mut fresh = FieldPass::for_function(&gpu.device, &b).expect("compiles");
    assert_eq!(
        moved,
        run_pass(&gpu, &mut fresh, &view, 12, 8, GradientMode::Exact).unwrap()
    );

    let settings = ConvergeSettings {
        optimizer: Optimizer::Gd,
        hyper: Hyper::new(0.05),
        steps: 300,
        tol: 1e-5,
    };
    let mut conv = ConvergePass::new(&gpu.device, &a, Optimizer::Gd).expect("compiles");
    assert_eq!(
        conv.source(),
        gradfield::gpu::converge::converge_source(&b, Optimizer::Gd).unwrap()
    );
    conv.reuse_for(&gpu.device, &b);
    conv.prepare(&gpu.device, &gpu.queue, &view, (6, 4), &settings)
        .expect("prepares");
    let ends: Vec<[f32; 3]> = conv
        .run(&gpu)
        .expect("runs")
        .iter()
        .map(|w| w.result())
        .collect();
    let want = gradfield::gpu::converge_map(&gpu, &b, &view, (6, 4), &settings).expect("runs");
    assert_eq!(ends, want);
}

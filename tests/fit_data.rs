//! Data losses on the CPU: the loss and its gradient equal their formulas summed directly,
//! the example presets' minima equal the closed-form least-squares line (and the logistic
//! loss's Newton minimum has a zero gradient), mini-batches of every point are full-batch
//! descent step for step, a seed draws the same path twice, and an epoch's mini-batch
//! gradients average to the full gradient.

use gradfield::descent::{Hyper, Optimizer, Path};
use gradfield::expr::Evaluator;
use gradfield::fit::{self, Model, Table};
use gradfield::presets;

fn line_points() -> Vec<[f64; 2]> {
    // Seeded, fixed: y = 2x + 1 with a deterministic wobble.
    (0..48)
        .map(|i| {
            let x = i as f64 / 12.0;
            [x, 2.0 * x + 1.0 + ((i * 7919) % 13) as f64 / 13.0 - 0.5]
        })
        .collect()
}

fn loss(model: Model, points: Vec<[f64; 2]>) -> gradfield::expr::Function {
    let table = Table {
        columns: ["x".into(), "y".into()],
        points,
    };
    fit::loss(model, &table, "points.csv").expect("loss")
}

#[test]
fn the_loss_and_its_gradient_are_the_formulas_summed() {
    let pts = line_points();
    let f = loss(Model::Linear, pts.clone());
    let n = pts.len() as f64;
    for &(w, b) in &[(0.0, 0.0), (1.5, -2.0), (2.25, 0.75), (-3.0, 4.0)] {
        let r = |p: &[f64; 2]| w * p[0] + b - p[1];
        let want = [
            pts.iter().map(|p| r(p) * r(p)).sum::<f64>() / n,
            pts.iter().map(|p| 2.0 * r(p) * p[0]).sum::<f64>() / n,
            pts.iter().map(|p| 2.0 * r(p)).sum::<f64>() / n,
        ];
        let tape = f.tape().gradient(w, b).expect("defined");
        let tree = f.eval(w, b).expect("defined");
        for k in 0..3 {
            let scale = 1e-12 * (1.0 + want[k].abs());
            assert!((tape[k] - want[k]).abs() <= scale, "tape {k} at ({w}, {b})");
            assert!((tree[k] - want[k]).abs() <= scale, "tree {k} at ({w}, {b})");
        }
        // The Hessian of the mean squared error: 2·[[mean x², mean x], [mean x, 1]].
        let mx2 = pts.iter().map(|p| p[0] * p[0]).sum::<f64>() / n;
        let mx = pts.iter().map(|p| p[0]).sum::<f64>() / n;
        let h = f.tape_with_hessian().hessian(w, b).expect("defined");
        for (got, want) in h.iter().zip([2.0 * mx2, 2.0 * mx, 2.0]) {
            assert!((got - want).abs() <= 1e-12 * (1.0 + want.abs()));
        }
    }
    // The logistic loss: softplus(z) − y·z averaged, its gradient (σ(z) − y)·(x, 1).
    let cls: Vec<[f64; 2]> = (0..30)
        .map(|i| [i as f64 / 10.0 - 1.0, (i % 3 == 0) as u8 as f64])
        .collect();
    let g = loss(Model::Logistic, cls.clone());
    let (w, b) = (0.7, -0.4);
    let m = cls.len() as f64;
    let sig = |z: f64| 1.0 / (1.0 + (-z).exp());
    let want_f = cls
        .iter()
        .map(|p| {
            let z = w * p[0] + b;
            (1.0 + z.exp()).ln() - p[1] * z
        })
        .sum::<f64>()
        / m;
    let want_w = cls
        .iter()
        .map(|p| (sig(w * p[0] + b) - p[1]) * p[0])
        .sum::<f64>()
        / m;
    let got = g.tape().gradient(w, b).expect("defined");
    assert!(
        (got[0] - want_f).abs() < 1e-12 && (got[1] - want_w).abs() < 1e-12,
        "{got:?}"
    );
}

/// Runs gradient descent from preset `name`'s start at its η until |∇L| ≤ `tol` and checks
/// that it ends within 10⁻⁴ of `(w, b)`, which lies inside the preset's view.
fn descends_to(name: &str, (w, b): (f64, f64), steps: usize, tol: f64) {
    let p = presets::find(name).expect("preset");
    let f = p.function().expect("loads");
    let mut tape = f.tape();
    let start = (p.start[0], p.start[1]);
    let mut path = Path::new(start, Optimizer::Gd, Hyper::new(p.lr), &mut tape);
    path.run(&mut tape, steps, tol);
    let end = path.current();
    assert!(
        (end.x - w).abs() <= 1e-4 && (end.y - b).abs() <= 1e-4,
        "{name}: {end:?} vs ({w}, {b})"
    );
    assert!(p.view[0] < w && w < p.view[1] && p.view[2] < b && b < p.view[3]);
}

#[test]
fn the_line_presets_minimum_is_the_least_squares_line() {
    let f = presets::find("fit-line")
        .unwrap()
        .function()
        .expect("loads");
    let data = f.data().expect("a data loss");
    assert_eq!(data.len(), 40);
    let line = fit::least_squares(&data.points).expect("a line");
    descends_to("fit-line", line, 20_000, 1e-12);
}

#[test]
fn the_class_presets_minimum_has_a_zero_gradient() {
    let f = presets::find("fit-classes")
        .unwrap()
        .function()
        .expect("loads");
    let data = f.data().expect("a data loss");
    let (w, b) = fit::minimum(Model::Logistic, &data.points).expect("overlapping classes");
    let g = f.eval(w, b).expect("defined");
    assert!(g[1].abs() < 1e-10 && g[2].abs() < 1e-10, "{g:?}");
    descends_to("fit-classes", (w, b), 50_000, 1e-9);
}

fn run(f: &gradfield::expr::Function, hyper: Hyper, optimizer: Optimizer) -> Path {
    let mut tape = f.tape();
    let mut path = Path::new((-0.5, 4.0), optimizer, hyper, &mut tape);
    path.run(&mut tape, 200, 0.0);
    path
}

#[test]
fn a_batch_of_every_point_is_gradient_descent_step_for_step() {
    let f = loss(Model::Linear, line_points());
    for optimizer in [Optimizer::Gd, Optimizer::Momentum, Optimizer::Adam] {
        let full = run(&f, Hyper::new(0.05), optimizer);
        for b in [48, 100] {
            let batched = run(
                &f,
                Hyper {
                    batch: Some(b),
                    ..Hyper::new(0.05)
                },
                optimizer,
            );
            assert_eq!(full.points.len(), batched.points.len());
            for (p, q) in full.points.iter().zip(&batched.points) {
                assert_eq!(
                    [p.x, p.y, p.f, p.dfdx, p.dfdy].map(f64::to_bits),
                    [q.x, q.y, q.f, q.dfdx, q.dfdy].map(f64::to_bits),
                    "{optimizer:?} B = {b}"
                );
            }
        }
    }
}

#[test]
fn a_seed_draws_the_same_path_twice_and_another_seed_another() {
    let f = loss(Model::Linear, line_points());
    let with = |seed| Hyper {
        batch: Some(5),
        seed,
        ..Hyper::new(0.05)
    };
    let a = run(&f, with(9), Optimizer::Gd);
    let b = run(&f, with(9), Optimizer::Gd);
    let c = run(&f, with(10), Optimizer::Gd);
    let xy = |p: &Path| {
        p.points
            .iter()
            .map(|q| (q.x.to_bits(), q.y.to_bits()))
            .collect::<Vec<_>>()
    };
    assert_eq!(xy(&a), xy(&b));
    assert_ne!(xy(&a), xy(&c));
    // And mini-batches are noisy: the path is not full-batch descent.
    assert_ne!(xy(&a), xy(&run(&f, Hyper::new(0.05), Optimizer::Gd)));
}

#[test]
fn an_epochs_mini_batch_gradients_average_to_the_full_gradient() {
    let f = loss(Model::Linear, line_points());
    let h = Hyper {
        batch: Some(8),
        seed: 4,
        ..Hyper::new(0.05)
    };
    let (w, b) = (0.3, 2.0);
    let mut tape = f.tape();
    let full = tape.gradient(w, b).expect("defined");
    // 48 points in batches of 8: an epoch is 6 steps; the second epoch too.
    for epoch in 0..2 {
        let mut sum = [0.0; 3];
        for k in 0..6 {
            tape.select_batch(h.batch_at(epoch * 6 + k));
            let g = tape.gradient(w, b).expect("defined");
            for c in 0..3 {
                sum[c] += g[c] / 6.0;
            }
            // Each batch alone is not the full gradient.
            assert_ne!(g[1].to_bits(), full[1].to_bits());
        }
        for c in 0..3 {
            assert!(
                (sum[c] - full[c]).abs() <= 1e-12 * (1.0 + full[c].abs()),
                "{sum:?} {full:?}"
            );
        }
    }
    // Batches of 10 (the last of each epoch 8 long): weighted by size, the same.
    let h = Hyper {
        batch: Some(10),
        ..h
    };
    let mut sum = [0.0; 3];
    for k in 0..5 {
        tape.select_batch(h.batch_at(k));
        let g = tape.gradient(w, b).expect("defined");
        let size = if k == 4 { 8.0 } else { 10.0 };
        for c in 0..3 {
            sum[c] += g[c] * size / 48.0;
        }
    }
    for c in 0..3 {
        assert!((sum[c] - full[c]).abs() <= 1e-12 * (1.0 + full[c].abs()));
    }
}

#[test]
fn the_suggested_rate_is_half_the_stable_limit_and_descends_without_overshooting() {
    let pts = line_points();
    let f = loss(Model::Linear, pts.clone());
    let n = pts.len() as f64;
    let mx2 = pts.iter().map(|p| p[0] * p[0]).sum::<f64>() / n;
    let mx = pts.iter().map(|p| p[0]).sum::<f64>() / n;
    // ∇²L = 2·[[mean x², mean x], [mean x, 1]]: its largest eigenvalue in closed form.
    let (a, b, c) = (2.0 * mx2, 2.0 * mx, 2.0);
    let lmax = 0.5 * (a + c) + (0.25 * (a - c).powi(2) + b * b).sqrt();
    let lr = fit::suggested_lr(&f, Model::Linear);
    assert!(
        (lr - 1.0 / lmax).abs() <= 1e-12 * lr,
        "{lr} vs {}",
        1.0 / lmax
    );
    let path = run(&f, Hyper::new(lr), Optimizer::Gd);
    for w in path.points.windows(2) {
        assert!(w[1].f <= w[0].f, "f rose: {} → {}", w[0].f, w[1].f);
    }
}

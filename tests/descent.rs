//! Tests of the optimizers and descent paths against values derived by hand or by an
//! independent recurrence, plus stopping, validation and the no-allocation promise.

use gradfield::descent::{step_all, Hyper, Optimizer, Path, Status};
use gradfield::expr::Evaluator;
use gradfield::Error;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// f = x² + 3y², ∇f = (2x, 6y), written out by hand.
/// The bowl x² + 3y² (`Quadratic(1.0)`) or its negative (`Quadratic(-1.0)`), with its
/// Hessian, so that every optimizer, Newton's method included, runs on it.
#[derive(Debug, Clone, Copy)]
struct Quadratic(f64);

impl Evaluator for Quadratic {
    fn channels(&mut self, x: f64, y: f64) -> [Option<f64>; 3] {
        let s = self.0;
        [s * (x * x + 3.0 * y * y), s * 2.0 * x, s * 6.0 * y].map(Some)
    }

    fn hessian(&mut self, _x: f64, _y: f64) -> Option<[f64; 3]> {
        Some([2.0 * self.0, 0.0, 6.0 * self.0])
    }
}

fn two_steps(optimizer: Optimizer, lr: f64) -> [(f64, f64); 2] {
    let mut path = Path::new((1.0, 1.0), optimizer, Hyper::new(lr), &mut Quadratic(1.0));
    assert!(path.step(&mut Quadratic(1.0), 0.0) && path.step(&mut Quadratic(1.0), 0.0));
    let p = &path.points;
    [(p[1].x, p[1].y), (p[2].x, p[2].y)]
}

#[track_caller]
fn close(actual: (f64, f64), expected: (f64, f64), tol: f64) {
    let ok = (actual.0 - expected.0).abs() <= tol && (actual.1 - expected.1).abs() <= tol;
    assert!(ok, "got {actual:?}, expected {expected:?} (±{tol})");
}

// Start (1, 1), g0 = (2, 6). Tolerance 1e-12: a few roundings of numbers of size ≤ 10; where
// ε enters, it moves the result by at most η·ε/√s ≈ 1e-9, so those use 1e-8.

#[test]
fn gd_first_two_steps() {
    // θ1 = (1 − 0.1·2, 1 − 0.1·6) = (0.8, 0.4); g1 = (1.6, 2.4); θ2 = (0.64, 0.16).
    let [s1, s2] = two_steps(Optimizer::Gd, 0.1);
    close(s1, (0.8, 0.4), 1e-12);
    close(s2, (0.64, 0.16), 1e-12);
}

#[test]
fn momentum_first_two_steps() {
    // b1 = (2, 6), θ1 = (0.8, 0.4); g1 = (1.6, 2.4), b2 = 0.9·(2, 6) + g1 = (3.4, 7.8),
    // θ2 = (0.8 − 0.34, 0.4 − 0.78) = (0.46, −0.38).
    let [s1, s2] = two_steps(Optimizer::Momentum, 0.1);
    close(s1, (0.8, 0.4), 1e-12);
    close(s2, (0.46, -0.38), 1e-12);
}

#[test]
fn nesterov_first_two_steps() {
    // b1 = (2, 6), θ1 = θ0 − 0.1·(g0 + 0.9·b1) = (1 − 0.38, 1 − 1.14) = (0.62, −0.14);
    // g1 = (1.24, −0.84), b2 = (1.8 + 1.24, 5.4 − 0.84) = (3.04, 4.56),
    // θ2 = θ1 − 0.1·(g1 + 0.9·b2) = (0.62 − 0.3976, −0.14 − 0.3264) = (0.2224, −0.4664).
    let [s1, s2] = two_steps(Optimizer::Nesterov, 0.1);
    close(s1, (0.62, -0.14), 1e-12);
    close(s2, (0.2224, -0.4664), 1e-12);
}

#[test]
fn adagrad_first_two_steps() {
    // s1 = (4, 36), θ1 = (1 − 0.1·2/2, 1 − 0.1·6/6) = (0.9, 0.9); g1 = (1.8, 5.4),
    // s2 = (7.24, 65.16) = (7.24, 9·7.24), so both coordinates move by 0.18/√7.24:
    // θ2 = 0.9 − 0.18/√7.24 ≈ 0.8331035 in x and y.
    let [s1, s2] = two_steps(Optimizer::AdaGrad, 0.1);
    close(s1, (0.9, 0.9), 1e-8);
    let t = 0.9 - 0.18 / 7.24f64.sqrt();
    close(s2, (t, t), 1e-8);
}

#[test]
fn rmsprop_first_two_steps() {
    // η = 0.01. v1 = 0.01·(4, 36) = (0.04, 0.36), √v1 = (0.2, 0.6), θ1 = (1 − 0.1, 1 − 0.1);
    // g1 = (1.8, 5.4), v2 = 0.99·v1 + 0.01·g1² = (0.072, 0.648) = (0.072, 9·0.072):
    // θ2 = 0.9 − 0.018/√0.072 ≈ 0.8329180 in x and y.
    let [s1, s2] = two_steps(Optimizer::RmsProp, 0.01);
    close(s1, (0.9, 0.9), 1e-8);
    let t = 0.9 - 0.018 / 0.072f64.sqrt();
    close(s2, (t, t), 1e-8);
}

#[test]
fn adam_first_two_steps() {
    // t = 1: m̂ = g0, v̂ = g0², step η·sign(g0): θ1 = (0.9, 0.9); g1 = (1.8, 5.4).
    // m2 = 0.9·(0.2, 0.6) + 0.1·g1 = (0.36, 1.08); v2 = 0.999·(0.004, 0.036) + 0.001·g1²
    // = (0.007236, 0.065124); m̂ = m2/0.19, v̂ = v2/0.001999; y is x scaled by 3, so
    // θ2 = 0.9 − 0.1·(0.36/0.19)/√(0.007236/0.001999) ≈ 0.8004122 in x and y.
    let [s1, s2] = two_steps(Optimizer::Adam, 0.1);
    close(s1, (0.9, 0.9), 1e-8);
    let t = 0.9 - 0.1 * (0.36 / 0.19) / (0.007236f64 / 0.001999).sqrt();
    close(s2, (t, t), 1e-8);
}

#[test]
fn gd_matches_closed_form_over_many_steps() {
    // θk = ((1 − 2η)^k x0, (1 − 6η)^k y0) on x² + 3y²; relative 1e-12 covers 60 roundings.
    let (eta, x0, y0) = (0.05, -3.0, 2.5);
    let mut path = Path::new(
        (x0, y0),
        Optimizer::Gd,
        Hyper::new(eta),
        &mut Quadratic(1.0),
    );
    path.run(&mut Quadratic(1.0), 60, 0.0);
    assert_eq!(path.status, Status::StepLimit);
    assert_eq!(path.iterations(), 60);
    for (k, p) in path.points.iter().enumerate() {
        let (ex, ey) = (
            (1.0 - 2.0 * eta).powi(k as i32) * x0,
            (1.0 - 6.0 * eta).powi(k as i32) * y0,
        );
        assert!(
            (p.x - ex).abs() <= 1e-12 * ex.abs(),
            "step {k}: {} vs {ex}",
            p.x
        );
        assert!(
            (p.y - ey).abs() <= 1e-12 * ey.abs(),
            "step {k}: {} vs {ey}",
            p.y
        );
    }
}

#[test]
fn momentum_matches_its_linear_recurrence() {
    // On f = x², b_k = (x_{k−1} − x_k)/η gives x_k = (1 + μ − 2η)·x_{k−1} − μ·x_{k−2} with
    // x_{−1} = x_0 (b0 = 0). The orbit oscillates and shrinks; absolute 1e-12 on |x| ≤ 2.
    let mut line = |x: f64, _y: f64| Some([x * x, 2.0 * x, 0.0]);
    let (eta, mu) = (0.05, 0.9);
    let mut path = Path::new((2.0, 0.0), Optimizer::Momentum, Hyper::new(eta), &mut line);
    path.run(&mut line, 100, 0.0);
    let (mut prev, mut cur) = (2.0, 2.0);
    for (k, p) in path.points.iter().enumerate().skip(1) {
        (prev, cur) = (cur, (1.0 + mu - 2.0 * eta) * cur - mu * prev);
        assert!((p.x - cur).abs() < 1e-12, "step {k}: {} vs {cur}", p.x);
        assert_eq!(p.y, 0.0);
    }
    assert!(
        cur.abs() < 0.1,
        "the recurrence should have contracted, got {cur}"
    );
}

#[test]
fn adam_first_step_has_length_lr_in_each_coordinate() {
    // Δ = η·g/(|g| + ε): relative error ε/|g| ≤ 1e-8/0.06 < 1e-6.
    let mut path = Path::new(
        (3.0, -0.01),
        Optimizer::Adam,
        Hyper::new(0.25),
        &mut Quadratic(1.0),
    );
    path.step(&mut Quadratic(1.0), 0.0);
    let p = path.points[1];
    assert!(((3.0 - p.x) - 0.25).abs() < 0.25e-6, "dx = {}", 3.0 - p.x);
    // g_y = −0.06 < 0, so y moves up by η.
    assert!(((p.y + 0.01) - 0.25).abs() < 0.25e-6, "dy = {}", p.y + 0.01);
}

#[test]
fn gd_with_too_large_a_step_diverges_and_keeps_finite_points() {
    // η = 1.5 on x²: x_k = (1 − 3)^k = (−2)^k; 2^50 ≈ 1.13e15 is the first beyond 1e15.
    let mut line = |x: f64, _y: f64| Some([x * x, 2.0 * x, 0.0]);
    let mut path = Path::new((1.0, 0.0), Optimizer::Gd, Hyper::new(1.5), &mut line);
    path.run(&mut line, 1000, 1e-9);
    match &path.status {
        Status::Diverged { step: 50, reason } => assert!(reason.contains("1e15"), "{reason}"),
        other => panic!("expected divergence at step 50, got {other:?}"),
    }
    assert_eq!(path.points.len(), 50);
    assert_eq!(path.current().x, (-2.0f64).powi(49));
    assert!(path
        .points
        .iter()
        .all(|p| p.x.is_finite() && p.f.is_finite()));
    assert!(path.status.to_string().starts_with("diverged at step 50"));
    assert!(!path.step(&mut line, 1e-9), "a stopped path must not move");
}

#[test]
fn leaving_the_domain_or_overflowing_stops_the_path() {
    // f = x on x > 0, η = 0.1 from 0.25: 0.15, 0.05, then −0.05 is outside at step 3.
    let mut half_line = |x: f64, _y: f64| (x > 0.0).then_some([x, 1.0, 0.0]);
    let mut path = Path::new((0.25, 0.0), Optimizer::Gd, Hyper::new(0.1), &mut half_line);
    path.run(&mut half_line, 10, 0.0);
    assert!(
        matches!(&path.status, Status::Diverged { step: 3, reason } if reason.starts_with("f or ∇f is undefined at"))
    );
    assert_eq!(path.points.len(), 3);
    // A gradient of 1e308 times η = 10 overflows to −∞ on the first step.
    let mut steep = |_x: f64, _y: f64| Some([0.0, 1e308, 0.0]);
    let mut path = Path::new((0.0, 0.0), Optimizer::Gd, Hyper::new(10.0), &mut steep);
    assert!(!path.step(&mut steep, 0.0));
    assert!(
        matches!(&path.status, Status::Diverged { step: 1, reason } if reason == "iterate is not finite")
    );
}

#[test]
fn ascent_on_f_retraces_descent_on_minus_f() {
    for opt in Optimizer::ALL {
        let mut up = Hyper::new(0.05);
        up.ascent = true;
        let mut a = Path::new((0.7, -1.3), opt, up, &mut Quadratic(1.0));
        let mut d = Path::new((0.7, -1.3), opt, Hyper::new(0.05), &mut Quadratic(-1.0));
        a.run(&mut Quadratic(1.0), 20, 0.0);
        d.run(&mut Quadratic(-1.0), 20, 0.0);
        let xy = |p: &Path| p.points.iter().map(|q| (q.x, q.y)).collect::<Vec<_>>();
        assert_eq!(xy(&a), xy(&d), "{opt}");
        // Newton's step is the same for ascent (it seeks where ∇f = 0): the bowl's minimum.
        if opt != Optimizer::Newton {
            assert!(a.current().f > a.points[0].f, "{opt}: ascent must climb");
        }
    }
}

#[test]
fn converges_when_the_gradient_is_below_tol() {
    // |∇f_k| = |(2·0.8^k, 6·0.4^k)| for gd with η = 0.1 from (1, 1).
    let tol = 1e-6;
    let expected = (0..)
        .find(|&k| (2.0 * 0.8f64.powi(k)).hypot(6.0 * 0.4f64.powi(k)) <= tol)
        .unwrap() as usize;
    let mut path = Path::new(
        (1.0, 1.0),
        Optimizer::Gd,
        Hyper::new(0.1),
        &mut Quadratic(1.0),
    );
    path.run(&mut Quadratic(1.0), 1000, tol);
    assert_eq!(path.status, Status::Converged { step: expected });
    assert_eq!(path.iterations(), expected);
    assert_eq!(
        path.status.to_string(),
        format!("converged at step {expected}")
    );
    // Starting at the minimum converges at once, except with tol = 0, which never converges.
    let mut at_min = Path::new(
        (0.0, 0.0),
        Optimizer::Adam,
        Hyper::new(0.1),
        &mut Quadratic(1.0),
    );
    at_min.run(&mut Quadratic(1.0), 5, 1e-9);
    assert_eq!(at_min.status, Status::Converged { step: 0 });
    at_min.restart((0.0, 0.0), &mut Quadratic(1.0));
    at_min.run(&mut Quadratic(1.0), 5, 0.0);
    assert_eq!(
        (at_min.status.clone(), at_min.iterations()),
        (Status::StepLimit, 5)
    );
    // Gradients and tolerances whose squares underflow are still compared correctly.
    let mut flat = |_x: f64, _y: f64| Some([0.0, 1e-190, 0.0]);
    for (tol, done) in [(1e-200, false), (1e-180, true)] {
        let mut p = Path::new((0.0, 0.0), Optimizer::Gd, Hyper::new(1.0), &mut flat);
        p.run(&mut flat, 1, tol);
        assert_eq!(
            matches!(p.status, Status::Converged { step: 0 }),
            done,
            "{tol}"
        );
    }
}

#[test]
fn bad_hyperparameters_are_named() {
    assert!(Hyper::new(0.1).validate().is_ok());
    type Spoil = fn(&mut Hyper);
    let cases: [(&str, Spoil); 10] = [
        ("learning rate", |h| h.lr = 0.0),
        ("learning rate", |h| h.lr = f64::NAN),
        ("learning rate", |h| h.lr = f64::INFINITY),
        ("momentum", |h| h.momentum = 1.0),
        ("momentum", |h| h.momentum = -0.1),
        ("alpha", |h| h.alpha = 0.0),
        ("alpha", |h| h.alpha = 1.0),
        ("beta1", |h| h.beta1 = 1.0),
        ("beta2", |h| h.beta2 = f64::NAN),
        ("eps", |h| h.eps = Some(0.0)),
    ];
    for (name, spoil) in cases {
        let mut h = Hyper::new(0.1);
        spoil(&mut h);
        match h.validate() {
            Err(Error::Input(msg)) => assert!(msg.starts_with(name), "{msg}"),
            other => panic!("{name}: expected an input error, got {other:?}"),
        }
    }
}

#[test]
fn undefined_start_is_reported_and_never_steps() {
    let mut log_x = |x: f64, _y: f64| (x > 0.0).then(|| [x.ln(), 1.0 / x, 0.0]);
    for start in [(-1.0, 0.0), (f64::NAN, 0.0), (2e15, 0.0)] {
        let mut path = Path::new(start, Optimizer::Momentum, Hyper::new(0.1), &mut log_x);
        assert_eq!(path.status, Status::Undefined { step: 0 }, "{start:?}");
        assert!(path.current().f.is_nan() && path.points.len() == 1);
        assert!(!path.step(&mut log_x, 0.0) && !path.is_running());
        path.restart((1.0, 0.0), &mut log_x);
        assert!(path.is_running() && path.step(&mut log_x, 0.0));
    }
}

#[test]
fn optimizer_names_parse_and_print() {
    for opt in Optimizer::ALL {
        assert_eq!(opt.to_string().parse::<Optimizer>().unwrap(), opt);
        assert_eq!(opt.name().to_uppercase().parse::<Optimizer>().unwrap(), opt);
    }
    match "sgd".parse::<Optimizer>() {
        Err(Error::Input(msg)) => assert!(msg.contains("sgd") && msg.contains("rmsprop, adam")),
        other => panic!("expected an input error, got {other:?}"),
    }
}

#[test]
fn restart_resets_state_and_step_all_matches_single_steps() {
    let mut paths: Vec<Path> = [(1.0, 1.0), (-2.0, 0.5), (0.3, -0.7)]
        .into_iter()
        .map(|s| {
            Path::new(
                s,
                Optimizer::Nesterov,
                Hyper::new(0.05),
                &mut Quadratic(1.0),
            )
        })
        .collect();
    let mut singles = paths.clone();
    for _ in 0..10 {
        assert_eq!(step_all(&mut paths, &mut Quadratic(1.0), 0.0), 3);
    }
    for (p, s) in paths.iter().zip(&mut singles) {
        s.run(&mut Quadratic(1.0), 10, 0.0);
        assert_eq!(p.points, s.points);
        let mut again = p.clone();
        again.restart(p.start, &mut Quadratic(1.0));
        again.run(&mut Quadratic(1.0), 10, 0.0);
        assert_eq!(again.points, p.points, "restart must forget the velocity");
    }
}

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

/// Counts allocations made by the current thread (tests run on several threads).
struct Counting;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn stepping_within_capacity_does_not_allocate() {
    for opt in Optimizer::ALL {
        let mut path =
            Path::with_capacity((1.0, -1.0), opt, Hyper::new(0.01), 201, &mut Quadratic(1.0));
        let before = ALLOCATIONS.with(Cell::get);
        path.run(&mut Quadratic(1.0), 200, 0.0);
        assert_eq!(ALLOCATIONS.with(Cell::get), before, "{opt}");
        assert_eq!(path.iterations(), 200);
    }
}

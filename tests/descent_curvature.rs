//! How big the step should be: Newton's method, the Armijo line search, learning-rate
//! schedules and the largest stable step 2/λmax, on the CPU and through `gradfield descend`.

mod common;

use common::gradfield;
use gradfield::curvature::{stable_lr, Curvature, Kind};
use gradfield::descent::line_search::ARMIJO_C;
use gradfield::descent::{Hyper, LineSearch, Optimizer, Path, Schedule, Status, Stop};
use gradfield::expr::Function;

fn run(text: &str, start: (f64, f64), optimizer: Optimizer, hyper: Hyper, steps: usize) -> Path {
    let f = Function::parse(text).unwrap();
    let mut grad = f.tape_with_hessian();
    let mut p = Path::new(start, optimizer, hyper, &mut grad);
    p.run(&mut grad, steps, 0.0);
    p
}

#[test]
fn newton_reaches_the_minimum_of_a_positive_definite_quadratic_in_one_step() {
    // H = [[2, 1], [1, 6]]; the minimum solves 2x + y − 2 = 0, x + 6y + 12 = 0.
    let p = run(
        "(x - 1)^2 + 3*(y + 2)^2 + x*y",
        (4.0, 5.0),
        Optimizer::Newton,
        Hyper::new(1.0),
        1,
    );
    let (x, y) = (p.points[1].x, p.points[1].y);
    let (ex, ey) = (24.0 / 11.0, -26.0 / 11.0);
    assert!(
        (x - ex).abs() < 1e-12 && (y - ey).abs() < 1e-12,
        "({x}, {y})"
    );
    assert!(p.points[1].dfdx.abs() < 1e-12 && p.points[1].dfdy.abs() < 1e-12);
}

#[test]
fn newton_from_near_a_saddle_converges_to_the_saddle() {
    let text = "x^2 - y^2 + x^3";
    let p = run(text, (0.2, -0.15), Optimizer::Newton, Hyper::new(1.0), 8);
    let last = p.current();
    assert!(
        last.x.hypot(last.y) < 1e-12,
        "ended at ({}, {})",
        last.x,
        last.y
    );
    let f = Function::parse(text).unwrap();
    let h = f.hessian_at(last.x, last.y);
    let c = Curvature::of([h[3].unwrap(), h[4].unwrap(), h[5].unwrap()]).unwrap();
    assert_eq!(c.kind, Kind::Saddle, "Newton is drawn to the saddle");
    // Plain descent from the same start leaves it.
    let gd = run(text, (0.2, -0.15), Optimizer::Gd, Hyper::new(0.1), 60);
    assert!(gd.current().y.abs() > 1.0, "gd escapes along y");
}

#[test]
fn a_singular_hessian_stops_the_path_with_its_reason() {
    let p = run("x + y^2", (1.0, 1.0), Optimizer::Newton, Hyper::new(1.0), 5);
    match &p.status {
        Status::Stopped {
            step: 1,
            stop: Stop::SingularHessian { det },
        } => assert_eq!(*det, 0.0),
        other => panic!("{other:?}"),
    }
    assert_eq!(p.points.len(), 1);
    assert!(p
        .status
        .to_string()
        .starts_with("stopped at step 1: singular Hessian"));
}

#[test]
fn armijo_steps_decrease_f_enough_and_count_their_halvings() {
    let text = "(1 - x)^2 + 100*(y - x^2)^2";
    let f = Function::parse(text).unwrap();
    let hyper = Hyper {
        line_search: LineSearch::Armijo,
        ..Hyper::new(1.0)
    };
    for optimizer in [Optimizer::Gd, Optimizer::Newton] {
        let mut grad = f.tape_with_hessian();
        let mut p = Path::new((-1.2, 1.0), optimizer, hyper, &mut grad);
        let mut halvings = 0;
        for _ in 0..40 {
            if !p.step(&mut grad, 0.0) {
                break;
            }
            let s = *p.last_step().unwrap();
            let n = s.halvings.expect("a line search counts its halvings");
            halvings += n as usize;
            assert_eq!(s.lr, 2f64.powi(-(n as i32)), "η = 1 halved {n} times");
            // The direction p = Δθ/t; Armijo: f(θ + t·p) ≤ f(θ) + c·t·∇f·p.
            let d = s.taken();
            let slope = (s.grad[0] * d[0] + s.grad[1] * d[1]) / s.lr;
            assert!(s.next_f <= s.f + ARMIJO_C * s.lr * slope, "step {}", s.k);
            // Along a descent direction the accepted step lowers f (Newton's direction
            // climbs where ∇²f is indefinite, and Armijo's rule then allows a rise).
            if slope < 0.0 {
                assert!(s.next_f < s.f, "{optimizer} step {}", s.k);
            }
        }
        assert_eq!(
            p.trials().len(),
            halvings,
            "{optimizer}: one dot per rejected trial"
        );
        assert!(
            halvings > 0,
            "{optimizer}: η = 1 is too long on Rosenbrock at first"
        );
    }
}

/// ηₖ as a function of k.
type Formula = fn(f64) -> f64;

#[test]
fn each_schedule_gives_its_formula_step_by_step() {
    let base = 0.5;
    let table: [(Schedule, Formula); 5] = [
        (Schedule::Const, |_| 0.5),
        (Schedule::Exp { gamma: 0.9 }, |k| 0.5 * 0.9f64.powf(k)),
        (
            Schedule::Step {
                every: 3,
                gamma: 0.5,
            },
            |k| 0.5 * 0.5f64.powf((k / 3.0).floor()),
        ),
        (Schedule::Inv { decay: 0.25 }, |k| 0.5 / (1.0 + 0.25 * k)),
        (Schedule::Cosine { steps: 8 }, |k| {
            0.5 * (1.0 + (std::f64::consts::PI * k.min(8.0) / 8.0).cos()) / 2.0
        }),
    ];
    for (schedule, formula) in table {
        // f = x + y has ∇f = (1, 1): each step moves x by exactly −ηₖ.
        let hyper = Hyper {
            schedule,
            ..Hyper::new(base)
        };
        for optimizer in [Optimizer::Gd, Optimizer::Momentum] {
            let p = run("x + y", (0.0, 0.0), optimizer, hyper, 12);
            for k in 0..12 {
                let want = formula(k as f64);
                let lr = p.points[k].lr.expect("a step was taken");
                assert!((lr - want).abs() < 1e-15, "{schedule} step {k}");
            }
            assert_eq!(
                p.points[12].lr, None,
                "no step was taken from the last point"
            );
        }
        let gd = run("x + y", (0.0, 0.0), Optimizer::Gd, hyper, 12);
        for k in 0..12 {
            let moved = gd.points[k].x - gd.points[k + 1].x;
            assert!((moved - formula(k as f64)).abs() < 1e-12);
        }
    }
}

#[test]
fn the_largest_stable_step_divides_converging_from_diverging_descent() {
    let f = Function::parse("x^2 + 10*y^2").unwrap();
    for (x, y) in [(0.0, 0.0), (3.0, -2.0), (-7.5, 0.25)] {
        let h = f.hessian_at(x, y);
        assert_eq!(
            stable_lr([h[3].unwrap(), h[4].unwrap(), h[5].unwrap()]),
            0.1
        );
    }
    let below = run(
        "x^2 + 10*y^2",
        (1.0, 1.0),
        Optimizer::Gd,
        Hyper::new(0.099),
        3000,
    );
    let above = run(
        "x^2 + 10*y^2",
        (1.0, 1.0),
        Optimizer::Gd,
        Hyper::new(0.101),
        3000,
    );
    assert!(below.current().y.abs() < 1e-10, "η below 2/λmax converges");
    assert!(
        matches!(above.status, Status::Diverged { .. }) || above.current().y.abs() > 1e3,
        "η above 2/λmax diverges: {:?}",
        above.status
    );
}

#[test]
fn descend_writes_the_step_size_taken_in_an_lr_column() {
    let out = gradfield(&[
        "descend",
        "x^2 + y^2",
        "--start",
        "1,1",
        "--lr",
        "0.4",
        "--schedule",
        "inv:1",
        "--steps",
        "2",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "path,step,x,y,f,dfdx,dfdy,lr");
    let lr = |row: &str| row.rsplit(',').next().unwrap().to_string();
    assert_eq!(
        [lr(rows[1]), lr(rows[2]), lr(rows[3])],
        ["0.4", "0.2", "NaN"]
    );
    let newton = gradfield(&[
        "descend",
        "x^2 + 3*y^2",
        "--start",
        "1,1",
        "--optimizer",
        "newton",
        "--steps",
        "1",
    ]);
    let text = String::from_utf8(newton.stdout).unwrap();
    assert!(
        text.lines().nth(2).unwrap().starts_with("0,1,0,0,0,"),
        "{text}"
    );
    assert!(
        text.lines().nth(1).unwrap().ends_with(",1"),
        "Newton's η defaults to 1: {text}"
    );
}

#[test]
fn bad_schedules_and_options_that_do_not_apply_exit_2_naming_the_flag() {
    for (args, flag, why) in [
        (vec!["--schedule", "exp:0"], "--schedule", "G must be"),
        (vec!["--schedule", "exp:-2"], "--schedule", "G must be"),
        (vec!["--schedule", "step:0:0.5"], "--schedule", "N must be"),
        (vec!["--schedule", "inv:-1"], "--schedule", "D must be"),
        (vec!["--schedule", "cosine:0"], "--schedule", "N must be"),
        (
            vec!["--schedule", "warmup:5"],
            "--schedule",
            "expected const",
        ),
        (
            vec!["--line-search", "armijo", "--optimizer", "adam"],
            "--line-search",
            "gd and newton",
        ),
        (vec!["--line-search", "wolfe"], "--line-search", "armijo"),
        (
            vec!["--optimizer", "newton", "--all-variables"],
            "--all-variables",
            "newton",
        ),
    ] {
        let mut all = vec!["descend", "x^2 + y^2", "--start", "1,1"];
        all.extend(&args);
        expect_refused(&all, flag, why);
    }
    // The same flags on the other commands that run an optimizer.
    let out = std::env::temp_dir().join(format!("gradfield-curv-{}.png", std::process::id()));
    let png = out.to_str().unwrap();
    let npy = out.with_extension("npy");
    for cmd in [
        vec!["render", "x^2 + y^2", "--start", "1,1", "--out", png],
        vec!["converge", "x^2 + y^2", "--out", npy.to_str().unwrap()],
        vec!["explore", "x^2 + y^2", "--frames", "1"],
    ] {
        let mut all = cmd.clone();
        all.extend(["--schedule", "inv:-1"]);
        expect_refused(&all, "--schedule", "D must be");
        let mut all = cmd.clone();
        all.extend(["--optimizer", "rmsprop", "--line-search", "armijo"]);
        expect_refused(&all, "--line-search", "gd and newton");
    }
    assert!(!out.exists() && !npy.exists(), "nothing is written");
}

/// Runs gradfield with `args` and checks that it exits 2 with one line naming `flag`.
fn expect_refused(args: &[&str], flag: &str, why: &str) {
    let out = gradfield(args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "{args:?}: one line, got {err}"
    );
    assert!(err.contains(flag) && err.contains(why), "{args:?}: {err}");
}

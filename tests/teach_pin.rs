//! The pin's lessons: the slices' formulas with the held variable substituted (a table, and
//! against the exact evaluator), the gradient check at the pin against a hand computation, and
//! points typed and snapped (the level curve: tests/teach_level.rs). Each was missing before:
//! the slices showed only curves and slopes, and the pin could only be dragged.

use gradfield::expr::{eval::eval, Evaluator, Function, Var};
use gradfield::teach;

fn f(text: &str) -> Function {
    Function::parse(text).expect("test function parses")
}

/// The slice's two formulas as the panel writes them: "f(x, 2) = 2x² + 8", "4x".
fn written(text: &str, held: Var, v: f64) -> (String, String) {
    let func = f(text);
    let s = teach::slice_formula(&func, held, v);
    (format!("{} {} {}", s.call(&func), s.relation(), s.f), s.df)
}

#[test]
fn slice_formulas_substitute_the_held_value_and_simplify() {
    for (text, held, v, fx, dfx) in [
        // The example: x²y + y³ held at y₀ = 2.
        ("x^2*y + y^3", Var::Y, 2.0, "f(x, 2) = 2x² + 8", "4x"),
        ("x^2*y + y^3", Var::X, 2.0, "f(2, y) = 4y + y³", "3y² + 4"),
        ("sin(x)*cos(y)", Var::Y, 0.0, "f(x, 0) = sin(x)", "cos(x)"),
        ("exp(x*y)", Var::Y, 1.0, "f(x, 1) = exp(x)", "exp(x)"),
        ("ln(x*y)", Var::Y, 3.0, "f(x, 3) = ln(3x)", "1/x"),
        (
            "sqrt(1 - x^2 - y^2)",
            Var::Y,
            0.5,
            "f(x, 0.5) = √(0.75 − x²)",
            "−x/√(0.75 − x²)",
        ),
        ("x*y", Var::Y, -1.0, "f(x, -1) = −x", "−1"),
        (
            "x^3 - 3*x*y^2",
            Var::Y,
            0.5,
            "f(x, 0.5) = x³ − 0.75x",
            "3x² − 0.75",
        ),
        (
            "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            Var::Y,
            2.0,
            "f(x, 2) = (x² − 9)² + (x − 3)²",
            "4x(x² − 9) + 2(x − 3)",
        ),
        // A held value that is not round is written to six digits, and the formula says ≈.
        (
            "x^2 + y^2",
            Var::X,
            1.23456789,
            "f(1.23457, y) ≈ 1.23457² + y²",
            "2y",
        ),
        // The user's names.
        ("f(w, b) = w*b + b^2", Var::Y, 3.0, "f(w, 3) = 3w + 9", "3"),
    ] {
        let (got_f, got_df) = written(text, held, v);
        assert_eq!(got_f, fx, "{text} held at {v}");
        assert_eq!(got_df, dfx, "{text} held at {v}");
    }
}

/// Functions with curvature, domains and large values, and held values round and not.
const SLICES: &[(&str, f64)] = &[
    ("x^2*y + y^3", 2.0),
    ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", -1.7),
    ("sin(x) * cos(y) + x*y/5", 0.8),
    ("exp(-(x^2 + y^2)/4) * 30", 1.5),
    ("ln(x*y)", 0.3),
    ("sqrt(1 - x^2 - y^2)", -0.4),
    ("x^3 - 3*x*y^2 + abs(y - x)", 1.25),
    ("atan2(y, x) + y^0.5", 0.7),
];

#[test]
fn substituted_slices_equal_f_and_its_derivative_at_the_held_value() {
    for &(text, v) in SLICES {
        let func = f(text);
        let mut tree = func.tree();
        for held in [Var::X, Var::Y] {
            let [g, dg] = teach::slice_trees(&func, held, v);
            for i in 0..=200 {
                let t = -3.0 + 6.0 * f64::from(i) / 200.0;
                let (x, y) = if held == Var::X { (v, t) } else { (t, v) };
                // The held coordinate is NaN for the slice's tree: it must not be read.
                let (sx, sy) = if held == Var::X {
                    (f64::NAN, t)
                } else {
                    (t, f64::NAN)
                };
                let [want_f, want_dx, want_dy] = tree.channels(x, y);
                let want_d = if held == Var::X { want_dy } else { want_dx };
                let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                    (Some(a), Some(b)) => (a - b).abs() <= 1e-12 * a.abs().max(1.0),
                    (None, None) => true,
                    _ => false,
                };
                let got_f = eval(&g, sx, sy);
                assert!(
                    close(got_f, want_f),
                    "{text} {held:?}={v} at {t}: {got_f:?} vs {want_f:?}"
                );
                // The derivative is compared where f is defined (the reference's rule).
                let got_d = want_f.and(eval(&dg, sx, sy));
                assert!(
                    close(got_d, want_d),
                    "{text} {held:?}={v} at {t}: d {got_d:?} vs {want_d:?}"
                );
            }
        }
    }
}

#[test]
fn the_written_slice_formulas_parse_back_to_the_slice() {
    // Round held values: the formula is exact ("="), so the text itself must be the slice
    // wherever both are defined (the formula for reading may cancel factors).
    for &(text, v) in &[
        ("x^2*y + y^3", 2.0),
        ("sin(x) * cos(y) + x*y/5", 0.5),
        ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", -2.0),
        ("ln(x*y)", 3.0),
        ("x^3 - 3*x*y^2", 0.25),
    ] {
        let func = f(text);
        let mut tree = func.tree();
        let s = teach::slice_formula(&func, Var::Y, v);
        assert_eq!(s.relation(), "=", "{text}");
        let g = f(&s.f);
        let dg = f(&s.df);
        for i in 0..=60 {
            let x = -2.9 + 5.8 * f64::from(i) / 60.0;
            let [want, want_d, _] = tree.channels(x, v);
            if let (Some(a), Some(b)) = (g.tree().value(x, 0.0), want) {
                assert!(
                    (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                    "{text} at {x}: {} gives {a}, f {b}",
                    s.f
                );
            }
            if let (Some(a), Some(b)) = (dg.tree().value(x, 0.0), want_d) {
                assert!(
                    (a - b).abs() <= 1e-9 * b.abs().max(1.0),
                    "{text} at {x}: {} gives {a}, ∂f {b}",
                    s.df
                );
            }
        }
    }
}

#[test]
fn held_values_are_short_and_exact_where_round() {
    for (v, text, exact) in [
        (2.0, "2", true),
        (-0.25, "-0.25", true),
        (1e-7, "0.0000001", true),
        (1.23456789, "1.23457", false),
        (-1234567.8, "-1234570", false),
    ] {
        let h = teach::held_value(v);
        assert_eq!((h.text.as_str(), h.exact), (text, exact), "{v}");
        assert_eq!(
            h.text.parse::<f64>().ok(),
            Some(h.value),
            "the text is the value: {v}"
        );
    }
}

#[test]
fn the_gradient_check_at_a_point_matches_a_hand_computation() {
    // f = x³ + 2y² at (1, 1), h = 0.1 by hand:
    //   ∂x: ((1.1)³ − (0.9)³) / 0.2 = (1.331 − 0.729) / 0.2 = 3.01 (exact 3),
    //   ∂y: (2·1.21 − 2·0.81) / 0.2 = 4 (exact 4: central differences are exact on y²),
    //   relative error |(0.01, 0)| / |(3, 4)| = 0.01 / 5 = 0.002.
    let func = f("x^3 + 2*y^2");
    let c = teach::point_check(&func, (1.0, 1.0), 0.1).expect("defined");
    assert_eq!(c.exact, (3.0, 4.0));
    let (nx, ny) = c.numeric.expect("defined at ± h");
    assert!(
        (nx - 3.01).abs() < 1e-12 && (ny - 4.0).abs() < 1e-12,
        "{nx} {ny}"
    );
    assert!((c.absolute().unwrap() - 0.01).abs() < 1e-12);
    assert!((c.relative().unwrap() - 0.002).abs() < 1e-12);

    // The default h is near f64's best: on a smooth function the error is tiny; a tiny h
    // is worse (rounding), a large one too (truncation).
    let func = f("sin(3*x) * exp(y)");
    let at = (0.4, -0.3);
    let rel = |h: f64| {
        teach::point_check(&func, at, h)
            .unwrap()
            .relative()
            .unwrap()
    };
    let best = rel(teach::DEFAULT_POINT_CHECK_STEP);
    assert!(best < 1e-9, "h = 1e-5: {best}");
    assert!(rel(1e-12) > 10.0 * best, "h = 1e-12: {}", rel(1e-12));
    assert!(rel(1e-1) > 10.0 * best, "h = 0.1: {}", rel(1e-1));

    // ∇f = 0: no relative error, the absolute one is there.
    let c = teach::point_check(&f("x^2 + y^2"), (0.0, 0.0), 1e-3).unwrap();
    assert_eq!((c.relative(), c.absolute()), (None, Some(0.0)));
    // f undefined at x − h: no numeric gradient; f undefined at the point: no check.
    let c = teach::point_check(&f("sqrt(x) + y"), (0.05, 0.0), 0.1).unwrap();
    assert_eq!(c.numeric, None);
    assert!(teach::point_check(&f("sqrt(x)"), (-1.0, 0.0), 1e-5).is_none());
    assert!(teach::point_check(&f("x"), (1.0, 0.0), 0.0).is_none());
}

#[test]
fn typed_points_read_in_three_spellings() {
    for text in [
        "2, 1",
        "2 1",
        "(2, 1)",
        " ( 2 ,1 ) ",
        "2,1",
        "2.0\t1e0",
        "2,\n1\n",
    ] {
        assert_eq!(teach::parse_point(text).unwrap(), (2.0, 1.0), "{text:?}");
    }
    assert_eq!(teach::parse_point("-0.5, -3e-2").unwrap(), (-0.5, -0.03));
}

#[test]
fn dragged_points_snap_to_round_decimals() {
    for (v, step, want) in [
        (1.2345, 0.1, 1.2),
        (0.29999, 0.1, 0.3),
        (-0.26, 0.05, -0.25),
        (0.75, 0.2, 0.8),
        (12.6, 5.0, 15.0),
        (-0.0034, 0.002, -0.004),
        (3.3, 0.0, 3.3),
    ] {
        assert_eq!(teach::snap(v, step), want, "{v} to {step}");
    }
    // A tenth of the 1-2-5 tick spacing: 6 units on 800 px with a tick per 100 px is a tick
    // every 1 (6/8 = 0.75 → 1), a snap every 0.1; 0.5 units on 1000 px: ticks 0.05, snap 0.005.
    assert_eq!(teach::snap_step(6.0, 800.0, 100.0), 0.1);
    assert_eq!(teach::snap_step(0.5, 1000.0, 100.0), 0.005);
    assert_eq!(teach::snap_step(300.0, 700.0, 100.0), 5.0);
    assert_eq!(teach::snap_step(0.0, 700.0, 100.0), 0.0);
}

//! The teaching maths: slice slopes against central differences of the slice samples, the
//! tangent line touching its curve, gaps at undefined points, the directional derivative
//! against a numeric directional difference, its maximum and zeros, and sweep factor parsing.

use gradfield::expr::Function;
use gradfield::teach::{
    self, directional, directional_curve, grad_angle, parse_factors, segments, slice_x, slice_y,
    special_direction, tangent, Special,
};

fn f(text: &str) -> Function {
    Function::parse(text).expect("test function parses")
}

/// Functions with curvature, negative coordinates and large values (himmelblau ~ 100s).
const CASES: &[(&str, (f64, f64))] = &[
    ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", (-2.3, 1.7)),
    ("sin(x) * cos(y) + x*y/5", (0.8, -1.1)),
    ("exp(-(x^2 + y^2)/4) * 30", (1.5, 0.4)),
    ("x^3 - 3*x*y^2", (-1.2, -0.6)),
];

#[test]
fn slice_slopes_equal_central_differences_of_the_slice_samples() {
    // n odd and the range centred on the pin, so the middle sample is the pin itself.
    let (n, half) = (201, 0.5);
    for &(text, (x0, y0)) in CASES {
        let func = f(text);
        let t = tangent(&func, (x0, y0)).expect("defined at the pin");
        let sx = slice_x(&func, y0, (x0 - half, x0 + half), n);
        let sy = slice_y(&func, x0, (y0 - half, y0 + half), n);
        let m = n / 2;
        assert!((sx[m].0 - x0).abs() < 1e-12 && (sy[m].0 - y0).abs() < 1e-12);
        let cd = |s: &[(f64, Option<f64>)]| {
            (s[m + 1].1.unwrap() - s[m - 1].1.unwrap()) / (s[m + 1].0 - s[m - 1].0)
        };
        // Central difference error with h = 0.005 is h²/6·|f'''| ≈ 4e-6·|f'''|; relative 1e-4 (floor 1e-4)
        // covers |f'''| up to ~25·(1 + |slope|) on these functions.
        let tol = |slope: f64| 1e-4 * (1.0 + slope.abs());
        assert!(
            (cd(&sx) - t.slope_x).abs() < tol(t.slope_x),
            "{text}: ∂f/∂x {} vs {}",
            t.slope_x,
            cd(&sx)
        );
        assert!(
            (cd(&sy) - t.slope_y).abs() < tol(t.slope_y),
            "{text}: ∂f/∂y {} vs {}",
            t.slope_y,
            cd(&sy)
        );
    }
}

#[test]
fn the_tangent_line_touches_the_curve_at_the_pin_and_nowhere_crosses_to_first_order() {
    for &(text, (x0, y0)) in CASES {
        let func = f(text);
        let t = tangent(&func, (x0, y0)).expect("defined");
        assert_eq!(t.line_x(x0), t.f);
        assert_eq!(t.line_y(y0), t.f);
        assert_eq!(t.f, func.eval(x0, y0).unwrap()[0]);
        // Touching: the gap between curve and line shrinks like d² (ratio to d → 0). Halving
        // d must at least roughly quarter the gap (allow up to 0.3 for cubic terms).
        for (line, curve) in [
            (
                Box::new(|d: f64| t.line_x(x0 + d)) as Box<dyn Fn(f64) -> f64>,
                Box::new(|d: f64| func.eval(x0 + d, y0).unwrap()[0]) as Box<dyn Fn(f64) -> f64>,
            ),
            (
                Box::new(|d: f64| t.line_y(y0 + d)),
                Box::new(|d: f64| func.eval(x0, y0 + d).unwrap()[0]),
            ),
        ] {
            let gap = |d: f64| (curve(d) - line(d)).abs();
            let (g1, g2) = (gap(1e-2), gap(5e-3));
            assert!(g2 <= 0.3 * g1 + 1e-12, "{text}: gap {g1} then {g2}");
            // A wrong slope (off by 1) would leave a gap of about d itself.
            assert!(gap(1e-3) < 1e-3 * 0.1, "{text}: gap {}", gap(1e-3));
        }
    }
}

#[test]
fn undefined_points_are_gaps_in_the_slice() {
    let func = f("ln(x) + y^2");
    let s = slice_x(&func, 0.5, (-1.0, 1.0), 21);
    assert_eq!(s.len(), 21);
    assert!(s
        .iter()
        .filter(|(x, _)| *x <= 0.0)
        .all(|(_, v)| v.is_none()));
    assert!(s.iter().filter(|(x, _)| *x > 0.0).all(|(_, v)| v.is_some()));
    let runs = segments(&s);
    assert_eq!(runs.len(), 1);
    assert!(runs[0].iter().all(|p| p[0] > 0.0));
    assert!(tangent(&func, (-1.0, 0.0)).is_none());
    let runs = segments(&slice_x(&f("ln(x^2 - 1) + y"), 0.0, (-3.0, 3.0), 61));
    assert_eq!(runs.len(), 2, "defined on |x| > 1 only: {runs:?}");
    assert!(runs[0].iter().all(|p| p[0] < -0.99) && runs[1].iter().all(|p| p[0] > 0.99));
}

#[test]
fn directional_derivative_equals_the_numeric_directional_difference() {
    for &(text, p) in CASES {
        let func = f(text);
        let t = tangent(&func, p).unwrap();
        for k in 0..16 {
            let theta = -3.0 + k as f64 * 0.4;
            let (ux, uy) = teach::unit(theta);
            let h = 1e-5;
            let fp = func.eval(p.0 + h * ux, p.1 + h * uy).unwrap()[0];
            let fm = func.eval(p.0 - h * ux, p.1 - h * uy).unwrap()[0];
            let numeric = (fp - fm) / (2.0 * h);
            // h = 1e-5: truncation ~1e-10·|f'''|, rounding ~1e-16·|f|/h ≈ 1e-9 for |f| ≤ 1e3.
            let exact = directional(t.grad(), theta);
            assert!(
                (numeric - exact).abs() < 1e-6 * (1.0 + exact.abs()),
                "{text} θ={theta}: {numeric} vs {exact}"
            );
        }
    }
}

#[test]
fn directional_derivative_is_largest_along_the_gradient_and_zero_across_it() {
    for &(text, p) in CASES {
        let t = tangent(&f(text), p).unwrap();
        let g = t.grad();
        let norm = g.0.hypot(g.1);
        let curve = directional_curve(g, 3600);
        let (best_theta, best) = curve
            .iter()
            .copied()
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        // 3600 samples: 0.1° apart, so the best sample is within 0.05° of θ_∇f and its value
        // within |∇f|(1 − cos 0.05°) ≈ 4e-7·|∇f| of the maximum.
        assert!(
            best <= norm * (1.0 + 1e-12) && best >= norm * (1.0 - 1e-6),
            "{text}"
        );
        let off = (best_theta - grad_angle(g)).rem_euclid(std::f64::consts::TAU);
        let off = off.min(std::f64::consts::TAU - off);
        assert!(off.to_degrees() <= 0.051, "{text}: {off}");
        // Across ∇f D_u f is 0 and against it −|∇f|, up to the rounding of cos and sin of an
        // angle below 2π and of the dot product (a few 1e-16·|∇f|); 1e-12 leaves room.
        let theta_g = grad_angle(g);
        for side in [1.0, -1.0] {
            let across = theta_g + side * std::f64::consts::FRAC_PI_2;
            assert!(
                directional(g, across).abs() < 1e-12 * (1.0 + norm),
                "{text}"
            );
        }
        assert!(
            (directional(g, theta_g + std::f64::consts::PI) + norm).abs() < 1e-12 * (1.0 + norm)
        );
    }
}

#[test]
fn special_directions_are_named_within_the_tolerance_only() {
    let g = (3.0, -4.0);
    let tg = grad_angle(g);
    let deg = f64::to_radians;
    assert_eq!(
        special_direction(g, tg + deg(2.0), 3.0),
        Some(Special::SteepestAscent)
    );
    assert_eq!(
        special_direction(g, tg - deg(2.0), 3.0),
        Some(Special::SteepestAscent)
    );
    assert_eq!(
        special_direction(g, tg + deg(91.0), 3.0),
        Some(Special::AlongContour)
    );
    assert_eq!(
        special_direction(g, tg - deg(88.0), 3.0),
        Some(Special::AlongContour)
    );
    assert_eq!(
        special_direction(g, tg + deg(179.0), 3.0),
        Some(Special::SteepestDescent)
    );
    assert_eq!(
        special_direction(g, tg - deg(181.0), 3.0),
        Some(Special::SteepestDescent)
    );
    assert_eq!(special_direction(g, tg + deg(45.0), 3.0), None);
    assert_eq!(special_direction(g, tg + deg(4.0), 3.0), None);
    assert_eq!(
        special_direction((0.0, 0.0), 0.0, 3.0),
        None,
        "flat: no direction is special"
    );
}

#[test]
fn sweep_factors_parse_and_reject_what_cannot_be_a_learning_rate() {
    assert_eq!(parse_factors("0.1, 1, 10").unwrap(), vec![0.1, 1.0, 10.0]);
    assert_eq!(parse_factors(" 0.5 2  4 ").unwrap(), vec![0.5, 2.0, 4.0]);
    for bad in [
        "",
        " , ",
        "0.1, x",
        "0",
        "-1",
        "1, inf",
        "NaN",
        "1 2 3 4 5 6 7 8 9",
    ] {
        assert!(parse_factors(bad).is_err(), "{bad:?}");
    }
    // A word that is not a number says which, and keeps why as its source.
    let e = parse_factors("0.1, x").expect_err("x is not a number");
    assert_eq!(e.to_string(), "'x' is not a number");
    let cause = std::error::Error::source(&e).map(|s| s.to_string());
    assert_eq!(cause.as_deref(), Some("invalid float literal"));
    for (lr, text) in [
        (0.05 * 0.1, "0.005"),
        (0.1, "0.1"),
        (12.5, "12.5"),
        (2.5e-7, "2.5e-7"),
        (1.0 / 3.0, "0.3333"),
        (3e6, "3e6"),
    ] {
        assert_eq!(teach::eta_text(lr), text);
    }
    let f = [0.1, 1.0, 10.0];
    assert_eq!(
        parse_factors(&teach::format_factors(&f)).unwrap(),
        f.to_vec()
    );
}

//! The level curve through the pin, against the exact evaluator: every traced point on the
//! level f = f(pin), the tangent at the pin perpendicular to ∇f, a circle's level curve closing
//! with its radius, and tracing stopping at the view's edge and where ∇f vanishes or is
//! undefined. (The explorer drew no level curve at the pin before.)

use gradfield::expr::{Evaluator, Function};
use gradfield::teach::{self, Bounds};

fn f(text: &str) -> Function {
    Function::parse(text).expect("test function parses")
}

fn view() -> Bounds {
    Bounds {
        x0: -3.0,
        x1: 3.0,
        y0: -3.0,
        y1: 3.0,
    }
}

/// Pins on functions whose level curves bend, close, or leave the view.
const LEVELS: &[(&str, (f64, f64))] = &[
    ("x^2 + y^2", (1.5, 0.0)),
    ("x^2 + 3*x*y + y^2", (1.0, -0.5)),
    ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", (-2.3, 1.7)),
    ("sin(x) * cos(y) + x*y/5", (0.8, -1.1)),
    ("x^2 - y^2", (1.0, 0.5)),
    ("exp(-(x^2 + y^2)/4) * 30", (1.5, 0.4)),
];

#[test]
fn every_traced_point_is_on_the_level_of_the_pin() {
    for &(text, pin) in LEVELS {
        let func = f(text);
        let c = teach::level_curve(&mut func.tape(), pin, view(), 6.0 / 300.0)
            .unwrap_or_else(|| panic!("{text}: a level curve at {pin:?}"));
        assert!(c.points.len() > 20, "{text}: {} points", c.points.len());
        assert!(
            c.points.contains(&pin),
            "{text}: the curve passes through the pin"
        );
        let mut tree = func.tree();
        assert_eq!(tree.value(pin.0, pin.1), Some(c.level));
        // Traced with the tape; checked with the reference. The tracer's own tolerance plus
        // the tape's rounding (a few ulps of the level).
        let tol = 2.0 * teach::level_tolerance(c.level);
        for &(x, y) in &c.points {
            let v = tree.value(x, y).expect("defined on the curve");
            assert!(
                (v - c.level).abs() <= tol,
                "{text}: f({x}, {y}) = {v}, level {}",
                c.level
            );
        }
        // Neighbours are close: one polyline, no jumps to another branch.
        for w in c.points.windows(2) {
            let d = (w[0].0 - w[1].0).hypot(w[0].1 - w[1].1);
            assert!(d <= 1.5 * 6.0 / 300.0, "{text}: a jump of {d}");
        }
    }
}

#[test]
fn the_tangent_at_the_pin_is_perpendicular_to_the_gradient_and_follows_the_curve() {
    for &(text, pin) in LEVELS {
        let func = f(text);
        let c = teach::level_curve(&mut func.tape(), pin, view(), 0.02).expect("traced");
        let [_, gx, gy] = func.eval(pin.0, pin.1).expect("defined");
        assert_eq!(c.grad, (gx, gy), "{text}");
        let (tx, ty) = c.tangent;
        assert!((tx.hypot(ty) - 1.0).abs() < 1e-12, "{text}: a unit tangent");
        let dot = (tx * gx + ty * gy) / gx.hypot(gy);
        assert!(dot.abs() < 1e-12, "{text}: tangent · ∇f/|∇f| = {dot}");
        // The traced neighbour of the pin lies along the tangent (within the curvature's
        // first-order angle for a step of 0.02).
        let i = c
            .points
            .iter()
            .position(|&p| p == pin)
            .expect("pin on the curve");
        let q = c.points[i + 1];
        let (dx, dy) = (q.0 - pin.0, q.1 - pin.1);
        let cos = (dx * tx + dy * ty) / dx.hypot(dy);
        assert!(
            cos > 0.99,
            "{text}: the curve leaves the pin along the tangent ({cos})"
        );
    }
}

#[test]
fn a_circles_level_curve_closes_with_its_radius() {
    for (pin, r) in [
        ((1.5, 0.0), 1.5),
        ((0.6, -0.8), 1.0),
        ((-2.0, 1.0), 5f64.sqrt()),
    ] {
        let func = f("x^2 + y^2");
        let c = teach::level_curve(&mut func.tape(), pin, view(), 0.02).expect("traced");
        assert!(c.closed, "the circle through {pin:?} closes");
        for &(x, y) in &c.points {
            assert!(
                (x.hypot(y) - r).abs() < 1e-9,
                "({x}, {y}) is {} from 0, not {r}",
                x.hypot(y)
            );
        }
        // Closed: the polygon's length is the circumference (chords of 0.02 on r ≥ 1: 1e-4).
        let n = c.points.len();
        let perimeter: f64 = (0..n)
            .map(|i| {
                let (a, b) = (c.points[i], c.points[(i + 1) % n]);
                (a.0 - b.0).hypot(a.1 - b.1)
            })
            .sum();
        let want = std::f64::consts::TAU * r;
        assert!(
            (perimeter - want).abs() < 1e-3 * want,
            "perimeter {perimeter} vs {want}"
        );
    }
}

#[test]
fn the_level_curve_stops_at_the_view_and_where_the_gradient_fails() {
    // The saddle's hyperbola leaves the view at both ends.
    let func = f("x^2 - y^2");
    let c = teach::level_curve(&mut func.tape(), (1.0, 0.5), view(), 0.02).expect("traced");
    assert!(!c.closed);
    let outside = |p: &(f64, f64)| p.0.abs() > 3.0 || p.1.abs() > 3.0;
    assert!(outside(c.points.first().unwrap()) && outside(c.points.last().unwrap()));
    assert_eq!(
        c.points.iter().filter(|p| outside(p)).count(),
        2,
        "only the two ends"
    );
    // No curve at a critical point, where f is undefined, or with a bad step.
    assert!(teach::level_curve(&mut f("x^2 + y^2").tape(), (0.0, 0.0), view(), 0.02).is_none());
    assert!(teach::level_curve(&mut f("sqrt(x) + y").tape(), (-1.0, 0.0), view(), 0.02).is_none());
    assert!(teach::level_curve(&mut f("x + y").tape(), (0.0, 0.0), view(), 0.0).is_none());
    assert!(teach::level_curve(&mut f("x + y").tape(), (0.0, 0.0), view(), f64::NAN).is_none());
    // sqrt(x) + y = 1 runs into x = 0, where ∂f/∂x is undefined: it stops there, on x ≥ 0.
    let func = f("sqrt(x) + y");
    let c = teach::level_curve(&mut func.tape(), (1.0, 0.0), view(), 0.02).expect("traced");
    assert!(
        c.points.iter().all(|p| p.0 >= 0.0),
        "nothing traced where f is undefined"
    );
    let first = c.points.first().unwrap();
    let last = c.points.last().unwrap();
    assert!(
        first.0.min(last.0) < 0.01,
        "the curve reaches the edge x = 0: {first:?} {last:?}"
    );
}

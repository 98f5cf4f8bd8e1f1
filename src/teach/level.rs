//! The level curve through the pin, f = f(pin), traced on the CPU: predictor steps along the
//! tangent (−∂f/∂y, ∂f/∂x) and Newton steps back onto the level, in both directions from the
//! pin, until the curve leaves the view, closes, or reaches a point where ∇f vanishes or is
//! undefined. With the tangent and ∇f at the pin it shows that ∇f is perpendicular to the
//! level curve. Plain geometry in world coordinates.

use crate::expr::Evaluator;

/// Most points traced in each direction from the pin.
pub(crate) const MAX_POINTS: usize = 4000;
/// Newton steps allowed to bring one predicted point back to the level.
const NEWTON_STEPS: usize = 8;
/// Times a step may be halved when its correction fails or jumps, before tracing stops.
const HALVINGS: usize = 8;

/// The traced level curve through a point.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelCurve {
    /// The level c = f(pin).
    pub level: f64,
    /// The pin.
    pub pin: (f64, f64),
    /// ∇f at the pin.
    pub grad: (f64, f64),
    /// The unit tangent at the pin, (−∂f/∂y, ∂f/∂x)/|∇f|: perpendicular to ∇f.
    pub tangent: (f64, f64),
    /// Points of the curve in order along it, the pin among them; the last joins the first
    /// when `closed`.
    pub points: Vec<(f64, f64)>,
    /// The curve came back to the pin (a closed contour such as a circle).
    pub closed: bool,
}

/// The rectangle [x0, x1] × [y0, y1] that tracing stays in (the view).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

impl Bounds {
    fn contains(&self, (x, y): (f64, f64)) -> bool {
        (self.x0..=self.x1).contains(&x) && (self.y0..=self.y1).contains(&y)
    }
}

/// How far |f − c| may be from 0 at a traced point: relative to the level, absolute near 0.
pub fn tolerance(level: f64) -> f64 {
    1e-10 * level.abs().max(1.0)
}

/// Traces the level curve of `eval` through `pin` inside `bounds`, about `step` apart (world
/// units; the view's width / 300 is smooth on screen). `None` where f or ∇f is undefined at
/// the pin, ∇f = 0 there (no curve: a minimum, maximum or saddle point), or `step` is not a
/// positive number.
pub fn level_curve(
    eval: &mut impl Evaluator,
    pin: (f64, f64),
    bounds: Bounds,
    step: f64,
) -> Option<LevelCurve> {
    if !(step.is_finite() && step > 0.0) {
        return None;
    }
    let [level, gx, gy] = eval.gradient(pin.0, pin.1)?;
    let norm = gx.hypot(gy);
    if !(level.is_finite() && norm.is_finite() && norm > 0.0) {
        return None;
    }
    let tangent = (-gy / norm, gx / norm);
    let mut forward = Vec::new();
    let closed = trace(eval, pin, level, 1.0, bounds, step, &mut forward);
    let mut points = Vec::new();
    if !closed {
        let mut back = Vec::new();
        trace(eval, pin, level, -1.0, bounds, step, &mut back);
        points.extend(back.into_iter().rev());
    }
    points.push(pin);
    points.extend(forward);
    Some(LevelCurve {
        level,
        pin,
        grad: (gx, gy),
        tangent,
        points,
        closed,
    })
}

/// Follows the level from `pin` with the tangent turned by `sign`, pushing points to `out`;
/// true when the curve came back to the pin.
fn trace(
    eval: &mut impl Evaluator,
    pin: (f64, f64),
    level: f64,
    sign: f64,
    bounds: Bounds,
    step: f64,
    out: &mut Vec<(f64, f64)>,
) -> bool {
    let mut p = pin;
    let mut h = step;
    let mut travelled = 0.0;
    while out.len() < MAX_POINTS {
        let Some(t) = unit_tangent(eval, p, sign) else {
            return false;
        };
        let Some(q) = next_point(eval, p, t, level, &mut h) else {
            return false;
        };
        let d = dist(p, q);
        travelled += d;
        // Back at the pin after going round: the curve is closed.
        if travelled > 4.0 * step && dist(q, pin) <= 1.5 * step {
            return true;
        }
        out.push(q);
        if !bounds.contains(q) {
            return false;
        }
        p = q;
        h = (2.0 * h).min(step);
    }
    false
}

/// The unit tangent at `p` turned by `sign`; `None` where ∇f vanishes or is undefined.
fn unit_tangent(eval: &mut impl Evaluator, p: (f64, f64), sign: f64) -> Option<(f64, f64)> {
    let [_, gx, gy] = eval.gradient(p.0, p.1)?;
    let n = gx.hypot(gy);
    (n.is_finite() && n > 1e-300).then(|| (-sign * gy / n, sign * gx / n))
}

/// A predicted point `h` along `t` from `p`, corrected onto the level; the step is halved
/// (and `h` kept at that) while the correction fails or lands far from the prediction.
fn next_point(
    eval: &mut impl Evaluator,
    p: (f64, f64),
    t: (f64, f64),
    level: f64,
    h: &mut f64,
) -> Option<(f64, f64)> {
    for _ in 0..=HALVINGS {
        let guess = (p.0 + *h * t.0, p.1 + *h * t.1);
        if let Some(q) = correct(eval, guess, level) {
            let d = dist(p, q);
            // Along the curve, not jumped onto another branch of the same level.
            if d > 0.25 * *h && d < 1.5 * *h && dist(q, guess) < 0.5 * *h {
                return Some(q);
            }
        }
        *h *= 0.5;
    }
    None
}

/// Newton steps from `q` along ∇f back to f = `level`: q ← q − (f(q) − c)∇f/|∇f|².
fn correct(eval: &mut impl Evaluator, mut q: (f64, f64), level: f64) -> Option<(f64, f64)> {
    let tol = tolerance(level);
    for _ in 0..NEWTON_STEPS {
        let [f, gx, gy] = eval.gradient(q.0, q.1)?;
        let r = f - level;
        if !r.is_finite() {
            return None;
        }
        if r.abs() <= tol {
            return Some(q);
        }
        let n2 = gx * gx + gy * gy;
        if !(n2.is_finite() && n2 > 0.0) {
            return None;
        }
        q = (q.0 - r * gx / n2, q.1 - r * gy / n2);
    }
    let f = eval.value(q.0, q.1)?;
    ((f - level).abs() <= tol).then_some(q)
}

fn dist(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

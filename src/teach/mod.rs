//! The maths behind the explorer's teaching tools: slices of the surface through a pinned
//! point with their tangent lines (partial derivatives as slopes), the directional derivative
//! D_u f = ∇f·u over all directions, and the learning-rate factors of a sweep; and in its
//! submodules the slices' substituted formulas, the level curve through the pin, the gradient
//! check at the pin and typed, snapped points. Plain Rust, from the exact derivatives; the
//! explorer only draws what these return.

mod level;
mod point_check;
mod points;
mod slice_formula;

pub use level::{level_curve, tolerance as level_tolerance, Bounds, LevelCurve};
pub use point_check::{point_check, PointCheck, DEFAULT_POINT_CHECK_STEP, POINT_CHECK_RANGE};
pub use points::{parse_point, snap, snap_step};
pub use slice_formula::{held_value, slice_formula, slice_trees, HeldValue, SliceFormula};

use crate::expr::{Evaluator, Function};
use crate::{Error, Result};

/// One sample of a slice: the coordinate along the slice and f there (`None`: undefined, a
/// gap in the curve).
pub(crate) type SliceSample = (f64, Option<f64>);

/// The curve x ↦ f(x, y0): `n` samples evenly spaced over `x_range` (ends included).
pub fn slice_x(function: &Function, y0: f64, x_range: (f64, f64), n: usize) -> Vec<SliceSample> {
    let mut tree = function.tree();
    sample_range(x_range, n, |x| tree.value(x, y0))
}

/// The curve y ↦ f(x0, y): `n` samples evenly spaced over `y_range` (ends included).
pub fn slice_y(function: &Function, x0: f64, y_range: (f64, f64), n: usize) -> Vec<SliceSample> {
    let mut tree = function.tree();
    sample_range(y_range, n, |y| tree.value(x0, y))
}

fn sample_range(
    range: (f64, f64),
    n: usize,
    mut f: impl FnMut(f64) -> Option<f64>,
) -> Vec<SliceSample> {
    let (a, b) = range;
    match n {
        0 => Vec::new(),
        1 => vec![(a, f(a).filter(|v| v.is_finite()))],
        _ => (0..n)
            .map(|i| {
                let t = a + (b - a) * i as f64 / (n - 1) as f64;
                (t, f(t).filter(|v| v.is_finite()))
            })
            .collect(),
    }
}

/// The defined runs of a slice as polylines `[t, f]`, split at undefined samples.
pub fn segments(samples: &[SliceSample]) -> Vec<Vec<[f64; 2]>> {
    let mut out: Vec<Vec<[f64; 2]>> = Vec::new();
    let mut run = Vec::new();
    for &(t, v) in samples {
        match v {
            Some(v) => run.push([t, v]),
            None if !run.is_empty() => out.push(std::mem::take(&mut run)),
            None => {}
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// f and its two partial derivatives at a pinned point: the slopes of the two slices there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tangent {
    pub x: f64,
    pub y: f64,
    pub f: f64,
    /// ∂f/∂x: the slope of x ↦ f(x, y) at the pin.
    pub slope_x: f64,
    /// ∂f/∂y: the slope of y ↦ f(x, y) at the pin.
    pub slope_y: f64,
}

impl Tangent {
    /// The gradient (∂f/∂x, ∂f/∂y).
    pub fn grad(&self) -> (f64, f64) {
        (self.slope_x, self.slope_y)
    }

    /// The tangent line of the x slice at `x`: f + ∂f/∂x·(x − x0).
    pub fn line_x(&self, x: f64) -> f64 {
        self.f + self.slope_x * (x - self.x)
    }

    /// The tangent line of the y slice at `y`: f + ∂f/∂y·(y − y0).
    pub fn line_y(&self, y: f64) -> f64 {
        self.f + self.slope_y * (y - self.y)
    }
}

/// The tangent lines at `pin` from the exact derivatives; `None` where f is undefined.
pub fn tangent(function: &Function, pin: (f64, f64)) -> Option<Tangent> {
    let [f, gx, gy] = function.tree().gradient(pin.0, pin.1)?;
    [f, gx, gy]
        .iter()
        .all(|v| v.is_finite())
        .then_some(Tangent {
            x: pin.0,
            y: pin.1,
            f,
            slope_x: gx,
            slope_y: gy,
        })
}

/// The unit vector at angle `theta` (radians, counter-clockwise from +x).
pub fn unit(theta: f64) -> (f64, f64) {
    (theta.cos(), theta.sin())
}

/// D_u f = ∇f·u for the unit direction at angle `theta`.
pub fn directional(grad: (f64, f64), theta: f64) -> f64 {
    let (ux, uy) = unit(theta);
    grad.0 * ux + grad.1 * uy
}

/// The angle of ∇f (radians in (−π, π]); 0 where ∇f = 0.
pub fn grad_angle(grad: (f64, f64)) -> f64 {
    grad.1.atan2(grad.0)
}

/// The angle between direction `theta` and ∇f, in degrees in [0, 180].
pub(crate) fn angle_to_grad_deg(grad: (f64, f64), theta: f64) -> f64 {
    wrap(theta - grad_angle(grad)).abs().to_degrees()
}

/// `a` wrapped into (−π, π].
fn wrap(a: f64) -> f64 {
    let t = std::f64::consts::TAU;
    let r = a.rem_euclid(t);
    if r > std::f64::consts::PI {
        r - t
    } else {
        r
    }
}

/// A direction worth naming in class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// Along ∇f: D_u f is largest, |∇f|.
    SteepestAscent,
    /// Along the contour's tangent: D_u f = 0.
    AlongContour,
    /// Along −∇f: D_u f is most negative, −|∇f|.
    SteepestDescent,
}

impl Special {
    /// What the explorer writes when the direction is this one.
    pub(crate) fn text(self) -> &'static str {
        match self {
            Special::SteepestAscent => "steepest ascent: u along ∇f",
            Special::AlongContour => "D_u f = 0: along the contour",
            Special::SteepestDescent => "steepest descent: u along −∇f",
        }
    }
}

/// Which special direction `theta` is within `tol_deg` degrees of; `None` if none, or if
/// ∇f = 0 (every direction is flat there).
pub fn special_direction(grad: (f64, f64), theta: f64, tol_deg: f64) -> Option<Special> {
    if grad.0 == 0.0 && grad.1 == 0.0 {
        return None;
    }
    let a = angle_to_grad_deg(grad, theta);
    if a <= tol_deg {
        Some(Special::SteepestAscent)
    } else if (a - 90.0).abs() <= tol_deg {
        Some(Special::AlongContour)
    } else if a >= 180.0 - tol_deg {
        Some(Special::SteepestDescent)
    } else {
        None
    }
}

/// D_u f over `n` angles evenly spaced in [0, 2π): (θ, |∇f| cos(θ − θ_∇f)) each.
pub fn directional_curve(grad: (f64, f64), n: usize) -> Vec<(f64, f64)> {
    (0..n)
        .map(|i| {
            let theta = std::f64::consts::TAU * i as f64 / n as f64;
            (theta, directional(grad, theta))
        })
        .collect()
}

/// The sweep's default learning-rate factors: η/10, η, 10η.
pub(crate) const DEFAULT_SWEEP_FACTORS: [f64; 3] = [0.1, 1.0, 10.0];

/// Most factors a sweep may have (each is a path per click).
pub(crate) const MAX_SWEEP_FACTORS: usize = 8;

/// Parses a list of learning-rate factors such as "0.1, 1, 10" (commas or spaces): each a
/// finite number > 0, between one and `MAX_SWEEP_FACTORS` of them.
pub fn parse_factors(text: &str) -> Result<Vec<f64>> {
    let mut out = Vec::new();
    for word in text.split(|c: char| c == ',' || c.is_whitespace()) {
        if word.is_empty() {
            continue;
        }
        let v: f64 = word.parse().map_err(|source| Error::Number {
            what: format!("'{word}'"),
            source,
        })?;
        if !(v.is_finite() && v > 0.0) {
            return Err(Error::Input(format!("a factor must be > 0, got {word}")));
        }
        out.push(v);
    }
    if out.is_empty() {
        return Err(Error::Input(
            "give at least one factor, e.g. 0.1, 1, 10".into(),
        ));
    }
    if out.len() > MAX_SWEEP_FACTORS {
        return Err(Error::Input(format!("at most {MAX_SWEEP_FACTORS} factors")));
    }
    Ok(out)
}

/// The label of a learning-rate sweep's path: "η = 0.005".
pub(crate) fn eta_label(lr: f64) -> String {
    format!("η = {}", eta_text(lr))
}

/// A learning rate as its label writes it: four significant digits at most, no trailing
/// zeros ("0.005", "0.1", "2.5e-7").
pub fn eta_text(lr: f64) -> String {
    if lr == 0.0 || !lr.is_finite() {
        return format!("{lr}");
    }
    let a = lr.abs();
    let p = 10f64.powi(3 - a.log10().floor() as i32);
    let r = (lr * p).round() / p;
    if (1e-4..1e5).contains(&a) {
        format!("{r}")
    } else {
        format!("{r:e}")
    }
}

/// The factors written back as the panel shows them ("0.1, 1, 10").
pub fn format_factors(factors: &[f64]) -> String {
    factors
        .iter()
        .map(|f| f.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

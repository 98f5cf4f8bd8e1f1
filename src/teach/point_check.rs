//! The gradient check at one point, as the lesson's `numerical_gradient` exercise does it:
//! the central difference (f(x + h, y) − f(x − h, y)) / 2h (likewise in y) beside the exact
//! gradient, and their relative error |∇f_numeric − ∇f_exact| / |∇f_exact|. In f64, with the
//! reference evaluator.

use crate::expr::{Evaluator, Function};

/// The smallest and largest step h of the check at the pin (the panel's log slider).
pub const POINT_CHECK_RANGE: (f64, f64) = (1e-12, 1e-1);
/// The step h when nothing else was chosen: near the best of f64 central differences
/// (truncation ~h², rounding ~ε/h, ε = 2⁻⁵² meet near ∛ε ≈ 6e-6).
pub const DEFAULT_POINT_CHECK_STEP: f64 = 1e-5;

/// The exact and the numeric gradient at a point, and how far apart they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PointCheck {
    /// The step h (absolute, the same in x and y).
    pub h: f64,
    /// ∇f from the symbolic derivatives.
    pub exact: (f64, f64),
    /// The central differences; `None` where f is undefined at x ± h or y ± h.
    pub numeric: Option<(f64, f64)>,
}

impl PointCheck {
    /// |∇f_numeric − ∇f_exact|, the length of the difference.
    pub fn absolute(&self) -> Option<f64> {
        let (nx, ny) = self.numeric?;
        Some((nx - self.exact.0).hypot(ny - self.exact.1))
    }

    /// |∇f_numeric − ∇f_exact| / |∇f_exact|; `None` where ∇f = 0 (only the absolute
    /// difference says something there) or the numeric gradient is undefined.
    pub fn relative(&self) -> Option<f64> {
        let n = self.exact.0.hypot(self.exact.1);
        let a = self.absolute()?;
        (n > 0.0).then(|| a / n)
    }
}

/// The check at `at` with step `h`; `None` where f or ∇f is undefined there or h is not a
/// positive number.
pub fn point_check(function: &Function, at: (f64, f64), h: f64) -> Option<PointCheck> {
    if !(h.is_finite() && h > 0.0) {
        return None;
    }
    let mut tree = function.tree();
    let [_, gx, gy] = tree.gradient(at.0, at.1)?;
    let (x, y) = at;
    let mut central = |a: (f64, f64), b: (f64, f64)| {
        let (fa, fb) = (tree.value(a.0, a.1)?, tree.value(b.0, b.1)?);
        let d = (fa - fb) / (2.0 * h);
        d.is_finite().then_some(d)
    };
    let dx = central((x + h, y), (x - h, y));
    let dy = central((x, y + h), (x, y - h));
    Some(PointCheck {
        h,
        exact: (gx, gy),
        numeric: dx.zip(dy),
    })
}

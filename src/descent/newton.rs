//! Newton's direction p = −H⁻¹∇f from the Hessian H = [[a, b], [b, c]]: on a quadratic one
//! full step (η = 1) lands on its stationary point, whether that is a minimum, a maximum or a
//! saddle, which is why Newton's method is drawn to saddles. Where |det H| is below
//! [`SINGULAR_DET`] there is no such point to jump to and the path stops.

use super::Stop;

/// |det ∇²f| below this stops a Newton path with the reason "singular Hessian".
pub const SINGULAR_DET: f64 = 1e-12;

/// −H⁻¹g at `at`, or the reason a path cannot take it.
pub(super) fn direction(hessian: [f64; 3], grad: [f64; 2], at: [f64; 2]) -> Result<[f64; 2], Stop> {
    let [a, b, c] = hessian;
    let det = a * c - b * b;
    if !det.is_finite() {
        return Err(Stop::HessianUndefined { at });
    }
    if det.abs() < SINGULAR_DET {
        return Err(Stop::SingularHessian { det });
    }
    let [gx, gy] = grad;
    Ok([-(c * gx - b * gy) / det, -(a * gy - b * gx) / det])
}

#[cfg(test)]
mod tests {
    use super::direction;

    #[test]
    fn the_direction_solves_the_linear_system() {
        let (h, g) = ([4.0, 1.0, 3.0], [1.0, 2.0]);
        let p = direction(h, g, [0.0; 2]).unwrap();
        assert!((h[0] * p[0] + h[1] * p[1] + g[0]).abs() < 1e-15);
        assert!((h[1] * p[0] + h[2] * p[1] + g[1]).abs() < 1e-15);
        let singular = direction([1.0, 1.0, 1.0], g, [0.0; 2]).unwrap_err();
        assert!(singular.to_string().starts_with("singular Hessian"));
    }
}

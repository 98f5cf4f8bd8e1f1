//! The curvature of f at a point from its Hessian H = [[a, b], [b, c]]: the eigenvalues and
//! eigenvectors of H (the axes of the local quadratic's level ellipse), the kind of point,
//! and the largest stable step of gradient descent, 2/λmax. On the quadratic
//! f = ½ θᵀHθ, gradient descent θ ← θ − ηHθ multiplies the component along the eigenvector
//! of λ by 1 − ηλ each step, so it converges exactly when |1 − ηλ| < 1 for every λ > 0:
//! η < 2/λmax. Where no eigenvalue is positive no step size is too large for stability (the
//! iterate never settles but never blows up by overshooting either): +∞.

/// Eigenvalues closer to 0 than this (relative to the largest |λ|, or absolutely where H is
/// tiny) count as zero when naming the kind of point.
const FLAT: f64 = 1e-9;

/// What the second-derivative test says about a point where ∇f = 0 (and, elsewhere, the shape
/// of the local quadratic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Both eigenvalues positive: curving up every way (a bowl).
    Minimum,
    /// Both negative: curving down every way (a dome).
    Maximum,
    /// One positive, one negative: up one way, down the other.
    Saddle,
    /// An eigenvalue is (numerically) zero: the test decides nothing.
    Flat,
}

impl Kind {
    /// A word for people ("minimum", "saddle", …), as the pin's panel says it.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Minimum => "minimum (bowl)",
            Kind::Maximum => "maximum (dome)",
            Kind::Saddle => "saddle",
            Kind::Flat => "flat (test inconclusive)",
        }
    }
}

/// The curvature of f at one point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Curvature {
    /// [∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²].
    pub hessian: [f64; 3],
    /// The eigenvalues, largest first.
    pub eigenvalues: [f64; 2],
    /// Unit eigenvectors, in the eigenvalues' order.
    pub eigenvectors: [[f64; 2]; 2],
    pub kind: Kind,
}

impl Curvature {
    /// The eigen-decomposition of the symmetric matrix [[a, b], [b, c]]; `None` when an
    /// entry is not finite.
    pub fn of(hessian: [f64; 3]) -> Option<Curvature> {
        let [a, b, c] = hessian;
        if !hessian.iter().all(|v| v.is_finite()) {
            return None;
        }
        let mean = 0.5 * (a + c);
        let half = 0.5 * (a - c);
        let r = half.hypot(b);
        let eigenvalues = [mean + r, mean - r];
        // The eigenvector of λ1: (b, λ1 − a) or (λ1 − c, b), whichever is longer (the other
        // can vanish); a multiple of the identity takes the axes.
        let v1 = if r == 0.0 {
            [1.0, 0.0]
        } else {
            let p = [b, eigenvalues[0] - a];
            let q = [eigenvalues[0] - c, b];
            let pick = if p[0].hypot(p[1]) >= q[0].hypot(q[1]) {
                p
            } else {
                q
            };
            let n = pick[0].hypot(pick[1]);
            [pick[0] / n, pick[1] / n]
        };
        let v2 = [-v1[1], v1[0]];
        let scale = eigenvalues[0].abs().max(eigenvalues[1].abs());
        let zero = |l: f64| l.abs() <= FLAT * scale.max(1.0);
        let kind = if zero(eigenvalues[0]) || zero(eigenvalues[1]) {
            Kind::Flat
        } else if eigenvalues[1] > 0.0 {
            Kind::Minimum
        } else if eigenvalues[0] < 0.0 {
            Kind::Maximum
        } else {
            Kind::Saddle
        };
        Some(Curvature {
            hessian,
            eigenvalues,
            eigenvectors: [v1, v2],
            kind,
        })
    }

    /// det H = λ1·λ2.
    pub fn determinant(&self) -> f64 {
        let [a, b, c] = self.hessian;
        a * c - b * b
    }

    /// The largest stable gradient-descent step here, 2/λmax (see the module notes).
    pub fn max_stable_lr(&self) -> f64 {
        stable_lr(self.hessian)
    }
}

/// 2/λmax of [[a, b], [b, c]] where λmax > 0, +∞ where no eigenvalue is positive, NaN where
/// an entry is NaN or infinite: the stability map's value.
pub fn stable_lr(hessian: [f64; 3]) -> f64 {
    let [a, b, c] = hessian;
    if !hessian.iter().all(|v| v.is_finite()) {
        return f64::NAN;
    }
    let lmax = 0.5 * (a + c) + (0.5 * (a - c)).hypot(b);
    if lmax > 0.0 {
        2.0 / lmax
    } else {
        f64::INFINITY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagonal_bowl_has_its_axes_as_eigenvectors() {
        let c = Curvature::of([2.0, 0.0, 20.0]).unwrap();
        assert_eq!(c.eigenvalues, [20.0, 2.0]);
        assert_eq!(c.eigenvectors[0].map(f64::abs), [0.0, 1.0]);
        assert_eq!(c.kind, Kind::Minimum);
        assert_eq!(c.max_stable_lr(), 0.1);
    }

    #[test]
    fn eigenvectors_satisfy_the_definition() {
        for h in [
            [1.0, 2.0, -3.0],
            [0.0, 1.0, 0.0],
            [5.0, -1e-3, 5.0],
            [-2.0, 0.5, -1.0],
        ] {
            let c = Curvature::of(h).unwrap();
            for (l, v) in c.eigenvalues.iter().zip(c.eigenvectors) {
                let hv = [h[0] * v[0] + h[1] * v[1], h[1] * v[0] + h[2] * v[1]];
                assert!((hv[0] - l * v[0]).abs() < 1e-12 && (hv[1] - l * v[1]).abs() < 1e-12);
                assert!((v[0].hypot(v[1]) - 1.0).abs() < 1e-12);
            }
        }
        assert_eq!(Curvature::of([0.0, 1.0, 0.0]).unwrap().kind, Kind::Saddle);
        assert_eq!(
            Curvature::of([-2.0, 0.5, -1.0]).unwrap().kind,
            Kind::Maximum
        );
        assert_eq!(Curvature::of([1.0, 1.0, 1.0]).unwrap().kind, Kind::Flat);
    }

    #[test]
    fn no_positive_eigenvalue_means_any_step_is_stable() {
        assert_eq!(stable_lr([-1.0, 0.0, -3.0]), f64::INFINITY);
        assert_eq!(stable_lr([0.0, 0.0, 0.0]), f64::INFINITY);
        assert!(stable_lr([f64::NAN, 0.0, 1.0]).is_nan());
        assert!(Curvature::of([f64::INFINITY, 0.0, 1.0]).is_none());
    }
}

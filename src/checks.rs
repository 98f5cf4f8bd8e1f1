//! One check for each kind of value a person gives gradfield, shared by the command line's
//! flags and the scene files' keys so that both accept and refuse exactly the same values.
//! Each returns the value, or what it must be ("a number > 0"); the caller says where
//! (`'--lr': '-1' must be a number > 0`, `b.toml:4:6: optimizer.lr: must be a number > 0,
//! got -0.5`).

use crate::view::MAX_COORD;

/// What a refused value must be, for the message.
pub(crate) type Need = &'static str;

fn within(v: f64, ok: bool, need: Need) -> Result<f64, Need> {
    if v.is_finite() && ok {
        Ok(v)
    } else {
        Err(need)
    }
}

/// A coordinate of a start point or the pin: finite and within ±1e15 (as a view's).
pub(crate) fn coordinate(v: f64) -> Result<f64, Need> {
    within(v, v.abs() <= MAX_COORD, "a finite number within ±1e15")
}

/// A point (a path's start, the pin): both coordinates as [`coordinate`] says.
pub(crate) fn point((x, y): (f64, f64)) -> Result<(f64, f64), Need> {
    Ok((coordinate(x)?, coordinate(y)?))
}

/// The learning rate η: a finite number > 0.
pub(crate) fn learning_rate(v: f64) -> Result<f64, Need> {
    within(v, v > 0.0, "a number > 0")
}

/// ε of AdaGrad, RMSProp and Adam, a learning-rate factor, a sweep factor: finite, > 0.
pub(crate) fn positive(v: f64) -> Result<f64, Need> {
    within(v, v > 0.0, "a number > 0")
}

/// The tolerance on |∇f|: finite and ≥ 0 (0: never stop early).
pub(crate) fn tolerance(v: f64) -> Result<f64, Need> {
    within(v, v >= 0.0, "a number ≥ 0")
}

/// Momentum μ, β1 and β2: in [0, 1).
pub(crate) fn decay(v: f64) -> Result<f64, Need> {
    within(v, (0.0..1.0).contains(&v), "in [0, 1)")
}

/// RMSProp's α: in (0, 1).
pub(crate) fn alpha(v: f64) -> Result<f64, Need> {
    within(v, v > 0.0 && v < 1.0, "in (0, 1)")
}

/// The direction u of the directional derivative, in degrees or radians: any finite angle.
pub(crate) fn direction(v: f64) -> Result<f64, Need> {
    within(v, true, "a finite angle")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_check_refuses_what_it_says() {
        assert_eq!(point((1.5, -2.0)), Ok((1.5, -2.0)));
        for bad in [1e300, f64::NAN, f64::INFINITY, -1.1e15] {
            assert!(
                point((0.0, bad)).is_err() && point((bad, 0.0)).is_err(),
                "{bad}"
            );
        }
        assert!(learning_rate(0.0).is_err() && learning_rate(f64::NAN).is_err());
        assert!(tolerance(0.0).is_ok() && tolerance(-1e-9).is_err());
        assert!(decay(0.0).is_ok() && decay(1.0).is_err() && alpha(0.0).is_err());
        assert!(direction(f64::NAN).is_err() && direction(-720.0).is_ok());
    }
}

//! How much one command may be asked to compute and keep: start points (at most
//! [`crate::descent::MAX_PATHS`]) and the points of all descent paths together.

use crate::error::{Error, Result};

/// Refuses more start points than a picture may hold ([`crate::descent::MAX_PATHS`]).
pub(crate) fn check_starts(starts: &[(f64, f64)]) -> Result<()> {
    let max = crate::descent::MAX_PATHS;
    if starts.len() > max {
        return Err(Error::Input(format!(
            "--start: at most {max} start points, got {}",
            starts.len()
        )));
    }
    Ok(())
}

/// The most iterates (points of all descent paths together) one command keeps: 20 million,
/// 800 MB. Every path keeps each of its steps, so 256 paths of 10⁶ steps would need 10 GB.
pub(crate) const MAX_ITERATES: u64 = 20_000_000;

/// Refuses `paths` descent paths of up to `steps` steps each when together they would keep
/// more than [`MAX_ITERATES`] points.
pub(crate) fn check_iterates(paths: usize, steps: usize) -> Result<()> {
    let points = (paths as u64).saturating_mul(steps as u64 + 1);
    if points > MAX_ITERATES {
        return Err(Error::Input(format!(
            "{paths} paths of {steps} steps would keep {points} points, more than the \
             {MAX_ITERATES} gradfield allows: give fewer --steps or start points"
        )));
    }
    Ok(())
}

//! `gradfield render --gradient-check`: the check's step h from the command line. The check
//! itself (log10 of the relative difference of the exact and central-difference gradients,
//! computed on the GPU) is drawn by `render::draw_document`.

use crate::error::{Error, Result};
use crate::gpu::field::NUMERIC_STEP;

/// The largest --check-step: far beyond any step that checks a derivative.
pub(crate) const MAX_CHECK_STEP: f64 = 1e3;

/// The relative step h of the check: the one given, else [`NUMERIC_STEP`].
pub(crate) fn check_step(given: Option<f64>) -> Result<f32> {
    match given {
        None => Ok(NUMERIC_STEP),
        Some(h) if h > 0.0 && h <= MAX_CHECK_STEP && (h as f32) > 0.0 => Ok(h as f32),
        Some(h) => Err(Error::Input(format!(
            "--check-step must be in (0, {MAX_CHECK_STEP}] and representable in f32, got {}",
            crate::numfmt::echo(h)
        ))),
    }
}

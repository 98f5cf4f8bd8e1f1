//! The gradient check's shader code: `gf_check` (shaders/check.wgsl) goes into a field shader
//! only when a pass is built for the check; every other field shader gets a one-line stub, so
//! that ordinary field pipelines stay small (the check roughly doubles the code to compile).

use crate::error::Result;
use crate::expr::wgsl;
use crate::gpu::library;
use crate::gpu::source::FIELD_TEMPLATE;

/// `gf_check`: per sample (log10 of the relative difference of the exact and numeric
/// gradients, 0, 0) and whether it is defined.
pub(crate) const CHECK_WGSL: &str = include_str!("../../shaders/check.wgsl");

/// What field shaders without the check call in its place (field mode 2 is then undefined).
pub(crate) const CHECK_STUB: &str =
    "fn gf_check(x: f32, y: f32) -> Sample {\n    return Sample(0.0, 0.0, 0.0, false, false, false);\n}\n";

/// The complete field shader from the generated functions (`wgsl::generate`), with the
/// gradient check or its stub, its `#import` lines resolved.
pub fn field_shader(generated: &str, with_check: bool) -> Result<String> {
    let check = if with_check { CHECK_WGSL } else { CHECK_STUB };
    let spliced = wgsl::splice(FIELD_TEMPLATE, &format!("{generated}\n{check}"))?;
    library::resolve("shaders/field.wgsl", &spliced)
}

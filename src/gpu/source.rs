//! The field shader's source, without a GPU: the template, the generated functions spliced
//! in (the sample layout and gradient modes live in `crate::samples`). Pure Rust (naga validates the result), so the
//! fuzz target and the CPU reference use it without wgpu.

use crate::error::Result;
use crate::expr::tape::Tape;
use crate::expr::wgsl;
use crate::expr::Function;
use crate::gpu::check;

/// The field shader template; generated functions go at [`wgsl::PLACEHOLDER`].
pub const FIELD_TEMPLATE: &str = include_str!("../../shaders/field.wgsl");

pub use crate::samples::{defined_channels, GradientMode, NUMERIC_STEP};

/// The tapes of a function for the field pass: (f, ∂f/∂x, ∂f/∂y) and f alone.
pub fn function_tapes(function: &Function) -> (Tape, Tape) {
    let c = function.compile();
    (c.grad, c.value)
}

/// The complete field shader for a function: `tape_f_grad` has roots f, ∂f/∂x, ∂f/∂y and
/// `tape_f` the root f.
pub fn field_source(tape_f_grad: &Tape, tape_f: &Tape) -> Result<String> {
    check::field_shader(&wgsl::generate(tape_f_grad, tape_f)?, false)
}

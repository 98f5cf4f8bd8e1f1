//! One field sample as the GPU writes it and every reader decodes it: (f, ∂f/∂x, ∂f/∂y,
//! defined) as four f32, where `defined` holds one bit for each of the three values, plus how
//! the gradient is computed (exact or central differences, with its step). Plain Rust, shared
//! by the GPU field (`gpu`), the CPU reference (`cpu_field`) and the file writers (`export`),
//! so that none of them needs the GPU stack to read a sample. Keep in sync with
//! shaders/field.wgsl.

use crate::error::{Error, Result};

/// Relative step of the numeric gradient: h = NUMERIC_STEP · max(1, |x|), likewise in y.
/// A central difference has truncation error ≈ h²·|f'''|/6 and rounding error ≈ ε·|f|/h in
/// f32 (ε = 2⁻²³); their sum is smallest near h = ∛ε ≈ 4.92e-3, where both are ≈ ε^⅔ ≈ 2.4e-5
/// relative. Scaling with |x| keeps x ± h distinct from x in f32 far from the origin.
pub const NUMERIC_STEP: f32 = 4.921_566_6e-3;

/// Bit of a sample's `defined` channel: f is defined (keep in sync with shaders/field.wgsl).
pub(crate) const DEFINED_F: u32 = 1;
/// Bit of a sample's `defined` channel: ∂f/∂x is defined.
pub(crate) const DEFINED_DX: u32 = 2;
/// Bit of a sample's `defined` channel: ∂f/∂y is defined.
pub(crate) const DEFINED_DY: u32 = 4;
/// A sample's `defined` channel where f and both partial derivatives are defined.
pub(crate) const DEFINED_ALL: u32 = DEFINED_F | DEFINED_DX | DEFINED_DY;

/// The bits of a sample's `defined` channel (0 for anything that is not one of 0.0 … 7.0).
pub(crate) fn defined_bits(defined: f32) -> u32 {
    if (0.0..=DEFINED_ALL as f32).contains(&defined) {
        defined as u32
    } else {
        0
    }
}

/// Which of f, ∂f/∂x and ∂f/∂y a sample (f, ∂f/∂x, ∂f/∂y, defined) has defined.
pub fn defined_channels(sample: &[f32; 4]) -> [bool; 3] {
    let bits = defined_bits(sample[3]);
    [DEFINED_F, DEFINED_DX, DEFINED_DY].map(|b| bits & b != 0)
}

/// How the gradient is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GradientMode {
    /// From the symbolic derivatives (the default).
    #[default]
    Exact,
    /// Central differences of f with step [`NUMERIC_STEP`]; a check and a teaching mode.
    Numeric,
}

impl std::str::FromStr for GradientMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<GradientMode> {
        match s {
            "exact" => Ok(GradientMode::Exact),
            "numeric" => Ok(GradientMode::Numeric),
            _ => Err(Error::Input(format!(
                "gradient mode '{s}': expected 'exact' or 'numeric'"
            ))),
        }
    }
}

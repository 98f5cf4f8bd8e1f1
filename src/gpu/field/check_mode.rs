//! The field pass in the gradient check's mode: the shader rebuilt with `shaders/check.wgsl`
//! spliced in, and back (see `FieldPass::set_check`).

use super::{FieldPass, MODE_CHECK, MODE_EXACT};
use crate::error::{Error, Result, ShaderError};
use crate::gpu::check;

impl FieldPass {
    /// With `Some(h)`, the next `FieldPass::prepare` computes a gradient check instead of
    /// the field: per sample (log10 of |g_exact − g_numeric| / max(|g_exact|, 1e-20), 0, 0,
    /// defined), the numeric gradient with relative step h (see [`super::NUMERIC_STEP`]), floored
    /// at −10. `None` goes back to the field.
    pub fn set_check(&mut self, device: &wgpu::Device, step: Option<f32>) -> Result<()> {
        if step.is_some() != self.check.is_some() {
            let generated = self.generated.as_deref().ok_or_else(|| {
                Error::Shader(ShaderError::Assembly(
                    "the gradient check needs a pass built from a function".into(),
                ))
            })?;
            let source = check::field_shader(generated, step.is_some())?;
            let mode = if step.is_some() {
                MODE_CHECK
            } else {
                MODE_EXACT
            };
            let pipeline = self.pipeline(device, &source, mode)?;
            self.pipelines = [None, None, None];
            self.pipelines[mode] = Some(pipeline);
            self.source = source;
            self.mode = mode;
        }
        if self.check != step {
            self.reuse.invalidate();
        }
        self.check = step;
        Ok(())
    }
}

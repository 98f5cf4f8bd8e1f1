//! Shader modules: validate WGSL with naga before it reaches a device, then create the module
//! and pipeline inside a validation error scope so a bad shader becomes `Error::Shader`.

use crate::error::{Error, Result};

/// Parses and validates WGSL with naga; the error message points at the offending line.
pub fn validate(label: &str, source: &str) -> Result<naga::Module> {
    let module = naga::front::wgsl::parse_str(source)
        .map_err(|e| Error::Shader(format!("{label}: {}", e.emit_to_string(source))))?;
    naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::default(),
    )
    .validate(&module)
    .map_err(|e| Error::Shader(format!("{label}: {}", e.emit_to_string(source))))?;
    Ok(module)
}

/// A shader module from WGSL, parsed and validated once by naga and handed to wgpu as naga's
/// module (so the source is not parsed a second time), created inside a validation error
/// scope: a bad shader is an `Error::Shader` naming `label`, never a panic.
#[cfg(feature = "gpu")]
pub fn shader_module(
    device: &wgpu::Device,
    label: &str,
    source: &str,
) -> Result<wgpu::ShaderModule> {
    let module = validate(label, source)?;
    let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some(label),
        source: wgpu::ShaderSource::Naga(std::borrow::Cow::Owned(module)),
    });
    match pollster::block_on(scope.pop()) {
        None => Ok(module),
        Some(e) => Err(Error::Shader(format!("{label}: {e}"))),
    }
}

/// A compute pipeline with entry point `cs_main` from validated WGSL, built inside a
/// validation error scope: any failure is returned, never raised on the device.
#[cfg(feature = "gpu")]
pub fn compute_pipeline(
    device: &wgpu::Device,
    label: &str,
    source: &str,
    layout: &wgpu::PipelineLayout,
) -> Result<wgpu::ComputePipeline> {
    compute_pipeline_with(device, label, source, layout, &[])
}

/// Like [`compute_pipeline`], with values for the shader's `override` constants.
#[cfg(feature = "gpu")]
pub fn compute_pipeline_with(
    device: &wgpu::Device,
    label: &str,
    source: &str,
    layout: &wgpu::PipelineLayout,
    constants: &[(&str, f64)],
) -> Result<wgpu::ComputePipeline> {
    let module = shader_module(device, label, source)?;
    let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let pipeline = device.create_compute_pipeline(&wgpu::ComputePipelineDescriptor {
        label: Some(label),
        layout: Some(layout),
        module: &module,
        entry_point: Some("cs_main"),
        compilation_options: wgpu::PipelineCompilationOptions {
            constants,
            ..Default::default()
        },
        cache: None,
    });
    match pollster::block_on(scope.pop()) {
        None => Ok(pipeline),
        Some(e) => Err(Error::Shader(format!("{label}: {e}"))),
    }
}

//! Shader modules: validate WGSL with naga before it reaches a device, then create the module
//! and pipeline inside a validation error scope so a bad shader becomes `Error::Shader`.

use crate::error::{Result, ShaderError};

/// Parses and validates WGSL with naga; the error message points at the offending line.
pub fn validate(label: &str, source: &str) -> Result<naga::Module> {
    let invalid = |message: String| ShaderError::Invalid {
        label: label.to_string(),
        message,
    };
    let module =
        naga::front::wgsl::parse_str(source).map_err(|e| invalid(e.emit_to_string(source)))?;
    naga::valid::Validator::new(
        naga::valid::ValidationFlags::all(),
        naga::valid::Capabilities::default(),
    )
    .validate(&module)
    .map_err(|e| invalid(e.emit_to_string(source)))?;
    Ok(module)
}

/// Runs `create` (a wgpu call that creates a module or pipeline) inside a validation error
/// scope: what wgpu reports there is an `Error::Shader` naming `label`, never a panic or an
/// error left for a later, unrelated check.
#[cfg(feature = "gpu")]
pub(crate) fn in_scope<T>(
    device: &wgpu::Device,
    label: &str,
    create: impl FnOnce() -> T,
) -> Result<T> {
    let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let made = create();
    match pollster::block_on(scope.pop()) {
        None => Ok(made),
        Some(source) => Err(ShaderError::Scope {
            label: label.to_string(),
            source,
        }
        .into()),
    }
}

/// A shader module from WGSL, parsed and validated once by naga and handed to wgpu as naga's
/// module (so the source is not parsed a second time), created inside a validation error
/// scope: a bad shader is an `Error::Shader` naming `label`, never a panic.
#[cfg(feature = "gpu")]
pub(crate) fn shader_module(
    device: &wgpu::Device,
    label: &str,
    source: &str,
) -> Result<wgpu::ShaderModule> {
    let module = validate(label, source)?;
    in_scope(device, label, || {
        device.create_shader_module(wgpu::ShaderModuleDescriptor {
            label: Some(label),
            source: wgpu::ShaderSource::Naga(std::borrow::Cow::Owned(module)),
        })
    })
}

/// A render pipeline from `descriptor`, built inside a validation error scope: a pipeline
/// that does not fit its shader or layout is an `Error::Shader` naming its label.
#[cfg(feature = "gpu")]
pub(crate) fn render_pipeline(
    device: &wgpu::Device,
    descriptor: &wgpu::RenderPipelineDescriptor<'_>,
) -> Result<wgpu::RenderPipeline> {
    let label = descriptor.label.unwrap_or("render pipeline");
    let cache = super::pipeline_cache::for_device(device);
    let descriptor = wgpu::RenderPipelineDescriptor {
        cache: descriptor.cache.or(cache.as_ref()),
        ..descriptor.clone()
    };
    in_scope(device, label, || device.create_render_pipeline(&descriptor))
}

/// A compute pipeline from `descriptor`, built inside a validation error scope.
#[cfg(feature = "gpu")]
pub(crate) fn compute_pipeline_from(
    device: &wgpu::Device,
    descriptor: &wgpu::ComputePipelineDescriptor<'_>,
) -> Result<wgpu::ComputePipeline> {
    let label = descriptor.label.unwrap_or("compute pipeline");
    let cache = super::pipeline_cache::for_device(device);
    let descriptor = wgpu::ComputePipelineDescriptor {
        cache: descriptor.cache.or(cache.as_ref()),
        ..descriptor.clone()
    };
    in_scope(device, label, || {
        device.create_compute_pipeline(&descriptor)
    })
}

/// A compute pipeline with entry point `cs_main` from validated WGSL, built inside a
/// validation error scope: any failure is returned, never raised on the device.
#[cfg(feature = "gpu")]
pub(crate) fn compute_pipeline(
    device: &wgpu::Device,
    label: &str,
    source: &str,
    layout: &wgpu::PipelineLayout,
) -> Result<wgpu::ComputePipeline> {
    compute_pipeline_with(device, label, source, layout, &[])
}

/// Like [`compute_pipeline`], with values for the shader's `override` constants.
#[cfg(feature = "gpu")]
pub(crate) fn compute_pipeline_with(
    device: &wgpu::Device,
    label: &str,
    source: &str,
    layout: &wgpu::PipelineLayout,
    constants: &[(&str, f64)],
) -> Result<wgpu::ComputePipeline> {
    let module = shader_module(device, label, source)?;
    compute_pipeline_from(
        device,
        &wgpu::ComputePipelineDescriptor {
            label: Some(label),
            layout: Some(layout),
            module: &module,
            entry_point: Some("cs_main"),
            compilation_options: wgpu::PipelineCompilationOptions {
                constants,
                ..Default::default()
            },
            cache: None,
        },
    )
}

//! The field at full size from the field on a coarser grid of the same view (`FieldPass` with
//! a stride, the level of detail of a costly field while it changes): bilinear interpolation
//! of f and ∇f in `shaders/upsample.wgsl`, defined where the four samples it is made from are;
//! and how coarse a field must be to fit a budget of terms a frame ([`stride_for`]).

use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry, uniform_buffer, uniform_entry};
use crate::gpu::library;
use crate::gpu::shader;

/// Uniform parameters (`Params` in shaders/upsample.wgsl).
#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct Params {
    width: u32,
    height: u32,
    coarse_width: u32,
    coarse_height: u32,
}

/// The layout of [`Params`] (tests/layout.rs compares it with the shader's).
pub(crate) fn params_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "Params",
        Params {
            width,
            height,
            coarse_width,
            coarse_height
        }
    )
}

/// The upsampling shader, its imports resolved.
pub fn upsample_source() -> Result<String> {
    library::resolve(
        "shaders/upsample.wgsl",
        include_str!("../../shaders/upsample.wgsl"),
    )
}

/// The grid a field of `size` is computed on with `stride`: each side divided, rounded up.
pub fn coarse_size(size: (u32, u32), stride: u32) -> (u32, u32) {
    let s = stride.max(1);
    (size.0.div_ceil(s).max(1), size.1.div_ceil(s).max(1))
}

/// The strides tried, finest first.
pub const STRIDES: [u32; 7] = [1, 2, 4, 8, 16, 32, 64];

/// What one frame may cost: terms (samples × points) a field may sum while something changes
/// and once it is still, and the pixels the layers may be drawn at while something changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    pub moving: f64,
    pub still: f64,
    /// Plot pixels drawn while something changes (the renderer's resolution divisor is the
    /// smallest that fits them).
    pub moving_pixels: f64,
}

impl Budget {
    /// For a software GPU (lavapipe sums about 4·10⁸ terms a second on this project's two
    /// cores, `gradfield bench`: 25 ms while moving, 250 ms to refine; its heatmap, contours
    /// and arrows cost about 30 ns a pixel, so 1.5·10⁵ pixels is about 5 ms) or a real one
    /// (assumed a few hundred times faster; not measured here: every pixel while moving).
    pub fn for_adapter(software: bool) -> Budget {
        if software {
            Budget {
                moving: 1e7,
                still: 1e8,
                moving_pixels: 1.5e5,
            }
        } else {
            Budget {
                moving: 5e9,
                still: 1e11,
                moving_pixels: f64::INFINITY,
            }
        }
    }
}

/// The resolution divisors tried while something changes: every pixel, ¼, ⅟₁₆, ⅟₆₄.
pub const DIVISORS: [u32; 4] = [1, 2, 4, 8];

/// The smallest divisor that brings `samples` plot pixels within `pixels` (the largest when
/// none does).
pub fn divisor_for(samples: u64, pixels: f64) -> u32 {
    DIVISORS
        .into_iter()
        .find(|&d| samples as f64 / f64::from(d * d) <= pixels)
        .unwrap_or(DIVISORS[DIVISORS.len() - 1])
}

/// The coarsest stride is used when even it is over the budget.
pub fn stride_for(samples: u64, terms: u64, budget: f64) -> u32 {
    let cost = |s: u32| samples as f64 / f64::from(s * s) * terms as f64;
    STRIDES
        .into_iter()
        .find(|&s| cost(s) <= budget)
        .unwrap_or(STRIDES[STRIDES.len() - 1])
}

/// The pipeline and its bind group over one coarse and one fine buffer.
pub(crate) struct UpsamplePass {
    layout: wgpu::BindGroupLayout,
    pipeline: wgpu::ComputePipeline,
    params: wgpu::Buffer,
    bind_group: Option<wgpu::BindGroup>,
    size: (u32, u32),
}

impl UpsamplePass {
    pub(crate) fn new(device: &wgpu::Device) -> Result<UpsamplePass> {
        let compute = wgpu::ShaderStages::COMPUTE;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("UpsamplePass::layout"),
            entries: &[
                uniform_entry(0, compute),
                storage_entry(1, compute, true),
                storage_entry(2, compute, false),
            ],
        });
        let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("UpsamplePass::layout"),
            bind_group_layouts: &[Some(&layout)],
            immediate_size: 0,
        });
        let source = upsample_source()?;
        let pipeline =
            shader::compute_pipeline(device, "UpsamplePass::pipeline", &source, &pipeline_layout)?;
        let params = uniform_buffer(device, "UpsamplePass::params", 16);
        Ok(UpsamplePass {
            layout,
            pipeline,
            params,
            bind_group: None,
            size: (0, 0),
        })
    }

    /// Binds `coarse` (a `coarse_size` grid) and `fine` (a `size` grid) and writes the sizes.
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        (coarse, coarse_size): (&wgpu::Buffer, (u32, u32)),
        (fine, size): (&wgpu::Buffer, (u32, u32)),
    ) {
        let params = Params {
            width: size.0,
            height: size.1,
            coarse_width: coarse_size.0,
            coarse_height: coarse_size.1,
        };
        queue.write_buffer(&self.params, 0, bytemuck::bytes_of(&params));
        self.bind_group = Some(bind_group(
            device,
            "UpsamplePass::bind_group",
            &self.layout,
            &[&self.params, coarse, fine],
        ));
        self.size = size;
    }

    /// Records the dispatch (after the coarse field's, in the same compute pass).
    pub(crate) fn dispatch(&self, pass: &mut wgpu::ComputePass<'_>) {
        let Some(group) = &self.bind_group else {
            return;
        };
        let w = library::FIELD_WORKGROUP;
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, group, &[]);
        pass.dispatch_workgroups(self.size.0.div_ceil(w), self.size.1.div_ceil(w), 1);
    }
}

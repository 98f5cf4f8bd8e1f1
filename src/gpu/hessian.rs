//! The Hessian compute pass: f, ∇f and ∇²f at every sample of a W×H grid, with the largest
//! stable gradient-descent step 2/λmax(∇²f), into a storage buffer that `gradfield sample
//! --hessian/--stability` reads back and the stability map (`render::stability`) draws.
//!
//! Buffer layout (keep in sync with shaders/hessian.wgsl): 2·W·H `vec4<f32>`, row-major, row
//! 0 = top; sample k = j·W + i owns `[2k]` = (f, ∂f/∂x, ∂f/∂y, bits) and `[2k + 1]` =
//! (∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y², 2/λmax). Bit c of `bits` is set where channel c (f, the two
//! first and the three second partials) is defined, [`NO_POSITIVE`] where no eigenvalue of
//! ∇²f is positive (2/λmax is then stored as 0 and means +∞); undefined channels hold 0.

use crate::error::{Error, Result};
use crate::expr::{wgsl, Function};
use crate::gpu::binding::{
    bind_group, buffer, grid_layouts, symbol_block, DataPoints, SYMBOL_FLOATS,
};
use crate::gpu::{library, shader, Gpu};
use crate::view::View;

/// The Hessian shader template; the generated `gf_hess` goes at [`wgsl::PLACEHOLDER`].
pub const HESSIAN_TEMPLATE: &str = include_str!("../../shaders/hessian.wgsl");
/// Bytes per sample: two vec4 of f32.
pub(crate) const HESSIAN_SAMPLE_BYTES: u64 = 32;
/// The bit of `bits` set where ∇²f is defined and no eigenvalue is positive.
pub const NO_POSITIVE: u32 = 64;
/// The bits of the three second partials.
const SECOND_BITS: u32 = 8 | 16 | 32;

/// Uniform parameters (`Params` in shaders/hessian.wgsl).
#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct Params {
    width: u32,
    height: u32,
    pad0: u32,
    pad1: u32,
}

/// The layout of [`Params`] (tests/layout.rs compares it with the shader's).
pub(crate) fn params_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "Params",
        Params {
            width,
            height,
            pad0,
            pad1
        }
    )
}

/// The complete Hessian shader of a function.
pub fn hessian_source(function: &Function) -> Result<String> {
    let generated = wgsl::generate_hessian(function.hessian_tape().tape())?;
    let spliced = wgsl::splice(HESSIAN_TEMPLATE, &generated)?;
    library::resolve("shaders/hessian.wgsl", &spliced)
}

/// One sample of the Hessian field as read back: the six channels (NaN where undefined) and
/// 2/λmax (+∞ where no eigenvalue is positive, NaN where ∇²f is undefined).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HessianSample {
    pub channels: [f32; 6],
    pub stable_lr: f32,
}

impl HessianSample {
    /// Decodes the two vec4 of one sample.
    pub fn decode(first: [f32; 4], second: [f32; 4]) -> HessianSample {
        let bits = first[3] as u32;
        let values = [
            first[0], first[1], first[2], second[0], second[1], second[2],
        ];
        let channels = std::array::from_fn(|k| {
            if bits & (1 << k) != 0 {
                values[k]
            } else {
                f32::NAN
            }
        });
        let stable_lr = if bits & SECOND_BITS != SECOND_BITS {
            f32::NAN
        } else if bits & NO_POSITIVE != 0 {
            f32::INFINITY
        } else {
            second[3]
        };
        HessianSample {
            channels,
            stable_lr,
        }
    }
}

/// The Hessian compute pass: its pipeline, buffers and bind group.
pub struct HessianPass {
    layout: wgpu::BindGroupLayout,
    pipeline_layout: wgpu::PipelineLayout,
    pipeline: wgpu::ComputePipeline,
    /// The shader of the current function (a new function with the same shader keeps the
    /// pipeline: only the symbols' values changed).
    source: String,
    params: wgpu::Buffer,
    symbols: wgpu::Buffer,
    symbol_values: crate::gpu::binding::Symbols,
    /// A data loss's points (binding 5).
    data: DataPoints,
    /// The grid's buffers and bind group, for the size of the last prepare.
    grid: Option<Grid>,
}

struct Grid {
    size: (u32, u32),
    xs: wgpu::Buffer,
    ys: wgpu::Buffer,
    out: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
}

impl HessianPass {
    /// A pass for `function` (its shader built and validated now).
    pub fn new(device: &wgpu::Device, function: &Function) -> Result<HessianPass> {
        let (layout, pipeline_layout) = grid_layouts(device, "HessianPass::layout");
        let source = hessian_source(function)?;
        let pipeline =
            shader::compute_pipeline(device, "HessianPass::pipeline", &source, &pipeline_layout)?;
        use wgpu::BufferUsages as U;
        let symbol_bytes = (SYMBOL_FLOATS * 4) as u64;
        Ok(HessianPass {
            layout,
            pipeline_layout,
            pipeline,
            source,
            params: buffer(device, "HessianPass::params", 16, U::UNIFORM | U::COPY_DST),
            symbols: buffer(
                device,
                "HessianPass::symbols",
                symbol_bytes,
                U::UNIFORM | U::COPY_DST,
            ),
            symbol_values: symbol_block(&function.values),
            data: DataPoints::new(device, function.data()),
            grid: None,
        })
    }

    /// Switches to another function; the pipeline is rebuilt only when its shader differs
    /// (not when only the symbols' values moved). On error the previous function stays.
    pub fn set_function(&mut self, device: &wgpu::Device, function: &Function) -> Result<()> {
        let source = hessian_source(function)?;
        if source != self.source {
            self.pipeline = shader::compute_pipeline(
                device,
                "HessianPass::pipeline",
                &source,
                &self.pipeline_layout,
            )?;
            self.source = source;
        }
        self.symbol_values = symbol_block(&function.values);
        if self.data.update(device, function.data()) {
            // The bind group holds the old points: made again by the next prepare.
            self.grid = None;
        }
        Ok(())
    }

    /// Uploads the coordinates of `view` on a `width`×`height` grid; reallocates only when the
    /// size changes.
    pub fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        view: &View,
        (width, height): (u32, u32),
    ) -> Result<()> {
        let bytes = u64::from(width) * u64::from(height) * HESSIAN_SAMPLE_BYTES;
        let limits = device.limits();
        let limit = limits
            .max_storage_buffer_binding_size
            .min(limits.max_buffer_size);
        if width == 0 || height == 0 || bytes > limit {
            return Err(Error::Input(format!(
                "Hessian grid {width}×{height} is not supported by this GPU (at most {limit} bytes)"
            )));
        }
        if self.grid.as_ref().map(|g| g.size) != Some((width, height)) {
            use wgpu::BufferUsages as U;
            let buffer = |label, size, usage| {
                device.create_buffer(&wgpu::BufferDescriptor {
                    label: Some(label),
                    size,
                    usage,
                    mapped_at_creation: false,
                })
            };
            let xs = buffer(
                "HessianPass::xs",
                u64::from(width) * 4,
                U::STORAGE | U::COPY_DST,
            );
            let ys = buffer(
                "HessianPass::ys",
                u64::from(height) * 4,
                U::STORAGE | U::COPY_DST,
            );
            let out = buffer("HessianPass::out", bytes, U::STORAGE | U::COPY_SRC);
            let bind_group = bind_group(
                device,
                "HessianPass::bind_group",
                &self.layout,
                &[
                    &self.params,
                    &xs,
                    &ys,
                    &out,
                    &self.symbols,
                    self.data.buffer(),
                ],
            );
            self.grid = Some(Grid {
                size: (width, height),
                xs,
                ys,
                out,
                bind_group,
            });
        }
        let Some(grid) = &self.grid else {
            return Ok(());
        };
        let xs: Vec<f32> = (0..width).map(|i| view.sample_x(i, width) as f32).collect();
        let ys: Vec<f32> = (0..height)
            .map(|j| view.sample_y(j, height) as f32)
            .collect();
        let params = Params {
            width,
            height,
            pad0: 0,
            pad1: 0,
        };
        queue.write_buffer(&grid.xs, 0, bytemuck::cast_slice(&xs));
        queue.write_buffer(&grid.ys, 0, bytemuck::cast_slice(&ys));
        queue.write_buffer(&self.params, 0, bytemuck::bytes_of(&params));
        queue.write_buffer(&self.symbols, 0, bytemuck::bytes_of(&self.symbol_values));
        Ok(())
    }

    /// Records the dispatch that fills [`HessianPass::buffer`].
    pub fn dispatch(&self, pass: &mut wgpu::ComputePass<'_>) {
        let Some(grid) = &self.grid else {
            return;
        };
        let w = crate::gpu::library::FIELD_WORKGROUP;
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &grid.bind_group, &[]);
        pass.dispatch_workgroups(grid.size.0.div_ceil(w), grid.size.1.div_ceil(w), 1);
    }

    /// The output buffer (laid out as in the module docs), once prepared.
    pub fn buffer(&self) -> Option<&wgpu::Buffer> {
        self.grid.as_ref().map(|g| &g.out)
    }

    /// The grid size of the last prepare.
    pub fn size(&self) -> Option<(u32, u32)> {
        self.grid.as_ref().map(|g| g.size)
    }

    /// Prepares and submits the dispatch over `view` on a `size` grid, without waiting: the
    /// buffer holds the samples once the queue has run it (a render pass reading it later in
    /// the same queue sees them).
    pub fn compute(&mut self, gpu: &Gpu, view: &View, size: (u32, u32)) -> Result<()> {
        self.prepare(&gpu.device, &gpu.queue, view, size)?;
        crate::gpu::readback::submit_compute(gpu, "HessianPass::compute", |cpass| {
            self.dispatch(cpass)
        });
        Ok(())
    }

    /// [`HessianPass::compute`], then the samples read back (row-major, row 0 = top).
    pub fn run(&mut self, gpu: &Gpu, view: &View, size: (u32, u32)) -> Result<Vec<HessianSample>> {
        self.compute(gpu, view, size)?;
        let buffer = self
            .buffer()
            .ok_or_else(|| Error::gpu("the Hessian pass has no buffer"))?;
        let n = size.0 as usize * size.1 as usize;
        let raw = crate::gpu::read_buffer_f32x4(gpu, buffer, 2 * n)?;
        Ok(raw
            .chunks_exact(2)
            .map(|pair| HessianSample::decode(pair[0], pair[1]))
            .collect())
    }
}

/// The Hessian field of `function` over `view` on a `size` grid, computed on the GPU.
pub fn sample_hessian(
    gpu: &Gpu,
    function: &Function,
    view: &View,
    size: (u32, u32),
) -> Result<Vec<HessianSample>> {
    HessianPass::new(&gpu.device, function)?.run(gpu, view, size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_turns_bits_into_nan_and_infinity() {
        let s = HessianSample::decode([1.0, 2.0, 3.0, 63.0], [4.0, 5.0, 6.0, 0.25]);
        assert_eq!(s.channels, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        assert_eq!(s.stable_lr, 0.25);
        let dome = HessianSample::decode([1.0, 0.0, 0.0, 127.0], [-2.0, 0.0, -2.0, 0.0]);
        assert_eq!(dome.stable_lr, f32::INFINITY);
        let cusp = HessianSample::decode([1.0, 0.0, 0.0, 1.0], [0.0; 4]);
        assert!(cusp.channels[1..].iter().all(|c| c.is_nan()) && cusp.stable_lr.is_nan());
        assert_eq!(cusp.channels[0], 1.0);
    }
}

//! The field compute pass: f, ∂f/∂x, ∂f/∂y and "defined" at every sample of a W×H grid, into
//! a storage buffer that the render passes read directly.
//!
//! Buffer layout (keep in sync with shaders/field.wgsl): W·H `vec4<f32>`, row-major, row 0 =
//! top (DESIGN.md grid convention), sample (row j, column i) at index j·W + i, holding
//! (f, ∂f/∂x, ∂f/∂y, defined): defined is the bit set of the channels that are defined
//! (`DEFINED_F` | `DEFINED_DX` | `DEFINED_DY`) as a float, so 7.0 where all three are,
//! 1.0 where f is but its gradient is not (`x^0.5` at x = 0) and 0.0 where f is not; an
//! undefined channel holds 0.0. A derivative is never defined where f is not.

use crate::error::{Error, Result};
use crate::expr::tape::Tape;
use crate::expr::wgsl;
use crate::expr::Function;
use crate::gpu::binding::{
    field_bind_group, field_layouts, symbol_block, DataPoints, SYMBOL_FLOATS,
};
use crate::gpu::check;
use crate::gpu::recent::RecentPipelines;
use crate::gpu::upsample::UpsamplePass;
use reuse::Reuse;

pub use super::source::{
    defined_channels, field_source, function_tapes, GradientMode, FIELD_TEMPLATE, NUMERIC_STEP,
};

use crate::view::View;

mod check_mode;
pub(crate) mod reuse;

/// Bytes per sample of the field buffer: (f, ∂f/∂x, ∂f/∂y, defined) as f32.
pub(crate) const SAMPLE_BYTES: u64 = 16;

/// Workgroup size of `cs_main` in x and y (`FIELD_WORKGROUP` in the shader's constants).
pub(crate) const WORKGROUP: u32 = crate::gpu::library::FIELD_WORKGROUP;

/// Uniform parameters (`Params` in shaders/field.wgsl).
#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct Params {
    width: u32,
    height: u32,
    unused: u32,
    step: f32,
}

/// The layout of [`Params`] (tests/layout.rs compares it with the shader's).
pub(crate) fn params_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "Params",
        Params {
            width,
            height,
            unused,
            step
        }
    )
}

/// The values of the shader's `MODE` constant (see shaders/field.wgsl).
const MODE_EXACT: usize = 0;
const MODE_NUMERIC: usize = 1;
const MODE_CHECK: usize = 2;

/// The field compute pass: owns its pipeline, layouts, buffers and bind group.
pub struct FieldPass {
    layout: wgpu::BindGroupLayout,
    pipeline_layout: wgpu::PipelineLayout,
    /// The complete shader of the current function (with the check or its stub).
    source: String,
    /// One pipeline per `MODE`, built when first needed: a mode compiled in but not taken
    /// still costs a software GPU time per sample, so each pipeline holds only its own.
    pipelines: [Option<wgpu::ComputePipeline>; 3],
    /// The mode of the last [`FieldPass::prepare`].
    mode: usize,
    params: wgpu::Buffer,
    xs: wgpu::Buffer,
    ys: wgpu::Buffer,
    field: wgpu::Buffer,
    /// The symbols' values (`symbols` in shaders/field.wgsl), written by every prepare.
    symbols: wgpu::Buffer,
    symbol_values: crate::gpu::binding::Symbols,
    /// A data loss's points (binding 5).
    data: DataPoints,
    bind_group: wgpu::BindGroup,
    /// The field's size (what [`FieldPass::buffer`] holds).
    size: (u32, u32),
    /// Compute the field on a grid this many times coarser and interpolate it up (1: every
    /// sample computed).
    stride: u32,
    /// The grid the shader runs on: `size`, or the coarse grid of `stride`.
    grid: (u32, u32),
    /// The coarse field and the pass that interpolates it, while `stride` > 1.
    coarse: Option<(wgpu::Buffer, UpsamplePass)>,
    check: Option<f32>,
    /// The generated functions of the current function, to rebuild with or without the check.
    generated: Option<String>,
    recent: RecentPipelines,
    /// Reusing the samples still in view after a pan by whole pixels (`field_reuse.rs`).
    reuse: Reuse,
}

impl FieldPass {
    /// A pass for the function compiled into the two tapes (see [`field_source`]).
    pub fn new(device: &wgpu::Device, tape_f_grad: &Tape, tape_f: &Tape) -> Result<FieldPass> {
        let generated = wgsl::generate(tape_f_grad, tape_f)?;
        let mut pass = FieldPass::from_source(device, &check::field_shader(&generated, false)?)?;
        pass.generated = Some(generated);
        pass.symbol_values = symbol_block(tape_f_grad.syms());
        pass.set_data(device, tape_f_grad);
        Ok(pass)
    }

    /// A pass for a parsed function and its derivatives.
    pub fn for_function(device: &wgpu::Device, function: &Function) -> Result<FieldPass> {
        let (grad, value) = function_tapes(function);
        FieldPass::new(device, &grad, &value)
    }

    /// A pass from a complete field shader (the template with functions spliced in).
    /// Invalid WGSL gives `Error::Shader`.
    pub fn from_source(device: &wgpu::Device, source: &str) -> Result<FieldPass> {
        let (layout, pipeline_layout) = field_layouts(device, "FieldPass::layout");
        let mut recent = RecentPipelines::default();
        let pipeline = recent.field_pipeline(device, source, &pipeline_layout, MODE_EXACT)?;
        let buffer = |label, size, usage| crate::gpu::binding::buffer(device, label, size, usage);
        use wgpu::BufferUsages as U;
        let params = buffer("FieldPass::params", 16, U::UNIFORM | U::COPY_DST);
        let xs = buffer("FieldPass::xs", 4, U::STORAGE | U::COPY_DST);
        let ys = buffer("FieldPass::ys", 4, U::STORAGE | U::COPY_DST);
        let field = buffer("FieldPass::field", SAMPLE_BYTES, U::STORAGE | U::COPY_SRC);
        let symbols = buffer(
            "FieldPass::symbols",
            (SYMBOL_FLOATS * 4) as u64,
            U::UNIFORM | U::COPY_DST,
        );
        let data = DataPoints::new(device, None);
        let reuse = Reuse::new(device);
        let bind_group = field_bind_group(
            device,
            &layout,
            [&params, &xs, &ys, &field, &symbols, data.buffer()],
            reuse.tiles(),
        );
        Ok(FieldPass {
            layout,
            pipeline_layout,
            source: source.to_owned(),
            pipelines: [Some(pipeline), None, None],
            mode: MODE_EXACT,
            params,
            xs,
            ys,
            field,
            symbols,
            symbol_values: symbol_block(&[]),
            data,
            bind_group,
            size: (1, 1),
            stride: 1,
            grid: (1, 1),
            coarse: None,
            check: None,
            generated: None,
            recent,
            reuse,
        })
    }

    /// Switches to another function; only the pipeline is rebuilt, and not even that when
    /// only the symbols' values changed (a slider moved): they are a uniform. On error the
    /// previous function stays in place.
    pub fn set_function(
        &mut self,
        device: &wgpu::Device,
        tape_f_grad: &Tape,
        tape_f: &Tape,
    ) -> Result<()> {
        let generated = wgsl::generate(tape_f_grad, tape_f)?;
        let source = check::field_shader(&generated, self.check.is_some())?;
        self.set_built_source(device, source)?;
        self.generated = Some(generated);
        self.symbol_values = symbol_block(tape_f_grad.syms());
        self.set_data(device, tape_f_grad);
        self.reuse.invalidate();
        Ok(())
    }

    /// Binds the points of `tape`'s data loss (the placeholder for a plain function).
    fn set_data(&mut self, device: &wgpu::Device, tape: &Tape) {
        if self.data.update(device, tape.data().map(|d| &**d)) {
            self.bind(device);
        }
    }

    /// Makes the bind group over the current buffers: the shader writes the coarse field
    /// while there is one, else the field.
    fn bind(&mut self, device: &wgpu::Device) {
        let out = self.coarse.as_ref().map_or(&self.field, |(c, _)| c);
        self.bind_group = field_bind_group(
            device,
            &self.layout,
            [
                &self.params,
                &self.xs,
                &self.ys,
                out,
                &self.symbols,
                self.data.buffer(),
            ],
            self.reuse.tiles(),
        );
    }

    /// From the next prepare on, computes the field on a grid `stride` times
    /// coarser in each direction and interpolates it to full size (1: every sample; the
    /// result is then exactly the field's).
    pub fn set_stride(&mut self, stride: u32) {
        self.stride = stride.max(1);
    }

    /// The stride of the last prepare's field.
    pub fn stride(&self) -> u32 {
        if self.grid == self.size {
            1
        } else {
            self.stride
        }
    }

    /// Like `FieldPass::set_function` for a complete field shader (which the gradient check
    /// cannot rebuild: [`FieldPass::set_check`] then fails until the next `set_function`).
    pub fn set_source(&mut self, device: &wgpu::Device, source: &str) -> Result<()> {
        self.set_built_source(device, source.to_owned())?;
        self.generated = None;
        Ok(())
    }

    /// Switches to `source`, building the pipeline of the current mode now (so that a shader
    /// that fails reports here and leaves the previous one in place) and the others lazily.
    fn set_built_source(&mut self, device: &wgpu::Device, source: String) -> Result<()> {
        if source == self.source {
            return Ok(());
        }
        let pipeline = self.pipeline(device, &source, self.mode)?;
        self.pipelines = [None, None, None];
        self.pipelines[self.mode] = Some(pipeline);
        self.source = source;
        self.reuse.invalidate();
        Ok(())
    }

    /// Uploads the sample coordinates of `view` on a `width`×`height` grid and the mode;
    /// reallocates the buffers only when the size changes.
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        view: &View,
        width: u32,
        height: u32,
        mode: GradientMode,
    ) -> Result<()> {
        let bytes = width as u64 * height as u64 * SAMPLE_BYTES;
        let limit = device
            .limits()
            .max_storage_buffer_binding_size
            .min(device.limits().max_buffer_size);
        if width == 0 || height == 0 || bytes > limit {
            return Err(Error::Input(format!(
                "field size {width}×{height} is not supported by this GPU (at most {limit} bytes)"
            )));
        }
        let grid = crate::gpu::upsample::coarse_size((width, height), self.stride);
        if ((width, height), grid) != (self.size, self.grid) {
            use wgpu::BufferUsages as U;
            let buffer =
                |label, size, usage| crate::gpu::binding::buffer(device, label, size, usage);
            if (width, height) != self.size {
                self.field = buffer("FieldPass::field", bytes, U::STORAGE | U::COPY_SRC);
                self.reuse.forget();
            }
            let (gw, gh) = grid;
            self.xs = buffer("FieldPass::xs", gw as u64 * 4, U::STORAGE | U::COPY_DST);
            self.ys = buffer("FieldPass::ys", gh as u64 * 4, U::STORAGE | U::COPY_DST);
            self.coarse = if grid == (width, height) {
                None
            } else {
                let coarse_bytes = gw as u64 * gh as u64 * SAMPLE_BYTES;
                let coarse = buffer("FieldPass::coarse", coarse_bytes, U::STORAGE);
                let mut up = match self.coarse.take() {
                    Some((_, up)) => up,
                    None => UpsamplePass::new(device)?,
                };
                up.prepare(
                    device,
                    queue,
                    (&coarse, grid),
                    (&self.field, (width, height)),
                );
                Some((coarse, up))
            };
            self.size = (width, height);
            self.grid = grid;
            self.bind(device);
        }
        let (width, height) = grid;
        let xs: Vec<f32> = (0..width).map(|i| view.sample_x(i, width) as f32).collect();
        let ys: Vec<f32> = (0..height)
            .map(|j| view.sample_y(j, height) as f32)
            .collect();
        let mode = match (self.check, mode) {
            (Some(_), _) => MODE_CHECK,
            (None, GradientMode::Exact) => MODE_EXACT,
            (None, GradientMode::Numeric) => MODE_NUMERIC,
        };
        if self.pipelines[mode].is_none() {
            let source = std::mem::take(&mut self.source);
            let pipeline = self.pipeline(device, &source, mode);
            self.source = source;
            self.pipelines[mode] = Some(pipeline?);
        }
        self.mode = mode;
        let params = Params {
            width,
            height,
            unused: 0,
            step: self.check.unwrap_or(NUMERIC_STEP),
        };
        queue.write_buffer(&self.xs, 0, bytemuck::cast_slice(&xs));
        queue.write_buffer(&self.ys, 0, bytemuck::cast_slice(&ys));
        // The coordinates are the reuse's to keep: the next prepare compares with them.
        let reusable = self.coarse.is_none();
        self.reuse
            .prepare(device, queue, &self.field, (xs, ys), mode, reusable)?;
        queue.write_buffer(&self.params, 0, bytemuck::bytes_of(&params));
        queue.write_buffer(&self.symbols, 0, bytemuck::bytes_of(&self.symbol_values));
        Ok(())
    }

    /// Records the dispatch that fills [`FieldPass::buffer`] (no encoder, no submit).
    pub(crate) fn dispatch(&self, pass: &mut wgpu::ComputePass<'_>) {
        let Some(pipeline) = &self.pipelines[self.mode] else {
            return;
        };
        self.reuse
            .dispatch(pass, pipeline, &self.bind_group, self.grid);
        if let Some((_, up)) = &self.coarse {
            up.dispatch(pass);
        }
    }

    /// The pipeline of `source` for `mode`: one of the last few used, or a new one.
    fn pipeline(
        &mut self,
        device: &wgpu::Device,
        source: &str,
        mode: usize,
    ) -> Result<wgpu::ComputePipeline> {
        self.recent
            .field_pipeline(device, source, &self.pipeline_layout, mode)
    }

    /// How many compute pipelines this pass has built: switching back to one of the last
    /// few functions reuses its pipeline.
    pub fn pipelines_built(&self) -> u64 {
        self.recent.built()
    }

    /// The field buffer (STORAGE | COPY_SRC), laid out as described in the module docs.
    pub(crate) fn buffer(&self) -> &wgpu::Buffer {
        &self.field
    }
}

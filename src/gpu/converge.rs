//! The convergence map: one optimizer run from every sample of a W×H grid on the GPU (the
//! update rules of `descent`, in f32), giving where each start ends and when it converged.
//!
//! Buffer layout (keep in sync with shaders/converge.wgsl): W·H [`Walker`]s, row-major, row 0 =
//! top (DESIGN.md grid convention), start (row j, column i) at index j·W + i. The steps run
//! `CHUNK_STEPS` per dispatch, one submission each, so a long run never becomes one giant
//! dispatch that a driver's watchdog would kill.

use crate::descent::{LineSearch, Optimizer, Schedule};
use crate::error::{Error, Result};
use crate::expr::{wgsl, Function};
use crate::gpu::binding::{
    bind_group, grid_layouts, symbol_block, uniform_buffer, DataPoints, SYMBOL_FLOATS,
};
use crate::gpu::field::{function_tapes, WORKGROUP};
use crate::gpu::readback::{read_buffer_f32x4, submit_compute, wait};
use crate::gpu::{shader, Gpu};

use crate::view::View;

use super::walker::Params;
pub use super::walker::{ConvergeSettings, Walker};
pub(crate) use super::walker::{STATUS_CONVERGED, STATUS_DIVERGED, WALKER_BYTES};

/// The convergence shader template; generated functions go at [`wgsl::PLACEHOLDER`].
pub const CONVERGE_TEMPLATE: &str = include_str!("../../shaders/converge.wgsl");

/// The most steps one dispatch takes.
pub(crate) const CHUNK_STEPS: u32 = 64;

/// The most steps a run may ask for (keeps step counts exact in f32 and u32 sums safe).
pub(crate) const MAX_STEPS: u32 = 1_000_000;

/// The complete convergence shader for a function, its `#import` lines resolved.
pub fn converge_source(function: &Function, optimizer: Optimizer) -> Result<String> {
    let (grad, value) = function_tapes(function);
    let generated = if optimizer == Optimizer::Newton {
        wgsl::generate_with_hessian(&grad, &value, function.hessian_tape().tape())?
    } else {
        format!("{}\n{HESSIAN_STUB}", wgsl::generate(&grad, &value)?)
    };
    let spliced = wgsl::splice(CONVERGE_TEMPLATE, &generated)?;
    crate::gpu::library::resolve("shaders/converge.wgsl", &spliced)
}

/// What a convergence shader built for another optimizer than Newton's calls in place of
/// `gf_hess` (never reached: [`ConvergePass::prepare`] refuses Newton there), so that only
/// Newton's shaders carry the second partials.
const HESSIAN_STUB: &str = "fn gf_hess(x: f32, y: f32) -> Second {\n    return Second(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0u);\n}\n";

/// The shader's constants for a run: the optimizer's place in [`Optimizer::ALL`], the
/// schedule's kind and whether the line search runs.
fn pipeline_key(optimizer: Optimizer, schedule: &Schedule, line_search: LineSearch) -> PipelineKey {
    let index = Optimizer::ALL
        .iter()
        .position(|&o| o == optimizer)
        .unwrap_or(0) as u32;
    let (kind, _, _) = schedule_params(schedule);
    [index, kind, u32::from(line_search == LineSearch::Armijo)]
}

/// The pipeline of `source` with the constants of `key`.
fn build_pipeline(
    device: &wgpu::Device,
    source: &str,
    layout: &wgpu::PipelineLayout,
    key: PipelineKey,
) -> Result<wgpu::ComputePipeline> {
    let constants = [
        ("OPTIMIZER", f64::from(key[0])),
        ("SCHEDULE", f64::from(key[1])),
        ("LINE_SEARCH", f64::from(key[2])),
    ];
    shader::compute_pipeline_with(device, "ConvergePass::pipeline", source, layout, &constants)
}

/// The schedule as the shader reads it: (kind, a, b).
fn schedule_params(schedule: &Schedule) -> (u32, f32, f32) {
    match *schedule {
        Schedule::Const => (0, 0.0, 0.0),
        Schedule::Exp { gamma } => (1, gamma as f32, 0.0),
        Schedule::Step { every, gamma } => (2, every as f32, gamma as f32),
        Schedule::Inv { decay } => (3, decay as f32, 0.0),
        Schedule::Cosine { steps } => (4, steps as f32, 0.0),
    }
}

/// How many pipelines (one per optimizer, schedule kind and line search run) a pass keeps.
const KEPT_PIPELINES: usize = 4;

/// The values of the shader's `OPTIMIZER`, `SCHEDULE` and `LINE_SEARCH` constants.
type PipelineKey = [u32; 3];

/// The convergence compute pass: owns its pipelines, layout, buffers and bind group.
pub struct ConvergePass {
    layout: wgpu::BindGroupLayout,
    pipeline_layout: wgpu::PipelineLayout,
    /// The pipelines built, most recent first (at most [`KEPT_PIPELINES`]); the first is the
    /// one `dispatch` runs.
    pipelines: Vec<(PipelineKey, wgpu::ComputePipeline)>,
    params: wgpu::Buffer,
    /// The function's symbols' values (`symbols` in shaders/converge.wgsl).
    symbols: wgpu::Buffer,
    symbol_values: crate::gpu::binding::Symbols,
    /// A data loss's points (binding 5; [`ConvergePass::reuse_for`] takes other points).
    data: DataPoints,
    /// The shader this pass was built from: another function with the same one (only its
    /// symbols' values differ) reuses the pass.
    source: String,
    buffers: Option<(wgpu::Buffer, wgpu::BindGroup)>,
    size: (u32, u32),
    steps: u32,
    /// Whether the shader has the second partials (built for Newton's method).
    newton: bool,
}

impl ConvergePass {
    /// A pass for `function` run by `optimizer` (Newton's shader carries the second partials,
    /// the others' do not); invalid WGSL gives `Error::Shader`.
    pub fn new(
        device: &wgpu::Device,
        function: &Function,
        optimizer: Optimizer,
    ) -> Result<ConvergePass> {
        let (layout, pipeline_layout) = grid_layouts(device, "ConvergePass::layout");
        let source = converge_source(function, optimizer)?;
        let key = pipeline_key(optimizer, &Schedule::Const, LineSearch::None);
        let pipeline = build_pipeline(device, &source, &pipeline_layout, key)?;
        let params = uniform_buffer(
            device,
            "ConvergePass::params",
            std::mem::size_of::<Params>() as u64,
        );
        let symbols = uniform_buffer(device, "ConvergePass::symbols", (SYMBOL_FLOATS * 4) as u64);
        Ok(ConvergePass {
            layout,
            pipeline_layout,
            pipelines: vec![(key, pipeline)],
            params,
            symbols,
            symbol_values: symbol_block(&function.values),
            data: DataPoints::new(device, function.data()),
            source,
            buffers: None,
            size: (0, 0),
            steps: 0,
            newton: optimizer == Optimizer::Newton,
        })
    }

    /// The shader this pass runs.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// New values for the function's symbols, used from the next [`ConvergePass::prepare`]
    /// on (the shader stays).
    pub fn set_values(&mut self, values: &[f64]) {
        self.symbol_values = symbol_block(values);
    }

    /// Takes another function with this pass's shader ([`ConvergePass::source`] equal): its
    /// symbols' values and its data loss's points, used from the next prepare on.
    pub fn reuse_for(&mut self, device: &wgpu::Device, function: &Function) {
        self.set_values(&function.values);
        self.data.update(device, function.data());
    }

    /// Uploads the starts of `view` on a `width`×`height` grid and the settings, and makes
    /// fresh walkers (every start back at step 0).
    pub fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        view: &View,
        (width, height): (u32, u32),
        settings: &ConvergeSettings,
    ) -> Result<()> {
        settings.hyper.check_for(settings.optimizer)?;
        if settings.optimizer == Optimizer::Newton && !self.newton {
            return Err(Error::gpu(
                "this convergence pass was built without the Hessian Newton's method needs",
            ));
        }
        if settings.steps > MAX_STEPS {
            return Err(Error::Input(format!(
                "steps must be at most {MAX_STEPS}, got {}",
                settings.steps
            )));
        }
        if !(settings.tol.is_finite() && settings.tol >= 0.0) {
            return Err(Error::Input(format!(
                "tolerance must be a finite number of at least 0, got {}",
                settings.tol
            )));
        }
        let bytes = width as u64 * height as u64 * WALKER_BYTES;
        let limits = device.limits();
        let limit = limits
            .max_storage_buffer_binding_size
            .min(limits.max_buffer_size);
        if width == 0 || height == 0 || bytes > limit {
            return Err(Error::Input(format!(
                "convergence map size {width}×{height} is not supported by this GPU \
                 (at most {limit} bytes, {WALKER_BYTES} per start)"
            )));
        }
        let xs: Vec<f32> = (0..width).map(|i| view.sample_x(i, width) as f32).collect();
        let ys: Vec<f32> = (0..height)
            .map(|j| view.sample_y(j, height) as f32)
            .collect();
        use wgpu::BufferUsages as U;
        let buffer = |label, size, usage| crate::gpu::binding::buffer(device, label, size, usage);
        let xs_buf = buffer(
            "ConvergePass::xs",
            width as u64 * 4,
            U::STORAGE | U::COPY_DST,
        );
        let ys_buf = buffer(
            "ConvergePass::ys",
            height as u64 * 4,
            U::STORAGE | U::COPY_DST,
        );
        // New buffers start zeroed: every walker is fresh.
        let walkers = buffer("ConvergePass::walkers", bytes, U::STORAGE | U::COPY_SRC);
        queue.write_buffer(&xs_buf, 0, bytemuck::cast_slice(&xs));
        queue.write_buffer(&ys_buf, 0, bytemuck::cast_slice(&ys));
        let h = &settings.hyper;
        self.select_pipeline(
            device,
            pipeline_key(settings.optimizer, &h.schedule, h.line_search),
        )?;
        let (_, sched_a, sched_b) = schedule_params(&h.schedule);
        let params = Params {
            width,
            height,
            ascent: u32::from(h.ascent),
            lr: h.lr as f32,
            momentum: h.momentum as f32,
            alpha: h.alpha as f32,
            beta1: h.beta1 as f32,
            beta2: h.beta2 as f32,
            eps: h.eps_for(settings.optimizer) as f32,
            tol: settings.tol as f32,
            steps: settings.steps,
            chunk: CHUNK_STEPS,
            sched_a,
            sched_b,
            pad: [0; 2],
        };
        queue.write_buffer(&self.params, 0, bytemuck::bytes_of(&params));
        queue.write_buffer(&self.symbols, 0, bytemuck::bytes_of(&self.symbol_values));
        let bind_group = bind_group(
            device,
            "ConvergePass::bind_group",
            &self.layout,
            &[
                &self.params,
                &xs_buf,
                &ys_buf,
                &walkers,
                &self.symbols,
                self.data.buffer(),
            ],
        );
        self.buffers = Some((walkers, bind_group));
        self.size = (width, height);
        self.steps = settings.steps;
        Ok(())
    }

    /// Puts the pipeline for `key` first, building it if it is not kept.
    fn select_pipeline(&mut self, device: &wgpu::Device, key: PipelineKey) -> Result<()> {
        let entry = match self.pipelines.iter().position(|(k, _)| *k == key) {
            Some(i) => self.pipelines.remove(i),
            None => (
                key,
                build_pipeline(device, &self.source, &self.pipeline_layout, key)?,
            ),
        };
        self.pipelines.insert(0, entry);
        self.pipelines.truncate(KEPT_PIPELINES);
        Ok(())
    }

    /// How many dispatches the prepared run needs (at least one, which starts the walkers).
    pub(crate) fn chunks(&self) -> u32 {
        self.steps.div_ceil(CHUNK_STEPS).max(1)
    }

    /// Records one dispatch: every walker advances by up to [`CHUNK_STEPS`] steps. Record it
    /// [`ConvergePass::chunks`] times (no encoder, no submit). Does nothing before `prepare`.
    pub(crate) fn dispatch(&self, pass: &mut wgpu::ComputePass<'_>) {
        let Some((_, bind_group)) = &self.buffers else {
            return;
        };
        let Some((_, pipeline)) = self.pipelines.first() else {
            return;
        };
        pass.set_pipeline(pipeline);
        pass.set_bind_group(0, bind_group, &[]);
        pass.dispatch_workgroups(
            self.size.0.div_ceil(WORKGROUP),
            self.size.1.div_ceil(WORKGROUP),
            1,
        );
    }

    /// The walker buffer (STORAGE | COPY_SRC), laid out as in the module docs.
    pub fn buffer(&self) -> Option<&wgpu::Buffer> {
        self.buffers.as_ref().map(|(b, _)| b)
    }

    /// Runs the next chunk of steps as one submission and waits for it.
    pub(crate) fn run_chunk(&self, gpu: &Gpu) -> Result<()> {
        let index = submit_compute(gpu, "ConvergePass::compute", |cpass| self.dispatch(cpass));
        wait(&gpu.device, Some(index))
    }

    /// Runs every chunk, one submission each, waiting for each, then reads the walkers back.
    pub fn run(&self, gpu: &Gpu) -> Result<Vec<Walker>> {
        for _ in 0..self.chunks() {
            self.run_chunk(gpu)?;
        }
        self.walkers(gpu)
    }

    /// Reads the walkers back as they are now (after the chunks run so far).
    pub(crate) fn walkers(&self, gpu: &Gpu) -> Result<Vec<Walker>> {
        let buffer = self
            .buffer()
            .ok_or_else(|| Error::gpu("convergence map run before prepare"))?;
        let count = self.size.0 as usize * self.size.1 as usize;
        let raw = read_buffer_f32x4(gpu, buffer, count * 3)?;
        Ok(bytemuck::cast_slice::<[f32; 4], Walker>(&raw).to_vec())
    }
}

/// The convergence map of `function` on a `w`×`h` grid over `view`: per start (row-major, row
/// 0 = top) final x, final y and the converged step or −1, NaN in all three where it diverged.
pub fn converge_map(
    gpu: &Gpu,
    function: &Function,
    view: &View,
    size: (u32, u32),
    settings: &ConvergeSettings,
) -> Result<Vec<[f32; 3]>> {
    let mut pass = ConvergePass::new(&gpu.device, function, settings.optimizer)?;
    pass.prepare(&gpu.device, &gpu.queue, view, size, settings)?;
    Ok(pass.run(gpu)?.iter().map(Walker::result).collect())
}

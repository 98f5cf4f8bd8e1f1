//! `RangePass`: the colour range of the visible field, computed on the GPU (min/max of the
//! defined values, optional percentile clipping via a histogram) into a small buffer the
//! heatmap and arrow passes read directly; only the resolved 32 bytes come back to the CPU,
//! waited for by a figure ([`RangePass::read`]) or collected a frame or two late without
//! waiting by the explorer (`super::range_late::LateReads`).

use super::util::{self, compute_pipeline};
use super::{RangeResult, RANGE_WGSL, RANGE_WORKGROUP};
use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry, uniform_entry};

const BINS: u64 = super::RANGE_BINS as u64;

/// Samples each invocation of the reductions folds at least (256 invocations a workgroup):
/// enough that the per-workgroup global atomics are negligible, while a full-HD field still
/// spreads over a few hundred workgroups for the GPU's cores.
const SAMPLES_PER_INVOCATION: u32 = 32;

/// Workgroups of the min/max and histogram dispatches for `samples` samples.
fn reduce_groups(samples: u32) -> u32 {
    samples
        .div_ceil(RANGE_WORKGROUP * SAMPLES_PER_INVOCATION)
        .clamp(1, 65535)
}
/// The reductions' working memory: min, max, gmax, count and min_pos keys, then the
/// histogram (`Stats` in shaders/range.wgsl, atomics there); only its size is used here.
#[repr(C)]
struct Stats {
    min_key: u32,
    max_key: u32,
    gmax_key: u32,
    count: u32,
    min_pos_key: u32,
    hist: [u32; BINS as usize],
}
const STATS_BYTES: u64 = std::mem::size_of::<Stats>() as u64;

/// The layout of [`Stats`] (tests/layout.rs compares it with the shader's).
pub(crate) fn stats_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "Stats",
        Stats {
            min_key,
            max_key,
            gmax_key,
            count,
            min_pos_key,
            hist
        }
    )
}
const RESULT_BYTES: u64 = std::mem::size_of::<RangeResult>() as u64;

/// The colour-range reduction (shaders/range.wgsl).
#[derive(Debug)]
pub(crate) struct RangePass {
    layout: wgpu::BindGroupLayout,
    clear: wgpu::ComputePipeline,
    minmax: wgpu::ComputePipeline,
    histogram: wgpu::ComputePipeline,
    resolve: wgpu::ComputePipeline,
    stats: wgpu::Buffer,
    result: wgpu::Buffer,
    readback: wgpu::Buffer,
    late: super::range_late::LateReads,
    bind_group: Option<wgpu::BindGroup>,
    samples: u32,
}

impl RangePass {
    /// Compiles the shader and allocates the (fixed-size) buffers.
    pub(crate) fn new(device: &wgpu::Device) -> Result<RangePass> {
        let module = util::create_shader(device, "RangePass::module", RANGE_WGSL)?;
        let c = wgpu::ShaderStages::COMPUTE;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("RangePass::layout"),
            entries: &[
                uniform_entry(0, c),
                storage_entry(1, c, true),
                storage_entry(2, c, false),
                storage_entry(3, c, false),
            ],
        });
        let pl = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("RangePass::pipeline_layout"),
            bind_group_layouts: &[Some(&layout)],
            immediate_size: 0,
        });
        let buffer = |label, size, usage| {
            device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(label),
                size,
                usage,
                mapped_at_creation: false,
            })
        };
        use wgpu::BufferUsages as U;
        Ok(RangePass {
            clear: compute_pipeline(device, "RangePass::clear", &pl, &module, "cs_clear")?,
            minmax: compute_pipeline(device, "RangePass::minmax", &pl, &module, "cs_main")?,
            histogram: compute_pipeline(
                device,
                "RangePass::histogram",
                &pl,
                &module,
                "cs_histogram",
            )?,
            resolve: compute_pipeline(device, "RangePass::resolve", &pl, &module, "cs_resolve")?,
            layout,
            stats: buffer("RangePass::stats", STATS_BYTES, U::STORAGE),
            result: buffer("RangePass::result", RESULT_BYTES, U::STORAGE | U::COPY_SRC),
            readback: buffer(
                "RangePass::readback",
                RESULT_BYTES,
                U::MAP_READ | U::COPY_DST,
            ),
            late: super::range_late::LateReads::new(device, RESULT_BYTES),
            bind_group: None,
            samples: 0,
        })
    }

    /// Binds the frame uniform and the field buffer of `w × h` samples (call again when
    /// either buffer is replaced).
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        params: &wgpu::Buffer,
        field: &wgpu::Buffer,
        w: u32,
        h: u32,
    ) {
        self.samples = w * h;
        self.bind_group = Some(bind_group(
            device,
            "RangePass::bind_group",
            &self.layout,
            &[params, field, &self.stats, &self.result],
        ));
    }

    /// The resolved range (`RangeResult`), for the passes that colour by it.
    pub(crate) fn result_buffer(&self) -> &wgpu::Buffer {
        &self.result
    }

    /// Records clear, min/max, histogram and resolve.
    pub(crate) fn dispatch(&self, pass: &mut wgpu::ComputePass<'_>) {
        let Some(bg) = &self.bind_group else { return };
        pass.set_bind_group(0, bg, &[]);
        pass.set_pipeline(&self.clear);
        pass.dispatch_workgroups((BINS as u32).div_ceil(RANGE_WORKGROUP), 1, 1);
        let groups = reduce_groups(self.samples);
        pass.set_pipeline(&self.minmax);
        pass.dispatch_workgroups(groups, 1, 1);
        pass.set_pipeline(&self.histogram);
        pass.dispatch_workgroups(groups, 1, 1);
        pass.set_pipeline(&self.resolve);
        pass.dispatch_workgroups(1, 1, 1);
    }

    /// Records the copy of the result (after `dispatch`): into a free one of the late reads'
    /// buffers while they are on, else into the buffer [`RangePass::read`] waits for.
    pub(crate) fn encode_readback(&self, encoder: &mut wgpu::CommandEncoder) {
        if self.late.is_on() {
            self.late.encode_copy(encoder, &self.result);
        } else {
            encoder.copy_buffer_to_buffer(&self.result, 0, &self.readback, 0, RESULT_BYTES);
        }
    }

    /// Whether ranges are read late (see `range_late.rs`).
    pub(crate) fn late_on(&self) -> bool {
        self.late.is_on()
    }

    /// Whether a late read is on its way.
    pub(crate) fn late_pending(&self) -> bool {
        self.late.pending()
    }

    /// The late reads (see `range_late.rs`).
    pub(crate) fn late(&mut self) -> &mut super::range_late::LateReads {
        &mut self.late
    }

    /// Waits for the submitted read-back and returns the range.
    pub(crate) fn read(&self, device: &wgpu::Device) -> Result<RangeResult> {
        let bytes = crate::gpu::readback::read_mapped(device, &self.readback, RESULT_BYTES)?;
        Ok(bytemuck::pod_read_unaligned(&bytes))
    }
}

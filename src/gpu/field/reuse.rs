//! The field pass's side of reuse after a pan by whole pixels (`gpu/field_reuse.rs` plans it):
//! whether it is on, the coordinates the field buffer holds samples at, the next dispatch's
//! plan and tiles, and the shift pass that moves the samples still in view
//! (`shaders/shift.wgsl`) through a scratch copy of the field.

use super::FieldPass;
use crate::error::Result;
use crate::gpu::binding::{bind_group, buffer, storage_entry};
use crate::gpu::field_reuse::{plan, Plan, Shift, Tile, MAX_TILES, TILE_STRIDE};
use crate::gpu::library;
use crate::gpu::shader;

impl FieldPass {
    /// Reuse the samples still in view after a pan by whole pixels (off by default). A caller
    /// that turns it on records [`FieldPass::encode_copies`] before every compute pass that
    /// holds `FieldPass::dispatch`.
    pub fn set_reuse(&mut self, on: bool) {
        self.reuse.set_on(on);
    }

    /// The copies the next dispatch needs, recorded before its compute pass.
    pub fn encode_copies(&self, encoder: &mut wgpu::CommandEncoder) {
        self.reuse.encode_copies(encoder, &self.field);
    }

    /// How many samples the next dispatch evaluates (the whole grid, the strips a pan
    /// exposed, or none).
    pub fn samples_evaluated(&self) -> u64 {
        self.reuse.evaluated()
    }

    /// What the next dispatch does (see `field_reuse::Plan`).
    pub fn plan(&self) -> &crate::gpu::field_reuse::Plan {
        self.reuse.plan()
    }
}

/// The scratch copy of the field and the shift pass over it.
pub(crate) struct ShiftPass {
    pipeline: wgpu::ComputePipeline,
    params: wgpu::Buffer,
    scratch: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
}

impl ShiftPass {
    /// The pass over a field buffer of `bytes` (its scratch copy has the same size).
    pub(crate) fn new(device: &wgpu::Device, field: &wgpu::Buffer) -> Result<ShiftPass> {
        let c = wgpu::ShaderStages::COMPUTE;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("ShiftPass::layout"),
            entries: &[
                storage_entry(0, c, true),
                storage_entry(1, c, true),
                storage_entry(2, c, false),
            ],
        });
        let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("ShiftPass::layout"),
            bind_group_layouts: &[Some(&layout)],
            immediate_size: 0,
        });
        let source = shift_source()?;
        let pipeline =
            shader::compute_pipeline(device, "ShiftPass::pipeline", &source, &pipeline_layout)?;
        use wgpu::BufferUsages as U;
        let params = buffer(
            device,
            "ShiftPass::params",
            std::mem::size_of::<Shift>() as u64,
            U::STORAGE | U::COPY_DST,
        );
        let scratch = buffer(
            device,
            "ShiftPass::scratch",
            field.size(),
            U::STORAGE | U::COPY_DST,
        );
        let bind_group = bind_group(
            device,
            "ShiftPass::bind_group",
            &layout,
            &[&params, &scratch, field],
        );
        Ok(ShiftPass {
            pipeline,
            params,
            scratch,
            bind_group,
        })
    }

    /// Whether this pass was made for `field`.
    pub(crate) fn fits(&self, field: &wgpu::Buffer) -> bool {
        self.scratch.size() == field.size()
    }

    /// Writes the rectangle to move.
    pub(crate) fn prepare(&self, queue: &wgpu::Queue, shift: &Shift) {
        queue.write_buffer(&self.params, 0, bytemuck::bytes_of(shift));
    }

    /// Records the copy of `field` into the scratch buffer (before the compute pass).
    pub(crate) fn encode_copy(&self, encoder: &mut wgpu::CommandEncoder, field: &wgpu::Buffer) {
        encoder.copy_buffer_to_buffer(field, 0, &self.scratch, 0, field.size());
    }

    /// Records the move of the overlap from the scratch copy back into the field.
    pub(crate) fn dispatch(&self, pass: &mut wgpu::ComputePass<'_>, shift: &Shift) {
        let w = library::FIELD_WORKGROUP;
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &self.bind_group, &[]);
        pass.dispatch_workgroups(shift.size[0].div_ceil(w), shift.size[1].div_ceil(w), 1);
    }
}

/// The coordinates the field buffer holds a field at, and what it was of.
struct Last {
    xs: Vec<f32>,
    ys: Vec<f32>,
    content: (u64, usize),
}

/// The field pass's side of reuse: whether it is on, what the buffer holds, the plan of the
/// next dispatch with its tiles, and the shift pass (made on the first pan it serves; its
/// scratch buffer, the size of the field, lives until the field is reallocated).
pub(crate) struct Reuse {
    on: bool,
    tiles: wgpu::Buffer,
    last: Option<Last>,
    /// Bumped by every change that makes the buffer's samples stale (function, symbols'
    /// values, data, gradient check).
    content: u64,
    plan: Plan,
    shift: Option<ShiftPass>,
    /// Samples the next dispatch evaluates.
    evaluated: u64,
}

impl Reuse {
    pub(crate) fn new(device: &wgpu::Device) -> Reuse {
        use wgpu::BufferUsages as U;
        let tiles = buffer(
            device,
            "FieldPass::tiles",
            TILE_STRIDE * MAX_TILES as u64,
            U::STORAGE | U::COPY_DST,
        );
        Reuse {
            on: false,
            tiles,
            last: None,
            content: 0,
            plan: Plan::Full,
            shift: None,
            evaluated: 0,
        }
    }

    /// The tiles' buffer (binding 6, 16 bytes at a dynamic offset).
    pub(crate) fn tiles(&self) -> &wgpu::Buffer {
        &self.tiles
    }

    /// Turns reuse on (the caller records [`Reuse::encode_copies`] before each compute pass)
    /// or off (every prepare evaluates the whole grid).
    pub(crate) fn set_on(&mut self, on: bool) {
        self.on = on;
        if !on {
            self.forget();
        }
    }

    /// The samples in the buffer are stale.
    pub(crate) fn invalidate(&mut self) {
        self.content += 1;
    }

    /// The buffer was replaced: nothing in it, and the shift pass bound the old one.
    pub(crate) fn forget(&mut self) {
        self.last = None;
        self.shift = None;
    }

    /// Plans the next dispatch for a grid of `xs` × `ys` in `mode` into `field`; `reusable`:
    /// the shader writes `field` itself (no coarser grid in between).
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        field: &wgpu::Buffer,
        (xs, ys): (Vec<f32>, Vec<f32>),
        mode: usize,
        reusable: bool,
    ) -> Result<()> {
        let content = (self.content, mode);
        let keep = self.on && reusable;
        let old = self
            .last
            .as_ref()
            .filter(|l| keep && l.content == content)
            .map(|l| (&l.xs[..], &l.ys[..]));
        let plan = plan(old, (&xs, &ys));
        let (w, h) = (xs.len() as u32, ys.len() as u32);
        let tiles: Vec<Tile> = match &plan {
            Plan::Full => vec![Tile {
                origin: [0, 0],
                size: [w, h],
            }],
            Plan::Same => Vec::new(),
            Plan::Shift { shift, strips } => {
                if !self.shift.as_ref().is_some_and(|p| p.fits(field)) {
                    self.shift = Some(ShiftPass::new(device, field)?);
                }
                if let Some(pass) = &self.shift {
                    pass.prepare(queue, shift);
                }
                strips.clone()
            }
        };
        for (k, t) in tiles.iter().enumerate() {
            queue.write_buffer(&self.tiles, k as u64 * TILE_STRIDE, bytemuck::bytes_of(t));
        }
        self.evaluated = tiles
            .iter()
            .map(|t| u64::from(t.size[0]) * u64::from(t.size[1]))
            .sum();
        self.last = keep.then_some(Last { xs, ys, content });
        self.plan = plan;
        Ok(())
    }

    /// What the next dispatch does.
    pub(crate) fn plan(&self) -> &Plan {
        &self.plan
    }

    /// Samples the next dispatch evaluates.
    pub(crate) fn evaluated(&self) -> u64 {
        self.evaluated
    }

    /// Records the scratch copy a shift needs (before the compute pass of the dispatch).
    pub(crate) fn encode_copies(&self, encoder: &mut wgpu::CommandEncoder, field: &wgpu::Buffer) {
        if let (Plan::Shift { .. }, Some(pass)) = (&self.plan, &self.shift) {
            pass.encode_copy(encoder, field);
        }
    }

    /// Records the dispatches: the shift, then the field shader over each tile.
    pub(crate) fn dispatch(
        &self,
        pass: &mut wgpu::ComputePass<'_>,
        pipeline: &wgpu::ComputePipeline,
        group: &wgpu::BindGroup,
        grid: (u32, u32),
    ) {
        let w = library::FIELD_WORKGROUP;
        let strips = match &self.plan {
            Plan::Same => return,
            Plan::Full => vec![Tile {
                origin: [0, 0],
                size: [grid.0, grid.1],
            }],
            Plan::Shift { shift, strips } => {
                if let Some(p) = &self.shift {
                    p.dispatch(pass, shift);
                }
                strips.clone()
            }
        };
        pass.set_pipeline(pipeline);
        for (k, t) in strips.iter().enumerate() {
            pass.set_bind_group(0, group, &[(k as u64 * TILE_STRIDE) as u32]);
            pass.dispatch_workgroups(t.size[0].div_ceil(w), t.size[1].div_ceil(w), 1);
        }
    }
}

/// The shift shader, its imports resolved.
pub fn shift_source() -> Result<String> {
    library::resolve(
        "shaders/shift.wgsl",
        include_str!("../../../shaders/shift.wgsl"),
    )
}

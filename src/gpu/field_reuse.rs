//! Reusing the field after a pan by whole pixels. By the grid convention a column's x (and a
//! row's y) depends only on the view and the column, so after a pan by k pixels the new grid's
//! columns are the old grid's shifted by k, and their f32 coordinates are the same bits: the
//! samples still in view were computed at exactly the coordinates a fresh evaluation would
//! use. [`plan`] finds the shift by comparing the coordinates themselves (so a pan that is not
//! by whole pixels, or whose coordinates round differently, is simply evaluated afresh); the
//! field pass then copies its buffer aside, moves the overlap into place (`shaders/shift.wgsl`)
//! and evaluates only the exposed strips ([`Tile`]s, at most two).

use crate::error::Result;
use crate::gpu::binding::{bind_group, buffer, storage_entry};
use crate::gpu::library;
use crate::gpu::shader;

/// A rectangle of the grid: `Tile` in shaders/field.wgsl.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Tile {
    pub origin: [u32; 2],
    pub size: [u32; 2],
}

/// Where the samples still in view go: `Shift` in shaders/shift.wgsl.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Shift {
    pub src: [u32; 2],
    pub dst: [u32; 2],
    pub size: [u32; 2],
    pub width: u32,
    pub _pad: u32,
}

/// The layouts of [`Tile`] and [`Shift`] (tests/layout.rs compares them with the shaders').
pub(crate) fn layouts() -> [crate::gpu::layout::HostLayout; 2] {
    use crate::gpu::layout::host_layout;
    [
        host_layout!("Tile", Tile { origin, size }),
        host_layout!(
            "Shift",
            Shift {
                src,
                dst,
                size,
                width,
                _pad
            }
        ),
    ]
}

/// Dynamic offsets of the tiles in their buffer (the device's storage offset alignment is at
/// most 256 bytes).
pub(crate) const TILE_STRIDE: u64 = 256;
/// Tiles a dispatch list holds: the whole grid, or at most two strips.
pub(crate) const MAX_TILES: usize = 2;

/// What a prepare of the field must evaluate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Every sample.
    Full,
    /// Nothing: the grid's coordinates and everything else are as last time.
    Same,
    /// Move the overlap (`shift`), then evaluate `strips`.
    Shift { shift: Shift, strips: Vec<Tile> },
}

/// The k for which `new[i] == old[i + k]` (the same f32 bits) wherever both exist, with some
/// overlap; `None` when there is no such shift.
pub fn shift_of(old: &[f32], new: &[f32]) -> Option<i64> {
    let n = old.len();
    if n == 0 || new.len() != n {
        return None;
    }
    let same = |a: f32, b: f32| a.to_bits() == b.to_bits();
    let k = match old.iter().position(|&v| same(v, new[0])) {
        Some(k) => k as i64,
        None => -(new.iter().position(|&v| same(v, old[0]))? as i64),
    };
    let lo = (-k).max(0) as usize;
    let hi = (n as i64 - k).min(n as i64) as usize;
    (lo < hi && (lo..hi).all(|i| same(new[i], old[(i as i64 + k) as usize]))).then_some(k)
}

/// What to evaluate for a grid of `new` coordinates (xs, ys) when the buffer holds the field
/// at `old` ones (`None`: nothing usable).
pub fn plan(old: Option<(&[f32], &[f32])>, new: (&[f32], &[f32])) -> Plan {
    let Some((ox, oy)) = old else {
        return Plan::Full;
    };
    let (w, h) = (new.0.len() as i64, new.1.len() as i64);
    let (Some(kx), Some(ky)) = (shift_of(ox, new.0), shift_of(oy, new.1)) else {
        return Plan::Full;
    };
    if (kx, ky) == (0, 0) {
        return Plan::Same;
    }
    // The overlap in the new grid: columns lo..hi, rows top..bottom.
    let (lo, hi) = ((-kx).max(0), (w - kx).min(w));
    let (top, bottom) = ((-ky).max(0), (h - ky).min(h));
    let u = |v: i64| v as u32;
    let shift = Shift {
        src: [u(lo + kx), u(top + ky)],
        dst: [u(lo), u(top)],
        size: [u(hi - lo), u(bottom - top)],
        width: u(w),
        _pad: 0,
    };
    let mut strips = Vec::with_capacity(MAX_TILES);
    // The exposed columns, every row; then the exposed rows under the overlap's columns.
    let columns = if kx > 0 { (hi, w) } else { (0, lo) };
    if columns.1 > columns.0 {
        strips.push(Tile {
            origin: [u(columns.0), 0],
            size: [u(columns.1 - columns.0), u(h)],
        });
    }
    let rows = if ky > 0 { (bottom, h) } else { (0, top) };
    if rows.1 > rows.0 {
        strips.push(Tile {
            origin: [u(lo), u(rows.0)],
            size: [u(hi - lo), u(rows.1 - rows.0)],
        });
    }
    Plan::Shift { shift, strips }
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
        (xs, ys): (&[f32], &[f32]),
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
        let plan = plan(old, (xs, ys));
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
        self.last = keep.then(|| Last {
            xs: xs.to_vec(),
            ys: ys.to_vec(),
            content,
        });
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
        include_str!("../../shaders/shift.wgsl"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(x0: f64, n: usize, step: f64) -> Vec<f32> {
        (0..n)
            .map(|i| (x0 + (i as f64 + 0.5) * step) as f32)
            .collect()
    }

    #[test]
    fn a_pan_by_whole_pixels_moves_the_overlap_and_evaluates_the_strips() {
        let (xs, ys) = (grid(0.0, 10, 0.25), grid(0.0, 6, -0.25));
        // Three columns right, one row down (ys decrease with the row).
        let (nx, ny) = (grid(0.75, 10, 0.25), grid(-0.25, 6, -0.25));
        let Plan::Shift { shift, strips } = plan(Some((&xs, &ys)), (&nx, &ny)) else {
            panic!("a shift")
        };
        assert_eq!(shift.src, [3, 1]);
        assert_eq!(shift.dst, [0, 0]);
        assert_eq!(shift.size, [7, 5]);
        assert_eq!(
            strips,
            vec![
                Tile {
                    origin: [7, 0],
                    size: [3, 6]
                },
                Tile {
                    origin: [0, 5],
                    size: [7, 1]
                }
            ]
        );
        // Every new sample is either moved or evaluated, once.
        let mut hit = vec![0; 60];
        for j in 0..shift.size[1] {
            for i in 0..shift.size[0] {
                hit[((j + shift.dst[1]) * 10 + i + shift.dst[0]) as usize] += 1;
            }
        }
        for t in &strips {
            for j in 0..t.size[1] {
                for i in 0..t.size[0] {
                    hit[((j + t.origin[1]) * 10 + i + t.origin[0]) as usize] += 1;
                }
            }
        }
        assert!(hit.iter().all(|&n| n == 1), "{hit:?}");
        // And back the other way.
        let Plan::Shift { shift, strips } = plan(Some((&nx, &ny)), (&xs, &ys)) else {
            panic!("a shift")
        };
        assert_eq!((shift.src, shift.dst, shift.size), ([0, 0], [3, 1], [7, 5]));
        assert_eq!(strips[0].origin, [0, 0]);
        assert_eq!(strips[1].origin, [3, 0]);
    }

    #[test]
    fn anything_but_a_whole_pixel_pan_is_evaluated_afresh() {
        let (xs, ys) = (grid(0.0, 10, 0.25), grid(0.0, 6, -0.25));
        assert_eq!(plan(None, (&xs, &ys)), Plan::Full);
        assert_eq!(plan(Some((&xs, &ys)), (&xs, &ys)), Plan::Same);
        // Half a pixel, a zoom, a pan past the whole grid, another size.
        for nx in [
            grid(0.125, 10, 0.25),
            grid(0.0, 10, 0.2),
            grid(2.5, 10, 0.25),
            grid(0.0, 9, 0.25),
        ] {
            assert_eq!(plan(Some((&xs, &ys)), (&nx, &ys)), Plan::Full, "{nx:?}");
        }
        assert_eq!(shift_of(&xs, &grid(0.5, 10, 0.25)), Some(2));
        assert_eq!(shift_of(&xs, &grid(-0.5, 10, 0.25)), Some(-2));
    }
}

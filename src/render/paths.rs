//! `PathPass`: descent paths as anti-aliased polylines with a marker at every iterate, a
//! ring at the start and a larger disc at the current point, each outlined in black so its
//! colour reads on every colour map (shaders/paths.wgsl); and, over them, the boxes of the
//! path labels (rounded, filled and outlined, with a leader line), whose text egui writes
//! on top. Each path's segments and markers stay in GPU buffers between frames and only new
//! iterates are uploaded (see [`super::path_trace`]). Buffers only grow.

use super::path_trace::{PathSource, PathStats, Projection, Trace, PRIM_BYTES};
use super::settings::Layout;
use super::util::{self, GrowBuffer};
use super::PATHS_WGSL;
use crate::error::Result;
use crate::gpu::binding::{bind_group, uniform_entry};
use crate::view::View;

/// One path to draw, in world coordinates (independent of the descent module).
#[derive(Debug, Clone, PartialEq)]
pub struct PathDraw {
    /// The iterates, first = start, last = current point.
    pub points: Vec<(f64, f64)>,
    /// sRGB colour with alpha; see [`PATH_PALETTE`].
    pub color: [f32; 4],
    /// The path has stopped (converged, diverged or left the domain).
    pub status_done: bool,
}

/// Path colours (sRGB with alpha) that stay readable on every colour map: bright cores that
/// the path pass outlines in black. The explorer's compare mode gives each optimizer the
/// colour at its index in `Optimizer::ALL`.
pub const PATH_PALETTE: [[f32; 4]; 8] = [
    [1.00, 0.30, 0.25, 1.0],
    [1.00, 1.00, 1.00, 1.0],
    [0.20, 0.90, 1.00, 1.0],
    [1.00, 0.60, 0.00, 1.0],
    [1.00, 0.30, 1.00, 1.0],
    [0.55, 1.00, 0.25, 1.0],
    [1.00, 0.90, 0.20, 1.0],
    [0.60, 0.60, 1.00, 1.0],
];

pub(super) const KIND_SEGMENT: u32 = 0;
pub(super) const KIND_MARKER: u32 = 1;
pub(super) const KIND_START: u32 = 2;
pub(super) const KIND_CURRENT: u32 = 3;
pub(super) const KIND_DONE: u32 = 4;
const KIND_BOX: u32 = 5;

/// The box of one path label, in target pixels: drawn by the path pass (a rounded rectangle
/// is far cheaper in its shader than in egui's on a software GPU), the text by egui.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelBox {
    pub rect: super::layout::PlotRect,
    /// Corner radius and outline width in pixels (the outline lies outside `rect`).
    pub radius: f32,
    pub outline_px: f32,
    /// sRGB colours with alpha.
    pub outline: [f32; 4],
    pub fill: [u8; 4],
    /// The label's point, when the box was moved away from it: a leader line joins them.
    pub leader_from: Option<[f32; 2]>,
}

/// One primitive (segment, marker, ring, disc, label box) in target pixels. Keep in sync
/// with the vertex inputs of shaders/paths.wgsl `vs_main`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub(crate) struct Prim {
    /// Segment ends or the point (twice); a box's top-left and bottom-right corners.
    pub a: [f32; 2],
    pub b: [f32; 2],
    pub color: [f32; 4],
    pub kind: u32,
    /// Half the line width or the marker's radius; a box's corner radius.
    pub radius: f32,
    /// A box's fill, RGBA8 sRGB packed little-endian (0 for the other kinds).
    pub fill: u32,
    /// A box's outline width in pixels (0 for the other kinds).
    pub width: f32,
}

/// The primitives for label `boxes`: each box's leader line (under it), then the box.
pub(crate) fn build_box_prims(boxes: &[LabelBox], out: &mut Vec<Prim>) {
    out.clear();
    for b in boxes {
        let r = b.rect;
        if let Some(from) = b.leader_from {
            let near = [
                from[0].clamp(r.x, r.right()),
                from[1].clamp(r.y, r.bottom()),
            ];
            out.push(Prim {
                a: from,
                b: near,
                color: b.outline,
                kind: KIND_SEGMENT,
                radius: 0.5 * b.outline_px,
                fill: 0,
                width: 0.0,
            });
        }
        out.push(Prim {
            a: [r.x, r.y],
            b: [r.right(), r.bottom()],
            color: b.outline,
            kind: KIND_BOX,
            radius: b.radius.clamp(0.0, 0.5 * r.w.min(r.h)),
            fill: u32::from_le_bytes(b.fill),
            width: b.outline_px,
        });
    }
}

/// The path render pass.
#[derive(Debug)]
pub struct PathPass {
    pipeline: wgpu::RenderPipeline,
    bind_group: wgpu::BindGroup,
    traces: Vec<Trace>,
    projection: Option<Projection>,
    /// Per frame: the tail segments, then the start rings and current points.
    dynamic: GrowBuffer,
    scratch: Vec<Prim>,
    tails: u32,
    discs: u32,
    stats: PathStats,
    boxes: GrowBuffer,
    box_scratch: Vec<Prim>,
    box_count: u32,
}

impl PathPass {
    /// Compiles the shader for targets of `format`; `params` is the frame uniform.
    pub fn new(
        device: &wgpu::Device,
        format: wgpu::TextureFormat,
        params: &wgpu::Buffer,
    ) -> Result<PathPass> {
        let module = util::create_shader(device, "PathPass::module", PATHS_WGSL)?;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("PathPass::layout"),
            entries: &[uniform_entry(
                0,
                wgpu::ShaderStages::VERTEX | wgpu::ShaderStages::FRAGMENT,
            )],
        });
        let instances = wgpu::VertexBufferLayout {
            array_stride: PRIM_BYTES,
            step_mode: wgpu::VertexStepMode::Instance,
            attributes: &wgpu::vertex_attr_array![
                0 => Float32x2, 1 => Float32x2, 2 => Float32x4, 3 => Uint32, 4 => Float32,
                5 => Uint32, 6 => Float32
            ],
        };
        let pipeline = util::render_pipeline(
            device,
            "PathPass::pipeline",
            &module,
            &layout,
            format,
            Some(instances),
        )?;
        let usage = wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST;
        Ok(PathPass {
            pipeline,
            bind_group: bind_group(device, "PathPass::bind_group", &layout, &[params]),
            traces: Vec::new(),
            projection: None,
            dynamic: GrowBuffer::new(device, "PathPass::dynamic", usage),
            scratch: Vec::new(),
            tails: 0,
            discs: 0,
            stats: PathStats::default(),
            boxes: GrowBuffer::new(device, "PathPass::boxes", usage),
            box_scratch: Vec::new(),
            box_count: 0,
        })
    }

    /// Takes in `paths` for `layout` showing `view`: uploads their new iterates (all kept ones
    /// after a pan, thinned again after a zoom) and the per-frame markers.
    pub(crate) fn prepare<S: PathSource>(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        layout: &Layout,
        view: &View,
        paths: &[S],
    ) {
        let projection = Projection {
            view: *view,
            plot: layout.plot,
        };
        let last = self.projection.replace(projection);
        let rescaled = last.is_none_or(|p| !p.same_scale(&projection));
        let moved = last != Some(projection);
        self.traces.truncate(paths.len());
        while self.traces.len() < paths.len() {
            self.traces.push(Trace::new(device));
        }
        let limit = super::path_trace::kept_limit(paths.len());
        let mut stats = PathStats::default();
        let (mut tails, mut discs) = (Vec::new(), Vec::new());
        for (trace, src) in self.traces.iter_mut().zip(paths) {
            stats.uploaded_bytes += trace.update(
                (device, queue),
                src,
                &projection,
                (rescaled, moved),
                limit,
                &mut self.scratch,
            );
            trace.dynamic(&projection, &mut tails, &mut discs);
            let (kept, seen) = trace.counts();
            stats.kept_points += kept as u64;
            stats.source_points += seen as u64;
            stats.instances += 2 * kept.saturating_sub(1) as u64;
        }
        self.tails = tails.len() as u32;
        self.discs = discs.len() as u32;
        tails.append(&mut discs);
        stats.instances += tails.len() as u64;
        if !tails.is_empty() {
            let bytes = tails.len() as u64 * PRIM_BYTES;
            self.dynamic.ensure(device, bytes);
            queue.write_buffer(&self.dynamic.buffer, 0, bytemuck::cast_slice(&tails));
            stats.uploaded_bytes += bytes;
        }
        self.stats = stats;
    }

    /// What the last [`PathPass::prepare`] uploaded and what the paths draw.
    pub(crate) fn stats(&self) -> PathStats {
        self.stats
    }

    /// Uploads the label boxes drawn over the paths (none: an empty slice).
    pub(crate) fn set_boxes(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        boxes: &[LabelBox],
    ) {
        build_box_prims(boxes, &mut self.box_scratch);
        self.box_count = self.box_scratch.len() as u32;
        if self.box_count == 0 {
            return;
        }
        self.boxes
            .ensure(device, self.box_count as u64 * PRIM_BYTES);
        queue.write_buffer(
            &self.boxes.buffer,
            0,
            bytemuck::cast_slice(&self.box_scratch),
        );
    }

    /// Whether there is anything to draw: paths (when `with_paths`) or label boxes.
    pub(crate) fn has_work(&self, with_paths: bool) -> bool {
        (with_paths && self.discs > 0) || self.box_count > 0
    }

    /// Records the paths (when `with_paths`), clipped to the plot, then the label boxes
    /// anywhere on the target.
    pub(crate) fn draw(&self, pass: &mut wgpu::RenderPass<'_>, layout: &Layout, with_paths: bool) {
        if !self.has_work(with_paths) {
            return;
        }
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &self.bind_group, &[]);
        if with_paths && self.discs > 0 {
            super::settings::set_plot_clip(pass, layout);
            self.draw_paths(pass);
        }
        if self.box_count > 0 {
            let (w, h) = layout.target;
            pass.set_scissor_rect(0, 0, w, h);
            let bytes = self.box_count as u64 * PRIM_BYTES;
            pass.set_vertex_buffer(0, self.boxes.buffer.slice(..bytes));
            pass.draw(0..4, 0..self.box_count);
        }
    }

    /// Segments (kept, then the tails), markers, then start rings and current points.
    fn draw_paths(&self, pass: &mut wgpu::RenderPass<'_>) {
        let dynamic = |from: u32, count: u32| {
            let (a, b) = (from as u64 * PRIM_BYTES, (from + count) as u64 * PRIM_BYTES);
            self.dynamic.buffer.slice(a..b)
        };
        for markers in [false, true] {
            for (slice, count) in self.traces.iter().filter_map(|t| t.drawn(markers)) {
                pass.set_vertex_buffer(0, slice);
                pass.draw(0..4, 0..count);
            }
            if !markers && self.tails > 0 {
                pass.set_vertex_buffer(0, dynamic(0, self.tails));
                pass.draw(0..4, 0..self.tails);
            }
        }
        pass.set_vertex_buffer(0, dynamic(self.tails, self.discs));
        pass.draw(0..4, 0..self.discs);
    }
}

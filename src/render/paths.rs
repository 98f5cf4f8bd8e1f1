//! `PathPass`: descent paths as anti-aliased polylines with a marker at every iterate, a
//! ring at the start and a larger disc at the current point, each outlined in black so its
//! colour reads on every colour map (shaders/paths.wgsl); and, over them, the boxes of the
//! path labels (rounded, filled and outlined, with a leader line), whose text egui writes
//! on top. Buffers only grow.

use super::settings::Layout;
use super::util::{self, GrowBuffer};
use super::{with_common, PATHS_WGSL};
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

const KIND_SEGMENT: u32 = 0;
const KIND_MARKER: u32 = 1;
const KIND_START: u32 = 2;
const KIND_CURRENT: u32 = 3;
const KIND_DONE: u32 = 4;
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
pub struct Prim {
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

const PRIM_BYTES: u64 = std::mem::size_of::<Prim>() as u64;

/// Points farther than this outside the plot (in pixels) are clamped so f32 stays sane.
const FAR: f64 = 1.0e5;

/// The primitives for `paths` on `layout` showing `view`: segments first, then markers, so
/// markers sit on top of lines.
pub fn build_prims(paths: &[PathDraw], layout: &Layout, view: &View, out: &mut Vec<Prim>) {
    out.clear();
    let p = layout.plot;
    let to_px = |&(x, y): &(f64, f64)| -> Option<[f32; 2]> {
        if !x.is_finite() || !y.is_finite() {
            return None;
        }
        let (px, py) = view.to_pixel(x, y, p.w as f64, p.h as f64);
        Some([
            (px.clamp(-FAR, FAR) + p.x as f64) as f32,
            (py.clamp(-FAR, FAR) + p.y as f64) as f32,
        ])
    };
    let prim = |a, b, color, kind, radius| Prim {
        a,
        b,
        color,
        kind,
        radius,
        fill: 0,
        width: 0.0,
    };
    for path in paths {
        let pts: Vec<[f32; 2]> = path.points.iter().filter_map(to_px).collect();
        for w in pts.windows(2) {
            out.push(prim(w[0], w[1], path.color, KIND_SEGMENT, 1.3));
        }
    }
    for path in paths {
        let pts: Vec<[f32; 2]> = path.points.iter().filter_map(to_px).collect();
        let Some((&last, rest)) = pts.split_last() else {
            continue;
        };
        for &q in rest.iter().skip(1) {
            out.push(prim(q, q, path.color, KIND_MARKER, 2.2));
        }
        if let Some(&start) = pts.first() {
            if pts.len() > 1 {
                out.push(prim(start, start, path.color, KIND_START, 5.5));
            }
        }
        let kind = if path.status_done {
            KIND_DONE
        } else {
            KIND_CURRENT
        };
        out.push(prim(last, last, path.color, kind, 5.0));
    }
}

/// The primitives for label `boxes`: each box's leader line (under it), then the box.
pub fn build_box_prims(boxes: &[LabelBox], out: &mut Vec<Prim>) {
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
    prims: GrowBuffer,
    scratch: Vec<Prim>,
    count: u32,
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
        let module = util::create_shader(device, "PathPass::module", &with_common(PATHS_WGSL))?;
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
        );
        Ok(PathPass {
            pipeline,
            bind_group: bind_group(device, "PathPass::bind_group", &layout, &[params]),
            prims: GrowBuffer::new(
                device,
                "PathPass::prims",
                wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST,
            ),
            scratch: Vec::new(),
            count: 0,
            boxes: GrowBuffer::new(
                device,
                "PathPass::boxes",
                wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST,
            ),
            box_scratch: Vec::new(),
            box_count: 0,
        })
    }

    /// Converts `paths` to primitives and uploads them (the buffer grows only when needed).
    pub fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        layout: &Layout,
        view: &View,
        paths: &[PathDraw],
    ) {
        build_prims(paths, layout, view, &mut self.scratch);
        self.count = self.scratch.len() as u32;
        if self.count == 0 {
            return;
        }
        self.prims.ensure(device, self.count as u64 * PRIM_BYTES);
        queue.write_buffer(&self.prims.buffer, 0, bytemuck::cast_slice(&self.scratch));
    }

    /// Uploads the label boxes drawn over the paths (none: an empty slice).
    pub fn set_boxes(&mut self, device: &wgpu::Device, queue: &wgpu::Queue, boxes: &[LabelBox]) {
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
    pub fn has_work(&self, with_paths: bool) -> bool {
        (with_paths && self.count > 0) || self.box_count > 0
    }

    /// Records the paths (when `with_paths`), clipped to the plot, then the label boxes
    /// anywhere on the target.
    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, layout: &Layout, with_paths: bool) {
        if !self.has_work(with_paths) {
            return;
        }
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &self.bind_group, &[]);
        if with_paths && self.count > 0 {
            super::settings::set_plot_clip(pass, layout);
            pass.set_vertex_buffer(0, self.prims.buffer.slice(..self.count as u64 * PRIM_BYTES));
            pass.draw(0..4, 0..self.count);
        }
        if self.box_count > 0 {
            let (w, h) = layout.target;
            pass.set_scissor_rect(0, 0, w, h);
            let bytes = self.box_count as u64 * PRIM_BYTES;
            pass.set_vertex_buffer(0, self.boxes.buffer.slice(..bytes));
            pass.draw(0..4, 0..self.box_count);
        }
    }
}

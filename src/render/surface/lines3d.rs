//! `MarksPass`: what the 3D view draws over the surface from a `surface::Marks3`
//! (shaders/lines3d.wgsl): each polyline's segments and each ball as one instance (capsules
//! and shaded discs of constant pixel size, tested against the surface's depth, or on top),
//! then the translucent triangles. The instances are uploaded every frame into buffers that
//! only grow, so steady frames allocate nothing; labels are the overlay's.

use super::pass::{pipeline3, Depth};
use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry};
use crate::render::util::{self, GrowBuffer};
use crate::surface::Marks3;

/// One segment or ball: `Mark3` in shaders/lines3d.wgsl.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Mark3 {
    /// xyz: start (a ball's centre); w: 1 on top of everything.
    pub a: [f32; 4],
    /// xyz: end (a ball: its centre again); w: half width or radius in pixels.
    pub b: [f32; 4],
    /// sRGB and alpha, 0..1.
    pub color: [f32; 4],
    /// x: 0 segment, 1 ball.
    pub kind: [u32; 4],
}

/// One corner of a translucent triangle: `TriVertex` in shaders/lines3d.wgsl.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct TriVertex {
    pub pos: [f32; 4],
    pub color: [f32; 4],
}

fn rgba(c: [u8; 4]) -> [f32; 4] {
    c.map(|v| f32::from(v) / 255.0)
}

fn at(p: glam::DVec3, w: f32) -> [f32; 4] {
    [p.x as f32, p.y as f32, p.z as f32, w]
}

/// The instances of `marks`: every finite segment of every line, then every ball, and the
/// triangles' corners. Points that are not finite are skipped (a line breaks there).
pub fn mark_instances(marks: &Marks3) -> (Vec<Mark3>, Vec<TriVertex>) {
    let mut out = Vec::new();
    for line in &marks.lines {
        let top = if line.on_top { 1.0 } else { 0.0 };
        let half = (line.width_px * 0.5).max(0.5);
        for w in line.points.windows(2) {
            if w[0].is_finite() && w[1].is_finite() {
                out.push(Mark3 {
                    a: at(w[0], top),
                    b: at(w[1], half),
                    color: rgba(line.color),
                    kind: [0; 4],
                });
            }
        }
    }
    for ball in marks.balls.iter().filter(|b| b.at.is_finite()) {
        out.push(Mark3 {
            a: at(ball.at, 0.0),
            b: at(ball.at, ball.radius_px.max(1.0)),
            color: rgba(ball.color),
            kind: [1, 0, 0, 0],
        });
    }
    let tris = marks
        .tris
        .iter()
        .filter(|t| t.corners.iter().all(|p| p.is_finite()))
        .flat_map(|t| {
            t.corners.map(|p| TriVertex {
                pos: at(p, 1.0),
                color: rgba(t.color),
            })
        })
        .collect();
    (out, tris)
}

/// The marks' pipelines and instance buffers.
#[derive(Debug)]
pub(crate) struct MarksPass {
    layout: wgpu::BindGroupLayout,
    marks: wgpu::RenderPipeline,
    tris: wgpu::RenderPipeline,
    mark_buf: GrowBuffer,
    tri_buf: GrowBuffer,
    counts: (u32, u32),
    bind_group: Option<wgpu::BindGroup>,
    bound: Option<(wgpu::Buffer, wgpu::Buffer)>,
}

impl MarksPass {
    pub(crate) fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Result<MarksPass> {
        let module = util::create_shader(device, "MarksPass::module", super::LINES3D_WGSL)?;
        let vf = wgpu::ShaderStages::VERTEX_FRAGMENT;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("MarksPass::layout"),
            entries: &[
                storage_entry(0, vf, true),
                storage_entry(1, vf, true),
                storage_entry(2, vf, true),
                storage_entry(3, vf, true),
            ],
        });
        let m = (&module, &layout);
        let usage = wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_DST;
        Ok(MarksPass {
            marks: pipeline3(
                device,
                "MarksPass::marks",
                m,
                format,
                ("vs_mark", "fs_mark"),
                Depth::Test,
                true,
            )?,
            tris: pipeline3(
                device,
                "MarksPass::tris",
                m,
                format,
                ("vs_tri", "fs_tri"),
                Depth::Test,
                true,
            )?,
            layout,
            mark_buf: GrowBuffer::new(device, "MarksPass::marks", usage),
            tri_buf: GrowBuffer::new(device, "MarksPass::tris", usage),
            counts: (0, 0),
            bind_group: None,
            bound: None,
        })
    }

    /// Uploads `marks` and binds the frame's buffers.
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        marks: &Marks3,
        (params, settings): (&wgpu::Buffer, &wgpu::Buffer),
    ) {
        let (m, t) = mark_instances(marks);
        let grew_m = self
            .mark_buf
            .ensure(device, std::mem::size_of_val(m.as_slice()) as u64);
        let grew_t = self
            .tri_buf
            .ensure(device, std::mem::size_of_val(t.as_slice()) as u64);
        if !m.is_empty() {
            queue.write_buffer(&self.mark_buf.buffer, 0, bytemuck::cast_slice(&m));
        }
        if !t.is_empty() {
            queue.write_buffer(&self.tri_buf.buffer, 0, bytemuck::cast_slice(&t));
        }
        self.counts = (m.len() as u32, t.len() as u32);
        let same = self
            .bound
            .as_ref()
            .is_some_and(|(p, s)| p == params && s == settings);
        if grew_m || grew_t || self.bind_group.is_none() || !same {
            self.bind_group = Some(bind_group(
                device,
                "MarksPass::bind_group",
                &self.layout,
                &[
                    params,
                    settings,
                    &self.mark_buf.buffer,
                    &self.tri_buf.buffer,
                ],
            ));
            self.bound = Some((params.clone(), settings.clone()));
        }
    }

    /// Records the translucent triangles, then the segments and balls.
    pub(crate) fn draw(&self, pass: &mut wgpu::RenderPass<'_>) {
        let Some(bg) = &self.bind_group else {
            return;
        };
        pass.set_bind_group(0, bg, &[]);
        if self.counts.1 > 0 {
            pass.set_pipeline(&self.tris);
            pass.draw(0..self.counts.1, 0..1);
        }
        if self.counts.0 > 0 {
            pass.set_pipeline(&self.marks);
            pass.draw(0..6, 0..self.counts.0);
        }
    }
}

/// The layouts of [`Mark3`] and [`TriVertex`], for tests/layout.rs.
pub(crate) fn mark_layouts() -> [crate::gpu::layout::HostLayout; 2] {
    use crate::gpu::layout::host_layout;
    [
        host_layout!("Mark3", Mark3 { a, b, color, kind }),
        host_layout!("TriVertex", TriVertex { pos, color }),
    ]
}

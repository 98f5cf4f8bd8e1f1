//! The renderer's 3D frame: the mesh built from the field buffer when the field, the box or
//! the heights changed, then the surface's rect drawn with depth: background, floor, mesh and
//! the marks (`render::surface`). The passes are made on the first 3D frame, so a renderer
//! that only draws maps never compiles them.

use super::{FrameWork, Renderer};
use crate::error::{Error, Result};
use crate::gpu::Gpu;
use crate::render::settings::PlotRect;
use crate::render::surface::{
    mesh_cells, mesh_nodes, mesh_stride, DepthTarget, MarksPass, MeshPass, Surface3, Surface3Input,
    SurfaceBuffers, SurfaceFrame, SurfaceNodes, SurfacePass, SurfaceWork, COARSE_STEP,
    SURFACE3_BYTES,
};

/// What the mesh was built from: when it changes, the mesh is built again.
#[derive(Debug, Clone, Copy, PartialEq)]
struct MeshKey {
    field_generation: u64,
    box_size: [f32; 3],
    heights: [f32; 4],
    world_per_px: [f32; 2],
    grid: [u32; 2],
    nodes: [u32; 2],
    log_scale: u32,
}

impl MeshKey {
    fn of(field_generation: u64, s: &Surface3) -> MeshKey {
        MeshKey {
            field_generation,
            box_size: [s.box_size[0], s.box_size[1], s.box_size[2]],
            heights: s.heights,
            world_per_px: s.world_per_px,
            grid: s.grid,
            nodes: s.nodes,
            log_scale: s.log_scale,
        }
    }
}

/// How the prepared 3D frame is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Draw {
    rect: PlotRect,
    coarse: bool,
    clear_target: bool,
}

/// The 3D view's passes and buffers. Everything in it is replaced, never added to: the
/// node and index buffers when the grid's size changes, the depth target when the target's
/// does, the marks' buffers grow to the largest frame's marks.
pub(crate) struct Surface3d {
    mesh: MeshPass,
    pass: SurfacePass,
    marks: MarksPass,
    settings: wgpu::Buffer,
    last: Option<Surface3>,
    mesh_key: Option<MeshKey>,
    depth: Option<DepthTarget>,
    draw: Option<Draw>,
    /// Cells on the mesh's shorter side (`mesh_cells` of the adapter).
    cells: u32,
}

impl Surface3d {
    fn new(gpu: &Gpu, format: wgpu::TextureFormat) -> Result<Surface3d> {
        let device = &gpu.device;
        Ok(Surface3d {
            mesh: MeshPass::new(device)?,
            pass: SurfacePass::new(device, format)?,
            marks: MarksPass::new(device, format)?,
            settings: device.create_buffer(&wgpu::BufferDescriptor {
                label: Some("Surface3d::settings"),
                size: SURFACE3_BYTES,
                usage: wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_DST,
                mapped_at_creation: false,
            }),
            last: None,
            mesh_key: None,
            depth: None,
            draw: None,
            cells: mesh_cells(&gpu.adapter),
        })
    }
}

impl Renderer {
    /// Uploads what changed for a 3D frame and says what [`Renderer::encode_surface`] must
    /// rebuild. Call it after [`Renderer::prepare_layers`] for the same frame: the mesh reads
    /// that frame's field, and the contour levels and colour map are the layers'. When the
    /// returned work has `mesh`, the frame must be encoded, or the mesh stays unbuilt.
    pub fn prepare_surface(&mut self, gpu: &Gpu, frame: &SurfaceFrame) -> Result<SurfaceWork> {
        let Some(key) = self.field_key else {
            return Err(Error::Input(
                "the surface needs a field: prepare the frame's layers first".into(),
            ));
        };
        let r = frame.rect;
        let (tw, th) = self.layout.target;
        if r.w == 0 || r.h == 0 || r.x + r.w > tw || r.y + r.h > th {
            return Err(Error::Input(format!(
                "surface: rect {}×{} at ({}, {}) does not fit the {tw}×{th} target",
                r.w, r.h, r.x, r.y
            )));
        }
        let device = &gpu.device;
        if self.surface3.is_none() {
            self.surface3 = Some(Box::new(Surface3d::new(gpu, self.format)?));
        }
        let levels = self.range_result().map_or((0.0, 0), |r| (r.step, r.heavy));
        let Some(st) = self.surface3.as_deref_mut() else {
            return Err(Error::gpu("the 3D passes are missing"));
        };
        let grid = key.size;
        let stride = mesh_stride(grid.0, grid.1, st.cells);
        let nodes = mesh_nodes(grid.0, grid.1, stride);
        let s3 = Surface3::new(&Surface3Input {
            boxmap: &frame.boxmap,
            camera: &frame.camera,
            rect: [r.x as f32, r.y as f32, r.w as f32, r.h as f32],
            background: self.background_rgba,
            grid,
            nodes,
            stride,
            floor_contours: frame.floor_contours,
            levels,
        });
        if st.last != Some(s3) {
            gpu.queue
                .write_buffer(&st.settings, 0, bytemuck::bytes_of(&s3));
            st.last = Some(s3);
        }
        let mesh_key = MeshKey::of(self.field_generation, &s3);
        let mesh = st.mesh_key != Some(mesh_key);
        if mesh {
            let field = self.field.buffer();
            st.mesh
                .prepare(device, &gpu.queue, nodes, &st.settings, field);
            if let Some(nodes) = st.mesh.nodes() {
                st.pass.bind(
                    device,
                    &SurfaceBuffers {
                        params: &self.params,
                        settings: &st.settings,
                        nodes,
                        lut: self.heatmap.lut(),
                        field,
                    },
                );
            }
            st.mesh_key = Some(mesh_key);
        }
        st.marks.prepare(
            device,
            &gpu.queue,
            frame.marks,
            (&self.params, &st.settings),
        );
        st.depth = Some(DepthTarget::ensure(device, st.depth.take(), (tw, th)));
        st.draw = Some(Draw {
            rect: r,
            coarse: frame.coarse,
            clear_target: frame.clear_target,
        });
        let step = if frame.coarse { COARSE_STEP } else { 1 };
        let cells = |n: u32| n.saturating_sub(1).div_ceil(step);
        Ok(SurfaceWork {
            mesh,
            cells: (cells(nodes.0), cells(nodes.1)),
        })
    }

    /// Records the 3D frame into `target`: the mesh when `work.mesh`, then the surface's
    /// rect cleared to the background and the floor, surface and marks drawn over it with
    /// depth (the rest of the target is kept, or cleared with `clear_target`). Record it
    /// after [`Renderer::encode`] or [`Renderer::encode_compute`] for the same frame; a
    /// target of another size than the prepared frame's gets nothing.
    pub fn encode_surface(
        &self,
        encoder: &mut wgpu::CommandEncoder,
        target: &wgpu::Texture,
        work: &SurfaceWork,
    ) {
        let Some(st) = self.surface3.as_deref() else {
            return;
        };
        let (Some(draw), Some(depth)) = (st.draw, &st.depth) else {
            return;
        };
        let size = target.size();
        if (size.width, size.height) != depth.size() {
            return;
        }
        if work.mesh {
            let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                label: Some("Renderer::surface_mesh"),
                timestamp_writes: None,
            });
            st.mesh.dispatch(&mut pass);
        }
        let view = target.create_view(&wgpu::TextureViewDescriptor::default());
        let load = if draw.clear_target {
            wgpu::LoadOp::Clear(self.background)
        } else {
            wgpu::LoadOp::Load
        };
        let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
            label: Some("Renderer::surface"),
            color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                view: &view,
                depth_slice: None,
                resolve_target: None,
                ops: wgpu::Operations {
                    load,
                    store: wgpu::StoreOp::Store,
                },
            })],
            depth_stencil_attachment: Some(wgpu::RenderPassDepthStencilAttachment {
                view: depth.view(),
                depth_ops: Some(wgpu::Operations {
                    load: wgpu::LoadOp::Clear(1.0),
                    store: wgpu::StoreOp::Discard,
                }),
                stencil_ops: None,
            }),
            timestamp_writes: None,
            occlusion_query_set: None,
            multiview_mask: None,
        });
        let r = draw.rect;
        pass.set_viewport(r.x as f32, r.y as f32, r.w as f32, r.h as f32, 0.0, 1.0);
        pass.set_scissor_rect(r.x, r.y, r.w, r.h);
        st.pass
            .draw(&mut pass, st.mesh.indices(draw.coarse), draw.clear_target);
        st.marks.draw(&mut pass);
    }

    /// Records only the compute passes `work` asks for (field, range and its read-back,
    /// arrows): what a frame that shows the surface but not the map needs.
    pub fn encode_compute(&self, encoder: &mut wgpu::CommandEncoder, work: &FrameWork) {
        self.encode_compute_passes(encoder, work);
    }

    /// Reads the mesh back (after a submitted 3D frame): nodes across and down, and per node,
    /// row by row, the box point (x, y, z), its unclamped place t in the colour range, the
    /// unit normal and 1 where f is defined (0: a hole). None before the first 3D frame.
    pub fn read_surface_nodes(&self, gpu: &Gpu) -> Result<Option<SurfaceNodes>> {
        let Some(st) = self.surface3.as_deref() else {
            return Ok(None);
        };
        let Some(nodes) = st.mesh.nodes() else {
            return Ok(None);
        };
        let count = st.mesh.node_count();
        let len = u64::from(count.0) * u64::from(count.1) * 32;
        let staging = gpu.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("Renderer::surface_nodes"),
            size: len.max(32),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let mut encoder = gpu
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("Renderer::surface_nodes"),
            });
        encoder.copy_buffer_to_buffer(nodes, 0, &staging, 0, len);
        gpu.queue.submit([encoder.finish()]);
        let bytes = crate::gpu::readback::read_mapped(&gpu.device, &staging, len)?;
        gpu.check_after("reading back the surface's mesh")?;
        let floats: Vec<f32> = bytemuck::pod_collect_to_vec(&bytes);
        let out = floats
            .chunks_exact(8)
            .map(|c| [c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]])
            .collect();
        Ok(Some((count, out)))
    }
}

//! `MeshPass`: the surface's mesh built on the GPU from the field buffer
//! (shaders/surface_mesh.wgsl): one node every `stride` field samples, its box point, place
//! in the colour range and normal from the exact gradient in a storage buffer that the
//! surface shader reads; no CPU copy of the grid. The triangles' indices depend only on the
//! node counts and are made once per grid size: a fine set, and a coarse one over every
//! [`COARSE_STEP`]-th node that the explorer draws while the camera moves.
//!
//! Resolution: the shorter side of the field grid gets at least [`MESH_CELLS`] cells on a
//! GPU (at 1080p the field grid is the plot's pixels: a 1920 × 1080 surface gets 480 × 270
//! cells) and [`MESH_CELLS_SOFTWARE`] on a software adapter such as lavapipe, where every
//! triangle costs CPU time (240 × 135 there; measured in `gradfield bench`).

use super::params::Surface3;
use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry};
use crate::render::util;

/// The shorter side of the grid gets at least this many cells on a GPU.
pub const MESH_CELLS: u32 = 256;
/// The same on a software adapter (lavapipe): a quarter of the triangles.
pub const MESH_CELLS_SOFTWARE: u32 = 128;
/// The coarse mesh uses every this-many-th node each way (a sixteenth of the triangles).
pub const COARSE_STEP: u32 = 4;
/// Bytes per node: two vec4 of f32.
const NODE_BYTES: u64 = 32;
/// Workgroup size of `cs_mesh` on each axis.
const WORKGROUP: u32 = 8;

/// The cells the shorter side of the mesh gets on `adapter`.
pub fn mesh_cells(adapter: &wgpu::Adapter) -> u32 {
    if adapter.get_info().device_type == wgpu::DeviceType::Cpu {
        MESH_CELLS_SOFTWARE
    } else {
        MESH_CELLS
    }
}

/// Field samples between neighbouring nodes for a `w`×`h` grid whose shorter side gets at
/// least `cells` cells.
pub fn mesh_stride(w: u32, h: u32, cells: u32) -> u32 {
    (w.min(h) / cells.max(1)).max(1)
}

/// Nodes across and down for a `w`×`h` grid at `stride`: every `stride`-th sample and the
/// last one.
pub fn mesh_nodes(w: u32, h: u32, stride: u32) -> (u32, u32) {
    let n = |len: u32| len.saturating_sub(1).div_ceil(stride.max(1)) + 1;
    (n(w), n(h))
}

/// The field column (or row) of node `i` of `n` at `stride` in a grid `len` long.
pub fn node_sample(i: u32, stride: u32, len: u32) -> u32 {
    (i * stride).min(len.saturating_sub(1))
}

/// One set of triangle indices over the nodes.
#[derive(Debug)]
struct Indices {
    buffer: wgpu::Buffer,
    count: u32,
}

/// The mesh: its compute pipeline, nodes and index sets.
#[derive(Debug)]
pub(crate) struct MeshPass {
    layout: wgpu::BindGroupLayout,
    pipeline: wgpu::ComputePipeline,
    nodes: Option<wgpu::Buffer>,
    node_count: (u32, u32),
    fine: Option<Indices>,
    coarse: Option<Indices>,
    bind_group: Option<wgpu::BindGroup>,
}

impl MeshPass {
    pub(crate) fn new(device: &wgpu::Device) -> Result<MeshPass> {
        let module = util::create_shader(device, "MeshPass::module", super::SURFACE_MESH_WGSL)?;
        let c = wgpu::ShaderStages::COMPUTE;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("MeshPass::layout"),
            entries: &[
                storage_entry(0, c, true),
                storage_entry(1, c, true),
                storage_entry(2, c, false),
            ],
        });
        let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
            label: Some("MeshPass::pipeline_layout"),
            bind_group_layouts: &[Some(&layout)],
            immediate_size: 0,
        });
        let pipeline = util::compute_pipeline(
            device,
            "MeshPass::pipeline",
            &pipeline_layout,
            &module,
            "cs_mesh",
        )?;
        Ok(MeshPass {
            layout,
            pipeline,
            nodes: None,
            node_count: (0, 0),
            fine: None,
            coarse: None,
            bind_group: None,
        })
    }

    /// Makes the node buffer and index sets for `nodes` (kept while the count stays) and
    /// binds the frame settings and the field; the next [`MeshPass::dispatch`] fills it.
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        nodes: (u32, u32),
        settings: &wgpu::Buffer,
        field: &wgpu::Buffer,
    ) {
        if self.node_count != nodes || self.nodes.is_none() {
            let bytes = u64::from(nodes.0) * u64::from(nodes.1) * NODE_BYTES;
            self.nodes = Some(device.create_buffer(&wgpu::BufferDescriptor {
                label: Some("MeshPass::nodes"),
                size: bytes.max(NODE_BYTES),
                usage: wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_SRC,
                mapped_at_creation: false,
            }));
            self.fine = Some(indices(device, queue, nodes, 1, "MeshPass::fine"));
            self.coarse = Some(indices(
                device,
                queue,
                nodes,
                COARSE_STEP,
                "MeshPass::coarse",
            ));
            self.node_count = nodes;
        }
        if let Some(buf) = &self.nodes {
            self.bind_group = Some(bind_group(
                device,
                "MeshPass::bind_group",
                &self.layout,
                &[settings, field, buf],
            ));
        }
    }

    /// Records the mesh's compute dispatch.
    pub(crate) fn dispatch(&self, pass: &mut wgpu::ComputePass<'_>) {
        if let Some(bg) = &self.bind_group {
            pass.set_pipeline(&self.pipeline);
            pass.set_bind_group(0, bg, &[]);
            let (nx, ny) = self.node_count;
            pass.dispatch_workgroups(nx.div_ceil(WORKGROUP), ny.div_ceil(WORKGROUP), 1);
        }
    }

    /// The node buffer (two vec4 per node, row by row), once prepared.
    pub(crate) fn nodes(&self) -> Option<&wgpu::Buffer> {
        self.nodes.as_ref()
    }

    /// Nodes across and down.
    pub(crate) fn node_count(&self) -> (u32, u32) {
        self.node_count
    }

    /// The index buffer and count of the fine or the coarse mesh.
    pub(crate) fn indices(&self, coarse: bool) -> Option<(&wgpu::Buffer, u32)> {
        let set = if coarse { &self.coarse } else { &self.fine };
        set.as_ref().map(|i| (&i.buffer, i.count))
    }
}

/// The cells of the mesh over every `step`-th node (and the last) as triangle indices.
fn indices(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    (nx, ny): (u32, u32),
    step: u32,
    label: &str,
) -> Indices {
    let pick = |n: u32| -> Vec<u32> {
        let mut v: Vec<u32> = (0..n).step_by(step as usize).collect();
        if n > 0 && v.last() != Some(&(n - 1)) {
            v.push(n - 1);
        }
        v
    };
    let (xs, ys) = (pick(nx), pick(ny));
    let mut out = Vec::with_capacity(xs.len().saturating_sub(1) * ys.len().saturating_sub(1) * 6);
    for r in ys.windows(2) {
        for c in xs.windows(2) {
            let a = r[0] * nx + c[0];
            let b = r[0] * nx + c[1];
            let d = r[1] * nx + c[0];
            let e = r[1] * nx + c[1];
            out.extend_from_slice(&[a, d, b, b, d, e]);
        }
    }
    let buffer = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some(label),
        size: (out.len().max(1) * 4) as u64,
        usage: wgpu::BufferUsages::INDEX | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    if !out.is_empty() {
        queue.write_buffer(&buffer, 0, bytemuck::cast_slice(&out));
    }
    Indices {
        buffer,
        count: out.len() as u32,
    }
}

/// The size of [`Surface3`] in bytes, for its buffer.
pub(crate) const SURFACE3_BYTES: u64 = std::mem::size_of::<Surface3>() as u64;

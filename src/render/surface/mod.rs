//! The 3D view's GPU side: the surface z = f(x, y) as a mesh built on the GPU from the field
//! buffer (`mesh.rs`, a compute pass: no CPU copy of the grid), drawn with depth, lit by
//! normals from the exact gradient, coloured by the heatmap's colour map and range with its
//! contour lines on it and, optionally, on the floor (`pass.rs`), and the marks of a
//! `surface::Marks3` (paths, balls, slice planes, axes) drawn with the surface's depth
//! (`lines3d.rs`). The renderer composes them (`Renderer::prepare_surface`,
//! `Renderer::encode_surface` in `renderer/surface.rs`); the labels are painted by
//! `render/overlay3d.rs`.

mod lines3d;
mod mesh;
mod params;
mod pass;

pub use lines3d::{mark_instances, Mark3, TriVertex};
pub(crate) use lines3d::{mark_layouts, MarksPass};
pub use mesh::{
    mesh_cells, mesh_nodes, mesh_stride, node_sample, COARSE_STEP, MESH_CELLS, MESH_CELLS_SOFTWARE,
};
pub(crate) use mesh::{MeshPass, SURFACE3_BYTES};
pub use params::Surface3;
pub(crate) use params::{surface3_layout, Surface3Input};
pub(crate) use pass::{DepthTarget, SurfaceBuffers, SurfacePass};

use super::settings::PlotRect;
pub(crate) use super::shaders::{LINES3D_WGSL, SURFACE_MESH_WGSL, SURFACE_WGSL};
use super::RangeResult;
use crate::surface::{BoxMap, Camera, Heights, Marks3};

/// What one 3D frame shows, for [`crate::render::Renderer::prepare_surface`].
#[derive(Debug, Clone, Copy)]
pub struct SurfaceFrame<'a> {
    /// Where the surface is drawn in the target, in target pixels (the map's rect, the
    /// whole plot or the surface's half of a split canvas).
    pub rect: PlotRect,
    /// The box: the field's view (the one the field pass last evaluated), the colour range's
    /// heights and the vertical scale. The mesh, the marks and picking all map f to heights
    /// through it, so they agree.
    pub boxmap: BoxMap,
    pub camera: Camera,
    /// Contour lines projected on the floor too.
    pub floor_contours: bool,
    /// Draw the coarse mesh (the camera is moving on a slow adapter).
    pub coarse: bool,
    /// What is drawn over the surface (labels excepted: the overlay paints those).
    pub marks: &'a Marks3,
    /// Clear the whole target to the background first: the map is not drawn into it this
    /// frame (the surface alone, after [`crate::render::Renderer::encode_compute`]).
    pub clear_target: bool,
}

/// The mesh as read back by [`crate::render::Renderer::read_surface_nodes`]: nodes across
/// and down, and each node's box point, t, normal and "defined".
pub type SurfaceNodes = ((u32, u32), Vec<[f32; 8]>);

/// What [`crate::render::Renderer::encode_surface`] must record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SurfaceWork {
    /// Rebuild the mesh from the field buffer (the field, the heights, the box or the mesh
    /// resolution changed).
    pub mesh: bool,
    /// The mesh's cells, across and down.
    pub cells: (u32, u32),
}

/// The heights of a read-back colour range (`log`: the log scale it was drawn with); None
/// when nothing in view was defined (`count` 0) or the range is not finite.
pub fn heights_of(r: &RangeResult, log: bool) -> Option<Heights> {
    if r.count == 0 || !(r.vlo.is_finite() && r.vhi.is_finite()) {
        return None;
    }
    Some(Heights {
        log,
        vlo: f64::from(r.vlo),
        vhi: f64::from(r.vhi),
        delta: f64::from(r.delta),
        shift: f64::from(r.shift),
    })
}

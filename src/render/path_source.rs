//! How the path pass reads a path: [`PathSource`] (the explorer's paths and [`PathDraw`] are
//! read in place, nothing is copied per frame) and what a frame of paths cost ([`PathStats`]).

use super::paths::PathDraw;

/// A path as the path pass reads it, by index, so that nothing is copied per frame.
pub trait PathSource {
    /// Identifies one run of the path's points: while it stays the same (and is not 0), points
    /// are only appended. With 0 the pass compares the first and the last point it saw.
    fn run_id(&self) -> u64;
    /// How many points the path has.
    fn point_count(&self) -> usize;
    /// Point `i` (0 = the start) in world coordinates.
    fn point(&self, i: usize) -> (f64, f64);
    /// sRGB colour with alpha.
    fn color(&self) -> [f32; 4];
    /// The path has stopped (converged, diverged or left the domain).
    fn done(&self) -> bool;
}

/// What the last [`super::PathPass`] update cost: the proxies for "frame time does not grow
/// with the steps taken" that the soak tests assert on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PathStats {
    /// Bytes written to GPU buffers for the paths (label boxes not counted).
    pub uploaded_bytes: u64,
    /// Primitives (instanced quads) the paths draw.
    pub instances: u64,
    /// Iterates kept for drawing, over all paths.
    pub kept_points: u64,
    /// Iterates the paths have, over all paths.
    pub source_points: u64,
}

impl PathSource for PathDraw {
    fn run_id(&self) -> u64 {
        0
    }
    fn point_count(&self) -> usize {
        self.points.len()
    }
    fn point(&self, i: usize) -> (f64, f64) {
        self.points[i]
    }
    fn color(&self) -> [f32; 4] {
        self.color
    }
    fn done(&self) -> bool {
        self.status_done
    }
}

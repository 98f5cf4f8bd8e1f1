//! What the path pass remembers of each path between frames: the iterates it keeps for
//! drawing (thinned to at least `SPACING_PX` apart on screen, at most [`kept_limit`] per
//! path) and their segments and markers in GPU buffers that new iterates are appended to. A frame
//! that adds k iterates uploads O(k) bytes and draws a bounded number of instances however many
//! steps the paths have taken; a pan re-uploads the kept points, a zoom thins them anew.

use super::paths::{Prim, KIND_CURRENT, KIND_DONE, KIND_MARKER, KIND_SEGMENT, KIND_START};
use super::settings::PlotRect;
use super::util::GrowBuffer;
use crate::view::View;

pub(crate) use super::path_source::PathSource;
pub use super::path_source::PathStats;

/// Kept iterates of a path lie at least this far apart on screen (pixels): closer ones would
/// be drawn almost on top of each other (a marker and its outline have a radius of 3.4 pixels).
pub(crate) const SPACING_PX: f64 = 3.0;

/// Radius of a path's start ring in pixels (its outline lies outside).
pub(crate) const START_RING_PX: f32 = 5.5;

/// The most iterates kept over all paths: every kept iterate is two instanced quads, and a
/// software GPU spends ~5 ms a frame on each thousand of them.
pub const MAX_KEPT_TOTAL: usize = 16_384;

/// The most iterates kept per path when there are `paths` paths (64 to 2048): past it a path's
/// spacing doubles and its kept points are thinned.
pub fn kept_limit(paths: usize) -> usize {
    (MAX_KEPT_TOTAL / paths.max(1)).clamp(64, 2048)
}

/// Points farther than this outside the plot (in pixels) are clamped so f32 stays sane.
const FAR: f64 = 1.0e5;

pub(super) const PRIM_BYTES: u64 = std::mem::size_of::<Prim>() as u64;

/// World → target pixels for one frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Projection {
    pub view: View,
    pub plot: PlotRect,
}

impl Projection {
    /// Pixels per world unit in x and y.
    fn scale(&self) -> (f64, f64) {
        (
            self.plot.w as f64 / self.view.width(),
            self.plot.h as f64 / self.view.height(),
        )
    }

    /// Whether `other` has (to a relative 1e-9) the same scale: kept points stay valid.
    pub(crate) fn same_scale(&self, other: &Projection) -> bool {
        let (a, b) = (self.scale(), other.scale());
        let close = |p: f64, q: f64| (p - q).abs() <= 1e-9 * p.abs().max(q.abs());
        close(a.0, b.0) && close(a.1, b.1)
    }

    fn pixel(&self, (x, y): (f64, f64)) -> [f32; 2] {
        let p = self.plot;
        let (px, py) = self.view.to_pixel(x, y, p.w as f64, p.h as f64);
        [
            (px.clamp(-FAR, FAR) + p.x as f64) as f32,
            (py.clamp(-FAR, FAR) + p.y as f64) as f32,
        ]
    }
}

fn prim(a: [f32; 2], b: [f32; 2], color: [f32; 4], kind: u32, radius: f32) -> Prim {
    Prim {
        a,
        b,
        color,
        kind,
        radius,
        fill: 0,
        width: 0.0,
    }
}

fn finite(p: (f64, f64)) -> bool {
    p.0.is_finite() && p.1.is_finite()
}

fn same(p: (f64, f64), q: (f64, f64)) -> bool {
    p.0.to_bits() == q.0.to_bits() && p.1.to_bits() == q.1.to_bits()
}

/// One path's kept iterates and its segment and marker buffers.
#[derive(Debug)]
pub(super) struct Trace {
    run: u64,
    color: [f32; 4],
    first: (f64, f64),
    seen: usize,
    last_seen: (f64, f64),
    last_finite: Option<(f64, f64)>,
    finite_seen: usize,
    kept: Vec<(f64, f64)>,
    spacing: f64,
    uploaded: usize,
    pub done: bool,
    segments: GrowBuffer,
    markers: GrowBuffer,
}

impl Trace {
    pub(super) fn new(device: &wgpu::Device) -> Trace {
        let usage = wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST;
        Trace {
            run: 0,
            color: [0.0; 4],
            first: (f64::NAN, f64::NAN),
            seen: 0,
            last_seen: (f64::NAN, f64::NAN),
            last_finite: None,
            finite_seen: 0,
            kept: Vec::new(),
            spacing: SPACING_PX,
            uploaded: 0,
            done: false,
            segments: GrowBuffer::new(device, "PathPass::segments", usage),
            markers: GrowBuffer::new(device, "PathPass::markers", usage),
        }
    }

    fn forget(&mut self) {
        self.seen = 0;
        self.last_finite = None;
        self.finite_seen = 0;
        self.kept.clear();
        self.spacing = SPACING_PX;
        self.uploaded = 0;
    }

    /// Whether `src` continues what this trace has seen (only points appended since).
    fn continues(&self, src: &dyn PathSource) -> bool {
        let run = src.run_id();
        let n = src.point_count();
        self.seen > 0
            && (run == 0 || run == self.run)
            && n >= self.seen
            && same(src.point(0), self.first)
            && same(src.point(self.seen - 1), self.last_seen)
    }

    /// Takes in `src`'s new points for `proj` and uploads the new primitives; `rescaled`:
    /// the scale changed (thin again from all points), `moved`: the view moved (re-upload).
    /// At most `limit` points are kept. Returns the bytes uploaded.
    pub(super) fn update(
        &mut self,
        (device, queue): (&wgpu::Device, &wgpu::Queue),
        src: &dyn PathSource,
        proj: &Projection,
        (rescaled, moved): (bool, bool),
        limit: usize,
        scratch: &mut Vec<Prim>,
    ) -> u64 {
        if rescaled || !self.continues(src) {
            self.forget();
        }
        if moved || src.color() != self.color {
            self.uploaded = 0;
        }
        self.run = src.run_id();
        self.color = src.color();
        self.done = src.done();
        let (kx, ky) = proj.scale();
        let n = src.point_count();
        for i in self.seen..n {
            let p = src.point(i);
            if !finite(p) {
                continue;
            }
            self.finite_seen += 1;
            self.last_finite = Some(p);
            let far = self
                .kept
                .last()
                .is_none_or(|&q| ((p.0 - q.0) * kx).hypot((p.1 - q.1) * ky) >= self.spacing);
            if far {
                self.kept.push(p);
            }
        }
        if n > 0 {
            self.first = src.point(0);
            self.last_seen = src.point(n - 1);
        }
        self.seen = n;
        while self.kept.len() > limit.max(2) {
            self.spacing *= 2.0;
            thin(&mut self.kept, self.spacing, (kx, ky));
            self.uploaded = 0;
        }
        self.upload((device, queue), proj, scratch)
    }

    fn upload(
        &mut self,
        (device, queue): (&wgpu::Device, &wgpu::Queue),
        proj: &Projection,
        scratch: &mut Vec<Prim>,
    ) -> u64 {
        let count = self.kept.len().saturating_sub(1);
        let bytes = count as u64 * PRIM_BYTES;
        let grew_s = self.segments.ensure(device, bytes);
        let grew_m = self.markers.ensure(device, bytes);
        if grew_s || grew_m {
            self.uploaded = 0;
        }
        let from = self.uploaded.max(1);
        if from >= self.kept.len() {
            self.uploaded = self.kept.len();
            return 0;
        }
        let offset = (from - 1) as u64 * PRIM_BYTES;
        let color = self.color;
        scratch.clear();
        scratch.extend(
            self.kept
                .windows(2)
                .skip(from - 1)
                .map(|w| prim(proj.pixel(w[0]), proj.pixel(w[1]), color, KIND_SEGMENT, 1.3)),
        );
        queue.write_buffer(&self.segments.buffer, offset, bytemuck::cast_slice(scratch));
        scratch.clear();
        scratch.extend(self.kept[from..].iter().map(|&q| {
            let q = proj.pixel(q);
            prim(q, q, color, KIND_MARKER, 2.2)
        }));
        queue.write_buffer(&self.markers.buffer, offset, bytemuck::cast_slice(scratch));
        self.uploaded = self.kept.len();
        2 * (self.kept.len() - from) as u64 * PRIM_BYTES
    }

    /// The primitives rebuilt every frame: the segment from the last kept point to the current
    /// one (into `tails`), the start ring and the current point's disc (into `discs`).
    pub(super) fn dynamic(&self, proj: &Projection, tails: &mut Vec<Prim>, discs: &mut Vec<Prim>) {
        let (Some(&last_kept), Some(current)) = (self.kept.last(), self.last_finite) else {
            return;
        };
        let cur = proj.pixel(current);
        if !same(last_kept, current) {
            tails.push(prim(
                proj.pixel(last_kept),
                cur,
                self.color,
                KIND_SEGMENT,
                1.3,
            ));
        }
        if self.finite_seen > 1 {
            let start = proj.pixel(self.kept[0]);
            discs.push(prim(start, start, self.color, KIND_START, START_RING_PX));
        }
        let kind = if self.done { KIND_DONE } else { KIND_CURRENT };
        discs.push(prim(cur, cur, self.color, kind, 5.0));
    }

    /// The uploaded segments (or markers): the buffer slice and the instance count.
    pub(super) fn drawn(&self, markers: bool) -> Option<(wgpu::BufferSlice<'_>, u32)> {
        let count = self.kept.len().saturating_sub(1);
        if count == 0 {
            return None;
        }
        let buffer = if markers {
            &self.markers
        } else {
            &self.segments
        };
        Some((
            buffer.buffer.slice(..count as u64 * PRIM_BYTES),
            count as u32,
        ))
    }

    /// Points kept and points seen.
    pub(super) fn counts(&self) -> (usize, usize) {
        (self.kept.len(), self.seen)
    }
}

/// Keeps the first point and every point at least `spacing` pixels from the last one kept.
fn thin(kept: &mut Vec<(f64, f64)>, spacing: f64, (kx, ky): (f64, f64)) {
    let mut last: Option<(f64, f64)> = None;
    kept.retain(|&p| {
        let keep = last.is_none_or(|q| ((p.0 - q.0) * kx).hypot((p.1 - q.1) * ky) >= spacing);
        if keep {
            last = Some(p);
        }
        keep
    });
}

//! World curves laid on the surface (or its floor) for the 3D marks: a polyline of world
//! points subdivided finely enough to follow the surface between them, each sample lifted to
//! its height, and split into pieces where the surface is missing (undefined or cut-off
//! values) or the curve leaves the box, each piece ending exactly at the edge (found by
//! bisection) so that nothing is drawn through a hole or outside the box.

use glam::DVec3;

use super::BoxMap;
use crate::expr::Evaluator;

/// Longest step between two samples of a lifted curve, in box units (the surface mesh is
/// about this fine).
pub(crate) const LIFT_STEP: f64 = 1.0 / 128.0;
/// Most samples one segment between two given points is cut into.
const MAX_PIECES: usize = 512;
/// Bisection steps to find where a curve leaves the surface.
const EDGE_STEPS: usize = 30;

/// Where a curve is laid: on the surface, or on the floor under it (shadows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layer {
    Surface,
    Floor,
}

/// Whether box point `p`'s floor position is inside the floor rectangle.
pub(crate) fn on_floor(map: &BoxMap, p: DVec3) -> bool {
    let slack = 1.0 + 1e-9;
    p.x.abs() <= map.half.x * slack && p.y.abs() <= map.half.y * slack
}

/// The box point of world (x, y) on `layer`; None outside the box or over a hole.
pub(crate) fn place(
    map: &BoxMap,
    eval: &mut dyn Evaluator,
    layer: Layer,
    x: f64,
    y: f64,
) -> Option<DVec3> {
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    let p = map.floor(x, y);
    if !p.is_finite() || !on_floor(map, p) {
        return None;
    }
    match layer {
        Layer::Floor => Some(p),
        Layer::Surface => map.point(x, y, eval.value(x, y)?),
    }
}

/// The world points `pts` with every segment cut into pieces at most [`LIFT_STEP`] long in
/// the box (non-finite points kept, as breaks).
pub(crate) fn subdivide(map: &BoxMap, pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(pts.len());
    let s = map.xy_scale();
    for (i, &(x, y)) in pts.iter().enumerate() {
        if let Some(&(px, py)) = i.checked_sub(1).map(|j| &pts[j]) {
            let run = ((x - px) * s.x).hypot((y - py) * s.y);
            let n = if run.is_finite() {
                ((run / LIFT_STEP).ceil() as usize).clamp(1, MAX_PIECES)
            } else {
                1
            };
            for k in 1..n {
                let t = k as f64 / n as f64;
                out.push((px + (x - px) * t, py + (y - py) * t));
            }
        }
        out.push((x, y));
    }
    out
}

/// The pieces of the curve through world samples `pts` laid on `layer`: each piece a run of
/// placed samples, ends bisected to the edge of the surface or the box.
pub(crate) fn lifted_runs(
    map: &BoxMap,
    eval: &mut dyn Evaluator,
    layer: Layer,
    pts: &[(f64, f64)],
) -> Vec<Vec<DVec3>> {
    let mut out = Vec::new();
    let mut run: Vec<DVec3> = Vec::new();
    let mut prev: Option<((f64, f64), bool)> = None;
    for &q in pts {
        let here = place(map, eval, layer, q.0, q.1);
        if let Some((p, placed)) = prev {
            if placed != here.is_some() && p.0.is_finite() && q.0.is_finite() {
                let (inside, outside) = if placed { (p, q) } else { (q, p) };
                if let Some(edge) = edge(map, eval, layer, inside, outside) {
                    run.push(edge);
                }
            }
        }
        match here {
            Some(pt) => {
                if run.last() != Some(&pt) {
                    run.push(pt);
                }
            }
            None => finish(&mut out, &mut run),
        }
        prev = Some((q, here.is_some()));
    }
    finish(&mut out, &mut run);
    out
}

/// The last placed point from `inside` towards `outside` (bisection).
fn edge(
    map: &BoxMap,
    eval: &mut dyn Evaluator,
    layer: Layer,
    inside: (f64, f64),
    outside: (f64, f64),
) -> Option<DVec3> {
    let (mut a, mut b) = (inside, outside);
    let mut best = place(map, eval, layer, a.0, a.1)?;
    for _ in 0..EDGE_STEPS {
        let m = (0.5 * (a.0 + b.0), 0.5 * (a.1 + b.1));
        match place(map, eval, layer, m.0, m.1) {
            Some(p) => {
                best = p;
                a = m;
            }
            None => b = m,
        }
    }
    Some(best)
}

fn finish(out: &mut Vec<Vec<DVec3>>, run: &mut Vec<DVec3>) {
    let piece = std::mem::take(run);
    if piece.len() >= 2 {
        out.push(piece);
    }
}

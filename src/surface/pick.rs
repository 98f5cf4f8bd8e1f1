//! Picking on the surface: the point of the landscape under a pixel. The ray under the pixel
//! (`Camera::ray`) is marched across the box in steps of 1/512 of the box's longest side (fine
//! enough not to step over a hill the mesh can show), watching the gap between the ray and
//! the height field z = BoxMap height of f(x, y); the first change of sign is the surface the
//! eye sees (from above, or its underside from below), refined by bisection. Samples over
//! holes (undefined or cut-off values) break the march, so a ray through a hole sees what is
//! behind it.

use glam::{DVec2, DVec3};

use super::build_clip::slab;
use super::{BoxMap, Camera, Frame3, Ray};
use crate::expr::Evaluator;

/// Steps per longest side of the box while marching.
pub const PICK_STEPS: f64 = 512.0;
/// Bisection steps refining a crossing (each halves the step).
const REFINE_STEPS: usize = 40;

/// The surface point under a pixel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pick {
    /// World (x, y) of the point.
    pub world: (f64, f64),
    /// f there.
    pub f: f64,
    /// The point in box coordinates (on the surface).
    pub point: DVec3,
}

/// The surface point drawn at pixel `px` of `frame` seen by `camera`, f evaluated by `eval`;
/// None where the ray misses the box, passes only through holes or reaches the floor.
pub fn pick(
    map: &BoxMap,
    camera: &Camera,
    frame: &Frame3,
    eval: &mut dyn Evaluator,
    px: DVec2,
) -> Option<Pick> {
    if !px.is_finite() {
        return None;
    }
    pick_ray(map, eval, &camera.ray(frame, px))
}

/// The first surface point along `ray` (box coordinates), as [`pick`].
pub fn pick_ray(map: &BoxMap, eval: &mut dyn Evaluator, ray: &Ray) -> Option<Pick> {
    if !(ray.origin.is_finite() && ray.dir.is_finite()) {
        return None;
    }
    let (t0, t1) = slab(
        ray.origin,
        ray.dir,
        map.lo(),
        map.hi(),
        (0.0, f64::INFINITY),
    )?;
    let side = map.half.x.max(map.half.y).max(map.height);
    let n = (((t1 - t0) / (side / PICK_STEPS)).ceil() as usize).clamp(1, 1 << 16);
    let mut gap = |t: f64| gap(map, eval, ray.at(t));
    let mut prev: Option<(f64, f64)> = None;
    for i in 0..=n {
        let t = t0 + (t1 - t0) * i as f64 / n as f64;
        let g = gap(t);
        if let (Some((ta, ga)), Some(gb)) = (prev, g) {
            if (ga > 0.0) != (gb > 0.0) {
                let t = refine(&mut gap, ta, ga, t);
                return surface_point(map, eval, ray.at(t));
            }
        }
        prev = g.map(|g| (t, g));
    }
    None
}

/// Height of box point `p` above the surface under it; None over a hole.
fn gap(map: &BoxMap, eval: &mut dyn Evaluator, p: DVec3) -> Option<f64> {
    let (x, y) = map.to_world(p);
    let z = map.z(eval.value(x, y)?)?;
    Some(p.z - z)
}

/// Bisects the crossing between `a` (gap `ga`) and `b`; a hole met on the way counts as the
/// far side, so the answer stays on the surface.
fn refine(gap: &mut dyn FnMut(f64) -> Option<f64>, mut a: f64, ga: f64, mut b: f64) -> f64 {
    for _ in 0..REFINE_STEPS {
        let m = 0.5 * (a + b);
        match gap(m) {
            Some(g) if (g > 0.0) == (ga > 0.0) => a = m,
            _ => b = m,
        }
    }
    a
}

/// The surface point over the floor position of `p`.
fn surface_point(map: &BoxMap, eval: &mut dyn Evaluator, p: DVec3) -> Option<Pick> {
    let (x, y) = map.to_world(p);
    let f = eval.value(x, y)?;
    Some(Pick {
        world: (x, y),
        f,
        point: map.point(x, y, f)?,
    })
}

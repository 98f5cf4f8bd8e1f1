//! Clipping in box coordinates for the 3D marks: a ray or a segment against the box (slabs,
//! Liang–Barsky) and a convex polygon against the box's six faces (Sutherland–Hodgman), so
//! that tangent lines and the tangent plane never reach outside the landscape's box.

use glam::DVec3;

/// The part `t0..t1` of the line `o + t·d` (t within `range`) inside the box `lo`..`hi`;
/// None where it misses the box.
pub(crate) fn slab(
    o: DVec3,
    d: DVec3,
    lo: DVec3,
    hi: DVec3,
    range: (f64, f64),
) -> Option<(f64, f64)> {
    let (mut t0, mut t1) = range;
    for k in 0..3 {
        if d[k].abs() < 1e-300 {
            if o[k] < lo[k] || o[k] > hi[k] {
                return None;
            }
            continue;
        }
        let (a, b) = ((lo[k] - o[k]) / d[k], (hi[k] - o[k]) / d[k]);
        t0 = t0.max(a.min(b));
        t1 = t1.min(a.max(b));
        if t0 > t1 || !(t0.is_finite() || t1.is_finite()) {
            return None;
        }
    }
    (t0 <= t1 && t0.is_finite() && t1.is_finite()).then_some((t0, t1))
}

/// The segment `a`–`b` clipped to the box; None where none of it is inside.
pub(crate) fn clip_segment(a: DVec3, b: DVec3, lo: DVec3, hi: DVec3) -> Option<(DVec3, DVec3)> {
    let d = b - a;
    let (t0, t1) = slab(a, d, lo, hi, (0.0, 1.0))?;
    (t1 > t0).then(|| (a + d * t0, a + d * t1))
}

/// A convex polygon clipped to the box (empty where it lies outside).
pub(crate) fn clip_polygon(mut poly: Vec<DVec3>, lo: DVec3, hi: DVec3) -> Vec<DVec3> {
    for k in 0..3 {
        for (bound, keep_below) in [(lo[k], false), (hi[k], true)] {
            let inside = |p: DVec3| {
                if keep_below {
                    p[k] <= bound
                } else {
                    p[k] >= bound
                }
            };
            let mut out = Vec::with_capacity(poly.len() + 2);
            for i in 0..poly.len() {
                let (a, b) = (poly[i], poly[(i + 1) % poly.len()]);
                match (inside(a), inside(b)) {
                    (true, true) => out.push(b),
                    (true, false) | (false, true) => {
                        let t = (bound - a[k]) / (b[k] - a[k]);
                        let mut cut = a + (b - a) * t;
                        cut[k] = bound;
                        out.push(cut);
                        if inside(b) {
                            out.push(b);
                        }
                    }
                    (false, false) => {}
                }
            }
            poly = out;
            if poly.len() < 3 {
                return Vec::new();
            }
        }
    }
    poly
}

#[cfg(test)]
mod tests {
    use super::*;

    const LO: DVec3 = DVec3::new(-1.0, -1.0, 0.0);
    const HI: DVec3 = DVec3::new(1.0, 1.0, 1.0);

    #[test]
    fn a_segment_is_cut_at_the_faces() {
        let (a, b) = clip_segment(
            DVec3::new(-3.0, 0.0, 0.5),
            DVec3::new(3.0, 0.0, 0.5),
            LO,
            HI,
        )
        .unwrap();
        assert!((a - DVec3::new(-1.0, 0.0, 0.5)).length() < 1e-12);
        assert!((b - DVec3::new(1.0, 0.0, 0.5)).length() < 1e-12);
        assert!(
            clip_segment(DVec3::new(2.0, 0.0, 0.5), DVec3::new(3.0, 0.0, 0.5), LO, HI).is_none()
        );
    }

    #[test]
    fn a_tilted_square_keeps_only_its_inside() {
        // A square twice the box's width tilted up along x: the part above z = 1 and below
        // z = 0 goes, every corner left lies in the box.
        let sq = [(-2.0, -2.0), (2.0, -2.0), (2.0, 2.0), (-2.0, 2.0)]
            .map(|(x, y)| DVec3::new(x, y, 0.5 + 0.5 * x));
        let out = clip_polygon(sq.to_vec(), LO, HI);
        assert!(out.len() >= 4, "{out:?}");
        for p in &out {
            assert!(
                p.cmpge(LO - 1e-12).all() && p.cmple(HI + 1e-12).all(),
                "{p}"
            );
            assert!(
                (p.z - (0.5 + 0.5 * p.x)).abs() < 1e-12,
                "still on the plane"
            );
        }
        let far = [
            DVec3::new(5.0, 5.0, 5.0),
            DVec3::new(6.0, 5.0, 5.0),
            DVec3::new(5.0, 6.0, 5.0),
        ];
        assert!(clip_polygon(far.to_vec(), LO, HI).is_empty());
    }
}

//! The arrows under the pin in the 3D view: ∇f drawn in the floor plane under the pin (a
//! fixed, readable length in the direction of ∇f, as the 2D pin draws it), the direction u of
//! the directional derivative beside it, and on the surface the tangent vector along u, whose
//! rise per unit of run is D_u f, labelled with its value.

use glam::DVec3;

use super::build_clip::clip_segment;
use super::build_pin::PinPoint;
use super::marks::{Anchor3, Label3, Line3, Marks3};
use super::BoxMap;

/// Colour of the gradient arrow (the 2D pin's red).
pub const GRAD_COLOR: [u8; 4] = [255, 80, 80, 255];
/// Colour of the direction u and the tangent vector along it.
pub const U_COLOR: [u8; 4] = [255, 255, 255, 255];
/// Length of the floor arrows (and the tangent vector's run), in box units.
pub const ARROW_LEN: f64 = 0.3;
/// Arrow heads: length as a share of the arrow, half-angle in degrees.
const HEAD: (f64, f64) = (0.28, 25.0);
/// Width of the arrows in pixels at scale 1.
const ARROW_WIDTH_PX: f32 = 2.5;
/// Closer than this (degrees) to u, ∇f's label is left out: u's says it all (as in 2D).
const LABEL_APART_DEG: f64 = 20.0;

/// ∇f and u in the floor under the pin and the tangent vector along u on the surface.
pub(crate) fn arrows(map: &BoxMap, p: &PinPoint, theta: f64, scale: f32, out: &mut Marks3) {
    let s = map.xy_scale();
    let on_floor = |wx: f64, wy: f64| DVec3::new(wx * s.x, wy * s.y, 0.0).normalize_or_zero();
    let width = ARROW_WIDTH_PX * scale;
    let grad = on_floor(p.fx, p.fy);
    let (ux, uy) = crate::teach::unit(theta);
    let u = on_floor(ux, uy);
    if grad != DVec3::ZERO {
        let tip = p.floor + grad * ARROW_LEN;
        arrow(p.floor, tip, GRAD_COLOR, width, true, out);
        if crate::teach::angle_to_grad_deg((p.fx, p.fy), theta) >= LABEL_APART_DEG {
            out.labels.push(label(tip, "∇f".into(), GRAD_COLOR));
        }
    }
    if u == DVec3::ZERO {
        return;
    }
    let tip = p.floor + u * ARROW_LEN;
    arrow(p.floor, tip, U_COLOR, width, true, out);
    tangent_vector(map, p, (ux, uy), u, width, out);
    // After D_u f's label, which wins where the two would overlap (a steep descent along u
    // ends on the floor near u's tip).
    out.labels.push(label(tip, "u".into(), U_COLOR));
}

/// The tangent vector on the surface along u (unit `u` on the floor map, `(ux, uy)` in
/// world units), labelled with D_u f.
fn tangent_vector(
    map: &BoxMap,
    p: &PinPoint,
    (ux, uy): (f64, f64),
    u: DVec3,
    width: f32,
    out: &mut Marks3,
) {
    let s = map.xy_scale();
    let Some(at) = p.at else {
        return;
    };
    // The run along u is ARROW_LEN box units, i.e. `run` world units; the rise is D_u f per
    // world unit of run, mapped into the box.
    let run = ARROW_LEN / DVec3::new(ux * s.x, uy * s.y, 0.0).length();
    let du = p.fx * ux + p.fy * uy;
    let v = u * ARROW_LEN + DVec3::Z * map.rise_per_run(p.f, du) * run;
    if !v.is_finite() {
        return;
    }
    let Some((a, b)) = clip_segment(at, at + v, map.lo(), map.hi()) else {
        return;
    };
    if (b - (at + v)).length() < 1e-9 {
        arrow(a, b, U_COLOR, width, false, out);
    } else {
        out.lines.push(line(vec![a, b], U_COLOR, width, false));
    }
    out.labels.push(label(
        b,
        format!("D_u f = {}", crate::numfmt::slope(du)),
        U_COLOR,
    ));
}

/// A label just above `at`.
fn label(at: DVec3, text: String, color: [u8; 4]) -> Label3 {
    Label3 {
        at,
        text,
        color,
        anchor: Anchor3::Above,
    }
}

fn line(points: Vec<DVec3>, color: [u8; 4], width_px: f32, on_top: bool) -> Line3 {
    Line3 {
        points,
        color,
        width_px,
        on_top,
    }
}

/// An arrow from `from` to `to`: the shaft and a head whose barbs lie in the plane of the
/// shaft and the horizontal perpendicular to it.
pub(crate) fn arrow(
    from: DVec3,
    to: DVec3,
    color: [u8; 4],
    width: f32,
    on_top: bool,
    out: &mut Marks3,
) {
    let d = to - from;
    let len = d.length();
    if len.is_nan() || len <= 0.0 || !d.is_finite() {
        return;
    }
    let back = -d / len;
    let side = DVec3::Z.cross(back).normalize_or_zero();
    let side = if side == DVec3::ZERO { DVec3::X } else { side };
    let (k, angle) = (HEAD.0 * len, HEAD.1.to_radians());
    let barb = |sign: f64| to + (back * angle.cos() + side * sign * angle.sin()) * k;
    out.lines.push(line(vec![from, to], color, width, on_top));
    out.lines
        .push(line(vec![barb(1.0), to, barb(-1.0)], color, width, on_top));
}

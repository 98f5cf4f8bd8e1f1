//! The pin in the 3D view: at a pinned (x₀, y₀) the two slice planes x = x₀ and y = y₀
//! (translucent, in the slices panel's colours), the curves they cut from the surface, their
//! tangent lines at the pin with the slopes written on them, the pin's ball and its drop to
//! the floor, and the tangent plane when asked for. The arrows under the pin (∇f, u) and the
//! tangent vector along u are in `build_pin_arrows`.

use glam::DVec3;

use super::build_clip::{clip_polygon, clip_segment};
use super::build_lift::{lifted_runs, on_floor, Layer};
use super::marks::{Anchor3, Ball3, Label3, Line3, Marks3, Tri3};
use super::BoxMap;
use crate::expr::Evaluator;

/// Colour of the x slice f(x, y₀), in the plane y = y₀ (the slices panel's orange).
pub const X_SLICE_COLOR: [u8; 4] = [255, 150, 40, 255];
/// Colour of the y slice f(x₀, y), in the plane x = x₀ (the slices panel's cyan).
pub const Y_SLICE_COLOR: [u8; 4] = [60, 210, 255, 255];
/// Alpha of the slice planes.
pub const SLICE_PLANE_ALPHA: u8 = 45;
/// Colour of the tangent plane (translucent).
pub const TANGENT_PLANE_COLOR: [u8; 4] = [235, 235, 235, 80];
/// Samples along each slice curve.
pub const SLICE_SAMPLES: usize = 481;
/// Half the length of a tangent line, in box units.
pub const TANGENT_HALF: f64 = 0.4;
/// Half the side of the tangent plane's patch on the floor, in box units.
pub const PLANE_HALF: f64 = 0.3;
/// Width of the slice curves and tangent lines in pixels at scale 1.
const CURVE_WIDTH_PX: f32 = 3.0;

/// The pin to draw: the pinned world point, the direction u of the directional derivative
/// (θ radians from +x, as `Document::direction`) and whether the tangent plane is shown.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PinMarks {
    pub at: (f64, f64),
    pub direction: f64,
    pub tangent_plane: bool,
}

/// f and ∇f at the pin with the pin's box point: what the tangents are built from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PinPoint {
    pub x: f64,
    pub y: f64,
    pub f: f64,
    pub fx: f64,
    pub fy: f64,
    /// The pin on the surface (None where its value is cut off).
    pub at: Option<DVec3>,
    /// The floor point under the pin.
    pub floor: DVec3,
}

/// Everything drawn for the pin; empty when the pin is outside the view. `scale` grows
/// widths with the UI.
pub fn pin_marks(map: &BoxMap, eval: &mut dyn Evaluator, pin: &PinMarks, scale: f32) -> Marks3 {
    let mut out = Marks3::default();
    let (x0, y0) = pin.at;
    let floor = map.floor(x0, y0);
    if !floor.is_finite() || !on_floor(map, floor) {
        return out;
    }
    slice_planes(map, floor, &mut out);
    slice_curves(map, eval, pin.at, scale, &mut out);
    let Some([f, fx, fy]) = eval
        .gradient(x0, y0)
        .filter(|g| g.iter().all(|v| v.is_finite()))
    else {
        return out;
    };
    let p = PinPoint {
        x: x0,
        y: y0,
        f,
        fx,
        fy,
        at: map.point(x0, y0, f),
        floor,
    };
    // The tangent lines first: where labels would overlap, the slopes win.
    if let Some(at) = p.at {
        tangent_lines(map, &p, at, scale, &mut out);
    }
    super::build_pin_arrows::arrows(map, &p, pin.direction, scale, &mut out);
    let Some(at) = p.at else {
        return out;
    };
    if pin.tangent_plane {
        tangent_plane(map, &p, at, &mut out);
    }
    out.lines.push(Line3 {
        points: vec![at, floor],
        color: [255, 255, 255, 110],
        width_px: scale,
        on_top: false,
    });
    out.balls.push(Ball3 {
        at,
        radius_px: 6.0 * scale,
        color: [255, 255, 255, 255],
    });
    out
}

/// The vertical rectangles y = y₀ and x = x₀ across the box.
fn slice_planes(map: &BoxMap, floor: DVec3, out: &mut Marks3) {
    let (h, top) = (map.half, map.height);
    let y_plane = [(-h.x, floor.y), (h.x, floor.y)];
    let x_plane = [(floor.x, -h.y), (floor.x, h.y)];
    for (ends, color) in [(y_plane, X_SLICE_COLOR), (x_plane, Y_SLICE_COLOR)] {
        let [(ax, ay), (bx, by)] = ends;
        let c = [
            DVec3::new(ax, ay, 0.0),
            DVec3::new(bx, by, 0.0),
            DVec3::new(bx, by, top),
            DVec3::new(ax, ay, top),
        ];
        let mut color = color;
        color[3] = SLICE_PLANE_ALPHA;
        out.tris.push(Tri3 {
            corners: [c[0], c[1], c[2]],
            color,
        });
        out.tris.push(Tri3 {
            corners: [c[0], c[2], c[3]],
            color,
        });
    }
}

/// f(x, y₀) and f(x₀, y) across the view, lifted onto the surface.
fn slice_curves(
    map: &BoxMap,
    eval: &mut dyn Evaluator,
    (x0, y0): (f64, f64),
    scale: f32,
    out: &mut Marks3,
) {
    let v = map.view;
    let n = SLICE_SAMPLES - 1;
    let along = |a: f64, b: f64, i: usize| a + (b - a) * i as f64 / n as f64;
    let xs: Vec<(f64, f64)> = (0..=n).map(|i| (along(v.x0, v.x1, i), y0)).collect();
    let ys: Vec<(f64, f64)> = (0..=n).map(|i| (x0, along(v.y0, v.y1, i))).collect();
    for (pts, color) in [(xs, X_SLICE_COLOR), (ys, Y_SLICE_COLOR)] {
        for points in lifted_runs(map, eval, Layer::Surface, &pts) {
            out.lines.push(Line3 {
                points,
                color,
                width_px: CURVE_WIDTH_PX * scale,
                on_top: false,
            });
        }
    }
}

/// The two tangent lines through the pin, clipped to the box, with their slopes. They are
/// drawn over the surface: the tangent of a slice that curves up runs under it.
fn tangent_lines(map: &BoxMap, p: &PinPoint, at: DVec3, scale: f32, out: &mut Marks3) {
    let s = map.xy_scale();
    // Box rise per box unit of run: the world rise per world unit over the box's scale.
    let dx = DVec3::new(1.0, 0.0, map.rise_per_run(p.f, p.fx) / s.x);
    let dy = DVec3::new(0.0, 1.0, map.rise_per_run(p.f, p.fy) / s.y);
    for (d, color, name, slope) in [
        (dx, X_SLICE_COLOR, "x", p.fx),
        (dy, Y_SLICE_COLOR, "y", p.fy),
    ] {
        let d = d.normalize_or_zero();
        if d == DVec3::ZERO {
            continue;
        }
        let Some((a, b)) = clip_segment(
            at - d * TANGENT_HALF,
            at + d * TANGENT_HALF,
            map.lo(),
            map.hi(),
        ) else {
            continue;
        };
        out.lines.push(Line3 {
            points: vec![a, b],
            color,
            width_px: CURVE_WIDTH_PX * scale,
            on_top: true,
        });
        out.labels.push(Label3 {
            at: b,
            text: format!("∂f/∂{name} = {}", crate::numfmt::slope(slope)),
            color,
            anchor: Anchor3::Above,
        });
    }
}

/// The tangent plane's corners over the square of half-side [`PLANE_HALF`] (box units) around
/// the pin: height z₀ + rise(∂f/∂x)·dx + rise(∂f/∂y)·dy, dx, dy in world units.
pub(crate) fn tangent_plane_corners(map: &BoxMap, p: &PinPoint, at: DVec3) -> [DVec3; 4] {
    let s = map.xy_scale();
    let (rx, ry) = (map.rise_per_run(p.f, p.fx), map.rise_per_run(p.f, p.fy));
    [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)].map(|(a, b): (f64, f64)| {
        let (dx, dy) = (a * PLANE_HALF / s.x, b * PLANE_HALF / s.y);
        DVec3::new(
            at.x + a * PLANE_HALF,
            at.y + b * PLANE_HALF,
            at.z + rx * dx + ry * dy,
        )
    })
}

/// The tangent plane's patch, clipped to the box, as a fan of triangles with an outline.
fn tangent_plane(map: &BoxMap, p: &PinPoint, at: DVec3, out: &mut Marks3) {
    let corners = tangent_plane_corners(map, p, at);
    let poly = clip_polygon(corners.to_vec(), map.lo(), map.hi());
    if poly.iter().any(|c| !c.is_finite()) {
        return;
    }
    for i in 1..poly.len().saturating_sub(1) {
        out.tris.push(Tri3 {
            corners: [poly[0], poly[i], poly[i + 1]],
            color: TANGENT_PLANE_COLOR,
        });
    }
    if let Some(&first) = poly.first() {
        let mut points = poly;
        points.push(first);
        out.lines.push(Line3 {
            points,
            color: [235, 235, 235, 170],
            width_px: 1.0,
            on_top: false,
        });
    }
}

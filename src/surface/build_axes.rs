//! The box's axes in the 3D view, placed as matplotlib places them: x ticks along the floor
//! edge nearest the eye, y ticks along the other near floor edge, f ticks up the vertical
//! edge furthest left on screen; tick marks, tick labels and the x and y names pushed
//! outwards, f's name over the top of its edge, the floor's outline and its grid lines at the x and y ticks. Tick values come in `Axes3`
//! (the 2D axes' and the colour bar's rules, `render::overlay3d::axes3`).

use glam::DVec3;

use super::build::Style3;
use super::marks::{Anchor3, Label3, Line3, Marks3};
use super::{BoxMap, Camera, Frame3};

/// Length of a tick mark, in box units.
pub const TICK_LEN: f64 = 0.03;
/// How far out from its edge a tick label's anchor sits, in box units.
pub const TICK_LABEL_OUT: f64 = 0.07;
/// How far out from its edge an axis name's anchor sits, in box units.
pub const NAME_OUT: f64 = 0.34;
/// How far above the top of its edge the f axis's name sits, as a share of the box height.
pub const NAME_ABOVE: f64 = 0.04;

/// One tick: the value and its label (the 2D ticks' format, − for minus).
#[derive(Debug, Clone, PartialEq)]
pub struct Tick3 {
    pub value: f64,
    pub text: String,
}

/// The ticks of the three axes and the axes' names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Axes3 {
    /// Ticks of x over the view.
    pub x: Vec<Tick3>,
    /// Ticks of y over the view.
    pub y: Vec<Tick3>,
    /// Ticks of f over the colour range (the colour bar's values).
    pub f: Vec<Tick3>,
    /// Names of the x, y and f axes (`x`, `y`, `f(x, y)`).
    pub names: [String; 3],
}

/// Which box edges carry the axes for an eye at `eye`: the floor edges' y (for x ticks) and
/// x (for y ticks) nearest the eye, and the corner whose vertical edge carries the f ticks.
pub(crate) fn axis_edges(map: &BoxMap, camera: &Camera, frame: &Frame3) -> (f64, f64, (f64, f64)) {
    let eye = camera.eye(frame);
    let h = map.half;
    let x_edge_y = if eye.y >= 0.0 { h.y } else { -h.y };
    let y_edge_x = if eye.x >= 0.0 { h.x } else { -h.x };
    let corners = [(-h.x, -h.y), (h.x, -h.y), (h.x, h.y), (-h.x, h.y)];
    let screen_x = |&(x, y): &(f64, f64)| {
        camera
            .project(frame, DVec3::new(x, y, 0.5 * map.height))
            .map_or(f64::INFINITY, |(px, _)| px.x)
    };
    let corner = corners
        .iter()
        .copied()
        .min_by(|a, b| screen_x(a).total_cmp(&screen_x(b)))
        .unwrap_or(corners[0]);
    (x_edge_y, y_edge_x, corner)
}

/// The axes, ticks, names, floor outline and floor grid for the current camera.
pub fn axes_marks(
    map: &BoxMap,
    camera: &Camera,
    frame: &Frame3,
    axes: &Axes3,
    style: &Style3,
) -> Marks3 {
    let mut out = Marks3::default();
    let (h, top) = (map.half, map.height);
    let (ey, ex, (cx, cy)) = axis_edges(map, camera, frame);
    let line = |points: Vec<DVec3>, color: [u8; 4], width: f32| Line3 {
        points,
        color,
        width_px: width * style.scale,
        on_top: false,
    };
    // The floor's outline and the vertical edge of the f axis.
    let floor = [
        (-h.x, -h.y),
        (h.x, -h.y),
        (h.x, h.y),
        (-h.x, h.y),
        (-h.x, -h.y),
    ];
    let outline = floor.iter().map(|&(x, y)| DVec3::new(x, y, 0.0)).collect();
    out.lines.push(line(outline, style.axis, 1.2));
    out.lines.push(line(
        vec![DVec3::new(cx, cy, 0.0), DVec3::new(cx, cy, top)],
        style.axis,
        1.2,
    ));
    let out_x = DVec3::new(0.0, ey.signum(), 0.0);
    let out_y = DVec3::new(ex.signum(), 0.0, 0.0);
    let out_f = DVec3::new(cx.signum(), cy.signum(), 0.0).normalize();
    let mid = |a: DVec3, o: DVec3| a + o * NAME_OUT;
    let names = [
        (mid(DVec3::new(0.0, ey, 0.0), out_x), &axes.names[0]),
        (mid(DVec3::new(ex, 0.0, 0.0), out_y), &axes.names[1]),
    ];
    let f_name = (DVec3::new(cx, cy, top * (1.0 + NAME_ABOVE)), &axes.names[2]);
    for (i, (at, text)) in names.into_iter().chain([f_name]).enumerate() {
        if !text.is_empty() {
            out.labels.push(Label3 {
                at,
                text: text.clone(),
                color: style.text,
                // f's name sits over the top of its edge, clear of its ticks.
                anchor: if i == 2 {
                    Anchor3::Above
                } else {
                    Anchor3::Outward
                },
            });
        }
    }
    let tick = |at: DVec3, o: DVec3, text: &str, out: &mut Marks3| {
        out.lines
            .push(line(vec![at, at + o * TICK_LEN], style.axis, 1.2));
        out.labels.push(Label3 {
            at: at + o * TICK_LABEL_OUT,
            text: text.to_owned(),
            color: style.text,
            anchor: Anchor3::Outward,
        });
    };
    let slack = 1.0 + 1e-9;
    for t in &axes.x {
        let x = map.floor(t.value, map.view.y0).x;
        if x.is_finite() && x.abs() <= h.x * slack {
            tick(DVec3::new(x, ey, 0.0), out_x, &t.text, &mut out);
            let grid = vec![DVec3::new(x, -h.y, 0.0), DVec3::new(x, h.y, 0.0)];
            out.lines.push(line(grid, style.grid, 1.0));
        }
    }
    for t in &axes.y {
        let y = map.floor(map.view.x0, t.value).y;
        if y.is_finite() && y.abs() <= h.y * slack {
            tick(DVec3::new(ex, y, 0.0), out_y, &t.text, &mut out);
            let grid = vec![DVec3::new(-h.x, y, 0.0), DVec3::new(h.x, y, 0.0)];
            out.lines.push(line(grid, style.grid, 1.0));
        }
    }
    for t in &axes.f {
        if let Some(z) = map.z(t.value) {
            tick(DVec3::new(cx, cy, z), out_f, &t.text, &mut out);
        }
    }
    out
}

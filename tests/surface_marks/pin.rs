//! The pin's marks: slice curves equal f along the lines through the pin, tangent lines and
//! the tangent plane from the exact partial derivatives, the arrows in the floor; and a
//! descent path through the entry point.

use gradfield::expr::Function;
use gradfield::surface::build_pin::{
    pin_marks, PinMarks, TANGENT_PLANE_COLOR, X_SLICE_COLOR, Y_SLICE_COLOR,
};
use gradfield::surface::{marks, Axes3, PathMarks, Style3, GRAD_COLOR};

use super::boxed;

/// f = x² + 3xy − y² + x: at (0.5, −0.3), f = 0.25 − 0.45 − 0.09 + 0.5 = 0.21,
/// ∂f/∂x = 2x + 3y + 1 = 1.1, ∂f/∂y = 3x − 2y = 2.1 (by hand).
const F: &str = "x^2 + 3*x*y - y^2 + x";
const PIN: (f64, f64) = (0.5, -0.3);
const VALUE: f64 = 0.21;
const FX: f64 = 1.1;
const FY: f64 = 2.1;

fn f(x: f64, y: f64) -> f64 {
    x * x + 3.0 * x * y - y * y + x
}

fn pin(tangent_plane: bool) -> PinMarks {
    PinMarks {
        at: PIN,
        direction: 0.7,
        tangent_plane,
    }
}

#[test]
fn slice_curves_are_f_along_the_lines_through_the_pin() {
    let func = Function::parse(F).unwrap();
    let (map, _) = boxed(2.0, -20.0, 20.0);
    let m = pin_marks(&map, &mut func.tree(), &pin(false), 1.0);
    let curve = |color| {
        m.lines
            .iter()
            .filter(|l| l.color == color && l.points.len() > 100)
            .flat_map(|l| l.points.iter().copied())
            .collect::<Vec<_>>()
    };
    let (xs, ys) = (curve(X_SLICE_COLOR), curve(Y_SLICE_COLOR));
    assert!(
        xs.len() > 400 && ys.len() > 400,
        "{} {}",
        xs.len(),
        ys.len()
    );
    for p in xs {
        let (x, y) = map.to_world(p);
        assert!((y - PIN.1).abs() < 1e-12);
        assert!(
            (p.z - map.z(f(x, PIN.1)).unwrap()).abs() < 1e-12,
            "x slice at {x}"
        );
    }
    for p in ys {
        let (x, y) = map.to_world(p);
        assert!((x - PIN.0).abs() < 1e-12);
        assert!(
            (p.z - map.z(f(PIN.0, y)).unwrap()).abs() < 1e-12,
            "y slice at {y}"
        );
    }
    // The slice planes: two translucent rectangles, one at y = y₀ and one at x = x₀.
    let floor = map.floor(PIN.0, PIN.1);
    let planes: Vec<_> = m.tris.iter().filter(|t| t.color[3] < 255).collect();
    assert_eq!(planes.len(), 4);
    assert!(planes[..2]
        .iter()
        .all(|t| t.corners.iter().all(|c| c.y == floor.y)));
    assert!(planes[2..]
        .iter()
        .all(|t| t.corners.iter().all(|c| c.x == floor.x)));
    assert!(
        m.tris.iter().all(|t| t.color != TANGENT_PLANE_COLOR),
        "plane off"
    );
}

#[test]
fn tangent_lines_plane_and_arrows_follow_the_exact_partials() {
    let func = Function::parse(F).unwrap();
    let (map, _) = boxed(2.0, -20.0, 20.0);
    let m = pin_marks(&map, &mut func.tree(), &pin(true), 1.0);
    let s = map.xy_scale();
    // Box height per unit of f: 0.8 / 40.
    let per_f = map.height / 40.0;
    for (color, slope, along) in [(X_SLICE_COLOR, FX, 0), (Y_SLICE_COLOR, FY, 1)] {
        let line = m
            .lines
            .iter()
            .find(|l| l.color == color && l.points.len() == 2)
            .expect("a tangent line");
        // Over the surface: the tangent of a slice curving up runs beneath it.
        assert!(line.on_top, "the tangent line is drawn on top");
        let (a, b) = (line.points[0], line.points[1]);
        let run = (b[along] - a[along]) / [s.x, s.y][along];
        assert!(
            ((b.z - a.z) / per_f / run - slope).abs() < 1e-9,
            "slope {slope}"
        );
    }
    let texts: Vec<&str> = m.labels.iter().map(|l| l.text.as_str()).collect();
    assert!(
        texts.contains(&"∂f/∂x = 1.100") && texts.contains(&"∂f/∂y = 2.100"),
        "{texts:?}"
    );
    let du = FX * 0.7f64.cos() + FY * 0.7f64.sin();
    assert!(
        texts.contains(&format!("D_u f = {du:.3}").as_str()),
        "{texts:?}"
    );
    // The tangent plane's corners: z = height of f + fx·dx + fy·dy.
    let plane: Vec<_> = m
        .tris
        .iter()
        .filter(|t| t.color == TANGENT_PLANE_COLOR)
        .collect();
    assert!(plane.len() >= 2);
    for c in plane.iter().flat_map(|t| t.corners) {
        let (x, y) = map.to_world(c);
        let want = map
            .z_unclipped(VALUE + FX * (x - PIN.0) + FY * (y - PIN.1))
            .unwrap();
        assert!((c.z - want).abs() < 1e-9, "corner {c}");
        assert!(c.cmpge(map.lo() - 1e-12).all() && c.cmple(map.hi() + 1e-12).all());
    }
    // ∇f in the floor under the pin, pointing along (fx, fy) on the floor map.
    let grad = m.lines.iter().find(|l| l.color == GRAD_COLOR).expect("∇f");
    let d = grad.points[1] - grad.points[0];
    assert!(grad.on_top && grad.points.iter().all(|p| p.z == 0.0));
    let want = glam::DVec3::new(FX * s.x, FY * s.y, 0.0).normalize();
    assert!((d.normalize() - want).length() < 1e-12);
}

#[test]
fn a_pin_outside_the_view_or_over_a_hole_draws_only_what_exists() {
    let func = Function::parse(F).unwrap();
    let (map, _) = boxed(2.0, -20.0, 20.0);
    let outside = PinMarks {
        at: (5.0, 0.0),
        ..pin(true)
    };
    assert_eq!(
        pin_marks(&map, &mut func.tree(), &outside, 1.0),
        Default::default()
    );
    let root = Function::parse("sqrt(x) + y").unwrap();
    let hole = PinMarks {
        at: (-1.0, 0.5),
        ..pin(true)
    };
    let m = pin_marks(&map, &mut root.tree(), &hole, 1.0);
    assert!(
        m.labels.is_empty() && m.balls.is_empty(),
        "no tangents where f is undefined"
    );
    assert_eq!(
        m.tris.len(),
        4,
        "the slice planes still show where the pin is"
    );
    for p in m.lines.iter().flat_map(|l| &l.points) {
        assert!(
            map.to_world(*p).0 >= -1e-9,
            "nothing drawn over the hole: {p}"
        );
    }
}

#[test]
fn the_entry_point_gathers_pin_paths_and_axes() {
    let func = Function::parse(F).unwrap();
    let (map, frame) = boxed(2.0, -20.0, 20.0);
    let style = Style3 {
        text: [235, 235, 235, 255],
        grid: [255, 255, 255, 96],
        axis: [235, 235, 235, 200],
        scale: 2.0,
    };
    let path = PathMarks {
        points: vec![(1.5, 1.5), (0.5, 0.5), (-0.5, -1.0)],
        color: [255, 0, 255, 255],
        current: Some(1),
    };
    let axes = Axes3 {
        names: ["x".into(), "y".into(), "f(x, y)".into()],
        ..Default::default()
    };
    let cam = gradfield::surface::Camera::default();
    let m = marks(
        &map,
        &cam,
        &frame,
        &mut func.tape(),
        &[path],
        Some(pin(false)),
        &axes,
        &style,
    );
    assert_eq!(
        m.labels.first().map(|l| l.text.as_str()),
        Some("∂f/∂x = 1.100"),
        "the pin's labels first, its slopes leading (they win an overlap)"
    );
    assert!(m
        .lines
        .iter()
        .any(|l| l.color == [255, 0, 255, 255] && l.width_px == 5.0));
    assert!(m
        .balls
        .iter()
        .any(|b| b.color == [255, 0, 255, 255] && b.radius_px == 14.0));
    assert!(m.labels.iter().any(|l| l.text == "f(x, y)"));
    let finite = m
        .lines
        .iter()
        .flat_map(|l| &l.points)
        .all(|p| p.is_finite());
    assert!(
        finite
            && m.tris
                .iter()
                .all(|t| t.corners.iter().all(|c| c.is_finite()))
    );
}

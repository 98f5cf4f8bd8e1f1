//! Marks for hostile inputs: a constant function, a view 1e-3 wide, values overflowing,
//! iterates at infinity or NaN and a NaN pin give finite vertices (or nothing), never a panic.

use glam::DVec2;
use gradfield::expr::Function;
use gradfield::surface::{
    marks, pick, Axes3, BoxMap, Camera, Heights, Marks3, PathMarks, PinMarks, Style3,
};
use gradfield::View;

fn all_finite(m: &Marks3) -> bool {
    m.lines
        .iter()
        .flat_map(|l| &l.points)
        .all(|p| p.is_finite())
        && m.balls.iter().all(|b| b.at.is_finite())
        && m.tris.iter().flat_map(|t| t.corners).all(|c| c.is_finite())
        && m.labels.iter().all(|l| l.at.is_finite())
}

fn build(text: &str, view: View, heights: Heights, pin: (f64, f64)) -> (Marks3, BoxMap) {
    let f = Function::parse(text).unwrap();
    let map = BoxMap::new(view, heights, 1.0);
    let frame = map.frame(640.0, 480.0);
    let (cx, cy) = view.center();
    let path = PathMarks {
        points: vec![
            (view.x0, view.y0),
            (cx, cy),
            (f64::INFINITY, cy),
            (f64::NAN, 0.0),
            (cx, view.y1),
            (1e300, -1e300),
        ],
        color: [255, 255, 0, 255],
        current: Some(5),
    };
    let style = Style3 {
        text: [255; 4],
        grid: [255, 255, 255, 90],
        axis: [255; 4],
        scale: f32::NAN,
    };
    let pin = PinMarks {
        at: pin,
        direction: f64::NAN,
        tangent_plane: true,
    };
    let axes = Axes3::default();
    let m = marks(
        &map,
        &Camera::default(),
        &frame,
        &mut f.tape(),
        &[path],
        Some(pin),
        &axes,
        &style,
    );
    (m, map)
}

#[test]
fn a_constant_function_sits_at_half_height_and_can_be_picked() {
    let view = View::new(-1.0, 1.0, -1.0, 1.0).unwrap();
    let (m, map) = build("3", view, Heights::linear(3.0, 3.0), (0.2, 0.1));
    assert!(all_finite(&m));
    let surface = m.lines.iter().filter(|l| l.color == [255, 255, 0, 255]);
    assert!(surface
        .flat_map(|l| &l.points)
        .all(|p| (p.z - 0.5 * map.height).abs() < 1e-12));
    let frame = map.frame(640.0, 480.0);
    let f = Function::parse("3").unwrap();
    let hit = pick(
        &map,
        &Camera::default(),
        &frame,
        &mut f.tape(),
        DVec2::new(320.0, 240.0),
    );
    assert!((hit.expect("the flat surface").point.z - 0.5 * map.height).abs() < 1e-9);
}

#[test]
fn tiny_views_overflowing_values_and_nan_pins_give_finite_marks() {
    let tiny = View::new(1.0, 1.001, 2.0, 2.001).unwrap();
    let (m, _) = build("x*y", tiny, Heights::linear(2.0, 2.0045), (1.0005, 2.0005));
    assert!(all_finite(&m) && !m.tris.is_empty() && !m.lines.is_empty());
    let wide = View::new(-5.0, 5.0, -5.0, 5.0).unwrap();
    for text in ["exp(100*x)", "1e30*x*y*exp(x*x)", "1/x", "sqrt(-x*x - 1)"] {
        let (m, _) = build(text, wide, Heights::linear(-1e300, 1e300), (0.0, 0.0));
        assert!(all_finite(&m), "{text}");
    }
    let (m, _) = build("x", wide, Heights::linear(-5.0, 5.0), (f64::NAN, 0.0));
    assert!(all_finite(&m) && m.tris.is_empty(), "no pin at NaN");
}

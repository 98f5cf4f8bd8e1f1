//! The box's axes: ticks on the floor edges nearest the eye (as matplotlib places them), f
//! ticks on the colour range, grid lines at the ticks, − for minus.

use glam::DVec3;
use gradfield::render::overlay3d::axes3;
use gradfield::surface::build_axes::axes_marks;
use gradfield::surface::{Anchor3, Camera, Heights, Style3};

use super::boxed;

fn style() -> Style3 {
    Style3 {
        text: [20, 20, 20, 255],
        grid: [0, 0, 0, 115],
        axis: [20, 20, 20, 200],
        scale: 1.0,
    }
}

/// A rough text size: 10 px per character, 18 px high.
fn measure(t: &str) -> [f32; 2] {
    [10.0 * t.chars().count() as f32, 18.0]
}

fn names() -> [String; 3] {
    ["x".into(), "y".into(), "f(x, y)".into()]
}

#[test]
fn ticks_sit_on_the_edges_nearest_the_eye() {
    let (map, frame) = boxed(2.0, 0.0, 8.0);
    let h = map.half;
    // (camera, floor y of the x ticks, floor x of the y ticks).
    for (cam, ey, ex) in [
        (Camera::default(), -h.y, h.x),
        (Camera::looking_from(120.0, 30.0), h.y, -h.x),
        (Camera::looking_from(-150.0, 40.0), -h.y, -h.x),
    ] {
        let axes = axes3(&map, &cam, &frame, 1.0, names(), &mut measure);
        assert!(axes.x.len() >= 3 && axes.y.len() >= 3, "{axes:?}");
        assert!(
            axes.x.iter().any(|t| t.text == "−2" || t.text == "−1"),
            "{axes:?}"
        );
        assert!(axes.f.len() >= 2 && axes.f.iter().all(|t| (0.0..=8.0).contains(&t.value)));
        let m = axes_marks(&map, &cam, &frame, &axes, &style());
        for t in &axes.x {
            let at = m
                .labels
                .iter()
                .find(|l| l.text == t.text && l.at.x.abs() < 1.01)
                .unwrap();
            assert!(
                at.at.y.signum() == ey.signum() && at.at.y.abs() > h.y,
                "{cam:?} {at:?}"
            );
        }
        let y_labels = m
            .labels
            .iter()
            .filter(|l| axes.y.iter().any(|t| t.text == l.text));
        for l in y_labels.filter(|l| l.at.z == 0.0 && l.at.y.abs() < h.y) {
            assert!(
                l.at.x.signum() == ex.signum() && l.at.x.abs() > h.x,
                "{cam:?} {l:?}"
            );
        }
        let above: Vec<_> = m
            .labels
            .iter()
            .filter(|l| l.anchor != Anchor3::Outward)
            .collect();
        assert!(
            above.len() == 1 && above[0].text == "f(x, y)" && above[0].anchor == Anchor3::Above
        );
        assert!(above[0].at.z > map.height, "over the f axis's top");
        for name in names() {
            assert!(m.labels.iter().any(|l| l.text == name), "{name}");
        }
        // Grid lines on the floor at every x and y tick.
        let grid = m.lines.iter().filter(|l| l.color == style().grid).count();
        assert_eq!(grid, axes.x.len() + axes.y.len());
        // f ticks up one vertical edge, at the heights of their values.
        let up_edge = |l: &&gradfield::surface::Label3| l.at.x.abs() > h.x && l.at.y.abs() > h.y;
        for t in &axes.f {
            let at: DVec3 = m
                .labels
                .iter()
                .filter(up_edge)
                .find(|l| l.text == t.text)
                .unwrap()
                .at;
            assert!((at.z - map.z(t.value).unwrap()).abs() < 1e-12);
        }
    }
}

#[test]
fn log_f_ticks_are_the_colour_bars_round_values() {
    let (mut map, frame) = boxed(2.0, 0.0, 1.0);
    // log10 f over 1..1000.
    map.heights = Heights {
        log: true,
        vlo: 0.0,
        vhi: 3.0,
        delta: 0.0,
        shift: 0.0,
    };
    let axes = axes3(&map, &Camera::default(), &frame, 1.0, names(), &mut measure);
    let values: Vec<f64> = axes.f.iter().map(|t| t.value).collect();
    assert!(values.len() >= 2, "{values:?}");
    for v in values {
        let mantissa = v / 10f64.powf(v.log10().floor());
        assert!(
            [1.0, 2.0, 5.0].iter().any(|m| (mantissa - m).abs() < 1e-9),
            "{v}"
        );
    }
}

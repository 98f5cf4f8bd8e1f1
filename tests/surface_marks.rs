//! The 3D view's marks in plain Rust (issue 14): picking the surface point under a pixel,
//! descent paths and the pin laid on the surface, the box's axes for the camera, and the
//! 3D overlay's labels painted with egui (no GPU).

use glam::DVec2;
use gradfield::expr::Function;
use gradfield::surface::{pick, BoxMap, Camera, Frame3, Heights};
use gradfield::View;

#[path = "surface_marks/axes.rs"]
mod axes;
#[path = "surface_marks/hostile.rs"]
mod hostile;
#[path = "surface_marks/overlay.rs"]
mod overlay;
#[path = "surface_marks/pin.rs"]
mod pin;

/// The box of `f` over the square [−r, r]² with heights lo..hi, and its 800×600 frame.
pub(crate) fn boxed(r: f64, lo: f64, hi: f64) -> (BoxMap, Frame3) {
    let map = BoxMap::new(
        View::new(-r, r, -r, r).unwrap(),
        Heights::linear(lo, hi),
        1.0,
    );
    let frame = map.frame(800.0, 600.0);
    (map, frame)
}

fn cameras() -> Vec<Camera> {
    let mut zoomed = Camera::looking_from(150.0, 35.0);
    zoomed.zoom_by(1.6);
    vec![
        Camera::default(),
        Camera::looking_from(30.0, 50.0),
        Camera::looking_from(-120.0, 20.0),
        Camera::looking_from(80.0, 70.0),
        zoomed,
    ]
}

/// Round trip: a surface point projected to a pixel and picked there comes back (the
/// picked point projects within a pixel; where another part of the surface is in front, the
/// pick is nearer the eye, never behind).
#[test]
fn picking_a_projected_surface_point_gives_it_back() {
    let cases = [
        ("x^2 + y^2", 2.0, 0.0, 8.0),
        ("(x^2 + y - 11)^2 + (x + y^2 - 7)^2", 5.0, 0.0, 900.0),
        ("x^2 - y^2", 2.0, -4.0, 4.0),
    ];
    for (text, r, lo, hi) in cases {
        let f = Function::parse(text).unwrap();
        let (map, frame) = boxed(r, lo, hi);
        for cam in cameras() {
            let (mut same, mut total) = (0, 0);
            for i in 0..9 {
                for j in 0..9 {
                    let (x, y) = (
                        -0.9 * r + 0.225 * r * i as f64,
                        -0.9 * r + 0.225 * r * j as f64,
                    );
                    let mut tree = f.tree();
                    let p = map
                        .point(
                            x,
                            y,
                            gradfield::expr::Evaluator::value(&mut tree, x, y).unwrap(),
                        )
                        .unwrap();
                    let Some((px, depth)) = cam.project(&frame, p) else {
                        continue;
                    };
                    let hit = pick(&map, &cam, &frame, &mut tree, px).unwrap_or_else(|| {
                        panic!("{text} {cam:?}: nothing picked over ({x}, {y})")
                    });
                    let (back, hit_depth) = cam.project(&frame, hit.point).unwrap();
                    assert!((back - px).length() < 1.0, "{text}: {back} vs {px}");
                    total += 1;
                    let close = (hit.world.0 - x).hypot(hit.world.1 - y) < 1e-3 * r;
                    if close {
                        same += 1;
                    } else {
                        assert!(
                            hit_depth < depth,
                            "{text} {cam:?}: picked behind ({x}, {y})"
                        );
                    }
                }
            }
            assert!(
                same * 10 >= total * 7,
                "{text} {cam:?}: only {same} of {total} came back"
            );
        }
    }
}

#[test]
fn picking_misses_off_the_box_through_holes_and_over_cut_off_values() {
    let from_above = Camera::looking_from(-90.0, 89.0);
    // Off the box: the viewport's corner.
    let bowl = Function::parse("x^2 + y^2").unwrap();
    let (map, frame) = boxed(2.0, 0.0, 8.0);
    assert!(pick(
        &map,
        &Camera::default(),
        &frame,
        &mut bowl.tree(),
        DVec2::new(1.0, 1.0)
    )
    .is_none());
    assert!(pick(
        &map,
        &Camera::default(),
        &frame,
        &mut bowl.tree(),
        DVec2::new(f64::NAN, 1.0)
    )
    .is_none());
    let over = |map: &BoxMap, f: &Function, x: f64, y: f64| {
        let px = from_above.project(&frame, map.floor(x, y)).unwrap().0;
        pick(map, &from_above, &frame, &mut f.tree(), px)
    };
    // A hole: sqrt(x) is undefined for x < 0; the ray reaches the floor.
    let root = Function::parse("sqrt(x)").unwrap();
    let (rmap, _) = boxed(2.0, 0.0, 2f64.sqrt());
    assert!(over(&rmap, &root, -1.0, 0.3).is_none(), "through the hole");
    let on = from_above
        .project(&frame, rmap.point(1.0, 0.3, 1.0).unwrap())
        .unwrap()
        .0;
    let hit = pick(&rmap, &from_above, &frame, &mut root.tree(), on).expect("where it is defined");
    assert!(
        (hit.world.0 - 1.0).abs() < 0.02 && (hit.f - 1.0).abs() < 0.02,
        "{hit:?}"
    );
    // Cut off: colour range 0..2, so the bowl is missing where x² + y² > 2.
    let (cut, _) = boxed(2.0, 0.0, 2.0);
    assert!(
        over(&cut, &bowl, 1.8, 1.8).is_none(),
        "over the cut-off rim"
    );
    assert!(over(&cut, &bowl, 0.5, 0.5).is_some());
}

#[test]
fn a_point_hidden_behind_a_hill_picks_the_hill() {
    let hill = Function::parse("4*exp(-4*(x^2 + y^2))").unwrap();
    let (map, frame) = boxed(2.0, 0.0, 4.0);
    let cam = Camera::looking_from(0.0, 10.0);
    let behind = map.point(-1.0, 0.0, 4.0 * (-4.0f64).exp()).unwrap();
    let (px, depth) = cam.project(&frame, behind).unwrap();
    let hit = pick(&map, &cam, &frame, &mut hill.tree(), px).expect("the hill");
    assert!(hit.world.0 > -0.6, "{hit:?}");
    assert!(hit.point.z > 0.1, "high on the hill: {hit:?}");
    assert!(cam.project(&frame, hit.point).unwrap().1 < depth);
    assert!(hit.point.distance(behind) > 0.2);
}

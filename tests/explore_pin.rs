//! The pin's lessons in the explorer's state, without a window: a pin or start dragged with
//! Ctrl snaps to round values, the gradient check's h at the pin is set, refused outside its
//! range and kept in scene files, and the level curve follows the pin and the view.

use gradfield::app::{Button, ExplorerState};
use gradfield::expr::Function;
use gradfield::scene;
use gradfield::View;

fn state(text: &str) -> ExplorerState {
    let f = Function::parse(text).expect("test function parses");
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(800.0, 800.0);
    s
}

/// True when `v` is a multiple of 0.1 written as a person would type it.
fn round_tenth(v: f64) -> bool {
    let t = format!("{v}");
    t.parse::<f64>() == Ok((v * 10.0).round() / 10.0) && t.len() <= 4
}

#[test]
fn a_pin_dragged_with_ctrl_lands_on_round_values_and_without_it_follows_the_pointer() {
    let mut s = state("x^2 + 3*y^2");
    s.set_pin((1.0, -0.5));
    let (px, py) = s.to_pixel(1.0, -0.5);
    s.pointer_down(px, py, Button::Primary);
    // 6 units on 800 px: ticks every 1, snapping every 0.1.
    for (dx, dy) in [(13.0, 7.0), (37.0, -21.0), (-55.0, 90.0)] {
        s.pointer_move_with(px + dx, py + dy, true);
        let (x, y) = s.doc.pin.expect("pinned");
        assert!(round_tenth(x) && round_tenth(y), "snapped to ({x}, {y})");
        let want = s.to_world(px + dx, py + dy);
        assert!((x - want.0).abs() <= 0.05 + 1e-12 && (y - want.1).abs() <= 0.05 + 1e-12);
    }
    // The release's frame: the pointer where it was, Ctrl already up (as Xvfb and xdotool
    // delivered it, which left the pin unsnapped before).
    let snapped = s.doc.pin;
    s.pointer_move_with(px - 55.0, py + 90.0, false);
    s.pointer_up(px - 55.0, py + 90.0);
    assert_eq!(s.doc.pin, snapped, "letting go keeps the snapped pin");
    // Without Ctrl the pin follows the pointer exactly.
    let (qx, qy) = s.to_pixel(snapped.unwrap().0, snapped.unwrap().1);
    s.pointer_down(qx, qy, Button::Primary);
    s.pointer_move_with(px + 13.0, py + 7.0, false);
    let want = s.to_world(px + 13.0, py + 7.0);
    assert_eq!(s.doc.pin, Some(want), "no Ctrl: no snapping");
    s.pointer_up(px + 13.0, py + 7.0);
}

#[test]
fn a_start_dragged_with_ctrl_restarts_its_path_at_a_round_point() {
    let mut s = state("x^2 + 3*y^2");
    s.click(2.0, 1.0);
    let (px, py) = s.to_pixel(2.0, 1.0);
    s.pointer_down(px, py, Button::Primary);
    s.pointer_move_with(px - 41.0, py + 23.0, true);
    s.pointer_up(px - 41.0, py + 23.0);
    let (x, y) = s.doc.paths[0].start;
    assert!(round_tenth(x) && round_tenth(y), "snapped start ({x}, {y})");
    assert_eq!(s.running.paths[0].path.start, (x, y));
}

#[test]
fn the_check_step_at_the_pin_is_set_refused_and_saved() {
    let mut s = state("sin(3*x) * exp(y)");
    assert_eq!(s.doc.point_check_step, 1e-5, "the default h");
    assert_eq!(s.pin_check(), None, "no pin, no check");
    s.set_pin((0.4, -0.3));
    let c = s.pin_check().expect("defined");
    assert_eq!(c.h, 1e-5);
    s.set_point_check_step(1e-9);
    assert_eq!(s.pin_check().unwrap().h, 1e-9);
    for bad in [0.0, 1e-13, 0.5, f64::NAN, -1e-5] {
        s.set_point_check_step(bad);
        assert_eq!(s.doc.point_check_step, 1e-9, "{bad} refused");
        let why = s.messages.status.clone().expect("a reason");
        assert!(
            why.starts_with("check step h must be in [1e-12, 1e-1]"),
            "{why}"
        );
    }
    // Saved with the pin and read back bit for bit.
    s.set_point_check_step(3.7e-7);
    let doc = s.document();
    let text = scene::to_toml(&doc).expect("writes");
    assert!(text.contains("check_step = 0.00000037"), "{text}");
    let back = scene::parse(&text, "pin.toml").expect("reads");
    assert_eq!(back, doc);
    assert_eq!(back.point_check_step, 3.7e-7);
    // A scene without it gets the default; one outside the range is refused with its key.
    let plain = scene::parse(
        "version = 1\nfunction = \"x*y\"\n[pin]\nat = [1, 2]\n",
        "p.toml",
    )
    .expect("valid");
    assert_eq!(plain.point_check_step, 1e-5);
    let e = scene::parse(
        "version = 1\nfunction = \"x*y\"\n[pin]\nat = [1, 2]\ncheck_step = 1.0\n",
        "p.toml",
    )
    .expect_err("h = 1 is outside the range");
    assert!(e.to_string().contains("pin.check_step"), "{e}");
}

#[test]
fn the_level_curve_follows_the_pin_and_stays_near_the_view() {
    let mut s = state("x^2 + y^2");
    assert!(s.pin_level_curve().is_none(), "no pin");
    s.set_pin((1.0, 0.0));
    let c = s.pin_level_curve().expect("a circle");
    assert!(c.closed);
    assert_eq!(c.level, 1.0);
    s.set_pin((0.0, 0.0));
    assert!(
        s.pin_level_curve().is_none(),
        "∇f = 0 at the minimum: no curve"
    );
    s.set_pin((2.5, 2.5));
    let c = s.pin_level_curve().expect("an arc");
    assert!(!c.closed, "the circle of radius 3.5 leaves the view");
    let v = s.shown_view();
    let step = v.width() / 300.0;
    for &(x, y) in &c.points {
        assert!(x >= v.x0 - 2.0 * step && x <= v.x1 + 2.0 * step, "{x}");
        assert!(y >= v.y0 - 2.0 * step && y <= v.y1 + 2.0 * step, "{y}");
    }
}

#[test]
fn the_check_maps_legend_says_what_grey_means_at_tiny_h() {
    // Before: the legend named truncation and rounding but not the grey (undefined) points
    // that fill the map once h is below f32's resolution.
    let mut s = state("x^2 + y^2");
    s.doc.maps.mode = gradfield::app::ColorBy::Check;
    let legend = s.map_legend().join("\n");
    assert!(legend.contains("grey (undefined)"), "{legend}");
    assert!(legend.contains("below f32's resolution"), "{legend}");
    assert!(legend.contains("0/0"), "{legend}");
}

//! The explorer's teaching tools without a window: Shift+click pins, dragging the pin and
//! its direction handle, the directional read-out, and sweep mode's paths and labels.

use gradfield::app::{Button, ExplorerState, Key, KeyPress};
use gradfield::expr::Function;
use gradfield::teach::Special;
use gradfield::View;

/// World coordinates come from pixel maths in f64; 1e-9 absorbs rounding only.
const EPS: f64 = 1e-9;

fn state(text: &str) -> ExplorerState {
    let f = Function::parse(text).expect("test function parses");
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(800.0, 600.0);
    s
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < EPS && (a.1 - b.1).abs() < EPS
}

#[test]
fn shift_click_pins_without_adding_a_path_and_the_pin_drags_live() {
    let mut s = state("x^2 + 3*y^2");
    let (px, py) = s.to_pixel(1.0, -0.5);
    s.pointer_down_with(px, py, Button::Primary, true);
    s.pointer_up(px, py);
    assert!(s.running.paths.is_empty(), "a shift click starts no path");
    assert!(close(s.doc.pin.expect("pinned"), (1.0, -0.5)));
    let t = s.pin_tangent().expect("defined");
    assert_eq!((t.f, t.slope_x, t.slope_y), (1.75, 2.0, -3.0));

    // Drag the pin (no shift needed) to a new place: it follows every move.
    s.pointer_down(px + 2.0, py, Button::Primary);
    s.pointer_move(px + 40.0, py);
    assert!(close(s.doc.pin.unwrap(), s.to_world(px + 40.0, py)));
    s.pointer_move(px + 100.0, py - 50.0);
    let to = s.to_world(px + 100.0, py - 50.0);
    assert!(close(s.doc.pin.unwrap(), to));
    s.pointer_up(px + 100.0, py - 50.0);
    assert!(
        s.running.paths.is_empty(),
        "dragging the pin starts no path"
    );
    assert_eq!(s.doc.view, s.doc.home, "and does not pan");
    assert_eq!(s.pin_tangent().unwrap().slope_x, 2.0 * to.0);

    // A plain click elsewhere still starts a path and leaves the pin.
    s.pointer_down(100.0, 100.0, Button::Primary);
    s.pointer_up(100.0, 100.0);
    assert_eq!(s.running.paths.len(), 1);
    assert!(close(s.doc.pin.unwrap(), to));
    assert!(s.key(KeyPress::plain(Key::I)));
    assert_eq!(s.doc.pin, None);
}

#[test]
fn dragging_the_handle_turns_u_and_names_the_steepest_and_flat_directions() {
    let mut s = state("x^2 + 3*y^2");
    s.set_pin((1.0, 1.0)); // ∇f = (2, 6)
    let (hx, hy) = s.direction_handle_px().expect("pinned");
    let (cx, cy) = s.to_pixel(1.0, 1.0);
    assert!(((hx - cx).hypot(hy - cy) - 70.0).abs() < EPS);
    // Drag the handle straight up the screen: u = +y, θ = 90°.
    s.pointer_down(hx, hy, Button::Primary);
    s.pointer_move(cx, cy - 200.0);
    s.pointer_up(cx, cy - 200.0);
    assert!((s.doc.direction - std::f64::consts::FRAC_PI_2).abs() < 1e-12);
    assert_eq!(s.doc.pin, Some((1.0, 1.0)), "the pin stays");
    let r = s.directional_readout().unwrap();
    assert!((r.value - 6.0).abs() < 1e-12, "D_u f = ∂f/∂y along +y");

    // Towards ∇f = (2, 6) on screen (y down): steepest ascent, D_u f = |∇f|.
    let (hx, hy) = s.direction_handle_px().unwrap();
    s.pointer_down(hx, hy, Button::Primary);
    s.pointer_move(cx + 20.0, cy - 60.0);
    s.pointer_up(cx + 20.0, cy - 60.0);
    let r = s.directional_readout().unwrap();
    assert_eq!(r.special, Some(Special::SteepestAscent));
    assert!((r.value - 40f64.sqrt()).abs() < 1e-9 && r.angle_deg < 1e-6);

    // Along the contour (perpendicular to ∇f) and against it.
    s.set_direction((6f64).atan2(2.0) - std::f64::consts::FRAC_PI_2);
    let r = s.directional_readout().unwrap();
    assert_eq!(r.special, Some(Special::AlongContour));
    assert!(r.value.abs() < 1e-9);
    s.set_direction((6f64).atan2(2.0) + std::f64::consts::PI + 0.01);
    assert_eq!(
        s.directional_readout().unwrap().special,
        Some(Special::SteepestDescent)
    );
    assert!(
        s.doc.direction.abs() <= std::f64::consts::PI,
        "θ is kept in (−π, π]"
    );
}

#[test]
fn a_click_in_sweep_mode_adds_one_path_per_learning_rate_each_labelled() {
    let mut s = state("x^2 + y^2");
    s.doc.hyper.lr = 0.05;
    s.set_sweep(true);
    s.click(1.5, -1.0);
    let lrs: Vec<f64> = s.running.paths.iter().map(|t| t.path.hyper.lr).collect();
    assert_eq!(lrs.len(), 3);
    for (got, want) in lrs.iter().zip([0.005, 0.05, 0.5]) {
        assert!((got - want).abs() < 1e-15, "{lrs:?}");
    }
    assert!(s.running.paths.iter().all(|t| t.path.start == (1.5, -1.0)));
    let colors: std::collections::HashSet<usize> =
        s.running.paths.iter().map(|t| t.color).collect();
    assert_eq!(colors.len(), 3, "each rate has its own colour");
    let etas: Vec<String> = s.summaries().into_iter().map(|p| p.eta.unwrap()).collect();
    assert_eq!(etas, ["η = 0.005", "η = 0.05", "η = 0.5"]);
    for t in &s.running.paths {
        assert!(t.label().starts_with(&t.eta_label().unwrap()));
    }

    // Changing η restarts each sweep path at its own multiple of the new η.
    s.doc.hyper.lr = 0.2;
    s.step_paths();
    s.restart_all();
    let lrs: Vec<f64> = s.running.paths.iter().map(|t| t.path.hyper.lr).collect();
    assert!(
        (lrs[0] - 0.02).abs() < 1e-15 && (lrs[2] - 2.0).abs() < 1e-15,
        "{lrs:?}"
    );

    // Edited factors apply to the next click; a bad list is refused with a message.
    s.set_sweep_factors("0.5, 2");
    s.set_sweep_factors("1, -2");
    assert!(s.messages.status.is_some());
    s.clear_paths();
    s.click(0.0, 1.0);
    assert_eq!(s.running.paths.len(), 2);
    assert_eq!(s.running.paths[1].path.hyper.lr, 0.4);

    // Outside sweep mode a click adds one unlabelled path with η itself.
    s.set_sweep(false);
    s.click(1.0, 1.0);
    assert_eq!(s.running.paths.len(), 3);
    assert_eq!(s.running.paths[2].path.hyper.lr, 0.2);
    assert_eq!(s.running.paths[2].eta_label(), None);
}

#[test]
fn sweep_mode_turns_compare_mode_off() {
    let mut s = state("x^2 + y^2");
    s.doc.compare = true;
    s.set_sweep(true);
    assert!(!s.doc.compare);
    s.click(1.0, 1.0);
    assert_eq!(s.running.paths.len(), 3);
}

#[test]
fn the_panel_toggle_pins_the_view_centre_and_a_pin_on_an_undefined_point_has_no_tangent() {
    let mut s = state("ln(x) + y^2");
    s.toggle_pin();
    let v = s.shown_view();
    assert!(close(
        s.doc.pin.unwrap(),
        ((v.x0 + v.x1) / 2.0, (v.y0 + v.y1) / 2.0)
    ));
    assert!(
        s.pin_tangent().is_none(),
        "ln(0) is undefined at the centre"
    );
    assert!(s.directional_readout().is_none());
    s.set_pin((f64::NAN, 1.0));
    assert!(
        close(s.doc.pin.unwrap(), (0.0, 0.0)),
        "a non-finite pin is refused"
    );
    s.toggle_pin();
    assert_eq!(s.doc.pin, None);
    s.set_pin((2.0, 1.0));
    let t = s.pin_tangent().unwrap();
    assert!((t.slope_x - 0.5).abs() < 1e-15 && t.slope_y == 2.0);
}

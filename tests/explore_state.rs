//! The explorer's state layer without a window: clicks, drags, bad expressions, divergence,
//! compare mode and zoom (the key table is tests/explore_key_table.rs).

mod common;

use gradfield::app::Button;
use gradfield::descent::{Optimizer, Status};

use common::{bowl_explorer as bowl, same_point as close, PIXEL_EPS as EPS};

#[test]
fn a_click_adds_a_path_at_the_world_point_under_the_pointer() {
    let mut s = bowl();
    // 800×600 canvas on [-3,3]²: widened to x in [-4, 4], so 100 px per unit.
    s.pointer_down(500.0, 200.0, Button::Primary);
    s.pointer_move(502.0, 201.0); // within the click slop
    s.pointer_up(502.0, 201.0);
    assert_eq!(s.running.paths.len(), 1);
    assert!(
        close(s.running.paths[0].path.start, (1.02, 0.99)),
        "{:?}",
        s.running.paths[0].path.start
    );
    let p = s.running.paths[0].path.points[0];
    let (x, y) = s.running.paths[0].path.start;
    assert_eq!([p.f, p.dfdx, p.dfdy], s.doc.function.eval(x, y).unwrap());

    // Moving farther than the slop is a pan, not a click.
    let before = s.doc.view;
    s.pointer_down(400.0, 300.0, Button::Primary);
    s.pointer_move(450.0, 300.0);
    s.pointer_up(450.0, 300.0);
    assert_eq!(s.running.paths.len(), 1);
    assert!(
        (s.doc.view.x0 - (before.x0 - 0.5)).abs() < EPS,
        "panned by 50 px = 0.5"
    );
}

#[test]
fn dragging_a_start_marker_moves_it_and_restarts_the_path() {
    let mut s = bowl();
    s.click(1.0, 1.0);
    s.click(-2.0, -2.0);
    for _ in 0..5 {
        s.step_paths();
    }
    assert_eq!(s.running.paths[0].path.iterations(), 5);
    let (px, py) = s.to_pixel(1.0, 1.0);
    assert_eq!(s.press_on_start_marker(px + 3.0, py), Some(0));
    s.pointer_down(px + 3.0, py, Button::Primary);
    s.pointer_move(px + 50.0, py + 100.0);
    let to = s.to_world(px + 50.0, py + 100.0);
    assert!(close(s.running.paths[0].path.start, to));
    assert_eq!(s.running.paths[0].path.iterations(), 0, "restarted");
    assert!(close(
        (
            s.running.paths[0].path.points[0].x,
            s.running.paths[0].path.points[0].y
        ),
        to
    ));
    s.pointer_up(px + 50.0, py + 100.0);
    assert_eq!(s.running.paths.len(), 2, "a drag adds no path");
    assert_eq!(
        s.running.paths[1].path.iterations(),
        5,
        "the other path is untouched"
    );
}

#[test]
fn right_click_removes_the_path_there() {
    let mut s = bowl();
    s.click(1.0, 1.0);
    s.click(-1.0, 2.0);
    let (px, py) = s.to_pixel(-1.0, 2.0);
    s.pointer_down(px + 2.0, py, Button::Secondary);
    s.pointer_up(px + 2.0, py);
    assert_eq!(s.running.paths.len(), 1);
    assert_eq!(s.running.paths[0].path.start, (1.0, 1.0));
}

#[test]
fn a_bad_expression_keeps_the_last_good_function_and_shows_where() {
    let mut s = bowl();
    s.click(1.0, 2.0);
    let generation = s.rebuild.function_generation;
    s.set_text("x^2 + y)");
    let e = s.error.clone().expect("a parse error is shown");
    assert_eq!(e.column, 8, "{e:?}");
    assert_eq!(s.text, "x^2 + y)");
    assert_eq!(s.doc.function.eval(1.0, 2.0), Some([5.0, 2.0, 4.0]));
    assert_eq!(
        s.rebuild.function_generation, generation,
        "the field is not rebuilt"
    );

    s.set_text("x^2 - y^2");
    assert!(s.error.is_none());
    assert_eq!(s.rebuild.function_generation, generation + 1);
    assert_eq!(
        s.running.paths[0].path.points[0].f,
        1.0 - 4.0,
        "paths restart on the new function"
    );
}

#[test]
fn a_diverging_path_stops_and_keeps_its_finite_points() {
    let mut s = bowl();
    s.doc.hyper.lr = 1.5; // x ← x − 1.5·2x = −2x: doubles every step
    s.click(1.0, 1.0);
    for _ in 0..200 {
        s.step_paths();
    }
    let p = &s.running.paths[0].path;
    let Status::Diverged { step, .. } = p.status else {
        panic!("expected divergence, got {:?}", p.status)
    };
    assert_eq!(step, p.points.len(), "the failed iterate is not stored");
    assert!(p.points.iter().all(|q| q.x.is_finite() && q.f.is_finite()));
    assert_eq!(s.summaries()[0].status, format!("diverged at step {step}"));
    assert!(!s.any_running());
}

#[test]
fn compare_mode_starts_one_path_per_selected_optimizer() {
    let mut s = bowl();
    s.doc.compare = true;
    s.click(1.5, -0.5);
    let opts: Vec<Optimizer> = s.running.paths.iter().map(|t| t.path.optimizer).collect();
    // Every optimizer but Newton's method, which races only when ticked.
    let racing: Vec<Optimizer> = Optimizer::ALL
        .into_iter()
        .filter(|o| *o != Optimizer::Newton)
        .collect();
    assert_eq!(opts, racing);
    assert!(s.running.paths.iter().all(|t| t.path.start == (1.5, -0.5)));
    let colors: std::collections::HashSet<usize> =
        s.running.paths.iter().map(|t| t.color).collect();
    assert_eq!(colors.len(), 6, "each optimizer has its own colour");

    s.doc.compare_set = [true, false, false, false, false, true, false];
    s.clear_paths();
    s.click(0.5, 0.5);
    let opts: Vec<Optimizer> = s.running.paths.iter().map(|t| t.path.optimizer).collect();
    assert_eq!(opts, vec![Optimizer::Gd, Optimizer::Adam]);
}

#[test]
fn zoom_keeps_the_world_point_under_the_cursor() {
    let mut s = bowl();
    let (px, py) = (613.0, 127.0);
    let at = s.to_world(px, py);
    s.scroll(0.8, at);
    assert!(close(s.to_world(px, py), at));
    assert!((s.shown_view().width() - 8.0 * 0.8).abs() < EPS);
    s.scroll(1.0 / 0.8, at);
    s.scroll(1.0 / 0.8, at);
    assert!(close(s.to_world(px, py), at));
    let v = s.doc.view;
    s.scroll(1e-12, at);
    assert_eq!(s.doc.view, v, "a zoom beyond f32 resolution is refused");
}

#[test]
fn tick_steps_at_the_chosen_rate_and_the_readout_is_exact() {
    let mut s = bowl();
    s.click(2.0, 1.0);
    s.doc.steps_per_second = 10.0;
    for _ in 0..4 {
        s.tick(0.25);
    }
    assert_eq!(s.running.paths[0].path.iterations(), 10);
    s.doc.playing = false;
    s.tick(1.0);
    assert_eq!(s.running.paths[0].path.iterations(), 10, "paused");

    let r = s
        .hover(Some((0.5, -2.0)))
        .expect("hovering gives a read-out");
    assert_eq!(r.value, Some([4.25, 1.0, -4.0]));
    assert!((r.grad_norm().unwrap() - 17f64.sqrt()).abs() < EPS);
    // Written as people read it: − for minus (the read-out printed the hyphen, "y = -2.0000").
    assert_eq!(
        r.lines(("x", "y")),
        [
            "x = 0.5000   y = −2.0000",
            "f = 4.2500",
            "∂f/∂x = 1.0000",
            "∂f/∂y = −4.0000",
            "|∇f| = 4.1231"
        ]
    );
    s.set_text("ln(x) + y^2");
    assert_eq!(s.hover(Some((-1.0, 0.0))).unwrap().value, None);
    assert!(s.readout().unwrap().lines(("x", "y"))[1].contains("undefined"));
}

#[test]
fn the_command_line_opens_the_preset_it_names_with_its_starts() {
    use gradfield::cli::{explore::initial_state, ExploreArgs};
    for (i, p) in gradfield::presets::all().iter().enumerate() {
        let args = ExploreArgs {
            preset: Some(p.name.to_string()),
            starts: vec![(0.5, -0.25)],
            ..ExploreArgs::default()
        };
        let s = initial_state(&args).expect("a preset opens");
        assert_eq!(s.preset_index(), Some(i), "{}", p.name);
        assert_eq!(s.doc.function.source, p.expr);
        assert_eq!(s.running.paths.len(), 1);
        assert_eq!(s.running.paths[0].path.start, (0.5, -0.25));
    }
    let bad = ExploreArgs {
        preset: Some("sadle".into()),
        ..ExploreArgs::default()
    };
    assert!(initial_state(&bad).is_err());
}

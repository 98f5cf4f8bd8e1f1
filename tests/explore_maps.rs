//! The explorer's "colour by" state without a window: choosing the mode (keys, command line),
//! what makes a convergence map stale, and the debounce that keeps sliders and panning live.

use gradfield::app::maps::{ColorBy, MapSchedule, DEBOUNCE_S, DEFAULT_MAP_DIVISOR};
use gradfield::app::{ExplorerState, Key, KeyPress};
use gradfield::descent::Optimizer;
use gradfield::document::MapMode;
use gradfield::expr::Function;
use gradfield::View;

fn himmelblau() -> ExplorerState {
    let f = Function::parse("(x^2 + y - 11)^2 + (x + y^2 - 7)^2").expect("himmelblau parses");
    let mut s = ExplorerState::new(f, View::new(-5.0, 5.0, -5.0, 5.0).unwrap());
    s.set_canvas(800.0, 600.0);
    s
}

#[test]
fn b_cycles_the_colour_modes_and_g_the_map_grid() {
    let mut s = himmelblau();
    assert_eq!(
        s.doc.maps.mode,
        ColorBy::Heatmap,
        "the heatmap is the default"
    );
    let mut seen = vec![s.doc.maps.mode];
    for _ in 0..5 {
        assert!(s.key(KeyPress::plain(Key::B)));
        seen.push(s.doc.maps.mode);
    }
    use ColorBy::*;
    assert_eq!(
        seen,
        [
            Heatmap,
            Map(MapMode::Basin),
            Map(MapMode::Steps),
            Check,
            Stability,
            Heatmap
        ]
    );

    assert_eq!(s.doc.maps.divisor, DEFAULT_MAP_DIVISOR);
    let mut divisors = Vec::new();
    for _ in 0..4 {
        s.key(KeyPress::plain(Key::M));
        divisors.push(s.doc.maps.divisor);
    }
    assert_eq!(divisors, [8, 1, 2, 4]);
    // The help generated from the key table lists both keys.
    let help = gradfield::app::help::help_text();
    assert!(
        help.contains("colour by") && help.contains("map grid"),
        "{help}"
    );
}

#[test]
fn modes_parse_by_name_and_bad_settings_are_refused() {
    for c in ColorBy::ALL {
        assert_eq!(c.name().parse::<ColorBy>().unwrap(), c);
    }
    let e = "contour".parse::<ColorBy>().unwrap_err().to_string();
    assert!(e.contains("expected heatmap, basin, steps or check"), "{e}");
    let mut s = himmelblau();
    assert!(s.set_map_divisor(3).is_err());
    assert!(s.set_check_step(1.0).is_err(), "h above 1e-1");
    assert!(s.set_check_step(f64::NAN).is_err());
    assert!(s.set_check_step(1e-9).is_err(), "h below 1e-8");
    assert_eq!(
        s.doc.maps.divisor, DEFAULT_MAP_DIVISOR,
        "refused values change nothing"
    );
    s.set_check_step(1e-7).unwrap();
    assert_eq!(s.doc.maps.check_step, 1e-7);
}

#[test]
fn the_map_key_follows_everything_the_map_depends_on() {
    let mut s = himmelblau();
    assert_eq!(s.map_key(), None, "no map in heatmap mode");
    s.set_color_by(ColorBy::Check);
    assert_eq!(s.map_key(), None, "no map for the gradient check");
    s.set_color_by(ColorBy::Map(MapMode::Basin));
    let k = s.map_key().expect("a map in basin mode");
    // 800×600 plot at 1/4: 200×150 starts, on the view as shown.
    assert_eq!(k.grid, (200, 150));
    assert_eq!(k.view, s.shown_view());
    s.set_color_by(ColorBy::Map(MapMode::Steps));
    assert_eq!(s.map_key(), Some(k), "basin and steps share one map");

    let mut changed = Vec::new();
    let mut check = |name: &str, s: &mut ExplorerState, f: &dyn Fn(&mut ExplorerState)| {
        let before = s.map_key();
        f(s);
        if s.map_key() == before {
            changed.push(name.to_string());
        }
    };
    check("η", &mut s, &|s| s.doc.hyper.lr *= 2.0);
    check("momentum", &mut s, &|s| s.doc.hyper.momentum = 0.5);
    check("optimizer", &mut s, &|s| s.set_optimizer(Optimizer::Adam));
    check("tol", &mut s, &|s| s.doc.tol = 1e-3);
    check("steps", &mut s, &|s| s.doc.max_steps = 50);
    check("function", &mut s, &|s| s.set_text("x^2 + 3*x*y + y^2"));
    check("pan", &mut s, &|s| s.drag_pan(0.5, 0.0));
    check("zoom", &mut s, &|s| s.scroll(0.5, (0.0, 0.0)));
    check("resize", &mut s, &|s| s.set_canvas(640.0, 480.0));
    check("grid", &mut s, &|s| s.set_map_divisor(1).unwrap());
    assert!(
        changed.is_empty(),
        "these left the map key unchanged: {changed:?}"
    );

    // Things the map does not depend on leave it alone.
    let before = s.map_key();
    s.doc.layers.levels = 3;
    s.set_pin((1.0, 1.0));
    s.doc.steps_per_second = 100.0;
    assert_eq!(s.map_key(), before);
    // A bad formula keeps the last good function, so the map stays too.
    s.set_text("x^");
    assert_eq!(s.map_key(), before);
}

#[test]
fn the_first_map_starts_at_once_and_later_ones_after_a_quiet_spell() {
    let mut s = himmelblau();
    s.set_color_by(ColorBy::Map(MapMode::Basin));
    let mut sched = MapSchedule::default();
    let k0 = s.map_key();
    assert_eq!(sched.update(k0, 0.016), k0, "nothing shown: start at once");
    assert_eq!(sched.update(k0, 0.016), None, "already running");
    assert!(sched.busy());
    sched.finished(k0.unwrap());
    assert!(!sched.busy());
    assert_eq!(sched.update(k0, 0.016), None, "already shown");

    // Dragging the η slider: the key changes every frame, nothing starts.
    let frame = 0.016;
    for _ in 0..60 {
        s.doc.hyper.lr *= 1.01;
        assert_eq!(sched.update(s.map_key(), frame), None);
        assert!(sched.busy(), "a map is wanted");
    }
    // The slider rests: the map starts once DEBOUNCE_S has passed, not before.
    let k1 = s.map_key();
    let mut waited = 0.0;
    let started = loop {
        if let Some(k) = sched.update(k1, frame) {
            break k;
        }
        waited += frame;
        assert!(waited < 1.0, "never started");
    };
    assert_eq!(Some(started), k1);
    assert!(
        (DEBOUNCE_S - frame..DEBOUNCE_S + frame).contains(&waited),
        "waited {waited}"
    );
    // The previous map stays shown while the new one runs.
    assert_eq!(sched.shown, k0);
    sched.finished(started);
    assert_eq!(sched.shown, k1);

    // Leaving the map modes forgets the maps; coming back starts at once.
    assert_eq!(sched.update(None, frame), None);
    assert!(!sched.busy());
    assert_eq!(sched.update(k1, frame), k1);
}

#[test]
fn subtitle_and_legend_say_what_the_colours_mean() {
    let mut s = himmelblau();
    assert_eq!(s.map_subtitle(), None);
    assert!(s.map_legend().is_empty());
    s.set_color_by(ColorBy::Map(MapMode::Basin));
    assert!(s.map_subtitle().unwrap().contains("computing"));
    s.map_status.starts = 200;
    s.map_status.converged = 150;
    s.map_status.diverged = 30;
    let sub = s.map_subtitle().unwrap();
    assert!(sub.contains("where descent ends"), "{sub}");
    assert!(
        sub.contains("75.0% converged, 15.0% diverged, 10.0% still moving"),
        "{sub}"
    );
    assert!(s.map_legend().iter().any(|l| l.contains("magenta hatch")));
    s.set_color_by(ColorBy::Check);
    s.set_check_step(1e-3).unwrap();
    s.map_status.check_largest = Some(-4.0);
    let sub = s.map_subtitle().unwrap();
    assert!(
        sub.contains("h = 1.00e-3") && sub.contains("largest 1.0e-4"),
        "{sub}"
    );
}

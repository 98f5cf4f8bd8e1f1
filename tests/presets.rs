//! The presets as a lesson uses them (issue 13, "the lesson's arithmetic"): the lesson's own
//! function, the saddle x² + 3xy + y², opens on a number key with a first picture that shows
//! what a saddle does to gradient descent, and its subtitle says so.

use gradfield::app::{ExplorerState, Key, KeyPress};
use gradfield::expr::Function;
use gradfield::presets;

fn lesson() -> (usize, &'static presets::Preset) {
    let i = presets::all()
        .iter()
        .position(|p| p.name == "lesson")
        .expect("the lesson preset exists");
    (i, &presets::all()[i])
}

#[test]
fn the_lessons_function_is_a_saddle_at_the_origin() {
    let (_, p) = lesson();
    let f = Function::parse(p.expr).expect("parses");
    assert_eq!(
        f.eval(0.0, 0.0),
        Some([0.0, 0.0, 0.0]),
        "critical point at 0"
    );
    // Up along y = x, down along y = −x: neither a minimum nor a maximum.
    for t in [0.1, 0.5, 2.0] {
        assert!(f.eval(t, t).unwrap()[0] > 0.0);
        assert!(f.eval(t, -t).unwrap()[0] < 0.0);
    }
}

#[test]
fn the_lesson_opens_on_a_number_key() {
    let (i, p) = lesson();
    assert!(i < 9, "preset {} has no number key", i + 1);
    let mut s = ExplorerState::from_preset(0).expect("preset 1");
    let digit = u8::try_from(i + 1).expect("one digit");
    assert!(s.key(KeyPress::plain(Key::Digit(digit))));
    assert_eq!(s.preset_index(), Some(i));
    assert_eq!(s.text, p.expr);
    assert!(s.title().contains("saddle"), "{}", s.title());
    assert!(p.note.contains("saddle"), "the subtitle says what it shows");
}

/// The first picture teaches: the path from the preset's start runs down the valley y = x
/// almost to the saddle point, turns there and leaves along y = −x, and its end is still in
/// the view, so the whole turn is on screen.
#[test]
fn the_lessons_first_path_shows_the_saddle() {
    let (i, p) = lesson();
    let mut s = ExplorerState::from_preset(i).expect("the lesson");
    for _ in 0..p.steps {
        s.step_paths();
    }
    let points = &s.running.paths[0].path.points;
    assert_eq!(points.len(), p.steps as usize + 1, "every step taken");
    let (near, k) = points
        .iter()
        .enumerate()
        .map(|(k, q)| (q.x.hypot(q.y), k))
        .fold((f64::INFINITY, 0), |a, b| if b.0 < a.0 { b } else { a });
    assert!(near < 0.4, "closest to the saddle: {near}");
    assert!(
        k > 3 && k < points.len() - 10,
        "the turn is mid-path: step {k}"
    );
    let first = &points[0];
    let last = points.last().unwrap();
    // In along y = x, out along y = −x.
    assert!(
        (first.x - first.y).abs() < 0.5 && first.x > 2.0,
        "{first:?}"
    );
    assert!(
        (last.x + last.y).abs() < 0.1 && (last.x - last.y).abs() > 5.0,
        "{last:?}"
    );
    assert!(
        last.f < 0.0 && first.f > 0.0,
        "f falls through f(saddle) = 0"
    );
    let [x0, x1, y0, y1] = p.view;
    assert!(
        (x0..=x1).contains(&last.x) && (y0..=y1).contains(&last.y),
        "the end is in the view: {last:?}"
    );
}

/// The explorer stops the lesson's path where its first picture ends, at the preset's step
/// count; before, it ran on to the default 10,000-step limit and left the view. The limit is
/// the picture's, not the person's: the next preset gets the default back.
#[test]
fn the_explorer_stops_the_lessons_path_at_its_step_count() {
    let (i, p) = lesson();
    let mut s = ExplorerState::from_preset(i).expect("the lesson");
    for _ in 0..3 * p.steps {
        s.step_paths();
    }
    let path = &s.running.paths[0].path;
    assert_eq!(
        path.points.len(),
        p.steps as usize + 1,
        "stopped at the preset's steps"
    );
    assert!(!path.is_running(), "the path has ended");
    let rosenbrock = presets::all()
        .iter()
        .position(|p| p.name == "rosenbrock")
        .unwrap();
    s.select_preset(rosenbrock).unwrap();
    assert!(s.doc.max_steps >= 10_000, "limit back: {}", s.doc.max_steps);
}

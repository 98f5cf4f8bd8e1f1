//! The explorer's step read-out (issue 13, "one step of descent, in numbers"): the selected
//! path (last added, or chosen), its last step written out with the numbers the optimizer
//! used, checked against the reference evaluator for every optimizer; the −η∇f toggle kept in
//! scenes; compare-mode labels that name their optimizer. No GPU, no window. Before this the
//! explorer showed no step arithmetic and compare labels read only "step 12  f = …".

use gradfield::app::{Button, ExplorerState};
use gradfield::descent::readout::{pair, subscript};
use gradfield::descent::Optimizer;
use gradfield::expr::{Evaluator, Function};
use gradfield::scene;
use gradfield::View;

fn state(formula: &str) -> ExplorerState {
    let f = Function::parse(formula).expect("parses");
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(800.0, 600.0);
    s
}

#[test]
fn the_last_added_path_is_selected_until_another_is_chosen() {
    let mut s = state("x^2 + y^2");
    assert_eq!(s.selected_path(), None);
    assert!(s.step_view().is_none(), "no path, no read-out");
    s.click(2.0, 1.0);
    s.click(-1.0, 1.0);
    s.click(0.5, -2.0);
    assert_eq!(s.selected_path(), Some(2), "the last added");
    s.select_path(0);
    assert_eq!(s.selected_path(), Some(0));
    s.select_next_path(true);
    assert_eq!(s.selected_path(), Some(1));
    s.select_next_path(false);
    s.select_next_path(false);
    assert_eq!(s.selected_path(), Some(2), "wraps around");
    // A click on a start marker chooses that path without adding one: (−1, 1) is pixel
    // (300, 200) on this 800×600 canvas of [−4, 4] × [−3, 3].
    s.pointer_down(300.0, 200.0, Button::Primary);
    s.pointer_up(300.0, 200.0);
    assert_eq!(s.running.paths.len(), 3, "no path added");
    assert_eq!(s.selected_path(), Some(1), "the clicked start's path");
    s.select_path(2);
    // Dragging a start marker chooses that path: (2, 1) is pixel (600, 200).
    s.pointer_down(600.0, 200.0, Button::Primary);
    s.pointer_move(620.0, 210.0);
    s.pointer_up(620.0, 210.0);
    assert_eq!(s.selected_path(), Some(0), "the dragged path");
    s.remove_path_near(s.running.paths[0].path.start, 0.01);
    assert_eq!(
        s.selected_path(),
        Some(1),
        "the one chosen before it (now index 1)"
    );
}

#[test]
fn the_read_out_is_the_selected_paths_last_step_for_every_optimizer() {
    let formula = "(x - 1)^2 + 2*(y + 0.5)^2 + 0.3*x*y";
    let f = Function::parse(formula).unwrap();
    for optimizer in Optimizer::ALL {
        let mut s = state(formula);
        s.doc.hyper.lr = 0.05;
        s.set_optimizer(optimizer);
        s.click(-2.0, 1.5);
        s.click(2.0, 2.0);
        let before = s.step_view().expect("a selected path");
        assert!(before.marks.is_none(), "{optimizer}: no step yet");
        assert_eq!(before.lines[1], format!("θ₀ = {}", pair([2.0, 2.0])));
        for _ in 0..5 {
            s.step_paths();
        }
        s.select_path(0);
        let view = s.step_view().expect("a selected path");
        assert_eq!(view.path, 0);
        let path = &s.running.paths[0].path;
        let k = path.iterations() - 1;
        let (here, next) = (path.points[k], path.points[k + 1]);
        // θₖ₊₁ printed is the path's next iterate; ∇f(θₖ) is the reference gradient.
        let t = subscript(k + 1);
        let rule = view
            .lines
            .iter()
            .position(|l| l.starts_with(&format!("θ{t} = ")))
            .unwrap_or_else(|| panic!("{optimizer}: {:#?}", view.lines));
        assert_eq!(
            view.lines[rule + 2].trim_start(),
            format!("= {}", pair([next.x, next.y])),
            "{optimizer}"
        );
        let exact = f.tree().channels(here.x, here.y).map(|c| c.unwrap());
        let grad_line = format!("∇f(θ{}) = {}", subscript(k), pair([exact[1], exact[2]]));
        assert!(
            view.lines.contains(&grad_line),
            "{optimizer}: {:#?}",
            view.lines
        );
        let marks = view.marks.expect("a step");
        assert_eq!(marks.theta, [here.x, here.y]);
        assert_eq!(marks.next, [next.x, next.y]);
        assert_eq!(marks.gradient_step, None, "hidden until asked for");
        // Newton's state is its Hessian, written out in the read-out, with no glyph.
        let stateful = !matches!(optimizer, Optimizer::Gd | Optimizer::Newton);
        assert_eq!(
            marks.carried.is_some() || marks.reach.is_some(),
            stateful,
            "{optimizer}: a glyph for the state"
        );
        if let Some(c) = marks.carried {
            // The velocity's share and −η∇f add up to the step taken.
            let g = [-0.05 * exact[1], -0.05 * exact[2]];
            for i in 0..2 {
                let sum = marks.theta[i] + g[i] + c[i];
                assert!((sum - marks.next[i]).abs() < 1e-12, "{optimizer}");
            }
        }
        s.doc.show_gradient_step = true;
        let shown = s.step_view().unwrap();
        let g = shown.marks.unwrap().gradient_step.unwrap();
        let line = format!("−η∇f(θ{}) = {}", subscript(k), pair(g));
        assert!(
            shown.lines.iter().any(|l| l.starts_with(&line)),
            "{:#?}",
            shown.lines
        );
        assert!((g[0] + 0.05 * exact[1]).abs() < 1e-12 && (g[1] + 0.05 * exact[2]).abs() < 1e-12);
    }
}

#[test]
fn the_gradient_step_toggle_is_saved_in_scenes() {
    let mut s = state("x^2 + y^2");
    s.doc.show_gradient_step = true;
    let doc = s.document();
    let text = scene::to_toml(&doc).expect("writes");
    assert!(text.contains("gradient_step = true"), "{text}");
    let back = scene::parse(&text, "t.toml").expect("reads back");
    assert!(back.show_gradient_step);
    assert_eq!(back, doc);
    let off = scene::parse("version = 1\nfunction = \"x\"\n", "t.toml").unwrap();
    assert!(!off.show_gradient_step, "off unless a scene says so");
}

#[test]
fn compare_mode_labels_name_their_optimizer() {
    let mut s = state("x^2 + 3*y^2");
    s.doc.compare = true;
    s.click(2.0, 1.0);
    s.step_paths();
    let labels: Vec<String> = s.running.paths.iter().map(|t| t.label()).collect();
    // Newton's method races only when ticked (`Document::compare_set`).
    let racing: Vec<Optimizer> = Optimizer::ALL
        .into_iter()
        .filter(|o| *o != Optimizer::Newton)
        .collect();
    assert_eq!(labels.len(), racing.len());
    for (label, o) in labels.iter().zip(racing) {
        assert!(
            label.starts_with(&format!("{}  step 1  f = ", o.label())),
            "{label}"
        );
    }
    // Outside compare mode a label stays short.
    s.doc.compare = false;
    s.clear_paths();
    s.click(2.0, 1.0);
    s.step_paths();
    assert!(s.running.paths[0].label().starts_with("step 1  f = "));
}

/// The step's numbers are written on the canvas only while the descent is paused or over:
/// while it animates they change ten times a second and covered a third of a projected
/// plot (presentation mode at 1280×720).
#[test]
fn the_step_numbers_show_while_paused_and_after_the_end() {
    let mut s = state("x^2 + y^2");
    s.pointer_down(400.0, 300.0, Button::Primary);
    s.pointer_up(400.0, 300.0);
    s.doc.playing = true;
    assert!(s.running.paths[0].path.is_running());
    assert!(!s.step_numbers_shown(), "hidden while the path animates");
    assert!(s.step_view().is_some(), "the marks are still there");
    s.doc.playing = false;
    assert!(s.step_numbers_shown(), "shown while paused");
    s.doc.playing = true;
    for _ in 0..20_000 {
        if !s.running.paths[0].path.is_running() {
            break;
        }
        s.step_paths();
    }
    assert!(!s.running.paths[0].path.is_running(), "the path ended");
    assert!(s.step_numbers_shown(), "shown once every path has ended");
}

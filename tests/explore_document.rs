//! The explorer holds one document: whatever adds, removes, moves or changes a path keeps the
//! document's path starts in step with the running paths, so a save is the document as it is.
//! Plain state, no window.

use gradfield::app::ExplorerState;
use gradfield::descent::Optimizer;
use gradfield::document::PathStart;

/// The starts the running paths have, as the document should list them.
fn running_starts(s: &ExplorerState) -> Vec<PathStart> {
    s.running
        .paths
        .iter()
        .map(|t| PathStart {
            start: t.path.start,
            optimizer: t.path.optimizer,
            lr_factor: t.lr_factor,
            color: t.color,
        })
        .collect()
}

#[test]
fn the_documents_path_starts_follow_every_change_of_the_paths() {
    let mut s = ExplorerState::from_preset(1).expect("a preset");
    let check = |s: &ExplorerState, what: &str, n: usize| {
        assert_eq!(s.doc.paths, running_starts(s), "after {what}");
        assert_eq!(s.doc.paths.len(), n, "after {what}");
    };
    check(&s, "opening a preset", 1);
    s.click(0.5, 0.5);
    check(&s, "a click", 2);
    s.drag_start(1, (-1.0, 0.25));
    check(&s, "dragging a start", 2);
    assert_eq!(s.doc.paths[1].start, (-1.0, 0.25));
    s.set_optimizer(Optimizer::Adam);
    check(&s, "another optimizer", 2);
    assert!(s.doc.paths.iter().all(|p| p.optimizer == Optimizer::Adam));
    s.doc.compare = true;
    s.doc.compare_set = [true, false, false, false, false, true, false];
    s.click(1.0, -1.0);
    check(&s, "a compare click", 4);
    s.doc.compare = false;
    s.set_sweep(true);
    s.sweep_at(0.0, 1.0);
    let n = 4 + s.doc.sweep_factors.len();
    check(&s, "a sweep", n);
    assert!(s.doc.paths[4..].iter().all(|p| p.lr_factor.is_some()));
    assert!(s.remove_path_near((-1.0, 0.25), 0.01));
    check(&s, "removing a path", n - 1);
    s.clear_paths();
    check(&s, "clearing", 0);
    let before = s.document();
    s.select_preset(0).expect("another preset");
    check(&s, "a new preset", 1);
    assert_ne!(s.document(), before);
}

#[test]
fn opening_a_document_shows_exactly_it_with_home_at_its_view() {
    let mut s = ExplorerState::from_preset(3).expect("rosenbrock");
    s.click(0.1, 0.2);
    s.doc.pin = Some((0.5, 0.5));
    let doc = s.document();
    let mut other = ExplorerState::from_preset(0).expect("bowl");
    other.doc.home = gradfield::View::new(-9.0, 9.0, -9.0, 9.0).expect("a view");
    other.apply_scene(&doc).expect("applies");
    assert_eq!(other.document(), doc);
    assert_eq!(other.doc.home, doc.view, "Home goes to the opened view");
    assert_eq!(other.text, doc.function.source);
    assert_eq!(other.running.paths.len(), doc.paths.len());
}

//! The explorer with a data loss, without a window: opening a CSV file (a bad one changes
//! nothing and says where and why), a dropped file, the batch size, the gradients drawn at
//! the selected iterate, and frames of the panel with its data plots.

use egui::{Pos2, RawInput, Rect};
use gradfield::app::frame::{run_frame, FieldFacts};
use gradfield::app::ExplorerState;
use gradfield::fit::Model;

fn temp(name: &str, text: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("gradfield-explore-data-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    let p = d.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn a_bad_file_changes_nothing_and_a_good_one_opens_around_its_minimum() {
    let mut s = ExplorerState::from_preset(0).expect("a preset");
    s.set_canvas(800.0, 600.0);
    let before = (
        s.doc.function.source.clone(),
        s.doc.view,
        s.running.paths.len(),
    );
    let bad = temp("bad.csv", "x,y\n1,2\n3,x\n");
    let e = s.open_data(&bad, Model::Linear).unwrap_err().to_string();
    assert!(
        e.ends_with("bad.csv:3:3: 'x' in column 'y' is not a number"),
        "{e}"
    );
    assert_eq!(
        before,
        (
            s.doc.function.source.clone(),
            s.doc.view,
            s.running.paths.len()
        )
    );
    assert!(s.doc.function.data().is_none());

    let good = temp("good.csv", "x,y\n0,1\n1,3\n2,5\n3,7.5\n");
    s.open_data(&good, Model::Linear).expect("opens");
    let data = s.doc.function.data().expect("a data loss");
    assert_eq!(data.len(), 4);
    assert!(s.running.paths.is_empty());
    let (w, b) = gradfield::fit::least_squares(&data.points).unwrap();
    let v = s.doc.view;
    assert!(
        v.x0 < w && w < v.x1 && v.y0 < b && b < v.y1,
        "{v:?} ({w}, {b})"
    );
    assert!(s.title().contains("good.csv (4 points)"), "{}", s.title());
    // Typing a formula leaves the data.
    s.set_text("x^2 + y^2");
    assert!(s.doc.function.data().is_none() && s.doc.data.is_none());
}

#[test]
fn a_dropped_file_opens_by_its_kind_and_anything_else_is_refused() {
    let mut s = ExplorerState::from_preset(0).expect("a preset");
    s.set_canvas(800.0, 600.0);
    let labels = temp("labels.csv", "h,p\n0,0\n1,1\n2,0\n3,1\n");
    s.dialogs.data.model = Model::Logistic;
    s.open_dropped(&labels);
    assert_eq!(s.doc.data.as_ref().map(|d| d.model), Some(Model::Logistic));
    let other = temp("notes.txt", "hello");
    let source = s.doc.function.source.clone();
    s.open_dropped(&other);
    assert_eq!(s.doc.function.source, source);
    let status = s.messages.status.clone().unwrap_or_default();
    assert!(
        status.contains("drop a .csv data file or a .toml scene"),
        "{status}"
    );
}

#[test]
fn mini_batches_restart_the_paths_and_show_their_gradients_at_the_iterate() {
    let fit = gradfield::presets::all()
        .iter()
        .position(|p| p.name == "fit-line")
        .unwrap();
    let mut s = ExplorerState::from_preset(fit).expect("the preset");
    s.set_canvas(900.0, 700.0);
    assert!(s.batch_arrows().is_none(), "full batch: nothing to compare");
    s.set_batch(Some(4));
    assert_eq!(s.doc.hyper.batch, Some(4));
    for _ in 0..30 {
        s.tick(0.1);
    }
    let arrows = s.batch_arrows().expect("arrows at the iterate");
    assert_eq!(arrows.others.len(), gradfield::app::data::CLOUD);
    // The full step is −η times the gradient of every point at the iterate.
    let (w, b) = s.selected_iterate().unwrap();
    let g = s.doc.function.eval(w, b).unwrap();
    let lr = s.doc.hyper.lr;
    assert_eq!(arrows.full, [-lr * g[1], -lr * g[2]]);
    assert_ne!(arrows.batch, arrows.full);
    // A batch of all 40 is full batch.
    s.set_batch(Some(40));
    assert_eq!(s.doc.hyper.batch, None);
    // The panel draws its plots for a few frames without a window.
    let ctx = egui::Context::default();
    for _ in 0..3 {
        let raw = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(1600.0, 900.0))),
            ..RawInput::default()
        };
        let (mut out, _) = run_frame(&ctx, raw, &mut s, FieldFacts::default(), (1600, 900));
        // No renderer takes the font textures here.
        out.textures_delta.clear();
    }
}

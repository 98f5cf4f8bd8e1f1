//! The explorer reaches a screen reader (issue 13, "Keyboard-only use"): egui frames of the
//! panel and the canvas's words with AccessKit on, and the tree update they produce names the
//! function box, the learning-rate slider, the canvas title and the hover read-out.

use egui::accesskit::{NodeId, Role, TreeUpdate};
use egui::{Pos2, RawInput, Rect};
use gradfield::app::{ui_frame, ExplorerState};
use gradfield::expr::Function;
use gradfield::View;

/// Runs two frames (egui settles its layout in the first) with AccessKit on and returns the
/// last tree update.
fn tree(s: &mut ExplorerState) -> TreeUpdate {
    let ctx = egui::Context::default();
    ctx.enable_accesskit();
    let mut update = None;
    for _ in 0..2 {
        let raw = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(1280.0, 800.0))),
            ..RawInput::default()
        };
        let mut out = ui_frame(&ctx, raw, s);
        out.textures_delta.clear();
        update = out.platform_output.accesskit_update;
    }
    update.expect("AccessKit on: a tree update every frame")
}

/// What a screen reader says for each node: its label, else the labels of the nodes that
/// label it; with its value (a slider's number, a text field's text) and role.
fn spoken(t: &TreeUpdate) -> Vec<(Role, String, String)> {
    let label = |id: &NodeId| {
        t.nodes
            .iter()
            .find(|(n, _)| n == id)
            .and_then(|(_, node)| node.label().or(node.value()).map(str::to_owned))
            .unwrap_or_default()
    };
    t.nodes
        .iter()
        .map(|(_, node)| {
            // A label's text is its value; a field's name comes from the label it points to.
            let name = match (node.label(), node.role()) {
                (Some(l), _) => l.to_owned(),
                (None, Role::Label) => node.value().unwrap_or_default().to_owned(),
                (None, _) => node
                    .labelled_by()
                    .iter()
                    .map(label)
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            let value = node.value().unwrap_or_default().to_owned();
            (node.role(), name, value)
        })
        .collect()
}

fn find(
    said: &[(Role, String, String)],
    what: impl Fn(&(Role, String, String)) -> bool,
) -> Option<&(Role, String, String)> {
    said.iter().find(|n| what(n))
}

#[test]
fn the_panel_and_the_canvas_words_reach_a_screen_reader() {
    let f = Function::parse("x^2 + 3*x*y + y^2").expect("parses");
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(800.0, 600.0);
    s.hover(Some((1.0, 2.0)));
    let said = spoken(&tree(&mut s));
    let all = format!("{said:#?}");

    let formula = find(&said, |(_, name, value)| {
        name.contains("f(x, y) =") && value == &s.text
    });
    assert!(
        formula.is_some(),
        "the function box, named and with its text: {all}"
    );
    let lr = find(&said, |(role, name, _)| {
        *role == Role::Slider && name.contains("learning rate")
    });
    assert!(lr.is_some(), "the learning-rate slider: {all}");
    let title = find(&said, |(_, name, _)| name.contains("canvas: f = "));
    assert!(title.is_some(), "the canvas title: {all}");
    // f(1, 2) = 1 + 6 + 4 = 11, ∂f/∂x = 2 + 6 = 8, ∂f/∂y = 3 + 4 = 7.
    let readout = find(&said, |(_, name, _)| name.starts_with("read-out: "));
    let readout = &readout
        .unwrap_or_else(|| panic!("the hover read-out: {all}"))
        .1;
    for part in ["11", "8", "7"] {
        assert!(readout.contains(part), "{readout}");
    }

    // Without the pointer, the read-out follows the keyboard cursor.
    s.hover(None);
    s.cursor.at = Some((-1.0, 0.5));
    let said = spoken(&tree(&mut s));
    let at_cursor = find(&said, |(_, name, _)| name.starts_with("read-out: "));
    // f(−1, 0.5) = 1 − 1.5 + 0.25 = −0.25.
    assert!(
        at_cursor.is_some_and(|(_, name, _)| name.contains("0.25")),
        "{said:#?}"
    );
    assert!(find(&said, |(_, name, _)| name.starts_with("keyboard cursor at")).is_some());
}

/// The 3D view reaches a screen reader too: the panel's View row and, while the surface is
/// shown, its vertical-scale slider, checkboxes, camera read-out and reset button; the
/// canvas's words say which view is shown and where the camera is.
#[test]
fn the_3d_view_controls_and_camera_reach_a_screen_reader() {
    use gradfield::document::CanvasMode;
    let f = Function::parse("x^2 - y^2").expect("parses");
    let mut s = ExplorerState::new(f, View::new(-2.0, 2.0, -2.0, 2.0).unwrap());
    s.set_plot(800.0, 600.0);
    let said = spoken(&tree(&mut s));
    let all = format!("{said:#?}");
    for words in ["View (D)", "map", "surface", "both"] {
        assert!(
            find(&said, |(_, name, _)| name == words).is_some(),
            "{words}: {all}"
        );
    }
    assert!(
        find(&said, |(_, name, _)| name == "view (D): map (2D)").is_some(),
        "{all}"
    );
    assert!(
        find(&said, |(_, name, _)| name.contains("vertical scale")).is_none(),
        "the surface's controls only with the surface: {all}"
    );
    s.set_canvas_mode(CanvasMode::Split);
    s.doc.surface.camera.orbit(-30.0, 15.0);
    let said = spoken(&tree(&mut s));
    let all = format!("{said:#?}");
    let slider = find(&said, |(role, name, _)| {
        *role == Role::Slider && name.contains("vertical scale")
    });
    assert!(slider.is_some(), "the vertical-scale slider: {all}");
    for words in ["floor contours", "tangent plane at the pin", "reset camera"] {
        assert!(
            find(&said, |(_, name, _)| name.contains(words)).is_some(),
            "{words}: {all}"
        );
    }
    let camera = "camera: azimuth −90°, elevation 45°";
    assert!(
        find(&said, |(_, name, _)| name == camera).is_some(),
        "{camera}: {all}"
    );
    let words = format!("view (D): map and surface; {camera}");
    assert!(
        find(&said, |(_, name, _)| *name == words).is_some(),
        "{words}: {all}"
    );
}

/// In presentation mode the function panel floating over the canvas (Tab) has the View row.
#[test]
fn presentation_modes_floating_panel_has_the_view_row() {
    use gradfield::app::frame::{run_frame, FieldFacts};
    use gradfield::app::{Floating, Key, KeyPress};
    let mut s = ExplorerState::from_preset(0).expect("a preset");
    s.doc.present = true;
    let ctx = egui::Context::default();
    ctx.enable_accesskit();
    let mut said = Vec::new();
    for press_tab in [false, true, false] {
        if press_tab {
            assert!(s.key(KeyPress::plain(Key::Tab)));
            assert_eq!(s.dialogs.floating, Floating::Function);
        }
        let raw = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(1920.0, 1080.0))),
            ..RawInput::default()
        };
        let (mut out, _) = run_frame(&ctx, raw, &mut s, FieldFacts::default(), (1920, 1080));
        out.textures_delta.clear();
        said = spoken(&out.platform_output.accesskit_update.expect("a tree"));
    }
    let all = format!("{said:#?}");
    for words in ["View (D)", "surface", "both"] {
        assert!(
            find(&said, |(_, name, _)| name == words).is_some(),
            "{words}: {all}"
        );
    }
}

//! Where the keyboard goes (issue 13, "Keyboard"): canvas shortcuts never reach a text field
//! and text never reaches the canvas, Tab never puts the keyboard in the function box, Enter
//! confirms it, Esc does one thing per press; every row of the key table with a text field
//! focused; the keyboard cursor; the title while the typed text does not parse; the lesson's
//! saddle on a number key. The egui tests run real egui frames of the panel without a window.

use egui::{Event, Modifiers, Pos2, RawInput, Rect};
use gradfield::app::help::help_text;
use gradfield::app::{ui_frame, ExplorerState, Focus, Key, KeyPress, TextField, BINDINGS};
use gradfield::expr::Function;
use gradfield::View;

fn bowl() -> ExplorerState {
    let f = Function::parse("x^2 + y^2").expect("the bowl parses");
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(800.0, 600.0);
    s.click(2.0, 1.0);
    s
}

fn press(key: egui::Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: Some(key),
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// A letter key as a keyboard sends it: the key, then its text.
fn letter(key: egui::Key, text: &str) -> Vec<Event> {
    vec![press(key, Modifiers::NONE), Event::Text(text.into())]
}

/// One egui frame of the panel at 1280×800 with these events.
fn frame(ctx: &egui::Context, s: &mut ExplorerState, events: Vec<Event>) -> egui::FullOutput {
    let raw = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        events,
        ..RawInput::default()
    };
    let mut out = ui_frame(ctx, raw, s);
    // No renderer takes the font atlas here.
    out.textures_delta.clear();
    out
}

fn focused(ctx: &egui::Context) -> Option<egui::Id> {
    ctx.memory(|m| m.focused())
}

/// Reproduces "Tab moves focus into the formula box, so the next shortcut types into it (C
/// turned `x^2 + y^2` into `x^2 + y^2c`)": Tab hid the panel, the next Tab showed it and egui
/// gave the keyboard to its first text field.
#[test]
fn tab_never_puts_the_keyboard_in_the_function_box() {
    let ctx = egui::Context::default();
    let mut s = bowl();
    frame(&ctx, &mut s, vec![]);
    for _ in 0..3 {
        frame(&ctx, &mut s, vec![press(egui::Key::Tab, Modifiers::NONE)]);
        frame(&ctx, &mut s, vec![]);
        assert_eq!(focused(&ctx), None, "Tab gave the keyboard to a widget");
    }
    assert!(!s.doc.panel, "three Tabs hide the panel");
    frame(&ctx, &mut s, vec![press(egui::Key::Tab, Modifiers::NONE)]);
    assert!(s.doc.panel);
    frame(&ctx, &mut s, letter(egui::Key::C, "c"));
    frame(&ctx, &mut s, vec![]);
    assert_eq!(s.text, "x^2 + y^2", "C typed into the function box");
    assert!(s.running.paths.is_empty(), "C cleared the paths");
    assert_eq!(s.focus, Focus::Canvas);
}

/// Reproduces "Enter in the box adds a newline": Enter confirms the function and gives the
/// keys back to the canvas (the next C clears the paths, not types).
#[test]
fn enter_confirms_the_function_box_and_gives_the_keys_back() {
    let ctx = egui::Context::default();
    let mut s = bowl();
    frame(&ctx, &mut s, vec![]);
    frame(&ctx, &mut s, vec![press(egui::Key::F2, Modifiers::NONE)]);
    assert_eq!(s.focus, Focus::Text(TextField::Formula));
    frame(&ctx, &mut s, vec![press(egui::Key::End, Modifiers::NONE)]);
    frame(&ctx, &mut s, vec![Event::Text(" + x".into())]);
    assert_eq!(s.text, "x^2 + y^2 + x", "F2 puts the keyboard in the box");
    assert!(
        !s.shader_due(0),
        "typed text settles before the shader is built"
    );
    frame(&ctx, &mut s, vec![press(egui::Key::Enter, Modifiers::NONE)]);
    frame(&ctx, &mut s, vec![]);
    assert_eq!(s.text, "x^2 + y^2 + x", "Enter added a newline");
    assert_eq!(s.focus, Focus::Canvas);
    assert_eq!(focused(&ctx), None);
    assert!(s.shader_due(0), "Enter builds the typed function at once");
    frame(&ctx, &mut s, letter(egui::Key::C, "c"));
    assert_eq!(s.text, "x^2 + y^2 + x");
    assert!(
        s.running.paths.is_empty(),
        "after Enter, C is the canvas's again"
    );
}

/// E is a second key for the function box; the E itself is not typed into it.
#[test]
fn e_opens_the_function_box_without_typing_an_e() {
    let ctx = egui::Context::default();
    let mut s = bowl();
    s.doc.panel = false;
    frame(&ctx, &mut s, vec![]);
    frame(&ctx, &mut s, letter(egui::Key::E, "e"));
    frame(&ctx, &mut s, vec![]);
    assert!(s.doc.panel, "E shows the panel");
    assert_eq!(s.focus, Focus::Text(TextField::Formula));
    assert_eq!(s.text, "x^2 + y^2");
    // Typing goes to the box, not to the canvas: S and C are text now.
    frame(&ctx, &mut s, letter(egui::Key::S, "s"));
    frame(&ctx, &mut s, letter(egui::Key::C, "c"));
    assert!(
        s.text.ends_with("sc") || s.text.starts_with("sc"),
        "{}",
        s.text
    );
    assert_eq!(s.running.paths.len(), 1, "C typed, not cleared");
    assert_eq!(
        s.running.paths[0].path.iterations(),
        0,
        "S typed, not stepped"
    );
}

/// Reproduces "Esc leaves the box and also leaves fullscreen": one thing per press.
#[test]
fn esc_leaves_the_text_field_then_the_help_then_fullscreen() {
    let ctx = egui::Context::default();
    let mut s = bowl();
    s.doc.fullscreen = true;
    frame(&ctx, &mut s, vec![]);
    frame(&ctx, &mut s, vec![press(egui::Key::F2, Modifiers::NONE)]);
    frame(&ctx, &mut s, vec![press(egui::Key::F1, Modifiers::NONE)]);
    assert!(s.dialogs.help, "F1 works while typing");
    let esc = || vec![press(egui::Key::Escape, Modifiers::NONE)];
    frame(&ctx, &mut s, esc());
    frame(&ctx, &mut s, vec![]);
    assert_eq!(s.focus, Focus::Canvas, "the first Esc leaves the box");
    assert_eq!(focused(&ctx), None);
    assert!(s.dialogs.help && s.doc.fullscreen, "and does nothing else");
    frame(&ctx, &mut s, esc());
    assert!(
        !s.dialogs.help && s.doc.fullscreen,
        "the second closes the help"
    );
    frame(&ctx, &mut s, esc());
    assert!(!s.doc.fullscreen, "the third leaves fullscreen");
}

/// What a key may change: the document, the paths, the dialogs, the requests, the cursor.
fn snapshot(s: &ExplorerState) -> String {
    let paths: Vec<_> = s
        .running
        .paths
        .iter()
        .map(|t| (t.path.start, t.path.iterations()))
        .collect();
    format!(
        "{:?} {paths:?} {} {:?} {:?} {:?}",
        s.doc, s.dialogs.help, s.dialogs.scene.mode, s.requests, s.cursor
    )
}

/// Every row of the key table with a text field focused: a key that can type does nothing
/// to the explorer (the text field gets it); Ctrl shortcuts, F1 and F11 act; Esc leaves the
/// field and does nothing else; Enter confirms the function box.
#[test]
fn with_a_text_field_focused_no_key_that_types_reaches_the_canvas() {
    for field in [TextField::Formula, TextField::Other] {
        for b in BINDINGS {
            for &p in b.keys {
                let mut s = bowl();
                s.doc.fullscreen = true;
                s.focus = Focus::Text(field);
                let before = snapshot(&s);
                let used = s.key(p);
                let after = snapshot(&s);
                let what = format!("{field:?}, {} ({p:?})", b.label);
                if p.works_while_typing() {
                    assert!(used, "{what}: should act while typing");
                    assert_eq!(s.focus, Focus::Text(field), "{what}");
                } else if p == KeyPress::plain(Key::Escape) {
                    assert!(used, "{what}");
                    assert_eq!(s.focus, Focus::Canvas, "{what}: Esc leaves the field");
                    assert_eq!(before, after, "{what}: Esc did more than leave the field");
                } else if p == KeyPress::plain(Key::Enter) && field == TextField::Formula {
                    assert!(used, "{what}: Enter is the function box's confirm");
                    assert_eq!(s.focus, Focus::Canvas, "{what}");
                    assert_eq!(before, after, "{what}");
                } else {
                    assert!(!used, "{what}: the canvas took a key meant for the text");
                    assert_eq!(before, after, "{what}: changed the explorer");
                    assert_eq!(s.focus, Focus::Text(field), "{what}");
                }
            }
        }
    }
}

/// The scene dialog holds the keyboard while it is open: Esc closes it (and only it).
#[test]
fn esc_in_the_scene_dialog_closes_it_and_nothing_else() {
    let mut s = bowl();
    s.doc.fullscreen = true;
    s.key(KeyPress::ctrl(Key::S));
    assert!(s.dialogs.scene.is_open());
    s.focus = Focus::Text(TextField::SceneDialog);
    assert!(
        !s.key(KeyPress::plain(Key::C)),
        "C is typed into the file name"
    );
    assert_eq!(s.running.paths.len(), 1);
    assert!(s.key(KeyPress::plain(Key::Escape)));
    assert!(!s.dialogs.scene.is_open() && s.doc.fullscreen);
    assert_eq!(s.focus, Focus::Canvas);
}

/// The keyboard cursor does what the mouse does: Enter starts a path, Enter on a start picks
/// it up, the arrows carry it (the path restarts there), Enter drops it; Esc puts it back;
/// Shift + Enter pins, and the pin is picked up and carried the same way.
#[test]
fn the_keyboard_cursor_starts_picks_up_moves_and_drops() {
    let mut s = bowl();
    let key = |s: &mut ExplorerState, k: KeyPress, n: usize| {
        for _ in 0..n {
            assert!(s.key(k), "{k:?}");
        }
    };
    assert_eq!(s.cursor_px(), None, "hidden at first");
    key(&mut s, KeyPress::plain(Key::Enter), 1);
    assert_eq!(
        s.cursor.at,
        Some((0.0, 0.0)),
        "Enter shows it at the middle"
    );
    assert_eq!(s.running.paths.len(), 1, "and starts nothing yet");
    // 100 px per unit: Shift + → twice and ↑ ten times is (0.8, 0.4).
    key(&mut s, KeyPress::shift(Key::Right), 2);
    key(&mut s, KeyPress::plain(Key::Up), 10);
    let at = s.cursor.at.unwrap();
    assert!(
        (at.0 - 0.8).abs() < 1e-9 && (at.1 - 0.4).abs() < 1e-9,
        "{at:?}"
    );
    key(&mut s, KeyPress::plain(Key::Enter), 1);
    assert_eq!(s.running.paths.len(), 2);
    assert_eq!(s.running.paths[1].path.start, at);
    // On the new start: Enter picks it up, → carries it 8 px, Enter drops it.
    key(&mut s, KeyPress::plain(Key::Enter), 1);
    assert!(s.cursor.carrying.is_some());
    key(&mut s, KeyPress::plain(Key::Right), 2);
    let moved = s.running.paths[1].path.start;
    assert!((moved.0 - 0.88).abs() < 1e-9 && (moved.1 - 0.4).abs() < 1e-9);
    assert_eq!(s.running.paths.len(), 2, "carried, not added");
    key(&mut s, KeyPress::plain(Key::Enter), 1);
    assert_eq!(s.cursor.carrying, None);
    // Picked up again and carried away, Esc puts it back.
    key(&mut s, KeyPress::plain(Key::Enter), 1);
    key(&mut s, KeyPress::shift(Key::Down), 3);
    assert_ne!(s.running.paths[1].path.start, moved);
    s.doc.fullscreen = true;
    key(&mut s, KeyPress::plain(Key::Escape), 1);
    assert_eq!(s.running.paths[1].path.start, moved, "Esc puts it back");
    assert!(s.doc.fullscreen, "and does nothing else");
    // Shift + Enter pins at the cursor; Enter picks the pin up before the start under it.
    key(&mut s, KeyPress::shift(Key::Enter), 1);
    let pin = s.doc.pin.expect("pinned");
    key(&mut s, KeyPress::plain(Key::Enter), 1);
    key(&mut s, KeyPress::plain(Key::Left), 5);
    key(&mut s, KeyPress::plain(Key::Enter), 1);
    let now = s.doc.pin.expect("still pinned");
    assert!((now.0 - (pin.0 - 0.2)).abs() < 1e-9 && (now.1 - pin.1).abs() < 1e-9);
    assert_eq!(s.running.paths[1].path.start, moved, "the start stayed");
    // The cursor stays on the canvas.
    key(&mut s, KeyPress::shift(Key::Left), 100);
    assert_eq!(s.cursor_px().map(|p| p.0), Some(0.0));
    // Esc with nothing else to do hides it.
    s.doc.fullscreen = false;
    key(&mut s, KeyPress::plain(Key::Escape), 1);
    assert_eq!(s.cursor_px(), None);
}

/// → used to step the paths; the arrows now move the cursor only, S steps.
#[test]
fn arrows_move_the_cursor_and_s_steps() {
    let mut s = bowl();
    s.key(KeyPress::plain(Key::Right));
    s.key(KeyPress::plain(Key::Right));
    assert_eq!(s.running.paths[0].path.iterations(), 0);
    s.key(KeyPress::plain(Key::S));
    assert_eq!(s.running.paths[0].path.iterations(), 1);
    let help = help_text();
    assert!(
        help.contains("arrow keys") && help.contains("keyboard cursor"),
        "{help}"
    );
    assert!(
        help.contains("F2 or E") && help.contains("edit the function"),
        "{help}"
    );
}

/// Reproduces "a half-typed formula (`2x + 3y - 5z`) leaves the canvas titled
/// `f = 2*x + 3*y - 5` with no sign that the picture is of an older function".
#[test]
fn the_title_says_when_it_shows_the_last_valid_function() {
    let mut s = bowl();
    s.set_text("2x + 3y - 5");
    let good = s.title();
    assert!(!good.contains("last valid"), "{good}");
    // (`5z` now reads as 5 times a held z; a call still open is half-typed.)
    s.set_text("2x + 3y - 5sin(");
    assert!(s.error.is_some());
    let title = s.title();
    assert!(
        title.starts_with("showing the last valid function: f = ") && title.ends_with(&good[4..]),
        "{title} (valid: {good})"
    );
    s.set_text("2x + 3y - 5");
    assert_eq!(s.title(), good, "a valid text drops the note");
}

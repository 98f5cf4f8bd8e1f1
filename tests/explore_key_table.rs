//! The explorer's key table without a window: every row of `app::input::BINDINGS` does what
//! the help overlay (generated from the same table) says, key by key, on a prepared state.

mod common;

use gradfield::app::help::{help_lines, help_text};
use gradfield::app::input::binding_for;
use gradfield::app::{Action, Floating, Focus, Key, KeyPress, TextField, BINDINGS};

use common::{bowl_explorer as bowl, same_point as close};

/// Applies one key to a prepared state and checks the effect the help text promises.
fn check_action(action: Action, press: KeyPress) {
    let mut s = bowl();
    s.click(2.0, 1.0);
    s.step_paths();
    let before_playing = s.doc.playing;
    match action {
        Action::PlayPause => {
            assert!(s.key(press));
            assert_ne!(s.doc.playing, before_playing);
        }
        Action::Step => {
            s.key(press);
            assert!(!s.doc.playing);
            assert_eq!(s.running.paths[0].path.iterations(), 2);
        }
        Action::CursorMove => {
            // The first arrow shows the cursor (at the middle: the pointer is not over the
            // canvas); the next moves it 4 px, or 40 px with Shift.
            assert!(s.key(press));
            let shown = s.cursor_px().expect("an arrow shows the keyboard cursor");
            assert!(close(shown, (400.0, 300.0)), "{shown:?}");
            s.key(press);
            let moved = s.cursor_px().expect("still shown");
            let step = if press.shift { 40.0 } else { 4.0 };
            let want = match press.key {
                Key::Left => (400.0 - step, 300.0),
                Key::Right => (400.0 + step, 300.0),
                Key::Up => (400.0, 300.0 - step),
                _ => (400.0, 300.0 + step),
            };
            assert!(close(moved, want), "{press:?}: {moved:?}, want {want:?}");
            assert_eq!(
                s.running.paths[0].path.iterations(),
                1,
                "arrows do not step"
            );
        }
        Action::CursorEnter => {
            s.cursor.at = Some((-1.0, -2.0));
            s.key(press);
            assert_eq!(
                s.running.paths.len(),
                2,
                "Enter starts a path at the cursor"
            );
            assert_eq!(s.running.paths[1].path.start, (-1.0, -2.0));
        }
        Action::CursorPin => {
            s.cursor.at = Some((0.5, -0.25));
            s.key(press);
            assert_eq!(s.doc.pin, Some((0.5, -0.25)));
            assert_eq!(s.running.paths.len(), 1, "the paths stay");
        }
        Action::EditFunction => {
            s.doc.panel = false;
            s.key(press);
            assert_eq!(s.focus, Focus::Text(TextField::Formula));
            assert!(s.doc.panel, "the panel opens to show the function box");
        }
        Action::ResetPaths => {
            s.key(press);
            assert_eq!(s.running.paths[0].path.iterations(), 0);
            assert_eq!(s.running.paths[0].path.start, (2.0, 1.0));
        }
        Action::ClearPaths => {
            s.key(press);
            assert!(s.running.paths.is_empty());
        }
        Action::RemovePath => {
            s.click(-2.0, -1.0);
            s.hover(Some((-2.0, -1.05)));
            s.key(press);
            assert_eq!(s.running.paths.len(), 1);
            assert_eq!(s.running.paths[0].path.start, (2.0, 1.0));
        }
        Action::ClearPin => {
            s.set_pin((0.5, -1.0));
            s.key(press);
            assert_eq!(s.doc.pin, None);
            assert_eq!(s.running.paths.len(), 1, "the paths stay");
        }
        Action::ColorBy => {
            let before = s.doc.maps.mode;
            s.key(press);
            assert_eq!(s.doc.maps.mode, before.next());
            assert_eq!(s.running.paths.len(), 1, "the paths stay");
        }
        Action::MapGrid => {
            let before = s.doc.maps.divisor;
            s.key(press);
            assert_ne!(s.doc.maps.divisor, before);
        }
        Action::GradientStep => {
            assert!(!s.doc.show_gradient_step);
            s.key(press);
            assert!(s.doc.show_gradient_step);
            let marks = s.step_view().and_then(|v| v.marks).expect("a step");
            assert!(marks.gradient_step.is_some(), "−η∇f is drawn");
        }
        Action::HomeView => {
            s.drag_pan(1.0, 2.0);
            s.scroll(0.5, (0.3, 0.3));
            assert_ne!(s.doc.view, s.doc.home);
            s.doc.surface.camera.orbit(40.0, 20.0);
            s.doc.surface.camera.zoom_by(3.0);
            assert_ne!(s.doc.surface.camera, gradfield::surface::Camera::default());
            s.key(press);
            assert_eq!(s.doc.view, s.doc.home);
            assert_eq!(
                s.doc.surface.camera,
                gradfield::surface::Camera::default(),
                "Home resets the camera too"
            );
        }
        Action::CycleCanvas => {
            use gradfield::document::CanvasMode;
            assert_eq!(s.doc.canvas, CanvasMode::Map);
            let mut seen = Vec::new();
            for _ in 0..3 {
                assert!(s.key(press));
                seen.push(s.doc.canvas);
            }
            assert_eq!(
                seen,
                [CanvasMode::Surface, CanvasMode::Split, CanvasMode::Map],
                "map → surface → map and surface → map"
            );
        }
        Action::Preset => {
            let Key::Digit(d) = press.key else {
                panic!("preset binding on a non-digit")
            };
            let n = gradfield::presets::all().len();
            s.key(press);
            if usize::from(d) <= n {
                let p = &gradfield::presets::all()[usize::from(d) - 1];
                assert_eq!(s.preset_index(), Some(usize::from(d) - 1));
                assert_eq!(s.text, p.expr);
                assert_eq!(s.running.paths.len(), 1);
                assert_eq!(s.running.paths[0].path.start, (p.start[0], p.start[1]));
                assert_eq!(s.doc.hyper.lr, p.lr);
            } else {
                assert!(s.messages.status.is_some(), "a missing preset says so");
            }
        }
        Action::TogglePanel => {
            s.key(press);
            assert!(!s.doc.panel);
            s.key(press);
            assert!(s.doc.panel);
            // In presentation mode the side panels are folded into the strip: Tab floats the
            // function panel over the canvas and back (it changed nothing visible there), and
            // Esc closes it; the document's panel setting stays as it was.
            s.doc.present = true;
            s.key(press);
            assert_eq!(s.dialogs.floating, Floating::Function);
            assert!(s.doc.panel);
            s.key(press);
            assert_eq!(s.dialogs.floating, Floating::None);
            s.key(press);
            s.key(KeyPress::plain(Key::Escape));
            assert_eq!(
                s.dialogs.floating,
                Floating::None,
                "Esc closes the floating panel"
            );
            assert!(s.doc.present, "and only that");
        }
        Action::Fullscreen => {
            s.key(press);
            assert!(s.doc.fullscreen);
        }
        Action::Present => {
            assert!(!s.doc.present);
            s.key(press);
            assert!(s.doc.present);
            s.key(press);
            assert!(!s.doc.present);
        }
        Action::Help => {
            s.key(press);
            assert!(s.dialogs.help);
        }
        Action::Escape => {
            s.dialogs.help = true;
            s.doc.fullscreen = true;
            s.key(press);
            assert!(
                !s.dialogs.help && s.doc.fullscreen,
                "first Esc closes the help"
            );
            s.key(press);
            assert!(!s.doc.fullscreen);
        }
        Action::Screenshot => {
            s.key(press);
            assert!(s.requests.screenshot);
        }
        Action::RecordGif => {
            assert!(!s.requests.record);
            s.key(press);
            assert!(s.requests.record);
        }
        Action::UiLarger => {
            s.key(press);
            assert!(s.doc.ui_scale > 1.0);
        }
        Action::UiSmaller => {
            s.key(press);
            assert!(s.doc.ui_scale < 1.0);
        }
        Action::Save | Action::Open => {
            s.key(press);
            let want = if action == Action::Save {
                gradfield::app::DialogMode::Save
            } else {
                gradfield::app::DialogMode::Open
            };
            assert_eq!(s.dialogs.scene.mode, Some(want), "the scene dialog opens");
        }
        Action::SymbolDown | Action::SymbolUp | Action::NextSymbol => {
            // The bowl has no parameter: the key says so and changes nothing.
            assert!(s.key(press));
            assert!(s
                .messages
                .status
                .as_deref()
                .unwrap_or("")
                .contains("no parameter"));
            s.set_text("a x^2 + b y^2");
            s.key(press);
            let (a, b) = (s.doc.function.value_of("a"), s.doc.function.value_of("b"));
            match action {
                Action::NextSymbol => {
                    assert_eq!(s.selected_symbol().as_deref(), Some("b"));
                    assert_eq!((a, b), (Some(1.0), Some(1.0)));
                }
                _ => {
                    let steps = if press.shift { 10.0 } else { 1.0 };
                    let sign = if action == Action::SymbolUp {
                        1.0
                    } else {
                        -1.0
                    };
                    let want = 1.0 + sign * steps * gradfield::document::DEFAULT_STEP;
                    assert!((a.unwrap() - want).abs() < 1e-12, "{a:?}, want {want}");
                    assert_eq!(b, Some(1.0), "only the selected one moves");
                    assert_eq!(s.running.paths[0].path.iterations(), 0, "paths restart");
                }
            }
        }
    }
}

#[test]
fn every_key_does_what_the_help_overlay_says() {
    let text = help_text();
    for b in BINDINGS {
        assert!(
            text.contains(b.label) && text.contains(b.help),
            "{}",
            b.label
        );
        for &press in b.keys {
            assert_eq!(binding_for(press).map(|x| x.action), Some(b.action));
            check_action(b.action, press);
        }
    }
    assert_eq!(help_lines().len(), BINDINGS.len() + 10);
    let mut s = bowl();
    assert!(!s.key(KeyPress::plain(Key::O)), "unbound keys are ignored");
    assert!(!s.key(KeyPress::ctrl(Key::R)));
}

/// D's row is in the key table and the help: one key, the line the help overlay shows.
#[test]
fn d_cycles_the_canvas_and_the_help_says_so() {
    let b = binding_for(KeyPress::plain(Key::D)).expect("D is bound");
    assert_eq!(b.action, Action::CycleCanvas);
    assert_eq!((b.label, b.keys), ("D", &[KeyPress::plain(Key::D)][..]));
    let text = help_text();
    assert!(
        text.contains("D              view: map → surface (3D) → map and surface"),
        "{text}"
    );
    assert!(
        text.contains("drag the surface"),
        "the camera's gestures: {text}"
    );
    // D with Shift finds the same row; typing into a text field it is a letter.
    assert_eq!(
        binding_for(KeyPress::shift(Key::D)).map(|b| b.action),
        Some(Action::CycleCanvas)
    );
    let mut s = bowl();
    s.focus = Focus::Text(TextField::Other);
    assert!(
        !s.key(KeyPress::plain(Key::D)),
        "D types a d in a text field"
    );
    assert_eq!(s.doc.canvas, gradfield::document::CanvasMode::Map);
}

//! How the explorer's window looks, in the plain-Rust state layer: UI scale steps, marks that
//! grow with the UI scale, the canvas's share of the window at every scale, the themes' line
//! widths and the display flags of `explore`.

use egui::{Context, RawInput};
use gradfield::app::frame::{panel_max_widths, run_frame, FieldFacts};
use gradfield::app::state::UI_SCALE_STEPS;
use gradfield::app::{ExplorerState, Key, KeyPress, Theme};
use gradfield::cli::{explore::initial_state, ExploreArgs};
use gradfield::render::RenderSettings;

/// What the renderer draws for `s` in a 1920×1080 window (after a first frame, as egui's
/// zoom takes a frame to apply).
fn frame_settings(s: &mut ExplorerState) -> RenderSettings {
    let ctx = Context::default();
    let raw = || RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..RawInput::default()
    };
    let mut settings = RenderSettings::default();
    for _ in 0..2 {
        let (out, placed) = run_frame(&ctx, raw(), s, FieldFacts::default(), (1920, 1080));
        out.drop_without_applying_deltas();
        settings = placed.settings;
    }
    settings
}

fn bowl() -> ExplorerState {
    ExplorerState::from_preset(0).expect("the first preset opens")
}

fn larger(s: &mut ExplorerState) {
    s.key(KeyPress::ctrl(Key::Equals));
}
fn smaller(s: &mut ExplorerState) {
    s.key(KeyPress::ctrl(Key::Minus));
}

/// Reproduces issue 13's "going down again stops at 99%": three steps up and three down
/// return to exactly 100%; every step is a value of the list, in order.
#[test]
fn ui_scale_steps_are_exact_and_come_back() {
    let mut s = bowl();
    for _ in 0..3 {
        larger(&mut s);
    }
    assert_eq!(s.doc.ui_scale, 1.5);
    for _ in 0..3 {
        smaller(&mut s);
    }
    assert_eq!(s.doc.ui_scale, 1.0);
    // Up through the whole list, then stuck at the top; down to the bottom, stuck there.
    s.doc.ui_scale = UI_SCALE_STEPS[0];
    for want in &UI_SCALE_STEPS[1..] {
        larger(&mut s);
        assert_eq!(s.doc.ui_scale, *want);
    }
    larger(&mut s);
    assert_eq!(s.doc.ui_scale, *UI_SCALE_STEPS.last().unwrap());
    for want in UI_SCALE_STEPS.iter().rev().skip(1) {
        smaller(&mut s);
        assert_eq!(s.doc.ui_scale, *want);
    }
    smaller(&mut s);
    assert_eq!(s.doc.ui_scale, UI_SCALE_STEPS[0]);
    // A scene's scale between two steps goes to the next step either way.
    s.doc.ui_scale = 1.3;
    larger(&mut s);
    assert_eq!(s.doc.ui_scale, 1.5);
    s.doc.ui_scale = 1.3;
    smaller(&mut s);
    assert_eq!(s.doc.ui_scale, 1.25);
}

/// Reproduces issue 13's "arrows, path lines and markers shrink as the scale grows": the
/// arrow grid stayed 48 px while text doubled. Now arrow spacing and every line width grow
/// with the UI scale.
#[test]
fn the_ui_scale_grows_arrows_lines_and_markers_with_the_text() {
    let mut s = bowl();
    let at1 = frame_settings(&mut s);
    assert_eq!(at1.arrows.spacing_px, s.doc.layers.arrow_spacing_px);
    assert_eq!(at1.line_width, 1.0);
    s.doc.ui_scale = 2.0;
    let at2 = frame_settings(&mut s);
    assert_eq!(at2.arrows.spacing_px, 2.0 * at1.arrows.spacing_px);
    assert_eq!(at2.line_width, 2.0);
    s.doc.ui_scale = 0.5;
    assert_eq!(frame_settings(&mut s).line_width, 0.5);
}

/// Presentation mode grows the marks with its type (2.44 times the figure's at 1080 lines).
#[test]
fn presentation_mode_grows_the_marks_with_its_text() {
    let mut s = bowl();
    let normal = frame_settings(&mut s);
    s.doc.present = true;
    let present = frame_settings(&mut s);
    assert!(
        present.line_width >= 2.0 * normal.line_width,
        "line width {} in presentation mode, {} outside",
        present.line_width,
        normal.line_width
    );
    assert!(present.arrows.spacing_px >= 2.0 * normal.arrows.spacing_px);
}

/// High contrast draws contours, arrows, path lines (and the grid, in the overlay) heavier.
#[test]
fn high_contrast_thickens_the_field_lines() {
    let mut s = bowl();
    let dark = frame_settings(&mut s).line_width;
    s.doc.theme = Theme::Light;
    assert_eq!(frame_settings(&mut s).line_width, dark);
    s.doc.theme = Theme::HighContrast;
    let hc = frame_settings(&mut s).line_width;
    assert!(hc >= 1.5 * dark, "high contrast {hc} against {dark}");
    s.doc.ui_scale = 2.0;
    assert_eq!(frame_settings(&mut s).line_width, 2.0 * hc);
}

/// The canvas (points) of a `w`×`h` window with `s` after a few frames.
fn canvas_width(s: &mut ExplorerState, w: f32, h: f32) -> (f32, egui::Rect, Vec<egui::Rect>) {
    let ctx = Context::default();
    let raw = || RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(w, h),
        )),
        ..RawInput::default()
    };
    let mut last = None;
    for _ in 0..4 {
        let (out, placed) = run_frame(&ctx, raw(), s, FieldFacts::default(), (w as u32, h as u32));
        let clips = out.shapes.iter().map(|c| c.clip_rect).collect();
        let screen = ctx.content_rect();
        out.drop_without_applying_deltas();
        last = Some((placed.canvas.expect("a canvas").width(), screen, clips));
    }
    last.expect("frames ran")
}

/// Reproduces issue 13's "Ctrl+= grows the panel until the canvas is a strip" and "at 150%
/// with a pin the right panel is cut off": at every UI scale, with both panels, the canvas
/// keeps 60% of the window and nothing is painted beyond the window's edge.
#[test]
fn the_canvas_keeps_sixty_percent_of_the_window_at_every_scale() {
    for with_slices in [false, true] {
        let (l, r) = panel_max_widths(1000.0, with_slices);
        assert!(l + r <= 400.0, "panel shares {l} + {r} of 1000");
    }
    for scale in [1.0, 1.5, 2.0, 3.0] {
        let mut s = bowl();
        s.set_pin((0.5, 0.5));
        s.doc.ui_scale = scale;
        let (canvas, screen, clips) = canvas_width(&mut s, 1920.0, 1080.0);
        assert!(
            canvas >= 0.6 * screen.width() - 1.0,
            "UI scale {scale}: canvas {canvas:.0} of {:.0} points",
            screen.width()
        );
        for c in clips.iter().filter(|c| c.is_positive()) {
            assert!(
                c.max.x <= screen.max.x + 0.5,
                "UI scale {scale}: painted up to {:.0}, the window ends at {:.0}",
                c.max.x,
                screen.max.x
            );
        }
    }
}

/// Presentation mode folds the panels into a strip: the canvas takes nearly the window.
#[test]
fn presentation_mode_gives_the_canvas_the_window() {
    let mut s = bowl();
    s.set_pin((0.5, 0.5));
    s.key(KeyPress::plain(Key::F5));
    assert!(s.doc.present);
    let (canvas, screen, _) = canvas_width(&mut s, 1920.0, 1080.0);
    assert!(
        canvas >= 0.97 * screen.width(),
        "canvas {canvas:.0} of {:.0}",
        screen.width()
    );
}

#[test]
fn explore_flags_set_presentation_theme_and_ui_scale() {
    let args = ExploreArgs {
        present: true,
        theme: Some("light".into()),
        ui_scale: Some(150.0),
        ..ExploreArgs::default()
    };
    let s = initial_state(&args).expect("opens");
    assert!(s.doc.present);
    assert_eq!(s.doc.theme, Theme::Light);
    assert_eq!(s.doc.ui_scale, 1.5);
    let plain = initial_state(&ExploreArgs::default()).expect("opens");
    assert!(!plain.doc.present);
}

/// The text of every painted text shape with its font size (points) and where it ends
/// (points).
fn painted_text(out: &egui::FullOutput) -> Vec<(String, f32, f32)> {
    fn walk(shape: &egui::Shape, into: &mut Vec<(String, f32, f32)>) {
        match shape {
            egui::Shape::Text(t) => {
                let size = t
                    .galley
                    .job
                    .sections
                    .first()
                    .map_or(0.0, |s| s.format.font_id.size);
                into.push((
                    t.galley.text().to_string(),
                    size,
                    t.pos.x + t.galley.size().x,
                ));
            }
            egui::Shape::Vec(v) => v.iter().for_each(|s| walk(s, into)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for c in &out.shapes {
        walk(&c.shape, &mut found);
    }
    found
}

/// The panel's 3D section is typeset as the other sections at every UI scale: its labels in
/// the same type as "contour levels" beside them, and inside the panel (the panel's words
/// end where its other words do, not beyond the canvas's edge).
#[test]
fn the_surface_section_is_typeset_as_the_others_at_every_scale() {
    for &scale in &UI_SCALE_STEPS {
        let mut s = bowl();
        s.doc.canvas = gradfield::document::CanvasMode::Surface;
        s.doc.ui_scale = scale;
        let ctx = Context::default();
        // Tall enough that the whole panel is painted at the largest scale.
        let (w, h) = (1920.0, 12_000.0);
        let raw = || RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(w, h),
            )),
            ..RawInput::default()
        };
        let mut text = Vec::new();
        let mut canvas_left = 0.0;
        for _ in 0..3 {
            let (out, placed) = run_frame(
                &ctx,
                raw(),
                &mut s,
                FieldFacts::default(),
                (w as u32, h as u32),
            );
            text = painted_text(&out);
            canvas_left = placed.canvas.expect("a canvas").min.x;
            out.drop_without_applying_deltas();
        }
        let size_of = |words: &str| {
            text.iter()
                .find(|(t, _, _)| t == words)
                .unwrap_or_else(|| panic!("UI scale {scale}: {words:?} is painted: {text:?}"))
        };
        let body = size_of("contour levels").1;
        for words in [
            "View (D)",
            "vertical scale",
            "floor contours",
            "reset camera",
            "surface",
        ] {
            let (_, size, right) = size_of(words);
            assert_eq!(
                *size, body,
                "UI scale {scale}: {words:?} in the panel's type"
            );
            assert!(
                *right <= canvas_left + 0.5,
                "UI scale {scale}: {words:?} ends at {right}, the canvas starts at {canvas_left}"
            );
        }
        assert!(
            text.iter()
                .any(|(t, _, _)| t.starts_with("camera: azimuth −60°")),
            "UI scale {scale}: the camera read-out"
        );
    }
}

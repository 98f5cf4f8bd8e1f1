//! The explorer never quits or loses work on its own: a view that stops fitting the window is
//! replaced by the nearest drawable one, a panel dragged wide leaves the canvas its share,
//! exports refuse a canvas too small to show anything, and the scene dialog neither writes a
//! non-scene name nor replaces a file without asking. State tests without a window, then the
//! issue's reproducers in a real window under Xvfb.

mod common_window;

use common_window::{have, read_png, xvfb_script};
use std::process::Command;

use gradfield::app::exports::{too_small_to_export, MIN_EXPORT_SIDE};
use gradfield::app::{DialogMode, ExplorerState, Key, KeyPress};
use gradfield::expr::Function;
use gradfield::View;

const EXE: &str = env!("CARGO_BIN_EXE_gradfield");

fn state(view: View) -> ExplorerState {
    let f = Function::parse("x^2 + y^2").expect("the bowl parses");
    ExplorerState::new(f, view)
}

// Reproducer: `explore --view=-1e15,1e15,-1e15,1e15 --window 1280x400` exited with "view:
// coordinates beyond ±1e15 are not supported" once the square view was widened to the canvas.
#[test]
fn a_view_widened_beyond_the_limit_by_a_resize_is_clamped_with_a_message() {
    let mut s = state(View::new(-1e15, 1e15, -1e15, 1e15).unwrap());
    s.set_canvas(800.0, 800.0);
    assert!(
        s.messages.status.is_none(),
        "a square view on a square canvas fits"
    );
    s.set_canvas(1280.0, 400.0);
    let shown = s.shown_view();
    assert!(shown.validate().is_ok(), "{shown:?}");
    assert!(
        (shown.width() / shown.height() - 3.2).abs() < 1e-9,
        "the canvas' aspect"
    );
    let m = s.messages.status.clone().unwrap_or_default();
    assert!(m.starts_with("view adjusted to fit the window"), "{m}");
    assert!(m.contains("1e15"), "says why: {m}");
    // The requested view itself is now drawable, so a later frame does not adjust it again.
    s.messages.status = None;
    s.set_canvas(1280.0, 400.0);
    assert!(s.messages.status.is_none());
}

// Reproducer: zooming out to the limit (about 200 scroll steps), then resizing to 415×610 or
// 3000×300; and zooming fully in, then resizing ("view: too small for 32-bit floats").
#[test]
fn zoomed_to_either_limit_then_resized_every_shape_stays_drawable() {
    for (factor, what) in [(1.25, "out"), (0.8, "in")] {
        let mut s = state(View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
        s.set_canvas(1280.0, 800.0);
        for _ in 0..400 {
            s.scroll(factor, (0.7, -0.3));
        }
        let m = s.messages.status.clone().unwrap_or_default();
        assert!(m.starts_with(&format!("can't zoom {what} further")), "{m}");
        for (w, h) in [(415.0, 610.0), (3000.0, 300.0), (300.0, 3000.0), (1.0, 1.0)] {
            s.set_canvas(w, h);
            let v = s.shown_view();
            assert!(v.validate().is_ok(), "zoomed {what}, {w}×{h}: {v:?}");
            // What a click maps to is a finite point inside the view.
            let (x, y) = s.to_world(w / 2.0, h / 2.0);
            assert!(x.is_finite() && y.is_finite() && v.x0 <= x && x <= v.x1);
        }
    }
}

// Reproducer: a 1×1 canvas recorded 1×1 GIFs and PNGs.
#[test]
fn exports_refuse_a_canvas_too_small_to_show_anything() {
    let mut s = state(View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(1.0, 1.0);
    let why = too_small_to_export(&s).expect("a 1×1 canvas is refused");
    assert!(
        why.contains("1×1") && why.contains(&MIN_EXPORT_SIDE.to_string()),
        "{why}"
    );
    s.set_canvas(f64::from(MIN_EXPORT_SIDE), 599.0);
    assert!(too_small_to_export(&s).is_none());
    s.set_canvas(800.0, f64::from(MIN_EXPORT_SIDE - 1));
    assert!(too_small_to_export(&s).is_some());
}

fn save_as(s: &mut ExplorerState, name: &std::path::Path) {
    s.key(KeyPress::ctrl(Key::S));
    assert_eq!(s.dialogs.scene.mode, Some(DialogMode::Save));
    s.dialogs.scene.path = name.display().to_string();
    s.confirm_scene_dialog();
}

// Reproducer: the save dialog wrote TOML under any name (`x.png`) and replaced files silently.
#[test]
fn the_save_dialog_adds_toml_and_asks_before_replacing_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = state(View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    save_as(&mut s, &dir.path().join("x.png"));
    assert!(
        !dir.path().join("x.png").exists(),
        "no scene under a picture's name"
    );
    let saved = dir.path().join("x.png.toml");
    assert!(saved.exists());
    assert!(!s.dialogs.scene.is_open());
    save_as(&mut s, &dir.path().join("lecture"));
    let lecture = dir.path().join("lecture.toml");
    assert_eq!(
        s.messages.status,
        Some(format!("saved {}", lecture.display()))
    );

    // Saving over it asks first and leaves the file as it was.
    std::fs::write(&lecture, "version = 1\npreset = \"saddle\"\n").expect("writes");
    save_as(&mut s, &lecture);
    assert!(
        s.dialogs.scene.is_open(),
        "waits for the second confirmation"
    );
    assert!(s.overwrite_pending());
    let m = s.messages.status.clone().unwrap_or_default();
    assert!(m.contains("exists") && m.contains("again"), "{m}");
    let kept = std::fs::read_to_string(&lecture).expect("reads");
    assert!(kept.contains("saddle"), "not replaced yet");

    // Another name cancels the pending replacement; coming back asks again.
    s.set_scene_dialog_path(dir.path().join("other").display().to_string());
    assert!(!s.overwrite_pending());
    s.set_scene_dialog_path(lecture.display().to_string());
    s.confirm_scene_dialog();
    assert!(s.dialogs.scene.is_open());
    // The second Enter replaces it.
    s.confirm_scene_dialog();
    assert!(!s.dialogs.scene.is_open());
    let replaced = std::fs::read_to_string(&lecture).expect("reads");
    assert!(
        !replaced.contains("saddle") && replaced.contains("x^2"),
        "{replaced}"
    );
}

// Reproducer, exactly as reported: this exited with status 2.
#[test]
fn a_huge_view_in_a_wide_window_opens_and_saves_instead_of_exiting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shot = dir.path().join("wide.png");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1920x1080x24", EXE, "explore"])
        .args([
            "--view=-1e15,1e15,-1e15,1e15",
            "--window",
            "1280x400",
            "--frames",
            "2",
        ])
        .arg("--screenshot")
        .arg(&shot)
        .output()
        .expect("xvfb-run runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "exit {:?}: {stderr}",
        out.status.code()
    );
    assert_eq!(read_png(&shot).0, 1280);
}

// Reproducer: zoom out to the limit with the wheel, then `xdotool windowsize W 415 610` (and
// 3000×300) ended the explorer; dragging the panel's edge could cover the whole canvas.
#[test]
fn zooming_out_resizing_and_dragging_the_panel_wide_keep_the_explorer_and_its_canvas() {
    assert!(
        have("xdotool"),
        "xdotool is missing: this test drives the window with it (apt-get install xdotool)"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    // A fresh 1280×800 window: the function panel's edge is at its default 380 points. The
    // edge is dragged in small steps to the window's right side, P saves the picture; then the
    // wheel zooms out 300 notches and the window takes the shapes.
    let script = format!(
        "{EXE} explore --preset bowl & pid=$!; \
         wid=$(xdotool search --sync --onlyvisible --name gradfield | head -n 1); \
         xdotool windowfocus --sync \"$wid\"; sleep 1; \
         xdotool mousemove --window \"$wid\" 380 400; sleep 0.3; xdotool mousedown 1; sleep 0.2; \
         for x in 390 420 520 700 900 1100 1275; do \
           xdotool mousemove --window \"$wid\" $x 400; sleep 0.2; done; \
         xdotool mouseup 1; sleep 0.7; xdotool key p; sleep 2; \
         kill -0 $pid && echo survived-drag; \
         xdotool mousemove --window \"$wid\" 1000 400; \
         xdotool click --repeat 300 --delay 4 5; sleep 0.5; \
         for s in '415 610' '3000 300' '1280 800'; do xdotool windowsize \"$wid\" $s; sleep 0.7; done; \
         kill -0 $pid && echo survived-resizes; kill $pid; wait $pid; true"
    );
    let (stdout, stderr) = xvfb_script("1920x1080x24", &script, dir.path());
    assert!(
        stdout.contains("survived-drag"),
        "quit after the drag: {stderr}"
    );
    assert!(
        stdout.contains("survived-resizes"),
        "quit on a resize: {stderr}"
    );
    let shot = dir.path().join("gradfield-screenshot-1.png");
    let (w, h, rgba) = read_png(&shot);
    assert_eq!((w, h), (1280, 800));
    // The heatmap's colours (anything but the near-grey panel and background) along the middle
    // row: the plot keeps well over a quarter of the window however far the edge was dragged.
    let row = (h / 2) as usize;
    let colourful = (0..w as usize)
        .map(|x| &rgba[(row * w as usize + x) * 4..][..3])
        .filter(|p| {
            let (hi, lo) = (p.iter().max().unwrap(), p.iter().min().unwrap());
            hi - lo > 40
        })
        .count();
    assert!(
        colourful as f64 > 0.25 * f64::from(w),
        "only {colourful} of {w} pixels of the middle row show the heatmap"
    );
}

//! The explorer window for real: under Xvfb it runs 30 frames of Himmelblau with a path from
//! (1, 1) and saves what it shows; without any display it refuses with a clear message.

mod common_window;

use common_window::{explore_screenshot, have, read_png, xvfb_script};
use std::collections::HashSet;
use std::process::Command;

const EXE: &str = env!("CARGO_BIN_EXE_gradfield");

#[test]
fn the_window_draws_heatmap_arrows_and_the_path_and_saves_it() {
    assert!(
        have("xvfb-run"),
        "xvfb-run is missing: this test needs a virtual X display (apt-get install xvfb)"
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    let shot = dir.path().join("s.png");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", EXE, "explore"])
        .args(["--preset", "himmelblau", "--start", "1,1", "--frames", "30"])
        .arg("--screenshot")
        .arg(&shot)
        .output()
        .expect("xvfb-run runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "explore failed: {stderr}");
    let (w, h, rgba) = read_png(&shot);
    assert_eq!((w, h), (1280, 800), "the window's size");
    let at = |x: u32, y: u32| {
        let i = ((y * w + x) * 4) as usize;
        [rgba[i], rgba[i + 1], rgba[i + 2]]
    };

    // The canvas is right of the panel (which is < 40% of the width).
    let canvas_x0 = w * 2 / 5;
    let mut colours = HashSet::new();
    let (mut light_grey, mut red) = (0usize, Vec::new());
    for y in 0..h {
        for x in canvas_x0..w {
            let [r, g, b] = at(x, y);
            colours.insert([r, g, b]);
            let spread = r.max(g).max(b) - r.min(g).min(b);
            if r > 150 && spread < 24 {
                light_grey += 1;
            }
            if r > 200 && g < 140 && b < 130 {
                red.push((x, y));
            }
        }
    }
    // A smooth heatmap over ~750×710 pixels has thousands of distinct colours; a blank or
    // flat canvas has a handful.
    assert!(colours.len() > 2000, "only {} colours", colours.len());
    // The arrows (light grey with dark outlines) cover several percent of the plot.
    assert!(light_grey > 10_000, "only {light_grey} light grey pixels");
    // The path (first palette colour, red) starts at (1, 1): in a view [-5, 5]² that is 60%
    // across and 40% down the plot, i.e. roughly 0.55–0.85 of the window's width and
    // 0.25–0.6 of its height (the panel and margins shift it; bounds are generous).
    assert!(red.len() > 50, "only {} path pixels", red.len());
    let near_start = red.iter().filter(|&&(x, y)| {
        let (fx, fy) = (x as f32 / w as f32, y as f32 / h as f32);
        (0.55..0.85).contains(&fx) && (0.25..0.6).contains(&fy)
    });
    assert!(near_start.count() > 30, "no path pixels near the start");
    // Between the panel's widgets the renderer's clear colour (the dark theme's background)
    // shows: egui does not fill the panel, a fill that cost ~25 ms a frame on lavapipe. The
    // panel is taller than this window and scrolls, so there is no blank area below its last
    // widget: most of its pixels are the gaps between text and controls instead.
    let panel_w = w / 4;
    let clear = (0..h)
        .flat_map(|y| (0..panel_w).map(move |x| (x, y)))
        .filter(|&(x, y)| at(x, y) == [24, 24, 28])
        .count();
    let share = clear as f64 / f64::from(panel_w * h);
    assert!(
        share > 0.5,
        "only {:.0}% of the panel shows the clear colour",
        100.0 * share
    );
}

#[test]
fn without_a_display_explore_says_so_and_exits_1() {
    let out = Command::new(EXE)
        .args(["explore", "--preset", "bowl"])
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "error: no display found; use `gradfield render` to draw to a PNG without a window"
        ),
        "{stderr}"
    );
}

/// A paused scene (the path stays at its start), so two runs draw the same canvas.
const PAUSED: &str = "version = 1\npreset = \"himmelblau\"\n[optimizer]\nplaying = false\n[[paths]]\nstart = [1, 1]\n";

fn run_explorer(scene: &std::path::Path, shot: &std::path::Path, lose_at: Option<u32>) -> String {
    let mut cmd = Command::new("xvfb-run");
    cmd.args([
        "-a",
        "-s",
        "-screen 0 1280x800x24",
        EXE,
        "explore",
        "--frames",
        "12",
    ])
    .arg("--scene")
    .arg(scene)
    .arg("--screenshot")
    .arg(shot);
    if let Some(n) = lose_at {
        cmd.env("GRADFIELD_LOSE_DEVICE_AT_FRAME", n.to_string());
    }
    let out = cmd.output().expect("xvfb-run runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "explore failed: {stderr}");
    stderr
}

#[test]
fn a_lost_device_is_rebuilt_and_the_demo_goes_on() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let scene = dir.path().join("paused.toml");
    std::fs::write(&scene, PAUSED).expect("writes the scene");
    let (plain, lost) = (dir.path().join("plain.png"), dir.path().join("lost.png"));
    run_explorer(&scene, &plain, None);
    // The device is destroyed at the start of frame 4, as a driver reset would do it.
    let stderr = run_explorer(&scene, &lost, Some(4));
    assert!(
        stderr.contains("the GPU device was lost") && stderr.contains("rebuilt it"),
        "no recovery reported: {stderr}"
    );
    let (w, h, a) = read_png(&plain);
    let (w2, h2, b) = read_png(&lost);
    assert_eq!((w, h), (w2, h2));
    // The canvas (right of the panel) shows the same function, view, layers and path as a
    // run whose device was never lost; only the panel's status line differs.
    let canvas_x0 = w * 2 / 5;
    let differing = (0..h)
        .flat_map(|y| (canvas_x0..w).map(move |x| ((y * w + x) * 4) as usize))
        .filter(|&i| a[i..i + 3] != b[i..i + 3])
        .count();
    assert_eq!(
        differing, 0,
        "the canvas changed after the device was rebuilt"
    );
}

#[test]
fn resizing_to_a_sliver_and_back_reconfigures_the_surface_and_goes_on() {
    assert!(
        have("xdotool"),
        "xdotool is missing: this test resizes the window with it (apt-get install xdotool)"
    );
    let dir = tempfile::tempdir().expect("a temporary directory");
    // The window is resized while it animates: to 640×400, to 1×1 (nothing fits: the surface
    // is reconfigured and frames are skipped or drawn tiny), then to 900×700; there P saves a
    // screenshot (into the working directory) and the explorer, still running, is stopped.
    let script = format!(
        "{EXE} explore --preset bowl --start=2,2 & pid=$!; \
         wid=$(xdotool search --sync --onlyvisible --name gradfield | head -n 1); \
         for s in '640 400' '1 1' '900 700'; do xdotool windowsize \"$wid\" $s; sleep 0.5; done; \
         xdotool windowfocus --sync \"$wid\" key p; sleep 1.5; \
         kill -0 $pid && echo still-running; kill $pid; wait $pid; true"
    );
    let (stdout, stderr) = xvfb_script("1280x800x24", &script, dir.path());
    assert!(
        stdout.contains("still-running"),
        "the explorer did not survive the resizes: {stderr}"
    );
    let shot = dir.path().join("gradfield-screenshot-1.png");
    assert!(shot.exists(), "P saved no screenshot: {stderr}");
    let (w, h, rgba) = read_png(&shot);
    assert_eq!(
        (w, h),
        (900, 700),
        "the screenshot has the window's final size"
    );
    let distinct: HashSet<[u8; 3]> = rgba.chunks_exact(4).map(|p| [p[0], p[1], p[2]]).collect();
    assert!(distinct.len() > 50, "the resized window draws the plot");
}

#[test]
fn two_identical_scripted_runs_save_the_same_picture() {
    // Issue 13: `explore --frames N --screenshot` advanced the paths by the wall clock, so two
    // identical runs stopped them at different steps (28 and 23). With --frames each frame is
    // 1/60 s. The path from (-4, 4) with a small η is still moving after 40 frames.
    let dir = tempfile::tempdir().expect("a temporary directory");
    let run = |name: &str| {
        let args = [
            "--preset",
            "himmelblau",
            "--start=-4,4",
            "--lr",
            "0.002",
            "--window",
            "640x400",
            "--frames",
            "40",
        ];
        explore_screenshot("800x600x24", &args, &dir.path().join(name))
    };
    let (first, second) = (run("a.png"), run("b.png"));
    assert_eq!((first.0, first.1), (second.0, second.1), "the same size");
    let differing = first
        .2
        .iter()
        .zip(&second.2)
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(
        differing, 0,
        "{differing} bytes of the two screenshots differ"
    );
}

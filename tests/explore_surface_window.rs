//! The 3D view in the explorer window for real (issue 14), under Xvfb on whatever adapter is
//! there: `--3d` draws the landscape with the path riding it, `--split` the map and the
//! surface side by side, and a drag on the surface orbits the camera (the picture changes)
//! while resizes to odd shapes keep the explorer running.

mod common_window;

use common_window::{explore_screenshot, have, read_png, xvfb_script};
use std::collections::HashSet;
use std::path::Path;

const EXE: &str = env!("CARGO_BIN_EXE_gradfield");

fn need_xvfb() {
    assert!(
        have("xvfb-run"),
        "xvfb-run is missing: this test needs a virtual X display (apt-get install xvfb)"
    );
}

/// Runs the explorer for 30 frames with `args` and returns its screenshot.
fn shot(args: &[&str], dir: &Path) -> (u32, u32, Vec<u8>) {
    let args: Vec<&str> = args.iter().copied().chain(["--frames", "30"]).collect();
    explore_screenshot("1280x800x24", &args, &dir.join("s.png"))
}

fn rgb(img: &(u32, u32, Vec<u8>), x: u32, y: u32) -> [u8; 3] {
    let i = ((y * img.0 + x) * 4) as usize;
    [img.2[i], img.2[i + 1], img.2[i + 2]]
}

/// Distinct colours and the first palette colour's (red) pixels in columns `x0..x1`.
fn colours_and_red(img: &(u32, u32, Vec<u8>), x0: u32, x1: u32) -> (usize, usize) {
    let mut colours = HashSet::new();
    let mut red = 0;
    for y in 0..img.1 {
        for x in x0..x1 {
            let [r, g, b] = rgb(img, x, y);
            colours.insert([r, g, b]);
            if r > 200 && g < 140 && b < 130 {
                red += 1;
            }
        }
    }
    (colours.len(), red)
}

#[test]
fn the_3d_view_draws_the_lit_landscape_and_the_path_on_it() {
    need_xvfb();
    let dir = tempfile::tempdir().expect("temp dir");
    let img = shot(
        &["--preset", "himmelblau", "--3d", "--start", "1,1"],
        dir.path(),
    );
    assert_eq!((img.0, img.1), (1280, 800));
    // Right of the panel: a lit, coloured mesh has thousands of shades; a canvas the surface
    // never reached is a handful of flat colours.
    let (colours, red) = colours_and_red(&img, img.0 * 2 / 5, img.0);
    assert!(colours > 2000, "only {colours} colours on the canvas");
    assert!(red > 40, "only {red} pixels of the red path and its ball");
}

#[test]
fn split_mode_draws_the_map_and_the_surface_side_by_side() {
    need_xvfb();
    let dir = tempfile::tempdir().expect("temp dir");
    let img = shot(
        &["--preset", "himmelblau", "--split", "--start", "1,1"],
        dir.path(),
    );
    // The canvas (right of the panel) in two halves: each is drawn (many colours) and each
    // shows the red path.
    let (x0, x1) = (img.0 * 2 / 5, img.0);
    let mid = (x0 + x1) / 2;
    for (what, a, b) in [("left", x0, mid - 20), ("right", mid + 20, x1)] {
        let (colours, red) = colours_and_red(&img, a, b);
        assert!(colours > 1000, "the {what} half: only {colours} colours");
        assert!(red > 20, "the {what} half: only {red} red pixels");
    }
    // Between them a column of the background runs down the plot's middle rows.
    let background = rgb(&img, img.0 - 2, 2);
    let gap = (x0..x1).any(|x| (img.1 / 3..img.1 * 2 / 3).all(|y| rgb(&img, x, y) == background));
    assert!(
        gap,
        "no gap of the background {background:?} between map and surface"
    );
}

#[test]
fn a_drag_on_the_surface_orbits_it_and_resizes_keep_the_explorer() {
    need_xvfb();
    assert!(
        have("xdotool"),
        "xdotool is missing: this test drives the window with it (apt-get install xdotool)"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    // P saves a screenshot before and after a drag across the surface; then the window takes
    // shapes a projector or a tiling window manager may give it.
    let script = format!(
        "{EXE} explore --preset himmelblau --3d & pid=$!; \
         wid=$(xdotool search --sync --onlyvisible --name gradfield | head -n 1); \
         xdotool windowfocus --sync \"$wid\"; sleep 3; xdotool key p; sleep 2; \
         xdotool mousemove --window \"$wid\" 800 400; sleep 0.3; xdotool mousedown 1; \
         for x in 820 860 900 960 1020; do \
           xdotool mousemove --window \"$wid\" $x 420; sleep 0.2; done; \
         xdotool mouseup 1; sleep 2; xdotool key p; sleep 2; \
         for s in '415 610' '3000 300' '300 900' '1280 800'; do \
           xdotool windowsize \"$wid\" $s; sleep 1; done; \
         kill -0 $pid && echo survived-resizes; kill $pid; wait $pid; true"
    );
    let (stdout, stderr) = xvfb_script("1920x1080x24", &script, dir.path());
    assert!(
        stdout.contains("survived-resizes"),
        "quit on a resize: {stderr}"
    );
    let before = read_png(&dir.path().join("gradfield-screenshot-1.png"));
    let after = read_png(&dir.path().join("gradfield-screenshot-2.png"));
    assert_eq!((before.0, before.1), (after.0, after.1));
    let x0 = before.0 / 2;
    let changed = (0..before.1)
        .flat_map(|y| (x0..before.0).map(move |x| (x, y)))
        .filter(|&(x, y)| rgb(&before, x, y) != rgb(&after, x, y))
        .count();
    let share = changed as f64 / f64::from((before.0 - x0) * before.1);
    assert!(
        share > 0.2,
        "the drag changed only {:.1}% of the canvas's right half",
        100.0 * share
    );
}

//! The explorer's 3D view as plain state, frame by frame: the colour range's heights, the
//! scene round trip and the command line's `--3d` and `--split`, a switch of canvas drawing
//! one refined frame, and split mode keeping the map's path labels in its half.

mod common;
#[path = "explore_surface/support.rs"]
mod support;

use gradfield::app::{Button, Key, KeyPress};
use gradfield::document::CanvasMode;
use gradfield::surface::Heights;
use support::{drag, explorer, miss};

#[test]
fn the_colour_ranges_heights_map_the_surface_box() {
    let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
    let h = Heights::linear(0.0, 18.0);
    s.view3d.heights = Some(h);
    s.doc.surface.vscale = 2.0;
    let b = s.surface_box();
    assert_eq!(b.heights, h);
    assert_eq!(b.view, s.shown_view());
    let top = b.z(18.0).expect("the top of the range");
    assert!((top - b.height).abs() < 1e-12 && (b.height - 2.0 * 0.8).abs() < 1e-12);
    let f = s.surface_frame();
    assert_eq!((f.size.x, f.size.y), (800.0, 600.0));
    // From the range pass's read-back: its mapped range and log offsets, as f64.
    let r = gradfield::render::RangeResult {
        lo: 1.0,
        hi: 100.0,
        vlo: 0.0,
        vhi: 2.0,
        delta: 0.5,
        shift: 0.25,
        count: 10,
        ..bytemuck::Zeroable::zeroed()
    };
    s.set_range_heights(&r, true);
    let want = Heights {
        log: true,
        vlo: 0.0,
        vhi: 2.0,
        delta: 0.5,
        shift: 0.25,
    };
    assert_eq!(s.view3d.heights, Some(want));
    assert!(s.view3d.needs_redraw(), "the mesh is drawn anew");
    // A range with nothing defined keeps the last heights.
    s.set_range_heights(&gradfield::render::RangeResult { count: 0, ..r }, false);
    assert_eq!(s.view3d.heights, Some(want));
}

#[test]
fn the_3d_view_round_trips_through_a_scene() {
    let mut s = explorer(CanvasMode::Split, 1000.0, 600.0);
    s.key(KeyPress::plain(Key::D));
    assert_eq!(s.doc.canvas, CanvasMode::Map, "split → map");
    s.key(KeyPress::plain(Key::D));
    assert_eq!(s.doc.canvas, CanvasMode::Surface);
    s.key(KeyPress::shift(Key::Left));
    s.plot_scroll(1.7, 400.0, 300.0);
    drag(
        &mut s,
        (400.0, 300.0),
        (10.0, 25.0),
        Button::Middle,
        false,
        &miss,
    );
    s.doc.surface.vscale = 3.5;
    s.doc.surface.tangent_plane = true;
    s.doc.surface.floor_contours = false;
    let doc = s.document();
    let text = gradfield::scene::to_toml(&doc).expect("writes");
    let back = gradfield::scene::parse(&text, "s.toml").expect("reads");
    assert_eq!(back, doc);
    let mut t = explorer(CanvasMode::Map, 1000.0, 600.0);
    t.apply_scene(&back).expect("applies");
    assert_eq!(t.doc.canvas, CanvasMode::Surface);
    assert_eq!(t.doc.surface, doc.surface);
    assert_eq!(
        t.canvas,
        (1000.0, 600.0),
        "the layout follows the scene's canvas"
    );
    let mut u = explorer(CanvasMode::Map, 1000.0, 600.0);
    let mut split = back.clone();
    split.canvas = CanvasMode::Split;
    u.apply_scene(&split).expect("applies");
    assert!(u.canvas.0 < 500.0, "the map takes its half: {:?}", u.canvas);
}

/// `explore --3d` opens on the surface, `--split` on both; typed beside `--scene` they win
/// over its `[surface] canvas` and keep its camera.
#[test]
fn explore_3d_and_split_open_on_the_surface_over_a_scene() {
    use gradfield::cli::{explore::initial_state, ExploreArgs};
    let plain = initial_state(&ExploreArgs::default()).expect("opens");
    assert_eq!(plain.doc.canvas, CanvasMode::Map);
    let three = ExploreArgs {
        three_d: true,
        ..ExploreArgs::default()
    };
    assert_eq!(
        initial_state(&three).expect("opens").doc.canvas,
        CanvasMode::Surface
    );
    let split = ExploreArgs {
        split: true,
        ..ExploreArgs::default()
    };
    assert_eq!(
        initial_state(&split).expect("opens").doc.canvas,
        CanvasMode::Split
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.toml");
    let text = "version = 1\npreset = \"saddle\"\n[surface]\ncanvas = \"3d\"\nazimuth = 120\n";
    std::fs::write(&path, text).expect("writes");
    let scene = ExploreArgs {
        scene: Some(path.clone()),
        ..ExploreArgs::default()
    };
    let s = initial_state(&scene).expect("opens");
    assert_eq!(
        (s.doc.canvas, s.doc.surface.camera.azimuth),
        (CanvasMode::Surface, 120.0)
    );
    let over = ExploreArgs {
        scene: Some(path),
        split: true,
        ..ExploreArgs::default()
    };
    let s = initial_state(&over).expect("opens");
    assert_eq!(
        (s.doc.canvas, s.doc.surface.camera.azimuth),
        (CanvasMode::Split, 120.0)
    );
}

/// Switching the canvas asks for one frame but is no camera move (no coarse mesh): D on the
/// map, the panel's View row and a scene each redraw once and then rest.
#[test]
fn switching_the_canvas_redraws_once_without_a_coarse_frame() {
    let mut s = explorer(CanvasMode::Map, 800.0, 600.0);
    s.key(KeyPress::plain(Key::D));
    assert!(!s.view3d.camera_moving(), "no coarse mesh for a new layout");
    assert!(s.view3d.needs_redraw());
    s.view3d.drawn(false);
    assert!(!s.view3d.needs_redraw());
    s.set_canvas_mode(CanvasMode::Split);
    assert!(s.view3d.needs_redraw() && !s.view3d.camera_moving());
}

/// Side by side, a path label beside the map's right edge is kept inside the map's half
/// instead of reaching over the surface (the labels' bounds end at the map's edge).
#[test]
fn split_mode_keeps_the_maps_path_labels_out_of_the_surfaces_half() {
    use gradfield::app::frame::{run_frame, FieldFacts};
    let mut s = common::bowl_explorer();
    s.doc.canvas = CanvasMode::Split;
    s.doc.hyper.lr = 1e-4;
    s.add_path_at(2.9, 2.5);
    for _ in 0..10 {
        s.tick(0.1);
    }
    assert!(
        s.running.paths[0].path.iterations() > 0,
        "the path has a label"
    );
    let ctx = egui::Context::default();
    let raw = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..egui::RawInput::default()
    };
    let mut placed = None;
    for _ in 0..3 {
        let (out, p) = run_frame(&ctx, raw(), &mut s, FieldFacts::default(), (1920, 1080));
        out.drop_without_applying_deltas();
        placed = Some(p);
    }
    let placed = placed.expect("a frame");
    let map = placed.layout.expect("a layout").plot;
    let right = (map.x + map.w) as f32;
    assert!(!placed.label_boxes.is_empty(), "the path's label is drawn");
    for b in &placed.label_boxes {
        assert!(
            b.rect.x + b.rect.w <= right + 0.5,
            "label box {:?} reaches past the map's right edge {right}",
            b.rect
        );
    }
}

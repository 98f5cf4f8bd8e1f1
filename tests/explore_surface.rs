//! The explorer's 3D view as plain state, without a window: the canvas layout, the camera's
//! gestures over the surface (drag orbits, scroll zooms, middle- or Ctrl+drag pans, a click
//! picks the surface point and starts a path, Shift+click pins), the keys (D, Home, the
//! arrows), split mode's routing and linked pointer and the "camera moving" flag that settles
//! (frame-level state is in `explore_surface_frame.rs`).

mod common;

use std::cell::Cell;

use egui::{pos2, vec2, Rect};
use gradfield::app::view3d::{
    ORBIT_KEY_COARSE_DEG, ORBIT_KEY_DEG, SETTLE_CAMERA_SECONDS, SPLIT_GAP,
};
use gradfield::app::{canvas_rects, Button, Half, Key, KeyPress};
use gradfield::document::CanvasMode;
use gradfield::surface::Camera;

#[path = "explore_surface/support.rs"]
mod support;

use support::{drag, explorer, hit, miss};

#[test]
fn the_canvas_is_laid_out_as_the_mode_says() {
    let plot = Rect::from_min_size(pos2(10.0, 20.0), vec2(1000.0, 600.0));
    assert_eq!(canvas_rects(plot, CanvasMode::Map), (Some(plot), None));
    assert_eq!(canvas_rects(plot, CanvasMode::Surface), (None, Some(plot)));
    let (map, surface) = canvas_rects(plot, CanvasMode::Split);
    let (map, surface) = (map.expect("a map"), surface.expect("a surface"));
    // Side by side, the map on the left, a gap between, together the whole plot.
    assert_eq!(map.min, plot.min);
    assert_eq!(surface.max, plot.max);
    assert_eq!(map.height(), plot.height());
    assert_eq!(map.width(), surface.width());
    assert!((surface.min.x - map.max.x - SPLIT_GAP).abs() < 1e-3);
    // In a tall window one above the other, the map on top.
    let tall = Rect::from_min_size(pos2(0.0, 0.0), vec2(500.0, 900.0));
    let (map, surface) = canvas_rects(tall, CanvasMode::Split);
    let (map, surface) = (map.expect("a map"), surface.expect("a surface"));
    assert_eq!((map.width(), surface.width()), (500.0, 500.0));
    assert!(map.max.y < surface.min.y && (surface.min.y - map.max.y - SPLIT_GAP).abs() < 1e-3);
    assert_eq!(surface.max, tall.max);
    // An odd width: the halves stay whole pixels and equal, the gap takes the odd one.
    let odd = Rect::from_min_size(pos2(0.0, 0.0), vec2(1001.0, 600.0));
    let (map, surface) = canvas_rects(odd, CanvasMode::Split);
    let (map, surface) = (map.expect("a map"), surface.expect("a surface"));
    assert_eq!((map.width(), surface.width()), (496.0, 496.0));
    assert_eq!(surface.min.x - map.max.x, SPLIT_GAP + 1.0);
    // A plot a few pixels across still gives two non-negative rects.
    let tiny = Rect::from_min_size(pos2(0.0, 0.0), vec2(3.0, 2.0));
    let (map, surface) = canvas_rects(tiny, CanvasMode::Split);
    assert!(map.expect("a map").width() >= 0.0 && surface.expect("a surface").width() >= 0.0);
    // The map's canvas is its half: its pixel maths follow the layout.
    let s = explorer(CanvasMode::Split, 1000.0, 600.0);
    assert_eq!(s.canvas, (f64::from((1000.0 - SPLIT_GAP) / 2.0), 600.0));
    let s = explorer(CanvasMode::Surface, 1000.0, 600.0);
    assert_eq!(s.canvas, (1000.0, 600.0));
}

#[test]
fn a_drag_on_the_surface_orbits_by_the_expected_degrees_and_picks_nothing() {
    let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
    let calls = Cell::new(0);
    let pick = hit((1.0, 1.0), &calls);
    let before = s.doc.surface.camera;
    drag(
        &mut s,
        (400.0, 300.0),
        (80.0, -40.0),
        Button::Primary,
        false,
        &pick,
    );
    let after = s.doc.surface.camera;
    // 180° across the longer side of the 800-pixel viewport: 80 px right turns the azimuth
    // back by 18°; 40 px up lowers the elevation by 9° (matplotlib's direction).
    let per_px = 180.0 / 800.0;
    assert!(
        (after.azimuth - (before.azimuth - 80.0 * per_px)).abs() < 1e-9,
        "{after:?}"
    );
    assert!(
        (after.elevation - (before.elevation - 40.0 * per_px)).abs() < 1e-9,
        "{after:?}"
    );
    assert_eq!((after.zoom, after.pan), (before.zoom, before.pan));
    assert!(s.running.paths.is_empty(), "a drag starts no path");
    assert_eq!(s.doc.view, s.doc.home, "the map's view stays");
    // While dragging the hover is not picked (only the move before the press would be).
    assert_eq!(calls.get(), 0, "a drag never ray-casts");
}

#[test]
fn scroll_zooms_and_middle_or_ctrl_drag_pans_the_camera() {
    let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
    s.plot_scroll(2.0, 400.0, 300.0);
    assert_eq!(s.doc.surface.camera.zoom, 2.0);
    s.plot_scroll(0.25, 400.0, 300.0);
    assert_eq!(s.doc.surface.camera.zoom, 0.5);
    s.plot_scroll(f64::NAN, 400.0, 300.0);
    assert_eq!(
        s.doc.surface.camera.zoom, 0.5,
        "a non-finite scroll is ignored"
    );
    assert_eq!(s.doc.view, s.doc.home, "the map's view stays");
    for (button, ctrl) in [(Button::Middle, false), (Button::Primary, true)] {
        let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
        let angles = (s.doc.surface.camera.azimuth, s.doc.surface.camera.elevation);
        drag(&mut s, (400.0, 300.0), (60.0, 30.0), button, ctrl, &miss);
        let c = s.doc.surface.camera;
        assert_ne!(c.pan, [0.0; 3], "{button:?} ctrl {ctrl}: pans");
        assert!(c.pan.iter().all(|p| p.is_finite()));
        assert_eq!((c.azimuth, c.elevation), angles, "panning does not orbit");
        assert!(s.running.paths.is_empty());
        assert!(s.messages.status.is_none(), "a drag is no missed click");
    }
}

#[test]
fn a_click_picks_once_and_starts_one_path_there_a_drag_past_the_threshold_does_not() {
    let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
    let calls = Cell::new(0);
    let pick = hit((1.25, -0.5), &calls);
    // A press and release 3 px apart: below the click threshold, so a click.
    s.plot_pointer_down(400.0, 300.0, Button::Primary, false, false);
    calls.set(0);
    s.plot_pointer_move(402.0, 302.0, false, &pick);
    s.plot_pointer_up(402.0, 302.0, &pick);
    assert_eq!(calls.get(), 1, "the release picks once");
    assert_eq!(s.running.paths.len(), 1, "exactly one path");
    assert_eq!(
        s.running.paths[0].path.start,
        (1.25, -0.5),
        "at the picked point"
    );
    assert_eq!(s.doc.paths[0].start, (1.25, -0.5), "in the document");
    assert_eq!(
        s.doc.surface.camera,
        Camera::default(),
        "a click does not orbit"
    );
    // Past the threshold it is a drag: no pick at the release, no path.
    calls.set(0);
    drag(
        &mut s,
        (400.0, 300.0),
        (6.0, 0.0),
        Button::Primary,
        false,
        &pick,
    );
    assert_eq!((calls.get(), s.running.paths.len()), (0, 1));
    // Shift+click pins the picked point instead.
    s.plot_pointer_down(100.0, 100.0, Button::Primary, true, false);
    s.plot_pointer_up(100.0, 100.0, &pick);
    assert_eq!(s.doc.pin, Some((1.25, -0.5)));
    assert_eq!(s.running.paths.len(), 1, "Shift+click starts no path");
    // A right click on the surface removes the path at the picked point, as on the map.
    s.plot_pointer_down(100.0, 100.0, Button::Secondary, false, false);
    s.plot_pointer_up(100.0, 100.0, &pick);
    assert!(s.running.paths.is_empty());
}

#[test]
fn a_click_off_the_surface_starts_nothing_and_says_so() {
    let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
    s.plot_pointer_down(5.0, 5.0, Button::Primary, false, false);
    s.plot_pointer_up(5.0, 5.0, &miss);
    assert!(s.running.paths.is_empty() && s.doc.paths.is_empty());
    let status = s.messages.status.clone().expect("the status line says why");
    assert!(status.contains("no surface under the pointer"), "{status}");
    s.plot_pointer_down(5.0, 5.0, Button::Primary, true, false);
    s.plot_pointer_up(5.0, 5.0, &miss);
    assert_eq!(s.doc.pin, None, "a Shift+click that misses pins nothing");
}

#[test]
fn home_resets_the_camera_and_the_view() {
    let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
    drag(
        &mut s,
        (400.0, 300.0),
        (100.0, 50.0),
        Button::Primary,
        false,
        &miss,
    );
    drag(
        &mut s,
        (400.0, 300.0),
        (30.0, 30.0),
        Button::Middle,
        false,
        &miss,
    );
    s.plot_scroll(3.0, 400.0, 300.0);
    s.drag_pan(1.0, 0.5);
    assert_ne!(s.doc.surface.camera, Camera::default());
    assert!(s.key(KeyPress::plain(Key::Home)));
    assert_eq!(s.doc.surface.camera, Camera::default());
    assert_eq!(s.doc.view, s.doc.home);
}

#[test]
fn arrows_orbit_on_the_surface_and_move_the_cursor_on_the_map() {
    let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
    let c0 = s.doc.surface.camera;
    s.key(KeyPress::plain(Key::Right));
    assert_eq!(s.doc.surface.camera.azimuth, c0.azimuth - ORBIT_KEY_DEG);
    s.key(KeyPress::shift(Key::Left));
    assert_eq!(
        s.doc.surface.camera.azimuth,
        c0.azimuth - ORBIT_KEY_DEG + ORBIT_KEY_COARSE_DEG
    );
    s.key(KeyPress::plain(Key::Up));
    assert_eq!(
        s.doc.surface.camera.elevation,
        c0.elevation + ORBIT_KEY_DEG,
        "up raises the eye"
    );
    s.key(KeyPress::shift(Key::Down));
    assert_eq!(
        s.doc.surface.camera.elevation,
        c0.elevation + ORBIT_KEY_DEG - ORBIT_KEY_COARSE_DEG
    );
    assert!(s.cursor_px().is_none(), "no keyboard cursor on the surface");
    // Held against the top: the elevation stops at 89°.
    for _ in 0..20 {
        s.key(KeyPress::shift(Key::Up));
    }
    assert_eq!(s.doc.surface.camera.elevation, 89.0);
    // On the map the arrows move the cursor and leave the camera.
    let mut m = explorer(CanvasMode::Map, 800.0, 600.0);
    m.key(KeyPress::plain(Key::Right));
    m.key(KeyPress::plain(Key::Right));
    assert!(m.cursor_px().is_some(), "the cursor is shown");
    assert_eq!(m.doc.surface.camera, Camera::default());
}

#[test]
fn split_mode_routes_each_half_and_links_the_pointer() {
    let mut s = explorer(CanvasMode::Split, 1000.0, 600.0);
    let (map, surface) = s.plot_rects();
    let (map, surface) = (map.expect("map"), surface.expect("surface"));
    let on_map = (f64::from(map.center().x), f64::from(map.center().y));
    let on_surface = (f64::from(surface.center().x), f64::from(surface.center().y));
    assert_eq!(s.half_at(on_map.0, on_map.1).map(|h| h.0), Some(Half::Map));
    assert_eq!(
        s.half_at(on_surface.0, on_surface.1).map(|h| h.0),
        Some(Half::Surface)
    );
    let gap_x = f64::from(map.max.x + SPLIT_GAP / 2.0);
    assert_eq!(s.half_at(gap_x, 300.0), None, "the gap is neither");
    // A drag on the map pans the view and leaves the camera.
    drag(&mut s, on_map, (50.0, 20.0), Button::Primary, false, &miss);
    assert_ne!(s.doc.view, s.doc.home, "the map pans");
    assert_eq!(s.doc.surface.camera, Camera::default());
    // A drag on the surface orbits and leaves the view.
    let view = s.doc.view;
    drag(
        &mut s,
        on_surface,
        (50.0, 0.0),
        Button::Primary,
        false,
        &miss,
    );
    assert_eq!(s.doc.view, view);
    assert_ne!(s.doc.surface.camera.azimuth, Camera::default().azimuth);
    // A drag that starts on the map and leaves it is still the map's.
    let cam = s.doc.surface.camera;
    drag(&mut s, on_map, (400.0, 0.0), Button::Primary, false, &miss);
    assert_eq!(s.doc.surface.camera, cam, "the press belongs to the map");
    // A click on the map half starts a path at the map's world point there.
    let mut s = explorer(CanvasMode::Split, 1000.0, 600.0);
    s.plot_pointer_down(on_map.0, on_map.1, Button::Primary, false, false);
    s.plot_pointer_up(on_map.0, on_map.1, &miss);
    let local = (
        on_map.0 - f64::from(map.min.x),
        on_map.1 - f64::from(map.min.y),
    );
    let want = s.to_world(local.0, local.1);
    assert_eq!(s.running.paths.len(), 1);
    assert!(common::same_point(s.running.paths[0].path.start, want));
    // The pointer's world point is kept whichever half it is over.
    let calls = Cell::new(0);
    s.plot_pointer_move(on_surface.0, on_surface.1, false, &hit((0.5, -1.5), &calls));
    assert_eq!(
        s.pointer.hover,
        Some((0.5, -1.5)),
        "from the surface's pick"
    );
    assert_eq!(s.view3d.over, Some(Half::Surface));
    let r = s.readout().expect("the read-out follows the surface");
    assert_eq!((r.x, r.y), (0.5, -1.5));
    s.plot_pointer_move(on_map.0, on_map.1, false, &miss);
    assert!(common::same_point(
        s.pointer.hover.expect("over the map"),
        want
    ));
    assert_eq!(s.view3d.over, Some(Half::Map));
    s.plot_pointer_move(on_surface.0, on_surface.1, false, &miss);
    assert_eq!(s.pointer.hover, None, "off the surface there is no point");
    // The arrows act on the half under the pointer.
    let cam = s.doc.surface.camera;
    s.key(KeyPress::plain(Key::Left));
    assert_eq!(s.doc.surface.camera.azimuth, cam.azimuth + ORBIT_KEY_DEG);
    assert!(s.cursor_px().is_none());
    s.plot_pointer_move(on_map.0, on_map.1, false, &miss);
    s.key(KeyPress::plain(Key::Left));
    assert!(s.cursor_px().is_some(), "over the map: the keyboard cursor");
    assert_eq!(s.doc.surface.camera.azimuth, cam.azimuth + ORBIT_KEY_DEG);
}

#[test]
fn the_camera_moving_flag_settles_and_asks_for_one_refined_frame() {
    let mut s = explorer(CanvasMode::Surface, 800.0, 600.0);
    assert!(
        !s.view3d.camera_moving() && !s.view3d.needs_redraw(),
        "idle: no redraws"
    );
    s.plot_pointer_down(400.0, 300.0, Button::Primary, false, false);
    s.plot_pointer_move(420.0, 300.0, false, &miss);
    assert!(s.view3d.camera_moving(), "while dragging");
    s.tick(1.0);
    assert!(s.view3d.camera_moving(), "a held drag keeps moving");
    s.plot_pointer_move(430.0, 300.0, false, &miss);
    s.plot_pointer_up(430.0, 300.0, &miss);
    s.plot_pointer_move(430.0, 300.0, false, &miss);
    s.tick(SETTLE_CAMERA_SECONDS * 0.5);
    assert!(s.view3d.camera_moving(), "just after the last change");
    s.view3d.drawn(true);
    assert!(s.view3d.needs_redraw());
    s.tick(SETTLE_CAMERA_SECONDS * 0.6);
    assert!(!s.view3d.camera_moving(), "settled");
    assert!(s.view3d.needs_redraw(), "the refined frame is owed");
    s.view3d.drawn(false);
    assert!(!s.view3d.needs_redraw(), "and then nothing");
    for _ in 0..10 {
        s.tick(0.1);
        assert!(!s.view3d.needs_redraw());
    }
    // A key orbit, a scroll and the panel's reset also count as changes.
    s.key(KeyPress::plain(Key::Up));
    assert!(s.view3d.camera_moving());
    s.tick(SETTLE_CAMERA_SECONDS);
    assert!(!s.view3d.camera_moving());
    s.plot_scroll(1.5, 400.0, 300.0);
    assert!(s.view3d.camera_moving());
}

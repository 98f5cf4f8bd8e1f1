//! The 3D view's state in the explorer, without a window: where the map and the surface sit
//! on the canvas ([`canvas_rects`]), the press in progress on the surface (the gestures
//! themselves, drag orbits, scroll zooms, middle- or Ctrl+drag pans, a click picks, are in
//! `super::plot_input`), the camera's resets and the arrow keys orbiting, the colour range's [`Heights`] the mesh was drawn with, and "the camera is
//! moving" (the renderer draws a coarser mesh meanwhile) with the redraw that refines it.

use super::pointer::Button;
use super::state::ExplorerState;
use crate::document::CanvasMode;
use crate::surface::{BoxMap, Camera, Frame3, Heights};
use egui::{pos2, vec2, Rect};

/// The gap between the map and the surface in split mode, in the rect's units.
pub const SPLIT_GAP: f32 = 8.0;
/// The camera counts as moving this long after its last change (seconds): the renderer draws
/// the coarse mesh meanwhile and the refined one once it has settled.
pub const SETTLE_CAMERA_SECONDS: f64 = 0.2;
/// Degrees an arrow key turns the camera (Shift: [`ORBIT_KEY_COARSE_DEG`]).
pub const ORBIT_KEY_DEG: f64 = 5.0;
/// Degrees an arrow key with Shift turns the camera.
pub const ORBIT_KEY_COARSE_DEG: f64 = 15.0;

/// Where the map and the surface are drawn inside `plot`: the map alone, the surface alone,
/// or in split mode both, the map first (left, or above in a window taller than wide) with
/// [`SPLIT_GAP`] between them. Any unit (points or pixels), as `plot` is given; in split mode
/// the halves are whole units long (the gap takes the odd one), so that in pixels the map's
/// canvas and the renderer's rects agree exactly.
pub fn canvas_rects(plot: Rect, mode: CanvasMode) -> (Option<Rect>, Option<Rect>) {
    match mode {
        CanvasMode::Map => (Some(plot), None),
        CanvasMode::Surface => (None, Some(plot)),
        CanvasMode::Split => {
            let gap = SPLIT_GAP.min(plot.width().min(plot.height()) * 0.5);
            if plot.width() >= plot.height() {
                let w = ((plot.width() - gap) * 0.5).floor().max(0.0);
                let map = Rect::from_min_size(plot.min, vec2(w, plot.height()));
                let surface =
                    Rect::from_min_size(pos2(plot.max.x - w, plot.min.y), vec2(w, plot.height()));
                (Some(map), Some(surface))
            } else {
                let h = ((plot.height() - gap) * 0.5).floor().max(0.0);
                let map = Rect::from_min_size(plot.min, vec2(plot.width(), h));
                let surface =
                    Rect::from_min_size(pos2(plot.min.x, plot.max.y - h), vec2(plot.width(), h));
                (Some(map), Some(surface))
            }
        }
    }
}

/// Which half of the canvas the pointer is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    Map,
    Surface,
}

/// A press on the surface in progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct CameraGesture {
    pub button: Button,
    pub down_px: (f64, f64),
    pub last_px: (f64, f64),
    pub dragging: bool,
    /// Shift at the press: a click pins instead of starting a path.
    pub shift: bool,
    /// The drag pans (middle button, or Ctrl held at the press) instead of orbiting.
    pub pan: bool,
}

/// The 3D view's state beside the document (whose `canvas` and `surface` say what is shown).
/// Nothing in it grows: one gesture at most, a few numbers; a new scene clears the gesture.
#[derive(Debug, Clone, Default)]
pub struct View3d {
    /// The whole plot (map and surface together) in canvas pixels, from its top-left corner;
    /// `None` before the first frame.
    pub plot: Option<Rect>,
    /// The colour range the surface's mesh was last drawn with (the window sets it after each
    /// range read-back), so that picking and the marks map f to heights as the mesh does.
    pub heights: Option<Heights>,
    /// The half the pointer is over, if any.
    pub over: Option<Half>,
    pub(crate) gesture: Option<CameraGesture>,
    /// Seconds since the camera last changed while it counts as moving.
    pub(crate) since_change: Option<f64>,
    /// A refined frame is owed: the camera moved since the last frame drawn at rest.
    pub(crate) refine: bool,
}

impl View3d {
    /// True while a camera gesture drags and for [`SETTLE_CAMERA_SECONDS`] after the last
    /// change: the renderer draws the coarse mesh.
    pub fn camera_moving(&self) -> bool {
        self.gesture.is_some_and(|g| g.dragging) || self.since_change.is_some()
    }

    /// Whether the window should draw another frame for the surface: while the camera moves,
    /// and once more after it has settled (the refined mesh). False when idle.
    pub fn needs_redraw(&self) -> bool {
        self.camera_moving() || self.refine
    }

    /// The window drew a frame; `moving` is [`View3d::camera_moving`] as it drew it. A frame
    /// drawn at rest is the refined one.
    pub fn drawn(&mut self, moving: bool) {
        if !moving {
            self.refine = false;
        }
    }

    /// The camera changed now.
    pub(crate) fn changed(&mut self) {
        self.since_change = Some(0.0);
        self.refine = true;
    }

    /// The surface must be drawn again (a new layout or scene), without counting as a
    /// camera move: one refined frame.
    pub(crate) fn redraw(&mut self) {
        self.refine = true;
    }

    /// Advances the settle clock by `dt` seconds.
    pub(crate) fn tick(&mut self, dt: f64) {
        if let Some(t) = &mut self.since_change {
            *t += if dt.is_finite() { dt.max(0.0) } else { 0.0 };
            if *t >= SETTLE_CAMERA_SECONDS {
                self.since_change = None;
            }
        }
    }
}

impl ExplorerState {
    /// The whole plot is `w`×`h` pixels: the map's canvas becomes its rect in the canvas
    /// mode (the whole plot where the map is not shown, so that pixels and world still agree).
    pub fn set_plot(&mut self, w: f64, h: f64) {
        if !(w >= 1.0 && h >= 1.0) {
            return;
        }
        let plot = Rect::from_min_size(pos2(0.0, 0.0), vec2(w as f32, h as f32));
        self.view3d.plot = Some(plot);
        let map = canvas_rects(plot, self.doc.canvas).0.unwrap_or(plot);
        self.set_canvas(f64::from(map.width()), f64::from(map.height()));
    }

    /// The map's and the surface's rects in plot pixels for the current canvas mode.
    pub fn plot_rects(&self) -> (Option<Rect>, Option<Rect>) {
        let plot = self.view3d.plot.unwrap_or_else(|| {
            Rect::from_min_size(
                pos2(0.0, 0.0),
                vec2(self.canvas.0 as f32, self.canvas.1 as f32),
            )
        });
        canvas_rects(plot, self.doc.canvas)
    }

    /// Shows the next canvas: map → surface → map and surface → map (the D key).
    pub fn cycle_canvas(&mut self) {
        self.set_canvas_mode(self.doc.canvas.next());
    }

    /// Shows `mode` (the panel's View row); the map's canvas follows the new layout.
    pub fn set_canvas_mode(&mut self, mode: CanvasMode) {
        self.doc.canvas = mode;
        self.view3d.gesture = None;
        self.pointer.gesture = None;
        if let Some(p) = self.view3d.plot {
            self.set_plot(f64::from(p.width()), f64::from(p.height()));
        }
        self.view3d.redraw();
    }

    /// The camera back at its default (Home, the panel's "reset camera").
    pub fn reset_camera(&mut self) {
        self.doc.surface.camera = Camera::default();
        self.view3d.changed();
    }

    /// Keeps the colour range the range pass read back (`log`: the document's log scale as
    /// it was drawn) as the surface's [`Heights`], so that picking and the marks map f to
    /// heights as the mesh did. A range without samples (`count` 0: nothing defined in
    /// view) keeps the last one.
    pub fn set_range_heights(&mut self, r: &crate::render::RangeResult, log: bool) {
        let Some(h) = crate::render::surface::heights_of(r, log) else {
            return;
        };
        if self.view3d.heights != Some(h) {
            self.view3d.heights = Some(h);
            // The mesh is drawn anew with it: one refined frame.
            self.view3d.refine = true;
        }
    }

    /// The box the surface is drawn in: the shown view, the last colour range (0..1 before
    /// the first read-back) and the vertical scale.
    pub fn surface_box(&self) -> BoxMap {
        let heights = self.view3d.heights.unwrap_or(Heights::linear(0.0, 1.0));
        BoxMap::new(self.shown_view(), heights, self.doc.surface.vscale)
    }

    /// The camera's frame: the box in the surface's rect (the whole plot before one is known).
    pub fn surface_frame(&self) -> Frame3 {
        let (w, h) = match self.plot_rects().1 {
            Some(r) => (f64::from(r.width()), f64::from(r.height())),
            None => self.canvas,
        };
        self.surface_box().frame(w, h)
    }

    /// Whether the arrow keys orbit the camera: on the surface, or in split mode over its half.
    pub(crate) fn arrows_orbit(&self) -> bool {
        let c = self.doc.canvas;
        c.shows_surface() && (!c.shows_map() || self.view3d.over == Some(Half::Surface))
    }

    /// An arrow key on the surface: `dx`, `dy` are −1, 0 or 1 as the key points (right,
    /// down positive), [`ORBIT_KEY_DEG`] a press ([`ORBIT_KEY_COARSE_DEG`] with Shift):
    /// left and right turn the landscape as a drag that way does, up raises the eye and down
    /// lowers it.
    pub(crate) fn orbit_key(&mut self, dx: f64, dy: f64, coarse: bool) {
        let deg = if coarse {
            ORBIT_KEY_COARSE_DEG
        } else {
            ORBIT_KEY_DEG
        };
        self.doc.surface.camera.orbit(-dx * deg, -dy * deg);
        self.view3d.changed();
    }
}

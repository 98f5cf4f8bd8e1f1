//! The pointer over the whole plot, routed to the half it is over: on the map the 2D
//! gestures (`super::pointer`: click, drag, pan, pin), on the surface the camera's
//! (`super::view3d`). A press belongs to its half until it is released, wherever the pointer
//! goes meanwhile. The camera's gestures: a drag orbits, middle- or Ctrl+drag pans, the
//! wheel zooms, a click picks. Pixels are measured from the plot's top-left corner; each
//! half gets them from its own corner. `pick` is the window's ray-cast: surface pixel → the world point
//! (x, y) drawn there, or `None` off the surface.

use egui::Rect;
use glam::DVec2;

use super::pointer::{Button, CLICK_SLOP_PX};
use super::state::ExplorerState;
use super::view3d::{CameraGesture, Half};

/// `(px, py)` from the top-left of `r`.
fn local(r: Rect, px: f64, py: f64) -> (f64, f64) {
    (px - f64::from(r.min.x), py - f64::from(r.min.y))
}

impl ExplorerState {
    /// The half of the plot that plot pixel (px, py) is on, with the pixel in that half.
    pub fn half_at(&self, px: f64, py: f64) -> Option<(Half, (f64, f64))> {
        let (map, surface) = self.plot_rects();
        let p = egui::pos2(px as f32, py as f32);
        if let Some(r) = map.filter(|r| r.contains(p)) {
            return Some((Half::Map, local(r, px, py)));
        }
        surface
            .filter(|r| r.contains(p))
            .map(|r| (Half::Surface, local(r, px, py)))
    }

    fn map_local(&self, px: f64, py: f64) -> (f64, f64) {
        match self.plot_rects().0 {
            Some(r) => local(r, px, py),
            None => (px, py),
        }
    }

    fn surface_local(&self, px: f64, py: f64) -> (f64, f64) {
        match self.plot_rects().1 {
            Some(r) => local(r, px, py),
            None => (px, py),
        }
    }

    /// A button went down at plot pixel (px, py), with Shift and Ctrl as held.
    pub fn plot_pointer_down(&mut self, px: f64, py: f64, button: Button, shift: bool, ctrl: bool) {
        match self.half_at(px, py) {
            Some((Half::Map, (x, y))) => {
                self.view3d.over = Some(Half::Map);
                self.pointer_down_with(x, y, button, shift);
            }
            Some((Half::Surface, (x, y))) => {
                self.view3d.over = Some(Half::Surface);
                self.surface_down(x, y, button, shift, ctrl);
            }
            None => {}
        }
    }

    /// The pointer moved to plot pixel (px, py); `ctrl`: Ctrl is held (snaps a dragged pin or
    /// start on the map). The hover point follows whichever half the pointer is over.
    pub fn plot_pointer_move(
        &mut self,
        px: f64,
        py: f64,
        ctrl: bool,
        pick: &dyn Fn(f64, f64) -> Option<(f64, f64)>,
    ) {
        if self.pointer.gesture.is_some() {
            let (x, y) = self.map_local(px, py);
            return self.pointer_move_with(x, y, ctrl);
        }
        if self.view3d.gesture.is_some() {
            let (x, y) = self.surface_local(px, py);
            return self.surface_move(x, y, pick);
        }
        match self.half_at(px, py) {
            Some((Half::Map, (x, y))) => {
                self.view3d.over = Some(Half::Map);
                self.pointer_move_with(x, y, ctrl);
            }
            Some((Half::Surface, (x, y))) => self.surface_move(x, y, pick),
            None => self.plot_pointer_left(),
        }
    }

    /// The button went up at plot pixel (px, py): the half that took the press ends it.
    pub fn plot_pointer_up(
        &mut self,
        px: f64,
        py: f64,
        pick: &dyn Fn(f64, f64) -> Option<(f64, f64)>,
    ) {
        if self.pointer.gesture.is_some() {
            let (x, y) = self.map_local(px, py);
            self.pointer_up(x, y);
        } else if self.view3d.gesture.is_some() {
            let (x, y) = self.surface_local(px, py);
            self.surface_up(x, y, pick);
        }
    }

    /// A scroll at plot pixel (px, py) by `factor` (> 1: closer; non-finite or ≤ 0 is
    /// ignored): the map zooms about the pointer, the surface's camera moves closer.
    pub fn plot_scroll(&mut self, factor: f64, px: f64, py: f64) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        match self.half_at(px, py) {
            Some((Half::Map, (x, y))) => {
                let at = self.to_world(x, y);
                // The map's factor is the view's size: < 1 comes closer.
                self.scroll(1.0 / factor, at);
            }
            Some((Half::Surface, _)) => self.surface_scroll(factor),
            None => {}
        }
    }

    /// The pointer left the plot.
    pub fn plot_pointer_left(&mut self) {
        self.view3d.over = None;
        self.pointer_left();
    }

    /// True while a drag on either half (pan, a start moved, the camera) is under way.
    pub fn plot_dragging(&self) -> bool {
        self.is_dragging() || self.view3d.gesture.is_some_and(|g| g.dragging)
    }

    /// A button went down at surface pixel (px, py) (from the surface rect's top-left).
    pub(crate) fn surface_down(
        &mut self,
        px: f64,
        py: f64,
        button: Button,
        shift: bool,
        ctrl: bool,
    ) {
        self.view3d.gesture = Some(CameraGesture {
            button,
            down_px: (px, py),
            last_px: (px, py),
            dragging: false,
            shift,
            pan: button == Button::Middle || ctrl,
        });
    }

    /// The pointer moved to surface pixel (px, py): a drag orbits or pans; without a drag the
    /// world point under the pointer (`pick`) is the hover point, shared with the map.
    pub(crate) fn surface_move(
        &mut self,
        px: f64,
        py: f64,
        pick: &dyn Fn(f64, f64) -> Option<(f64, f64)>,
    ) {
        self.view3d.over = Some(Half::Surface);
        let Some(mut g) = self.view3d.gesture else {
            self.pointer.hover = pick(px, py);
            return;
        };
        if !g.dragging {
            g.dragging = (px - g.down_px.0).hypot(py - g.down_px.1) > CLICK_SLOP_PX;
        }
        if g.dragging && (px, py) != g.last_px {
            let frame = self.surface_frame();
            let delta = DVec2::new(px - g.last_px.0, py - g.last_px.1);
            let cam = &mut self.doc.surface.camera;
            if g.pan {
                cam.drag_pan(&frame, delta);
            } else {
                cam.drag_orbit(&frame, delta);
            }
            g.last_px = (px, py);
            self.view3d.changed();
        }
        self.view3d.gesture = Some(g);
    }

    /// The button went up at surface pixel (px, py): ends a drag, or is a click: the primary
    /// button starts a path at the picked point (Shift: pins it), the secondary removes the
    /// path there, as on the map. A click off the surface starts nothing and says so.
    pub(crate) fn surface_up(
        &mut self,
        px: f64,
        py: f64,
        pick: &dyn Fn(f64, f64) -> Option<(f64, f64)>,
    ) {
        let Some(g) = self.view3d.gesture.take() else {
            return;
        };
        if g.dragging || g.button == Button::Middle {
            return;
        }
        let Some(at) = pick(px, py) else {
            self.messages.status = Some("no surface under the pointer: nothing started".into());
            return;
        };
        match g.button {
            Button::Primary if g.shift => self.set_pin(at),
            Button::Primary => self.click(at.0, at.1),
            Button::Secondary => {
                let radius = super::input::REMOVE_RADIUS_PX * self.world_per_pixel();
                self.remove_path_near(at, radius);
            }
            Button::Middle => {}
        }
    }

    /// A scroll over the surface: zooms the camera by `factor` (> 1 closer).
    pub(crate) fn surface_scroll(&mut self, factor: f64) {
        self.doc.surface.camera.zoom_by(factor);
        self.view3d.changed();
    }
}

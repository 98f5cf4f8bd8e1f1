//! Mouse gestures on the canvas: a press and release that moves less than a few pixels is a
//! click (adds a path, or removes one with the right button); a drag on a start marker moves
//! that start and restarts its path live; any other drag pans the view. Shift+click pins a
//! point; dragging the pin moves it, dragging the direction handle turns u. With Ctrl held, a
//! dragged pin or start snaps to round values (a tenth of the tick spacing).

use super::input::REMOVE_RADIUS_PX;
use super::state::ExplorerState;

/// A press that moves at most this many pixels before release is a click.
pub(crate) const CLICK_SLOP_PX: f64 = 4.0;
/// A press within this many pixels of a start marker grabs it.
pub(crate) const MARKER_GRAB_PX: f64 = 12.0;

/// A mouse button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Button {
    Primary,
    Secondary,
    Middle,
}

/// What a press grabbed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grab {
    /// The start marker of path i.
    Start(usize),
    /// The view, to pan it.
    View,
    /// The pinned point, to move it.
    Pin,
    /// The direction handle beside the pin, to turn u.
    Direction,
}

/// A press in progress.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Gesture {
    pub button: Button,
    pub grab: Grab,
    pub down_px: (f64, f64),
    pub last_px: (f64, f64),
    pub dragging: bool,
    /// Shift was held at the press: a click pins instead of starting a path.
    pub shift: bool,
}

impl ExplorerState {
    /// The path whose start marker is under canvas pixel (px, py), if any.
    pub fn press_on_start_marker(&self, px: f64, py: f64) -> Option<usize> {
        self.start_marker_at(px, py, MARKER_GRAB_PX)
    }

    /// A button went down at canvas pixel (px, py) without Shift.
    pub fn pointer_down(&mut self, px: f64, py: f64, button: Button) {
        self.pointer_down_with(px, py, button, false);
    }

    /// A button went down at canvas pixel (px, py), with Shift held or not. The direction
    /// handle and the pin are grabbed before path starts.
    pub fn pointer_down_with(&mut self, px: f64, py: f64, button: Button, shift: bool) {
        // The pin's marks grow with the UI scale, and so does their reach.
        let reach = MARKER_GRAB_PX * self.mark_scale();
        let near = |p: Option<(f64, f64)>| p.is_some_and(|(x, y)| (x - px).hypot(y - py) <= reach);
        let pin_px = self.doc.pin.map(|(x, y)| self.to_pixel(x, y));
        let grab = match button {
            Button::Primary if near(self.direction_handle_px()) => Grab::Direction,
            Button::Primary if near(pin_px) => Grab::Pin,
            Button::Primary => self
                .press_on_start_marker(px, py)
                .map_or(Grab::View, Grab::Start),
            _ => Grab::View,
        };
        self.pointer.gesture = Some(Gesture {
            button,
            grab,
            down_px: (px, py),
            last_px: (px, py),
            dragging: false,
            shift,
        });
    }

    /// The pointer moved to canvas pixel (px, py) (with or without a button down).
    pub fn pointer_move(&mut self, px: f64, py: f64) {
        self.pointer_move_with(px, py, false);
    }

    /// The pointer moved to canvas pixel (px, py); with `snap` (Ctrl held) a dragged pin or
    /// start lands on the nearest round point ([`ExplorerState::snapped`]).
    pub fn pointer_move_with(&mut self, px: f64, py: f64, snap: bool) {
        let place = |s: &ExplorerState| {
            let to = s.to_world(px, py);
            if snap {
                s.snapped(to)
            } else {
                to
            }
        };
        self.pointer.hover = Some(self.to_world(px, py));
        let Some(mut g) = self.pointer.gesture else {
            return;
        };
        if !g.dragging {
            let moved = (px - g.down_px.0).hypot(py - g.down_px.1);
            g.dragging = moved > CLICK_SLOP_PX;
        }
        // A frame where the pointer has not moved changes nothing: the frame of the release
        // may already show Ctrl let go, and would undo the snap of the last move.
        if g.dragging && (px, py) != g.last_px {
            match g.grab {
                Grab::Start(i) => {
                    let to = place(self);
                    self.drag_start(i, to);
                }
                Grab::Pin => {
                    let to = place(self);
                    self.set_pin(to);
                }
                Grab::Direction => self.point_direction_at(px, py),
                Grab::View => {
                    let s = self.world_per_pixel();
                    self.drag_pan(-(px - g.last_px.0) * s, (py - g.last_px.1) * s);
                }
            }
            g.last_px = (px, py);
        }
        self.pointer.gesture = Some(g);
    }

    /// The button went up at canvas pixel (px, py): ends a drag, or acts as a click.
    pub fn pointer_up(&mut self, px: f64, py: f64) {
        let Some(g) = self.pointer.gesture.take() else {
            return;
        };
        if g.dragging {
            return;
        }
        let at = self.to_world(px, py);
        match (g.button, g.grab) {
            (Button::Primary, Grab::View) if g.shift => self.set_pin(at),
            (Button::Primary, Grab::View) => self.click(at.0, at.1),
            // A click on a start marker chooses that path for the step read-out.
            (Button::Primary, Grab::Start(i)) => self.select_path(i),
            (Button::Secondary, _) => {
                let radius = REMOVE_RADIUS_PX * self.world_per_pixel();
                self.remove_path_near(at, radius);
            }
            _ => {}
        }
    }

    /// The pointer left the canvas.
    pub(crate) fn pointer_left(&mut self) {
        self.pointer.hover = None;
    }

    /// True while a drag (pan or start move) is under way.
    pub(crate) fn is_dragging(&self) -> bool {
        self.pointer.gesture.is_some_and(|g| g.dragging)
    }
}

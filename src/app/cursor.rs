//! The keyboard cursor on the canvas: a point moved with the arrow keys that does what a
//! click does (start a path), what Shift + click does (pin) and what a drag does (pick up a
//! path start or the pin, move it, drop it), so the explorer works without a mouse. Plain
//! Rust; the canvas paints it (`super::canvas::paint_cursor`).

use super::state::ExplorerState;
use super::viewport::Readout;

/// Pixels one arrow key moves the cursor.
pub const CURSOR_STEP_PX: f64 = 4.0;
/// How many times farther an arrow key moves it with Shift.
pub const CURSOR_COARSE: f64 = 10.0;
/// How near (pixels) a path start or the pin must be to the cursor for Enter to pick it up.
pub const CURSOR_GRAB_PX: f64 = 12.0;

/// What the keyboard cursor carries, with where it was picked up (Esc puts it back there).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Carried {
    /// The start of path `index`.
    Start { index: usize, from: (f64, f64) },
    /// The pin.
    Pin { from: (f64, f64) },
}

/// The keyboard cursor: hidden until an arrow key (or Enter) shows it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct KeyCursor {
    /// Where it is (world), `None` while hidden.
    pub at: Option<(f64, f64)>,
    /// What it carries, if anything.
    pub carrying: Option<Carried>,
}

impl ExplorerState {
    /// Moves the keyboard cursor by (dx, dy) canvas pixels (y down), kept on the canvas, and
    /// what it carries with it. A hidden cursor is shown instead, under the pointer or at the
    /// middle of the canvas.
    pub fn cursor_move(&mut self, dx: f64, dy: f64) {
        let Some(at) = self.cursor.at else {
            self.cursor_show();
            return;
        };
        let (px, py) = self.to_pixel(at.0, at.1);
        let (w, h) = self.canvas;
        let to = self.to_world((px + dx).clamp(0.0, w), (py + dy).clamp(0.0, h));
        self.cursor.at = Some(to);
        match self.cursor.carrying {
            Some(Carried::Start { index, .. }) if index < self.running.paths.len() => {
                self.drag_start(index, to)
            }
            Some(Carried::Pin { .. }) if self.doc.pin.is_some() => self.set_pin(to),
            Some(_) => self.cursor.carrying = None,
            None => {}
        }
    }

    /// Enter at the keyboard cursor: drops what it carries; else picks up the pin or the
    /// nearest path start under it (as a mouse press would); else starts a path there as a
    /// click does. A hidden cursor is shown instead.
    pub fn cursor_enter(&mut self) {
        let Some(at) = self.cursor.at else {
            self.cursor_show();
            return;
        };
        if self.cursor.carrying.take().is_some() {
            return;
        }
        let (px, py) = self.to_pixel(at.0, at.1);
        let near_pin = self.doc.pin.filter(|&(x, y)| {
            let (qx, qy) = self.to_pixel(x, y);
            (qx - px).hypot(qy - py) <= CURSOR_GRAB_PX
        });
        if let Some(from) = near_pin {
            self.cursor.carrying = Some(Carried::Pin { from });
        } else if let Some(index) = self.start_marker_at(px, py, CURSOR_GRAB_PX) {
            let from = self.running.paths[index].path.start;
            self.cursor.carrying = Some(Carried::Start { index, from });
        } else {
            self.click(at.0, at.1);
        }
    }

    /// Shift + Enter: pins the point at the keyboard cursor (a hidden cursor is shown instead).
    pub fn cursor_pin(&mut self) {
        match self.cursor.at {
            Some(at) => self.set_pin(at),
            None => self.cursor_show(),
        }
    }

    /// Puts what the cursor carries back where it was picked up; false when it carries nothing.
    pub(crate) fn cursor_put_back(&mut self) -> bool {
        let Some(carried) = self.cursor.carrying.take() else {
            return false;
        };
        match carried {
            Carried::Start { index, from } if index < self.running.paths.len() => {
                self.drag_start(index, from)
            }
            Carried::Pin { from } if self.doc.pin.is_some() => self.set_pin(from),
            _ => {}
        }
        true
    }

    /// The keyboard cursor in canvas pixels, while it is shown.
    pub fn cursor_px(&self) -> Option<(f64, f64)> {
        self.cursor.at.map(|(x, y)| self.to_pixel(x, y))
    }

    /// The read-out at the pointer, or else at the keyboard cursor: what the canvas's corner
    /// shows and a screen reader reads.
    pub fn readout_here(&self) -> Option<Readout> {
        self.readout().or_else(|| {
            let (x, y) = self.cursor.at?;
            let [f, gx, gy] = self.doc.function.eval_each(x, y);
            Some(Readout {
                x,
                y,
                value: f.zip(gx).zip(gy).map(|((f, gx), gy)| [f, gx, gy]),
                f,
            })
        })
    }

    fn cursor_show(&mut self) {
        let v = self.shown_view();
        let centre = ((v.x0 + v.x1) / 2.0, (v.y0 + v.y1) / 2.0);
        self.cursor.at = Some(self.pointer.hover.unwrap_or(centre));
    }
}

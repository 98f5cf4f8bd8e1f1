//! The explorer's teaching tools as state: the pinned point (slices and tangent lines there),
//! the direction u of the directional derivative with its drag handle, and the learning-rate
//! sweep (one path per factor of η from a click); points typed exactly and snapped while
//! dragged, and the gradient check's step at the pin. The maths is in [`crate::teach`].

use super::state::ExplorerState;
use crate::descent::Hyper;
use crate::teach::{self, Special, Tangent};

/// Distance in pixels from the pin to the direction handle on the canvas at UI scale 1
/// (times [`ExplorerState::mark_scale`]).
pub(crate) const HANDLE_PX: f64 = 70.0;
/// Steps of the level curve across the view's width.
const LEVEL_STEPS: f64 = 300.0;
/// Within this many degrees of ∇f, the contour or −∇f, u is named as that direction (the
/// figure's rule too).
pub(crate) use crate::render::pin_panels::SPECIAL_TOL_DEG;

/// What the panel shows about the directional derivative at the pin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DirectionalReadout {
    /// θ of u, radians.
    pub theta: f64,
    /// D_u f = ∇f·u.
    pub value: f64,
    /// ∇f at the pin.
    pub grad: (f64, f64),
    /// |∇f|, the largest D_u f over all directions.
    pub grad_norm: f64,
    /// The angle between u and ∇f in degrees, 0 to 180.
    pub angle_deg: f64,
    pub special: Option<Special>,
}

impl ExplorerState {
    /// Pins the point `at` (world): slices and tangent lines are shown there.
    pub fn set_pin(&mut self, at: (f64, f64)) {
        self.doc.set_pin(at);
    }

    /// Pins the point typed in the panel ("2, 1", "2 1", "(2, 1)"); a bad point leaves the
    /// pin as it was and its reason goes to the status line. True when the pin moved.
    pub fn type_pin(&mut self, text: &str) -> bool {
        match teach::parse_point(text) {
            Ok(at) => {
                self.set_pin(at);
                self.messages.status = None;
                true
            }
            Err(e) => {
                self.messages.status = Some(e.to_string());
                false
            }
        }
    }

    /// Starts a path (or a compare or sweep set) at the point typed in the panel, as a click
    /// there would; a bad point starts nothing and its reason goes to the status line.
    pub fn type_start(&mut self, text: &str) -> bool {
        match teach::parse_point(text) {
            Ok((x, y)) => {
                self.messages.status = None;
                self.click(x, y);
                true
            }
            Err(e) => {
                self.messages.status = Some(e.to_string());
                false
            }
        }
    }

    /// `at` moved to the nearest round point for the view as shown: each coordinate to a
    /// tenth of its axis's 1-2-5 tick spacing (what a drag with Ctrl held snaps to).
    pub fn snapped(&self, at: (f64, f64)) -> (f64, f64) {
        let v = self.shown_view();
        let tick = f64::from(crate::render::axes::TICK_SPACING_PX) * f64::from(self.doc.ui_scale);
        let (w, h) = self.canvas;
        (
            teach::snap(at.0, teach::snap_step(v.width(), w, tick)),
            teach::snap(at.1, teach::snap_step(v.height(), h, tick)),
        )
    }

    /// Sets the gradient check's step h at the pin; outside `teach::POINT_CHECK_RANGE` (or
    /// not a number) it is refused and the status line says why.
    pub fn set_point_check_step(&mut self, h: f64) {
        let (lo, hi) = teach::POINT_CHECK_RANGE;
        if (lo..=hi).contains(&h) {
            self.doc.point_check_step = h;
        } else {
            self.messages.status =
                Some(format!("check step h must be in [{lo:e}, {hi:e}], got {h}"));
        }
    }

    /// The gradient check at the pin with the document's h, if pinned where f and ∇f are
    /// defined.
    pub fn pin_check(&self) -> Option<teach::PointCheck> {
        let pin = self.doc.pin?;
        teach::point_check(&self.doc.function, pin, self.doc.point_check_step)
    }

    /// The level curve f = f(pin) through the pin, traced with the tape inside the view as
    /// shown (about 300 steps across it); `None` without a pin, or where ∇f vanishes or is
    /// undefined at the pin.
    pub fn pin_level_curve(&self) -> Option<teach::LevelCurve> {
        let pin = self.doc.pin?;
        let v = self.shown_view();
        let bounds = teach::Bounds {
            x0: v.x0,
            x1: v.x1,
            y0: v.y0,
            y1: v.y1,
        };
        let mut tape = self.doc.function.tape();
        teach::level_curve(&mut tape, pin, bounds, v.width() / LEVEL_STEPS)
    }

    /// Removes the pin.
    pub(crate) fn clear_pin(&mut self) {
        self.doc.pin = None;
    }

    /// Pins the centre of the view if nothing is pinned, else removes the pin (the panel's
    /// toggle).
    pub fn toggle_pin(&mut self) {
        if self.doc.pin.is_some() {
            self.clear_pin();
        } else {
            let v = self.shown_view();
            self.set_pin(((v.x0 + v.x1) / 2.0, (v.y0 + v.y1) / 2.0));
        }
    }

    /// f and the slopes of both slices at the pin, if pinned and f is defined there.
    pub fn pin_tangent(&self) -> Option<Tangent> {
        self.doc
            .pin
            .and_then(|p| teach::tangent(&self.doc.function, p))
    }

    /// Sets θ of the direction u (radians; kept in (−π, π]).
    pub fn set_direction(&mut self, theta: f64) {
        self.doc.set_direction(theta);
    }

    /// How much the pin's marks (handle, circles, strokes, level curve) grow on the canvas:
    /// the UI scale, and in presentation mode as its type does, like the other marks (the
    /// frame sets it; the UI scale before the first frame).
    pub fn mark_scale(&self) -> f64 {
        let k = self.pointer.mark_scale;
        if k.is_finite() && k > 0.0 {
            f64::from(k)
        } else if self.doc.ui_scale.is_finite() && self.doc.ui_scale > 0.0 {
            f64::from(self.doc.ui_scale)
        } else {
            1.0
        }
    }

    /// The canvas pixel of the direction handle: `HANDLE_PX` × [`Self::mark_scale`] from the
    /// pin along u.
    pub fn direction_handle_px(&self) -> Option<(f64, f64)> {
        let (x, y) = self.doc.pin?;
        let (px, py) = self.to_pixel(x, y);
        let (ux, uy) = teach::unit(self.doc.direction);
        let len = HANDLE_PX * self.mark_scale();
        Some((px + len * ux, py - len * uy))
    }

    /// Turns u to point from the pin towards canvas pixel (px, py) (the handle's drag).
    pub(crate) fn point_direction_at(&mut self, px: f64, py: f64) {
        let Some((x, y)) = self.doc.pin else {
            return;
        };
        let (cx, cy) = self.to_pixel(x, y);
        let (dx, dy) = (px - cx, cy - py);
        if dx != 0.0 || dy != 0.0 {
            self.set_direction(dy.atan2(dx));
        }
    }

    /// D_u f at the pin for the current u, if pinned where f is defined.
    pub fn directional_readout(&self) -> Option<DirectionalReadout> {
        let g = self.pin_tangent()?.grad();
        Some(DirectionalReadout {
            theta: self.doc.direction,
            value: teach::directional(g, self.doc.direction),
            grad: g,
            grad_norm: g.0.hypot(g.1),
            angle_deg: teach::angle_to_grad_deg(g, self.doc.direction),
            special: teach::special_direction(g, self.doc.direction, SPECIAL_TOL_DEG),
        })
    }

    /// The hyperparameters of a path: the explorer's, with η scaled for a sweep path.
    pub(crate) fn hyper_for(&self, lr_factor: Option<f64>) -> Hyper {
        self.doc.hyper.with_lr_factor(lr_factor)
    }

    /// Sweep mode on or off (it replaces compare mode while on).
    pub fn set_sweep(&mut self, on: bool) {
        self.doc.sweep = on;
        if on {
            self.doc.compare = false;
        }
    }

    /// Takes the factors typed in the panel; on a bad list the old factors stay and the
    /// reason goes to the status line.
    pub fn set_sweep_factors(&mut self, text: &str) {
        match teach::parse_factors(text) {
            Ok(f) => {
                self.doc.sweep_factors = f;
                self.messages.status = None;
            }
            Err(e) => self.messages.status = Some(e.to_string()),
        }
    }

    /// A sweep click: one path from (x, y) per factor, each with η·factor and its own colour.
    pub fn sweep_at(&mut self, x: f64, y: f64) {
        for k in self.doc.sweep_factors.clone() {
            let color = self.running.next_color;
            self.running.next_color += 1;
            self.push_path_scaled((x, y), self.doc.optimizer, color, Some(k));
        }
    }
}

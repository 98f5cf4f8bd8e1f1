//! The view rectangle and the grid convention (see DESIGN.md): column i samples
//! x = x0 + (i + ½)(x1 − x0)/W, row j samples y = y1 − (j + ½)(y1 − y0)/H, row 0 at the top.
//! Also world ↔ pixel transforms, pan and zoom, all plain maths.

use crate::error::{Error, Result};
use crate::numfmt::{echo, quote};

/// The smallest width or height a view may have relative to its centre's magnitude: below
/// this, neighbouring f32 coordinates would coincide.
pub(crate) const MIN_RELATIVE_EXTENT: f64 = 1e-5;

/// The largest coordinate magnitude a view may reach (f32 works far beyond, but squares of
/// such coordinates already overflow).
pub(crate) const MAX_COORD: f64 = 1e15;

/// The longest aspect ratio (either way) that [`View::clamped`] keeps: far beyond any window.
pub(crate) const MAX_ASPECT: f64 = 1e4;

/// The rectangle [x0, x1] × [y0, y1] of the plane that is on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

/// `v`, or 0 where it lies within the sample formula's rounding error of 0 for a view from
/// `lo` to `hi`: a sample meant to be at 0 keeps the same coordinate whichever pan led to
/// the view (f32, which the GPU gets, resolves the 10⁻¹⁶ that rounding leaves there), so that
/// the field after a pan by whole pixels can be reused bit for bit (`gpu::field_reuse`).
fn snap_zero(v: f64, lo: f64, hi: f64) -> f64 {
    if v.abs() <= 8.0 * f64::EPSILON * lo.abs().max(hi.abs()) {
        0.0
    } else {
        v
    }
}

impl View {
    /// A view, checked: finite, x0 < x1, y0 < y1, not beyond what f32 can resolve.
    pub fn new(x0: f64, x1: f64, y0: f64, y1: f64) -> Result<View> {
        let v = View { x0, x1, y0, y1 };
        v.validate()?;
        Ok(v)
    }

    /// Checks the rules of [`View::new`].
    pub fn validate(&self) -> Result<()> {
        let View { x0, x1, y0, y1 } = *self;
        if ![x0, x1, y0, y1].iter().all(|v| v.is_finite()) {
            return Err(Error::Input(
                "view: every bound must be a finite number".into(),
            ));
        }
        if x0 >= x1 || y0 >= y1 {
            return Err(Error::Input(format!(
                "view: x0 < x1 and y0 < y1 are needed, got x {}..{}, y {}..{}",
                echo(x0),
                echo(x1),
                echo(y0),
                echo(y1)
            )));
        }
        if [x0, x1, y0, y1].iter().any(|v| v.abs() > MAX_COORD) {
            return Err(Error::Input(format!(
                "view: coordinates beyond ±{MAX_COORD:e} are not supported"
            )));
        }
        let scale = 1.0 + x0.abs().max(x1.abs()).max(y0.abs()).max(y1.abs());
        if (x1 - x0) < MIN_RELATIVE_EXTENT * scale || (y1 - y0) < MIN_RELATIVE_EXTENT * scale {
            return Err(Error::Input(
                "view: too small for 32-bit floats to tell neighbouring pixels apart".into(),
            ));
        }
        Ok(())
    }

    /// The nearest view that [`View::validate`] accepts, with the same aspect ratio up to
    /// [`MAX_ASPECT`]: too large is shrunk about its centre and moved inside ±[`MAX_COORD`], too small
    /// is grown about its centre; swapped bounds are put in order and a non-finite view becomes
    /// [-1, 1]². A valid view is returned unchanged.
    pub(crate) fn clamped(&self) -> View {
        if self.validate().is_ok() {
            return *self;
        }
        let all = [self.x0, self.x1, self.y0, self.y1];
        if !all.iter().all(|v| v.is_finite()) || self.x0 == self.x1 || self.y0 == self.y1 {
            let (cx, cy) = self.center();
            let inside = |c: f64| c.is_finite() && c.abs() < MAX_COORD / 2.0;
            let (cx, cy) = if inside(cx) && inside(cy) {
                (cx, cy)
            } else {
                (0.0, 0.0)
            };
            let unit = View {
                x0: cx - 1.0,
                x1: cx + 1.0,
                y0: cy - 1.0,
                y1: cy + 1.0,
            };
            return unit.clamped();
        }
        // A margin below the limits, so that widening to a canvas' aspect (which rounds) stays
        // valid.
        let limit = MAX_COORD * (1.0 - 1e-6);
        let (mut cx, mut cy) = self.center();
        let (mut hw, mut hh) = (
            (self.x1 - self.x0).abs() / 2.0,
            (self.y1 - self.y0).abs() / 2.0,
        );
        let big = hw.max(hh);
        if big > limit {
            hw *= limit / big;
            hh *= limit / big;
        }
        // Rounding can leave a half-extent a hair above the limit: the room is never negative.
        let inside = |c: f64, half: f64| {
            let room = (limit - half).max(0.0);
            c.clamp(-room, room)
        };
        cx = inside(cx, hw);
        cy = inside(cy, hh);
        // A sliver cannot be resolved along its short side at any size (the long side sets the
        // scale): beyond MAX_ASPECT the long side is shortened.
        hw = hw.min(hh * MAX_ASPECT);
        hh = hh.min(hw * MAX_ASPECT);
        // Too small: grow both extents by the same factor until the smaller one is resolvable.
        for _ in 0..8 {
            let scale = 1.0 + (cx.abs() + hw).max(cy.abs() + hh);
            let need = MIN_RELATIVE_EXTENT * scale * (1.0 + 1e-6) / 2.0;
            let small = hw.min(hh);
            if small >= need {
                break;
            }
            let k = need / small;
            hw = (hw * k).min(limit).max(need.min(limit));
            hh = (hh * k).min(limit).max(need.min(limit));
            cx = inside(cx, hw);
            cy = inside(cy, hh);
        }
        View {
            x0: cx - hw,
            x1: cx + hw,
            y0: cy - hh,
            y1: cy + hh,
        }
    }

    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
    pub fn center(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    /// The x of column i on a grid `w` columns wide.
    pub fn sample_x(&self, i: u32, w: u32) -> f64 {
        let x = self.x0 + (i as f64 + 0.5) * self.width() / w as f64;
        snap_zero(x, self.x0, self.x1)
    }

    /// The y of row j on a grid `h` rows high (row 0 at the top).
    pub fn sample_y(&self, j: u32, h: u32) -> f64 {
        let y = self.y1 - (j as f64 + 0.5) * self.height() / h as f64;
        snap_zero(y, self.y0, self.y1)
    }

    /// World point → pixel position (continuous; pixel centres at +0.5) in a `w`×`h` image.
    pub fn to_pixel(&self, x: f64, y: f64, w: f64, h: f64) -> (f64, f64) {
        (
            (x - self.x0) / self.width() * w,
            (self.y1 - y) / self.height() * h,
        )
    }

    /// Pixel position → world point in a `w`×`h` image.
    pub(crate) fn to_world(self, px: f64, py: f64, w: f64, h: f64) -> (f64, f64) {
        (
            self.x0 + px / w * self.width(),
            self.y1 - py / h * self.height(),
        )
    }

    /// The view moved by (dx, dy) in world units.
    pub fn panned(&self, dx: f64, dy: f64) -> View {
        View {
            x0: self.x0 + dx,
            x1: self.x1 + dx,
            y0: self.y0 + dy,
            y1: self.y1 + dy,
        }
    }

    /// The view scaled by `factor` (< 1 zooms in) around the world point (cx, cy), which stays
    /// where it is on screen.
    pub fn zoomed(&self, factor: f64, cx: f64, cy: f64) -> View {
        View {
            x0: cx + (self.x0 - cx) * factor,
            x1: cx + (self.x1 - cx) * factor,
            y0: cy + (self.y0 - cy) * factor,
            y1: cy + (self.y1 - cy) * factor,
        }
    }

    /// The view widened (never narrowed) in x or y so that its aspect ratio equals that of a
    /// `w`×`h` canvas: one unit of x is as long on screen as one unit of y.
    pub fn fit_aspect(&self, w: f64, h: f64) -> View {
        let (cx, cy) = self.center();
        let target = w / h;
        let (mut hw, mut hh) = (self.width() / 2.0, self.height() / 2.0);
        if hw / hh < target {
            hw = hh * target;
        } else {
            hh = hw / target;
        }
        View {
            x0: cx - hw,
            x1: cx + hw,
            y0: cy - hh,
            y1: cy + hh,
        }
    }
}

impl std::str::FromStr for View {
    type Err = Error;

    /// Parses `X0,X1,Y0,Y1`.
    fn from_str(s: &str) -> Result<View> {
        let parts: Vec<&str> = s.split(',').map(str::trim).collect();
        if parts.len() != 4 {
            return Err(Error::Input(format!(
                "view {}: expected four numbers X0,X1,Y0,Y1",
                quote(s)
            )));
        }
        let mut v = [0.0; 4];
        for (slot, p) in v.iter_mut().zip(&parts) {
            *slot = p.parse::<f64>().map_err(|_| {
                Error::Input(format!("view {}: {} is not a number", quote(s), quote(p)))
            })?;
        }
        View::new(v[0], v[1], v[2], v[3])
    }
}

#[cfg(test)]
mod tests;

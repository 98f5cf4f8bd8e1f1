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
mod tests {

    #[test]
    fn a_sample_meant_at_zero_stays_there_whatever_pan_led_to_the_view() {
        // Two pans of 3 rows: the row at y = 0 carries 8.9e-16 of rounding unless snapped.
        let v = View::new(-4.0, 4.0, -4.0, 4.0).unwrap();
        let step = v.height() / 19.0;
        let once = v.panned(0.0, 3.0 * step);
        let twice = once.panned(0.0, 3.0 * step);
        for j in 3..19 {
            assert_eq!(
                (twice.sample_y(j, 19) as f32).to_bits(),
                (once.sample_y(j - 3, 19) as f32).to_bits(),
                "row {j}"
            );
        }
        assert_eq!(twice.sample_y(15, 19), 0.0);
        // Away from zero nothing moves: a sample 10⁻⁹ from it is far beyond rounding.
        assert_eq!(v.sample_x(0, 8), -3.5);
        let near = View::new(-1.0 + 1e-9, 1.0 + 1e-9, 0.0, 1.0).unwrap();
        assert!((near.sample_x(0, 1) - 1e-9).abs() < 1e-15);
    }
    use super::*;

    #[test]
    fn grid_convention_matches_design() {
        let v = View::new(-2.0, 2.0, -1.0, 3.0).unwrap();
        assert_eq!(v.sample_x(0, 4), -1.5);
        assert_eq!(v.sample_x(3, 4), 1.5);
        assert_eq!(v.sample_y(0, 2), 2.0);
        assert_eq!(v.sample_y(1, 2), 0.0);
    }

    #[test]
    fn pixel_round_trip_and_zoom_keeps_anchor() {
        let v = View::new(-3.0, 1.0, 0.0, 2.0).unwrap();
        let (px, py) = v.to_pixel(0.25, 1.5, 800.0, 400.0);
        let (x, y) = v.to_world(px, py, 800.0, 400.0);
        assert!((x - 0.25).abs() < 1e-12 && (y - 1.5).abs() < 1e-12);
        let z = v.zoomed(0.5, 0.25, 1.5);
        assert_eq!(z.to_pixel(0.25, 1.5, 800.0, 400.0), (px, py));
        assert!((z.width() - 2.0).abs() < 1e-12);
    }

    #[test]
    fn bad_views_are_rejected_with_reasons() {
        assert!("1,0,0,1".parse::<View>().is_err());
        assert!("0,1,0".parse::<View>().is_err());
        assert!("0,1,0,abc".parse::<View>().is_err());
        assert!("0,1e-9,0,1".parse::<View>().is_err());
        assert!("-2,2,-1,3".parse::<View>().is_ok());
    }

    #[test]
    fn fit_aspect_widens_to_canvas() {
        let v = View::new(-1.0, 1.0, -1.0, 1.0)
            .unwrap()
            .fit_aspect(200.0, 100.0);
        assert!((v.width() / v.height() - 2.0).abs() < 1e-12);
        assert!((v.height() - 2.0).abs() < 1e-12);
    }

    #[test]
    fn clamped_views_are_valid_and_keep_their_aspect() {
        let cases = [
            View {
                x0: -1e15,
                x1: 1e15,
                y0: -3e14,
                y1: 3e14,
            },
            View {
                x0: -5e15,
                x1: 5e15,
                y0: -1e15,
                y1: 1e15,
            },
            View {
                x0: 9e14,
                x1: 2e15,
                y0: 0.0,
                y1: 1.0,
            },
            View {
                x0: 1.0,
                x1: 1.0 + 1e-9,
                y0: 2.0,
                y1: 2.0 + 2e-9,
            },
            View {
                x0: 1e6,
                x1: 1e6 + 1e-4,
                y0: -1e-4,
                y1: 0.0,
            },
            // Shrunk to the limit, the half-width rounds a hair above it.
            View {
                x0: -1.2345678901234567e15,
                x1: 1.3456789012345678e15,
                y0: -7e14,
                y1: 7.1e14,
            },
            View {
                x0: 3.0,
                x1: -3.0,
                y0: 1.0,
                y1: -1.0,
            },
        ];
        for v in cases {
            let c = v.clamped();
            assert!(c.validate().is_ok(), "{v:?} → {c:?}");
            let (a, b) = (v.width().abs() / v.height().abs(), c.width() / c.height());
            let keepable = a.max(1.0 / a) <= MAX_ASPECT;
            assert!(
                !keepable || (a / b - 1.0).abs() < 1e-9,
                "aspect {a} became {b} for {v:?}"
            );
            // Widening to the aspect it already has stays valid (the margin below the limits).
            assert!(c.fit_aspect(c.width(), c.height()).validate().is_ok());
        }
        let nan = View {
            x0: f64::NAN,
            x1: 1.0,
            y0: 0.0,
            y1: 1.0,
        }
        .clamped();
        assert!(nan.validate().is_ok());
        let ok = View::new(-2.0, 2.0, -1.0, 3.0).unwrap();
        assert_eq!(ok.clamped(), ok);
    }

    /// A fixed-seed sweep over centres, extents and aspects from 10⁻¹² to 10²⁰: every clamped
    /// view is valid and clamping never panics (the explorer clamps on every frame).
    #[test]
    fn clamping_any_finite_view_gives_a_valid_one() {
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64
        };
        for _ in 0..20_000 {
            let mag = |u: f64| 10f64.powf(-12.0 + 32.0 * u);
            let sign = |u: f64| if u < 0.5 { -1.0 } else { 1.0 };
            let (cx, cy) = (sign(next()) * mag(next()), sign(next()) * mag(next()));
            let (hw, hh) = (mag(next()), mag(next()));
            let v = View {
                x0: cx - hw,
                x1: cx + hw,
                y0: cy - hh,
                y1: cy + hh,
            };
            let c = v.clamped();
            assert!(c.validate().is_ok(), "{v:?} → {c:?}");
        }
    }
}

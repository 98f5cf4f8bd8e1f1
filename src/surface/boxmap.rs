//! The landscape's box: world (x, y, f) to box coordinates and back. The view's rectangle
//! becomes the floor, centred on the origin with its longer side 2 wide and the view's
//! aspect kept; f becomes the height through the colour scale, so that height and colour
//! always agree: a value's place t in the colour range (linear, or log10 as
//! shaders/lib/scale.wgsl maps it) times the box height. Values outside the colour range
//! (t < 0 or t > 1, only where the range is clipped) are cut off rather than stretching the
//! box; a constant function sits at half height.

use glam::{DVec2, DVec3};

use super::camera::Frame3;
use crate::view::View;

/// Height of the box at vertical scale 1, in the units where its longer side is 2.
pub const BOX_HEIGHT: f64 = 0.8;
/// The vertical scale a person may set, as a factor on [`BOX_HEIGHT`].
pub const VSCALE_RANGE: (f64, f64) = (0.1, 10.0);
/// The shorter side of the floor is at least this share of the longer one, so that a very
/// long, thin view still draws as a box one can see into.
const MIN_ASPECT: f64 = 0.25;
/// t this far outside 0..1 still counts as inside (rounding at the range's ends).
const T_SLACK: f64 = 1e-4;
/// The smallest normal f32, as shaders/lib/scale.wgsl clamps log arguments.
const MIN_NORMAL: f64 = f32::MIN_POSITIVE as f64;

/// How f maps to 0..1 of the box height: the colour range as the range pass resolved it
/// (`RangeResult`'s `vlo`, `vhi`, `delta`, `shift`) and whether the log scale maps it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heights {
    pub log: bool,
    pub vlo: f64,
    pub vhi: f64,
    pub delta: f64,
    pub shift: f64,
}

impl Heights {
    /// A linear scale from `lo` to `hi`.
    pub fn linear(lo: f64, hi: f64) -> Heights {
        Heights {
            log: false,
            vlo: lo,
            vhi: hi,
            delta: 0.0,
            shift: 0.0,
        }
    }

    /// f in mapped space (shaders/lib/scale.wgsl `map_value`).
    pub fn map_value(&self, f: f64) -> f64 {
        if !self.log {
            f
        } else if self.shift == 0.0 && self.delta == 0.0 {
            f.max(MIN_NORMAL).log10()
        } else {
            (f - self.shift + self.delta).max(MIN_NORMAL).log10()
        }
    }

    /// d(mapped)/df at f (shaders/lib/scale.wgsl `map_slope`).
    pub fn map_slope(&self, f: f64) -> f64 {
        if !self.log {
            1.0
        } else if self.shift == 0.0 && self.delta == 0.0 {
            std::f64::consts::LOG10_E / f.max(MIN_NORMAL)
        } else {
            std::f64::consts::LOG10_E / (f - self.shift + self.delta).max(MIN_NORMAL)
        }
    }

    /// Where f sits in the range, not clamped (0.5 for an empty range: a constant function).
    pub fn t(&self, f: f64) -> f64 {
        let span = self.vhi - self.vlo;
        if span.is_nan() || span <= 0.0 {
            return 0.5;
        }
        (self.map_value(f) - self.vlo) / span
    }

    /// dt/df at f (0 for an empty range).
    pub fn t_slope(&self, f: f64) -> f64 {
        let span = self.vhi - self.vlo;
        if span.is_nan() || span <= 0.0 {
            return 0.0;
        }
        self.map_slope(f) / span
    }
}

/// World ↔ box coordinates for one view and colour range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxMap {
    pub view: View,
    /// Half the floor's width (x) and depth (y) in box units; the longer is 1.
    pub half: DVec2,
    /// The box's height in box units ([`BOX_HEIGHT`] times the vertical scale).
    pub height: f64,
    pub heights: Heights,
}

impl BoxMap {
    /// The box for `view` with f mapped by `heights`, `vscale` times as tall as the default
    /// (brought into [`VSCALE_RANGE`]; non-finite means 1).
    pub fn new(view: View, heights: Heights, vscale: f64) -> BoxMap {
        let (w, h) = (view.width(), view.height());
        let r = if w > 0.0 && h > 0.0 { h / w } else { 1.0 };
        let half = if r <= 1.0 {
            DVec2::new(1.0, r.max(MIN_ASPECT))
        } else {
            DVec2::new((1.0 / r).max(MIN_ASPECT), 1.0)
        };
        let vscale = if vscale.is_finite() {
            vscale.clamp(VSCALE_RANGE.0, VSCALE_RANGE.1)
        } else {
            1.0
        };
        BoxMap {
            view,
            half,
            height: BOX_HEIGHT * vscale,
            heights,
        }
    }

    /// The box's low corner (floor, −x, −y).
    pub fn lo(&self) -> DVec3 {
        DVec3::new(-self.half.x, -self.half.y, 0.0)
    }

    /// The box's high corner (top, +x, +y).
    pub fn hi(&self) -> DVec3 {
        DVec3::new(self.half.x, self.half.y, self.height)
    }

    /// The camera frame of this box in a `w`×`h` pixel viewport.
    pub fn frame(&self, w: f64, h: f64) -> Frame3 {
        Frame3::new(self.lo(), self.hi(), w, h)
    }

    /// Box units per world unit along x and y.
    pub fn xy_scale(&self) -> DVec2 {
        DVec2::new(
            2.0 * self.half.x / self.view.width(),
            2.0 * self.half.y / self.view.height(),
        )
    }

    /// The floor point under world (x, y) (z = 0).
    pub fn floor(&self, x: f64, y: f64) -> DVec3 {
        let (cx, cy) = self.view.center();
        let s = self.xy_scale();
        DVec3::new((x - cx) * s.x, (y - cy) * s.y, 0.0)
    }

    /// World (x, y) of a box point (its height ignored).
    pub fn to_world(&self, p: DVec3) -> (f64, f64) {
        let (cx, cy) = self.view.center();
        let s = self.xy_scale();
        (cx + p.x / s.x, cy + p.y / s.y)
    }

    /// The box height of value f, not clamped: None where f is not finite.
    pub fn z_unclipped(&self, f: f64) -> Option<f64> {
        f.is_finite().then(|| self.heights.t(f) * self.height)
    }

    /// The box height of value f: None where f is not finite or outside the colour range
    /// (cut off).
    pub fn z(&self, f: f64) -> Option<f64> {
        let t = self.heights.t(f);
        (f.is_finite() && (-T_SLACK..=1.0 + T_SLACK).contains(&t)).then_some(t * self.height)
    }

    /// The surface point over world (x, y) with value f; None where it is cut off.
    pub fn point(&self, x: f64, y: f64, f: f64) -> Option<DVec3> {
        let z = self.z(f)?;
        Some(self.floor(x, y) + DVec3::Z * z)
    }

    /// The surface's unit normal over a point with value f and gradient (fx, fy), in box
    /// coordinates: (−∂z/∂X, −∂z/∂Y, 1) normalised, where X, Y, z are box coordinates.
    pub fn normal(&self, f: f64, fx: f64, fy: f64) -> DVec3 {
        let dz_df = self.heights.t_slope(f) * self.height;
        let s = self.xy_scale();
        let n = DVec3::new(-dz_df * fx / s.x, -dz_df * fy / s.y, 1.0);
        if n.is_finite() {
            n.normalize()
        } else {
            DVec3::Z
        }
    }

    /// Box height per unit of world run along the floor for a slope `slope` of f (∂f/∂x,
    /// D_u f, …) at value f: what a tangent line of that slope rises in the box.
    pub fn rise_per_run(&self, f: f64, slope: f64) -> f64 {
        self.heights.t_slope(f) * self.height * slope
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square() -> BoxMap {
        BoxMap::new(
            View::new(-2.0, 2.0, -2.0, 2.0).unwrap(),
            Heights::linear(0.0, 8.0),
            1.0,
        )
    }

    #[test]
    fn floor_and_height_by_hand() {
        let b = square();
        assert_eq!(b.floor(2.0, -2.0), DVec3::new(1.0, -1.0, 0.0));
        assert_eq!(b.point(1.0, 0.0, 4.0), Some(DVec3::new(0.5, 0.0, 0.4)));
        assert_eq!(b.to_world(DVec3::new(0.5, -0.25, 0.3)), (1.0, -0.5));
        assert_eq!(b.z(8.0), Some(BOX_HEIGHT));
        assert_eq!(b.z(8.1), None, "above the range: cut off");
        assert_eq!(b.z(f64::NAN), None);
    }

    #[test]
    fn wide_views_keep_their_aspect() {
        let b = BoxMap::new(
            View::new(0.0, 4.0, 0.0, 2.0).unwrap(),
            Heights::linear(0.0, 1.0),
            2.0,
        );
        assert_eq!(b.half, DVec2::new(1.0, 0.5));
        assert_eq!(b.height, 2.0 * BOX_HEIGHT);
        let thin = BoxMap::new(
            View::new(0.0, 100.0, 0.0, 1.0).unwrap(),
            Heights::linear(0.0, 1.0),
            1.0,
        );
        assert_eq!(thin.half, DVec2::new(1.0, MIN_ASPECT));
    }

    #[test]
    fn normal_of_a_bowl_points_inwards_and_up() {
        // f = x² + y² over [−2, 2]², heights 0..8: at (1, 0), fx = 2, box slope
        // dz/dX = (0.8 / 8)·2 / 0.5 = 0.4.
        let b = square();
        let n = b.normal(1.0, 2.0, 0.0);
        let want = DVec3::new(-0.4, 0.0, 1.0).normalize();
        assert!((n - want).length() < 1e-12, "{n}");
    }

    #[test]
    fn log_heights_follow_the_colour_scale() {
        let h = Heights {
            log: true,
            vlo: 0.0,
            vhi: 2.0,
            delta: 0.0,
            shift: 0.0,
        };
        assert!((h.t(10.0) - 0.5).abs() < 1e-12);
        assert!((h.t_slope(10.0) - std::f64::consts::LOG10_E / 10.0 / 2.0).abs() < 1e-15);
        let constant = Heights::linear(3.0, 3.0);
        assert_eq!(constant.t(3.0), 0.5);
        assert_eq!(constant.t_slope(3.0), 0.0);
    }
}

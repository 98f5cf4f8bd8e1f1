//! The orbit camera of the 3D view: where the eye sits around the landscape's box, and the
//! maths between box coordinates and pixels (projection, the ray under a pixel, orbit, zoom
//! and pan). f64 with glam's `D` types on the CPU; [`Camera::view_proj`] hands the GPU the
//! same matrix in f32.
//!
//! Conventions: box coordinates are right-handed with z up (see `BoxMap`); the azimuth is
//! measured in degrees from +x towards +y, the elevation in degrees above the floor, both
//! of the direction from the box's centre to the eye (matplotlib's `azim` and `elev`, whose
//! default −60°, 30° is ours too). Pixels are measured from the top-left corner of the
//! viewport, y down, as egui and the 2D view measure them.

use glam::{DMat4, DVec2, DVec3, DVec4, Mat4};

/// Default azimuth in degrees (matplotlib's `azim`).
pub const DEFAULT_AZIMUTH: f64 = -60.0;
/// Default elevation in degrees (matplotlib's `elev`).
pub const DEFAULT_ELEVATION: f64 = 30.0;
/// Elevations are kept within ±this many degrees: at ±90° the eye would look straight down
/// the up axis and the orbit would lose its sense of left and right.
pub const MAX_ELEVATION: f64 = 89.0;
/// Zoom is kept within this range (1: the whole box fits).
pub const ZOOM_RANGE: (f64, f64) = (0.25, 20.0);
/// Vertical field of view in degrees: mild perspective, close to how a textbook draws it.
pub const FOV_Y: f64 = 30.0;
/// How far the target may be panned from the box's centre, in box half-widths.
pub const MAX_PAN: f64 = 2.0;

/// An orbit camera: the eye on a sphere around `target`, looking at it, z up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Degrees from +x towards +y of the direction from the target to the eye, in (−180, 180].
    pub azimuth: f64,
    /// Degrees above the floor of the direction to the eye, within ±[`MAX_ELEVATION`].
    pub elevation: f64,
    /// 1 shows the whole box; 2 is twice as close. Within [`ZOOM_RANGE`].
    pub zoom: f64,
    /// Where the camera looks, as an offset from the box's centre in box coordinates
    /// (within ±[`MAX_PAN`] on each axis).
    pub pan: [f64; 3],
}

impl Default for Camera {
    fn default() -> Camera {
        Camera {
            azimuth: DEFAULT_AZIMUTH,
            elevation: DEFAULT_ELEVATION,
            zoom: 1.0,
            pan: [0.0; 3],
        }
    }
}

/// The frame a camera draws into: the box it looks at and the viewport's size in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame3 {
    /// The box's centre (the orbit's pivot before panning).
    pub center: DVec3,
    /// Radius of the sphere around the box (what zoom 1 fits into the view).
    pub radius: f64,
    /// Viewport width and height in pixels.
    pub size: DVec2,
}

impl Frame3 {
    /// The frame of a box spanning `lo`..`hi` drawn into a `w`×`h` pixel viewport.
    pub fn new(lo: DVec3, hi: DVec3, w: f64, h: f64) -> Frame3 {
        Frame3 {
            center: (lo + hi) * 0.5,
            radius: ((hi - lo).length() * 0.5).max(1e-9),
            size: DVec2::new(w.max(1.0), h.max(1.0)),
        }
    }

    fn aspect(&self) -> f64 {
        self.size.x / self.size.y
    }
}

/// A ray in box coordinates: the points `origin + t·dir`, t ≥ 0; `dir` has unit length.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ray {
    pub origin: DVec3,
    pub dir: DVec3,
}

impl Ray {
    /// The point at parameter `t`.
    pub fn at(&self, t: f64) -> DVec3 {
        self.origin + self.dir * t
    }
}

impl Camera {
    /// The camera looking from `azimuth`, `elevation` (degrees) at the whole box. Values out
    /// of range are brought into it (azimuth wrapped, elevation clamped).
    pub fn looking_from(azimuth: f64, elevation: f64) -> Camera {
        Camera {
            azimuth,
            elevation,
            ..Camera::default()
        }
        .normalized()
    }

    /// This camera with every field brought into its range (non-finite values reset).
    pub fn normalized(self) -> Camera {
        let d = Camera::default();
        let finite = |v: f64, or: f64| if v.is_finite() { v } else { or };
        let mut az = finite(self.azimuth, d.azimuth) % 360.0;
        if az <= -180.0 {
            az += 360.0;
        } else if az > 180.0 {
            az -= 360.0;
        }
        Camera {
            azimuth: az,
            elevation: finite(self.elevation, d.elevation).clamp(-MAX_ELEVATION, MAX_ELEVATION),
            zoom: finite(self.zoom, 1.0).clamp(ZOOM_RANGE.0, ZOOM_RANGE.1),
            pan: self.pan.map(|p| finite(p, 0.0).clamp(-MAX_PAN, MAX_PAN)),
        }
    }

    /// The unit vector from the target to the eye.
    pub fn direction(&self) -> DVec3 {
        let (az, el) = (self.azimuth.to_radians(), self.elevation.to_radians());
        DVec3::new(el.cos() * az.cos(), el.cos() * az.sin(), el.sin())
    }

    /// The point the camera looks at.
    pub fn target(&self, frame: &Frame3) -> DVec3 {
        frame.center + DVec3::from_array(self.pan) * frame.radius
    }

    /// Distance from the target to the eye: zoom 1 fits the box's sphere into the smaller
    /// of the two fields of view.
    pub fn distance(&self, frame: &Frame3) -> f64 {
        let half_y = (FOV_Y * 0.5).to_radians();
        let half_x = (half_y.tan() * frame.aspect()).atan();
        let half = half_y.min(half_x);
        frame.radius / half.sin() / self.zoom
    }

    /// Where the eye is.
    pub fn eye(&self, frame: &Frame3) -> DVec3 {
        self.target(frame) + self.direction() * self.distance(frame)
    }

    /// World-to-camera matrix (right-handed, z up).
    pub fn view_matrix(&self, frame: &Frame3) -> DMat4 {
        DMat4::look_at_rh(self.eye(frame), self.target(frame), DVec3::Z)
    }

    /// Camera-to-clip matrix (wgpu's depth range 0..1), with near and far planes around the
    /// box so that depth keeps its precision.
    pub fn projection(&self, frame: &Frame3) -> DMat4 {
        let d = self.distance(frame);
        let reach = frame.radius * (1.0 + MAX_PAN * 3.0_f64.sqrt());
        let near = (d - reach).max(d * 1e-3);
        let far = d + reach;
        DMat4::perspective_rh(FOV_Y.to_radians(), frame.aspect(), near, far)
    }

    /// Box-to-clip matrix.
    pub fn view_proj_f64(&self, frame: &Frame3) -> DMat4 {
        self.projection(frame) * self.view_matrix(frame)
    }

    /// Box-to-clip matrix in f32, for a shader's uniform.
    pub fn view_proj(&self, frame: &Frame3) -> Mat4 {
        self.view_proj_f64(frame).as_mat4()
    }

    /// The pixel (x right, y down from the viewport's top-left corner) and depth (0 near,
    /// 1 far) where box point `p` is drawn; None behind the eye.
    pub fn project(&self, frame: &Frame3, p: DVec3) -> Option<(DVec2, f64)> {
        let clip = self.view_proj_f64(frame) * p.extend(1.0);
        if clip.w <= 1e-12 {
            return None;
        }
        let ndc = clip.truncate() / clip.w;
        let px = DVec2::new(
            (ndc.x + 1.0) * 0.5 * frame.size.x,
            (1.0 - ndc.y) * 0.5 * frame.size.y,
        );
        Some((px, ndc.z))
    }

    /// The ray from the eye through pixel `px` (same convention as [`Camera::project`]).
    pub fn ray(&self, frame: &Frame3, px: DVec2) -> Ray {
        let ndc = DVec2::new(
            px.x / frame.size.x * 2.0 - 1.0,
            1.0 - px.y / frame.size.y * 2.0,
        );
        let inv = self.view_proj_f64(frame).inverse();
        let unproject = |z: f64| {
            let p: DVec4 = inv * DVec4::new(ndc.x, ndc.y, z, 1.0);
            p.truncate() / p.w
        };
        let origin = self.eye(frame);
        let far = unproject(1.0);
        Ray {
            origin,
            dir: (far - origin).normalize(),
        }
    }

    /// Turns the camera by `d_azimuth` and `d_elevation` degrees.
    pub fn orbit(&mut self, d_azimuth: f64, d_elevation: f64) {
        self.azimuth += d_azimuth;
        self.elevation += d_elevation;
        *self = self.normalized();
    }

    /// Orbits for a drag of `delta` pixels: a drag across the whole viewport's width turns
    /// the camera half a turn; dragging down raises the eye (the landscape tips towards
    /// the viewer, as in matplotlib).
    pub fn drag_orbit(&mut self, frame: &Frame3, delta: DVec2) {
        let per_px = 180.0 / frame.size.x.max(frame.size.y);
        self.orbit(-delta.x * per_px, delta.y * per_px);
    }

    /// Moves closer (`factor` > 1) or farther (`factor` < 1), within [`ZOOM_RANGE`].
    pub fn zoom_by(&mut self, factor: f64) {
        if factor.is_finite() && factor > 0.0 {
            self.zoom *= factor;
        }
        *self = self.normalized();
    }

    /// Pans for a drag of `delta` pixels: the point under the pointer at the target's depth
    /// follows the pointer.
    pub fn drag_pan(&mut self, frame: &Frame3, delta: DVec2) {
        let view = self.view_matrix(frame);
        // Rows of the view matrix's rotation are the camera's right and up in box coordinates.
        let right = DVec3::new(view.x_axis.x, view.y_axis.x, view.z_axis.x);
        let up = DVec3::new(view.x_axis.y, view.y_axis.y, view.z_axis.y);
        let world_per_px =
            2.0 * self.distance(frame) * (FOV_Y * 0.5).to_radians().tan() / frame.size.y;
        let shift = (-right * delta.x + up * delta.y) * world_per_px / frame.radius;
        let pan = DVec3::from_array(self.pan) + shift;
        self.pan = pan.to_array();
        *self = self.normalized();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame3 {
        Frame3::new(
            DVec3::new(-1.0, -1.0, 0.0),
            DVec3::new(1.0, 1.0, 0.6),
            800.0,
            600.0,
        )
    }

    #[test]
    fn default_looks_from_matplotlibs_angle_at_the_centre() {
        let c = Camera::default();
        let f = frame();
        let (px, depth) = c.project(&f, f.center).unwrap();
        assert!((px - DVec2::new(400.0, 300.0)).length() < 1e-9, "{px}");
        assert!((0.0..1.0).contains(&depth));
        // −60°, 30°: the eye is in front (−y), to the right (+x) and above.
        let eye = c.eye(&f) - f.center;
        assert!(eye.x > 0.0 && eye.y < 0.0 && eye.z > 0.0, "{eye}");
        assert!((eye.normalize().z - 0.5).abs() < 1e-12);
    }

    #[test]
    fn side_view_matches_the_pinhole_formula() {
        // Eye on +x at the box's height, looking along −x: +y is to the right, +z up, and a
        // point a to the side lands at a / (d·tan 15°) of the half-width from the centre.
        let f = Frame3::new(
            DVec3::new(-1.0, -1.0, -1.0),
            DVec3::new(1.0, 1.0, 1.0),
            600.0,
            600.0,
        );
        let c = Camera::looking_from(0.0, 0.0);
        let d = 3.0_f64.sqrt() / 15.0_f64.to_radians().sin();
        assert!((c.distance(&f) - d).abs() < 1e-12);
        assert!((c.eye(&f) - DVec3::new(d, 0.0, 0.0)).length() < 1e-12);
        let a = 0.4;
        let want = 300.0 + 300.0 * a / (d * 15.0_f64.to_radians().tan());
        let (px, _) = c.project(&f, DVec3::new(0.0, a, 0.0)).unwrap();
        assert!(
            (px.x - want).abs() < 1e-9 && (px.y - 300.0).abs() < 1e-9,
            "{px} vs {want}"
        );
        let (up, _) = c.project(&f, DVec3::new(0.0, 0.0, a)).unwrap();
        assert!((up.x - 300.0).abs() < 1e-9 && (300.0 - up.y - (want - 300.0)).abs() < 1e-9);
        // Nearer points have smaller depth.
        let near = c.project(&f, DVec3::new(0.5, 0.0, 0.0)).unwrap().1;
        let far = c.project(&f, DVec3::new(-0.5, 0.0, 0.0)).unwrap().1;
        assert!(near < far);
        assert!(
            c.project(&f, DVec3::new(2.0 * d, 0.0, 0.0)).is_none(),
            "behind the eye"
        );
    }

    #[test]
    fn zoom_one_fits_the_box() {
        let f = frame();
        let c = Camera::default();
        for &x in &[-1.0, 1.0] {
            for &y in &[-1.0, 1.0] {
                for &z in &[0.0, 0.6] {
                    let (px, _) = c.project(&f, DVec3::new(x, y, z)).unwrap();
                    assert!(px.x >= 0.0 && px.x <= 800.0 && px.y >= 0.0 && px.y <= 600.0);
                }
            }
        }
    }

    #[test]
    fn ray_through_a_projected_point_passes_through_it() {
        let f = frame();
        let mut c = Camera::looking_from(20.0, 45.0);
        c.zoom_by(1.7);
        let p = DVec3::new(0.3, -0.7, 0.2);
        let (px, _) = c.project(&f, p).unwrap();
        let ray = c.ray(&f, px);
        let t = (p - ray.origin).dot(ray.dir);
        assert!((ray.at(t) - p).length() < 1e-9);
    }

    #[test]
    fn orbit_wraps_and_clamps() {
        let mut c = Camera::default();
        c.orbit(-150.0, 100.0);
        assert_eq!(c.azimuth, 150.0);
        assert_eq!(c.elevation, MAX_ELEVATION);
        c.zoom_by(1e9);
        assert_eq!(c.zoom, ZOOM_RANGE.1);
        c.zoom_by(f64::NAN);
        assert_eq!(c.zoom, ZOOM_RANGE.1);
    }

    #[test]
    fn pan_moves_the_target_with_the_pointer() {
        let f = frame();
        let mut c = Camera::default();
        let p = f.center;
        let before = c.project(&f, p).unwrap().0;
        c.drag_pan(&f, DVec2::new(40.0, -25.0));
        let after = c.project(&f, p).unwrap().0;
        // The point at the target's depth moves with the drag.
        assert!(
            (after - before - DVec2::new(40.0, -25.0)).length() < 1e-6,
            "{after} {before}"
        );
    }

    #[test]
    fn looking_straight_down_keeps_x_to_the_right() {
        let f = frame();
        let c = Camera::looking_from(-90.0, MAX_ELEVATION);
        let a = c.project(&f, DVec3::new(-0.5, 0.0, 0.0)).unwrap().0;
        let b = c.project(&f, DVec3::new(0.5, 0.0, 0.0)).unwrap().0;
        assert!(b.x > a.x);
        let lo = c.project(&f, DVec3::new(0.0, -0.5, 0.0)).unwrap().0;
        let hi = c.project(&f, DVec3::new(0.0, 0.5, 0.0)).unwrap().0;
        assert!(hi.y < lo.y, "+y is up the screen from above");
    }
}

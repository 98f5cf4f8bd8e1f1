//! The 3D view's settings in the document: which canvas is shown ([`CanvasMode`]: the map,
//! the surface, or both side by side) and how the surface is drawn ([`SurfaceSettings`]:
//! the camera, the vertical scale, contours on the floor, the tangent plane at the pin).

use crate::surface::Camera;

/// What the canvas shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CanvasMode {
    /// The map from above: heatmap, contours, arrows (the 2D view).
    #[default]
    Map,
    /// The surface z = f(x, y) in 3D.
    Surface,
    /// The map and the surface side by side, linked.
    Split,
}

impl CanvasMode {
    /// Every mode, in the order the panel lists them and the key cycles through them.
    pub(crate) const ALL: [CanvasMode; 3] =
        [CanvasMode::Map, CanvasMode::Surface, CanvasMode::Split];

    /// The name in scene files and on the command line (`2d`, `3d`, `split`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            CanvasMode::Map => "2d",
            CanvasMode::Surface => "3d",
            CanvasMode::Split => "split",
        }
    }

    /// The words in the panel.
    pub(crate) fn label(self) -> &'static str {
        match self {
            CanvasMode::Map => "map (2D)",
            CanvasMode::Surface => "surface (3D)",
            CanvasMode::Split => "map and surface",
        }
    }

    /// A mode by its name.
    pub(crate) fn from_name(name: &str) -> Option<CanvasMode> {
        CanvasMode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The next mode in [`CanvasMode::ALL`], wrapping.
    pub(crate) fn next(self) -> CanvasMode {
        let i = CanvasMode::ALL.iter().position(|&m| m == self).unwrap_or(0);
        CanvasMode::ALL[(i + 1) % CanvasMode::ALL.len()]
    }

    /// The surface is drawn (alone or beside the map).
    pub(crate) fn shows_surface(self) -> bool {
        self != CanvasMode::Map
    }

    /// The map is drawn (alone or beside the surface).
    pub(crate) fn shows_map(self) -> bool {
        self != CanvasMode::Surface
    }
}

/// How the surface is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurfaceSettings {
    pub camera: Camera,
    /// Factor on the box's default height, within `surface::boxmap::VSCALE_RANGE`.
    pub vscale: f64,
    /// The contour lines are also drawn projected on the floor.
    pub floor_contours: bool,
    /// The tangent plane at the pin is drawn.
    pub tangent_plane: bool,
}

impl Default for SurfaceSettings {
    fn default() -> SurfaceSettings {
        SurfaceSettings {
            camera: Camera::default(),
            vscale: 1.0,
            floor_contours: true,
            tangent_plane: false,
        }
    }
}

/// What a refused camera or surface value must be, for the message (as `checks::Need`).
pub(crate) type Need = &'static str;

fn within(v: f64, ok: bool, need: Need) -> Result<f64, Need> {
    if v.is_finite() && ok {
        Ok(v)
    } else {
        Err(need)
    }
}

/// The camera's azimuth in degrees: any finite angle (it is wrapped into (−180, 180]).
pub(crate) fn check_azimuth(v: f64) -> Result<f64, Need> {
    within(v, true, "a finite angle in degrees")
}

/// The camera's elevation in degrees: within ±89 (`surface::camera::MAX_ELEVATION`).
pub(crate) fn check_elevation(v: f64) -> Result<f64, Need> {
    use crate::surface::camera::MAX_ELEVATION;
    within(v, v.abs() <= MAX_ELEVATION, "degrees within ±89")
}

/// The camera's zoom: within `surface::camera::ZOOM_RANGE` (0.25 to 20).
pub(crate) fn check_zoom(v: f64) -> Result<f64, Need> {
    let (lo, hi) = crate::surface::camera::ZOOM_RANGE;
    within(v, (lo..=hi).contains(&v), "from 0.25 to 20")
}

/// One coordinate of the camera's pan: within ±`surface::camera::MAX_PAN` (2) box half-widths.
pub(crate) fn check_pan(v: f64) -> Result<f64, Need> {
    use crate::surface::camera::MAX_PAN;
    within(v, v.abs() <= MAX_PAN, "within ±2 (box half-widths)")
}

/// The vertical scale: within `surface::boxmap::VSCALE_RANGE` (0.1 to 10).
pub(crate) fn check_vscale(v: f64) -> Result<f64, Need> {
    let (lo, hi) = crate::surface::boxmap::VSCALE_RANGE;
    within(v, (lo..=hi).contains(&v), "from 0.1 to 10")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surface::boxmap::VSCALE_RANGE;
    use crate::surface::camera::{MAX_ELEVATION, MAX_PAN, ZOOM_RANGE};

    #[test]
    fn the_checks_say_the_ranges_the_camera_keeps() {
        // The words in each message name the constants' values.
        assert!(check_elevation(MAX_ELEVATION).is_ok() && check_elevation(-MAX_ELEVATION).is_ok());
        assert!(check_elevation(MAX_ELEVATION + 1e-9).is_err());
        assert!(check_elevation(f64::NAN).is_err() && check_azimuth(f64::INFINITY).is_err());
        assert!(check_zoom(ZOOM_RANGE.0).is_ok() && check_zoom(ZOOM_RANGE.1).is_ok());
        assert!(
            check_zoom(ZOOM_RANGE.0 * 0.99).is_err() && check_zoom(ZOOM_RANGE.1 * 1.01).is_err()
        );
        assert!(check_vscale(VSCALE_RANGE.0).is_ok() && check_vscale(VSCALE_RANGE.1).is_ok());
        assert!(
            check_vscale(VSCALE_RANGE.0 * 0.99).is_err()
                && check_vscale(VSCALE_RANGE.1 * 1.01).is_err()
        );
        assert!(check_pan(MAX_PAN).is_ok() && check_pan(-MAX_PAN * 1.01).is_err());
        let need = check_zoom(0.0).unwrap_err();
        assert!(
            need.contains(&ZOOM_RANGE.0.to_string()) && need.contains(&ZOOM_RANGE.1.to_string())
        );
        let need = check_vscale(0.0).unwrap_err();
        assert!(
            need.contains(&VSCALE_RANGE.0.to_string())
                && need.contains(&VSCALE_RANGE.1.to_string())
        );
        assert!(check_elevation(90.0)
            .unwrap_err()
            .contains(&MAX_ELEVATION.to_string()));
        assert!(check_pan(3.0).unwrap_err().contains(&MAX_PAN.to_string()));
    }
}

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

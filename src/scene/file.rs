//! The scene file as TOML sees it: every table and key, all optional, unknown keys refused.
//! Nothing here is checked beyond its TOML type; `resolve` turns it into a [`crate::document::Document`].

use serde::{Deserialize, Serialize};

/// The whole file. Keys left out fall back to the preset's value or the explorer's default.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SceneFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub view: Option<Vec<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layers: Option<LayersTable>,
    #[serde(alias = "color", skip_serializing_if = "Option::is_none")]
    pub colour: Option<ColourTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optimizer: Option<OptimizerTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compare: Option<CompareTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sweep: Option<SweepTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pin: Option<PinTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<DisplayTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maps: Option<MapsTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub surface: Option<SurfaceTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paths: Option<Vec<PathTable>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variables: Option<super::symbols::VariablesTable>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sliders: Option<Vec<super::symbols::SliderTable>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<super::data::DataTable>,
}

/// `[layers]`: what is drawn.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LayersTable {
    pub heatmap: Option<bool>,
    pub contours: Option<bool>,
    pub levels: Option<u32>,
    pub paths: Option<bool>,
    /// `descent`, `ascent` or `none`.
    pub arrows: Option<String>,
    /// `normalized`, `proportional` or `log`.
    pub arrow_length: Option<String>,
    pub arrow_spacing: Option<f64>,
}

/// `[colour]` (or `[color]`): colour map and scale.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ColourTable {
    pub colormap: Option<String>,
    /// `linear` or `log`.
    pub scale: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percentile: Option<f64>,
}

/// `[optimizer]`: the optimizer of new paths, its hyperparameters and the animation.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OptimizerTable {
    pub name: Option<String>,
    pub lr: Option<f64>,
    pub momentum: Option<f64>,
    pub alpha: Option<f64>,
    pub beta1: Option<f64>,
    pub beta2: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eps: Option<f64>,
    pub ascent: Option<bool>,
    /// The learning-rate schedule, as `--schedule` writes it (`exp:0.99`); const if absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    /// `armijo` or `none` (`gd` and `newton` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_search: Option<String>,
    pub tol: Option<f64>,
    pub max_steps: Option<u64>,
    pub steps_per_second: Option<f64>,
    pub playing: Option<bool>,
    /// The step read-out draws −η∇f at the selected path's iterate.
    pub gradient_step: Option<bool>,
    /// A data loss's mini-batch size (absent: full batch).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch: Option<u64>,
    /// The seed of the mini-batches.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
}

/// `[compare]`: compare mode and which optimizers it races.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CompareTable {
    pub on: Option<bool>,
    pub optimizers: Option<Vec<String>>,
}

/// `[sweep]`: learning-rate sweep mode and its factors.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SweepTable {
    pub on: Option<bool>,
    pub factors: Option<Vec<f64>>,
}

/// `[pin]`: the pinned point and the direction u of the directional derivative.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PinTable {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<Vec<f64>>,
    /// θ of u in degrees from +x.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction_deg: Option<f64>,
    /// θ of u in radians (what a save writes when degrees would not round-trip exactly).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<f64>,
    /// The step h of the gradient check at the pin, 1e-12 to 0.1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub check_step: Option<f64>,
}

/// `[display]`: how the window looks.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DisplayTable {
    /// `dark`, `light`, `high-contrast` or `print`.
    pub theme: Option<String>,
    pub ui_scale: Option<f64>,
    pub panel: Option<bool>,
    pub fullscreen: Option<bool>,
    /// Presentation mode (the canvas takes the window, text sized for projection).
    pub present: Option<bool>,
}

/// `[maps]`: what the colours show (the convergence map and the gradient check).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MapsTable {
    /// `heatmap`, `basin`, `steps`, `check` or `stability`.
    pub colour_by: Option<String>,
    /// One convergence-map start per `grid` × `grid` pixels: 1, 2, 4 or 8.
    pub grid: Option<u32>,
    /// The gradient check's relative step h, 1e-8 to 1e-1.
    pub check_step: Option<f64>,
}

/// `[surface]`: the 3D view: which canvas is shown, the camera and how the surface is drawn.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SurfaceTable {
    /// `2d` (the map), `3d` (the surface) or `split` (both side by side).
    pub canvas: Option<String>,
    /// Degrees from +x towards +y of the direction to the eye.
    pub azimuth: Option<f64>,
    /// Degrees above the floor, within ±89.
    pub elevation: Option<f64>,
    /// 0.25 to 20 (1: the whole box fits).
    pub zoom: Option<f64>,
    /// Where the camera looks, from the box's centre in box half-widths, each within ±2.
    pub pan: Option<Vec<f64>>,
    /// Factor on the box's height, 0.1 to 10.
    pub vscale: Option<f64>,
    pub floor_contours: Option<bool>,
    pub tangent_plane: Option<bool>,
}

/// One `[[paths]]` entry: a descent path's start and what differs from `[optimizer]`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PathTable {
    pub start: Option<Vec<f64>>,
    /// Default: `[optimizer] name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optimizer: Option<String>,
    /// A sweep path: η is `[optimizer] lr` times this.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lr_factor: Option<f64>,
    /// Index into the path palette (default: the next colour).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<u64>,
}

//! What is drawn and how: layer toggles, the colour map and scale, contour levels and the
//! arrow field ([`ArrowDir`], [`ArrowLength`]). The explorer's panel, scene files, the command
//! line and the renderer all use these types.

use super::Colormap;

/// Which way the arrows of the gradient field point, if they are drawn at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowDir {
    /// Along +∇f (uphill).
    Ascent,
    /// Along −∇f (downhill, the way plain gradient descent moves).
    Descent,
    /// No arrows.
    None,
}

impl ArrowDir {
    /// Every choice, in panel order.
    pub(crate) const ALL: [ArrowDir; 3] = [ArrowDir::Descent, ArrowDir::Ascent, ArrowDir::None];

    /// The name used on the command line, in scene files and in the panel.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ArrowDir::Ascent => "ascent",
            ArrowDir::Descent => "descent",
            ArrowDir::None => "none",
        }
    }

    /// The choice called `name` (exactly as [`ArrowDir::name`] writes it).
    pub(crate) fn from_name(name: &str) -> Option<ArrowDir> {
        ArrowDir::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// How long an arrow is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowLength {
    /// All 0.9 × spacing; brightness shows |∇f|.
    Normalized,
    /// Proportional to |∇f|, capped at 0.9 × spacing (reached at half the largest |∇f|).
    Proportional,
    /// Logarithmic in |∇f| over three decades below the largest, capped at 0.9 × spacing.
    Log,
}

impl ArrowLength {
    /// Every choice, in panel order.
    pub(crate) const ALL: [ArrowLength; 3] = [
        ArrowLength::Normalized,
        ArrowLength::Proportional,
        ArrowLength::Log,
    ];

    /// The name used on the command line, in scene files and in the panel.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ArrowLength::Normalized => "normalized",
            ArrowLength::Proportional => "proportional",
            ArrowLength::Log => "log",
        }
    }

    /// The choice called `name` (exactly as [`ArrowLength::name`] writes it).
    pub(crate) fn from_name(name: &str) -> Option<ArrowLength> {
        ArrowLength::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// The layers and their settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Layers {
    pub show_heatmap: bool,
    pub show_contours: bool,
    pub show_paths: bool,
    pub colormap: Colormap,
    /// Number of contour levels (0 draws none).
    pub levels: u32,
    pub arrows: ArrowDir,
    pub arrow_length: ArrowLength,
    /// Distance between arrow anchors in logical pixels.
    pub arrow_spacing_px: f32,
    /// Logarithmic colour scale (for functions whose values span decades).
    pub log_scale: bool,
    /// Clip the colour range to the p-th and (100 − p)-th percentiles (0 < p < 50); `None`
    /// spans min..max.
    pub percentile: Option<f32>,
}

impl Default for Layers {
    fn default() -> Layers {
        Layers {
            show_heatmap: true,
            show_contours: true,
            show_paths: true,
            colormap: Colormap::Viridis,
            levels: 12,
            arrows: ArrowDir::Descent,
            arrow_length: ArrowLength::Normalized,
            arrow_spacing_px: 48.0,
            log_scale: false,
            percentile: None,
        }
    }
}

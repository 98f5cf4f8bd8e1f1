//! What the explorer shows and how: layer toggles, colour map, contour levels, arrow field
//! settings and the colour theme. Plain data; the window turns it into render settings.

/// The colour maps offered in the panel, by the names the renderer's `Colormap` parses.
pub const COLORMAPS: [&str; 7] = [
    "viridis",
    "magma",
    "inferno",
    "plasma",
    "cividis",
    "diverging",
    "grey",
];

/// Which way the arrows of the gradient field point, if they are drawn at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowDir {
    /// Along +∇f (uphill).
    Ascent,
    /// Along −∇f (the way plain gradient descent moves).
    Descent,
    /// No arrows.
    None,
}

impl ArrowDir {
    /// Every choice, in panel order.
    pub const ALL: [ArrowDir; 3] = [ArrowDir::Descent, ArrowDir::Ascent, ArrowDir::None];

    /// The name used on the command line and in the panel.
    pub fn name(self) -> &'static str {
        match self {
            ArrowDir::Ascent => "ascent",
            ArrowDir::Descent => "descent",
            ArrowDir::None => "none",
        }
    }
}

/// How long an arrow is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowLength {
    /// All arrows the same length; colour shows |grad f|.
    Normalized,
    /// Length proportional to |grad f|, capped.
    Proportional,
    /// Length grows with log |grad f|.
    Log,
}

impl ArrowLength {
    /// Every choice, in panel order.
    pub const ALL: [ArrowLength; 3] = [
        ArrowLength::Normalized,
        ArrowLength::Proportional,
        ArrowLength::Log,
    ];

    /// The name used on the command line and in the panel.
    pub fn name(self) -> &'static str {
        match self {
            ArrowLength::Normalized => "normalized",
            ArrowLength::Proportional => "proportional",
            ArrowLength::Log => "log",
        }
    }
}

/// The colours of the panel, overlay text and background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Dark,
    Light,
    /// Black and white with heavy text, for projectors in bright rooms.
    HighContrast,
}

impl Theme {
    /// Every theme, in the order the panel lists them.
    pub const ALL: [Theme; 3] = [Theme::Dark, Theme::Light, Theme::HighContrast];

    /// The name shown in the panel.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::HighContrast => "high contrast",
        }
    }
}

/// The layers and their settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Layers {
    pub show_heatmap: bool,
    pub show_contours: bool,
    pub show_paths: bool,
    /// One of [`COLORMAPS`].
    pub colormap: &'static str,
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
            colormap: COLORMAPS[0],
            levels: 12,
            arrows: ArrowDir::Descent,
            arrow_length: ArrowLength::Normalized,
            arrow_spacing_px: 48.0,
            log_scale: false,
            percentile: None,
        }
    }
}

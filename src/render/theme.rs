//! The overlay's colours for each of the document's themes: text, halo, grid and background.

use egui::Color32;

/// Grey (sRGB, 0–1) of the contour lines, drawn on every theme over the heatmap.
pub(crate) const CONTOUR_DARK: f32 = 0.05;
/// Grey of the halo that runs along each contour line, so that the dark line reads on dark
/// colours too.
pub(crate) const CONTOUR_HALO: f32 = 1.0;
/// How far the halo moves the heatmap's colour toward [`CONTOUR_HALO`].
pub(crate) const CONTOUR_HALO_MIX: f32 = 0.45;
/// Grey of the weakest arrow's fill (normalised arrows: brighter where |∇f| is larger); every
/// arrow has a black outline.
pub(crate) const ARROW_FILL_MIN: f32 = 0.55;

/// The document's colour theme (dark, light, high contrast); its overlay colours are here.
pub use crate::document::Theme;

/// The overlay's colours: dark has light text on a dark background, light has dark text on a
/// light background (print), high contrast white on black with heavier strokes (projectors
/// in bright rooms).
impl Theme {
    /// The colour the target should be cleared with behind the figure (RGBA8, sRGB).
    pub fn background(self) -> [u8; 4] {
        match self {
            Theme::Dark => [24, 24, 28, 255],
            Theme::Light => [255, 255, 255, 255],
            Theme::HighContrast => [0, 0, 0, 255],
        }
    }
    /// Text, tick and frame colour.
    pub(crate) fn text(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgb(235, 235, 235),
            Theme::Light => Color32::from_rgb(20, 20, 20),
            Theme::HighContrast => Color32::WHITE,
        }
    }
    /// Backing behind text drawn over the field.
    pub(crate) fn halo(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgba_unmultiplied(16, 16, 20, 200),
            Theme::Light => Color32::from_rgba_unmultiplied(255, 255, 255, 210),
            Theme::HighContrast => Color32::BLACK,
        }
    }
    /// Grid lines across the plot: at least 3:1 against the plot's background (the
    /// contrast test in `render/contrast.rs`).
    pub(crate) fn grid(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgba_unmultiplied(255, 255, 255, 96),
            Theme::Light => Color32::from_rgba_unmultiplied(0, 0, 0, 115),
            Theme::HighContrast => Color32::from_rgba_unmultiplied(255, 255, 255, 110),
        }
    }
    /// Width factor of the field's lines (contours, arrows, path lines and markers): heavier in
    /// high contrast, where thin lines vanish on a washed-out projector.
    pub fn line_factor(self) -> f32 {
        match self {
            Theme::HighContrast => 1.75,
            _ => 1.0,
        }
    }
    /// Width factor (× scale) of the grid lines.
    pub(crate) fn grid_px(self) -> f32 {
        match self {
            Theme::HighContrast => 2.0,
            _ => 1.0,
        }
    }
    /// Stroke width factor (× scale) for frames and ticks.
    pub(crate) fn stroke_px(self) -> f32 {
        match self {
            Theme::HighContrast => 2.5,
            _ => 1.5,
        }
    }
}

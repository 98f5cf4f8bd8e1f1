//! The overlay's colours for each of the document's themes: text, halo, grid and background.

use egui::Color32;

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
    /// Grid lines across the plot.
    pub(crate) fn grid(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgba_unmultiplied(255, 255, 255, 46),
            Theme::Light => Color32::from_rgba_unmultiplied(0, 0, 0, 46),
            Theme::HighContrast => Color32::from_rgba_unmultiplied(255, 255, 255, 90),
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

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

/// An sRGB channel (0–255) as linear light (0–1), by the sRGB transfer function.
pub(crate) fn srgb_to_linear(c: u8) -> f32 {
    let v = f32::from(c) / 255.0;
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

/// The document's colour theme (dark, light, high contrast); its overlay colours are here.
pub use crate::document::Theme;

/// The overlay's colours: dark has light text on a dark background, light has dark text on a
/// light background, high contrast white on black with heavier strokes (projectors in bright
/// rooms), print black on white with lines 1.3× heavier (paper and its photocopies).
impl Theme {
    /// The colour the target should be cleared with behind the figure (RGBA8, sRGB).
    pub fn background(self) -> [u8; 4] {
        match self {
            Theme::Dark => [24, 24, 28, 255],
            Theme::Light | Theme::Print => [255, 255, 255, 255],
            Theme::HighContrast => [0, 0, 0, 255],
        }
    }
    /// Whether the theme is dark type on a light background (light, print).
    pub(crate) fn is_light(self) -> bool {
        matches!(self, Theme::Light | Theme::Print)
    }
    /// [`Theme::background`] as an egui colour.
    pub(crate) fn background_color(self) -> Color32 {
        let [r, g, b, a] = self.background();
        Color32::from_rgba_unmultiplied(r, g, b, a)
    }
    /// Text, tick and frame colour.
    pub(crate) fn text(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgb(235, 235, 235),
            Theme::Light => Color32::from_rgb(20, 20, 20),
            Theme::Print => Color32::BLACK,
            Theme::HighContrast => Color32::WHITE,
        }
    }
    /// Backing behind text drawn over the field.
    pub(crate) fn halo(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgba_unmultiplied(16, 16, 20, 200),
            Theme::Light => Color32::from_rgba_unmultiplied(255, 255, 255, 210),
            Theme::Print => Color32::from_rgba_unmultiplied(255, 255, 255, 235),
            Theme::HighContrast => Color32::BLACK,
        }
    }
    /// Grid lines across the plot: at least 3:1 against the plot's background (the
    /// contrast test in `render/contrast.rs`).
    pub(crate) fn grid(self) -> Color32 {
        match self {
            Theme::Dark => Color32::from_rgba_unmultiplied(255, 255, 255, 96),
            Theme::Light => Color32::from_rgba_unmultiplied(0, 0, 0, 115),
            Theme::Print => Color32::from_rgba_unmultiplied(0, 0, 0, 140),
            Theme::HighContrast => Color32::from_rgba_unmultiplied(255, 255, 255, 110),
        }
    }
    /// Width factor of the field's lines (contours, arrows, path lines and markers): heavier in
    /// high contrast, where thin lines vanish on a washed-out projector.
    pub fn line_factor(self) -> f32 {
        match self {
            Theme::HighContrast => 1.75,
            Theme::Print => 1.3,
            _ => 1.0,
        }
    }
    /// A path's colour as text and outlines on this theme's backing: as it is on the dark
    /// themes; on the light ones (light, print) darkened, hue kept, to a relative luminance
    /// of at most 0.18, at least 4.5:1 against white (a white path's label would vanish).
    pub(crate) fn ink(self, rgba: [u8; 4]) -> [u8; 4] {
        if !self.is_light() {
            return rgba;
        }
        let linear = srgb_to_linear;
        let [r, g, b, a] = rgba;
        let lum = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        if lum <= 0.18 {
            return rgba;
        }
        // Scaling linear light by k scales the luminance by k.
        let k = 0.18 / lum;
        let encode = |c: u8| {
            let v = linear(c) * k;
            let s = if v <= 0.0031308 {
                12.92 * v
            } else {
                1.055 * v.powf(1.0 / 2.4) - 0.055
            };
            (s * 255.0).round().clamp(0.0, 255.0) as u8
        };
        [encode(r), encode(g), encode(b), a]
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

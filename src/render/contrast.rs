//! Contrast of what the canvas draws against what it is drawn on, by the WCAG 2 formula:
//! (L₁ + 0.05) / (L₂ + 0.05) of the relative luminances, colours composited as egui and
//! the shaders composite them (in sRGB values). The tests hold every theme to a floor: text
//! 4.5:1, lines 3:1, so that a washed-out projector still shows them.

/// An opaque sRGB colour, 0–255 per channel.
pub(crate) type Rgb = [u8; 3];

/// WCAG's relative luminance of an sRGB colour.
pub(crate) fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| f64::from(super::theme::srgb_to_linear(v));
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// WCAG's contrast ratio of two colours, 1 to 21, whichever is lighter.
pub(crate) fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `top` with alpha `alpha` (0–1) over `under`, mixed in sRGB values.
pub(crate) fn over(top: Rgb, alpha: f64, under: Rgb) -> Rgb {
    let a = alpha.clamp(0.0, 1.0);
    std::array::from_fn(|i| (f64::from(top[i]) * a + f64::from(under[i]) * (1.0 - a)).round() as u8)
}

/// A grey level (0–1, sRGB) as a colour.
pub(crate) fn grey(v: f32) -> Rgb {
    let g = (f64::from(v).clamp(0.0, 1.0) * 255.0).round() as u8;
    [g; 3]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Colormap, Theme};
    use crate::render::theme::{ARROW_FILL_MIN, CONTOUR_DARK, CONTOUR_HALO, CONTOUR_HALO_MIX};
    use egui::Color32;

    #[test]
    fn path_colours_as_ink_read_on_the_light_themes_backing() {
        // A white or yellow path's label vanished on the light themes' white label boxes.
        for c in crate::render::PATH_PALETTE {
            let rgba = c.map(|v| (v * 255.0).round() as u8);
            for theme in [Theme::Light, Theme::Print] {
                let [r, g, b, _] = theme.ink(rgba);
                let ratio = contrast([r, g, b], [255, 255, 255]);
                assert!(ratio >= 4.5, "{rgba:?} on {theme:?}: {ratio:.2}:1");
            }
            // The dark themes keep the colour as it is.
            assert_eq!(Theme::Dark.ink(rgba), rgba);
        }
        // The hue stays: red stays reddest.
        let [r, g, b, _] = Theme::Print.ink([255, 77, 64, 255]);
        assert!(r > 2 * g && r > 2 * b, "{r} {g} {b}");
    }

    const TEXT: f64 = 4.5;
    const LINES: f64 = 3.0;

    fn rgb(c: Color32) -> Rgb {
        let [r, g, b, _] = c.to_srgba_unmultiplied();
        [r, g, b]
    }
    fn alpha(c: Color32) -> f64 {
        f64::from(c.a()) / 255.0
    }
    fn background(t: Theme) -> Rgb {
        let [r, g, b, _] = t.background();
        [r, g, b]
    }
    /// Every colour a heatmap can show, every colour map.
    fn heatmap_colours() -> Vec<Rgb> {
        Colormap::ALL
            .iter()
            .flat_map(|m| m.lut().into_iter().map(|[r, g, b, _]| [r, g, b]))
            .collect()
    }

    #[test]
    fn the_formula_gives_the_known_ratios() {
        assert!((contrast([0; 3], [255; 3]) - 21.0).abs() < 1e-9);
        assert!((contrast([119; 3], [255; 3]) - 4.48).abs() < 0.01);
        assert_eq!(contrast([40, 80, 120], [40, 80, 120]), 1.0);
    }

    /// Ticks, tick labels, axis names, the colour bar's labels, the frame and the title are
    /// drawn on the theme's background, outside the plot.
    #[test]
    fn margin_text_reads_on_the_background_in_every_theme() {
        for t in Theme::ALL {
            let c = contrast(rgb(t.text()), background(t));
            assert!(c >= TEXT, "{}: text on background {c:.2}:1", t.name());
        }
    }

    /// The read-out, contour values and the colour bar's notes sit on the halo, which lies
    /// over any heatmap colour.
    #[test]
    fn haloed_text_reads_over_every_heatmap_colour_in_every_theme() {
        for t in Theme::ALL {
            let halo = t.halo();
            for under in heatmap_colours().into_iter().chain([background(t)]) {
                let backing = over(rgb(halo), alpha(halo), under);
                let c = contrast(rgb(t.text()), backing);
                assert!(
                    c >= TEXT,
                    "{}: text on the halo over {under:?} {c:.2}:1",
                    t.name()
                );
            }
        }
    }

    /// Reproduces issue 13's "washed-out projector": the grid (alpha 46) had under 2:1 on
    /// the light and the dark background.
    #[test]
    fn grid_lines_stand_out_from_the_plot_background_in_every_theme() {
        for t in Theme::ALL {
            let g = t.grid();
            let bg = background(t);
            let c = contrast(over(rgb(g), alpha(g), bg), bg);
            assert!(c >= LINES, "{}: grid on the background {c:.2}:1", t.name());
        }
    }

    /// A contour line is dark with a light halo along it: the line stands out from its halo
    /// over every heatmap colour and over the bare background (heatmap off).
    #[test]
    fn contour_lines_stand_out_from_their_halo_everywhere() {
        let line = grey(CONTOUR_DARK);
        let halo = grey(CONTOUR_HALO);
        let backgrounds = Theme::ALL.map(background);
        for under in heatmap_colours().into_iter().chain(backgrounds) {
            let ring = over(halo, f64::from(CONTOUR_HALO_MIX), under);
            let c = contrast(line, ring);
            assert!(c >= LINES, "contour on its halo over {under:?} {c:.2}:1");
        }
    }

    /// Arrows are filled light with a black outline: the weakest fill against the outline.
    #[test]
    fn arrow_fill_stands_out_from_its_outline() {
        let c = contrast(grey(ARROW_FILL_MIN), [0; 3]);
        assert!(c >= LINES, "arrow fill on its outline {c:.2}:1");
    }
}

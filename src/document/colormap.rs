//! Colour maps: perceptually uniform sequential maps, a diverging map centred on 0 and
//! greyscale, each baked from the `colorous` data into a 256-entry sRGB lookup table that the
//! heatmap shader and the colour bar share. One parser for the command line, scene files and
//! the panel.

use crate::error::{Error, Result};

/// Entries of a colour map's lookup table ([`Colormap::lut`]; `LUT_SIZE` in the shaders).
pub(crate) const LUT_SIZE: usize = 256;

/// A colour map for the heatmap and the colour bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Colormap {
    /// Perceptually uniform blue → green → yellow (the default).
    #[default]
    Viridis,
    /// Perceptually uniform black → purple → cream.
    Magma,
    /// Perceptually uniform black → red → yellow.
    Inferno,
    /// Perceptually uniform blue → pink → yellow.
    Plasma,
    /// Perceptually uniform blue → yellow, readable with colour-vision deficiencies.
    Cividis,
    /// Blue (negative) → white (0) → red (positive); the colour range is made symmetric
    /// around 0, so white is always f = 0.
    Diverging,
    /// Black → white, for print.
    Greyscale,
}

impl Colormap {
    /// Every colour map, in the order menus show them.
    pub const ALL: [Colormap; 7] = [
        Colormap::Viridis,
        Colormap::Magma,
        Colormap::Inferno,
        Colormap::Plasma,
        Colormap::Cividis,
        Colormap::Diverging,
        Colormap::Greyscale,
    ];

    /// The name used on the command line (`--colormap`) and in messages.
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Colormap::Viridis => "viridis",
            Colormap::Magma => "magma",
            Colormap::Inferno => "inferno",
            Colormap::Plasma => "plasma",
            Colormap::Cividis => "cividis",
            Colormap::Diverging => "diverging",
            Colormap::Greyscale => "greyscale",
        }
    }

    /// The short name the panel shows and scene files write (`grey` for greyscale, so that
    /// scenes stay readable by every gradfield that reads scene version 1).
    pub(crate) fn label(&self) -> &'static str {
        match self {
            Colormap::Greyscale => "grey",
            other => other.name(),
        }
    }

    /// Whether the map is centred on 0 (the colour range becomes [−m, m]).
    pub(crate) fn is_diverging(&self) -> bool {
        matches!(self, Colormap::Diverging)
    }

    /// 256 sRGB colours (alpha 255) from the low end (index 0) to the high end (index 255).
    #[cfg(feature = "gpu")]
    pub fn lut(&self) -> [[u8; 4]; LUT_SIZE] {
        let (gradient, reversed) = match self {
            Colormap::Viridis => (colorous::VIRIDIS, false),
            Colormap::Magma => (colorous::MAGMA, false),
            Colormap::Inferno => (colorous::INFERNO, false),
            Colormap::Plasma => (colorous::PLASMA, false),
            Colormap::Cividis => (colorous::CIVIDIS, false),
            // RdBu runs red → blue; negative values are conventionally blue.
            Colormap::Diverging => (colorous::RED_BLUE, true),
            // Greys runs white → black.
            Colormap::Greyscale => (colorous::GREYS, true),
        };
        let mut lut = [[0u8; 4]; LUT_SIZE];
        for (i, slot) in lut.iter_mut().enumerate() {
            let k = if reversed { LUT_SIZE - 1 - i } else { i };
            let c = gradient.eval_rational(k, LUT_SIZE);
            *slot = [c.r, c.g, c.b, 255];
        }
        lut
    }
}

impl std::fmt::Display for Colormap {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Colormap {
    type Err = Error;

    /// Any name or label in any case (`greyscale`, `grey`, `Viridis`) and the aliases `gray`,
    /// `grayscale`, `greys`, `rdbu` and `signed`.
    fn from_str(s: &str) -> Result<Colormap> {
        let wanted = s.trim().to_ascii_lowercase();
        let alias = match wanted.as_str() {
            "grey" | "gray" | "grayscale" | "greys" => "greyscale",
            "rdbu" | "signed" => "diverging",
            other => other,
        };
        Colormap::ALL
            .iter()
            .copied()
            .find(|m| m.name() == alias || m.label() == alias)
            .ok_or_else(|| {
                let names: Vec<&str> = Colormap::ALL.iter().map(Colormap::name).collect();
                Error::Input(format!(
                    "unknown colour map '{s}'; choose one of: {}",
                    names.join(", ")
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_lists_choices() {
        for m in Colormap::ALL {
            assert_eq!(m.name().parse::<Colormap>().unwrap(), m);
        }
        let err = "rainbow".parse::<Colormap>().unwrap_err().to_string();
        assert!(err.contains("rainbow") && err.contains("viridis") && err.contains("cividis"));
    }

    #[cfg(feature = "gpu")]
    fn luminance(c: [u8; 4]) -> f64 {
        0.2126 * c[0] as f64 + 0.7152 * c[1] as f64 + 0.0722 * c[2] as f64
    }

    #[test]
    fn every_name_a_flag_or_a_scene_took_before_parses() {
        // `--colormap` took the names and aliases; scene files and the panel took the labels.
        for (name, want) in [
            ("greyscale", Colormap::Greyscale),
            ("grey", Colormap::Greyscale),
            ("gray", Colormap::Greyscale),
            ("Grayscale", Colormap::Greyscale),
            ("greys", Colormap::Greyscale),
            ("rdbu", Colormap::Diverging),
            ("signed", Colormap::Diverging),
            (" Magma ", Colormap::Magma),
        ] {
            assert_eq!(name.parse::<Colormap>().unwrap(), want, "{name}");
        }
        for m in Colormap::ALL {
            assert_eq!(m.label().parse::<Colormap>().unwrap(), m);
        }
    }

    #[cfg(feature = "gpu")]
    #[test]
    fn sequential_maps_brighten_and_diverging_is_light_in_the_middle() {
        for m in [
            Colormap::Viridis,
            Colormap::Magma,
            Colormap::Inferno,
            Colormap::Plasma,
        ] {
            let lut = m.lut();
            assert!(luminance(lut[255]) > luminance(lut[0]) + 100.0, "{m}");
        }
        let d = Colormap::Diverging.lut();
        assert!(d[0][2] > d[0][0], "negative end is blue");
        assert!(d[255][0] > d[255][2], "positive end is red");
        assert!(luminance(d[128]) > luminance(d[0]) && luminance(d[128]) > luminance(d[255]));
        let g = Colormap::Greyscale.lut();
        assert!(g.iter().all(|c| c[0] == c[1] && c[1] == c[2]));
        assert!(g[0][0] < 40 && g[255][0] > 215);
    }
}

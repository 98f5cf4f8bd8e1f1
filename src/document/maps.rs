//! What the plot's colours show ([`ColorBy`]: heatmap, convergence map by basin or steps,
//! gradient check) and the map's and check's settings ([`MapSettings`]).

/// The smallest and largest step h of the gradient check (the panel's log slider).
pub(crate) const CHECK_STEP_RANGE: (f64, f64) = (1e-8, 1e-1);
/// The check's step h when nothing else was chosen (the CLI's default, `NUMERIC_STEP`).
pub(crate) const DEFAULT_CHECK_STEP: f64 = crate::samples::NUMERIC_STEP as f64;

/// What a convergence-map pixel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMode {
    /// Where descent from the pixel ends: one hue per minimum (the final point's angle around
    /// the view centre).
    Basin,
    /// The step at which descent from the pixel converged, through the colour map.
    Steps,
}

impl MapMode {
    /// The name on the command line (`--converge-map`, `--color-by`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            MapMode::Basin => "basin",
            MapMode::Steps => "steps",
        }
    }
}

impl std::str::FromStr for MapMode {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> crate::error::Result<MapMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "basin" => Ok(MapMode::Basin),
            "steps" => Ok(MapMode::Steps),
            other => Err(crate::error::Error::Input(format!(
                "--converge-map '{other}': expected basin or steps"
            ))),
        }
    }
}

/// What the plot's colours show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorBy {
    /// f through the colour map, with contours (the default).
    #[default]
    Heatmap,
    /// A convergence map: where descent from each point ends, or when it converged.
    Map(MapMode),
    /// log10 of the relative difference of the exact and central-difference gradients.
    Check,
    /// Where gradient descent with the current η is stable (η < 2/λmax of ∇²f) and where it
    /// overshoots, with the boundary η = 2/λmax.
    Stability,
}

impl ColorBy {
    /// Every choice, in the order `B` cycles through them.
    pub const ALL: [ColorBy; 5] = [
        ColorBy::Heatmap,
        ColorBy::Map(MapMode::Basin),
        ColorBy::Map(MapMode::Steps),
        ColorBy::Check,
        ColorBy::Stability,
    ];

    /// The name on the command line (`--color-by`).
    pub fn name(self) -> &'static str {
        match self {
            ColorBy::Heatmap => "heatmap",
            ColorBy::Map(m) => m.name(),
            ColorBy::Check => "check",
            ColorBy::Stability => "stability",
        }
    }

    /// The label in the panel.
    pub(crate) fn label(self) -> &'static str {
        match self {
            ColorBy::Heatmap => "heatmap of f",
            ColorBy::Map(MapMode::Basin) => "convergence map: basin",
            ColorBy::Map(MapMode::Steps) => "convergence map: steps",
            ColorBy::Check => "gradient check",
            ColorBy::Stability => "stable step size (η vs 2/λmax)",
        }
    }

    /// The next choice (`B`).
    pub fn next(self) -> ColorBy {
        let i = ColorBy::ALL.iter().position(|&c| c == self).unwrap_or(0);
        ColorBy::ALL[(i + 1) % ColorBy::ALL.len()]
    }

    /// True for the two convergence-map choices.
    pub fn is_map(self) -> bool {
        matches!(self, ColorBy::Map(_))
    }

    /// The convergence map's mode, for the two convergence-map choices.
    pub(crate) fn map_mode(self) -> Option<MapMode> {
        match self {
            ColorBy::Map(m) => Some(m),
            _ => None,
        }
    }
}

impl std::str::FromStr for ColorBy {
    type Err = crate::error::Error;
    fn from_str(s: &str) -> crate::error::Result<ColorBy> {
        let t = s.trim().to_ascii_lowercase();
        ColorBy::ALL
            .into_iter()
            .find(|c| c.name() == t)
            .ok_or_else(|| {
                crate::error::Error::Input(format!(
                    "--color-by '{s}': expected heatmap, basin, steps or check"
                ))
            })
    }
}

/// One map start per this many plot pixels in each direction.
pub(crate) const MAP_DIVISORS: [u32; 4] = [1, 2, 4, 8];
/// The default divisor: 1/4 keeps the map live on lavapipe (see the README's measurements).
pub const DEFAULT_MAP_DIVISOR: u32 = 4;

/// The explorer's map settings (one struct, so that scene files can carry it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapSettings {
    pub mode: ColorBy,
    /// One start per `divisor` × `divisor` plot pixels: one of `MAP_DIVISORS`.
    pub divisor: u32,
    /// The gradient check's relative step h, within `CHECK_STEP_RANGE`.
    pub check_step: f64,
}

impl Default for MapSettings {
    fn default() -> MapSettings {
        MapSettings {
            mode: ColorBy::Heatmap,
            divisor: DEFAULT_MAP_DIVISOR,
            check_step: DEFAULT_CHECK_STEP,
        }
    }
}

impl MapSettings {
    /// One map start per `divisor` × `divisor` plot pixels; anything but [`MAP_DIVISORS`] is
    /// refused.
    pub(crate) fn set_divisor(&mut self, divisor: u32) -> crate::error::Result<()> {
        if !MAP_DIVISORS.contains(&divisor) {
            return Err(crate::error::Error::Input(format!(
                "map resolution 1/{divisor}: expected 1, 2, 4 or 8"
            )));
        }
        self.divisor = divisor;
        Ok(())
    }

    /// The check's step h; outside [`CHECK_STEP_RANGE`] (or not a number) is refused.
    pub(crate) fn set_check_step(&mut self, h: f64) -> crate::error::Result<()> {
        let (lo, hi) = CHECK_STEP_RANGE;
        if !(lo..=hi).contains(&h) {
            return Err(crate::error::Error::Input(format!(
                "check step h must be in [{lo:e}, {hi:e}], got {h}"
            )));
        }
        self.check_step = h;
        Ok(())
    }

    /// The map grid for a `plot` of pixels: ceil(plot / divisor), at least 1×1.
    pub(crate) fn grid(&self, plot: (u32, u32)) -> (u32, u32) {
        let d = self.divisor.max(1);
        (plot.0.div_ceil(d).max(1), plot.1.div_ceil(d).max(1))
    }

    /// "every pixel", "1/2", … for the panel.
    pub(crate) fn divisor_label(divisor: u32) -> String {
        match divisor {
            1 => "every pixel".into(),
            d => format!("1/{d}"),
        }
    }
}

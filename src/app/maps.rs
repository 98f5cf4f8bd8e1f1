//! The explorer's "colour by" choice as state: heatmap, convergence map (basin or steps) or
//! gradient check, the map's grid resolution and the check's step h ([`MapSettings`]), what a
//! map depends on ([`MapKey`]), when a new map is started ([`MapSchedule`], debounced while a
//! slider or the view keeps moving) and what the panel and title say about it. Plain Rust.

pub(crate) use super::map_schedule::MapKey;
pub use super::map_schedule::MapSchedule;
use super::state::ExplorerState;
use crate::document::MapMode;
use crate::gpu::converge::MAX_STEPS;
use crate::render::basin_minima::Minimum;

pub use super::map_schedule::DEBOUNCE_S;
pub use crate::document::{ColorBy, MapSettings, DEFAULT_MAP_DIVISOR};
pub(crate) use crate::document::{CHECK_STEP_RANGE, MAP_DIVISORS};

/// The smallest tolerance the convergence map uses. The map computes in f32: on Himmelblau at
/// η = 0.01, 24% of starts reach |grad f| ≤ 1e-6 within 10,000 steps, 83% reach 1e-5 and all
/// reach 1e-4 (measured with `gradfield converge` on lavapipe), so a map with the explorer's
/// 1e-6 would grey out most basins.
pub(crate) const MAP_MIN_TOL: f64 = 1e-4;

/// What is known about the map or check on screen, for the panel and the title.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MapStatus {
    /// Starts of the shown map that converged, diverged, and in all.
    pub converged: usize,
    pub diverged: usize,
    pub starts: usize,
    /// The minima the shown map found, largest basin first.
    pub minima: Vec<Minimum>,
    /// Chunks done and needed of the map being computed (0, 0 when none).
    pub progress: (u32, u32),
    /// The learning rate of the map being computed (None when none is).
    pub computing_lr: Option<f64>,
    /// The largest log10 relative difference of the gradient check in view (None: not yet
    /// known, or f undefined everywhere).
    pub check_largest: Option<f32>,
}

impl MapStatus {
    /// "N starts: a% converged, b% diverged, c% still moving".
    pub(crate) fn summary(&self) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.starts.max(1) as f64;
        let moving = self.starts - self.converged.min(self.starts) - self.diverged;
        format!(
            "{} starts: {:.1}% converged, {:.1}% diverged, {:.1}% still moving",
            self.starts,
            pct(self.converged),
            pct(self.diverged),
            pct(moving)
        )
    }

    /// The check's largest relative difference as text ("largest 3.2e-4").
    pub(crate) fn check_text(&self) -> String {
        match self.check_largest {
            Some(v) => format!("largest {:.1e}", 10f64.powf(f64::from(v))),
            None => "largest: undefined".into(),
        }
    }
}

impl ExplorerState {
    /// Chooses what the colours show.
    pub fn set_color_by(&mut self, mode: ColorBy) {
        self.doc.maps.mode = mode;
    }

    /// The next "colour by" choice (key `B`).
    pub(crate) fn cycle_color_by(&mut self) {
        self.doc.maps.mode = self.doc.maps.mode.next();
    }

    /// The next map resolution (key `M`): every pixel → 1/2 → 1/4 → 1/8 → every pixel.
    pub(crate) fn cycle_map_divisor(&mut self) {
        let i = MAP_DIVISORS
            .iter()
            .position(|&d| d == self.doc.maps.divisor);
        self.doc.maps.divisor = MAP_DIVISORS[i.map_or(0, |i| (i + 1) % MAP_DIVISORS.len())];
    }

    /// Sets the map resolution; anything but one of `MAP_DIVISORS` is refused.
    pub fn set_map_divisor(&mut self, divisor: u32) -> crate::Result<()> {
        self.doc.maps.set_divisor(divisor)
    }

    /// Sets the check's step h; outside `CHECK_STEP_RANGE` (or not a number) is refused.
    pub fn set_check_step(&mut self, h: f64) -> crate::Result<()> {
        self.doc.maps.set_check_step(h)
    }

    /// The inputs of the convergence map the explorer should show, or None outside the
    /// map modes (or when the settings cannot be run).
    pub fn map_key(&self) -> Option<MapKey> {
        if !self.doc.maps.mode.is_map() || self.doc.hyper.validate().is_err() {
            return None;
        }
        let plot = (self.canvas.0 as u32, self.canvas.1 as u32);
        Some(MapKey {
            generation: self.rebuild.function_generation,
            view: self.shown_view(),
            grid: self.doc.maps.grid(plot),
            optimizer: self.doc.optimizer,
            hyper: self.doc.hyper,
            steps: u32::try_from(self.doc.max_steps)
                .unwrap_or(MAX_STEPS)
                .min(MAX_STEPS),
            tol: self.map_tol(),
        })
    }

    /// The tolerance the convergence map uses: the explorer's, but at least [`MAP_MIN_TOL`]
    /// (the map runs in f32, where |grad f| often stalls above the explorer's 1e-6).
    pub(crate) fn map_tol(&self) -> f64 {
        if self.doc.tol.is_finite() && self.doc.tol >= 0.0 {
            self.doc.tol.max(MAP_MIN_TOL)
        } else {
            MAP_MIN_TOL
        }
    }

    /// The line under the title in map and check modes (the CLI's wording), else None.
    pub fn map_subtitle(&self) -> Option<String> {
        let lr = crate::teach::eta_text(self.doc.hyper.lr);
        let st = &self.map_status;
        let what = match self.doc.maps.mode {
            ColorBy::Heatmap => return None,
            ColorBy::Map(MapMode::Basin) => "where descent ends",
            ColorBy::Map(MapMode::Steps) => "steps until |∇f| ≤ tol",
            ColorBy::Check => {
                return Some(format!(
                    "gradient check: log10 relative difference, h = {:.2e}; {}",
                    self.doc.maps.check_step,
                    st.check_text()
                ))
            }
            ColorBy::Stability => {
                return Some(format!(
                    "gradient descent with η = {lr}: stable where η < 2/λmax (teal), \
                     overshoots where η > 2/λmax (orange)"
                ))
            }
        };
        // While a map computes, the shown one (of other settings) is not described.
        let tail = match st.computing_lr {
            Some(lr) => format!("computing for η = {}…", crate::descent::readout::number(lr)),
            None if st.starts > 0 => st.summary(),
            None => "computing…".into(),
        };
        Some(format!(
            "{what}: {}, η = {lr}; {tail}",
            self.doc.optimizer.label()
        ))
    }

    /// What the map's colours mean, one line each, for the panel's legend.
    pub fn map_legend(&self) -> Vec<String> {
        let steps = self.doc.max_steps.min(MAX_STEPS as usize);
        let mut lines = match self.doc.maps.mode {
            ColorBy::Heatmap => return Vec::new(),
            ColorBy::Map(MapMode::Basin) => {
                let mut lines = vec![
                    "each colour: the minimum descent from there ends at (hue: its direction \
                     from the view's centre, darker: farther from it)"
                        .to_string(),
                ];
                lines.extend(self.map_status.minima.iter().map(minimum_line));
                if self.map_status.minima.is_empty() && self.map_status.starts > 0 {
                    lines.push("no isolated minimum found in view".into());
                }
                lines.push(format!(
                    "greyed: still moving after {steps} steps (converged: |∇f| ≤ {})",
                    crate::numfmt::short(self.map_tol())
                ));
                lines
            }
            ColorBy::Map(MapMode::Steps) => vec![
                format!(
                    "colour map: step at which |∇f| ≤ {}, 0 … {steps}",
                    crate::numfmt::short(self.map_tol())
                ),
                format!("dark grey: still moving after {steps} steps"),
            ],
            ColorBy::Stability => return self.stability_legend(),
            ColorBy::Check => {
                return vec![
                    "colour: log10 |∇f exact − ∇f numeric| / |∇f exact|".into(),
                    "large h: truncation error; tiny h: rounding error (f32); grey (undefined): \
                     ∇f is undefined there, or h is below f32's resolution at x, so x + h and \
                     x − h round to the same number and the difference quotient is 0/0"
                        .into(),
                    self.map_status.check_text(),
                ]
            }
        };
        lines.push("magenta hatch: diverged (or undefined at the start)".into());
        lines
    }
}

impl ExplorerState {
    /// The stability map's legend, with 2/λmax at the pin when there is one.
    fn stability_legend(&self) -> Vec<String> {
        let mut lines = vec![
            format!(
                "teal: a step of η = {} shrinks every error (η < 2/λmax of ∇²f); deeper: farther \
                 below the limit",
                crate::teach::eta_text(self.doc.hyper.lr)
            ),
            "orange: η > 2/λmax, descent overshoots and grows along the steepest curvature".into(),
            "dark line: the boundary η = 2/λmax; pale blue: no positive curvature, no η \
             overshoots; grey hatch: ∇²f undefined"
                .into(),
        ];
        if let Some((x, y)) = self.doc.pin {
            let h = self.doc.function.hessian_at(x, y);
            if let [_, _, _, Some(a), Some(b), Some(c)] = h {
                lines.push(format!(
                    "at the pin: 2/λmax = {}",
                    crate::descent::readout::number(crate::curvature::stable_lr([a, b, c]))
                ));
            }
        }
        lines
    }
}

/// A minimum's line in the legend: "minimum (3, 2): 27% of starts".
pub(crate) fn minimum_line(m: &Minimum) -> String {
    format!(
        "minimum ({}, {}): {:.0}% of starts",
        crate::descent::readout::number(m.at[0]),
        crate::descent::readout::number(m.at[1]),
        100.0 * m.share
    )
}

//! What a picture's colours show ("colour by"): f's heatmap, a convergence map or the gradient
//! check, with what each needs computed first, what is said about it (the figure's subtitle,
//! the line on stderr) and the render settings each implies. The command line and the
//! explorer both take these from here.

use super::basin::{MapMode, MapView};
pub use super::basin_minima::Minimum;
use super::layout::PlotRect;
use super::overlay::{Label, Theme};
use super::stability::{StabilityCounts, StabilityView};
use super::{ArrowDir, ColorLayer, PathDraw, RenderSettings};
use crate::document::{ColorBy, MapSettings};
use crate::error::{Error, Result};
use crate::expr::Function;
use crate::gpu::converge::{ConvergePass, ConvergeSettings, Walker, CHUNK_STEPS};
use crate::gpu::field::{FieldPass, GradientMode};
use crate::gpu::readback::run_pass;
use crate::gpu::Gpu;
use crate::view::View;

/// What the plot's colours show, with the inputs needed to compute it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Coloring {
    /// f through the colour map, with contours.
    Heatmap,
    /// A convergence map: `settings`' optimizer run from every plot pixel.
    ConvergeMap {
        mode: MapMode,
        settings: ConvergeSettings,
    },
    /// log10 of the relative difference of the exact and central-difference gradients with
    /// relative step `step`.
    GradientCheck { step: f32 },
    /// Where gradient descent with learning rate `lr` is stable (η < 2/λmax of ∇²f).
    Stability { lr: f64 },
}

impl Coloring {
    /// The colouring a document's map settings choose; `converge` gives the convergence
    /// map's run (asked only for a map).
    pub fn of(
        maps: &MapSettings,
        converge: impl FnOnce() -> Result<ConvergeSettings>,
    ) -> Result<Coloring> {
        Ok(match (maps.mode, maps.mode.map_mode()) {
            (ColorBy::Check, _) => Coloring::GradientCheck {
                step: maps.check_step as f32,
            },
            (ColorBy::Stability, _) => Coloring::Stability {
                lr: converge()?.hyper.lr,
            },
            (_, Some(mode)) => Coloring::ConvergeMap {
                mode,
                settings: converge()?,
            },
            _ => Coloring::Heatmap,
        })
    }

    /// The render settings for this colouring: the gradient check has a linear colour scale
    /// of its log10 values, no contours and no arrows (the checked field has no gradient of
    /// its own); the other colourings draw `settings` as they are (the stability map draws
    /// its own boundary instead of f's contours).
    pub(crate) fn settings(&self, settings: &RenderSettings) -> RenderSettings {
        match self {
            Coloring::GradientCheck { .. } => check_settings(settings),
            _ => *settings,
        }
    }
}

/// What the renderer shows for a document's map settings, given the last convergence map
/// computed (`map`, in any mode) and the last Hessian field (`stability`): the gradient check
/// with its step, that map in the chosen mode, the stability map, or f's heatmap (also while
/// a chosen map is not computed yet).
pub fn color_layer<'a>(
    maps: &MapSettings,
    map: Option<(&'a wgpu::Buffer, MapView)>,
    stability: Option<(&'a wgpu::Buffer, StabilityView)>,
) -> ColorLayer<'a> {
    match (maps.mode, maps.mode.map_mode(), map) {
        (ColorBy::Check, _, _) => ColorLayer::GradientCheck(maps.check_step as f32),
        (ColorBy::Stability, _, _) => match stability {
            Some((buffer, view)) => ColorLayer::Stability(buffer, view),
            None => ColorLayer::Heatmap,
        },
        (_, Some(mode), Some((buffer, view))) => {
            ColorLayer::ConvergeMap(buffer, MapView { mode, ..view })
        }
        _ => ColorLayer::Heatmap,
    }
}

/// The explorer's render settings for `color_by`: the gradient check's (see
/// `check_settings`, with the plot always coloured), and no arrows over a convergence map,
/// whose colours already show where they lead. (`gradfield render` draws a map with the
/// arrows its flags ask for: `Coloring::settings`.)
pub fn explorer_settings(settings: &RenderSettings, color_by: ColorBy) -> RenderSettings {
    let mut s = *settings;
    if color_by.is_map() {
        s.arrows.direction = ArrowDir::None;
    }
    if color_by == ColorBy::Check {
        s = check_settings(&s);
        s.show_heatmap = true;
    }
    s
}

/// [`Coloring::settings`] of the gradient check.
pub(crate) fn check_settings(settings: &RenderSettings) -> RenderSettings {
    let mut s = *settings;
    s.log_scale = false;
    s.show_contours = false;
    s.arrows.direction = ArrowDir::None;
    s
}

/// What was found while computing a colouring, for the subtitle and the line on stderr.
#[derive(Debug, Clone, PartialEq)]
pub enum Finding {
    /// The heatmap needs nothing computed beforehand.
    Heatmap,
    /// How the starts of a convergence map ended, and the minima it found (largest basin
    /// first).
    ConvergeMap(MapCounts, Vec<Minimum>),
    /// The largest log10 relative difference of the check (None: f undefined everywhere in
    /// view) and its step h.
    GradientCheck { largest: Option<f32>, step: f32 },
    /// How the stability map divides the view.
    Stability(StabilityCounts),
}

impl Finding {
    /// The line gradfield prints on stderr about it, if any.
    pub fn line(&self) -> Option<String> {
        match self {
            Finding::Heatmap => None,
            Finding::ConvergeMap(counts, _) => Some(counts.summary()),
            Finding::Stability(counts) => Some(counts.summary()),
            Finding::GradientCheck { largest, step } => {
                let line = match largest {
                    Some(max) => format!(
                        "largest |grad f exact - numeric| / |grad f exact| in view: {:.2e}",
                        10f64.powf(f64::from(*max))
                    ),
                    None => "f is undefined everywhere in view".into(),
                };
                Some(format!("{line} (h = {step:e})"))
            }
        }
    }

    /// The figure's subtitle for it under `coloring` (None: the caller's own stays).
    pub(crate) fn subtitle(&self, coloring: &Coloring) -> Option<String> {
        match (self, coloring) {
            (Finding::ConvergeMap(counts, _), Coloring::ConvergeMap { mode, settings }) => {
                let what = match mode {
                    MapMode::Basin => "where descent ends",
                    MapMode::Steps => "steps until |∇f| ≤ tol",
                };
                Some(format!(
                    "{what}: {}, η = {}; {}",
                    settings.optimizer.label(),
                    settings.hyper.lr,
                    counts.summary()
                ))
            }
            (Finding::Stability(counts), _) => Some(format!(
                "gradient descent stable where η < 2/λmax (teal), overshoots where not (orange); {}",
                counts.summary()
            )),
            (Finding::GradientCheck { largest, step }, _) => {
                let short = match largest {
                    Some(max) => format!("largest {:.1e}", 10f64.powf(f64::from(*max))),
                    None => "undefined".into(),
                };
                Some(format!(
                    "gradient check: log10 relative difference, h = {step:.2e}; {short}"
                ))
            }
            _ => None,
        }
    }
}

/// What a figure draws for the minima of a basin map found over `view` in a figure whose
/// plot is `plot` (figure pixels) and whose type scale is `scale`: a white ring at each
/// minimum (drawn like a path's start, outlined in black, with a dark centre) and a label
/// "min (3, 2)" beside it, unless the labels would cover more than a tenth of the plot (a
/// small figure): then the rings alone, so that the basins stay readable.
pub fn minimum_marks(
    minima: &[Minimum],
    view: &View,
    plot: PlotRect,
    theme: Theme,
    scale: f32,
) -> (Vec<PathDraw>, Vec<Label>) {
    let mut rings = Vec::new();
    let mut labels = Vec::new();
    for m in minima {
        let [x, y] = m.at;
        let (px, py) = view.to_pixel(x, y, f64::from(plot.w), f64::from(plot.h));
        let inside =
            (0.0..=f64::from(plot.w)).contains(&px) && (0.0..=f64::from(plot.h)).contains(&py);
        if !inside {
            continue;
        }
        rings.push(PathDraw {
            points: vec![(x, y), (x, y)],
            color: [1.0, 1.0, 1.0, 1.0],
            status_done: true,
        });
        // The label sits up-right of the ring, clear of it; the text in the theme's colour
        // (a basin's own colour can be too dark on the label's backing).
        labels.push(Label {
            pos: [plot.x + px as f32, plot.y + py as f32],
            text: format!("min {}", crate::descent::readout::pair([x, y])),
            color: theme.text().to_array(),
            start: None,
        });
    }
    // A label's box: about 0.55 em a character plus padding, 1.5 lines high, at the path
    // labels' type size (1.2 × the overlay's).
    let em = 1.2 * super::layout::BASE_FONT_PX * scale.max(0.0);
    let covered: f32 = labels
        .iter()
        .map(|l| (0.55 * l.text.chars().count() as f32 + 0.6) * em * 1.5 * em)
        .sum();
    if covered > 0.1 * plot.w * plot.h {
        labels.clear();
    }
    (rings, labels)
}

/// How the starts of a convergence map ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MapCounts {
    pub starts: usize,
    pub converged: usize,
    pub diverged: usize,
    /// The run's step limit.
    pub steps: u32,
}

impl MapCounts {
    /// The counts of a map's results (final x, final y, converged step per start; NaN
    /// where the run diverged, step −1 where it never converged).
    pub(crate) fn of(map: &[[f32; 3]], steps: u32) -> MapCounts {
        MapCounts {
            starts: map.len(),
            converged: map.iter().filter(|v| v[2] >= 0.0).count(),
            diverged: map.iter().filter(|v| v[0].is_nan()).count(),
            steps,
        }
    }

    /// "N starts: a converged, b diverged, c still moving after S steps".
    pub fn summary(&self) -> String {
        format!(
            "{} starts: {} converged, {} diverged, {} still moving after {} steps",
            self.starts,
            self.converged,
            self.diverged,
            self.starts - self.converged - self.diverged,
            self.steps
        )
    }
}

/// The largest log10 relative difference over the defined samples of a check buffer, and
/// how many samples are defined.
pub(crate) fn largest(samples: &[[f32; 4]]) -> Option<(f32, usize)> {
    let defined: Vec<f32> = samples
        .iter()
        .filter(|s| s[3] > 0.5)
        .map(|s| s[0])
        .collect();
    let max = defined.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    (!defined.is_empty()).then_some((max, defined.len()))
}

/// The gradient check of `function` over `view` on a `plot` grid, with step `step`.
pub(crate) fn check_finding(
    gpu: &Gpu,
    function: &Function,
    view: &View,
    plot: (u32, u32),
    step: f32,
) -> Result<Finding> {
    let mut pass = FieldPass::for_function(&gpu.device, function)?;
    pass.set_check(&gpu.device, Some(step))?;
    let samples = run_pass(gpu, &mut pass, view, plot.0, plot.1, GradientMode::Exact)?;
    Ok(Finding::GradientCheck {
        largest: largest(&samples).map(|(max, _)| max),
        step,
    })
}

/// Runs a prepared convergence pass chunk by chunk and reads the walkers back.
/// `before_chunk(steps done, steps in all)` is called before each chunk; an error from it
/// stops the run (Ctrl+C on the command line).
pub(crate) fn run_map(
    gpu: &Gpu,
    pass: &ConvergePass,
    steps: u32,
    before_chunk: &mut dyn FnMut(u32, u32) -> Result<()>,
) -> Result<Vec<Walker>> {
    for chunk in 0..pass.chunks() {
        before_chunk(chunk.saturating_mul(CHUNK_STEPS).min(steps), steps)?;
        pass.run_chunk(gpu)?;
    }
    pass.walkers(gpu)
}

/// The walker buffer of a pass that has been prepared.
pub(crate) fn map_buffer(pass: &ConvergePass) -> Result<&wgpu::Buffer> {
    pass.buffer()
        .ok_or_else(|| Error::gpu("the convergence map has no buffer"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_figure_marks_minima_with_rings_only() {
        // Reproduces a 320×240 basin figure whose four labels covered half the plot.
        let view = View::new(-5.0, 5.0, -5.0, 5.0).unwrap();
        let minima: Vec<Minimum> = [[3.0, 2.0], [-2.805118, 3.131312], [-3.77931, -3.283186]]
            .map(|at| Minimum {
                at,
                share: 0.3,
                color: [0, 200, 100],
            })
            .to_vec();
        let plot = |w: f32, h: f32| PlotRect {
            x: 50.0,
            y: 40.0,
            w,
            h,
        };
        let (rings, labels) = minimum_marks(&minima, &view, plot(175.0, 150.0), Theme::Dark, 0.61);
        assert_eq!((rings.len(), labels.len()), (3, 0));
        let (rings, labels) = minimum_marks(&minima, &view, plot(650.0, 460.0), Theme::Dark, 0.61);
        assert_eq!((rings.len(), labels.len()), (3, 3));
        assert_eq!(labels[0].text, "min (3, 2)");
        // Each ring is drawn where its minimum is.
        assert_eq!(rings[1].points, vec![(-2.805118, 3.131312); 2]);
    }
}

//! `gradfield render --gradient-check`: colours the plot by how far the exact gradient and a
//! central-difference gradient computed on the GPU disagree, log10 of the relative difference.

use std::path::Path;

use crate::error::{Error, Result};
use crate::expr::Function;
use crate::gpu::field::{FieldPass, GradientMode, NUMERIC_STEP};
use crate::gpu::readback::run_pass;
use crate::gpu::Gpu;
use crate::render::layout::FigureLayout;
use crate::render::plot_layout;
use crate::render::{ArrowDir, FigureText, PathDraw, RenderSettings, Renderer, OFFSCREEN_FORMAT};
use crate::view::View;

/// The largest --check-step: far beyond any step that checks a derivative.
pub const MAX_CHECK_STEP: f64 = 1e3;

/// The relative step h of the check: the one given, else [`NUMERIC_STEP`].
pub fn check_step(given: Option<f64>) -> Result<f32> {
    match given {
        None => Ok(NUMERIC_STEP),
        Some(h) if h > 0.0 && h <= MAX_CHECK_STEP && (h as f32) > 0.0 => Ok(h as f32),
        Some(h) => Err(Error::Input(format!(
            "--check-step must be in (0, {MAX_CHECK_STEP}] and representable in f32, got {}",
            crate::numfmt::echo(h)
        ))),
    }
}

/// The render settings for a check: a linear colour scale of the log10 values, no contours
/// and no arrows (the checked field has no gradient of its own).
pub fn check_settings(settings: &RenderSettings) -> RenderSettings {
    let mut s = *settings;
    s.log_scale = false;
    s.show_contours = false;
    s.arrows.direction = ArrowDir::None;
    s
}

/// The largest log10 relative difference over the defined samples of a check buffer, and
/// how many samples are defined.
pub fn largest(samples: &[[f32; 4]]) -> Option<(f32, usize)> {
    let defined: Vec<f32> = samples
        .iter()
        .filter(|s| s[3] > 0.5)
        .map(|s| s[0])
        .collect();
    let max = defined.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    (!defined.is_empty()).then_some((max, defined.len()))
}

/// Computes the check at the plot's resolution, prints the largest difference on stderr,
/// and draws the figure with the check in place of f.
#[allow(clippy::too_many_arguments)]
pub fn render_check_png(
    gpu: &Gpu,
    function: &Function,
    step: f32,
    (view, size, settings): (&View, (u32, u32), &RenderSettings),
    draws: &[PathDraw],
    mut text: FigureText,
    out: &Path,
) -> Result<()> {
    let fig = FigureLayout::for_figure(size.0, size.1, text.ui_scale, settings.show_heatmap);
    let layout = plot_layout(&fig, size);
    let mut pass = FieldPass::for_function(&gpu.device, function)?;
    pass.set_check(&gpu.device, Some(step))?;
    let (w, h) = (layout.plot.w, layout.plot.h);
    let samples = run_pass(gpu, &mut pass, view, w, h, GradientMode::Exact)?;
    let (line, short) = match largest(&samples) {
        Some((max, _)) => {
            let rel = 10f64.powf(max as f64);
            (
                format!("largest |grad f exact - numeric| / |grad f exact| in view: {rel:.2e}"),
                format!("largest {rel:.1e}"),
            )
        }
        None => (
            "f is undefined everywhere in view".into(),
            "undefined".into(),
        ),
    };
    super::out::eprint_line(&format!("{line} (h = {step:e})"));
    text.subtitle = Some(format!(
        "gradient check: log10 relative difference, h = {step:.2e}; {short}"
    ));
    let mut renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, function)?;
    renderer.set_gradient_check(gpu, Some(step))?;
    crate::render::write_figure_png(gpu, &mut renderer, view, size, settings, draws, &text, out)
}

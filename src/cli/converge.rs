//! `gradfield converge`: runs an optimizer from every point of a grid on the GPU and writes
//! where each start ends and when it converged to a .npy file (float32, H×W×3).

use std::path::{Path, PathBuf};

use clap::Args;

use super::descend::hyper;
use super::{resolve, FunctionArgs, OptimArgs, Resolved, ViewArgs};
use crate::error::{Error, Result};
use crate::gpu::converge::{ConvergePass, ConvergeSettings, Walker, CHUNK_STEPS, MAX_STEPS};
use crate::render::basin::{MapMode, MapView};
use crate::render::layout::FigureLayout;
use crate::render::plot_layout;
use crate::render::{FigureText, PathDraw, RenderSettings, Renderer, OFFSCREEN_FORMAT};
use crate::view::View;

/// The grid size when --size is not given.
pub const DEFAULT_SIZE: (u32, u32) = (128, 128);

#[derive(Debug, Clone, Args)]
pub struct ConvergeArgs {
    #[command(flatten)]
    pub function: FunctionArgs,
    #[command(flatten)]
    pub grid: ViewArgs,
    #[command(flatten)]
    pub optim: OptimArgs,
    /// Output file (.npy): per start final x, final y and the step at which |∇f| ≤ T first
    /// held (−1 if never); NaN in all three where the run diverged.
    #[arg(long, value_name = "FILE.npy")]
    pub out: PathBuf,
}

pub fn run(args: &ConvergeArgs) -> Result<()> {
    if !args
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("npy"))
    {
        return Err(Error::Input(format!(
            "--out {}: the file must end in .npy",
            crate::numfmt::quote(&args.out.display().to_string())
        )));
    }
    if !args.optim.starts.is_empty() {
        return Err(Error::Input(
            "converge starts from every grid point: --start is not used (set --view and --size)"
                .into(),
        ));
    }
    let r = resolve(
        args.function.expr.as_deref(),
        args.function.preset.as_deref(),
    )?;
    let (optimizer, hyper, steps) = hyper(&args.optim, &r)?;
    let steps = checked_steps(steps)?;
    let view = super::view_or_default(args.grid.view, r.preset);
    let (w, h) = args.grid.size.unwrap_or(DEFAULT_SIZE);
    let settings = ConvergeSettings {
        optimizer,
        hyper,
        steps,
        tol: args.optim.tol,
    };
    let gpu = crate::gpu::Gpu::headless()?;
    let mut pass = ConvergePass::new(&gpu.device, &r.function)?;
    pass.prepare(&gpu.device, &gpu.queue, &view, (w, h), &settings)?;
    let label = format!("converge {}", args.out.display());
    let map: Vec<[f32; 3]> = run_pass(&gpu, &pass, steps, label)?
        .iter()
        .map(|w| w.result())
        .collect();
    super::out::eprint_line(&summary(&map, steps));
    let data: Vec<f32> = map.iter().flatten().copied().collect();
    crate::export::write_npy_f32(&args.out, &[h as usize, w as usize, 3], &data)
}

/// `gradfield render --converge-map MODE`: computes the convergence map at the plot's
/// resolution and draws it in place of the heatmap, with the paths and the overlay.
#[allow(clippy::too_many_arguments)]
pub fn render_map_png(
    gpu: &crate::gpu::Gpu,
    r: &Resolved,
    optim: &OptimArgs,
    mode: MapMode,
    (view, size, settings): (&View, (u32, u32), &RenderSettings),
    draws: &[PathDraw],
    mut text: FigureText,
    out: &Path,
) -> Result<()> {
    let (optimizer, hyper, steps) = hyper(optim, r)?;
    let steps = checked_steps(steps)?;
    let fig = FigureLayout::for_figure(size.0, size.1, text.ui_scale, settings.show_heatmap);
    let layout = plot_layout(&fig, size);
    let plot = (layout.plot.w, layout.plot.h);
    let conv = ConvergeSettings {
        optimizer,
        hyper,
        steps,
        tol: optim.tol,
    };
    let mut pass = ConvergePass::new(&gpu.device, &r.function)?;
    pass.prepare(&gpu.device, &gpu.queue, view, plot, &conv)?;
    let label = format!("convergence map for {}", out.display());
    let walkers = run_pass(gpu, &pass, steps, label)?;
    let results: Vec<[f32; 3]> = walkers.iter().map(|w| w.result()).collect();
    let summary = summary(&results, steps);
    super::out::eprint_line(&summary);
    let what = match mode {
        MapMode::Basin => "where descent ends",
        MapMode::Steps => "steps until |grad f| <= tol",
    };
    text.subtitle = Some(format!(
        "{what}: {}, η = {}; {summary}",
        optimizer.label(),
        hyper.lr
    ));
    let buffer = pass
        .buffer()
        .ok_or_else(|| Error::gpu("the convergence map has no buffer"))?;
    let map = MapView {
        mode,
        steps,
        size: plot,
        view: *view,
    };
    let mut renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, &r.function)?;
    renderer.set_converge_map(gpu, Some((buffer, map)))?;
    crate::render::write_figure_png(gpu, &mut renderer, view, size, settings, draws, &text, out)
}

/// Runs a prepared pass chunk by chunk with a progress bar on a terminal, stopping between
/// chunks when a signal (Ctrl+C) arrived, and reads the walkers back.
fn run_pass(
    gpu: &crate::gpu::Gpu,
    pass: &ConvergePass,
    steps: u32,
    label: String,
) -> Result<Vec<Walker>> {
    let bar = super::progress::bar(u64::from(steps), label, "steps");
    for chunk in 1..=pass.chunks() {
        if let Err(e) = super::signals::check().and_then(|()| pass.run_chunk(gpu)) {
            bar.abandon();
            return Err(e);
        }
        bar.set_position(u64::from(chunk.saturating_mul(CHUNK_STEPS).min(steps)));
    }
    bar.finish_and_clear();
    pass.walkers(gpu)
}

/// "N starts: a converged, b diverged, c still moving after S steps".
pub fn summary(map: &[[f32; 3]], steps: u32) -> String {
    let diverged = map.iter().filter(|v| v[0].is_nan()).count();
    let converged = map.iter().filter(|v| v[2] >= 0.0).count();
    format!(
        "{} starts: {converged} converged, {diverged} diverged, {} still moving after {steps} steps",
        map.len(),
        map.len() - converged - diverged
    )
}

fn checked_steps(steps: usize) -> Result<u32> {
    u32::try_from(steps)
        .ok()
        .filter(|&s| s <= MAX_STEPS)
        .ok_or_else(|| Error::Input(format!("--steps must be at most {MAX_STEPS}, got {steps}")))
}

//! `gradfield converge`: runs an optimizer from every point of a grid on the GPU and writes
//! where each start ends and when it converged to a .npy file (float32, H×W×3).

use std::path::PathBuf;

use clap::Args;

use super::descend::hyper;
use super::{resolve_args, FunctionArgs, OptimArgs, ViewArgs};
use crate::error::{Error, Result};
use crate::gpu::converge::{ConvergePass, ConvergeSettings, Walker, MAX_STEPS};
use crate::render::color_by::run_map;
use crate::render::MapCounts;

/// The grid size when --size is not given.
pub(crate) const DEFAULT_SIZE: (u32, u32) = (128, 128);

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
    if args.optim.batch.is_some() {
        return Err(Error::Input(
            "--batch: the convergence map takes full-batch steps from every start on the GPU; \
             mini-batches are for descend, render and explore"
                .into(),
        ));
    }
    let r = resolve_args(&args.function)?;
    let (optimizer, hyper, steps) = hyper(&args.optim, &r)?;
    let steps = checked_steps(steps)?;
    let view = super::view_or_default(args.grid.view, &r);
    let (w, h) = args.grid.size.unwrap_or(DEFAULT_SIZE);
    let settings = ConvergeSettings {
        optimizer,
        hyper,
        steps,
        tol: args.optim.tol,
    };
    let gpu = crate::gpu::Gpu::headless()?;
    let mut pass = ConvergePass::new(&gpu.device, &r.function, optimizer)?;
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

/// Runs a prepared pass chunk by chunk with a progress bar labelled `label` on a terminal,
/// stopping between chunks when a signal (Ctrl+C) arrived, and reads the walkers back.
pub(crate) fn run_pass(
    gpu: &crate::gpu::Gpu,
    pass: &ConvergePass,
    steps: u32,
    label: String,
) -> Result<Vec<Walker>> {
    let bar = super::progress::bar(u64::from(steps), label, "steps");
    let walkers = run_map(gpu, pass, steps, &mut |done, _| {
        bar.set_position(u64::from(done));
        super::signals::check()
    });
    match &walkers {
        Ok(_) => bar.finish_and_clear(),
        Err(_) => bar.abandon(),
    }
    walkers
}

/// "N starts: a converged, b diverged, c still moving after S steps".
pub(crate) fn summary(map: &[[f32; 3]], steps: u32) -> String {
    MapCounts::of(map, steps).summary()
}

/// `steps` as the convergence map takes them: at most [`MAX_STEPS`].
pub(crate) fn checked_steps(steps: usize) -> Result<u32> {
    u32::try_from(steps)
        .ok()
        .filter(|&s| s <= MAX_STEPS)
        .ok_or_else(|| Error::Input(format!("--steps must be at most {MAX_STEPS}, got {steps}")))
}

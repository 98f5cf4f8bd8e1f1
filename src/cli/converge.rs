//! `gradfield converge`: runs an optimizer from every point of a grid on the GPU and writes
//! where each start ends and when it converged to a .npy file (float32, H×W×3).

use std::path::PathBuf;

use clap::Args;

use super::descend::hyper;
use super::{resolve, FunctionArgs, OptimArgs, ViewArgs};
use crate::error::{Error, Result};
use crate::gpu::converge::{converge_map, ConvergeSettings, MAX_STEPS};

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
            "--out '{}': the file must end in .npy",
            args.out.display()
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
    let steps = u32::try_from(steps)
        .ok()
        .filter(|&s| s <= MAX_STEPS)
        .ok_or_else(|| Error::Input(format!("--steps must be at most {MAX_STEPS}, got {steps}")))?;
    let view = super::view_or_default(args.grid.view, r.preset);
    let (w, h) = args.grid.size.unwrap_or(DEFAULT_SIZE);
    let settings = ConvergeSettings {
        optimizer,
        hyper,
        steps,
        tol: args.optim.tol,
    };
    let gpu = crate::gpu::Gpu::headless()?;
    let map = converge_map(&gpu, &r.function, &view, (w, h), &settings)?;
    let diverged = map.iter().filter(|v| v[0].is_nan()).count();
    let converged = map.iter().filter(|v| v[2] >= 0.0).count();
    eprintln!(
        "{} starts: {converged} converged, {diverged} diverged, {} still moving after {steps} steps",
        map.len(),
        map.len() - converged - diverged
    );
    let data: Vec<f32> = map.iter().flatten().copied().collect();
    crate::export::write_npy_f32(&args.out, &[h as usize, w as usize, 3], &data)
}

//! `gradfield sample`: writes f, ∂f/∂x, ∂f/∂y on a grid to .npy (float32, H×W×3) or .csv,
//! computed on the GPU or with the CPU reference; `--hessian` and `--stability` go to
//! `sample_hessian`.

use super::{resolve_args, SampleArgs};
use crate::error::{Error, Result};
use crate::export;
use crate::gpu::field::GradientMode;
use crate::numfmt::quote;

/// The grid size when --size is not given.
pub(crate) const DEFAULT_SIZE: (u32, u32) = (256, 256);

enum Format {
    Npy,
    Csv,
}

/// Samples the field and writes the file (a progress bar on a terminal; Ctrl+C stops it).
pub fn run(args: &SampleArgs) -> Result<()> {
    let format = match args.out.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("npy") => Format::Npy,
        Some(e) if e.eq_ignore_ascii_case("csv") => Format::Csv,
        _ => {
            return Err(Error::Input(format!(
                "--out {}: the file must end in .npy or .csv",
                quote(&args.out.display().to_string())
            )))
        }
    };
    let mode: GradientMode = args.gradient.parse()?;
    let use_gpu = match args.device.to_ascii_lowercase().as_str() {
        "gpu" => true,
        "cpu" => false,
        other => {
            return Err(Error::Input(format!(
                "--device {}: expected gpu or cpu",
                quote(other)
            )))
        }
    };
    let r = resolve_args(&args.function)?;
    let view = super::view_or_default(args.grid.view, &r);
    let (w, h) = args.grid.size.unwrap_or(DEFAULT_SIZE);
    if args.hessian || args.stability {
        if mode != GradientMode::Exact {
            let flag = if args.hessian {
                "--hessian"
            } else {
                "--stability"
            };
            return Err(Error::Input(format!(
                "{flag}: second partials come from the exact derivatives; drop --gradient numeric"
            )));
        }
        let csv = matches!(format, Format::Csv);
        return super::sample_hessian::run(args, &r.function, &view, (w, h), use_gpu, csv);
    }
    let samples = if use_gpu {
        let gpu = crate::gpu::Gpu::headless()?;
        crate::gpu::readback::sample_field(&gpu, &r.function, &view, w, h, mode)?
    } else {
        cpu_samples(&r.function, &view, (w, h), mode)?
    };
    super::signals::check()?;
    match format {
        Format::Npy => export::write_npy_f32(
            &args.out,
            &[h as usize, w as usize, 3],
            &export::field_to_npy_data(&samples),
        ),
        Format::Csv => {
            let label = format!("writing {}", args.out.display());
            let bar = super::progress::bar(u64::from(h), label, "rows");
            let written =
                export::write_field_csv_with(&args.out, &view, w, h, &samples, &mut |j| {
                    bar.set_position(u64::from(j))
                });
            bar.finish_and_clear();
            written
        }
    }
}

/// The f64 reference on the grid, as [`crate::cpu_field::sample`] computes it, row by row
/// with a progress bar, stopping between rows when a signal (Ctrl+C) arrived.
fn cpu_samples(
    function: &crate::expr::Function,
    view: &crate::View,
    (w, h): (u32, u32),
    mode: GradientMode,
) -> Result<Vec<[f32; 4]>> {
    let xs: Vec<f64> = (0..w).map(|i| view.sample_x(i, w) as f32 as f64).collect();
    let bar = super::progress::bar(u64::from(h), "sampling on the CPU".into(), "rows");
    let mut out = Vec::with_capacity(w as usize * h as usize);
    for j in 0..h {
        if let Err(e) = super::signals::check() {
            bar.abandon();
            return Err(e);
        }
        let y = view.sample_y(j, h) as f32 as f64;
        out.extend(
            xs.iter()
                .map(|&x| crate::cpu_field::sample_point(function, x, y, mode)),
        );
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(out)
}

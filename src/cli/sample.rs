//! `gradfield sample`: writes f, ∂f/∂x, ∂f/∂y on a grid to .npy (float32, H×W×3) or .csv,
//! computed on the GPU or with the CPU reference.

use super::{resolve, SampleArgs};
use crate::error::{Error, Result};
use crate::export;
use crate::gpu::field::GradientMode;

/// The grid size when --size is not given.
pub const DEFAULT_SIZE: (u32, u32) = (256, 256);

enum Format {
    Npy,
    Csv,
}

pub fn run(args: &SampleArgs) -> Result<()> {
    let format = match args.out.extension().and_then(|e| e.to_str()) {
        Some(e) if e.eq_ignore_ascii_case("npy") => Format::Npy,
        Some(e) if e.eq_ignore_ascii_case("csv") => Format::Csv,
        _ => {
            return Err(Error::Input(format!(
                "--out '{}': the file must end in .npy or .csv",
                args.out.display()
            )))
        }
    };
    let mode: GradientMode = args.gradient.parse()?;
    let use_gpu = match args.device.to_ascii_lowercase().as_str() {
        "gpu" => true,
        "cpu" => false,
        other => {
            return Err(Error::Input(format!(
                "--device '{other}': expected gpu or cpu"
            )))
        }
    };
    let r = resolve(
        args.function.expr.as_deref(),
        args.function.preset.as_deref(),
    )?;
    let view = super::view_or_default(args.grid.view, r.preset);
    let (w, h) = args.grid.size.unwrap_or(DEFAULT_SIZE);
    let samples = if use_gpu {
        let gpu = crate::gpu::Gpu::headless()?;
        crate::gpu::readback::sample_field(&gpu, &r.function, &view, w, h, mode)?
    } else {
        crate::cpu_field::sample(&r.function, &view, w, h, mode)
    };
    match format {
        Format::Npy => export::write_npy_f32(
            &args.out,
            &[h as usize, w as usize, 3],
            &export::field_to_npy_data(&samples),
        ),
        Format::Csv => export::write_field_csv(&args.out, &view, w, h, &samples),
    }
}

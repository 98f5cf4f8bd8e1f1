//! `gradfield sample --hessian` and `--stability`: the second partials of f on a grid (six
//! channels f, ∂f/∂x, ∂f/∂y, ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y²; .npy float32 H×W×6) or the largest
//! stable gradient-descent step 2/λmax (.npy float32 H×W; +inf where no eigenvalue of ∇²f is
//! positive), NaN where undefined, from the GPU's Hessian pass or the f64 reference.

use super::SampleArgs;
use crate::error::Result;
use crate::export;
use crate::expr::Function;
use crate::gpu::hessian::{sample_hessian, HessianSample};
use crate::view::View;

/// Samples and writes the file (`csv`: a CSV table instead of .npy).
pub(crate) fn run(
    args: &SampleArgs,
    function: &Function,
    view: &View,
    (w, h): (u32, u32),
    use_gpu: bool,
    csv: bool,
) -> Result<()> {
    let samples = if use_gpu {
        let gpu = crate::gpu::Gpu::headless()?;
        sample_hessian(&gpu, function, view, (w, h))?
    } else {
        cpu_hessian(function, view, (w, h))?
    };
    super::signals::check()?;
    let (rows, cols) = (h as usize, w as usize);
    if args.stability {
        let data: Vec<f32> = samples.iter().map(|s| s.stable_lr).collect();
        return if csv {
            write_csv(&args.out, view, (w, h), "stable_lr", &|k| vec![data[k]])
        } else {
            export::write_npy_f32(&args.out, &[rows, cols], &data)
        };
    }
    if csv {
        let header = "f,dfdx,dfdy,d2fdx2,d2fdxdy,d2fdy2";
        return write_csv(&args.out, view, (w, h), header, &|k| {
            samples[k].channels.to_vec()
        });
    }
    let data: Vec<f32> = samples.iter().flat_map(|s| s.channels).collect();
    export::write_npy_f32(&args.out, &[rows, cols, 6], &data)
}

/// The f64 reference rounded to f32 on the grid's f32 coordinates, row by row (Ctrl+C stops
/// it between rows).
fn cpu_hessian(function: &Function, view: &View, (w, h): (u32, u32)) -> Result<Vec<HessianSample>> {
    let mut out = Vec::with_capacity(w as usize * h as usize);
    for j in 0..h {
        super::signals::check()?;
        let y = f64::from(view.sample_y(j, h) as f32);
        for i in 0..w {
            let x = f64::from(view.sample_x(i, w) as f32);
            let c = function.hessian_at(x, y);
            let channels = c.map(|v| v.map_or(f32::NAN, |v| v as f32));
            let stable_lr = match c {
                [_, _, _, Some(a), Some(b), Some(d)] => {
                    crate::curvature::stable_lr([a, b, d]) as f32
                }
                _ => f32::NAN,
            };
            out.push(HessianSample {
                channels,
                stable_lr,
            });
        }
    }
    Ok(out)
}

/// A CSV table `x,y,` then `header`'s columns, one row per sample (row 0, the top, first).
fn write_csv(
    path: &std::path::Path,
    view: &View,
    (w, h): (u32, u32),
    header: &str,
    row: &dyn Fn(usize) -> Vec<f32>,
) -> Result<()> {
    export::write_atomic(path, |out| {
        writeln!(out, "x,y,{header}")?;
        for j in 0..h {
            let y = view.sample_y(j, h) as f32;
            for i in 0..w {
                let x = view.sample_x(i, w) as f32;
                write!(out, "{x},{y}")?;
                for v in row((j * w + i) as usize) {
                    write!(out, ",{v}")?;
                }
                writeln!(out)?;
            }
        }
        Ok(())
    })
}

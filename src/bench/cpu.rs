//! CPU measurements: the field with the f64 reference evaluator on one thread (what the GPU
//! replaces), and one descent step of many paths with compiled tapes (what the explorer does
//! on the CPU every animation tick).

use std::time::Instant;

use super::Scene;
use crate::cpu_field;
use crate::descent::{step_all, Hyper, Optimizer, Path};
use crate::gpu::GradientMode;

/// Paths in the descent measurement.
pub(crate) const DESCENT_PATHS: usize = 10_000;

/// Wall times (ms) of `repeats` single-threaded evaluations of the field on a `w`×`h` grid
/// with `cpu_field::sample`; no warm-up (a run is long enough to dwarf cache effects).
pub(crate) fn field(scene: &Scene, (w, h): (u32, u32), repeats: usize) -> Vec<f64> {
    (0..repeats)
        .map(|k| {
            let view = super::frame::panned(&scene.view, k);
            let t = Instant::now();
            let grid = cpu_field::sample(&scene.function, &view, w, h, GradientMode::Exact);
            let ms = t.elapsed().as_secs_f64() * 1e3;
            std::hint::black_box(grid);
            ms
        })
        .collect()
}

/// Wall times (ms) of one `step_all` over [`DESCENT_PATHS`] gradient-descent paths started on
/// a grid over the view, after `warmup` untimed steps. Paths that stop (converge or diverge)
/// stay in the slice, as in the explorer, and cost only their status check.
pub(crate) fn descent_step(scene: &Scene, warmup: usize, repeats: usize) -> Vec<f64> {
    let mut grad = scene.function.compile().gradient_fn();
    let side = (DESCENT_PATHS as f64).sqrt().ceil() as usize;
    let v = scene.view;
    let mut paths: Vec<Path> = (0..DESCENT_PATHS)
        .map(|n| {
            let (i, j) = ((n % side) as f64, (n / side) as f64);
            let x = v.x0 + (i + 0.5) * v.width() / side as f64;
            let y = v.y0 + (j + 0.5) * v.height() / side as f64;
            let capacity = warmup + repeats + 1;
            Path::with_capacity(
                (x, y),
                Optimizer::Gd,
                Hyper::new(scene.lr),
                capacity,
                &mut grad,
            )
        })
        .collect();
    let mut out = Vec::with_capacity(repeats);
    for k in 0..warmup + repeats {
        let t = Instant::now();
        let moved = step_all(&mut paths, &mut grad, 0.0);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        std::hint::black_box(moved);
        if k >= warmup {
            out.push(ms);
        }
    }
    out
}

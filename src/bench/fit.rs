//! Data losses in `gradfield bench`: the field of a 10,000-point linear loss (every sample
//! sums every point) at full resolution and at the coarser grid the explorer draws while the
//! view changes on this adapter, and one descent step on the CPU, full batch and with a
//! mini-batch.

use std::fmt::Write as _;
use std::time::Instant;

use super::report::{number, stats};
use super::timer::{GpuTimer, Sample};
use super::Stats;
use crate::descent::{Hyper, Optimizer, Path};
use crate::error::{Error, Result};
use crate::expr::Function;
use crate::fit::{Model, Table};
use crate::gpu::upsample::{stride_for, Budget};
use crate::gpu::{FieldPass, Gpu};
use crate::view::View;

/// Points of the measured loss.
pub(crate) const POINTS: usize = 10_000;
/// The mini-batch of the stochastic step.
pub(crate) const BATCH: usize = 32;

/// One size.
#[derive(Debug, Clone, PartialEq)]
pub struct DataRow {
    pub size: (u32, u32),
    pub points: usize,
    /// Every sample computed, by the report's clock.
    pub field: Stats,
    pub field_wall: Stats,
    /// The explorer's stride while the view changes on this adapter.
    pub stride: u32,
    /// The field at that stride (coarse grid and interpolation).
    pub interactive: Stats,
    /// One gradient-descent step of one path on the CPU, every point.
    pub step: Stats,
    /// One step with a mini-batch of [`BATCH`].
    pub batch_step: Stats,
}

/// The loss of a noisy line y = 2x + 1 on [`POINTS`] points (a fixed sequence).
pub(crate) fn loss() -> Result<Function> {
    let mut rng = crate::expr::data::SplitMix64::new(17);
    let mut unit = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
    let points = (0..POINTS)
        .map(|_| {
            let x = 4.0 * unit();
            [x, 2.0 * x + 1.0 + 2.0 * (unit() - 0.5)]
        })
        .collect();
    let table = Table {
        columns: ["x".into(), "y".into()],
        points,
    };
    crate::fit::loss(Model::Linear, &table, "bench.csv")
}

/// Measures one size: the full field `repeats` times (at most 3, no warm-up: a run on a
/// software GPU takes seconds), the interactive one and the CPU steps `repeats` times each.
pub(crate) fn measure(
    gpu: &Gpu,
    timer: &mut GpuTimer,
    size: (u32, u32),
    repeats: usize,
) -> Result<DataRow> {
    let f = loss()?;
    let view = View::new(-1.0, 5.0, -2.0, 4.0)?;
    let mut pass = FieldPass::for_function(&gpu.device, &f)?;
    let full = field(gpu, timer, &mut pass, &view, size, 1, repeats.min(3))?;
    let samples = u64::from(size.0) * u64::from(size.1);
    let stride = stride_for(
        samples,
        POINTS as u64,
        Budget::for_adapter(gpu.is_software()).moving,
    );
    let interactive = field(gpu, timer, &mut pass, &view, size, stride, repeats.max(1))?;
    let best = |s: &[Sample]| s.iter().map(Sample::best_ms).collect::<Vec<_>>();
    let wall = |s: &[Sample]| s.iter().map(|x| x.wall_ms).collect::<Vec<_>>();
    let stat = |ms: Vec<f64>| Stats::from_ms(&ms).ok_or_else(|| Error::gpu("bench: no timings"));
    let row = DataRow {
        size,
        points: POINTS,
        field: stat(best(&full))?,
        field_wall: stat(wall(&full))?,
        stride,
        interactive: stat(best(&interactive))?,
        step: stat(step(&f, None, repeats))?,
        batch_step: stat(step(&f, Some(BATCH), repeats))?,
    };
    Ok(row)
}

/// The field pass at `stride` on a `size` grid, `runs` times, the view moved a little each run.
fn field(
    gpu: &Gpu,
    timer: &mut GpuTimer,
    pass: &mut FieldPass,
    view: &View,
    size: (u32, u32),
    stride: u32,
    runs: usize,
) -> Result<Vec<Sample>> {
    pass.set_stride(stride);
    super::frame::time_field(gpu, timer, pass, view, size, (0, runs))
}

/// Wall times (ms) of one descent step from a fresh start each run.
fn step(f: &Function, batch: Option<usize>, repeats: usize) -> Vec<f64> {
    let mut tape = f.tape();
    let hyper = Hyper {
        batch,
        ..Hyper::new(0.05)
    };
    (0..repeats.max(1))
        .map(|k| {
            let mut path = Path::new((k as f64 * 0.01, 3.0), Optimizer::Gd, hyper, &mut tape);
            let t = Instant::now();
            std::hint::black_box(path.step(&mut tape, 0.0));
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect()
}

/// The table's section.
pub(crate) fn table(rows: &[DataRow]) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "\nData loss ({POINTS} points, linear): field at full resolution, at the explorer's \
         stride while moving, one CPU descent step (full batch; mini-batch of {BATCH}):"
    );
    for r in rows {
        let _ = writeln!(
            t,
            "{}x{}  field {} (wall {})  stride {}: {}  step {}  batch step {}",
            r.size.0,
            r.size.1,
            r.field.display(),
            r.field_wall.display(),
            r.stride,
            r.interactive.display(),
            r.step.display(),
            r.batch_step.display()
        );
    }
    t
}

/// The JSON array's items.
pub(crate) fn json(rows: &[DataRow]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            format!(
                "    {{\"width\": {}, \"height\": {}, \"points\": {}, \"field\": {}, \
                 \"field_wall\": {}, \"stride\": {}, \"interactive\": {}, \"step\": {}, \
                 \"batch_step\": {}, \"batch\": {}, \"terms_per_s\": {}}}",
                r.size.0,
                r.size.1,
                r.points,
                stats(&r.field),
                stats(&r.field_wall),
                r.stride,
                stats(&r.interactive),
                stats(&r.step),
                stats(&r.batch_step),
                BATCH,
                number(
                    f64::from(r.size.0) * f64::from(r.size.1) * r.points as f64
                        / (r.field.median_ms / 1e3)
                ),
            )
        })
        .collect()
}

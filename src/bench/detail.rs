//! The level of detail in `gradfield bench`, beside the full frames of the same run: the
//! interactive frame (a pan at the resolution divisor the explorer picks for this adapter and
//! size, `Budget::moving_pixels`), the refine frame (the same view at every pixel right after
//! it), the frame at every pixel after a pan by whole pixels (the field reused,
//! `gpu::field_reuse`) and the whole-process start-up of `gradfield render` (measured by the command line,
//! which can start itself).

use std::fmt::Write as _;

use super::frame::{panned, Figure, DEMO_POINTS};
use super::report::stats;
use super::stats::Stats;
use super::timer::{GpuTimer, Sample};
use super::Scene;
use crate::error::Result;
use crate::gpu::upsample::{divisor_for, Budget};
use crate::gpu::Gpu;

/// One size and function.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailRow {
    pub size: (u32, u32),
    pub function: String,
    /// The resolution divisor of the interactive frames.
    pub divisor: u32,
    /// Frames after a pan at that divisor.
    pub interactive: Stats,
    /// The frame at every pixel of the view an interactive frame just drew.
    pub refine: Stats,
    /// Frames at every pixel after a pan by whole pixels (8 across and 3 down a frame, less on
    /// a small plot): the field moves the
    /// samples still in view and evaluates the exposed strips.
    pub pan_reuse: Stats,
    /// How many of those frames did reuse the field (evaluated fewer samples than the plot).
    pub pan_reused: usize,
    /// Median interactive frame over the median full frame of the same run.
    pub over_full: f64,
}

/// Interactive and refine frames of `scene` at `size`; `(warmup, repeats)` each.
pub(crate) fn frames(
    gpu: &Gpu,
    timer: &mut GpuTimer,
    scene: &Scene,
    size: (u32, u32),
    (warmup, repeats): (usize, usize),
    full_median_ms: f64,
) -> Result<DetailRow> {
    let mut fig = Figure::new(gpu, scene, size)?;
    let plot = u64::from(fig.layout.plot.w) * u64::from(fig.layout.plot.h);
    let divisor = divisor_for(plot, Budget::for_adapter(gpu.is_software()).moving_pixels);
    let paths = super::frame::demo_paths(scene, DEMO_POINTS);
    let mut interactive: Vec<Sample> = Vec::with_capacity(repeats);
    let mut refine: Vec<Sample> = Vec::with_capacity(repeats);
    // A pan: one coarse frame after another, as while a drag moves the view.
    fig.renderer.set_resolution(divisor);
    for k in 0..warmup + repeats {
        let (moving, _) = fig.frame(gpu, timer, &panned(&scene.view, k), &paths, DEMO_POINTS)?;
        if k >= warmup {
            interactive.push(moving);
        }
    }
    // The pan stops: the frame at every pixel of the view the last coarse frame drew.
    for k in 0..warmup + repeats {
        let view = panned(&scene.view, k + 1);
        fig.renderer.set_resolution(divisor);
        fig.frame(gpu, timer, &view, &paths, DEMO_POINTS)?;
        fig.renderer.set_resolution(1);
        let (still, _) = fig.frame(gpu, timer, &view, &paths, DEMO_POINTS)?;
        if k >= warmup {
            refine.push(still);
        }
    }
    // A pan by whole pixels at every pixel: the field reuses what is still in view.
    let (px, py) = (
        scene.view.width() / f64::from(fig.layout.plot.w),
        scene.view.height() / f64::from(fig.layout.plot.h),
    );
    // 8 and 3 pixels, or a quarter of a small plot: some of it stays in view.
    let step = (
        f64::from((fig.layout.plot.w / 4).min(8)),
        f64::from((fig.layout.plot.h / 4).min(3)),
    );
    let mut reuse: Vec<Sample> = Vec::with_capacity(repeats);
    let mut reused = 0;
    let mut view = scene.view;
    fig.renderer.set_resolution(1);
    fig.frame(gpu, timer, &view, &paths, DEMO_POINTS)?;
    for k in 0..warmup + repeats {
        let sign = if k % 2 == 0 { 1.0 } else { -1.0 };
        view = view.panned(step.0 * px * sign, step.1 * py);
        let (sample, _) = fig.frame(gpu, timer, &view, &paths, DEMO_POINTS)?;
        if k >= warmup {
            reuse.push(sample);
            reused += usize::from(fig.renderer.field().samples_evaluated() < plot);
        }
    }
    let summary = |s: &[Sample]| {
        let ms: Vec<f64> = s.iter().map(Sample::best_ms).collect();
        Stats::from_ms(&ms).ok_or_else(|| crate::Error::gpu("bench: no finite timings"))
    };
    let interactive = summary(&interactive)?;
    Ok(DetailRow {
        size,
        function: scene.name.to_string(),
        divisor,
        over_full: interactive.median_ms / full_median_ms,
        interactive,
        refine: summary(&refine)?,
        pan_reuse: summary(&reuse)?,
        pan_reused: reused,
    })
}

/// The table's section: the rows and the start-up line.
pub(crate) fn table(rows: &[DetailRow], full: &[super::Row], startup: Option<&Stats>) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "\nLevel of detail (a pan drawn coarser, then refined at every pixel), beside the full \
         and steady frames above:"
    );
    let _ = writeln!(
        t,
        "{:<10} {:<11} {:<8} {:<24} {:<24} {:<10} {:<24} {:<36} {:<24}",
        "size",
        "function",
        "divisor",
        "full frame",
        "interactive",
        "/full",
        "refine",
        "pan, reused field",
        "steady"
    );
    for r in rows {
        let same = full
            .iter()
            .find(|f| f.size == r.size && f.function == r.function);
        let cell = |s: Option<&Stats>| s.map_or("—".into(), Stats::display);
        let _ = writeln!(
            t,
            "{:<10} {:<11} {:<8} {:<24} {:<24} {:<10} {:<24} {:<36} {:<24}",
            format!("{}x{}", r.size.0, r.size.1),
            r.function,
            format!("1/{}", r.divisor * r.divisor),
            cell(same.map(|f| &f.full_frame)),
            r.interactive.display(),
            format!("{:.2}", r.over_full),
            r.refine.display(),
            format!(
                "{} ({}/{} reused)",
                r.pan_reuse.display(),
                r.pan_reused,
                r.pan_reuse.runs
            ),
            cell(same.map(|f| &f.steady_frame)),
        );
    }
    if let Some(s) = startup {
        let _ = writeln!(
            t,
            "render start-up (whole process, a 16x16 figure): {}",
            s.display()
        );
    }
    t
}

/// The rows as JSON objects.
pub(crate) fn json(rows: &[DetailRow]) -> Vec<String> {
    rows.iter()
        .map(|r| {
            format!(
                "    {{\"width\": {}, \"height\": {}, \"function\": \"{}\", \"divisor\": {}, \
                 \"interactive\": {}, \"refine\": {}, \"pan_reuse\": {}, \"pan_reused\": {}, \
                 \"interactive_over_full\": {}}}",
                r.size.0,
                r.size.1,
                r.function,
                r.divisor,
                stats(&r.interactive),
                stats(&r.refine),
                stats(&r.pan_reuse),
                r.pan_reused,
                super::report::number(r.over_full),
            )
        })
        .collect()
}

//! `gradfield bench`: how fast the field pass, full frames (after a pan) and steady frames
//! (only the paths changed) run on this GPU, next to the single-threaded CPU reference, one
//! descent step of many paths, the memory floor of a frame, 3D frames of the surface
//! (`frame3d`) and a 10,000-point data loss (`fit`). Prints a table or JSON.

pub(crate) mod cpu;
pub(crate) mod detail;
pub(crate) mod fit;
pub(crate) mod floor;
pub(crate) mod frame;
pub(crate) mod frame3d;
pub(crate) mod report;
pub(crate) mod stats;
pub(crate) mod timer;

use crate::error::{Error, Result};
use crate::expr::Function;
use crate::gpu::Gpu;
use crate::presets;
use crate::view::View;

pub use floor::Bandwidth;
pub(crate) use report::Row;
pub(crate) use report::{DescentRow, Report};
pub(crate) use stats::Stats;
pub use timer::Clock;
pub(crate) use timer::GpuTimer;
pub(crate) use timer::Sample;

/// A heavy function for the field pass: twelve sin, cos and exp terms.
pub const HEAVY: &str = "sin(x) + cos(y) + sin(2*x + y) + cos(x - 2*y) + exp(-(x^2 + y^2)/4) \
     + sin(3*x)*exp(-y^2/8) + cos(x*y/2) + sin(x)*cos(2*y) + exp(-(x - 1)^2 - (y + 1)^2) \
     + cos(3*y + x)*exp(-x^2/9) + sin(x^2/4 + y^2/4) + exp(sin(x + y)/2)";

/// A function to measure, with its view and learning rate.
pub(crate) struct Scene {
    /// Short name for the table ("bowl", "rosenbrock", "heavy").
    pub name: &'static str,
    pub function: Function,
    pub view: View,
    /// Learning rate of the demo and descent paths.
    pub lr: f64,
}

/// The three measured functions: the bowl x² + y², Rosenbrock (the preset) and [`HEAVY`].
pub(crate) fn scenes() -> Result<Vec<Scene>> {
    let parse = |text: &str| {
        Function::parse(text).map_err(|e| Error::Input(format!("bench function: {}", e.message)))
    };
    let rosen = presets::find("rosenbrock")?;
    let [x0, x1, y0, y1] = rosen.view;
    Ok(vec![
        Scene {
            name: "bowl",
            function: parse("x^2 + y^2")?,
            view: View::new(-3.0, 3.0, -3.0, 3.0)?,
            lr: 0.1,
        },
        Scene {
            name: "rosenbrock",
            function: parse(rosen.expr)?,
            view: View::new(x0, x1, y0, y1)?,
            lr: rosen.lr,
        },
        Scene {
            name: "heavy",
            function: parse(HEAVY)?,
            view: View::new(-4.0, 4.0, -4.0, 4.0)?,
            lr: 0.05,
        },
    ])
}

/// What to measure and how often.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Grid and figure sizes W×H.
    pub sizes: Vec<(u32, u32)>,
    /// Timed runs per measurement.
    pub repeats: usize,
    /// Untimed runs before them.
    pub warmup: usize,
    /// Timed runs of the (slow) CPU field.
    pub cpu_repeats: usize,
}

impl Options {
    /// The full default: three sizes up to 4K, 10 repeats.
    pub(crate) fn full() -> Options {
        Options {
            sizes: vec![(1024, 1024), (1920, 1080), (3840, 2160)],
            repeats: 10,
            warmup: 2,
            cpu_repeats: 3,
        }
    }

    /// `--quick`: 1920×1080 only, 3 repeats.
    pub(crate) fn quick() -> Options {
        Options {
            sizes: vec![(1920, 1080)],
            repeats: 3,
            warmup: 1,
            cpu_repeats: 1,
        }
    }

    /// Checks the counts and sizes.
    pub(crate) fn validate(&self) -> Result<()> {
        if self.sizes.is_empty() || self.repeats == 0 || self.cpu_repeats == 0 {
            return Err(Error::Input(
                "bench: at least one size and one repeat are needed".into(),
            ));
        }
        let max = crate::render::offscreen::MAX_SIDE;
        for &(w, h) in &self.sizes {
            if w == 0 || h == 0 || w > max || h > max {
                return Err(Error::Input(format!(
                    "bench size {w}×{h}: each side must be 1 to {max} pixels"
                )));
            }
        }
        Ok(())
    }
}

/// Runs every measurement on `gpu`; `progress` hears what is being measured.
pub fn run(gpu: &Gpu, options: &Options, mut progress: impl FnMut(&str)) -> Result<Report> {
    options.validate()?;
    let scenes = scenes()?;
    let mut timer = GpuTimer::new(gpu);
    progress("memory bandwidth");
    let bandwidth = floor::measure(gpu, &mut timer)?;
    let summary = |samples: &[Sample], wall: bool| {
        let ms: Vec<f64> = samples
            .iter()
            .map(|s| if wall { s.wall_ms } else { s.best_ms() })
            .collect();
        Stats::from_ms(&ms).ok_or_else(|| Error::gpu("bench: no finite timings"))
    };
    let mut rows = Vec::new();
    for &size in &options.sizes {
        for scene in &scenes {
            progress(&format!("{} at {}x{}", scene.name, size.0, size.1));
            let (w, r) = (options.warmup, options.repeats);
            let field = frame::field_pass(gpu, &mut timer, scene, size, w, r)?;
            let (full, steady, layout) = frame::frames(gpu, &mut timer, scene, size, w, r)?;
            let cpu_ms = cpu::field(scene, size, options.cpu_repeats);
            let cpu = Stats::from_ms(&cpu_ms)
                .ok_or_else(|| Error::gpu("bench: no finite CPU timings"))?;
            let (field, field_wall) = (summary(&field, false)?, summary(&field, true)?);
            let (full_bytes, steady_bytes) = (
                floor::full_frame_bytes(&layout),
                floor::steady_frame_bytes(&layout),
            );
            rows.push(Row {
                size,
                plot: (layout.plot.w, layout.plot.h),
                function: scene.name.to_string(),
                gpu_over_cpu: field.median_ms / cpu.median_ms,
                field,
                field_wall,
                full_frame: summary(&full, false)?,
                full_frame_wall: summary(&full, true)?,
                steady_frame: summary(&steady, false)?,
                steady_frame_wall: summary(&steady, true)?,
                cpu_field: cpu,
                full_floor_bytes: full_bytes,
                full_floor_ms: bandwidth.floor_ms(full_bytes),
                steady_floor_bytes: steady_bytes,
                steady_floor_ms: bandwidth.floor_ms(steady_bytes),
            });
        }
    }
    let mut detail = Vec::new();
    for &size in &options.sizes {
        for scene in &scenes {
            progress(&format!(
                "level of detail, {} at {}x{}",
                scene.name, size.0, size.1
            ));
            let full = rows
                .iter()
                .find(|r: &&Row| r.size == size && r.function == scene.name)
                .map_or(f64::NAN, |r| r.full_frame.median_ms);
            let runs = (options.warmup, options.repeats);
            detail.push(detail::frames(gpu, &mut timer, scene, size, runs, full)?);
        }
    }
    let mut surface = Vec::new();
    for &size in &options.sizes {
        // The mesh's cost does not depend on the function (the field is already evaluated):
        // the bowl and Rosenbrock's valley, whose contours crowd.
        for scene in scenes.iter().take(2) {
            progress(&format!("3D, {} at {}x{}", scene.name, size.0, size.1));
            let runs = (options.warmup, options.repeats);
            let row = frame3d::surface_frames(gpu, &mut timer, scene, size, runs)?;
            surface.push(row);
        }
    }
    let mut descent = Vec::new();
    for scene in &scenes {
        progress(&format!("descent step, {}", scene.name));
        let ms = cpu::descent_step(scene, options.warmup.max(1), options.repeats);
        descent.push(DescentRow {
            function: scene.name.to_string(),
            paths: cpu::DESCENT_PATHS,
            step: Stats::from_ms(&ms)
                .ok_or_else(|| Error::gpu("bench: no finite descent timings"))?,
        });
    }
    let mut data = Vec::new();
    for &size in &options.sizes {
        progress(&format!("data loss at {}x{}", size.0, size.1));
        data.push(fit::measure(gpu, &mut timer, size, options.repeats)?);
    }
    let info = gpu.adapter.get_info();
    Ok(Report {
        adapter: gpu.adapter_summary(),
        backend: format!("{:?}", info.backend),
        clock: timer.clock(),
        repeats: options.repeats,
        warmup: options.warmup,
        bandwidth,
        rows,
        detail,
        startup: None,
        surface,
        descent,
        data,
    })
}

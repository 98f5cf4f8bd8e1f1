//! `gradfield bench`: runs the measurements of `gradfield::bench` on the chosen adapter and
//! prints the table (or JSON); progress goes to standard error.

use super::BenchArgs;
use crate::bench::{self, Options};
use crate::error::{Error, Result};
use crate::gpu::Gpu;

/// The options `args` ask for: the full or quick defaults, with sizes and repeats replaced
/// where given.
pub(crate) fn options(args: &BenchArgs) -> Options {
    let mut options = if args.quick {
        Options::quick()
    } else {
        Options::full()
    };
    if !args.sizes.is_empty() {
        options.sizes = args.sizes.clone();
    }
    if let Some(r) = args.repeats {
        options.repeats = r;
        options.cpu_repeats = options.cpu_repeats.min(r.max(1));
    }
    options
}

/// The most sizes one `bench` run measures.
pub(crate) const MAX_SIZES: usize = 16;
/// The most timed runs per measurement.
pub(crate) const MAX_REPEATS: usize = 1000;

/// Measures and prints the table or JSON to standard output.
pub fn run(args: &BenchArgs) -> Result<()> {
    if args.sizes.len() > MAX_SIZES {
        return Err(Error::Input(format!(
            "--sizes: at most {MAX_SIZES} sizes, got {}",
            args.sizes.len()
        )));
    }
    if args.repeats.is_some_and(|r| r > MAX_REPEATS) {
        return Err(Error::Input(format!(
            "--repeats: at most {MAX_REPEATS} runs per measurement"
        )));
    }
    let options = options(args);
    options.validate()?;
    let gpu = Gpu::headless()?;
    super::out::eprint_line(&format!("gradfield bench on {}", gpu.adapter_summary()));
    let mut report = bench::run(&gpu, &options, |what| {
        super::out::eprint_line(&format!("measuring {what}…"))
    })?;
    super::out::eprint_line("measuring render start-up…");
    report.startup = Some(render_startup(options.repeats)?);
    let text = if args.json {
        format!("{}\n", report.to_json())
    } else {
        report.table()
    };
    super::out::stdout(|out| out.write_all(text.as_bytes()))
}

/// The whole-process start-up of `gradfield render` for a 16×16 figure, `runs` times: this
/// binary started again, the figure written to a temporary file and removed.
fn render_startup(runs: usize) -> Result<crate::bench::Stats> {
    let io = |e: std::io::Error| Error::gpu(format!("bench: starting `gradfield render`: {e}"));
    let exe = std::env::current_exe().map_err(io)?;
    let out = std::env::temp_dir().join(format!("gradfield-bench-{}.png", std::process::id()));
    let mut ms = Vec::with_capacity(runs);
    for _ in 0..runs + 1 {
        let started = std::time::Instant::now();
        let status = std::process::Command::new(&exe)
            .args([
                "render",
                "--preset",
                "rosenbrock",
                "--size",
                "16x16",
                "--out",
            ])
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .map_err(io)?;
        ms.push(started.elapsed().as_secs_f64() * 1e3);
        if !status.success() {
            let _ = std::fs::remove_file(&out);
            return Err(Error::gpu(format!(
                "bench: `gradfield render` failed ({status})"
            )));
        }
    }
    let _ = std::fs::remove_file(&out);
    // The first run warms the disk cache and (where the adapter has one) the pipeline cache.
    crate::bench::Stats::from_ms(&ms[1..]).ok_or_else(|| Error::gpu("bench: no start-up timings"))
}

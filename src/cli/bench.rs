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
    let report = bench::run(&gpu, &options, |what| {
        super::out::eprint_line(&format!("measuring {what}…"))
    })?;
    let text = if args.json {
        format!("{}\n", report.to_json())
    } else {
        report.table()
    };
    super::out::stdout(|out| out.write_all(text.as_bytes()))
}

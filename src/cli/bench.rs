//! `gradfield bench`: runs the measurements of `gradfield::bench` on the chosen adapter and
//! prints the table (or JSON); progress goes to standard error.

use super::BenchArgs;
use crate::bench::{self, Options};
use crate::error::Result;
use crate::gpu::Gpu;

/// The options `args` ask for: the full or quick defaults, with sizes and repeats replaced
/// where given.
pub fn options(args: &BenchArgs) -> Options {
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

pub fn run(args: &BenchArgs) -> Result<()> {
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

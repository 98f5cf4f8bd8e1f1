//! The paths of `render --sweep` and `render --compare`: from each start, one path per
//! learning-rate factor or one per optimizer, as the explorer's sweep and compare modes
//! draw them, so a figure of either needs no hand-written scene.

use crate::cli::figure_args::FigureArgs;
use crate::descent::Optimizer;
use crate::document::{Document, PathStart};
use crate::error::{Error, Result};
use crate::numfmt::quote;

/// The most paths one sweep or comparison draws (starts × factors or optimizers).
const MAX_TEACHING_PATHS: usize = 64;

/// Replaces `doc`'s paths by a sweep's or a comparison's when `args` asks for one: from each
/// start of `doc` (or `lent`, the preset's start, when it has none), one path per factor of
/// `--sweep` or per optimizer of `--compare`, in palette order.
pub(crate) fn apply(args: &FigureArgs, doc: &mut Document, lent: Option<(f64, f64)>) -> Result<()> {
    let flag = match (args.sweep.is_empty(), args.compare.is_empty()) {
        (true, true) => return Ok(()),
        (false, _) => "--sweep",
        (_, false) => "--compare",
    };
    let mut starts: Vec<(f64, f64)> = Vec::new();
    for p in &doc.paths {
        if !starts.contains(&p.start) {
            starts.push(p.start);
        }
    }
    if starts.is_empty() {
        starts.extend(lent);
    }
    if starts.is_empty() {
        return Err(Error::Input(format!(
            "{flag}: no start point to run from; give --start X,Y"
        )));
    }
    let optimizers = args
        .compare
        .iter()
        .map(|name| {
            name.trim().parse::<Optimizer>().map_err(|_| {
                Error::Input(format!(
                    "--compare {}: expected optimizers among gd, momentum, nesterov, \
                     adagrad, rmsprop, adam, newton",
                    quote(name)
                ))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let count = starts.len() * args.sweep.len().max(optimizers.len());
    if count > MAX_TEACHING_PATHS {
        return Err(Error::Input(format!(
            "{flag}: {count} paths is more than the {MAX_TEACHING_PATHS} one figure draws"
        )));
    }
    let mut paths = Vec::with_capacity(count);
    for &start in &starts {
        if args.sweep.is_empty() {
            for &optimizer in &optimizers {
                paths.push(PathStart::new(start, optimizer, paths.len()));
            }
        } else {
            for &factor in &args.sweep {
                let mut p = PathStart::new(start, doc.optimizer, paths.len());
                p.lr_factor = Some(factor);
                paths.push(p);
            }
        }
    }
    doc.paths = paths;
    doc.compare = !optimizers.is_empty();
    doc.sweep = !args.sweep.is_empty();
    if doc.sweep {
        doc.sweep_factors = args.sweep.clone();
    }
    doc.layers.show_paths = true;
    Ok(())
}

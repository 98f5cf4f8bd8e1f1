//! `gradfield diff`: prints f and its partials (df/dx, df/dy, and df/dz for every further
//! variable of the head; parameters stay symbols) in gradfield's own syntax (text that parses
//! again), or with `--pretty` in the display form people read (x² + 3xy, ∂f/∂x = 2x + 3y);
//! `--hessian` adds the second partials along the axes (d2f/dx2, d2f/dxdy, d2f/dy2).

use super::{resolve_args, FunctionArgs};
use crate::error::Result;
use clap::Args;

/// The function, and how to print its formulas.
#[derive(Debug, Clone, Args)]
pub struct DiffArgs {
    #[command(flatten)]
    pub function: FunctionArgs,
    /// Print the display form (x² + 3xy + y², ∂f/∂x = 2x + 3y), one line per formula; it
    /// parses again too.
    #[arg(long)]
    pub pretty: bool,
    /// Also print the second partials along the axis variables: d2f/dx2, d2f/dxdy, d2f/dy2.
    #[arg(long)]
    pub hessian: bool,
}

/// Prints f and one line per partial derivative (every variable of the head, in its order;
/// parameters left as symbols), then with `--hessian` the three second partials, to standard
/// output.
pub fn run(args: &DiffArgs) -> Result<()> {
    let r = resolve_args(&args.function)?;
    let f = &r.function;
    let partials = f.partial_formulas(args.pretty);
    let mut lines = Vec::with_capacity(partials.len() + 1);
    if args.pretty {
        let [pf, ..] = f.display_formulas();
        lines.push(format!("{} = {pf}", f.vars.head()));
        lines.extend(partials.iter().map(|(v, d)| format!("∂f/∂{v} = {d}")));
    } else {
        let [pf, ..] = f.formulas();
        lines.push(format!("f = {pf}"));
        lines.extend(partials.iter().map(|(v, d)| format!("df/d{v} = {d}")));
    }
    if args.hessian {
        let names = f.hessian_names(args.pretty);
        let formulas = f.hessian_formulas(args.pretty);
        lines.extend(
            names
                .iter()
                .zip(&formulas)
                .map(|(n, d)| format!("{n} = {d}")),
        );
    }
    if let Some(d) = f.data() {
        // What the mean runs over, since the points are not in the formulas.
        let [x, y] = &d.columns;
        lines.push(format!(
            "# mean over the {} points (x_i, y_i) = ({x}, {y}) of {}",
            d.len(),
            d.label
        ));
    }
    super::out::stdout(|out| lines.iter().try_for_each(|l| writeln!(out, "{l}")))
}

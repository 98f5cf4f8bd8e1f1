//! `gradfield diff`: prints f, df/dx and df/dy in gradfield's own syntax (text that parses
//! again), or with `--pretty` in the display form people read (x² + 3xy, ∂f/∂x = 2x + 3y).

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
}

/// Prints the three formulas to standard output.
pub fn run(args: &DiffArgs) -> Result<()> {
    let r = resolve_args(&args.function)?;
    let f = &r.function;
    let (x, y) = (&f.vars.x, &f.vars.y);
    let lines = if args.pretty {
        let [pf, px, py] = f.display_formulas();
        [
            format!("f({x}, {y}) = {pf}"),
            format!("∂f/∂{x} = {px}"),
            format!("∂f/∂{y} = {py}"),
        ]
    } else {
        let [pf, px, py] = f.formulas();
        [
            format!("f = {pf}"),
            format!("df/d{x} = {px}"),
            format!("df/d{y} = {py}"),
        ]
    };
    super::out::stdout(|out| lines.iter().try_for_each(|l| writeln!(out, "{l}")))
}

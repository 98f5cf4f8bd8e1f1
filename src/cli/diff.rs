//! `gradfield diff`: prints f, df/dx and df/dy in gradfield's own syntax.

use super::{resolve, FunctionArgs};
use crate::error::Result;

/// Prints the three formulas to standard output.
pub fn run(args: &FunctionArgs) -> Result<()> {
    let r = resolve(args.expr.as_deref(), args.preset.as_deref())?;
    let f = &r.function;
    let [pf, px, py] = f.formulas();
    super::out::stdout(|out| {
        writeln!(out, "f = {pf}")?;
        writeln!(out, "df/d{} = {px}", f.vars.x)?;
        writeln!(out, "df/d{} = {py}", f.vars.y)
    })
}

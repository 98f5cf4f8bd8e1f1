//! `gradfield diff`: prints f, df/dx and df/dy in gradfield's own syntax.

use super::{resolve, FunctionArgs};
use crate::error::Result;

pub fn run(args: &FunctionArgs) -> Result<()> {
    let r = resolve(args.expr.as_deref(), args.preset.as_deref())?;
    let f = &r.function;
    let [pf, px, py] = f.formulas();
    println!("f = {pf}");
    println!("df/d{} = {px}", f.vars.x);
    println!("df/d{} = {py}", f.vars.y);
    Ok(())
}

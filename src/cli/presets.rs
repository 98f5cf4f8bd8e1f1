//! `gradfield presets`: lists the built-in functions with their views and learning rates.

use crate::error::Result;

/// Prints the table to standard output (see [`super::out::stdout`] for write errors).
pub fn run() -> Result<()> {
    let all = crate::presets::all();
    let width = all.iter().map(|p| p.name.len()).max().unwrap_or(4);
    super::out::stdout(|out| {
        writeln!(
            out,
            "{:width$}  {:<24} {:>6}  expression",
            "name", "view", "lr"
        )?;
        for p in all {
            let [x0, x1, y0, y1] = p.view;
            let view = format!("{x0},{x1},{y0},{y1}");
            writeln!(out, "{:width$}  {view:<24} {:>6}  {}", p.name, p.lr, p.expr)?;
        }
        Ok(())
    })
}

//! CSV tables of the field and of descent paths, with every number written so that it
//! reads back to the same value (Rust's shortest round-trip form of the f64).

use super::write_atomic;
use crate::descent::{FullPoint, Path as DescentPath};
use crate::error::Result;
use crate::view::View;
use std::io::Write;
use std::path::Path;

/// Writes a `w`×`h` field as `x,y,f,dfdx,dfdy`, one row per sample in row-major order (row 0,
/// the top, first). x and y are the f32-rounded coordinates the samples were computed at;
/// f, dfdx and dfdy are each NaN where that channel is undefined (the fourth channel's bits,
/// see [`crate::samples::defined_channels`]): f keeps its value where only ∇f is undefined.
pub fn write_field_csv(
    path: &Path,
    view: &View,
    w: u32,
    h: u32,
    samples: &[[f32; 4]],
) -> Result<()> {
    write_field_csv_with(path, view, w, h, samples, &mut |_| {})
}

/// [`write_field_csv`], calling `rows_done` with the number of grid rows written after each
/// row (for a progress bar).
pub(crate) fn write_field_csv_with(
    path: &Path,
    view: &View,
    w: u32,
    h: u32,
    samples: &[[f32; 4]],
    rows_done: &mut dyn FnMut(u32),
) -> Result<()> {
    super::check_field_len(path, w, h, samples)?;
    write_atomic(path, |out| {
        writeln!(out, "x,y,f,dfdx,dfdy")?;
        let mut rows = samples.iter();
        for j in 0..h {
            let y = f64::from(view.sample_y(j, h) as f32);
            for i in 0..w {
                let x = f64::from(view.sample_x(i, w) as f32);
                let Some(s) = rows.next() else {
                    return Ok(());
                };
                let defined = crate::samples::defined_channels(s);
                let [f, dfdx, dfdy] = [0, 1, 2].map(|k| {
                    if defined[k] {
                        f64::from(s[k])
                    } else {
                        f64::NAN
                    }
                });
                writeln!(out, "{x},{y},{f},{dfdx},{dfdy}")?;
            }
            rows_done(j + 1);
        }
        Ok(())
    })
}

/// Writes descent paths as `path,step,x,y,f,dfdx,dfdy,lr`: path index from 0, step 0 the
/// start; `lr` is the step size taken from that row's point to the next (NaN on a path's last
/// row, from which no step was taken).
pub fn write_paths_csv(path: &Path, paths: &[DescentPath]) -> Result<()> {
    write_atomic(path, |out| paths_csv(out, paths))
}

/// Writes the rows of [`write_paths_csv`] to any writer (standard output, for instance).
pub(crate) fn paths_csv(out: &mut dyn Write, paths: &[DescentPath]) -> std::io::Result<()> {
    writeln!(out, "path,step,x,y,f,dfdx,dfdy,lr")?;
    for (n, p) in paths.iter().enumerate() {
        for (k, q) in p.points.iter().enumerate() {
            writeln!(
                out,
                "{n},{k},{},{},{},{},{},{}",
                q.x,
                q.y,
                q.f,
                q.dfdx,
                q.dfdy,
                q.lr.unwrap_or(f64::NAN)
            )?;
        }
    }
    Ok(())
}

/// Writes paths in all the variables of f as CSV, atomically: `path,step,` then one column
/// per variable (`names`, the head's order), `f`, and one `df/d…` column per variable
/// (`path,step,x,y,z,f,dfdx,dfdy,dfdz,lr`, `lr` as in [`write_paths_csv`]).
pub fn write_full_paths_csv(path: &Path, names: &[&str], rows: &[Vec<FullPoint>]) -> Result<()> {
    write_atomic(path, |out| full_paths_csv(out, names, rows))
}

/// Writes the rows of [`write_full_paths_csv`] to any writer.
pub(crate) fn full_paths_csv(
    out: &mut dyn Write,
    names: &[&str],
    rows: &[Vec<FullPoint>],
) -> std::io::Result<()> {
    let partials: Vec<String> = names.iter().map(|n| format!("dfd{n}")).collect();
    writeln!(
        out,
        "path,step,{},f,{},lr",
        names.join(","),
        partials.join(",")
    )?;
    for (n, points) in rows.iter().enumerate() {
        for (k, q) in points.iter().enumerate() {
            write!(out, "{n},{k}")?;
            for t in &q.theta {
                write!(out, ",{t}")?;
            }
            write!(out, ",{}", q.f)?;
            for g in &q.grad {
                write!(out, ",{g}")?;
            }
            writeln!(out, ",{}", q.lr.unwrap_or(f64::NAN))?;
        }
    }
    Ok(())
}

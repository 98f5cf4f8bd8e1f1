//! A data set from a CSV file: a header row naming the columns, then one row of numbers per
//! point; two columns are used (named, or the first two). Every error names the place as
//! `FILE:LINE:COLUMN: why` (lines and columns from 1, columns in characters), and reading is
//! bounded: files over [`MAX_BYTES`] and tables over [`MAX_ROWS`] rows are refused before
//! they take memory or time.

use std::path::Path;

use crate::error::{Error, Result};
use crate::numfmt::quote;

/// The largest file read: 64 MiB, which holds about [`MAX_ROWS`] rows of two long numbers
/// and a few more columns.
pub const MAX_BYTES: u64 = 64 << 20;

/// The most rows used: a field sums every row at every sample, so a million rows at 1080p is
/// already 2·10¹² terms (seconds on a real GPU, far more on a software one).
pub const MAX_ROWS: usize = 1_000_000;

/// The two columns used, by name, and their values row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: [String; 2],
    pub points: Vec<[f64; 2]>,
}

/// Reads the CSV file at `path` (see [`parse`]).
pub fn read(path: &Path, columns: Option<[&str; 2]>, labels: bool) -> Result<Table> {
    let file = path.display().to_string();
    let io = |e: std::io::Error| Error::Input(format!("{file}: cannot read the data: {e}"));
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(Error::Input(format!(
            "{file}: the file is {:.1} MB; gradfield reads data files of at most {} MB",
            size as f64 / 1e6,
            MAX_BYTES >> 20
        )));
    }
    use std::io::Read;
    let mut bytes = Vec::with_capacity(size as usize);
    std::fs::File::open(path)
        .map_err(io)?
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Error::Input(format!(
            "{file}: the file grew past {} MB while it was read",
            MAX_BYTES >> 20
        )));
    }
    let text = text_of(&bytes, &file)?;
    parse(text, &file, columns, labels)
}

/// The bytes as text, or where they are not: a NUL byte (a binary file) or invalid UTF-8.
fn text_of<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str> {
    let at = |offset: usize| {
        let before = &bytes[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let column = String::from_utf8_lossy(&bytes[start..offset])
            .chars()
            .count()
            + 1;
        format!("{file}:{line}:{column}")
    };
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::Input(format!(
            "{}: this is not a text CSV file (it holds a NUL byte)",
            at(nul)
        )));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        Error::Input(format!(
            "{}: this is not UTF-8 text (a CSV file of numbers is)",
            at(e.valid_up_to())
        ))
    })
}

/// Parses CSV text named `file` in messages: a header row, then rows of cells separated by
/// commas (spaces around a cell and quotes around a name are ignored; empty lines and lines
/// starting with `#` are skipped). `columns` names the two columns used (the first two when
/// `None`); their cells must be finite numbers, and with `labels` the second must be 0 or 1.
/// At least two rows, at most [`MAX_ROWS`]; every row has as many cells as the header.
pub fn parse(text: &str, file: &str, columns: Option<[&str; 2]>, labels: bool) -> Result<Table> {
    let err = |line: usize, column: usize, why: String| {
        Error::Input(format!("{file}:{line}:{column}: {why}"))
    };
    let mut lines = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.strip_suffix('\r').unwrap_or(l)))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let Some((header_line, header)) = lines.next() else {
        return Err(err(
            1,
            1,
            "the file is empty: a CSV file needs a header row naming its columns and at least \
             two rows of numbers"
                .into(),
        ));
    };
    let names: Vec<(usize, String)> = cells(header)
        .map(|(c, cell)| (c, cell.trim_matches('"').trim().to_string()))
        .collect();
    if names.len() < 2 {
        return Err(err(
            header_line,
            1,
            format!(
                "the header names {} column{}; a data loss needs two (x and y)",
                names.len(),
                if names.len() == 1 { "" } else { "s" }
            ),
        ));
    }
    if let Some((c, _)) = names.iter().find(|(_, n)| n.is_empty()) {
        return Err(err(
            header_line,
            *c,
            "a column of the header has no name".into(),
        ));
    }
    let all: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
    let index = |name: &str| -> Result<usize> {
        all.iter().position(|n| *n == name).ok_or_else(|| {
            err(
                header_line,
                1,
                format!(
                    "no column named {} (the columns are {})",
                    quote(name),
                    all.join(", ")
                ),
            )
        })
    };
    let used = match columns {
        Some([a, b]) => [index(a)?, index(b)?],
        None => [0, 1],
    };
    let mut points = Vec::new();
    for (line, row) in lines {
        if points.len() == MAX_ROWS {
            return Err(err(
                line,
                1,
                format!("more than {MAX_ROWS} rows: gradfield fits at most {MAX_ROWS} points"),
            ));
        }
        let row_cells: Vec<(usize, &str)> = cells(row).collect();
        if row_cells.len() != names.len() {
            let column = row_cells
                .get(names.len())
                .map_or(row.chars().count() + 1, |(c, _)| *c);
            return Err(err(
                line,
                column,
                format!(
                    "this row has {} cells, the header {}",
                    row_cells.len(),
                    names.len()
                ),
            ));
        }
        let mut point = [0.0; 2];
        for (k, &i) in used.iter().enumerate() {
            let (column, cell) = row_cells[i];
            let cell = cell.trim();
            let column = column + row_cells[i].1.len() - row_cells[i].1.trim_start().len();
            let v: f64 = cell.parse().map_err(|_| {
                err(
                    line,
                    column,
                    format!("{} in column '{}' is not a number", quote(cell), all[i]),
                )
            })?;
            if !v.is_finite() {
                return Err(err(
                    line,
                    column,
                    format!(
                        "{} in column '{}' is not a finite number",
                        quote(cell),
                        all[i]
                    ),
                ));
            }
            if labels && k == 1 && v != 0.0 && v != 1.0 {
                return Err(err(
                    line,
                    column,
                    format!(
                        "{} in column '{}': the logistic model needs labels 0 and 1",
                        quote(cell),
                        all[i]
                    ),
                ));
            }
            point[k] = v;
        }
        points.push(point);
    }
    if points.len() < 2 {
        return Err(err(
            header_line,
            1,
            format!(
                "{} data row{}: a data loss needs at least two",
                points.len(),
                if points.len() == 1 { "" } else { "s" }
            ),
        ));
    }
    Ok(Table {
        columns: [all[used[0]].to_string(), all[used[1]].to_string()],
        points,
    })
}

/// The cells of a line with the column (in characters, from 1) each starts at.
fn cells(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut column = 1;
    line.split(',').map(move |cell| {
        let at = column;
        column += cell.chars().count() + 1;
        (at, cell)
    })
}

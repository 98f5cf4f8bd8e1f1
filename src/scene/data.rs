//! `[data]`: a data loss's CSV file (relative to the scene file's folder), model and columns,
//! read as `--data`, `--model` and `--columns` are; `[optimizer] batch` and `seed` are in
//! `resolve_parts`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::file::SceneFile;
use super::resolve::Ctx;
use crate::error::Result;
use crate::expr::Function;
use crate::fit::{DataSource, Model};

/// `[data]`: where the points are and what is fitted to them.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DataTable {
    /// The CSV file; a relative path is from the scene file's folder.
    pub file: Option<String>,
    /// `linear` or `logistic` (default linear).
    pub model: Option<String>,
    /// The two columns by their header names (default: the first two).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<String>>,
}

/// The data loss of the scene's `[data]`, read from its file; `None` without the table.
pub(super) fn resolve(
    ctx: &Ctx,
    f: &SceneFile,
    dir: Option<&Path>,
) -> Result<Option<(Function, DataSource)>> {
    let Some(t) = &f.data else { return Ok(None) };
    if f.function.is_some() {
        return Err(ctx.err(
            "function",
            "a scene with [data] fits its model to the data: leave out `function`",
        ));
    }
    let Some(file) = &t.file else {
        return Err(ctx.err("data", "missing `file`: the CSV file of the points"));
    };
    let model = match &t.model {
        Some(m) => Model::parse(m).map_err(|e| ctx.err("data.model", e))?,
        None => Model::Linear,
    };
    let columns = match &t.columns {
        None => None,
        Some(c) => match &c[..] {
            [a, b] if a != b && !a.is_empty() && !b.is_empty() => Some([a.clone(), b.clone()]),
            _ => return Err(ctx.err("data.columns", "needs two different column names")),
        },
    };
    let path = PathBuf::from(file);
    let path = match dir {
        Some(d) if path.is_relative() => d.join(path),
        _ => path,
    };
    let source = DataSource {
        path: Some(path),
        model,
        columns,
    };
    let (function, _) = source.load().map_err(|e| ctx.err("data.file", e))?;
    Ok(Some((function, source)))
}

/// The `[data]` table of a document's data loss read from a file (`None` for bundled or no
/// data), its path written relative to `dir` when it lies inside it.
pub(super) fn to_table(source: Option<&DataSource>, dir: Option<&Path>) -> Option<DataTable> {
    let source = source?;
    let path = source.path.as_deref()?;
    let shown = dir
        .and_then(|d| path.strip_prefix(d).ok())
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(path);
    Some(DataTable {
        file: Some(shown.display().to_string()),
        model: Some(source.model.name().to_string()),
        columns: source.columns.clone().map(|c| c.to_vec()),
    })
}

//! `--data FILE.csv`, `--model` and `--columns`: the function is the loss of a model fitted
//! to a data set (`fit`), shared by every command that takes a function.

use std::path::PathBuf;

use clap::Args;

use crate::error::{Error, Result};
use crate::fit::{DataSource, Model};

/// A data set and the model fitted to it.
#[derive(Debug, Clone, Default, Args)]
pub struct DataArgs {
    /// A CSV file of points (a header row naming the columns, then numbers): the function
    /// is the loss of --model fitted to them, w across and b up.
    #[arg(long, value_name = "FILE.csv", conflicts_with_all = ["expr", "preset"])]
    pub data: Option<PathBuf>,
    /// The model fitted to --data: linear (ŷ = w·x + b, mean squared error) or logistic
    /// (p = σ(w·x + b), labels 0 and 1, cross-entropy). Default: linear.
    #[arg(long, value_name = "MODEL", requires = "data")]
    pub model: Option<String>,
    /// The two columns X,Y of --data to fit, by their header names (default: the first two).
    #[arg(long, value_name = "X,Y", requires = "data", value_parser = parse_columns)]
    pub columns: Option<(String, String)>,
}

impl DataArgs {
    /// The data set the flags name, `None` without `--data`.
    pub(crate) fn source(&self) -> Result<Option<DataSource>> {
        let Some(path) = &self.data else {
            return Ok(None);
        };
        let model = match &self.model {
            Some(m) => Model::parse(m).map_err(|e| Error::Input(format!("--model: {e}")))?,
            None => Model::Linear,
        };
        Ok(Some(DataSource {
            path: Some(path.clone()),
            model,
            columns: self.columns.clone().map(|(a, b)| [a, b]),
        }))
    }
}

/// Parses `--columns X,Y`: two different non-empty names.
fn parse_columns(s: &str) -> std::result::Result<(String, String), String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).collect();
    match parts[..] {
        [a, b] if !a.is_empty() && !b.is_empty() && a != b => Ok((a.into(), b.into())),
        [a, b] if a == b && !a.is_empty() => Err(format!("names '{a}' twice: give two columns")),
        _ => Err(format!(
            "{} is not two column names X,Y",
            crate::numfmt::quote(s)
        )),
    }
}

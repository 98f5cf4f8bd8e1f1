//! Data losses: a data set read from CSV (`fit/csv.rs`), a model with its loss
//! (`fit/model.rs`: `linear` with the mean squared error, `logistic` with the binary
//! cross-entropy), and the [`Function`] of the loss in the model's parameters (w on the
//! horizontal axis, b on the vertical), whose trees are one term and whose data are summed by
//! every evaluator (`expr::data`).

pub mod csv;
pub mod model;

use std::path::Path;

pub use csv::{Table, MAX_BYTES, MAX_ROWS};
pub use model::Model;

use crate::error::{Error, Result};
use crate::expr::data::Data;
use crate::expr::Function;

/// The names of the data symbols in every model's term.
pub const DATUM_NAMES: [&str; 2] = ["x_i", "y_i"];

/// The loss of `model` over the table's points, called `label` in titles.
pub fn loss(model: Model, table: &Table, label: &str) -> Result<Function> {
    let term = Function::parse(model.term()).map_err(|e| Error::Input(e.to_string()))?;
    let data = Data::new(table.points.clone(), label).with_columns(table.columns.clone());
    term.with_data(DATUM_NAMES, data).map_err(Error::Input)
}

/// The loss of `model` over the columns `columns` (the first two when `None`) of the CSV file
/// at `path`; errors say `FILE:LINE:COLUMN: why`.
pub fn load(path: &Path, model: Model, columns: Option<[&str; 2]>) -> Result<(Function, Table)> {
    let table = csv::read(path, columns, model.labels())?;
    let label = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok((loss(model, &table, &label)?, table))
}

/// [`load`] from CSV text already in memory (a preset's bundled data), named `file` in
/// messages.
pub fn from_text(
    text: &str,
    file: &str,
    model: Model,
    columns: Option<[&str; 2]>,
) -> Result<(Function, Table)> {
    let table = csv::parse(text, file, columns, model.labels())?;
    Ok((loss(model, &table, file)?, table))
}

/// The least-squares line through `points`: (w, b) minimising (1/n)·Σ(w·xᵢ + b − yᵢ)², from
/// the normal equations in f64; `None` when every xᵢ is the same.
pub fn least_squares(points: &[[f64; 2]]) -> Option<(f64, f64)> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p[0]).sum::<f64>() / n;
    let my = points.iter().map(|p| p[1]).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p[0] - mx).powi(2)).sum();
    let sxy: f64 = points.iter().map(|p| (p[0] - mx) * (p[1] - my)).sum();
    if sxx <= 0.0 {
        return None;
    }
    let w = sxy / sxx;
    Some((w, my - w * mx))
}

/// Where a data loss's points come from, as a document keeps it (to save it in a scene and
/// to read it again): a CSV file (`None`: a preset's bundled data), the model and the columns.
#[derive(Debug, Clone, PartialEq)]
pub struct DataSource {
    pub path: Option<std::path::PathBuf>,
    pub model: Model,
    /// The two columns by name; `None`: the first two.
    pub columns: Option<[String; 2]>,
}

impl DataSource {
    /// Reads the file and builds the loss (see [`load`]); a source without a path has
    /// nothing to read.
    pub fn load(&self) -> Result<(Function, Table)> {
        let path = self
            .path
            .as_deref()
            .ok_or_else(|| Error::Input("this data set has no file".into()))?;
        let columns = self.columns.as_ref().map(|[a, b]| [a.as_str(), b.as_str()]);
        load(path, self.model, columns)
    }
}

/// The minimum of the loss where it is cheap to find: the least-squares line for `linear`,
/// Newton's method from (0, 0) for `logistic` (at most 100 steps; `None` when it does not
/// settle, as on separable classes, whose loss has no minimum).
pub fn minimum(model: Model, points: &[[f64; 2]]) -> Option<(f64, f64)> {
    match model {
        Model::Linear => least_squares(points),
        Model::Logistic => {
            let n = points.len() as f64;
            let (mut w, mut b) = (0.0f64, 0.0f64);
            for _ in 0..100 {
                let (mut gw, mut gb, mut hww, mut hwb, mut hbb) = (0.0, 0.0, 0.0, 0.0, 0.0);
                for p in points {
                    let q = model.predict(w, b, p[0]);
                    let r = q * (1.0 - q);
                    gw += (q - p[1]) * p[0] / n;
                    gb += (q - p[1]) / n;
                    hww += r * p[0] * p[0] / n;
                    hwb += r * p[0] / n;
                    hbb += r / n;
                }
                let det = hww * hbb - hwb * hwb;
                if det.is_nan() || det.abs() <= 1e-12 {
                    return None;
                }
                let (dw, db) = ((hbb * gw - hwb * gb) / det, (hww * gb - hwb * gw) / det);
                w -= dw;
                b -= db;
                if !(w.is_finite() && b.is_finite()) || w.abs().max(b.abs()) > 1e6 {
                    return None;
                }
                if dw.abs().max(db.abs()) < 1e-12 {
                    return Some((w, b));
                }
            }
            None
        }
    }
}

/// A view of (w, b) that shows the loss's minimum with room around it to start paths:
/// centred on [`minimum`] (or (0, 0)), each half-width 1.5·max(2, |coordinate|).
pub fn home_view(model: Model, points: &[[f64; 2]]) -> [f64; 4] {
    let (w, b) = minimum(model, points).unwrap_or((0.0, 0.0));
    let (hw, hb) = (1.5 * w.abs().max(2.0), 1.5 * b.abs().max(2.0));
    [w - hw, w + hw, b - hb, b + hb]
}

/// A learning rate for plain gradient descent on the loss: half the largest stable step
/// 2/λmax of ∇²L at its [`minimum`] (or at (0, 0)), so the first path a class sees
/// converges without zigzagging across the valley; 0.1 where the curvature says nothing
/// (no positive eigenvalue), and within 10⁻⁴ … 10.
pub fn suggested_lr(loss: &Function, model: Model) -> f64 {
    let points = loss.data().map(|d| d.points.as_slice()).unwrap_or_default();
    let (w, b) = minimum(model, points).unwrap_or((0.0, 0.0));
    let [_, _, _, xx, xy, yy] = loss.hessian_at(w, b);
    match (xx, xy, yy) {
        (Some(xx), Some(xy), Some(yy)) => {
            let limit = crate::curvature::stable_lr([xx, xy, yy]);
            if limit.is_finite() && limit > 0.0 {
                (0.5 * limit).clamp(1e-4, 10.0)
            } else {
                0.1
            }
        }
        _ => 0.1,
    }
}

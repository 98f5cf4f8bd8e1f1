//! The data panel of `render --layout data`: the loss's points, and the model at the
//! parameters the first path reached (or, without a path, at the loss's minimum) with a
//! line's residuals, computed here where the model is known (`render` only paints them).

use crate::document::Document;
use crate::fit::Model;
use crate::numfmt::short;
use crate::render::data_panel::{DataFigure, SHOWN_POINTS};
use crate::render::AnimatedPath;

/// Residual lines drawn at most.
const SHOWN_RESIDUALS: usize = 200;
/// Samples of the model's curve across the points.
const CURVE_SAMPLES: usize = 160;

/// The data panel of `doc`'s loss, `None` when it has no data.
pub(super) fn figure(doc: &Document, paths: &[AnimatedPath]) -> Option<DataFigure> {
    let data = doc.function.data()?;
    let model = doc.data.as_ref().map_or(Model::Linear, |d| d.model);
    let stride = data.points.len().div_ceil(SHOWN_POINTS).max(1);
    let points: Vec<[f64; 2]> = data.points.iter().step_by(stride).copied().collect();
    let at_path = paths
        .first()
        .and_then(|a| a.path.points.last())
        .map(|p| (p.x, p.y));
    let (params, whence) = match at_path {
        Some(p) => (Some(p), "where the first path ended"),
        None => (
            crate::fit::minimum(model, &data.points),
            "at the loss's minimum",
        ),
    };
    let (lo, hi) = points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p[0]), b.max(p[0]))
        });
    let (curve, residuals, caption) = match params {
        Some((w, b)) if lo.is_finite() && hi >= lo => {
            let span = (hi - lo).max(1e-9);
            let (lo, hi) = (lo - 0.05 * span, hi + 0.05 * span);
            let curve = (0..=CURVE_SAMPLES)
                .map(|i| lo + (hi - lo) * i as f64 / CURVE_SAMPLES as f64)
                .map(|x| [x, model.predict(w, b, x)])
                .collect();
            let residuals = match model {
                Model::Linear => points
                    .iter()
                    .take(SHOWN_RESIDUALS)
                    .map(|q| [*q, [q[0], model.predict(w, b, q[0])]])
                    .collect(),
                _ => Vec::new(),
            };
            let (a, c) = (&doc.function.vars.x, &doc.function.vars.y);
            let caption = format!(
                "{} model {whence}: {a} = {}, {c} = {}",
                model.name(),
                short(w),
                short(b)
            );
            (curve, residuals, caption)
        }
        _ => (Vec::new(), Vec::new(), format!("{} model", model.name())),
    };
    let color = paths.first().map_or([255; 4], |a| {
        a.color.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8)
    });
    Some(DataFigure {
        points,
        total: data.points.len(),
        columns: data.columns.clone(),
        curve,
        residuals,
        caption,
        color,
    })
}

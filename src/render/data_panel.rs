//! The data panel beside a figure's plot (`render --layout data`), as the explorer's data
//! panel shows it: the points of a data loss, the model at the parameters a path reached
//! (or at the loss's minimum) as a curve, and for a line its residuals. The caller (the
//! command line, which knows the model) computes the curve; this module only paints.

use egui::{Align2, Color32, Painter};

use super::chart::{paint_chart, to_px, y_range, Curve};
use super::overlay::{PlotRect, Px, Theme};

/// The most points the panel draws (every k-th beyond it).
pub const SHOWN_POINTS: usize = 2000;

/// What the data panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DataFigure {
    /// The points drawn (at most [`SHOWN_POINTS`]).
    pub points: Vec<[f64; 2]>,
    /// How many points the data has.
    pub total: usize,
    /// The two columns' names: x, then y.
    pub columns: [String; 2],
    /// The model's prediction over the points' x range.
    pub curve: Vec<[f64; 2]>,
    /// Segments from points to the model (a line's residuals; none for classes).
    pub residuals: Vec<[[f64; 2]; 2]>,
    /// The words under the chart: which parameters the model has.
    pub caption: String,
    /// The model's colour (the path's, RGBA8).
    pub color: [u8; 4],
}

/// Paints the panel into `area`.
pub(crate) fn paint_data_panel(
    painter: &Painter,
    px: &Px,
    data: &DataFigure,
    area: PlotRect,
    theme: Theme,
) {
    let head = 1.5 * px.font;
    let shown = if data.total > data.points.len() {
        format!(" ({} of {} points)", data.points.len(), data.total)
    } else {
        String::new()
    };
    painter.text(
        px.pos(area.x, area.y),
        Align2::LEFT_TOP,
        format!("{} against {}{shown}", data.columns[1], data.columns[0]),
        px.font_id(0.95 * px.font),
        theme.text(),
    );
    let chart = PlotRect {
        x: area.x + 3.2 * px.font,
        y: area.y + head,
        w: (area.w - 3.4 * px.font).max(1.0),
        h: (area.h - head - 3.4 * px.font).max(1.0),
    };
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for p in &data.points {
        lo = lo.min(p[0]);
        hi = hi.max(p[0]);
    }
    if !(lo.is_finite() && hi > lo) {
        (lo, hi) = (lo.min(0.0) - 1.0, hi.max(0.0) + 1.0);
    }
    let pad = 0.05 * (hi - lo);
    let xs = (lo - pad, hi + pad);
    let [r, g, b, a] = theme.ink(data.color);
    let color = Color32::from_rgba_unmultiplied(r, g, b, a);
    let residual = Color32::from_rgb(230, 120, 120);
    let mut curves: Vec<Curve> = data
        .residuals
        .iter()
        .map(|s| (&s[..], residual, 1.0))
        .collect();
    curves.push((&data.curve, color, 2.5));
    let points_only: Vec<Curve> = vec![(&data.points, color, 0.0)];
    let ys = {
        let all: Vec<Curve> = curves.iter().chain(&points_only).copied().collect();
        y_range(&all, xs)
    };
    paint_chart(painter, px, chart, (xs, ys), &curves, theme);
    let inside = painter.with_clip_rect(chart.to_egui(px.ppp));
    let dot = if theme.is_light() {
        Color32::from_gray(60)
    } else {
        Color32::from_gray(220)
    };
    for p in &data.points {
        let q = to_px(chart, (xs, ys), *p);
        inside.circle_filled(px.pos(q[0], q[1]), 0.16 * px.font / px.ppp, dot);
    }
    painter.text(
        px.pos(area.x, area.bottom()),
        Align2::LEFT_BOTTOM,
        &data.caption,
        px.font_id(0.85 * px.font),
        theme.text(),
    );
}

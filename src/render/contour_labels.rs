//! Contour value labels: where to put a few level values on their contour lines (pure, from a
//! small CPU grid of f), so that they neither overlap each other nor leave the plot, and painting
//! them with a halo.

use egui::Painter;

use super::overlay::{haloed_text, PlotRect, Px, Theme};
use super::ticks::format_tick;

/// A coarse grid of f over the plot and the contour levels to label.
#[derive(Debug, Clone, Copy)]
pub struct ContourLabels<'a> {
    /// `gw × gh` samples of f, row 0 at the top, sampled as the field (DESIGN.md grid
    /// convention); NaN where f is undefined.
    pub grid: &'a [f32],
    pub gw: usize,
    pub gh: usize,
    /// The contour levels (values of f).
    pub levels: &'a [f64],
}

/// The box of a label `text` at `font_px` (width, height) in pixels, with room for its halo. An
/// upper bound on the width egui's proportional font gives the text.
pub fn contour_label_size(text: &str, font_px: f32) -> (f32, f32) {
    let chars = text.chars().count() as f32;
    (chars * 0.62 * font_px + 0.6 * font_px, 1.35 * font_px)
}

/// The most labels placed, whatever the grid.
const MAX_LABELS: usize = 24;

/// Label centres and texts on level crossings of `grid`: at most two per level, farthest first
/// from labels already placed, boxes ([`contour_label_size`]) inside `plot` and disjoint.
pub fn place_contour_labels(
    grid: &[f32],
    gw: usize,
    gh: usize,
    levels: &[f64],
    plot: PlotRect,
    font_px: f32,
) -> Vec<(f32, f32, String)> {
    if gw < 2 || gh < 2 || grid.len() != gw * gh || !(plot.w > 0.0 && plot.h > 0.0) {
        return Vec::new();
    }
    let step = level_step(levels);
    let (cw, ch) = (plot.w / gw as f32, plot.h / gh as f32);
    let centre = |i: f32, j: f32| (plot.x + (i + 0.5) * cw, plot.y + (j + 0.5) * ch);
    let mut placed: Vec<(PlotRect, (f32, f32, String))> = Vec::new();
    for &level in levels.iter().filter(|l| l.is_finite()) {
        let text = format_tick(level, step);
        let (w, h) = contour_label_size(&text, font_px);
        let box_at = |(x, y): (f32, f32)| PlotRect {
            x: x - w / 2.0,
            y: y - h / 2.0,
            w,
            h,
        };
        let candidates: Vec<(f32, f32)> = crossings(grid, gw, gh, level as f32)
            .into_iter()
            .map(|(i, j)| centre(i, j))
            .filter(|&p| plot.contains_rect(&box_at(p)))
            .collect();
        for _ in 0..2 {
            if placed.len() >= MAX_LABELS {
                return placed.into_iter().map(|(_, l)| l).collect();
            }
            let pad = 0.4 * font_px;
            let free = |p: &&(f32, f32)| {
                let b = box_at(**p);
                let grown = PlotRect {
                    x: b.x - pad,
                    y: b.y - pad,
                    w: b.w + 2.0 * pad,
                    h: b.h + 2.0 * pad,
                };
                placed.iter().all(|(r, _)| !r.overlaps(&grown))
            };
            let score = |p: &(f32, f32)| -> f32 {
                let from_labels = placed
                    .iter()
                    .map(|(_, (x, y, _))| (p.0 - x).hypot(p.1 - y))
                    .fold(f32::INFINITY, f32::min);
                let (cx, cy) = (plot.x + plot.w / 2.0, plot.y + plot.h / 2.0);
                from_labels.min(2.0 * plot.w.max(plot.h)) - 0.1 * (p.0 - cx).hypot(p.1 - cy)
            };
            let best = candidates
                .iter()
                .filter(free)
                .max_by(|a, b| score(a).total_cmp(&score(b)));
            match best {
                Some(&p) => placed.push((box_at(p), (p.0, p.1, text.clone()))),
                None => break,
            }
        }
    }
    placed.into_iter().map(|(_, l)| l).collect()
}

/// The smallest gap between distinct levels (used to choose the labels' decimals).
fn level_step(levels: &[f64]) -> f64 {
    let mut v: Vec<f64> = levels.iter().copied().filter(|l| l.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let gap = v
        .windows(2)
        .map(|w| w[1] - w[0])
        .filter(|d| *d > 0.0)
        .fold(f64::INFINITY, f64::min);
    if gap.is_finite() {
        gap
    } else {
        v.first().map_or(1.0, |x| x.abs().max(1e-12) * 1e-2)
    }
}

/// Fractional grid positions (column, row) where f crosses `level` between neighbouring samples.
fn crossings(grid: &[f32], gw: usize, gh: usize, level: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    let at = |i: usize, j: usize| grid[j * gw + i];
    let cross = |a: f32, b: f32| -> Option<f32> {
        if !a.is_finite() || !b.is_finite() || a == b {
            return None;
        }
        let t = (level - a) / (b - a);
        (0.0..1.0).contains(&t).then_some(t)
    };
    for j in 0..gh {
        for i in 0..gw {
            if i + 1 < gw {
                if let Some(t) = cross(at(i, j), at(i + 1, j)) {
                    out.push((i as f32 + t, j as f32));
                }
            }
            if j + 1 < gh {
                if let Some(t) = cross(at(i, j), at(i, j + 1)) {
                    out.push((i as f32, j as f32 + t));
                }
            }
        }
    }
    out
}

/// Paints the placed labels in the theme's text colour on a halo.
pub(crate) fn paint_contour_labels(
    painter: &Painter,
    px: &Px,
    c: &ContourLabels,
    plot: PlotRect,
    theme: Theme,
) {
    let font_px = 0.85 * px.font;
    for (x, y, text) in place_contour_labels(c.grid, c.gw, c.gh, c.levels, plot, font_px) {
        let (w, h) = contour_label_size(&text, font_px);
        let rect = PlotRect {
            x: x - w / 2.0,
            y: y - h / 2.0,
            w,
            h,
        };
        haloed_text(painter, px, rect, &text, font_px, theme.text(), theme);
    }
}

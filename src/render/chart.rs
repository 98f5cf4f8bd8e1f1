//! A small chart painted with egui (the pin's slice panels): a frame, a few ticks on each
//! axis with their labels, and curves in data coordinates clipped to it. Painter-only, so the
//! PNG and the vector figure draw it alike.

use egui::{Align2, Color32, Painter, Shape};

use super::overlay::{PlotRect, Px, Theme};
use super::ticks::{format_ticks, nice_ticks};

/// A curve: its points in data coordinates, colour and width in pixels at scale 1.
pub(crate) type Curve<'a> = (&'a [[f64; 2]], Color32, f32);

/// The y range shown for `curves` over the x range `xs`: their defined values, padded.
pub(crate) fn y_range(curves: &[Curve], xs: (f64, f64)) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for (run, _, _) in curves {
        for p in run
            .iter()
            .filter(|p| p[0] >= xs.0 && p[0] <= xs.1 && p[1].is_finite())
        {
            lo = lo.min(p[1]);
            hi = hi.max(p[1]);
        }
    }
    if !(lo.is_finite() && hi.is_finite()) {
        return (-1.0, 1.0);
    }
    let pad = ((hi - lo) * 0.06).max(1e-9 * hi.abs().max(1.0));
    (lo - pad, hi + pad)
}

/// A point in data coordinates as pixels of `chart` showing `(xs, ys)`.
pub(crate) fn to_px(chart: PlotRect, (xs, ys): ((f64, f64), (f64, f64)), p: [f64; 2]) -> [f32; 2] {
    let u = (p[0] - xs.0) / (xs.1 - xs.0);
    let v = (p[1] - ys.0) / (ys.1 - ys.0);
    [
        chart.x + (u.clamp(-1.0, 2.0) as f32) * chart.w,
        chart.bottom() - (v.clamp(-1.0, 2.0) as f32) * chart.h,
    ]
}

/// A small chart: frame, a few ticks on each axis with labels, and the curves clipped to it.
pub(crate) fn paint_chart(
    painter: &Painter,
    px: &Px,
    chart: PlotRect,
    ranges: ((f64, f64), (f64, f64)),
    curves: &[Curve],
    theme: Theme,
) {
    let font = 0.8 * px.font;
    let frame = px.stroke(theme.stroke_px() * px.scale.max(0.7) * 0.7, theme.text());
    let (xs, ys) = ranges;
    for (values, horizontal) in [
        (nice_ticks(xs.0, xs.1, 5), true),
        (nice_ticks(ys.0, ys.1, 4), false),
    ] {
        let step = if values.len() >= 2 {
            values[1] - values[0]
        } else {
            1.0
        };
        for (v, label) in values.iter().zip(format_ticks(&values, step)) {
            let (p, align, tick) = if horizontal {
                let x = to_px(chart, ranges, [*v, ys.0])[0];
                let a = px.pos(x, chart.bottom());
                (
                    (x, chart.bottom() + 0.35 * font),
                    Align2::CENTER_TOP,
                    [a, px.pos(x, chart.bottom() + 0.3 * font)],
                )
            } else {
                let y = to_px(chart, ranges, [xs.0, *v])[1];
                let a = px.pos(chart.x, y);
                (
                    (chart.x - 0.4 * font, y),
                    Align2::RIGHT_CENTER,
                    [a, px.pos(chart.x - 0.3 * font, y)],
                )
            };
            painter.line_segment(tick, frame);
            painter.text(
                px.pos(p.0, p.1),
                align,
                label,
                px.font_id(font),
                theme.text(),
            );
        }
    }
    let clip = chart.to_egui(px.ppp);
    let inside = painter.with_clip_rect(clip);
    for (run, color, width) in curves {
        let points: Vec<_> = run
            .iter()
            .map(|&p| {
                let q = to_px(chart, ranges, p);
                px.pos(q[0], q[1])
            })
            .collect();
        if points.len() >= 2 {
            inside.add(Shape::line(
                points,
                px.stroke(width * px.scale.max(0.7), *color),
            ));
        }
    }
    painter.rect_stroke(clip, 0.0, frame, egui::StrokeKind::Outside);
}

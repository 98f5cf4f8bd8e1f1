//! The colour bar right of the plot: the colour map's 256 colours from max (top) to min (bottom),
//! value labels on a linear or logarithmic scale, a pointed "clipped" end when the log scale
//! clipped zeros and subnormals, and the "undefined" swatch.
//!
//! Log mapping (shared with the heatmap): a value f sits at fraction
//! t = (log10(f − min + δ) − log10 δ) / (log10(max − min + δ) − log10 δ) of the bar, with
//! δ = `log_delta`: δ = min when min > 0 (so the scale is plain log10 f), else 10⁻³ (max − min).

use egui::{Align2, Color32, Mesh, Painter, Pos2};

use super::overlay::{haloed_text, PlotRect, Px, Theme};
use super::ticks::{format_tick, labels_fit, log_ticks, nice_ticks, AxisTick};

/// The colour bar's input.
#[derive(Debug, Clone, Copy)]
pub struct ColorBar<'a> {
    /// Where the colour strip goes, in pixels; labels go right of it.
    pub rect: PlotRect,
    /// The colour map, entry 0 for min and 255 for max (RGBA8 sRGB).
    pub lut: &'a [[u8; 4]; 256],
    pub min: f64,
    pub max: f64,
    /// Logarithmic mapping (see the module docs).
    pub log: bool,
    /// The field has undefined points: show the undefined swatch.
    pub has_undefined: bool,
    /// The log scale clipped values below `min` (zeros and subnormals of an f ≥ 0): the
    /// bar's lower end is drawn as a pointed end labelled "clipped".
    pub clipped_below: bool,
}

/// The offset δ of the log mapping: `min` for positive ranges, else a thousandth of the range.
pub(crate) fn log_delta(min: f64, max: f64) -> f64 {
    if min > 0.0 {
        min
    } else {
        ((max - min) * 1e-3).max(f64::MIN_POSITIVE)
    }
}

/// Where the value `v` sits on the bar, 0 at min and 1 at max (the heatmap's colour coordinate).
/// A constant range (min == max) puts every value at ½.
pub fn colorbar_fraction(v: f64, min: f64, max: f64, log: bool) -> f64 {
    if max.is_nan() || min.is_nan() || max <= min {
        return 0.5;
    }
    let t = if log {
        let d = log_delta(min, max);
        ((v - min + d).max(d).log10() - d.log10()) / ((max - min + d).log10() - d.log10())
    } else {
        (v - min) / (max - min)
    };
    t.clamp(0.0, 1.0)
}

/// Labelled values for a bar `length_px` long: nice linear values, or in log mode nice values of
/// f at their log positions; about one per `spacing_px`, labels `measure` pixels high kept
/// `gap_px` apart.
pub fn colorbar_ticks(
    bar: &ColorBar,
    length_px: f32,
    spacing_px: f32,
    gap_px: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> Vec<AxisTick> {
    let (min, max) = (bar.min, bar.max);
    if !min.is_finite() || !max.is_finite() {
        return Vec::new();
    }
    if max.is_nan() || min.is_nan() || max <= min {
        let label = format_tick(min, min.abs().max(1e-12) * 1e-3);
        return vec![AxisTick {
            value: min,
            frac: 0.5,
            label,
        }];
    }
    let first = (length_px / spacing_px.max(1.0)).floor().max(2.0) as usize;
    for count in (1..=first).rev() {
        let ticks = if bar.log {
            log_values(min, max, count)
        } else {
            let v = nice_ticks(min, max, count);
            let step = match v.as_slice() {
                [a, b, ..] => b - a,
                _ => max - min,
            };
            let labels = super::ticks::format_ticks(&v, step);
            v.into_iter()
                .zip(labels)
                .map(|(value, label)| AxisTick {
                    value,
                    frac: colorbar_fraction(value, min, max, false),
                    label,
                })
                .collect()
        };
        if labels_fit(&ticks, length_px, gap_px, measure) {
            return ticks;
        }
    }
    Vec::new()
}

/// Log-mode ticks: round values u of f − min + δ, turned back into f and rounded to two
/// significant digits of u so the labels are round numbers of f.
fn log_values(min: f64, max: f64, count: usize) -> Vec<AxisTick> {
    let d = log_delta(min, max);
    let mut out: Vec<AxisTick> = Vec::new();
    for u in log_ticks(d, max - min + d, count) {
        let step = 10f64.powi(u.log10().floor() as i32 - 1);
        let f = ((u + min - d) / step).round() * step;
        if f < min || f > max {
            continue;
        }
        let frac = colorbar_fraction(f, min, max, true);
        if out.last().is_some_and(|t| (t.frac - frac).abs() < 1e-9) {
            continue;
        }
        out.push(AxisTick {
            value: f,
            frac,
            label: trim_zeros(format_tick(f, step)),
        });
    }
    out
}

/// Paints the strip, its frame, the value labels and the undefined swatch.
pub(crate) fn paint_colorbar(painter: &Painter, px: &Px, bar: &ColorBar, theme: Theme) {
    let r = bar.rect;
    if !(r.w > 0.0 && r.h > 0.0) {
        return;
    }
    let swatch_h = if bar.has_undefined {
        1.6 * px.font
    } else {
        0.0
    };
    let clip_h = if bar.clipped_below {
        1.3 * px.font
    } else {
        0.0
    };
    let strip = PlotRect {
        h: (r.h - swatch_h - clip_h).max(1.0),
        ..r
    };
    let mut mesh = Mesh::default();
    for (k, c) in bar.lut.iter().enumerate() {
        let y_top = strip.bottom() - (k + 1) as f32 * strip.h / 256.0;
        let y_bot = strip.bottom() - k as f32 * strip.h / 256.0;
        let rect = egui::Rect::from_min_max(px.pos(strip.x, y_top), px.pos(strip.right(), y_bot));
        mesh.add_colored_rect(
            rect,
            Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3]),
        );
    }
    painter.add(mesh);
    let frame = px.stroke(theme.stroke_px() * px.scale.max(0.7), theme.text());
    painter.rect_stroke(strip.to_egui(px.ppp), 0.0, frame, egui::StrokeKind::Outside);
    let font = px.font;
    let ticks = colorbar_ticks(bar, strip.h, 80.0 * px.scale, 0.3 * font, &mut |t| {
        px.measure(painter, t, font).y
    });
    let tick_len = 0.35 * font;
    for t in &ticks {
        let y = strip.bottom() - t.frac as f32 * strip.h;
        painter.line_segment(
            [
                px.pos(strip.right(), y),
                px.pos(strip.right() + tick_len, y),
            ],
            frame,
        );
        painter.text(
            px.pos(strip.right() + tick_len + 0.25 * font, y),
            Align2::LEFT_CENTER,
            &t.label,
            px.font_id(font),
            theme.text(),
        );
    }
    if bar.clipped_below {
        paint_clipped_end(painter, px, strip, clip_h, bar.lut[0], theme);
    }
    if bar.has_undefined {
        paint_undefined_swatch(painter, px, r, swatch_h, theme);
    }
}

/// The pointed lower end of a bar whose smaller values were clipped: a triangle in the
/// lowest colour under the strip, labelled "clipped".
fn paint_clipped_end(
    painter: &Painter,
    px: &Px,
    strip: PlotRect,
    h: f32,
    low: [u8; 4],
    theme: Theme,
) {
    let top = strip.bottom();
    let tip = top + 0.8 * h;
    let points = vec![
        px.pos(strip.x, top),
        px.pos(strip.right(), top),
        px.pos(strip.x + strip.w / 2.0, tip),
    ];
    let fill = Color32::from_rgba_unmultiplied(low[0], low[1], low[2], low[3]);
    let frame = px.stroke(theme.stroke_px() * px.scale.max(0.7), theme.text());
    painter.add(egui::Shape::convex_polygon(points, fill, frame));
    side_label(painter, px, strip.right(), top + 0.4 * h, "clipped", theme);
}

/// A small label just right of `x`, centred on the height `y` (the bar's end markers).
fn side_label(painter: &Painter, px: &Px, x: f32, y: f32, text: &str, theme: Theme) {
    let size = px.measure(painter, text, 0.9 * px.font);
    let rect = PlotRect {
        x: x + 0.35 * px.font,
        y: y - size.y / 2.0,
        w: size.x,
        h: size.y,
    };
    haloed_text(painter, px, rect, text, 0.9 * px.font, theme.text(), theme);
}

/// A hatch of two greys (the heatmap's undefined pattern) labelled "undefined".
fn paint_undefined_swatch(painter: &Painter, px: &Px, r: PlotRect, h: f32, theme: Theme) {
    let sw = PlotRect {
        x: r.x,
        y: r.bottom() - 0.9 * h,
        w: r.w,
        h: 0.9 * h,
    };
    painter.rect_filled(sw.to_egui(px.ppp), 0.0, Color32::from_gray(110));
    let stripe = px.stroke(0.18 * sw.h, Color32::from_gray(160));
    let n = 4;
    for i in 0..n {
        let x = sw.x + (i as f32 + 0.5) * sw.w / n as f32;
        let a = Pos2::new(x - 0.25 * sw.w / n as f32, sw.bottom());
        let b = Pos2::new(x + 0.25 * sw.w / n as f32, sw.y);
        painter
            .with_clip_rect(sw.to_egui(px.ppp))
            .line_segment([px.pos(a.x, a.y), px.pos(b.x, b.y)], stripe);
    }
    side_label(
        painter,
        px,
        sw.right(),
        sw.y + sw.h / 2.0,
        "undefined",
        theme,
    );
}

/// "0.50" → "0.5", "2.0" → "2" (log labels are rounded per decade, not to one common step).
fn trim_zeros(s: String) -> String {
    if s.contains('.') && !s.contains('e') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

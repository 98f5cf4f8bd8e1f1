//! The plot's marks as SVG, drawn the way the GPU passes draw them: contour lines with their
//! halo (shaders/heatmap.wgsl), the arrow field (shaders/arrows.wgsl: anchors at the centres
//! of equal cells, shaft and head outlined in black, brighter where |∇f| is larger) and the
//! descent paths with their markers, start rings and end discs (shaders/paths.wgsl), and the
//! boxes of the path labels. Every coordinate is a target pixel.

use std::fmt::Write;

use super::svg::{self, rgba_attr};
use crate::document::{ArrowDir, ArrowLength};
use crate::render::layout::PlotRect;
use crate::render::paths::LabelBox;
use crate::render::rules::Rule;
use crate::render::settings::arrow_grid;
use crate::render::theme::{ARROW_FILL_MIN, CONTOUR_DARK, CONTOUR_HALO, CONTOUR_HALO_MIX};
use crate::render::{PathDraw, RenderSettings};
use crate::view::View;

/// Writes each level's polylines (plot pixels, offset to the plot's corner): a halo, then
/// the dark line, heavier on every `heavy_every`-th level as the shader draws them.
pub(crate) fn write_contours(
    out: &mut String,
    lines: &[(bool, Vec<Vec<[f32; 2]>>)],
    plot: PlotRect,
    line_width: f32,
) {
    let grey = |g: f32| {
        let v = (g * 255.0).round() as u8;
        [v, v, v, 255]
    };
    for (heavy, polylines) in lines {
        let half = if *heavy { 1.2 } else { 0.6 } * line_width;
        let d = path_data(polylines, plot);
        if d.is_empty() {
            continue;
        }
        let halo = [CONTOUR_HALO, CONTOUR_HALO, CONTOUR_HALO, CONTOUR_HALO_MIX];
        let halo = halo.map(|v| (v * 255.0).round() as u8);
        let _ = write!(
            out,
            "<path d=\"{d}\" fill=\"none\"{} stroke-width=\"{:.2}\" stroke-linejoin=\"round\"/>\
             <path d=\"{d}\" fill=\"none\"{} stroke-width=\"{:.2}\" stroke-linejoin=\"round\"/>",
            rgba_attr("stroke", halo),
            2.0 * half + 2.0,
            rgba_attr("stroke", grey(CONTOUR_DARK)),
            2.0 * half,
        );
    }
}

/// SVG path data of `polylines` in plot pixels, moved to the plot's corner.
fn path_data(polylines: &[Vec<[f32; 2]>], plot: PlotRect) -> String {
    let mut d = String::new();
    for line in polylines.iter().filter(|l| l.len() >= 2) {
        for (k, p) in line.iter().enumerate() {
            let cmd = if k == 0 { 'M' } else { 'L' };
            let _ = write!(d, "{cmd}{:.2} {:.2}", plot.x + p[0], plot.y + p[1]);
        }
    }
    d
}

/// Writes the arrow field of `field` (the plot's samples: f, ∂f/∂x, ∂f/∂y, defined bits)
/// with the largest |∇f| on screen `gmax` (in value per pixel).
pub(crate) fn write_arrows(
    out: &mut String,
    field: &[[f32; 4]],
    plot: PlotRect,
    view: &View,
    settings: &RenderSettings,
    gmax: f32,
) {
    let a = settings.arrows;
    let sign = match a.direction {
        ArrowDir::None => return,
        ArrowDir::Ascent => 1.0,
        ArrowDir::Descent => -1.0,
    };
    let (w, h) = (plot.w as u32, plot.h as u32);
    if field.len() < (w as usize) * (h as usize) || w == 0 || h == 0 {
        return;
    }
    let grid = arrow_grid(w, h, a.spacing_px);
    let wpx = [
        (view.x1 - view.x0) as f32 / w as f32,
        (view.y1 - view.y0) as f32 / h as f32,
    ];
    let lw = settings.line_width;
    let full = 0.9 * a.spacing_px;
    let cell = [w as f32 / grid[0] as f32, h as f32 / grid[1] as f32];
    for b in 0..grid[1] {
        for i in 0..grid[0] {
            let px = ((i as f32 + 0.5) * cell[0]).floor().min(w as f32 - 1.0);
            let py = ((b as f32 + 0.5) * cell[1]).floor().min(h as f32 - 1.0);
            let s = field[py as usize * w as usize + px as usize];
            // Every defined bit set (f, ∂f/∂x, ∂f/∂y: 7), as shaders/lib/defined.wgsl reads it.
            if s[3] <= 6.5 {
                continue;
            }
            let g = [s[1] * wpx[0], -s[2] * wpx[1]];
            let m = (g[0] * g[0] + g[1] * g[1]).sqrt();
            if !(m > 0.0 && m < 3.0e38) {
                continue;
            }
            let rel = m / gmax.max(m);
            let len = match a.length {
                ArrowLength::Normalized => full,
                ArrowLength::Proportional => full.min(full * 2.0 * rel),
                ArrowLength::Log => full * (1.0 + rel.log10() / 3.0).clamp(0.0, 1.0),
            };
            if len <= 0.0 {
                continue;
            }
            let dir = [g[0] / m * sign, g[1] / m * sign];
            let foot = [plot.x + px + 0.5, plot.y + py + 0.5];
            let fill = if a.length == ArrowLength::Normalized {
                ARROW_FILL_MIN + (1.0 - ARROW_FILL_MIN) * rel.sqrt()
            } else {
                1.0
            };
            write_arrow(out, foot, dir, len, lw, fill);
        }
    }
}

/// One arrow: shaft and triangular head as one outlined polygon.
fn write_arrow(out: &mut String, foot: [f32; 2], dir: [f32; 2], len: f32, w: f32, fill: f32) {
    let head = (0.4 * len).min(8.0 * w);
    let head_w = (0.22 * len).max(2.5 * w);
    let shaft = 0.9 * w;
    let local = [
        (0.0, -shaft),
        (len - head, -shaft),
        (len - head, -head_w),
        (len, 0.0),
        (len - head, head_w),
        (len - head, shaft),
        (0.0, shaft),
    ];
    let mut d = String::new();
    for (k, (u, v)) in local.iter().enumerate() {
        let x = foot[0] + dir[0] * u - dir[1] * v;
        let y = foot[1] + dir[1] * u + dir[0] * v;
        let _ = write!(d, "{}{x:.2} {y:.2}", if k == 0 { 'M' } else { 'L' });
    }
    let g = (fill.clamp(0.0, 1.0) * 255.0).round() as u8;
    let _ = write!(
        out,
        "<path d=\"{d}Z\" fill=\"#000000\" stroke=\"#000000\" stroke-width=\"{:.2}\" \
         stroke-linejoin=\"round\"/><path d=\"{d}Z\" fill=\"#{g:02x}{g:02x}{g:02x}\"/>",
        2.0 * w
    );
}

/// Writes the descent paths: each a black-outlined line through its iterates with a marker
/// at every one at least 3 px from the last, a ring at its start and a disc at its end (with
/// a dark centre once it has stopped).
pub(crate) fn write_paths(
    out: &mut String,
    paths: &[PathDraw],
    plot: PlotRect,
    view: &View,
    line_width: f32,
) {
    let lw = line_width;
    let pixel = |(x, y): (f64, f64)| -> Option<[f32; 2]> {
        let u = (x - view.x0) / (view.x1 - view.x0) * f64::from(plot.w);
        let v = (view.y1 - y) / (view.y1 - view.y0) * f64::from(plot.h);
        let far = 1.0e5;
        (u.is_finite() && v.is_finite()).then(|| {
            [
                plot.x + u.clamp(-far, far) as f32,
                plot.y + v.clamp(-far, far) as f32,
            ]
        })
    };
    let black = "#000000";
    // Lines and markers of every path first, then the rings and end discs over them all,
    // as the path pass draws them.
    let mut discs = String::new();
    for p in paths {
        let pts: Vec<[f32; 2]> = p.points.iter().filter_map(|&q| pixel(q)).collect();
        let Some((&first, &last)) = pts.first().zip(pts.last()) else {
            continue;
        };
        let color = p.color.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
        let fill = rgba_attr("fill", color);
        let (core, rim) = (1.3 * lw, 1.2 * lw);
        if pts.len() >= 2 {
            let mut d = String::new();
            for (k, q) in pts.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{:.2} {:.2}",
                    if k == 0 { 'M' } else { 'L' },
                    q[0],
                    q[1]
                );
            }
            let _ = write!(
                out,
                "<path d=\"{d}\" fill=\"none\" stroke=\"{black}\" stroke-width=\"{:.2}\" \
                 stroke-linejoin=\"round\" stroke-linecap=\"round\"/><path d=\"{d}\" \
                 fill=\"none\"{} stroke-width=\"{:.2}\" stroke-linejoin=\"round\" \
                 stroke-linecap=\"round\"/>",
                2.0 * (core + rim),
                rgba_attr("stroke", color),
                2.0 * core
            );
        }
        let marker = 2.2 * lw;
        let mut kept: Option<[f32; 2]> = None;
        for q in &pts[..pts.len() - 1] {
            if kept.is_some_and(|k| (k[0] - q[0]).hypot(k[1] - q[1]) < 3.0) {
                continue;
            }
            kept = Some(*q);
            disc(out, *q, marker, rim, &fill);
        }
        let ring = 5.5 * lw;
        let _ = write!(
            discs,
            "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{ring:.2}\" fill=\"none\" stroke=\"{black}\" \
             stroke-width=\"{:.2}\"/><circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{ring:.2}\" \
             fill=\"none\"{} stroke-width=\"{:.2}\"/>",
            first[0],
            first[1],
            2.4 * lw + 2.0 * rim,
            first[0],
            first[1],
            rgba_attr("stroke", color),
            2.4 * lw
        );
        disc(&mut discs, last, 5.0 * lw, rim, &fill);
        if p.status_done {
            let _ = write!(
                discs,
                "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{:.2}\" fill=\"{black}\"/>",
                last[0],
                last[1],
                0.45 * 5.0 * lw
            );
        }
    }
    out.push_str(&discs);
}

/// A disc of radius `r` in `fill` with a black rim `rim` wide outside it.
fn disc(out: &mut String, at: [f32; 2], r: f32, rim: f32, fill: &str) {
    let _ = write!(
        out,
        "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{:.2}\" fill=\"#000000\"/><circle cx=\"{:.2}\" \
         cy=\"{:.2}\" r=\"{r:.2}\"{fill}/>",
        at[0],
        at[1],
        r + rim,
        at[0],
        at[1]
    );
}

/// Writes the path labels' boxes (leader line, fill, outline outside the box).
pub(crate) fn write_label_boxes(out: &mut String, boxes: &[LabelBox]) {
    for b in boxes {
        let r = b.rect;
        let outline = b.outline.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
        if let Some(from) = b.leader_from {
            let near = [
                from[0].clamp(r.x, r.right()),
                from[1].clamp(r.y, r.bottom()),
            ];
            let _ = write!(
                out,
                "<line x1=\"{:.2}\" y1=\"{:.2}\" x2=\"{:.2}\" y2=\"{:.2}\"{} stroke-width=\"{:.2}\"/>",
                from[0],
                from[1],
                near[0],
                near[1],
                rgba_attr("stroke", outline),
                b.outline_px
            );
        }
        let half = 0.5 * b.outline_px;
        let radius = b.radius.clamp(0.0, 0.5 * r.w.min(r.h));
        let _ = write!(
            out,
            "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" rx=\"{:.2}\"{}{} \
             stroke-width=\"{:.2}\"/>",
            r.x - half,
            r.y - half,
            r.w + b.outline_px,
            r.h + b.outline_px,
            radius + half,
            rgba_attr("fill", b.fill),
            rgba_attr("stroke", outline),
            b.outline_px
        );
    }
}

/// Writes the axes' rules (frame, grid lines, tick marks) as filled rectangles.
pub(crate) fn write_rules(out: &mut String, rules: &[Rule]) {
    for r in rules.iter().filter(|r| r.drawable()) {
        let [x0, y0, x1, y1] = r.rect;
        let _ = write!(
            out,
            "<rect x=\"{x0}\" y=\"{y0}\" width=\"{}\" height=\"{}\"{}/>",
            x1 - x0,
            y1 - y0,
            svg::color_attr("fill", r.color)
        );
    }
}

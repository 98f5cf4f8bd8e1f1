//! egui's shapes as SVG: the overlay (title, axes, ticks, colour bar, labels, legend) is
//! painted by the same code as the PNG's, into a painter whose shapes are written here as
//! SVG elements instead of being tessellated. Text stays text: one `<text>` per row, every
//! word at the x egui laid it out at, so it is selectable and lands where the PNG has it.
//! Meshes (the colour bar's strip) become one embedded image each. Coordinates are target
//! pixels (the painter runs at one pixel per point).

use std::fmt::Write;

use egui::epaint::{ClippedShape, Color32, Mesh, PathShape, RectShape, Shape, TextShape};
use egui::{Pos2, Rect, StrokeKind};

use super::svg::{color_attr, escape, png_data_uri};

/// Writes `shapes` as SVG elements into `out`, each clipped to its clip rectangle where that
/// cuts into the picture `size`.
pub(crate) fn write_shapes(out: &mut String, shapes: &[ClippedShape], size: (u32, u32)) {
    let whole = Rect::from_min_size(Pos2::ZERO, egui::vec2(size.0 as f32, size.1 as f32));
    let mut clips = 0usize;
    for s in shapes {
        let clipped = !s.clip_rect.contains_rect(whole);
        if clipped {
            let r = s.clip_rect.intersect(whole);
            if !r.is_positive() {
                continue;
            }
            clips += 1;
            let _ = write!(
                out,
                "<clipPath id=\"oc{clips}\"><rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" \
                 height=\"{:.2}\"/></clipPath><g clip-path=\"url(#oc{clips})\">",
                r.min.x,
                r.min.y,
                r.width(),
                r.height()
            );
        }
        write_shape(out, &s.shape);
        if clipped {
            out.push_str("</g>");
        }
    }
}

fn write_shape(out: &mut String, shape: &Shape) {
    match shape {
        Shape::Vec(v) => v.iter().for_each(|s| write_shape(out, s)),
        Shape::Circle(c) => {
            let _ = write!(
                out,
                "<circle cx=\"{:.2}\" cy=\"{:.2}\" r=\"{:.2}\"{}{}/>",
                c.center.x,
                c.center.y,
                c.radius,
                fill(c.fill),
                stroke(c.stroke.width, c.stroke.color)
            );
        }
        Shape::LineSegment { points, stroke: s } => {
            let [a, b] = points;
            let _ = write!(
                out,
                "<line x1=\"{:.2}\" y1=\"{:.2}\" x2=\"{:.2}\" y2=\"{:.2}\"{}/>",
                a.x,
                a.y,
                b.x,
                b.y,
                stroke(s.width, s.color)
            );
        }
        Shape::Path(p) => write_path(out, p),
        Shape::Rect(r) => write_rect(out, r),
        Shape::Text(t) => write_text(out, t),
        Shape::Mesh(m) => write_mesh(out, m),
        // Ellipses, curves and callbacks: the overlay paints none.
        _ => {}
    }
}

/// ` fill="…"` (and its opacity), or ` fill="none"`.
fn fill(c: Color32) -> String {
    if c.a() == 0 {
        " fill=\"none\"".into()
    } else {
        color_attr("fill", c)
    }
}

/// ` stroke="…" stroke-width="…"`, or nothing for an invisible stroke.
fn stroke(width: f32, c: Color32) -> String {
    if width <= 0.0 || c.a() == 0 {
        return String::new();
    }
    format!(
        "{} stroke-width=\"{width:.2}\" stroke-linecap=\"round\"",
        color_attr("stroke", c)
    )
}

fn write_path(out: &mut String, p: &PathShape) {
    if p.points.len() < 2 {
        return;
    }
    let mut d = String::new();
    for (k, q) in p.points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{:.2} {:.2}",
            if k == 0 { "M" } else { " L" },
            q.x,
            q.y
        );
    }
    if p.closed {
        d.push_str(" Z");
    }
    let line = match &p.stroke.color {
        egui::epaint::ColorMode::Solid(c) => stroke(p.stroke.width, *c),
        egui::epaint::ColorMode::UV(_) => String::new(),
    };
    let _ = write!(
        out,
        "<path d=\"{d}\"{}{line} stroke-linejoin=\"round\"/>",
        fill(p.fill)
    );
}

fn write_rect(out: &mut String, r: &RectShape) {
    let w = r.stroke.width;
    // Where the stroke lies: SVG centres it on the edge.
    let grow = match r.stroke_kind {
        StrokeKind::Inside => -0.5 * w,
        StrokeKind::Middle => 0.0,
        StrokeKind::Outside => 0.5 * w,
    };
    let radius = f32::from(r.corner_radius.nw);
    if r.fill.a() > 0 {
        let b = r.rect;
        let _ = write!(
            out,
            "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" rx=\"{radius:.2}\"{}/>",
            b.min.x,
            b.min.y,
            b.width(),
            b.height(),
            fill(r.fill)
        );
    }
    if w > 0.0 && r.stroke.color.a() > 0 {
        let b = r.rect.expand(grow);
        let _ = write!(
            out,
            "<rect x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" rx=\"{:.2}\" \
             fill=\"none\"{}/>",
            b.min.x,
            b.min.y,
            b.width(),
            b.height(),
            (radius + grow).max(0.0),
            stroke(w, r.stroke.color)
        );
    }
}

/// One `<text>` per row: each word a `<tspan>` at the x egui laid its first glyph out at,
/// with its section's size and colour.
fn write_text(out: &mut String, t: &TextShape) {
    let galley = &t.galley;
    let job = &galley.job;
    // Glyphs follow the job's characters in order, rows split at newlines.
    let chars: Vec<(usize, char)> = job
        .text
        .char_indices()
        .filter(|(_, c)| *c != '\n' && *c != '\r')
        .collect();
    let glyph_count: usize = galley.rows.iter().map(|r| r.row.glyphs.len()).sum();
    if glyph_count != chars.len() {
        return;
    }
    let turn = t.angle.to_degrees();
    let transform = if turn.abs() > 1e-3 {
        format!(
            " transform=\"rotate({turn:.3} {:.2} {:.2})\"",
            t.pos.x, t.pos.y
        )
    } else {
        String::new()
    };
    let section_of = |byte: usize| {
        job.sections
            .iter()
            .position(|s| (s.byte_range.start.0..s.byte_range.end.0).contains(&byte))
            .unwrap_or(0)
    };
    let mut next = 0usize;
    for placed in &galley.rows {
        let glyphs = &placed.row.glyphs;
        if glyphs.is_empty() {
            continue;
        }
        let mut spans: Vec<(usize, String, Vec<f32>, f32)> = Vec::new();
        for g in glyphs {
            let (byte, ch) = chars[next];
            next += 1;
            let section = section_of(byte);
            let x = t.pos.x + placed.pos.x + g.pos.x;
            let y = t.pos.y + placed.pos.y + g.pos.y;
            // One span a word, placed where egui put its first glyph, the reader laying out
            // the rest: an x for every character would pull ligatures (ff, fi) apart, and some
            // readers (librsvg) count such a list by bytes of UTF-8.
            let end = x + g.advance_width;
            match spans.last_mut() {
                Some((s, text, xs, sy))
                    if *s == section && (*sy - y).abs() < 0.01 && !text.ends_with(' ') =>
                {
                    text.push(ch);
                    xs[1] = end;
                }
                _ => spans.push((section, ch.to_string(), vec![x, end], y)),
            }
        }
        if spans.iter().all(|(_, text, _, _)| text.trim().is_empty()) {
            continue;
        }
        let _ = write!(
            out,
            "<text xml:space=\"preserve\" font-family=\"{}\"{transform}>",
            super::svg::FONT_FAMILY
        );
        for (section, text, xs, y) in spans {
            let format = &job.sections.get(section).map(|s| &s.format);
            let (size, color) = match format {
                Some(f) => (f.font_id.size, f.color),
                None => (12.0, t.fallback_color),
            };
            let color = match (t.override_text_color, color) {
                (Some(c), _) => c,
                (None, c) if c == Color32::PLACEHOLDER => t.fallback_color,
                (None, c) => c,
            };
            // The word as wide as egui made it, whichever font the reader has.
            let width = (xs[1] - xs[0]).max(0.0);
            let _ = write!(
                out,
                "<tspan x=\"{:.2}\" y=\"{y:.2}\" font-size=\"{size:.2}\" textLength=\"{width:.2}\" \
                 lengthAdjust=\"spacingAndGlyphs\"{}>{}</tspan>",
                xs[0],
                color_attr("fill", color),
                escape(&text)
            );
        }
        out.push_str("</text>");
    }
}

/// A mesh without a texture (flat-coloured triangles: the colour bar's strip) as one image
/// of its bounds, each pixel the colour of the triangle over its centre.
fn write_mesh(out: &mut String, m: &Mesh) {
    if m.vertices.is_empty() || m.indices.len() < 3 {
        return;
    }
    let bounds = m.calc_bounds();
    let (x0, y0) = (bounds.min.x.floor(), bounds.min.y.floor());
    let w = ((bounds.max.x.ceil() - x0) as usize).clamp(1, 8192);
    let h = ((bounds.max.y.ceil() - y0) as usize).clamp(1, 8192);
    let mut rgba = vec![0u8; w * h * 4];
    for tri in m.indices.chunks_exact(3) {
        let v = [0, 1, 2].map(|k| m.vertices[tri[k] as usize]);
        let [a, b, c] = v.map(|v| v.pos);
        let color = v[0].color.to_srgba_unmultiplied();
        let lo = a.min(b).min(c);
        let hi = a.max(b).max(c);
        let area = cross(a, b, c);
        if area.abs() < 1e-9 {
            continue;
        }
        let (i0, i1) = (
            (lo.x - x0).floor().max(0.0) as usize,
            (hi.x - x0).ceil() as usize,
        );
        let (j0, j1) = (
            (lo.y - y0).floor().max(0.0) as usize,
            (hi.y - y0).ceil() as usize,
        );
        for j in j0..j1.min(h) {
            for i in i0..i1.min(w) {
                let p = Pos2::new(x0 + i as f32 + 0.5, y0 + j as f32 + 0.5);
                let s = [cross(a, b, p), cross(b, c, p), cross(c, a, p)];
                if s.iter().all(|v| v * area >= 0.0) {
                    rgba[(j * w + i) * 4..][..4].copy_from_slice(&color);
                }
            }
        }
    }
    let _ = write!(
        out,
        "<image x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" \
         preserveAspectRatio=\"none\" style=\"image-rendering:pixelated\" href=\"{}\"/>",
        png_data_uri(w as u32, h as u32, &rgba)
    );
}

fn cross(a: Pos2, b: Pos2, p: Pos2) -> f32 {
    (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
}

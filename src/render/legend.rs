//! A figure's key and side words: the legend of its paths (a swatch of each path's colour
//! with what it is, in the corner of the plot that covers fewest of the paths' labels and
//! starts) and the label beside the colour bar, read upwards as in matplotlib.

use egui::{Color32, Painter, Shape};

use super::overlay::{Label, LegendEntry, PlotRect, Px, Theme};

/// Paints `label` rotated a quarter turn, reading upwards, centred on the colour bar `bar`'s
/// height to the right of its tick labels (the layout leaves room: `Margins::colorbar_label`).
pub(crate) fn paint_colorbar_label(
    painter: &Painter,
    px: &Px,
    bar: PlotRect,
    label: &str,
    theme: Theme,
) {
    let size = 1.1 * px.font;
    let galley = painter.layout_no_wrap(label.to_owned(), px.font_id(size), theme.text());
    let w = galley.size().x * px.ppp;
    // Tick labels take about 4.4 label heights right of the strip (`FigureLayout`'s margin).
    let x = bar.right() + 5.6 * px.font;
    // Turned about its top-left corner, the text runs up from there: centre it on the bar.
    let y = bar.y + 0.5 * bar.h + 0.5 * w;
    let shape = egui::epaint::TextShape::new(px.pos(x, y), galley, theme.text())
        .with_angle(-std::f32::consts::FRAC_PI_2);
    painter.add(Shape::Text(shape));
}

/// Paints the legend box in a corner of `plot`: one row per entry, a short line in the path's
/// colour and its words.
pub(crate) fn paint_legend(
    painter: &Painter,
    px: &Px,
    entries: &[LegendEntry],
    plot: PlotRect,
    theme: Theme,
    avoid: &[Label],
) {
    let font = 0.95 * px.font;
    let pad = 0.5 * font;
    let swatch = 1.8 * font;
    let galleys: Vec<_> = entries
        .iter()
        .map(|e| painter.layout_no_wrap(e.text.clone(), px.font_id(font), theme.text()))
        .collect();
    let row_h = galleys
        .iter()
        .map(|g| g.size().y * px.ppp)
        .fold(font, f32::max);
    let text_w = galleys
        .iter()
        .map(|g| g.size().x * px.ppp)
        .fold(0.0f32, f32::max);
    let w = (2.0 * pad + swatch + 0.5 * font + text_w).min(plot.w);
    let h = (2.0 * pad + row_h * entries.len() as f32).min(plot.h);
    let rect = corner_with_room(plot, w, h, pad, avoid);
    let frame = px.stroke(theme.stroke_px() * px.scale.max(0.7) * 0.7, theme.text());
    let r = rect.to_egui(px.ppp);
    painter.rect_filled(r, 0.25 * font / px.ppp, theme.halo());
    painter.rect_stroke(r, 0.25 * font / px.ppp, frame, egui::StrokeKind::Inside);
    for (k, (e, g)) in entries.iter().zip(galleys).enumerate() {
        let cy = rect.y + pad + (k as f32 + 0.5) * row_h;
        let x0 = rect.x + pad;
        let [r8, g8, b8, a8] = e.color;
        let color = Color32::from_rgba_unmultiplied(r8, g8, b8, a8);
        // Outlined in black as the paths are, so that a white path's swatch shows too.
        let (a, b) = (px.pos(x0, cy), px.pos(x0 + swatch, cy));
        painter.line_segment([a, b], px.stroke(0.34 * font, Color32::BLACK));
        painter.line_segment([a, b], px.stroke(0.18 * font, color));
        painter.circle_filled(b, 0.3 * font / px.ppp, Color32::BLACK);
        painter.circle_filled(b, 0.2 * font / px.ppp, color);
        let gy = cy - 0.5 * g.size().y * px.ppp;
        painter.galley(px.pos(x0 + swatch + 0.5 * font, gy), g, theme.text());
    }
}

/// The `w`×`h` box `pad` inside one of `plot`'s corners (top right, top left, bottom right,
/// bottom left, in that order of preference) that holds the fewest of the labels' points and
/// starts.
fn corner_with_room(plot: PlotRect, w: f32, h: f32, pad: f32, avoid: &[Label]) -> PlotRect {
    let (left, right) = (plot.x + pad, plot.right() - pad - w);
    let (top, bottom) = (plot.y + pad, plot.bottom() - pad - h);
    let corners = [(right, top), (left, top), (right, bottom), (left, bottom)];
    let inside = |r: &PlotRect, p: [f32; 2]| {
        p[0] >= r.x && p[0] <= r.right() && p[1] >= r.y && p[1] <= r.bottom()
    };
    let covered = |r: &PlotRect| {
        avoid
            .iter()
            .flat_map(|l| std::iter::once(l.pos).chain(l.start))
            .filter(|p| inside(r, *p))
            .count()
    };
    corners
        .into_iter()
        .map(|(x, y)| PlotRect { x, y, w, h })
        .min_by_key(covered)
        .unwrap_or(PlotRect {
            x: right,
            y: top,
            w,
            h,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_takes_the_corner_with_fewest_labels() {
        let plot = PlotRect {
            x: 0.0,
            y: 0.0,
            w: 1000.0,
            h: 600.0,
        };
        let at = |x: f32, y: f32| Label {
            pos: [x, y],
            text: String::new(),
            color: [0; 4],
            start: None,
        };
        // Nothing in the way: top right.
        let r = corner_with_room(plot, 200.0, 100.0, 10.0, &[]);
        assert_eq!((r.x, r.y), (790.0, 10.0));
        // A label in the top right and one in the top left: bottom right.
        let r = corner_with_room(plot, 200.0, 100.0, 10.0, &[at(900.0, 50.0), at(50.0, 50.0)]);
        assert_eq!((r.x, r.y), (790.0, 490.0));
    }
}

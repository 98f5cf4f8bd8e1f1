//! The axes of the overlay: frame, tick marks with numeric labels on both axes, grid lines across
//! the plot and the axis names.

use egui::{Align2, Painter};

use super::overlay::{OverlayInput, Px};
use super::rules::Rule;
use super::ticks::{axis_ticks, AxisTick};

/// Target spacing between labelled ticks, in pixels at scale 1 (about one label per 100 px).
pub(crate) const TICK_SPACING_PX: f32 = 100.0;

/// The ticks of the horizontal and vertical axes for `input`, with label sizes measured by
/// `measure(label) -> (width, height)` in pixels; neighbouring labels never overlap.
pub fn plot_ticks(
    input: &OverlayInput,
    measure: &mut dyn FnMut(&str) -> (f32, f32),
) -> (Vec<AxisTick>, Vec<AxisTick>) {
    let s = input.scale;
    let gap = 0.8 * super::overlay::BASE_FONT_PX * s;
    let v = input.view;
    let xs = axis_ticks(
        v.x0,
        v.x1,
        input.plot.w,
        TICK_SPACING_PX * s,
        gap,
        &mut |t| measure(t).0,
    );
    let ys = axis_ticks(
        v.y0,
        v.y1,
        input.plot.h,
        TICK_SPACING_PX * s,
        gap * 0.5,
        &mut |t| measure(t).1,
    );
    (xs, ys)
}

/// Paints the tick labels and axis names around `input.plot` and adds the frame, grid lines
/// and tick marks to `rules` (drawn by the rules pass, see `rules.rs`).
pub(crate) fn paint_axes(painter: &Painter, px: &Px, input: &OverlayInput, rules: &mut Vec<Rule>) {
    let p = input.plot;
    let theme = input.theme;
    let font = px.font;
    let (xs, ys) = plot_ticks(input, &mut |t| {
        let s = px.measure(painter, t, font);
        (s.x, s.y)
    });
    let grid_w = theme.grid_px() * px.scale.max(1.0);
    let tick_w = theme.stroke_px() * px.scale.max(0.7);
    let (grid, ink) = (theme.grid(), theme.text());
    let tick_len = 0.45 * font;
    for t in &xs {
        let x = p.x + t.frac as f32 * p.w;
        rules.push(Rule::line([x, p.y], [x, p.bottom()], grid_w, grid));
        rules.push(Rule::line(
            [x, p.bottom()],
            [x, p.bottom() + tick_len],
            tick_w,
            ink,
        ));
        painter.text(
            px.pos(x, p.bottom() + tick_len + 0.2 * font),
            Align2::CENTER_TOP,
            &t.label,
            px.font_id(font),
            theme.text(),
        );
    }
    for t in &ys {
        let y = p.bottom() - t.frac as f32 * p.h;
        rules.push(Rule::line([p.x, y], [p.right(), y], grid_w, grid));
        rules.push(Rule::line([p.x - tick_len, y], [p.x, y], tick_w, ink));
        painter.text(
            px.pos(p.x - tick_len - 0.3 * font, y),
            Align2::RIGHT_CENTER,
            &t.label,
            px.font_id(font),
            theme.text(),
        );
    }
    let frame = [p.x, p.y, p.right(), p.bottom()];
    rules.extend(Rule::frame_outside(frame, tick_w, ink));
    let name_px = 1.15 * font;
    let (xn, yn) = input.axis_names;
    painter.text(
        px.pos(p.x + p.w / 2.0, p.bottom() + tick_len + 1.5 * font),
        Align2::CENTER_TOP,
        xn,
        px.font_id(name_px),
        theme.text(),
    );
    let widest = ys
        .iter()
        .map(|t| px.measure(painter, &t.label, font).x)
        .fold(0.0f32, f32::max);
    let right = p.x - tick_len - 0.6 * font - widest;
    let left_edge = painter.clip_rect().left() * px.ppp;
    let name_h = px.measure(painter, yn, name_px).y;
    let label_h = px.measure(painter, "0", font).y;
    let rows: Vec<f32> = ys
        .iter()
        .map(|t| p.bottom() - t.frac as f32 * p.h)
        .collect();
    let name_y = clear_row(
        &rows,
        p.y + p.h / 2.0,
        0.5 * (name_h + label_h) + 0.3 * font,
    );
    let name_w = px.measure(painter, yn, name_px).x;
    if right - name_w >= left_edge {
        painter.text(
            px.pos(right, name_y),
            Align2::RIGHT_CENTER,
            yn,
            px.font_id(name_px),
            theme.text(),
        );
    } else if name_w <= p.h && right - name_h >= left_edge {
        // Too wide to sit beside the ticks: turned a quarter, reading upwards, as in
        // matplotlib, centred on the plot's height.
        let galley = painter.layout_no_wrap(yn.to_owned(), px.font_id(name_px), theme.text());
        let at = px.pos(right - name_h, p.y + 0.5 * (p.h + name_w));
        let shape = egui::epaint::TextShape::new(at, galley, theme.text())
            .with_angle(-std::f32::consts::FRAC_PI_2);
        painter.add(egui::Shape::Text(shape));
    } else {
        painter.text(
            px.pos(p.x, p.y - 0.25 * font),
            Align2::LEFT_BOTTOM,
            yn,
            px.font_id(name_px),
            theme.text(),
        );
    }
}

/// The height for the y axis's name near `mid`: `mid` itself where no tick label's row
/// (centres `rows`) is within `clear` of it, else halfway between the two neighbouring rows
/// nearest `mid` that are at least `2 × clear` apart (beside the "0" at mid-height the name
/// read as part of it); `mid` where no such gap exists.
fn clear_row(rows: &[f32], mid: f32, clear: f32) -> f32 {
    if rows.iter().all(|r| (r - mid).abs() >= clear) {
        return mid;
    }
    let mut sorted = rows.to_vec();
    sorted.sort_by(f32::total_cmp);
    sorted
        .windows(2)
        .filter(|w| w[1] - w[0] >= 2.0 * clear)
        .map(|w| 0.5 * (w[0] + w[1]))
        .min_by(|a, b| (a - mid).abs().total_cmp(&(b - mid).abs()))
        .unwrap_or(mid)
}

#[cfg(test)]
mod tests {
    use super::clear_row;

    #[test]
    fn the_name_row_keeps_clear_of_tick_rows() {
        // A tick at the middle: the name moves halfway to a neighbour.
        assert_eq!(clear_row(&[100.0, 200.0, 300.0], 200.0, 30.0), 150.0);
        // No tick near the middle: it stays.
        assert_eq!(clear_row(&[100.0, 300.0], 200.0, 30.0), 200.0);
        // Ticks too close for the name between them: the middle, as before.
        assert_eq!(clear_row(&[190.0, 200.0, 210.0], 200.0, 30.0), 200.0);
    }
}

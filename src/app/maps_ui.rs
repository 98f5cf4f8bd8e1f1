//! The "colour by" section of the panel (heatmap, convergence map: basin / steps, gradient
//! check, stable step size with its η slider), its legend and shares, and on the canvas the map's progress and the minima the
//! basin map found (the render settings each choice needs are
//! `render::color_by::explorer_settings`).

use egui::{Color32, Painter, RichText, Ui};

use super::maps::{minimum_line, ColorBy, MapSettings, CHECK_STEP_RANGE, MAP_DIVISORS};
use super::state::ExplorerState;
use crate::render::overlay::{PlotRect, Px};

/// The panel section: the choice, the map's resolution or the check's step h, the legend.
pub(crate) fn section(ui: &mut Ui, s: &mut ExplorerState) {
    let mut mode = s.doc.maps.mode;
    egui::ComboBox::from_label("colour by (B)")
        .selected_text(mode.label())
        .show_ui(ui, |ui| {
            for c in ColorBy::ALL {
                ui.selectable_value(&mut mode, c, c.label());
            }
        });
    s.set_color_by(mode);
    match s.doc.maps.mode {
        ColorBy::Heatmap => return,
        ColorBy::Map(_) => map_controls(ui, s),
        ColorBy::Check => check_controls(ui, s),
        ColorBy::Stability => stability_controls(ui, s),
    }
    let minima = s.map_status.minima.clone();
    for line in s.map_legend() {
        let text = RichText::new(&line);
        // A minimum's line in its colour in the basin map.
        match minima.iter().find(|m| minimum_line(m) == line) {
            Some(m) => {
                let [r, g, b] = m.color;
                ui.label(text.strong().color(Color32::from_rgb(r, g, b)))
            }
            None => ui.label(text),
        };
    }
}

/// The learning rate again, beside the map it moves (the optimizer section has it too).
fn stability_controls(ui: &mut Ui, s: &mut ExplorerState) {
    let mut lr = s.doc.hyper.lr;
    ui.add(
        egui::Slider::new(&mut lr, 1e-4..=10.0)
            .logarithmic(true)
            .text("learning rate η (moves the boundary)"),
    );
    if lr != s.doc.hyper.lr && lr.is_finite() && lr > 0.0 {
        s.doc.hyper.lr = lr;
        s.restart_all();
    }
}

fn map_controls(ui: &mut Ui, s: &mut ExplorerState) {
    ui.horizontal_wrapped(|ui| {
        ui.label("grid (M)");
        for d in MAP_DIVISORS {
            ui.selectable_value(&mut s.doc.maps.divisor, d, MapSettings::divisor_label(d));
        }
    });
    let st = &s.map_status;
    let (done, total) = st.progress;
    match st.computing_lr {
        // The shown map's shares belong to other settings: say what is being computed.
        Some(lr) => {
            ui.label(RichText::new(computing_text(lr)).strong());
            ui.label(format!("{done} / {total} chunks of 64 steps"));
        }
        None if st.starts > 0 => {
            ui.label(RichText::new(st.summary()).strong());
        }
        None => {}
    }
    ui.label(
        RichText::new("uses the optimizer, η, tolerance and step limit below")
            .small()
            .color(Color32::GRAY),
    );
}

fn check_controls(ui: &mut Ui, s: &mut ExplorerState) {
    let mut h = s.doc.maps.check_step;
    let (lo, hi) = CHECK_STEP_RANGE;
    ui.add(
        egui::Slider::new(&mut h, lo..=hi)
            .logarithmic(true)
            .smallest_positive(lo)
            .custom_formatter(|v, _| format!("{v:.1e}"))
            .custom_parser(|t| t.trim().parse().ok())
            .text("step h"),
    );
    // The slider keeps h in range; a refused value leaves the old one.
    let _ = s.set_check_step(h);
    ui.label(RichText::new(s.map_status.check_text()).strong());
}

/// "computing for η = 0.01" (what the legend says while a map is computed).
pub(crate) fn computing_text(lr: f64) -> String {
    format!("computing for η = {}", crate::descent::readout::number(lr))
}

/// "computing for η = 0.01: 12 / 157" in the plot's bottom-left corner while a map is
/// computed.
pub(crate) fn paint_progress(painter: &Painter, s: &ExplorerState, plot: PlotRect) {
    let (done, total) = s.map_status.progress;
    if total == 0 || !s.doc.maps.mode.is_map() {
        return;
    }
    let what = s
        .map_status
        .computing_lr
        .map_or_else(|| "computing map".to_string(), computing_text);
    let ppp = painter.pixels_per_point().max(1e-3);
    let pos = egui::pos2(plot.x / ppp + 8.0, (plot.y + plot.h) / ppp - 8.0);
    painter.text(
        pos,
        egui::Align2::LEFT_BOTTOM,
        format!("{what}: {done} / {total}"),
        egui::FontId::proportional(16.0),
        Color32::WHITE,
    );
}

/// Marks the minima the shown basin map found: a ring at each, with its coordinates in a box
/// outlined in its basin colour, sized like the overlay's text for `scale`.
pub(crate) fn paint_minima(painter: &Painter, s: &ExplorerState, plot: PlotRect, scale: f32) {
    if s.doc.maps.mode != ColorBy::Map(crate::document::MapMode::Basin) {
        return;
    }
    let px = Px::new(painter, scale);
    let clip = plot.to_egui(px.ppp).intersect(painter.clip_rect());
    let painter = painter.with_clip_rect(clip);
    let size_px = px.font;
    for m in &s.map_status.minima {
        let (x, y) = s.to_pixel(m.at[0], m.at[1]);
        let at = px.pos(plot.x + x as f32, plot.y + y as f32);
        if !clip.contains(at) {
            continue;
        }
        let [r, g, b] = m.color;
        let color = Color32::from_rgb(r, g, b);
        let radius = 0.45 * size_px / px.ppp;
        painter.circle_stroke(at, radius, px.stroke(5.0 * px.scale, Color32::BLACK));
        painter.circle_stroke(at, radius, px.stroke(2.5 * px.scale, Color32::WHITE));
        let text = format!("min {}", crate::descent::readout::pair(m.at));
        // The text in the theme's colour (a basin's own colour is too close to the map behind
        // it), the box outlined in the basin's colour.
        let ink = s.doc.theme.text();
        let galley = painter.layout_no_wrap(text, px.font_id(size_px), ink);
        let pad = 0.25 * size_px / px.ppp;
        let corner = at + egui::vec2(radius + 2.0 * pad, -0.5 * galley.size().y);
        let rect = egui::Rect::from_min_size(corner, galley.size()).expand(pad);
        painter.rect_filled(rect, pad, s.doc.theme.halo());
        painter.rect_stroke(
            rect,
            pad,
            px.stroke(2.0 * px.scale, color),
            egui::StrokeKind::Outside,
        );
        painter.galley(corner, galley, ink);
    }
}

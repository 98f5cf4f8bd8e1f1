//! The "colour by" section of the panel (heatmap, convergence map: basin / steps, gradient
//! check), its legend and shares and the map's progress on the canvas (the render settings each
//! choice needs are `render::color_by::explorer_settings`).

use egui::{Color32, Painter, RichText, Ui};

use super::maps::{ColorBy, MapSettings, CHECK_STEP_RANGE, MAP_DIVISORS};
use super::state::ExplorerState;
use crate::render::overlay::PlotRect;

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
    }
    for line in s.map_legend() {
        ui.label(RichText::new(line).small());
    }
}

fn map_controls(ui: &mut Ui, s: &mut ExplorerState) {
    ui.horizontal_wrapped(|ui| {
        ui.label("grid (M)");
        for d in MAP_DIVISORS {
            ui.selectable_value(&mut s.doc.maps.divisor, d, MapSettings::divisor_label(d));
        }
    });
    let st = s.map_status;
    if st.starts > 0 {
        ui.label(RichText::new(st.summary()).strong());
    }
    let (done, total) = st.progress;
    if total > 0 {
        ui.label(format!("computing: {done} / {total} chunks of 64 steps"));
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

/// "computing map 12 / 157" in the plot's bottom-left corner while a map is computed.
pub(crate) fn paint_progress(painter: &Painter, s: &ExplorerState, plot: PlotRect) {
    let (done, total) = s.map_status.progress;
    if total == 0 || !s.doc.maps.mode.is_map() {
        return;
    }
    let ppp = painter.pixels_per_point().max(1e-3);
    let pos = egui::pos2(plot.x / ppp + 8.0, (plot.y + plot.h) / ppp - 8.0);
    painter.text(
        pos,
        egui::Align2::LEFT_BOTTOM,
        format!("computing map {done} / {total}"),
        egui::FontId::proportional(16.0),
        Color32::WHITE,
    );
}

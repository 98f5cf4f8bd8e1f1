//! The left side panel: function box with its error and derivative formulas, presets,
//! layers, colour map, arrows, the 3D view (`super::surface_ui`), optimizer and hyperparameters, playback, the path list and
//! export buttons. Every control edits the [`ExplorerState`] directly.

use egui::{Color32, RichText, Ui};

use super::state::ExplorerState;

use crate::document::{ArrowDir, ArrowLength, Colormap, Theme};

/// Draws the panel's contents into `ui`.
pub(crate) fn panel(ui: &mut Ui, s: &mut ExplorerState) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        function_box(ui, s);
        ui.separator();
        super::symbols_ui::section(ui, s);
        presets(ui, s);
        super::data_ui::open_section(ui, s);
        ui.separator();
        layers(ui, s);
        ui.separator();
        super::surface_ui::section(ui, s);
        ui.separator();
        super::maps_ui::section(ui, s);
        ui.separator();
        super::optimizer_ui::section(ui, s);
        ui.separator();
        playback(ui, s);
        ui.separator();
        path_list(ui, s);
        ui.separator();
        super::step_ui::section(ui, s);
        ui.separator();
        presentation(ui, s);
    });
}

/// The function box's egui id: the key routing puts the keyboard there (F2 / E) and knows it
/// from the other text fields.
pub(crate) fn formula_id() -> egui::Id {
    egui::Id::unique("gradfield-formula")
}

fn function_box(ui: &mut Ui, s: &mut ExplorerState) {
    // The head the text does not write itself: `f(x, y) =`, `f(x, y, z) =` for a headless z.
    let heading = if s.doc.function.data().is_some() {
        // A data loss shows its term: f below is the term's mean over the data.
        "Loss of one point (xᵢ, yᵢ)".to_string()
    } else if s.text.contains('=') {
        "Function".to_string()
    } else {
        format!("{} =", s.doc.function.vars.head())
    };
    let heading = ui.heading(heading);
    let mut text = s.text.clone();
    // Wrapped over two rows for long formulas, but one line of input: Enter confirms it and
    // gives the keys back to the canvas (`canvas::route_keys`), never a newline.
    let edit = egui::TextEdit::multiline(&mut text)
        .id(formula_id())
        .return_key(None)
        .font(egui::TextStyle::Monospace)
        .desired_rows(2)
        .desired_width(f32::INFINITY);
    let response = ui.add(edit).labelled_by(heading.id);
    if response.changed() {
        // A newline pasted in is a space: the formula is one line.
        s.set_text(&text.replace(['\n', '\r'], " "));
    }
    if let Some(e) = &s.error {
        ui.label(
            RichText::new(e.render(&s.text))
                .monospace()
                .color(Color32::from_rgb(255, 110, 90)),
        );
    }
    if let Some(e) = &s.messages.render_error {
        ui.colored_label(Color32::from_rgb(255, 110, 90), e);
    }
    super::formulas::formula_lines(ui, s);
}

fn presets(ui: &mut Ui, s: &mut ExplorerState) {
    ui.label("Presets (keys 1 – 9)");
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        for (i, p) in crate::presets::all().iter().enumerate() {
            if ui
                .selectable_label(s.doc.preset == Some(p.name), p.name)
                .clicked()
            {
                chosen = Some(i);
            }
        }
    });
    if let Some(i) = chosen {
        if let Err(e) = s.select_preset(i) {
            s.messages.status = Some(e.to_string());
        }
    }
}

fn layers(ui: &mut Ui, s: &mut ExplorerState) {
    let l = &mut s.doc.layers;
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut l.show_heatmap, "heatmap");
        ui.checkbox(&mut l.show_contours, "contours");
        ui.checkbox(&mut l.show_paths, "paths");
        ui.checkbox(&mut l.log_scale, "log scale");
    });
    egui::ComboBox::from_label("colour map")
        .selected_text(l.colormap.label())
        .show_ui(ui, |ui| {
            for map in Colormap::ALL {
                ui.selectable_value(&mut l.colormap, map, map.label());
            }
        });
    ui.add(egui::Slider::new(&mut l.levels, 0..=40).text("contour levels"));
    ui.horizontal(|ui| {
        ui.label("arrows");
        for d in ArrowDir::ALL {
            ui.selectable_value(&mut l.arrows, d, d.name());
        }
    });
    ui.horizontal(|ui| {
        ui.label("length");
        for m in ArrowLength::ALL {
            ui.selectable_value(&mut l.arrow_length, m, m.name());
        }
    });
    ui.add(egui::Slider::new(&mut l.arrow_spacing_px, 16.0..=160.0).text("arrow spacing px"));
}

/// Sweep mode and its factors (η/10, η, 10η by default), and the pin toggle.
pub(crate) fn sweep(ui: &mut Ui, s: &mut ExplorerState) {
    let mut on = s.doc.sweep;
    if ui
        .checkbox(&mut on, "sweep learning rates (one path per factor × η)")
        .changed()
    {
        s.set_sweep(on);
    }
    if s.doc.sweep {
        let id = ui.make_persistent_id("gradfield-sweep-factors");
        let mut text = ui.data_mut(|d| {
            d.get_temp::<String>(id)
                .unwrap_or_else(|| crate::teach::format_factors(&s.doc.sweep_factors))
        });
        ui.horizontal(|ui| {
            let label = ui.label("factors");
            let r = ui.text_edit_singleline(&mut text).labelled_by(label.id);
            if r.changed() {
                if let Ok(f) = crate::teach::parse_factors(&text) {
                    s.doc.sweep_factors = f;
                }
            }
            if r.lost_focus() {
                s.set_sweep_factors(&text);
            }
        });
        ui.data_mut(|d| d.insert_temp(id, text));
    }
    let mut pinned = s.doc.pin.is_some();
    if ui
        .checkbox(
            &mut pinned,
            "pin: slices, tangents, D_u f (Shift + click, I clears)",
        )
        .changed()
    {
        s.toggle_pin();
    }
    super::pin_ui::start_field(ui, s);
}

fn playback(ui: &mut Ui, s: &mut ExplorerState) {
    ui.horizontal_wrapped(|ui| {
        let label = if s.doc.playing { "pause" } else { "play" };
        if ui.button(label).clicked() {
            s.doc.playing = !s.doc.playing;
        }
        if ui.button("step").clicked() {
            s.doc.playing = false;
            s.step_paths();
        }
        if ui.button("reset").clicked() {
            s.restart_all();
        }
        if ui.button("clear").clicked() {
            s.clear_paths();
        }
    });
    ui.add(
        egui::Slider::new(&mut s.doc.steps_per_second, 0.5..=500.0)
            .logarithmic(true)
            .text("steps / s"),
    );
    ui.add(
        egui::Slider::new(&mut s.doc.tol, 0.0..=1e-2)
            .logarithmic(true)
            .text("stop when |∇f| ≤"),
    );
}

fn path_list(ui: &mut Ui, s: &mut ExplorerState) {
    ui.label(format!("Paths ({})", s.running.paths.len()));
    for (i, p) in s.summaries().iter().enumerate() {
        let c = super::paths::PALETTE[p.color % super::paths::PALETTE.len()];
        let color = Color32::from_rgb(
            (c[0] * 255.0) as u8,
            (c[1] * 255.0) as u8,
            (c[2] * 255.0) as u8,
        );
        let eta = p
            .eta
            .as_deref()
            .map(|e| format!(" ({e})"))
            .unwrap_or_default();
        let text = format!(
            "{} {}{eta}: step {}  f = {}  |∇f| = {}  {}",
            i + 1,
            p.optimizer.name(),
            p.iterations,
            crate::numfmt::short(p.f),
            crate::numfmt::short(p.grad_norm),
            p.status,
        );
        let r = ui.colored_label(color, text);
        if let Some(reason) = &p.reason {
            r.on_hover_text(reason);
        }
    }
    ui.horizontal(|ui| {
        if ui.button("export paths CSV").clicked() {
            s.requests.export_csv = true;
        }
        if ui.button("screenshot (P)").clicked() {
            s.requests.screenshot = true;
        }
        if ui.button("record GIF (G)").clicked() {
            s.requests.record = true;
        }
    });
    if let Some(m) = &s.messages.status {
        ui.label(m);
    }
}

fn presentation(ui: &mut Ui, s: &mut ExplorerState) {
    ui.horizontal(|ui| {
        ui.label("theme");
        for t in Theme::ALL {
            ui.selectable_value(&mut s.doc.theme, t, t.name());
        }
    });
    ui.horizontal(|ui| {
        ui.label(format!("UI scale {:.0}%", s.doc.ui_scale * 100.0));
        if ui.button("−").clicked() {
            s.scale_ui(-1);
        }
        if ui.button("+").clicked() {
            s.scale_ui(1);
        }
        if ui.button("help (F1)").clicked() {
            s.dialogs.help = !s.dialogs.help;
        }
    });
    ui.checkbox(
        &mut s.doc.present,
        "presentation mode (F5): canvas text for projection",
    );
}

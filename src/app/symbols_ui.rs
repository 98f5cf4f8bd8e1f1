//! The panel's section for parameters and held variables: the axes picker when f has more
//! than two variables, one slider per symbol (held variables labelled "held") with its play
//! button and editable range and step, and "descend in all variables".

use egui::{RichText, Ui};

use super::state::ExplorerState;
use crate::expr::SymKind;

/// Draws the section; nothing when f has neither parameters nor held variables.
pub(crate) fn section(ui: &mut Ui, s: &mut ExplorerState) {
    let symbols = s.symbols();
    let variables: Vec<String> = s
        .doc
        .function
        .vars
        .variable_names()
        .into_iter()
        .map(String::from)
        .collect();
    if symbols.is_empty() {
        return;
    }
    ui.label(RichText::new("Parameters and held variables ([ ] move, K selects)").strong());
    if variables.len() > 2 {
        axes_picker(ui, s, &variables);
    }
    if s.messages.undefined_in_view {
        ui.colored_label(
            egui::Color32::from_rgb(255, 110, 90),
            "f is undefined everywhere in view at these values",
        );
    }
    ui.spacing_mut().slider_width = 150.0;
    let selected = s.selected_symbol();
    for (name, kind) in symbols {
        slider_row(
            ui,
            s,
            &name,
            kind,
            selected.as_deref() == Some(name.as_str()),
        );
    }
    if s.doc.function.has_held() {
        let mut all = s.doc.descend_all;
        let r = ui
            .checkbox(&mut all, "descend in all variables")
            .on_hover_text(
                "paths move the held variables too, and the sliders follow the selected path: \
                 the slice shown is the one through its current point",
            );
        if r.changed() {
            s.set_descend_all(all);
        }
    }
    ui.separator();
}

fn axes_picker(ui: &mut Ui, s: &mut ExplorerState, variables: &[String]) {
    let (x, y) = s.var_names();
    let mut chosen = None;
    ui.horizontal(|ui| {
        ui.label("axes");
        for (id, current, other, horizontal) in [("h", &x, &y, true), ("v", &y, &x, false)] {
            if !horizontal {
                ui.label("×");
            }
            egui::ComboBox::from_id_salt(("gradfield-axes", id))
                .selected_text(current.as_str())
                .width(60.0)
                .show_ui(ui, |ui| {
                    for v in variables.iter().filter(|v| *v != other) {
                        if ui.selectable_label(v == current, v.as_str()).clicked() {
                            chosen = Some(if horizontal {
                                (v.clone(), other.clone())
                            } else {
                                (other.clone(), v.clone())
                            });
                        }
                    }
                });
        }
    })
    .response
    .on_hover_text("the variables on the horizontal and vertical axes; the others are held");
    if let Some((a, b)) = chosen {
        if let Err(e) = s.set_axes(&a, &b) {
            s.messages.status = Some(e);
        }
    }
}

fn slider_row(ui: &mut Ui, s: &mut ExplorerState, name: &str, kind: SymKind, selected: bool) {
    let slider = s.doc.slider(name);
    let Some(mut value) = s.doc.function.value_of(name) else {
        return;
    };
    let shown = crate::expr::runs::name(name, crate::expr::runs::Script::LINE).text();
    let tag = match kind {
        SymKind::Held => format!("{shown} (held)"),
        SymKind::Param | SymKind::Datum => shown,
    };
    ui.horizontal(|ui| {
        let label = ui.selectable_label(selected, RichText::new(tag).strong());
        if label.clicked() {
            s.symbol_ui.selected = Some(name.to_string());
        }
        let playing = s.sweeping(name);
        if ui
            .button(if playing { "■" } else { "▶" })
            .on_hover_text("sweep back and forth across the range")
            .clicked()
        {
            s.toggle_sweep(name);
        }
        let r = ui.add(
            egui::Slider::new(&mut value, slider.min..=slider.max)
                .step_by(slider.step)
                // Not `Always`: that snaps the shown value to the step every frame (a value a
                // path set, descending in all variables, would restart the paths).
                .clamping(egui::SliderClamping::Edits),
        );
        if r.changed() {
            s.symbol_ui.selected = Some(name.to_string());
            s.set_symbol(name, value);
        }
    });
    ui.collapsing(format!("range of {name}"), |ui| {
        let mut edited = slider.clone();
        let mut changed = false;
        ui.horizontal(|ui| {
            for (label, v) in [
                ("from", &mut edited.min),
                ("to", &mut edited.max),
                ("step", &mut edited.step),
            ] {
                ui.label(label);
                changed |= ui.add(egui::DragValue::new(v).speed(0.01)).changed();
            }
        });
        if changed && edited != slider {
            if let Err(e) = s.set_slider(edited) {
                s.messages.status = Some(e);
            }
        }
    });
}

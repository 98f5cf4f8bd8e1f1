//! The save / open scene dialog (Ctrl+S, Ctrl+O) as a small egui window: a path field, the
//! `*.toml` files of the working directory to click, Enter to confirm, Esc to cancel. There
//! is no native file dialog on the machines gradfield is taught with.

use egui::{Context, RichText};

use super::scene_io::{toml_files, DialogMode};
use super::state::ExplorerState;

/// Draws the dialog while it is open and acts on what is done in it.
pub fn scene_window(ctx: &Context, s: &mut ExplorerState) {
    let Some(mode) = s.dialogs.scene.mode else {
        return;
    };
    let (title, verb) = match mode {
        DialogMode::Save => ("Save scene", "Save"),
        DialogMode::Open => ("Open scene", "Open"),
    };
    let mut open = true;
    let mut confirm = false;
    let mut cancel = false;
    egui::Window::new(title)
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.label("File (in the working directory unless the path says otherwise):");
            let field = egui::TextEdit::singleline(&mut s.dialogs.scene.path)
                .font(egui::TextStyle::Monospace)
                .desired_width(420.0);
            let r = ui.add(field);
            if r.changed() {
                s.dialogs.scene.overwrite = None;
            }
            if std::mem::take(&mut s.dialogs.scene.focus) {
                r.request_focus();
            }
            if r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                confirm = true;
            }
            let files = toml_files(std::path::Path::new("."));
            if files.is_empty() {
                ui.label(RichText::new("no .toml files here").italics());
            } else {
                ui.label(match mode {
                    DialogMode::Open => "Click a file to open it:",
                    DialogMode::Save => "Click a file to save over it (then Enter):",
                });
                egui::ScrollArea::vertical()
                    .max_height(240.0)
                    .show(ui, |ui| {
                        for name in files {
                            let chosen = s.dialogs.scene.path == name;
                            if ui.selectable_label(chosen, &name).clicked() {
                                s.set_scene_dialog_path(name);
                                match mode {
                                    DialogMode::Open => confirm = true,
                                    DialogMode::Save => s.dialogs.scene.focus = true,
                                }
                            }
                        }
                    });
            }
            let verb = if mode == DialogMode::Save && s.overwrite_pending() {
                "Replace"
            } else {
                verb
            };
            ui.horizontal(|ui| {
                confirm |= ui.button(verb).clicked();
                cancel |= ui.button("Cancel (Esc)").clicked();
            });
            if let Some(m) = &s.messages.status {
                ui.label(m);
            }
        });
    if confirm {
        s.confirm_scene_dialog();
    }
    if cancel || !open {
        s.close_scene_dialog();
    }
}

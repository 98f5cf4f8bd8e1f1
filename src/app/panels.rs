//! Where the panels go. Normally the function panel at the left and, with a pin, the slice
//! panel at the right, each within its share of the window (they scroll rather than take the
//! canvas's room). In presentation mode both fold to a slim strip at the left edge, from which
//! either opens floating, translucent, over the canvas edge. Also the canvas type scale that
//! marks painted outside the overlay (the pin's labels) read.

use egui::{Color32, Context, Id, Ui};

use super::session::Floating as Open;
use super::state::ExplorerState;

/// The largest share of the window's width the two side panels together may take: the
/// canvas keeps at least 60% of it at every UI scale (the panels scroll instead of growing).
pub const PANELS_SHARE: f32 = 0.4;
/// The largest share of the window's width the function panel may take (less with a pin:
/// the rest of [`PANELS_SHARE`] beside the slice panel).
pub const LEFT_PANEL_SHARE: f32 = 0.35;
/// The largest share of the window's width the slice panel (shown with a pin) may take.
pub const RIGHT_PANEL_SHARE: f32 = 0.15;

/// Width of the strip in points.
const STRIP_WIDTH: f32 = 30.0;

fn text_scale_id() -> Id {
    Id::unique("gradfield-canvas-text-scale")
}

/// The strip at the left edge with a button for each panel, and the panel it opened floating
/// over the canvas. Returns the floating panel's rectangle (points) while one is open.
pub(crate) fn strip(ui: &mut Ui, s: &mut ExplorerState) -> Option<egui::Rect> {
    let ctx = ui.ctx().clone();
    let mut open = s.dialogs.floating;
    if open == Open::Slices && s.doc.pin.is_none() {
        open = Open::None;
    }
    let strip = egui::Frame::side_top_panel(&ctx.global_style())
        .fill(Color32::TRANSPARENT)
        .inner_margin(2.0);
    egui::Panel::left("gradfield-present-strip")
        .resizable(false)
        .exact_size(STRIP_WIDTH)
        .frame(strip)
        .show(ui, |ui| {
            let toggle = |ui: &mut Ui, which: Open, label: &str, tip: &str, open: &mut Open| {
                let on = *open == which;
                let text = egui::RichText::new(label).size(20.0);
                if ui.selectable_label(on, text).on_hover_text(tip).clicked() {
                    *open = if on { Open::None } else { which };
                }
            };
            toggle(ui, Open::Function, "f", "the function panel", &mut open);
            if s.doc.pin.is_some() {
                toggle(ui, Open::Slices, "S", "the slices at the pin", &mut open);
            }
            if ui
                .button(egui::RichText::new("×").size(20.0))
                .on_hover_text("leave presentation mode (F5)")
                .clicked()
            {
                s.doc.present = false;
            }
        });
    s.dialogs.floating = open;
    if open == Open::None || !s.doc.present {
        return None;
    }
    let screen = ctx.content_rect();
    let max_w = (0.4 * screen.width()).max(120.0);
    let fill = ctx.global_style().visuals.panel_fill.gamma_multiply(0.82);
    let area = egui::Area::new(Id::unique("gradfield-present-float"))
        .order(egui::Order::Middle)
        .fixed_pos(egui::pos2(
            screen.left() + STRIP_WIDTH + 4.0,
            screen.top() + 4.0,
        ))
        .show(&ctx, |ui| {
            egui::Frame::popup(&ctx.global_style())
                .fill(fill)
                .show(ui, |ui| {
                    ui.set_max_width(max_w);
                    ui.set_max_height(screen.height() - 24.0);
                    solid_scroll_bars(ui);
                    egui::ScrollArea::horizontal()
                        .id_salt("gradfield-present-float-scroll")
                        .show(ui, |ui| match open {
                            Open::Function => super::panel::panel(ui, s),
                            Open::Slices => super::teach_ui::slices_panel(ui, s),
                            Open::None => {}
                        });
                });
        });
    Some(area.response.rect)
}

/// Records the canvas overlay's type scale for this frame ([`canvas_text_scale`]).
pub(crate) fn set_canvas_text_scale(ctx: &Context, scale: f32) {
    ctx.data_mut(|d| d.insert_temp(text_scale_id(), scale));
}

/// The canvas overlay's type scale this frame (`FigureLayout::scale`; 1 before the first).
pub(crate) fn canvas_text_scale(ctx: &Context) -> f32 {
    ctx.data(|d| d.get_temp(text_scale_id())).unwrap_or(1.0)
}

/// The function panel and, with a pin, the slice panel: each at most its share of the
/// window's width (the canvas keeps the rest), scrolling where its content is wider or
/// taller.
pub(crate) fn side_panels(ui: &mut Ui, s: &mut ExplorerState) {
    let ctx = ui.ctx().clone();
    // The side panels are not filled: the renderer's clear colour shows through. On a
    // software GPU egui's textured fill of a whole panel cost ~25 ms a frame.
    let side = egui::Frame::side_top_panel(&ctx.global_style()).fill(egui::Color32::TRANSPARENT);
    let window_width = ui.available_rect_before_wrap().width();
    let data = s.doc.function.data().is_some();
    let (left_max, right_max) = panel_max_widths(window_width, s.doc.pin.is_some() || data);
    if s.doc.panel {
        egui::Panel::left("gradfield-panel")
            .resizable(true)
            .default_size(380.0f32.min(left_max))
            .max_size(left_max)
            .frame(side)
            .show(ui, |ui| {
                solid_scroll_bars(ui);
                egui::ScrollArea::horizontal()
                    .id_salt("gradfield-panel-x")
                    // Never wider than the panel: the panel keeps its width, the content scrolls.
                    .auto_shrink([false, false])
                    .show(ui, |ui| super::panel::panel(ui, s));
            });
    }
    if s.doc.pin.is_some() || data {
        egui::Panel::right("gradfield-slices")
            .resizable(true)
            .default_size(if data { 360.0f32 } else { 300.0 }.min(right_max))
            .max_size(right_max)
            .frame(side)
            .show(ui, |ui| {
                solid_scroll_bars(ui);
                egui::ScrollArea::horizontal()
                    .id_salt("gradfield-slices-x")
                    // Never wider than the panel: the panel keeps its width, the content scrolls.
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("gradfield-right-y")
                            .show(ui, |ui| {
                                if data {
                                    super::data_ui::panel(ui, s);
                                }
                                if s.doc.pin.is_some() {
                                    if data {
                                        ui.separator();
                                    }
                                    super::teach_ui::slices_panel(ui, s);
                                }
                            });
                    });
            });
    }
}

/// The widest the function panel and the slice panel may be in a window `window_width`
/// wide (any unit), with or without the slice panel: their shares of it, so the canvas keeps
/// at least 60%.
pub fn panel_max_widths(window_width: f32, with_slices: bool) -> (f32, f32) {
    let w = window_width.max(0.0);
    let right = if with_slices { RIGHT_PANEL_SHARE } else { 0.0 };
    (w * LEFT_PANEL_SHARE.min(PANELS_SHARE - right), w * right)
}

/// Scroll bars that show wherever a panel's content is larger than the panel (egui's default
/// floating bars appear only under the pointer, so a cut-off panel looked cut off).
fn solid_scroll_bars(ui: &mut Ui) {
    ui.style_mut().spacing.scroll = egui::style::ScrollStyle::solid();
}

//! The canvas in the egui frame: the mouse turned into state changes (the keys are routed in
//! `super::keys`), the overlay (axes, colour bar, title, path labels, hover read-out, the
//! keyboard cursor), the canvas's words for screen readers and the help overlay.

use egui::{Context, Event, Pos2};

use super::help::help_lines;
use super::pointer::Button;
use super::state::ExplorerState;
use crate::numfmt::short;
use crate::render::colorbar::ColorBar;
use crate::render::overlay::{self, Corner, ExtraText, Label, OverlayInput, PlotRect};

/// Scroll distance (points) that zooms by a factor e.
const SCROLL_PER_E: f64 = 400.0;

/// Turns pointer events over the plot (`plot` in points) into gestures on the state, each
/// routed to the half of the plot it is over (`ExplorerState::plot_pointer_down`, …); `pick`
/// is the window's ray-cast from surface pixels to the world point drawn there.
pub(crate) fn handle_pointer(
    ctx: &Context,
    s: &mut ExplorerState,
    plot: egui::Rect,
    ppp: f32,
    pick: &dyn Fn(f64, f64) -> Option<(f64, f64)>,
) {
    let to_px = |p: Pos2| {
        (
            f64::from((p.x - plot.min.x) * ppp),
            f64::from((p.y - plot.min.y) * ppp),
        )
    };
    // The canvas is not an egui area; only a widget being dragged or the help window can own
    // the pointer there.
    let over_ui = ctx.egui_is_using_pointer() || s.dialogs.help || s.dialogs.scene.is_open();
    ctx.input(|i| {
        let pos = i.pointer.latest_pos();
        let inside = pos.is_some_and(|p| plot.contains(p));
        let pressing = s.pointer.gesture.is_some() || s.view3d.gesture.is_some();
        if let Some(p) = pos {
            let (px, py) = to_px(p);
            if inside || pressing {
                s.plot_pointer_move(px, py, i.modifiers.command, pick);
            } else {
                s.plot_pointer_left();
            }
        }
        if inside && !over_ui {
            // Shift and Ctrl as they were at the press: the frame's modifiers may already
            // show the release.
            let held = |f: fn(&egui::Modifiers) -> bool| {
                f(&i.modifiers)
                    || i.events.iter().any(|e| {
                        matches!(e, Event::PointerButton { pressed: true, modifiers, .. } if f(modifiers))
                    })
            };
            let (shift, ctrl) = (held(|m| m.shift), held(|m| m.command));
            for (b, pressed) in [
                (Button::Primary, i.pointer.primary_pressed()),
                (Button::Secondary, i.pointer.secondary_pressed()),
                (
                    Button::Middle,
                    i.pointer.button_pressed(egui::PointerButton::Middle),
                ),
            ] {
                if let (true, Some(p)) = (pressed, pos) {
                    let (px, py) = to_px(p);
                    s.plot_pointer_down(px, py, b, shift, ctrl);
                }
            }
            let scroll = f64::from(i.smooth_scroll_delta.y);
            if scroll != 0.0 {
                if let Some(p) = pos {
                    let (px, py) = to_px(p);
                    s.plot_scroll((scroll / SCROLL_PER_E).exp(), px, py);
                }
            }
        }
        if i.pointer.any_released() {
            if let Some(p) = pos {
                let (px, py) = to_px(p);
                s.plot_pointer_up(px, py, pick);
            }
        }
    });
}

/// What the overlay needs besides the state, in pixels of the window.
pub(crate) struct OverlayFrame<'a> {
    pub plot: PlotRect,
    pub colorbar: PlotRect,
    pub scale: f32,
    pub lut: &'a [[u8; 4]; 256],
    pub range: Option<(f32, f32)>,
    /// The log scale clipped zeros and subnormals below the range (see `RangeResult::clipped`).
    pub clipped_below: bool,
}

/// The words around the plot: the title, the subtitle (optimizer and η with the preset's
/// note, or what the colour-by map shows) and the hover (or keyboard cursor) read-out.
pub(crate) struct FrameWords {
    pub title: String,
    pub subtitle: String,
    /// Empty when nothing is hovered.
    pub readout: String,
}

impl FrameWords {
    /// The read-out as the overlay's box in the plot's top-left corner, when there is one.
    pub(crate) fn extra(&self) -> Option<ExtraText<'_>> {
        (!self.readout.is_empty()).then_some(ExtraText {
            text: &self.readout,
            corner: Corner::TopLeft,
        })
    }
}

/// The frame's words for the state as it is.
pub(crate) fn frame_words(s: &ExplorerState) -> FrameWords {
    let subtitle = s.map_subtitle().or_else(|| s.undefined_note());
    let subtitle = subtitle.unwrap_or_else(|| {
        let note = s.current_preset().map_or("", |p| p.note);
        let h = &s.doc.hyper;
        let how = h.step_rule_text(s.doc.optimizer);
        format!(
            "{}  η = {}{how}{}{}{note}",
            s.doc.optimizer.label(),
            crate::teach::eta_text(h.lr),
            if h.ascent { "  (ascent)" } else { "" },
            if note.is_empty() { "" } else { "  ·  " },
        )
    });
    let readout = s
        .readout_here()
        .map(|r| s.readout_lines(&r).join("\n"))
        .unwrap_or_default();
    FrameWords {
        title: s.title(),
        subtitle,
        readout,
    }
}

/// The colour bar for the field's range, once there is one (none while a colour-by map
/// colours the plot: the map has its own legend).
pub(crate) fn colorbar<'a>(s: &ExplorerState, f: &OverlayFrame<'a>) -> Option<ColorBar<'a>> {
    f.range
        .filter(|_| !s.doc.maps.mode.is_map() && s.doc.maps.mode != super::maps::ColorBy::Stability)
        .map(|(lo, hi)| ColorBar {
            rect: f.colorbar,
            lut: f.lut,
            min: f64::from(lo),
            max: f64::from(hi),
            log: s.doc.layers.log_scale && s.doc.maps.mode != super::maps::ColorBy::Check,
            has_undefined: false,
            clipped_below: f.clipped_below && s.doc.layers.log_scale,
        })
}

/// Paints axes, colour bar, title, the path labels' text (with `labels`, whose clip rect
/// bounds where they may go) and the hover read-out; returns the labels' boxes for the path
/// pass and the axes' rules for the layers.
pub(crate) fn paint(
    painter: &egui::Painter,
    labels_painter: &egui::Painter,
    s: &ExplorerState,
    f: &OverlayFrame,
) -> (
    Vec<crate::render::LabelBox>,
    Vec<crate::render::rules::Rule>,
) {
    let (a, b) = s.var_names();
    let words = frame_words(s);
    let labels: Vec<Label> = s
        .running
        .paths
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.path.is_running() || t.path.iterations() > 0)
        .filter_map(|(i, t)| {
            let c = t.path.current();
            let (px, py) = s.to_pixel(c.x, c.y);
            let inside = (0.0..=f64::from(f.plot.w)).contains(&px)
                && (0.0..=f64::from(f.plot.h)).contains(&py);
            if !inside {
                return None;
            }
            let text = s.path_label(i);
            let rgba = t.rgba();
            let (sx, sy) = s.to_pixel(t.path.start.0, t.path.start.1);
            Some(Label {
                pos: [f.plot.x + px as f32, f.plot.y + py as f32],
                text,
                color: rgba.map(|v| (v * 255.0) as u8),
                start: Some([f.plot.x + sx as f32, f.plot.y + sy as f32]),
            })
        })
        .collect();
    let input = OverlayInput {
        view: s.shown_view(),
        plot: f.plot,
        colorbar: colorbar(s, f),
        title: &words.title,
        subtitle: Some(&words.subtitle),
        axis_names: (&a, &b),
        labels: &labels,
        contour_labels: None,
        scale: f.scale,
        theme: s.doc.theme,
        extra: words.extra(),
        colorbar_label: None,
        legend: &[],
        pin: None,
        panel: None,
        data: None,
    };
    super::canvas_marks::paint(painter, s, f.plot, f.scale);
    let rules = overlay::paint_static(painter, &input);
    let boxes = overlay::paint_label_text(labels_painter, &input);
    paint_cursor(painter, s, f);
    speak(painter.ctx(), s);
    (boxes, rules)
}

/// What the canvas shows in words, for screen readers: the title, the subtitle's optimizer
/// and the hover (or keyboard cursor) read-out, as labels in the AccessKit tree. The canvas
/// is painted, not made of widgets, so without these a screen reader would hear nothing of it.
/// Nothing is drawn: each is a one-point widget at the canvas's corner with a label.
pub(crate) fn speak(ctx: &Context, s: &ExplorerState) {
    let (a, b) = s.var_names();
    let readout = s
        .readout_here()
        .map(|r| format!("read-out: {}", s.readout_lines(&r).join(", ")))
        .unwrap_or_else(|| {
            "read-out: move the pointer or the keyboard cursor over the canvas".into()
        });
    let cursor = s
        .cursor
        .at
        .map(|(x, y)| format!("keyboard cursor at {a} = {}, {b} = {}", short(x), short(y)));
    egui::Area::new(egui::Id::unique("gradfield-canvas-words"))
        .order(egui::Order::Background)
        .interactable(false)
        .show(ctx, |ui| {
            let lines = [
                Some(format!("canvas: {}", s.title())),
                Some(readout),
                cursor,
                Some(view_words(s)),
            ];
            for text in lines.into_iter().flatten() {
                // A widget with a label and no paint: a node in the tree, nothing on screen.
                let r = ui.allocate_response(egui::vec2(1.0, 1.0), egui::Sense::hover());
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
            }
        });
}

/// What the canvas shows (D changes it) and, with the surface, where the camera is.
fn view_words(s: &ExplorerState) -> String {
    let t = &s.doc.surface;
    if s.doc.canvas.shows_surface() {
        format!(
            "view (D): {}; {}",
            s.doc.canvas.label(),
            super::surface_ui::camera_text(t.camera.azimuth, t.camera.elevation)
        )
    } else {
        format!("view (D): {}", s.doc.canvas.label())
    }
}

/// The keyboard cursor, while it is shown: a ring with a crosshair, white over black so it
/// reads on every colour map; filled while it carries a path start or the pin.
pub(crate) fn paint_cursor(painter: &egui::Painter, s: &ExplorerState, f: &OverlayFrame) {
    let Some((px, py)) = s.cursor_px() else {
        return;
    };
    let c = egui::pos2(f.plot.x + px as f32, f.plot.y + py as f32);
    let r = 11.0 * f.scale;
    let width = 2.0 * f.scale;
    let (dark, light) = (egui::Color32::BLACK, egui::Color32::WHITE);
    if s.cursor.carrying.is_some() {
        painter.circle_filled(c, r * 0.45, light.gamma_multiply(0.8));
    }
    for (color, w) in [(dark, width * 2.5), (light, width)] {
        let stroke = egui::Stroke::new(w, color);
        painter.circle_stroke(c, r, stroke);
        for (dx, dy) in [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)] {
            let d = egui::vec2(dx, dy);
            painter.line_segment([c + d * (r * 0.5), c + d * (r * 1.8)], stroke);
        }
    }
}

/// The help overlay (F1 or ?): the key table and mouse gestures in large type.
pub(crate) fn help_window(ctx: &Context, s: &mut ExplorerState) {
    let mut open = s.dialogs.help;
    egui::Window::new("Keys and mouse")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .auto_sized()
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Grid::new("help").striped(true).show(ui, |ui| {
                for (keys, what) in help_lines() {
                    let keys = egui::RichText::new(keys).strong().size(20.0);
                    let what = egui::RichText::new(what).size(20.0);
                    ui.add(egui::Label::new(keys).extend());
                    ui.add(egui::Label::new(what).extend());
                    ui.end_row();
                }
            });
        });
    s.dialogs.help = open && s.dialogs.help;
}

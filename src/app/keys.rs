//! The keyboard between egui and the explorer: each key press goes to the state's key table
//! (`ExplorerState::key`, which knows whether the canvas or a text field has the keyboard)
//! before egui sees it, and a press the explorer used is taken out so that no widget sees it
//! too; egui's focus follows the state's. Also one egui frame of the panel without a window,
//! for the tests.

use egui::{Context, Event};

use super::input::{Focus, Key, KeyPress, TextField};
use super::panel::formula_id;
use super::state::ExplorerState;

fn map_key(key: egui::Key) -> Option<Key> {
    use egui::Key as E;
    Some(match key {
        E::Space => Key::Space,
        E::S => Key::S,
        E::O => Key::O,
        E::P => Key::P,
        E::G => Key::G,
        E::R => Key::R,
        E::C => Key::C,
        E::I => Key::I,
        E::B => Key::B,
        E::M => Key::M,
        E::V => Key::V,
        E::D => Key::D,
        E::E => Key::E,
        E::ArrowLeft => Key::Left,
        E::ArrowRight => Key::Right,
        E::ArrowUp => Key::Up,
        E::ArrowDown => Key::Down,
        E::Enter => Key::Enter,
        E::Home => Key::Home,
        E::Tab => Key::Tab,
        E::Escape => Key::Escape,
        E::Delete => Key::Delete,
        E::F1 => Key::F1,
        E::F2 => Key::F2,
        E::F5 => Key::F5,
        E::F11 => Key::F11,
        E::Equals => Key::Equals,
        E::Plus => Key::Plus,
        E::Minus => Key::Minus,
        E::OpenBracket => Key::OpenBracket,
        E::CloseBracket => Key::CloseBracket,
        E::K => Key::K,
        E::Num1 => Key::Digit(1),
        E::Num2 => Key::Digit(2),
        E::Num3 => Key::Digit(3),
        E::Num4 => Key::Digit(4),
        E::Num5 => Key::Digit(5),
        E::Num6 => Key::Digit(6),
        E::Num7 => Key::Digit(7),
        E::Num8 => Key::Digit(8),
        E::Num9 => Key::Digit(9),
        _ => return None,
    })
}

/// The key press an egui event is, if the key table knows the key. `?` comes as text (its key
/// differs between layouts), everything else as a key.
fn press_of(e: &Event) -> Option<KeyPress> {
    match e {
        Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } => map_key(*key).map(|k| KeyPress {
            key: k,
            ctrl: modifiers.command,
            shift: modifiers.shift,
        }),
        Event::Text(t) if t == "?" => Some(KeyPress::plain(Key::Question)),
        _ => None,
    }
}

/// Where egui has the keyboard: the scene dialog while it is open, the function box, another
/// text field, or no text field (the canvas).
fn egui_focus(ctx: &Context, s: &ExplorerState) -> Focus {
    if s.dialogs.scene.is_open() {
        Focus::Text(TextField::SceneDialog)
    } else if ctx.memory(|m| m.has_focus(formula_id())) {
        Focus::Text(TextField::Formula)
    } else if ctx.text_edit_focused() {
        Focus::Text(TextField::Other)
    } else {
        Focus::Canvas
    }
}

/// Applies this frame's key presses to the state before egui sees them (call it on the raw
/// input, before the egui pass): the state's [`Focus`] is taken from egui, each press goes
/// to [`ExplorerState::key`], and a press the explorer used is taken out of the input so no
/// widget sees it too. Tab never reaches egui (egui would move the keyboard into the function
/// box with it), nor do the arrow keys while the canvas has the keyboard. When a key moves
/// the keyboard, egui's focus follows: F2 / E puts it in the function box (this frame's text
/// is dropped, so the E is not typed), Esc and Enter take it out.
pub(crate) fn route_keys(ctx: &Context, raw: &mut egui::RawInput, s: &mut ExplorerState) {
    s.focus = egui_focus(ctx, s);
    let events = std::mem::take(&mut raw.events);
    let mut kept = Vec::with_capacity(events.len());
    let mut to_text = false;
    for e in events {
        let Some(press) = press_of(&e) else {
            kept.push(e);
            continue;
        };
        let before = s.focus;
        let used = s.key(press);
        match (before, s.focus) {
            (Focus::Text(_), Focus::Canvas) => ctx.memory_mut(|m| m.stop_text_input()),
            (Focus::Canvas, Focus::Text(TextField::Formula)) => {
                ctx.memory_mut(|m| m.request_focus(formula_id()));
                to_text = true;
            }
            _ => {}
        }
        let canvas_key = before == Focus::Canvas
            && matches!(press.key, Key::Left | Key::Right | Key::Up | Key::Down);
        if !(used || press.key == Key::Tab || canvas_key) {
            kept.push(e);
        }
    }
    if to_text {
        kept.retain(|e| !matches!(e, Event::Text(_)));
    }
    raw.events = kept;
}

/// One egui frame of the explorer's keyboard routing, function panel, help and scene dialog,
/// without a window or a GPU: what the tests drive to check where keys go and what a screen
/// reader is told. The window runs the same pieces around the canvas (`super::frame`).
pub fn ui_frame(ctx: &Context, mut raw: egui::RawInput, s: &mut ExplorerState) -> egui::FullOutput {
    route_keys(ctx, &mut raw, s);
    ctx.run_ui(raw, |ui| {
        let ctx = ui.ctx().clone();
        if s.doc.panel {
            egui::Panel::left("gradfield-panel").show(ui, |ui| super::panel::panel(ui, s));
        }
        super::canvas::speak(&ctx, s);
        super::canvas::help_window(&ctx, s);
        super::scene_ui::scene_window(&ctx, s);
    })
}

//! The key table: every shortcut of the explorer with the keys that give it and the line the
//! help overlay shows for it, in the order the overlay lists them.

use super::input::{Action, Key, KeyPress};

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [KeyPress],
    /// How the keys are written in the help overlay.
    pub label: &'static str,
    /// What they do, as the help overlay says it.
    pub help: &'static str,
    pub action: Action,
}

use Key::*;
const fn k(key: Key) -> KeyPress {
    KeyPress::plain(key)
}
const fn c(key: Key) -> KeyPress {
    KeyPress::ctrl(key)
}
const fn sh(key: Key) -> KeyPress {
    KeyPress::shift(key)
}

/// Every shortcut, in the order the help overlay lists them.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { keys: &[k(Space)], label: "Space", help: "play / pause the descent", action: Action::PlayPause },
    Binding { keys: &[k(S)], label: "S", help: "one step of every path (pauses)", action: Action::Step },
    Binding {
        keys: &[k(Left), k(Right), k(Up), k(Down), sh(Left), sh(Right), sh(Up), sh(Down)],
        label: "arrow keys",
        help: "show and move the keyboard cursor (Shift: 10 times farther); on the surface: orbit the camera 5° (Shift: 15°)",
        action: Action::CursorMove,
    },
    Binding { keys: &[k(Enter)], label: "Enter", help: "at the cursor: start a path; pick up or drop a start or the pin", action: Action::CursorEnter },
    Binding { keys: &[sh(Enter)], label: "Shift + Enter", help: "pin the point at the cursor", action: Action::CursorPin },
    Binding { keys: &[k(F2), k(E)], label: "F2 or E", help: "edit the function (Enter or Esc gives the keys back)", action: Action::EditFunction },
    Binding { keys: &[k(R)], label: "R", help: "reset every path to its start", action: Action::ResetPaths },
    Binding { keys: &[k(C)], label: "C", help: "clear all paths", action: Action::ClearPaths },
    Binding { keys: &[k(Delete)], label: "Delete", help: "remove the path under the pointer", action: Action::RemovePath },
    Binding { keys: &[k(I)], label: "I", help: "remove the pin (Shift + click pins a point)", action: Action::ClearPin },
    Binding { keys: &[k(B)], label: "B", help: "colour by: heatmap → basins → steps → gradient check → stable step", action: Action::ColorBy },
    Binding { keys: &[k(M)], label: "M", help: "convergence map grid: every pixel, 1/2, 1/4, 1/8", action: Action::MapGrid },
    Binding { keys: &[k(V)], label: "V", help: "show / hide −η∇f at the selected path's step", action: Action::GradientStep },
    Binding { keys: &[k(Home)], label: "Home", help: "reset the view and the 3D camera", action: Action::HomeView },
    Binding { keys: &[k(D)], label: "D", help: "view: map → surface (3D) → map and surface", action: Action::CycleCanvas },
    Binding {
        keys: &[k(Digit(1)), k(Digit(2)), k(Digit(3)), k(Digit(4)), k(Digit(5)), k(Digit(6)), k(Digit(7)), k(Digit(8)), k(Digit(9))],
        label: "1 – 9",
        help: "open preset 1 – 9",
        action: Action::Preset,
    },
    Binding { keys: &[k(Tab)], label: "Tab", help: "show / hide the panel (presentation mode: float it over the canvas)", action: Action::TogglePanel },
    Binding { keys: &[k(F11)], label: "F11", help: "fullscreen on / off", action: Action::Fullscreen },
    Binding { keys: &[k(F5)], label: "F5", help: "presentation mode on / off (large canvas text)", action: Action::Present },
    Binding { keys: &[k(F1), k(Question)], label: "F1 or ?", help: "show / hide this help", action: Action::Help },
    Binding { keys: &[k(Escape)], label: "Esc", help: "one per press: leave a text field, close a dialog, the help or a floating panel, put back what the cursor carries, leave fullscreen, hide the cursor", action: Action::Escape },
    Binding { keys: &[k(P)], label: "P", help: "save a screenshot (PNG)", action: Action::Screenshot },
    Binding { keys: &[k(G)], label: "G", help: "record a GIF of the paths", action: Action::RecordGif },
    Binding { keys: &[c(Equals), c(Plus)], label: "Ctrl + =", help: "larger text and controls", action: Action::UiLarger },
    Binding { keys: &[c(Minus)], label: "Ctrl + −", help: "smaller text and controls", action: Action::UiSmaller },
    Binding { keys: &[c(S)], label: "Ctrl + S", help: "save the scene (TOML file)", action: Action::Save },
    Binding { keys: &[c(O)], label: "Ctrl + O", help: "open a scene (TOML file)", action: Action::Open },
    Binding { keys: &[k(OpenBracket), sh(OpenBracket)], label: "[", help: "the selected parameter one step down (Shift: 10)", action: Action::SymbolDown },
    Binding { keys: &[k(CloseBracket), sh(CloseBracket)], label: "]", help: "the selected parameter one step up (Shift: 10)", action: Action::SymbolUp },
    Binding { keys: &[k(K)], label: "K", help: "select the next parameter or held variable", action: Action::NextSymbol },
];

/// The binding for a key press, if there is one: the row for the press itself, or else the
/// row for the same key without Shift.
pub fn binding_for(press: KeyPress) -> Option<&'static Binding> {
    let unshifted = KeyPress {
        shift: false,
        ..press
    };
    BINDINGS
        .iter()
        .find(|b| b.keys.contains(&press))
        .or_else(|| BINDINGS.iter().find(|b| b.keys.contains(&unshifted)))
}

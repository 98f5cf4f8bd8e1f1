//! The key table: every keyboard shortcut, what it does, and the text the help overlay shows
//! for it (generated from this same table, so the two cannot disagree).

use super::scene_io::DialogMode;
use super::state::ExplorerState;

/// A key the explorer reacts to, independent of the windowing library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Space,
    S,
    O,
    P,
    R,
    C,
    I,
    B,
    G,
    M,
    V,
    Right,
    Home,
    Tab,
    Escape,
    Delete,
    F1,
    F5,
    F11,
    /// `?` (however the layout produces it).
    Question,
    /// `=` (also the unshifted `+` key).
    Equals,
    Plus,
    Minus,
    /// 1–9 on the main row or the keypad.
    Digit(u8),
}

/// A key with the Ctrl (or ⌘) modifier state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPress {
    pub key: Key,
    pub ctrl: bool,
}

impl KeyPress {
    /// The key without Ctrl.
    pub const fn plain(key: Key) -> KeyPress {
        KeyPress { key, ctrl: false }
    }
    /// The key with Ctrl.
    pub const fn ctrl(key: Key) -> KeyPress {
        KeyPress { key, ctrl: true }
    }
}

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    PlayPause,
    Step,
    ResetPaths,
    ClearPaths,
    HomeView,
    /// Preset number (1-based) from the digit pressed.
    Preset,
    TogglePanel,
    Fullscreen,
    /// Presentation mode on / off: the canvas takes the window, text sized for projection.
    Present,
    Help,
    Escape,
    RemovePath,
    Screenshot,
    /// Record a GIF of the paths walking from their starts.
    RecordGif,
    UiLarger,
    UiSmaller,
    /// Remove the pinned point (slices, tangents, directional derivative).
    ClearPin,
    /// Cycle what the colours show: heatmap → basins → steps → gradient check.
    ColorBy,
    /// Cycle the convergence map's resolution: every pixel → 1/2 → 1/4 → 1/8.
    MapGrid,
    /// Show or hide −η∇f at the selected path's step.
    GradientStep,
    /// Ctrl+S: save the scene (dialog).
    Save,
    /// Ctrl+O: open a scene (dialog).
    Open,
}

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

/// Every shortcut, in the order the help overlay lists them.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    Binding { keys: &[k(Space)], label: "Space", help: "play / pause the descent", action: Action::PlayPause },
    Binding { keys: &[k(S), k(Right)], label: "S or Right", help: "one step of every path (pauses)", action: Action::Step },
    Binding { keys: &[k(R)], label: "R", help: "reset every path to its start", action: Action::ResetPaths },
    Binding { keys: &[k(C)], label: "C", help: "clear all paths", action: Action::ClearPaths },
    Binding { keys: &[k(Delete)], label: "Delete", help: "remove the path under the pointer", action: Action::RemovePath },
    Binding { keys: &[k(I)], label: "I", help: "remove the pin (Shift + click pins a point)", action: Action::ClearPin },
    Binding { keys: &[k(B)], label: "B", help: "colour by: heatmap → basins → steps → gradient check", action: Action::ColorBy },
    Binding { keys: &[k(M)], label: "M", help: "convergence map grid: every pixel, 1/2, 1/4, 1/8", action: Action::MapGrid },
    Binding { keys: &[k(V)], label: "V", help: "show / hide −η∇f at the selected path's step", action: Action::GradientStep },
    Binding { keys: &[k(Home)], label: "Home", help: "reset the view", action: Action::HomeView },
    Binding {
        keys: &[k(Digit(1)), k(Digit(2)), k(Digit(3)), k(Digit(4)), k(Digit(5)), k(Digit(6)), k(Digit(7)), k(Digit(8)), k(Digit(9))],
        label: "1 – 9",
        help: "open preset 1 – 9",
        action: Action::Preset,
    },
    Binding { keys: &[k(Tab)], label: "Tab", help: "show / hide the panel", action: Action::TogglePanel },
    Binding { keys: &[k(F11)], label: "F11", help: "fullscreen on / off", action: Action::Fullscreen },
    Binding { keys: &[k(F5)], label: "F5", help: "presentation mode on / off (large canvas text)", action: Action::Present },
    Binding { keys: &[k(F1), k(Question)], label: "F1 or ?", help: "show / hide this help", action: Action::Help },
    Binding { keys: &[k(Escape)], label: "Esc", help: "close a dialog or the help, leave fullscreen", action: Action::Escape },
    Binding { keys: &[k(P)], label: "P", help: "save a screenshot (PNG)", action: Action::Screenshot },
    Binding { keys: &[k(G)], label: "G", help: "record a GIF of the paths", action: Action::RecordGif },
    Binding { keys: &[c(Equals), c(Plus)], label: "Ctrl + =", help: "larger text and controls", action: Action::UiLarger },
    Binding { keys: &[c(Minus)], label: "Ctrl + −", help: "smaller text and controls", action: Action::UiSmaller },
    Binding { keys: &[c(S)], label: "Ctrl + S", help: "save the scene (TOML file)", action: Action::Save },
    Binding { keys: &[c(O)], label: "Ctrl + O", help: "open a scene (TOML file)", action: Action::Open },
];

/// The binding for a key press, if there is one.
pub fn binding_for(press: KeyPress) -> Option<&'static Binding> {
    BINDINGS.iter().find(|b| b.keys.contains(&press))
}

/// Radius in pixels within which Delete or a right click removes a path.
pub(crate) const REMOVE_RADIUS_PX: f64 = 16.0;

impl ExplorerState {
    /// Reacts to a key press as the key table says. Returns false when the key has no binding.
    pub fn key(&mut self, press: KeyPress) -> bool {
        let Some(binding) = binding_for(press) else {
            return false;
        };
        self.act(binding.action, press);
        true
    }

    fn act(&mut self, action: Action, press: KeyPress) {
        match action {
            Action::PlayPause => self.doc.playing = !self.doc.playing,
            Action::Step => {
                self.doc.playing = false;
                self.step_paths();
            }
            Action::ResetPaths => self.restart_all(),
            Action::ClearPaths => self.clear_paths(),
            Action::RemovePath => {
                if let Some(at) = self.pointer.hover {
                    let radius = REMOVE_RADIUS_PX * self.world_per_pixel();
                    self.remove_path_near(at, radius);
                }
            }
            Action::ClearPin => self.clear_pin(),
            Action::ColorBy => self.cycle_color_by(),
            Action::MapGrid => self.cycle_map_divisor(),
            Action::GradientStep => self.doc.show_gradient_step = !self.doc.show_gradient_step,
            Action::HomeView => self.reset_view(),
            Action::Preset => {
                if let Key::Digit(d) = press.key {
                    if let Err(e) = self.select_preset(usize::from(d).saturating_sub(1)) {
                        self.messages.status = Some(e.to_string());
                    }
                }
            }
            Action::TogglePanel => self.doc.panel = !self.doc.panel,
            Action::Fullscreen => self.doc.fullscreen = !self.doc.fullscreen,
            Action::Present => self.doc.present = !self.doc.present,
            Action::Help => self.dialogs.help = !self.dialogs.help,
            Action::Escape => {
                if self.dialogs.scene.is_open() {
                    self.close_scene_dialog();
                } else if self.dialogs.help {
                    self.dialogs.help = false;
                } else {
                    self.doc.fullscreen = false;
                }
            }
            Action::Screenshot => self.requests.screenshot = true,
            Action::RecordGif => self.requests.record = true,
            Action::UiLarger => self.scale_ui(1),
            Action::UiSmaller => self.scale_ui(-1),
            Action::Save => self.open_scene_dialog(DialogMode::Save),
            Action::Open => self.open_scene_dialog(DialogMode::Open),
        }
    }

    /// World units per canvas pixel on the shown view.
    pub(crate) fn world_per_pixel(&self) -> f64 {
        self.shown_view().width() / self.canvas.0.max(1.0)
    }
}

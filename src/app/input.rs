//! The key table: every keyboard shortcut, what it does, and the text the help overlay shows
//! for it (generated from this same table, so the two cannot disagree); and where the
//! keyboard goes ([`Focus`]): to the canvas, or to a text field, which canvas shortcuts never
//! reach.

use super::cursor::{CURSOR_COARSE, CURSOR_STEP_PX};
use super::scene_io::DialogMode;
use super::session::Floating;
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
    /// E: edit the function (as F2).
    E,
    /// D: the canvas shows the map, the surface, or both.
    D,
    Left,
    Right,
    Up,
    Down,
    Enter,
    Home,
    Tab,
    Escape,
    Delete,
    F1,
    F5,
    F2,
    F11,
    /// `?` (however the layout produces it).
    Question,
    /// `=` (also the unshifted `+` key).
    Equals,
    Plus,
    Minus,
    /// `[` and `]`.
    OpenBracket,
    CloseBracket,
    K,
    /// 1–9 on the main row or the keypad.
    Digit(u8),
}

/// A key with the Ctrl (or ⌘) and Shift modifier states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyPress {
    pub key: Key,
    pub ctrl: bool,
    /// Shift. A binding without Shift also answers the key with Shift (`?` and `+` are
    /// shifted keys on many layouts), unless the table has a row for the shifted key.
    pub shift: bool,
}

impl KeyPress {
    /// The key without Ctrl or Shift.
    pub const fn plain(key: Key) -> KeyPress {
        KeyPress {
            key,
            ctrl: false,
            shift: false,
        }
    }
    /// The key with Ctrl.
    pub const fn ctrl(key: Key) -> KeyPress {
        KeyPress {
            key,
            ctrl: true,
            shift: false,
        }
    }
    /// The key with Shift.
    pub const fn shift(key: Key) -> KeyPress {
        KeyPress {
            key,
            ctrl: false,
            shift: true,
        }
    }
    /// Whether the key acts while a text field has the keyboard: it cannot type a character
    /// (Ctrl shortcuts, F1, F11). Esc and Enter leave the text field instead; every other
    /// key belongs to the text field.
    pub const fn works_while_typing(self) -> bool {
        self.ctrl || matches!(self.key, Key::F1 | Key::F11)
    }
}

/// Which text field has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    /// The function box.
    Formula,
    /// The scene dialog's file name (the dialog holds the keyboard while it is open).
    SceneDialog,
    /// Any other text field of the panel (pin, learning rate, sweep factors, …).
    Other,
}

/// Where the keyboard goes. The window sets it from egui every frame (and follows it when a
/// key moves it); the key table reads it, so the rules are tested without a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The canvas: the key table acts.
    #[default]
    Canvas,
    /// A text field: only the keys that cannot type ([`KeyPress::works_while_typing`]) act;
    /// Esc leaves the field (and Enter the function box) and gives the keys back to the canvas.
    Text(TextField),
}

/// What a shortcut does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    PlayPause,
    Step,
    /// Arrow keys: move the keyboard cursor (and what it carries); Shift moves it farther.
    /// On the surface (in split mode: with the pointer over it) they orbit the camera.
    CursorMove,
    /// Enter on the canvas: at the keyboard cursor, start a path, pick up the path start or
    /// pin there, or drop what the cursor carries.
    CursorEnter,
    /// Shift + Enter on the canvas: pin the point at the keyboard cursor.
    CursorPin,
    /// F2 or E: put the keyboard in the function box.
    EditFunction,
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
    /// D: the canvas cycles map → surface → map and surface.
    CycleCanvas,
    /// Ctrl+S: save the scene (dialog).
    Save,
    /// Ctrl+O: open a scene (dialog).
    Open,
    /// `[`: the selected parameter or held variable one step down (Shift: 10 steps).
    SymbolDown,
    /// `]`: one step up (Shift: 10 steps).
    SymbolUp,
    /// K: select the next parameter or held variable.
    NextSymbol,
}

pub use super::bindings::{binding_for, Binding, BINDINGS};

/// Radius in pixels within which Delete or a right click removes a path.
pub(crate) const REMOVE_RADIUS_PX: f64 = 16.0;

impl ExplorerState {
    /// Reacts to a key press as the key table says, where the keyboard is ([`Focus`]).
    /// Returns whether the explorer used the press: false when the key has no binding or
    /// belongs to the text field that has the keyboard (the window then gives it to egui).
    pub fn key(&mut self, press: KeyPress) -> bool {
        if let Focus::Text(field) = self.focus {
            if let Some(used) = self.key_while_typing(field, press) {
                return used;
            }
        }
        let Some(binding) = binding_for(press) else {
            return false;
        };
        self.act(binding.action, press);
        true
    }

    /// A key while `field` has the keyboard: `Some(used)` when it is decided here, `None`
    /// for a key that acts as on the canvas ([`KeyPress::works_while_typing`]).
    fn key_while_typing(&mut self, field: TextField, press: KeyPress) -> Option<bool> {
        let plain = !press.ctrl && !press.shift;
        match press.key {
            Key::Escape if plain => {
                if field == TextField::SceneDialog {
                    self.close_scene_dialog();
                }
                self.focus = Focus::Canvas;
                Some(true)
            }
            // The function box takes no newline: Enter confirms it. Other fields end
            // themselves on Enter (egui), and the scene dialog confirms its file.
            Key::Enter if plain && field == TextField::Formula => {
                self.confirm_text();
                self.focus = Focus::Canvas;
                Some(true)
            }
            _ if press.works_while_typing() => None,
            _ => Some(false),
        }
    }

    fn act(&mut self, action: Action, press: KeyPress) {
        match action {
            Action::PlayPause => self.doc.playing = !self.doc.playing,
            Action::Step => {
                self.doc.playing = false;
                self.step_paths();
            }
            Action::CursorMove if self.arrows_orbit() => {
                let (dx, dy) = match press.key {
                    Key::Left => (-1.0, 0.0),
                    Key::Right => (1.0, 0.0),
                    Key::Up => (0.0, -1.0),
                    _ => (0.0, 1.0),
                };
                self.orbit_key(dx, dy, press.shift);
            }
            Action::CursorMove => {
                let (dx, dy) = match press.key {
                    Key::Left => (-1.0, 0.0),
                    Key::Right => (1.0, 0.0),
                    Key::Up => (0.0, -1.0),
                    _ => (0.0, 1.0),
                };
                let step = CURSOR_STEP_PX * if press.shift { CURSOR_COARSE } else { 1.0 };
                self.cursor_move(dx * step, dy * step);
            }
            Action::CursorEnter => self.cursor_enter(),
            Action::CursorPin => self.cursor_pin(),
            Action::EditFunction => {
                self.doc.panel = true;
                self.focus = Focus::Text(TextField::Formula);
            }
            Action::ResetPaths => self.restart_all(),
            Action::ClearPaths => {
                self.cursor.carrying = None;
                self.clear_paths();
            }
            Action::RemovePath => {
                self.cursor.carrying = None;
                if let Some(at) = self.pointer.hover.or(self.cursor.at) {
                    let radius = REMOVE_RADIUS_PX * self.world_per_pixel();
                    self.remove_path_near(at, radius);
                }
            }
            Action::ClearPin => self.clear_pin(),
            Action::ColorBy => self.cycle_color_by(),
            Action::MapGrid => self.cycle_map_divisor(),
            Action::GradientStep => self.doc.show_gradient_step = !self.doc.show_gradient_step,
            Action::HomeView => {
                self.reset_view();
                self.reset_camera();
            }
            Action::CycleCanvas => self.cycle_canvas(),
            Action::Preset => {
                self.cursor.carrying = None;
                if let Key::Digit(d) = press.key {
                    if let Err(e) = self.select_preset(usize::from(d).saturating_sub(1)) {
                        self.messages.status = Some(e.to_string());
                    }
                }
            }
            Action::TogglePanel if self.doc.present => {
                self.dialogs.floating = match self.dialogs.floating {
                    Floating::Function => Floating::None,
                    _ => Floating::Function,
                }
            }
            Action::TogglePanel => self.doc.panel = !self.doc.panel,
            Action::Fullscreen => self.doc.fullscreen = !self.doc.fullscreen,
            Action::Present => self.doc.present = !self.doc.present,
            Action::Help => self.dialogs.help = !self.dialogs.help,
            Action::Escape => self.escape(),
            Action::Screenshot => self.requests.screenshot = true,
            Action::RecordGif => self.requests.record = true,
            Action::UiLarger => self.scale_ui(1),
            Action::UiSmaller => self.scale_ui(-1),
            Action::Save => self.open_scene_dialog(DialogMode::Save),
            Action::Open => self.open_scene_dialog(DialogMode::Open),
            Action::SymbolDown | Action::SymbolUp => {
                let steps = if press.shift { 10.0 } else { 1.0 };
                let sign = if action == Action::SymbolUp {
                    1.0
                } else {
                    -1.0
                };
                if !self.nudge_symbol(sign * steps) {
                    self.messages.status = Some("this function has no parameter to move".into());
                }
            }
            Action::NextSymbol => {
                if !self.select_next_symbol() {
                    self.messages.status = Some("this function has no parameter".into());
                }
            }
        }
    }

    /// Esc on the canvas: one thing per press, the nearest first (a text field is left in
    /// [`ExplorerState::key`]): the scene dialog, the help, what the keyboard cursor carries
    /// (put back), fullscreen, then the cursor itself.
    fn escape(&mut self) {
        if self.dialogs.scene.is_open() {
            self.close_scene_dialog();
        } else if self.dialogs.help {
            self.dialogs.help = false;
        } else if self.dialogs.floating != Floating::None {
            self.dialogs.floating = Floating::None;
        } else if !self.cursor_put_back() {
            if self.doc.fullscreen {
                self.doc.fullscreen = false;
            } else {
                self.cursor.at = None;
            }
        }
    }

    /// World units per canvas pixel on the shown view.
    pub(crate) fn world_per_pixel(&self) -> f64 {
        self.shown_view().width() / self.canvas.0.max(1.0)
    }
}

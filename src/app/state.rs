//! The explorer's state: the [`Document`] it shows and, beside it, what belongs to the
//! moment of the window (the text being typed, running paths, pointer, dialogs, messages,
//! what the GPU must rebuild); and its reactions that are not about paths, keys or the view:
//! the function, presets and the UI scale (the view and the hover read-out are in
//! `super::viewport`). Plain Rust: tests call these methods directly, no window needed.

use super::cursor::KeyCursor;
use super::input::Focus;
use super::session::{Dialogs, Messages, PointerState, Rebuild, Requests, RunningPaths};
use crate::document::Document;
use crate::expr::{Function, ParseError};
use crate::presets::{self, Preset};
use crate::View;

pub(crate) use crate::document::UI_SCALE_RANGE;

/// The UI scales Ctrl+= / Ctrl+- step through, smallest first, within `UI_SCALE_RANGE`: exact
/// values, so that going down from 150% comes back to 100%.
pub const UI_SCALE_STEPS: [f32; 15] = [
    0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0,
];
/// While the function box is being typed in, the window rebuilds the GPU shader only once the
/// function has stayed the same this long (seconds): every pipeline a software GPU builds
/// keeps memory, and a shader per keystroke also stalls the typing.
pub const SETTLE_SECONDS: f64 = 0.4;

/// Everything the explorer knows; the window reads it to draw and calls its methods on input.
/// What is shown is [`ExplorerState::doc`]; the other fields are the moment of the window.
pub struct ExplorerState {
    /// What is shown: function, view, layers, optimizer, path starts, modes, display. A scene
    /// file saves exactly this and opening one replaces it. The methods that change it: the
    /// function, presets and UI scale here; the view in `viewport.rs`; paths and the optimizer
    /// in `paths.rs`; pin, direction, compare and sweep in `teach.rs`; colour by in `maps.rs`;
    /// the whole document in `scene_apply.rs`. The panel edits layers and display in place.
    pub doc: Document,
    /// The running descent paths, one for each of `doc.paths` (kept in step by the path
    /// methods: every change of a path's start, optimizer or the list goes through them).
    pub running: RunningPaths,
    /// The text in the function box.
    pub text: String,
    /// Why `text` does not parse, if it does not.
    pub error: Option<ParseError>,
    /// The canvas size in pixels (width, height).
    pub canvas: (f64, f64),
    pub pointer: PointerState,
    /// Where the keyboard goes: the canvas or a text field (the window sets it from egui).
    pub focus: Focus,
    /// The keyboard cursor on the canvas (arrow keys, Enter).
    pub cursor: KeyCursor,
    pub dialogs: Dialogs,
    pub messages: Messages,
    pub requests: Requests,
    pub rebuild: Rebuild,
    /// When the convergence map is recomputed (plain state; the window runs it).
    pub map_schedule: super::maps::MapSchedule,
    /// What the window learnt about the map or check on screen.
    pub map_status: super::maps::MapStatus,
    /// The 3D view's moment: the plot's layout, a camera gesture, the colour range's heights,
    /// whether the camera is moving.
    pub view3d: super::view3d::View3d,
    /// Which slider the keys move and which ones sweep.
    pub symbol_ui: super::symbols::SymbolUi,
}

impl ExplorerState {
    /// The explorer showing `function` in `view`, with no paths.
    pub fn new(function: Function, view: View) -> ExplorerState {
        ExplorerState {
            text: function.source.clone(),
            doc: Document::new(function, view),
            running: RunningPaths::default(),
            error: None,
            canvas: (800.0, 600.0),
            pointer: PointerState::default(),
            focus: Focus::default(),
            cursor: KeyCursor::default(),
            dialogs: Dialogs::default(),
            messages: Messages::default(),
            requests: Requests::default(),
            rebuild: Rebuild::default(),
            map_schedule: Default::default(),
            map_status: Default::default(),
            view3d: Default::default(),
            symbol_ui: Default::default(),
        }
    }

    /// The explorer on the preset at `index` of [`presets::all`], with a path at its start.
    pub fn from_preset(index: usize) -> crate::Result<ExplorerState> {
        ExplorerState::from_document(&Document::from_preset(preset_at(index)?)?)
    }

    /// Switches to the preset at `index`: its function, view, learning rate and colour scale;
    /// the paths are replaced by one at the preset's start.
    pub fn select_preset(&mut self, index: usize) -> crate::Result<()> {
        let preset = preset_at(index)?;
        let function = preset.function()?;
        let view = preset_view(preset)?;
        self.text = function.source.clone();
        self.error = None;
        self.replace_function(function);
        self.rebuild.typed_age = None;
        self.doc.view = view;
        self.doc.home = view;
        self.doc.data = preset.data_source();
        self.doc.apply_preset_settings(preset);
        self.clear_paths();
        self.add_path_at(preset.start[0], preset.start[1]);
        Ok(())
    }

    /// Takes new text for the function box: if it parses it becomes the function (paths
    /// restart on it); if not, the error is kept for display and the last good function stays.
    /// The GPU shader follows once the text has stood for [`SETTLE_SECONDS`].
    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
        self.rebuild.typed_age = Some(0.0);
        match Function::parse(text) {
            Ok(function) => {
                self.error = None;
                self.doc.preset = None;
                if function.source != self.doc.function.source {
                    // Typed text is a plain function: a data loss's points and batches go.
                    self.doc.data = None;
                    self.doc.hyper.batch = None;
                    let function = self.carried_over(function);
                    self.replace_function(function);
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// Enter in the function box: the typed function is final, so the GPU shader is built now
    /// instead of after [`SETTLE_SECONDS`] (text that does not parse keeps its error).
    pub fn confirm_text(&mut self) {
        if self.rebuild.typed_age.is_some() {
            self.rebuild.typed_age = Some(SETTLE_SECONDS);
        }
    }

    fn replace_function(&mut self, function: Function) {
        self.doc.function = function;
        self.rebuild.function_generation += 1;
        self.messages.render_error = None;
        self.forget_missing_symbols();
        self.restart_all();
    }

    /// Replaces the function by one of the same text (other axes): the shader is due at once.
    pub(crate) fn replace_function_kept(&mut self, function: Function) {
        self.replace_function(function);
        self.rebuild.typed_age = None;
    }

    /// Whether the GPU shader, last built for generation `built` of the function, should be
    /// built now: at once after a preset, a scene or at start, and after typing once the
    /// text has stood for [`SETTLE_SECONDS`] (see [`ExplorerState::tick`]).
    pub fn shader_due(&self, built: u64) -> bool {
        self.rebuild.function_generation != built
            && self.rebuild.typed_age.is_none_or(|t| t >= SETTLE_SECONDS)
    }

    /// The function's variable names (horizontal, vertical).
    pub(crate) fn var_names(&self) -> (String, String) {
        let vars = &self.doc.function.vars;
        (vars.x.to_string(), vars.y.to_string())
    }

    /// Moves the UI scale `steps` places along [`UI_SCALE_STEPS`] (positive: larger). A scale
    /// between two steps (a scene may hold one) goes to the next step in that direction; at
    /// either end it stays.
    pub fn scale_ui(&mut self, steps: i32) {
        let now = self.doc.ui_scale;
        let mut at = now;
        for _ in 0..steps.unsigned_abs() {
            let next = if steps > 0 {
                UI_SCALE_STEPS.iter().find(|&&v| v > at * 1.0001)
            } else {
                UI_SCALE_STEPS.iter().rev().find(|&&v| v < at * 0.9999)
            };
            match next {
                Some(&v) => at = v,
                None => break,
            }
        }
        self.doc.ui_scale = at.clamp(UI_SCALE_RANGE.0, UI_SCALE_RANGE.1);
    }

    /// The preset whose function is shown, if any.
    pub fn current_preset(&self) -> Option<&'static Preset> {
        self.doc.current_preset()
    }

    /// Where the preset whose function is shown is in [`presets::all`] (key 1 – 9 opens it).
    pub fn preset_index(&self) -> Option<usize> {
        let name = self.doc.preset?;
        presets::all().iter().position(|p| p.name == name)
    }

    /// The canvas's title line: the preset's title with the formula, or the formula; while
    /// the typed text does not parse, it says that the picture is of the last valid function.
    pub fn title(&self) -> String {
        if self.error.is_some() {
            let [f, _, _] = self.doc.function.display_formulas();
            return format!("showing the last valid function: f = {f}");
        }
        self.doc.title()
    }
}

fn preset_at(index: usize) -> crate::Result<&'static Preset> {
    presets::all().get(index).ok_or_else(|| {
        crate::Error::Input(format!(
            "there is no preset {} (there are {})",
            index + 1,
            presets::all().len()
        ))
    })
}

fn preset_view(p: &Preset) -> crate::Result<View> {
    View::new(p.view[0], p.view[1], p.view[2], p.view[3])
}

//! The explorer's state and its reactions that are not about paths, keys or the view: the
//! function and the text being typed, presets and the presentation flags (the view and the
//! hover read-out are in [`super::viewport`]). Plain Rust: tests call these methods directly,
//! no window needed.

use super::paths::TrackedPath;
use super::pointer::Gesture;
use crate::descent::{Hyper, Optimizer};
use crate::document::{Layers, Theme};
use crate::expr::{Function, ParseError};
use crate::presets::{self, Preset};
use crate::View;

pub use super::viewport::Readout;

pub use crate::document::{
    DEFAULT_MAX_STEPS, DEFAULT_STEPS_PER_SECOND, DEFAULT_TOL, UI_SCALE_RANGE,
};
/// Factor of one Ctrl+= / Ctrl+- press.
pub const UI_SCALE_STEP: f32 = 1.15;
/// While the function box is being typed in, the window rebuilds the GPU shader only once the
/// function has stayed the same this long (seconds): every pipeline a software GPU builds
/// keeps memory, and a shader per keystroke also stalls the typing.
pub const SETTLE_SECONDS: f64 = 0.4;

/// Everything the explorer knows; the window reads it to draw and calls its methods on input.
pub struct ExplorerState {
    /// The last function that parsed; a bad text keeps it.
    pub function: Function,
    /// Counts changes of `function`, so the window knows when to rebuild the field shader.
    pub function_generation: u64,
    /// The text in the function box.
    pub text: String,
    /// Why `text` does not parse, if it does not.
    pub error: Option<ParseError>,
    /// An error from building the GPU field for `function`, shown in the panel.
    pub render_error: Option<String>,
    /// Index into [`presets::all`] of the preset last chosen, if the function is one.
    pub preset: Option<usize>,
    /// The requested view; what is shown is this widened to the canvas' aspect.
    pub view: View,
    /// The view Home returns to.
    pub home: View,
    /// The canvas size in pixels (width, height).
    pub canvas: (f64, f64),
    pub layers: Layers,
    /// The optimizer for new paths (outside compare mode).
    pub optimizer: Optimizer,
    pub hyper: Hyper,
    /// Compare mode: a click starts one path per selected optimizer.
    pub compare: bool,
    /// Which of [`Optimizer::ALL`] compare mode uses.
    pub compare_set: [bool; 6],
    pub paths: Vec<TrackedPath>,
    pub playing: bool,
    pub steps_per_second: f64,
    pub(crate) accumulator: f64,
    /// A path converges when |grad f| ≤ tol (0: never).
    pub tol: f64,
    pub max_steps: usize,
    pub ui_scale: f32,
    pub theme: Theme,
    pub panel_visible: bool,
    pub help_visible: bool,
    /// The window should be fullscreen.
    pub fullscreen: bool,
    /// The window should save a screenshot (and clear this flag).
    pub screenshot_requested: bool,
    /// The window should record a GIF of the paths (and clear this flag).
    pub record_requested: bool,
    /// The window should write the paths as CSV (and clear this flag).
    pub export_csv_requested: bool,
    /// The world point under the pointer, if it is over the canvas.
    pub hover: Option<(f64, f64)>,
    /// A short note for the status line (e.g. where a screenshot went).
    pub message: Option<String>,
    /// The pinned point the slices, tangent lines and directional derivative are shown at.
    pub pin: Option<(f64, f64)>,
    /// The direction u of the directional derivative at the pin (radians from +x).
    pub direction: f64,
    /// Sweep mode: a click starts one path per factor in `sweep_factors`, each with η·factor.
    pub sweep: bool,
    /// Learning-rate factors of sweep mode (η/10, η, 10η by default).
    pub sweep_factors: Vec<f64>,
    /// The save / open scene dialog (Ctrl+S, Ctrl+O).
    pub scene_dialog: super::scene_io::SceneDialog,
    /// What the colours show (heatmap, convergence map, gradient check) and its settings.
    pub maps: super::maps::MapSettings,
    /// When the convergence map is recomputed (plain state; the window runs it).
    pub map_schedule: super::maps::MapSchedule,
    /// What the window learnt about the map or check on screen.
    pub map_status: super::maps::MapStatus,
    pub(crate) next_color: usize,
    pub(crate) gesture: Option<Gesture>,
    /// Seconds since the text was last typed in; `None` after a change of function otherwise.
    pub(crate) typed_age: Option<f64>,
}

impl ExplorerState {
    /// The explorer showing `function` in `view`, with no paths.
    pub fn new(function: Function, view: View) -> ExplorerState {
        ExplorerState {
            text: function.source.clone(),
            function,
            function_generation: 0,
            error: None,
            render_error: None,
            preset: None,
            view,
            home: view,
            canvas: (800.0, 600.0),
            layers: Layers::default(),
            optimizer: Optimizer::Gd,
            hyper: Hyper::new(0.1),
            compare: false,
            compare_set: [true; 6],
            paths: Vec::new(),
            playing: true,
            steps_per_second: DEFAULT_STEPS_PER_SECOND,
            accumulator: 0.0,
            tol: DEFAULT_TOL,
            max_steps: DEFAULT_MAX_STEPS,
            ui_scale: 1.0,
            theme: Theme::Dark,
            panel_visible: true,
            help_visible: false,
            fullscreen: false,
            screenshot_requested: false,
            record_requested: false,
            export_csv_requested: false,
            hover: None,
            message: None,
            pin: None,
            direction: std::f64::consts::FRAC_PI_4,
            sweep: false,
            sweep_factors: crate::teach::DEFAULT_SWEEP_FACTORS.to_vec(),
            scene_dialog: Default::default(),
            maps: Default::default(),
            map_schedule: Default::default(),
            map_status: Default::default(),
            next_color: 0,
            gesture: None,
            typed_age: None,
        }
    }

    /// The explorer on the preset at `index` of [`presets::all`], with a path at its start.
    pub fn from_preset(index: usize) -> crate::Result<ExplorerState> {
        let preset = preset_at(index)?;
        let function = Function::parse(preset.expr)?;
        let mut state = ExplorerState::new(function, preset_view(preset)?);
        state.apply_preset_settings(index, preset);
        state.add_path_at(preset.start[0], preset.start[1]);
        Ok(state)
    }

    /// Switches to the preset at `index`: its function, view, learning rate and colour scale;
    /// the paths are replaced by one at the preset's start.
    pub fn select_preset(&mut self, index: usize) -> crate::Result<()> {
        let preset = preset_at(index)?;
        let function = Function::parse(preset.expr)?;
        let view = preset_view(preset)?;
        self.text = function.source.clone();
        self.error = None;
        self.replace_function(function);
        self.typed_age = None;
        self.view = view;
        self.home = view;
        self.apply_preset_settings(index, preset);
        self.clear_paths();
        self.add_path_at(preset.start[0], preset.start[1]);
        Ok(())
    }

    fn apply_preset_settings(&mut self, index: usize, preset: &Preset) {
        self.preset = Some(index);
        self.hyper.lr = preset.lr;
        self.layers.log_scale = preset.log_scale;
        self.max_steps = self.max_steps.max(preset.steps as usize);
    }

    /// Takes new text for the function box: if it parses it becomes the function (paths
    /// restart on it); if not, the error is kept for display and the last good function stays.
    /// The GPU shader follows once the text has stood for [`SETTLE_SECONDS`].
    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
        self.typed_age = Some(0.0);
        match Function::parse(text) {
            Ok(function) => {
                self.error = None;
                self.preset = None;
                if function.source != self.function.source {
                    self.replace_function(function);
                }
            }
            Err(e) => self.error = Some(e),
        }
    }

    fn replace_function(&mut self, function: Function) {
        self.function = function;
        self.function_generation += 1;
        self.render_error = None;
        self.restart_all();
    }

    /// Whether the GPU shader, last built for generation `built` of the function, should be
    /// built now: at once after a preset, a scene or at start, and after typing once the
    /// text has stood for [`SETTLE_SECONDS`] (see [`ExplorerState::tick`]).
    pub fn shader_due(&self, built: u64) -> bool {
        self.function_generation != built && self.typed_age.is_none_or(|t| t >= SETTLE_SECONDS)
    }

    /// The function's variable names (horizontal, vertical).
    pub fn var_names(&self) -> (String, String) {
        let vars = &self.function.vars;
        (vars.x.to_string(), vars.y.to_string())
    }

    /// Multiplies the UI scale by `factor`, kept within [`UI_SCALE_RANGE`].
    pub fn scale_ui(&mut self, factor: f32) {
        self.ui_scale = (self.ui_scale * factor).clamp(UI_SCALE_RANGE.0, UI_SCALE_RANGE.1);
    }

    /// The preset whose function is shown, if any.
    pub fn current_preset(&self) -> Option<&'static Preset> {
        self.preset.and_then(|i| presets::all().get(i))
    }

    /// The title line: the preset's title with the formula, or the formula.
    pub fn title(&self) -> String {
        let [f, _, _] = self.function.formulas();
        match self.current_preset() {
            Some(p) => format!("{}:  f = {f}", p.title),
            None => format!("f = {f}"),
        }
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

//! The explorer's state and its reactions that are not about paths or keys: the function and
//! the text being typed, presets, the view (pan, zoom, home), the hover read-out and the
//! presentation flags. Plain Rust: tests call these methods directly, no window needed.

use super::paths::TrackedPath;
use super::pointer::Gesture;
use super::settings::{Layers, Theme};
use crate::descent::{Hyper, Optimizer};
use crate::expr::{Function, ParseError};
use crate::presets::{self, Preset};
use crate::View;

/// Smallest and largest UI scale (Ctrl+= / Ctrl+-).
pub const UI_SCALE_RANGE: (f32, f32) = (0.5, 4.0);
/// Factor of one Ctrl+= / Ctrl+- press.
pub const UI_SCALE_STEP: f32 = 1.15;
/// Default animation speed in descent steps per second.
pub const DEFAULT_STEPS_PER_SECOND: f64 = 10.0;
/// Default convergence tolerance: a path stops when |grad f| ≤ this.
pub const DEFAULT_TOL: f64 = 1e-6;
/// Steps after which a path stops, so memory stays bounded when nothing converges.
pub const DEFAULT_MAX_STEPS: usize = 10_000;

/// What the hover read-out shows at one point, from the exact CPU evaluator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Readout {
    pub x: f64,
    pub y: f64,
    /// f, ∂f/∂x, ∂f/∂y, or `None` where f is undefined.
    pub value: Option<[f64; 3]>,
}

impl Readout {
    /// |grad f| where defined.
    pub fn grad_norm(&self) -> Option<f64> {
        self.value.map(|[_, gx, gy]| gx.hypot(gy))
    }

    /// The read-out as lines of text (`x = …`, `f = …`, `∂f/∂x = …`, …) with the function's
    /// variable names.
    pub fn lines(&self, vars: (&str, &str)) -> Vec<String> {
        let (a, b) = vars;
        let mut out = vec![format!("{a} = {:.4}   {b} = {:.4}", self.x, self.y)];
        match self.value {
            Some([f, gx, gy]) => {
                out.push(format!("f = {}", crate::numfmt::short(f)));
                out.push(format!("∂f/∂{a} = {}", crate::numfmt::short(gx)));
                out.push(format!("∂f/∂{b} = {}", crate::numfmt::short(gy)));
                out.push(format!("|grad f| = {}", crate::numfmt::short(gx.hypot(gy))));
            }
            None => out.push("f is undefined here".into()),
        }
        out
    }
}

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
    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
        match Function::parse(text) {
            Ok(function) => {
                self.error = None;
                self.preset = None;
                self.replace_function(function);
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

    /// The function's variable names (horizontal, vertical).
    pub fn var_names(&self) -> (String, String) {
        let vars = &self.function.vars;
        (vars.x.to_string(), vars.y.to_string())
    }

    /// The view on screen: the requested view widened to the canvas' aspect ratio.
    pub fn shown_view(&self) -> View {
        let (w, h) = self.canvas;
        if w >= 1.0 && h >= 1.0 {
            self.view.fit_aspect(w, h)
        } else {
            self.view
        }
    }

    /// Sets the canvas size in pixels (ignored when zero: a minimised window).
    pub fn set_canvas(&mut self, w: f64, h: f64) {
        if w >= 1.0 && h >= 1.0 {
            self.canvas = (w, h);
        }
    }

    /// Canvas pixel → world point on the shown view.
    pub fn to_world(&self, px: f64, py: f64) -> (f64, f64) {
        let (w, h) = self.canvas;
        self.shown_view().to_world(px, py, w, h)
    }

    /// World point → canvas pixel on the shown view.
    pub fn to_pixel(&self, x: f64, y: f64) -> (f64, f64) {
        let (w, h) = self.canvas;
        self.shown_view().to_pixel(x, y, w, h)
    }

    /// Zooms by `factor` (< 1 zooms in) about `at` (world), which stays under the cursor. A
    /// zoom that would leave the range 32-bit floats can resolve is ignored.
    pub fn scroll(&mut self, factor: f64, at: (f64, f64)) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        let zoomed = self.view.zoomed(factor, at.0, at.1);
        if zoomed
            .fit_aspect(self.canvas.0, self.canvas.1)
            .validate()
            .is_ok()
        {
            self.view = zoomed;
        }
    }

    /// Moves the view by (dx, dy) world units (ignored if it would leave the usable range).
    pub fn drag_pan(&mut self, dx: f64, dy: f64) {
        let panned = self.view.panned(dx, dy);
        if panned.validate().is_ok() {
            self.view = panned;
        }
    }

    /// Back to the home view.
    pub fn reset_view(&mut self) {
        self.view = self.home;
    }

    /// Records the pointer's world point (None: off the canvas) and returns the read-out there.
    pub fn hover(&mut self, at: Option<(f64, f64)>) -> Option<Readout> {
        self.hover = at;
        self.readout()
    }

    /// The read-out at the hover point, if any.
    pub fn readout(&self) -> Option<Readout> {
        self.hover.map(|(x, y)| Readout {
            x,
            y,
            value: self.function.eval(x, y),
        })
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

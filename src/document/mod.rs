//! The document: everything that defines a picture or a demo, and nothing about the moment of
//! a window (pointer, dialogs, messages, running paths, GPU caches). Plain Rust without a GPU:
//! scene files read and write it (`scene`), the command line builds it from flags, the
//! explorer holds one and the renderer draws from its parts.

mod colormap;
mod display;
mod layers;
mod maps;
mod surface;
mod symbols;

pub use colormap::Colormap;
pub(crate) use colormap::LUT_SIZE;
pub use display::Theme;
pub(crate) use display::UI_SCALE_RANGE;
pub use layers::{ArrowDir, ArrowLength, Layers};
pub use maps::{ColorBy, MapMode, MapSettings, DEFAULT_MAP_DIVISOR};
pub(crate) use maps::{CHECK_STEP_RANGE, MAP_DIVISORS};
pub(crate) use surface::{check_azimuth, check_elevation, check_pan, check_vscale, check_zoom};
pub use surface::{CanvasMode, SurfaceSettings};
pub use symbols::{
    figure_title, held_text, value_text, values_suffix, SymbolSlider, DEFAULT_RANGE, DEFAULT_STEP,
    MAX_SLIDER,
};

use crate::descent::{Hyper, Optimizer};
use crate::expr::Function;
use crate::fit::DataSource;
use crate::presets::Preset;
use crate::view::View;

/// Default animation speed in descent steps per second.
pub(crate) const DEFAULT_STEPS_PER_SECOND: f64 = 10.0;
/// Default convergence tolerance: a path stops when |grad f| ≤ this.
pub(crate) const DEFAULT_TOL: f64 = 1e-6;
/// Steps after which a path stops, so memory stays bounded when nothing converges.
pub(crate) const DEFAULT_MAX_STEPS: usize = 10_000;
/// The learning rate when neither a scene nor its preset gives one.
pub(crate) const DEFAULT_LR: f64 = 0.1;
/// The view when neither a scene nor its preset gives one.
pub(crate) const DEFAULT_VIEW: [f64; 4] = [-3.0, 3.0, -3.0, 3.0];
/// θ of the directional derivative's u when nothing else was chosen (45°).
pub(crate) const DEFAULT_DIRECTION: f64 = std::f64::consts::FRAC_PI_4;

/// Everything that defines a picture or a demo.
#[derive(Debug, Clone)]
pub struct Document {
    /// The function: its text (`function.source`) and its parsed, differentiated form.
    pub function: Function,
    /// The preset's name when the function is that preset's.
    pub preset: Option<&'static str>,
    /// The requested view; a window shows it widened to its aspect.
    pub view: View,
    /// The view Home returns to (a scene's view when it was opened; not saved).
    pub home: View,
    /// Layers, colour map and scale, contours and arrows.
    pub layers: Layers,
    pub theme: Theme,
    /// Within `UI_SCALE_RANGE`.
    pub ui_scale: f32,
    /// The side panel is shown.
    pub panel: bool,
    pub fullscreen: bool,
    /// Presentation mode: the canvas takes the window and its text is sized for projection.
    pub present: bool,
    /// The optimizer of new paths (outside compare mode).
    pub optimizer: Optimizer,
    pub hyper: Hyper,
    /// A path converges when |grad f| ≤ tol (0: never).
    pub tol: f64,
    pub max_steps: usize,
    pub steps_per_second: f64,
    /// The animation runs.
    pub playing: bool,
    /// The step read-out also draws −η∇f(θₖ) at the selected path's iterate.
    pub show_gradient_step: bool,
    /// Compare mode: a click starts one path per selected optimizer.
    pub compare: bool,
    /// Which of [`Optimizer::ALL`] compare mode races (all but Newton's method by default: at
    /// the others' η its steps are a fraction of the Newton step; tick it to race it).
    pub compare_set: [bool; Optimizer::ALL.len()],
    /// Sweep mode: a click starts one path per factor in `sweep_factors`, each with η·factor.
    pub sweep: bool,
    /// Learning-rate factors of sweep mode (η/10, η, 10η by default).
    pub sweep_factors: Vec<f64>,
    /// The pinned point the slices, tangent lines and directional derivative are shown at.
    pub pin: Option<(f64, f64)>,
    /// θ of the directional derivative's u, radians in (−π, π].
    pub direction: f64,
    /// The step h of the gradient check at the pin, within `teach::POINT_CHECK_RANGE`.
    pub point_check_step: f64,
    /// Where the descent paths start and how each differs from `optimizer`.
    pub paths: Vec<PathStart>,
    /// What the colours show and the map / check settings.
    pub maps: MapSettings,
    /// The map, the surface or both.
    pub canvas: CanvasMode,
    /// How the surface is drawn (camera, vertical scale, floor contours, tangent plane).
    pub surface: SurfaceSettings,
    /// The sliders whose range or step differs from the default (by symbol name); a symbol
    /// without one has [`SymbolSlider::default_for`]. Values live in `function.values`.
    pub sliders: Vec<SymbolSlider>,
    /// Paths move every variable, the held ones too, and the held values follow the selected
    /// path (off: the held variables stay at their sliders' values).
    pub descend_all: bool,
    /// Where a data loss's points came from (the points themselves are in
    /// `function.data`); `None` for a plain function.
    pub data: Option<DataSource>,
}

impl Document {
    /// `function` in `view` with the defaults for everything else and no paths.
    pub(crate) fn new(function: Function, view: View) -> Document {
        Document {
            function,
            preset: None,
            view,
            home: view,
            layers: Layers::default(),
            theme: Theme::Dark,
            ui_scale: 1.0,
            panel: true,
            fullscreen: false,
            present: false,
            optimizer: Optimizer::Gd,
            hyper: Hyper::new(DEFAULT_LR),
            tol: DEFAULT_TOL,
            max_steps: DEFAULT_MAX_STEPS,
            steps_per_second: DEFAULT_STEPS_PER_SECOND,
            playing: true,
            show_gradient_step: false,
            compare: false,
            compare_set: Optimizer::ALL.map(|o| o != Optimizer::Newton),
            sweep: false,
            sweep_factors: crate::teach::DEFAULT_SWEEP_FACTORS.to_vec(),
            pin: None,
            direction: DEFAULT_DIRECTION,
            point_check_step: crate::teach::DEFAULT_POINT_CHECK_STEP,
            paths: Vec::new(),
            maps: MapSettings::default(),
            canvas: CanvasMode::Map,
            surface: SurfaceSettings::default(),
            sliders: Vec::new(),
            descend_all: false,
            data: None,
        }
    }

    /// The document of a data loss read from `source`: [`Document::show_data_loss`] on the
    /// defaults.
    pub(crate) fn for_data(
        function: Function,
        source: DataSource,
    ) -> crate::error::Result<Document> {
        let [x0, x1, y0, y1] = DEFAULT_VIEW;
        let mut doc = Document::new(function.clone(), View::new(x0, x1, y0, y1)?);
        doc.show_data_loss(function, source)?;
        Ok(doc)
    }

    /// Shows `function`, a data loss read from `source`: in the view around its minimum (also
    /// the home view), with η half its stable step there, its model's colour scale and full
    /// batches. What else the document holds (theme, layers, paths) stays.
    pub(crate) fn show_data_loss(
        &mut self,
        function: Function,
        source: DataSource,
    ) -> crate::error::Result<()> {
        let points = function.data().map_or(&[][..], |d| &d.points[..]);
        let [x0, x1, y0, y1] = crate::fit::home_view(source.model, points);
        let view = View::new(x0, x1, y0, y1)?.clamped();
        self.hyper.lr = crate::fit::suggested_lr(&function, source.model);
        self.hyper.batch = None;
        self.layers.log_scale = source.model.log_scale();
        self.function = function;
        self.data = Some(source);
        self.preset = None;
        self.view = view;
        self.home = view;
        Ok(())
    }

    /// The slider of the symbol named `name`: the one kept, or the default at its value.
    pub fn slider(&self, name: &str) -> SymbolSlider {
        self.sliders
            .iter()
            .find(|s| s.name == name)
            .cloned()
            .unwrap_or_else(|| {
                let v = self.function.value_of(name).unwrap_or(1.0);
                SymbolSlider::default_for(name, v)
            })
    }

    /// `preset`'s function in its view, with its learning rate, colour scale and step count
    /// and one path at its start.
    pub(crate) fn from_preset(preset: &'static Preset) -> crate::error::Result<Document> {
        let function = preset.function()?;
        let [x0, x1, y0, y1] = preset.view;
        let mut doc = Document::new(function, View::new(x0, x1, y0, y1)?);
        doc.data = preset.data_source();
        doc.apply_preset_settings(preset);
        let start = (preset.start[0], preset.start[1]);
        doc.paths.push(PathStart::new(start, doc.optimizer, 0));
        Ok(doc)
    }

    /// The optimizer of new paths; outside compare mode the paths that used the old one take
    /// the new one too.
    pub(crate) fn set_optimizer(&mut self, optimizer: Optimizer) {
        let old = std::mem::replace(&mut self.optimizer, optimizer);
        if !self.compare {
            for p in self.paths.iter_mut().filter(|p| p.optimizer == old) {
                p.optimizer = optimizer;
            }
        }
    }

    /// Pins the teaching tools at `at`; a point that is not finite is ignored.
    pub(crate) fn set_pin(&mut self, at: (f64, f64)) {
        if at.0.is_finite() && at.1.is_finite() {
            self.pin = Some(at);
        }
    }

    /// The direction u of the directional derivative, θ radians from +x, kept in (−π, π];
    /// a θ that is not finite is ignored.
    pub(crate) fn set_direction(&mut self, theta: f64) {
        if theta.is_finite() {
            let r = theta.rem_euclid(std::f64::consts::TAU);
            self.direction = if r > std::f64::consts::PI {
                r - std::f64::consts::TAU
            } else {
                r
            };
        }
    }

    /// The preset whose function is shown, if any.
    pub(crate) fn current_preset(&self) -> Option<&'static Preset> {
        let name = self.preset?;
        crate::presets::all().iter().find(|p| p.name == name)
    }

    /// Takes `preset`'s name, learning rate and colour scale, and at least its step count
    /// (exactly its step count where the preset's first picture is its path).
    pub(crate) fn apply_preset_settings(&mut self, preset: &'static Preset) {
        // A limit that the last preset's first picture set is not the person's: it goes.
        let base = if self.current_preset().is_some_and(|p| p.stop_at_steps) {
            DEFAULT_MAX_STEPS
        } else {
            self.max_steps
        };
        self.preset = Some(preset.name);
        self.hyper.lr = preset.lr;
        self.layers.log_scale = preset.log_scale;
        self.max_steps = if preset.stop_at_steps {
            preset.steps as usize
        } else {
            base.max(preset.steps as usize)
        };
    }

    /// The title line: the preset's title with the formula, or the formula; with the held
    /// variables' values ("at z = 2") when some are held.
    pub(crate) fn title(&self) -> String {
        let [f, _, _] = self.function.display_formulas();
        if let (Some(data), Some(source)) = (self.function.data(), &self.data) {
            let what = match self.current_preset() {
                Some(p) => p.title.to_string(),
                None => format!(
                    "{} of a {} model on {} ({} points)",
                    capitalised(source.model.loss_name()),
                    source.model.name(),
                    data.label,
                    data.len()
                ),
            };
            return format!("{what}:  L(w, b) = {f}");
        }
        let suffix = values_suffix(&self.function);
        match self.current_preset() {
            Some(p) => format!("{}:  f = {f}{suffix}", p.title),
            None => format!("f = {f}{suffix}"),
        }
    }
}

/// `text` with its first letter in capitals.
fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Two documents are equal when they show the same: the same function text and every
/// setting. `home` is left out: it is where Home goes in
/// a window, not part of what is shown or saved.
impl PartialEq for Document {
    fn eq(&self, o: &Document) -> bool {
        // Destructured, so that a new field cannot be forgotten here.
        let Document {
            function,
            preset,
            view,
            home: _,
            layers,
            theme,
            ui_scale,
            panel,
            fullscreen,
            present,
            optimizer,
            hyper,
            tol,
            max_steps,
            steps_per_second,
            playing,
            show_gradient_step,
            compare,
            compare_set,
            sweep,
            sweep_factors,
            pin,
            direction,
            point_check_step,
            paths,
            maps,
            canvas,
            surface,
            sliders,
            descend_all,
            data,
        } = self;
        function.source == o.function.source
            && *data == o.data
            && function.data.as_ref().map(|d| (d.hash, d.len()))
                == o.function.data.as_ref().map(|d| (d.hash, d.len()))
            && function.vars == o.function.vars
            && function.values == o.function.values
            && *sliders == o.sliders
            && *descend_all == o.descend_all
            && *preset == o.preset
            && *view == o.view
            && *layers == o.layers
            && *theme == o.theme
            && *ui_scale == o.ui_scale
            && *panel == o.panel
            && *fullscreen == o.fullscreen
            && *present == o.present
            && *optimizer == o.optimizer
            && *hyper == o.hyper
            && *tol == o.tol
            && *max_steps == o.max_steps
            && *steps_per_second == o.steps_per_second
            && *playing == o.playing
            && *show_gradient_step == o.show_gradient_step
            && *compare == o.compare
            && *compare_set == o.compare_set
            && *sweep == o.sweep
            && *sweep_factors == o.sweep_factors
            && *pin == o.pin
            && *direction == o.direction
            && *point_check_step == o.point_check_step
            && *paths == o.paths
            && *maps == o.maps
            && *canvas == o.canvas
            && *surface == o.surface
    }
}

/// Where a descent path starts and how it differs from the document's optimizer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathStart {
    pub start: (f64, f64),
    pub optimizer: Optimizer,
    /// A sweep path: η times this.
    pub lr_factor: Option<f64>,
    /// Index into the path palette.
    pub color: usize,
}

impl PathStart {
    /// A plain path (no learning-rate factor).
    pub fn new(start: (f64, f64), optimizer: Optimizer, color: usize) -> PathStart {
        PathStart {
            start,
            optimizer,
            lr_factor: None,
            color,
        }
    }
}

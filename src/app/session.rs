//! What the explorer keeps beside its document: the moment of the window, grouped by what it
//! is for (running paths, pointer, dialogs, status messages, requests to the window, what the
//! GPU must rebuild). None of it is saved in a scene.

use super::paths::TrackedPath;
use super::pointer::Gesture;
use super::scene_io::SceneDialog;

/// The descent paths as they run: one for each of the document's path starts.
#[derive(Debug, Clone, Default)]
pub struct RunningPaths {
    /// The paths, in the order of `doc.paths`.
    pub paths: Vec<TrackedPath>,
    /// Fractions of a step carried to the next tick.
    pub(crate) accumulator: f64,
    /// The palette index of the next new path.
    pub(crate) next_color: usize,
}

/// The pointer over the canvas.
#[derive(Debug, Clone, Default)]
pub struct PointerState {
    /// The world point under the pointer, if it is over the canvas.
    pub hover: Option<(f64, f64)>,
    /// A press in progress.
    pub(crate) gesture: Option<Gesture>,
    /// How much the canvas's marks grow this frame (set by the frame; 0 before the first).
    pub(crate) mark_scale: f32,
}

/// The windows over the canvas.
#[derive(Debug, Clone, Default)]
pub struct Dialogs {
    /// The key help (F1).
    pub help: bool,
    /// The save / open scene dialog (Ctrl+S, Ctrl+O).
    pub scene: SceneDialog,
    /// The data panel's file field and model.
    pub data: super::data::DataDialog,
    /// In presentation mode, the panel floating open over the canvas from the strip (the
    /// strip's buttons, Tab for the function panel; Esc closes it).
    pub floating: Floating,
}

/// Which panel floats open over the canvas in presentation mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Floating {
    /// None: the canvas has the window.
    #[default]
    None,
    /// The function panel.
    Function,
    /// The slices at the pin.
    Slices,
}

/// What the explorer says to the person.
#[derive(Debug, Clone, Default)]
pub struct Messages {
    /// A short note for the status line (e.g. where a screenshot went).
    pub status: Option<String>,
    /// An error from building the GPU field for the function, shown in the panel.
    pub render_error: Option<String>,
    /// The last frame's field had no defined sample in view (a parameter's value can make f
    /// undefined everywhere: `ln(a)` for a ≤ 0); the panel and the subtitle say so.
    pub undefined_in_view: bool,
}

/// What the window should do once and then clear.
#[derive(Debug, Clone, Copy, Default)]
pub struct Requests {
    /// Save a screenshot.
    pub screenshot: bool,
    /// Record a GIF of the paths.
    pub record: bool,
    /// Write the paths as CSV.
    pub export_csv: bool,
}

/// What tells the window when to rebuild the field shader.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rebuild {
    /// Counts changes of `doc.function`.
    pub function_generation: u64,
    /// Seconds since the text was last typed in; `None` after a change of function otherwise.
    pub(crate) typed_age: Option<f64>,
}

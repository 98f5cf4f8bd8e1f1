//! The interactive explorer: a plain-Rust state layer (function, view, layers, optimizer,
//! paths, key table) that the tests drive directly, and the window shell (winit + egui +
//! the renderer) that turns events into calls on that state and draws it.

mod alloc;
pub(crate) mod canvas;
mod canvas_marks;
pub mod cursor;
pub mod exports;
pub(crate) mod formulas;
pub mod frame;
pub(crate) mod gfx;
pub mod help;
pub mod input;
pub(crate) mod keys;
pub(crate) mod level_ui;
pub(crate) mod map_schedule;
pub mod maps;
pub mod maps_gpu;
pub(crate) mod maps_ui;
pub(crate) mod panel;
pub(crate) mod panels;
pub(crate) mod paths;
pub(crate) mod pin_ui;
pub(crate) mod pointer;
pub(crate) mod record;
pub(crate) mod recovery;
mod scene_apply;
pub mod scene_io;
pub(crate) mod scene_ui;
pub(crate) mod session;
pub mod state;
pub mod step;
pub(crate) mod step_ui;
pub(crate) mod teach;
pub(crate) mod teach_marks;
pub(crate) mod teach_ui;
pub(crate) mod viewport;
pub(crate) mod window;

pub use crate::document::{ArrowDir, ArrowLength, Colormap, Layers, Theme};
pub use cursor::{Carried, KeyCursor};
pub use input::Binding;
pub use input::{Action, Focus, Key, KeyPress, TextField, BINDINGS};
pub use keys::ui_frame;
pub use map_schedule::MapKey;
pub use maps::MapStatus;
pub use maps::{ColorBy, MapSchedule, MapSettings};
pub use paths::{PathSummary, TrackedPath};
pub use pointer::Button;
pub use scene_io::DialogMode;
pub use scene_io::SceneDialog;
pub use session::{Dialogs, Floating, Messages, PointerState, Rebuild, Requests, RunningPaths};
pub use state::ExplorerState;
pub use viewport::Readout;
pub(crate) use window::{run, Options};

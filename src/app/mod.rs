//! The interactive explorer: a plain-Rust state layer (function, view, layers, optimizer,
//! paths, key table) that the tests drive directly, and the window shell (winit + egui +
//! the renderer) that turns events into calls on that state and draws it.

mod alloc;
pub mod canvas;
pub mod exports;
pub mod frame;
pub mod gfx;
pub mod help;
pub mod input;
pub mod map_schedule;
pub mod maps;
pub mod maps_gpu;
pub mod maps_ui;
pub mod panel;
pub mod paths;
pub mod pointer;
pub mod record;
pub mod recovery;
mod scene_apply;
pub mod scene_io;
pub mod scene_ui;
pub mod session;
pub mod state;
pub mod teach;
pub mod teach_ui;
pub mod viewport;
pub mod window;

pub use crate::document::{ArrowDir, ArrowLength, Colormap, Layers, Theme};
pub use input::{Action, Binding, Key, KeyPress, BINDINGS};
pub use maps::{ColorBy, MapKey, MapSchedule, MapSettings, MapStatus};
pub use paths::{PathSummary, TrackedPath, PALETTE};
pub use pointer::{Button, Grab};
pub use scene_io::{DialogMode, SceneDialog};
pub use session::{Dialogs, Messages, PointerState, Rebuild, Requests, RunningPaths};
pub use state::{ExplorerState, Readout};
pub use window::{run, Options};

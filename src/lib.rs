//! gradfield shows a function of two variables f(x, y) as a landscape: a colour heatmap with
//! contour lines, an arrow field of ∇f and gradient-descent paths. ARCHITECTURE.md in the
//! repository is the map (data flow, what each module may import, invariants); in short:
//!
//! - [`expr`]: the expression language, exact derivatives, the f64 reference evaluator, the
//!   compiled tape and the WGSL generator; [`presets`] and [`teach`] build on it.
//! - [`document`]: everything that defines a picture or a demo (function, view, layers, typed
//!   colour map, optimizer, path starts, teaching and map settings), plain Rust; scene files,
//!   the command line and the explorer share it.
//! - [`view`] (grid convention, pan, zoom), [`descent`] (optimizers and paths), [`export`]
//!   (atomic PNG, GIF, NPY, CSV writers), [`numfmt`] (numbers for people) and [`error`].
//! - [`samples`]: one field sample's layout (f, ∂f/∂x, ∂f/∂y, which of them are defined).
//! - [`gpu`]: device, shader validation, field compute pass, convergence map; [`cpu_field`]:
//!   the same field on the CPU, the reference the GPU is tested against.
//! - `render` (passes, renderer, overlay, figures), `scene` (TOML scene files), `app` (the
//!   explorer), `cli` (the command line) and `bench` (`gradfield bench`): with the default `gpu`
//!   feature only. Without it only the parts that need no GPU stack are built (the fuzz target
//!   uses that).

#[cfg(feature = "gpu")]
pub mod app;
#[cfg(feature = "gpu")]
pub mod bench;
pub mod checks;
#[cfg(feature = "gpu")]
pub mod cli;
pub mod cpu_field;
pub mod descent;
pub mod document;
pub mod error;
pub mod export;
pub mod expr;
pub mod gpu;
pub mod numfmt;
pub mod presets;
#[cfg(feature = "gpu")]
pub mod render;
pub mod samples;
#[cfg(feature = "gpu")]
pub mod scene;
pub mod teach;
pub mod view;

pub use error::{Error, Result};
pub use view::View;

//! gradfield shows a function of two variables f(x, y) as a landscape: a colour heatmap with
//! contour lines, an arrow field of ∇f and gradient-descent paths. ARCHITECTURE.md in the
//! repository is the map (data flow, what each module may import, invariants); in short:
//!
//! - [`expr`]: the expression language, exact derivatives, the f64 reference evaluator, the
//!   compiled tape and the WGSL generator; [`presets`] and [`teach`] build on it.
//! - [`document`]: everything that defines a picture or a demo (function, view, layers, typed
//!   colour map, optimizer, path starts, teaching and map settings), plain Rust; scene files,
//!   the command line and the explorer share it.
//! - [`View`] (grid convention, pan, zoom), [`descent`] (optimizers and paths), [`export`]
//!   (atomic PNG, GIF, NPY, CSV writers) and [`Error`].
//! - [`gpu`]: device, shader validation, field compute pass, convergence map.
//! - `render` (passes, renderer, overlay, figures), `scene` (TOML scene files), `app` (the
//!   explorer), `cli` (the command line) and `bench` (`gradfield bench`): with the default `gpu`
//!   feature only. Without it only the parts that need no GPU stack are built (the fuzz target
//!   uses that).
//!
//! The library exports what the `gradfield` binary, the tests, the benches and the fuzz target
//! use; the rest is internal: `view` (behind [`View`]), `samples` (one field sample's layout),
//! `cpu_field` (the field on the CPU), `checks` (one check per kind of value), `numfmt`
//! (numbers for people) and `error` (behind [`Error`] and [`Result`]).

// A `pub` item is one the binary, the tests, the benches or the fuzz target use; everything else
// is `pub(crate)` or narrower (ARCHITECTURE.md, "Cross-cutting concerns"). The lint flags a
// `pub` that no path from outside the crate reaches.
#![warn(unreachable_pub)]
// Without the GPU stack the parts that only the renderer, the explorer and the command line use
// (GIF writer, view clamping, number shortening, …) are built but have no user.
#![cfg_attr(not(feature = "gpu"), allow(dead_code, unused_imports))]

#[cfg(feature = "gpu")]
pub mod app;
#[cfg(feature = "gpu")]
pub mod bench;
pub(crate) mod checks;
#[cfg(feature = "gpu")]
pub mod cli;
pub(crate) mod cpu_field;
pub mod curvature;
pub mod descent;
pub mod document;
pub(crate) mod error;
pub mod export;
pub mod expr;
pub mod fit;
pub mod gpu;
pub(crate) mod numfmt;
pub mod presets;
#[cfg(feature = "gpu")]
pub mod render;
pub(crate) mod samples;
#[cfg(feature = "gpu")]
pub mod scene;
pub mod surface;
pub mod teach;
pub(crate) mod view;

pub use error::{Error, Result};
pub use view::View;

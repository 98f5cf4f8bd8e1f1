//! gradfield shows a function of two variables f(x, y) as a landscape: a colour heatmap with
//! contour lines, an arrow field of ∇f and gradient-descent paths. The expression language,
//! its exact derivatives and the CPU reference live in [`expr`]; the GPU field in [`gpu`];
//! drawing it in [`render`].

pub mod app;
pub mod bench;
pub mod cli;
pub mod cpu_field;
pub mod descent;
pub mod error;
pub mod export;
pub mod expr;
pub mod gpu;
pub mod numfmt;
pub mod presets;
pub mod render;
pub mod scene;
pub mod teach;
pub mod view;

pub use error::{Error, Result};
pub use view::View;

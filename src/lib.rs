//! gradfield shows a function of two variables f(x, y) as a landscape: a colour heatmap with
//! contour lines, an arrow field of ∇f and gradient-descent paths. The expression language,
//! its exact derivatives and the CPU reference live in [`expr`]; the GPU field in [`gpu`];
//! drawing it in [`render`]. Without the default `gpu` feature only the parts that need no
//! GPU stack are built (the expression language, shader source, descent, export): the fuzz
//! target uses that.

#[cfg(feature = "gpu")]
pub mod app;
#[cfg(feature = "gpu")]
pub mod bench;
pub mod checks;
#[cfg(feature = "gpu")]
pub mod cli;
pub mod cpu_field;
pub mod descent;
pub mod error;
pub mod export;
pub mod expr;
pub mod gpu;
pub mod numfmt;
pub mod presets;
#[cfg(feature = "gpu")]
pub mod render;
#[cfg(feature = "gpu")]
pub mod scene;
pub mod teach;
pub mod view;

pub use error::{Error, Result};
pub use view::View;

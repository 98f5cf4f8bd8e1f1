//! The 3D view's maths, plain Rust without a GPU: the orbit camera and its projection
//! (`camera`), the landscape's box, world (x, y, f) ↔ box coordinates through the colour
//! scale (`boxmap`). The GPU passes that draw the surface live in `render`; the explorer and
//! the command line hold a [`Camera`] in the document.

pub mod boxmap;
pub mod camera;

pub use boxmap::{BoxMap, Heights};
pub use camera::{Camera, Frame3, Ray};

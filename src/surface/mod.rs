//! The 3D view's maths, plain Rust without a GPU: the orbit camera and its projection
//! (`camera`), the landscape's box, world (x, y, f) ↔ box coordinates through the colour
//! scale (`boxmap`), and what is drawn over the surface as plain data (`marks`). The GPU passes that draw the surface live in `render`; the explorer and
//! the command line hold a [`Camera`] in the document.

pub mod boxmap;
pub mod camera;
pub mod marks;

pub use boxmap::{BoxMap, Heights};
pub use camera::{Camera, Frame3, Ray};
pub use marks::{Anchor3, Ball3, Label3, Line3, Marks3, Tri3};

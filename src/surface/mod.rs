//! The 3D view's maths, plain Rust without a GPU: the orbit camera and its projection
//! (`camera`), the landscape's box, world (x, y, f) ↔ box coordinates through the colour
//! scale (`boxmap`), what is drawn over the surface as plain data (`marks`), built by
//! `build` (paths in `build_paths`, the pin in `build_pin` and `build_pin_arrows`, the axes
//! in `build_axes`, on the helpers `build_lift` and `build_clip`), and the point under a
//! pixel (`pick`). The GPU passes that draw the surface live in `render`; the explorer and
//! the command line hold a [`Camera`] in the document.

pub mod boxmap;
pub mod build;
pub mod build_axes;
mod build_clip;
mod build_lift;
pub mod build_paths;
pub mod build_pin;
mod build_pin_arrows;
pub mod camera;
pub mod marks;
pub mod pick;

pub use boxmap::{BoxMap, Heights};
pub use build::{marks, Style3};
pub use build_axes::{Axes3, Tick3};
pub use build_paths::PathMarks;
pub use build_pin::PinMarks;
pub use build_pin_arrows::{ARROW_LEN, GRAD_COLOR, U_COLOR};
pub use camera::{Camera, Frame3, Ray};
pub use marks::{Anchor3, Ball3, Label3, Line3, Marks3, Tri3};
pub use pick::{pick, pick_ray, Pick};

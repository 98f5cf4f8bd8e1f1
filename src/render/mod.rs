//! Drawing: the figure overlay (axes, colour bar, titles, labels) painted with egui, and the
//! offscreen egui pass used by the headless renderer.

pub mod axes;
pub mod colorbar;
pub mod contour_labels;
pub mod egui_offscreen;
pub mod layout;
pub mod overlay;
pub mod theme;
pub mod ticks;

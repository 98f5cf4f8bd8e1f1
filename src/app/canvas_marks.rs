//! The marks painted over the plot under the overlay's text: the minima a basin map found
//! (`maps_ui`), the line search's trial points (`curvature_ui`), the selected path's step with its read-out (`step_ui`) and, descending in all
//! variables, the out-of-plane gauges beside the paths (`descend_all`).

use egui::Painter;

use super::state::ExplorerState;
use crate::render::overlay::PlotRect;

/// Paints the marks for `plot` (window pixels) with text sized for the overlay's `scale`.
pub(crate) fn paint(painter: &Painter, s: &ExplorerState, plot: PlotRect, scale: f32) {
    super::maps_ui::paint_minima(painter, s, plot, scale);
    super::curvature_ui::paint_trials(painter, s, plot, scale);
    super::step_ui::paint(painter, s, plot, scale);
    super::descend_all::paint_gauges(painter, s, plot, scale);
    super::data_ui::paint_batch_arrows(painter, s, plot, scale);
}

//! What a figure's overlay is drawn from besides its words: the colour map's entries, the
//! colour range the layers were drawn with and the contour levels that get labels, turned
//! into the overlay's input the same way for the PNG (`render::figure`) and the vector
//! figure (`render::vector`).

use super::figure::FigureText;
use super::layout::FigureLayout;
use super::levels::contour_levels;
use super::overlay::{ColorBar, ContourLabels, OverlayInput};
use super::settings::{Layout, RenderSettings};
use crate::view::View;

/// What a figure's overlay is drawn from besides its words: the colour map's entries, the
/// colour range the layers were drawn with and the contour levels that get labels.
pub(crate) struct OverlayData {
    lut: [[u8; 4]; 256],
    range: Option<super::RangeResult>,
    levels: Vec<f64>,
    samples: u32,
}

impl OverlayData {
    /// For layers drawn with `settings` into `layout`'s plot over the colour `range`.
    pub(crate) fn new(
        range: Option<super::RangeResult>,
        settings: &RenderSettings,
        layout: &Layout,
        text: &FigureText,
    ) -> OverlayData {
        let levels = match (&text.contour_grid, range) {
            (Some(_), Some(r)) => contour_levels(&r, settings, true),
            _ => Vec::new(),
        };
        OverlayData {
            lut: settings.colormap.lut(),
            range,
            levels,
            samples: (layout.plot.w as u64 * layout.plot.h as u64) as u32,
        }
    }

    /// The overlay of a figure laid out as `fig` showing `view` (`map_layer`: the plot shows
    /// a map, which has no colour bar).
    pub(crate) fn input<'a>(
        &'a self,
        fig: &FigureLayout,
        view: &View,
        settings: &RenderSettings,
        text: &'a FigureText,
        map_layer: bool,
    ) -> OverlayInput<'a> {
        let colorbar = self.range.filter(|r| r.count > 0).map(|r| ColorBar {
            rect: fig.colorbar,
            lut: &self.lut,
            min: r.lo as f64,
            max: r.hi as f64,
            log: settings.log_scale,
            has_undefined: r.count < self.samples,
            clipped_below: settings.log_scale && r.clipped != 0,
        });
        let contour_labels = text.contour_grid.as_ref().map(|g| ContourLabels {
            grid: &g.values,
            gw: g.w,
            gh: g.h,
            levels: &self.levels,
        });
        OverlayInput {
            view: *view,
            plot: fig.plot,
            colorbar: colorbar.filter(|_| settings.show_heatmap && !map_layer),
            title: &text.title,
            subtitle: text.subtitle.as_deref(),
            axis_names: (&text.axis_names.0, &text.axis_names.1),
            labels: &text.labels,
            contour_labels: contour_labels.filter(|_| !self.levels.is_empty()),
            scale: fig.scale,
            theme: text.theme,
            extra: None,
            colorbar_label: text.colorbar_label.as_deref(),
            legend: &text.legend,
            pin: text.pin.as_ref(),
            panel: (fig.panel.w > 0.0).then_some(fig.panel),
            data: text.data.as_ref(),
        }
    }
}

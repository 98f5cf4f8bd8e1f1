//! The renderer's level of detail while something changes: with a resolution divisor d > 1
//! (`Renderer::set_resolution`), the field is computed on the plot's grid divided by d in each
//! direction (the same view, so by the grid convention each coarse sample lies where it would
//! in the plot), the range is taken over those samples by the same rule, and the heatmap and
//! arrows are drawn into a coarse texture that `MagnifyPass` stretches over the plot. Lines
//! and arrows keep their size on screen. A convergence or stability map is always drawn at
//! every pixel (its own passes decide their resolution). The field's own level of detail (a
//! coarser grid interpolated up, `Renderer::set_field_stride`) is set here too.

use super::Renderer;
use crate::render::magnify::MagnifyPass;
use crate::render::settings::{Layout, PlotRect, RenderSettings};

/// The largest divisor: ⅟₆₄ of the pixels.
pub(crate) const MAX_RESOLUTION_DIVISOR: u32 = 8;

impl Renderer {
    /// From the next frame on, draws the layers at 1/`divisor` of the plot's width and height
    /// (1, the default: every pixel; clamped to 1..=8) and magnifies
    /// them. Going back to 1 draws the full-resolution frame, the same pixels as a renderer
    /// that never went coarse.
    pub fn set_resolution(&mut self, divisor: u32) {
        self.resolution = divisor.clamp(1, MAX_RESOLUTION_DIVISOR);
    }

    /// The field's level of detail from the next frame on: computed on a grid `stride` times
    /// coarser in each direction and interpolated (1, the default: every sample). Changing
    /// it recomputes the field.
    pub fn set_field_stride(&mut self, stride: u32) {
        self.field_stride = stride.max(1);
        self.field.set_stride(self.field_stride);
    }

    /// The stride of the field the last frame drew.
    pub fn field_stride(&self) -> u32 {
        self.field.stride()
    }

    /// The divisor the last frame's layers were drawn at (1: every pixel).
    pub fn drawn_resolution(&self) -> u32 {
        self.drawn_divisor
    }

    /// The divisor for a frame of `layout`: the one asked for, unless a map is shown or the
    /// plot is too small to divide.
    pub(super) fn divisor_for(&self, layout: &Layout) -> u32 {
        let map = self.converge_map.is_some() || self.stability_map.is_some();
        let d = self.resolution;
        if map || d <= 1 || layout.plot.w < 2 * d || layout.plot.h < 2 * d {
            1
        } else {
            d
        }
    }

    /// Makes the coarse texture for `layers` (its plot is the whole texture), building the
    /// magnify pass on first use.
    pub(super) fn prepare_magnify(
        &mut self,
        device: &wgpu::Device,
        layers: &Layout,
    ) -> crate::error::Result<()> {
        if self.magnify.is_none() {
            self.magnify = Some(MagnifyPass::new(device, self.format)?);
        }
        if let Some(m) = &mut self.magnify {
            m.prepare(device, layers.target);
        }
        Ok(())
    }
}

/// Where the layers of a frame of `layout` are drawn at `divisor`: the plot itself at 1, else
/// a coarse texture of the plot's size divided (rounded up) whose plot is the whole texture;
/// with the settings whose sizes are in pixels (contour and arrow widths, arrow spacing)
/// divided too, so that they keep their size once magnified.
pub(super) fn layer_frame(
    layout: &Layout,
    settings: &RenderSettings,
    divisor: u32,
) -> (Layout, RenderSettings) {
    if divisor <= 1 {
        return (*layout, *settings);
    }
    let (w, h) = (
        layout.plot.w.div_ceil(divisor),
        layout.plot.h.div_ceil(divisor),
    );
    let coarse = Layout {
        target: (w, h),
        plot: PlotRect { x: 0, y: 0, w, h },
    };
    let d = divisor as f32;
    let mut s = *settings;
    // Arrows keep about their width on screen (at least 0.4 of a coarse pixel, or their shafts
    // would fade away); contour lines are kept at least 0.6 of a coarse pixel wide by the
    // heatmap shader (thinner, they would break up into dots).
    s.line_width = (settings.line_width / d).max(0.4);
    s.arrows.spacing_px = settings.arrows.spacing_px / d;
    (coarse, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_coarse_layers_cover_the_plot_and_keep_sizes_on_screen() {
        let layout = Layout {
            target: (1920, 1080),
            plot: PlotRect {
                x: 100,
                y: 60,
                w: 1701,
                h: 950,
            },
        };
        let settings = RenderSettings::default();
        let (same, s1) = layer_frame(&layout, &settings, 1);
        assert_eq!((same, s1), (layout, settings));
        let (coarse, s4) = layer_frame(&layout, &settings, 4);
        assert_eq!(coarse.target, (426, 238));
        assert_eq!((coarse.plot.x, coarse.plot.y), (0, 0));
        assert_eq!((coarse.plot.w, coarse.plot.h), coarse.target);
        assert_eq!(s4.arrows.spacing_px * 4.0, settings.arrows.spacing_px);
        assert_eq!(s4.line_width, 0.4);
        let (_, s2) = layer_frame(&layout, &settings, 2);
        assert_eq!(s2.line_width * 2.0, settings.line_width);
        assert!(coarse.validate().is_ok());
    }
}

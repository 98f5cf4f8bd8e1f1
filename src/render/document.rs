//! One call draws a picture: [`draw_document`] takes what a document shows (function, view,
//! size, render settings, what the colours show, paths and the overlay's words), computes a
//! convergence map, the Hessian field of the stability map or the gradient check itself when
//! the colours show one, and returns the
//! figure's pixels with what it found. `gradfield render` writes them to a PNG.

use super::basin::{MapMode, MapView};
use super::basin_minima::find_minima;
use super::color_by::{
    check_finding, map_buffer, minimum_marks, run_map, Coloring, Finding, MapCounts,
};
use super::egui_offscreen::EguiOffscreen;
use super::figure::{plot_layout, render_figure_rgba};
use super::offscreen::OFFSCREEN_FORMAT;
use super::stability::{StabilityCounts, StabilityView};
use super::{ColorLayer, FigureText, PathDraw, RenderSettings, Renderer};
use crate::error::Result;
use crate::expr::Function;
use crate::gpu::converge::ConvergePass;
use crate::gpu::hessian::HessianPass;
use crate::gpu::{Gpu, GradientMode};
use crate::view::View;

/// The parts of a document a picture is drawn from.
#[derive(Debug, Clone)]
pub struct Picture<'a> {
    pub function: &'a Function,
    /// The view of the plot (already fitted to the plot's aspect where wanted).
    pub view: View,
    /// The figure's size in pixels.
    pub size: (u32, u32),
    /// The layers as the document has them; `Coloring::settings` adjusts them.
    pub settings: RenderSettings,
    /// What the plot's colours show.
    pub coloring: Coloring,
    /// The descent paths drawn over the plot.
    pub paths: &'a [PathDraw],
    /// Title, axis names, labels, theme; a map or check replaces the subtitle.
    pub text: FigureText,
}

impl Picture<'_> {
    /// The render settings the picture is drawn with.
    pub(crate) fn settings(&self) -> RenderSettings {
        self.coloring.settings(&self.settings)
    }

    /// The plot's size in pixels inside the figure (a map or check is computed at it).
    pub(crate) fn plot_size(&self) -> (u32, u32) {
        let settings = self.settings();
        let fig = self.text.layout(self.size, settings.show_heatmap);
        let plot = plot_layout(&fig, self.size).plot;
        (plot.w, plot.h)
    }
}

/// A drawn picture: RGBA8 rows, top first, of `size`, and what was found on the way.
#[derive(Debug, Clone)]
pub struct Drawn {
    pub pixels: Vec<u8>,
    pub size: (u32, u32),
    pub finding: Finding,
}

/// Draws `picture`: computes its convergence map (calling `before_chunk(steps done, steps in
/// all)` before each chunk; an error from it stops) or its gradient check at the plot's
/// resolution, then the figure with the layers, paths and overlay, the subtitle saying what
/// was found.
pub fn draw_document(
    gpu: &Gpu,
    picture: &Picture<'_>,
    before_chunk: &mut dyn FnMut(u32, u32) -> Result<()>,
) -> Result<Drawn> {
    let mut p = prepare(gpu, picture, before_chunk)?;
    let mut egui = EguiOffscreen::new(&gpu.device, p.renderer.format());
    let pixels = render_figure_rgba(
        gpu,
        &mut p.renderer,
        &mut egui,
        picture.size,
        &picture.view,
        &p.settings,
        GradientMode::Exact,
        &p.paths,
        &p.text,
    )?;
    Ok(Drawn {
        pixels,
        size: picture.size,
        finding: p.finding,
    })
}

/// A picture ready to draw: its renderer with the colour layer set (a map or check already
/// computed), the settings, words and paths it is drawn with, and what was found.
pub(crate) struct Prepared {
    pub renderer: Renderer,
    pub settings: RenderSettings,
    pub text: FigureText,
    pub paths: Vec<PathDraw>,
    pub finding: Finding,
}

/// Everything [`draw_document`] does before drawing: the map, Hessian field or check, the
/// basin map's minima marks and the subtitle saying what was found (the vector figure
/// draws from the same).
pub(crate) fn prepare(
    gpu: &Gpu,
    picture: &Picture<'_>,
    before_chunk: &mut dyn FnMut(u32, u32) -> Result<()>,
) -> Result<Prepared> {
    let settings = picture.settings();
    let plot = picture.plot_size();
    let (view, f) = (&picture.view, picture.function);
    let mut map_pass = None;
    let mut hessian_pass = None;
    let finding = match picture.coloring {
        Coloring::Heatmap => Finding::Heatmap,
        Coloring::Stability { lr } => {
            let mut pass = HessianPass::new(&gpu.device, f)?;
            let samples = pass.run(gpu, view, plot)?;
            hessian_pass = Some(pass);
            Finding::Stability(StabilityCounts::of(&samples, lr))
        }
        Coloring::GradientCheck { step } => check_finding(gpu, f, view, plot, step)?,
        Coloring::ConvergeMap { settings: conv, .. } => {
            let mut pass = ConvergePass::new(&gpu.device, f, conv.optimizer)?;
            pass.prepare(&gpu.device, &gpu.queue, view, plot, &conv)?;
            let walkers = run_map(gpu, &pass, conv.steps, before_chunk)?;
            let results: Vec<[f32; 3]> = walkers.iter().map(|w| w.result()).collect();
            map_pass = Some(pass);
            let minima = match picture.coloring {
                Coloring::ConvergeMap {
                    mode: MapMode::Basin,
                    ..
                } => find_minima(&results, view, plot),
                _ => Vec::new(),
            };
            Finding::ConvergeMap(MapCounts::of(&results, conv.steps), minima)
        }
    };
    let mut text = picture.text.clone();
    // A basin map's minima: a ring and a label at each (drawn under the paths' labels).
    let mut paths = picture.paths.to_vec();
    if let Finding::ConvergeMap(_, minima) = &finding {
        let fig = text.layout(picture.size, settings.show_heatmap);
        let (rings, labels) = minimum_marks(minima, view, fig.plot, text.theme, fig.scale);
        paths.extend(rings);
        text.labels.extend(labels);
    }
    if let Some(subtitle) = finding.subtitle(&picture.coloring) {
        text.subtitle = Some(subtitle);
    }
    let mut renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, f)?;
    // One frame: a layer cache would only cost a texture and a copy.
    renderer.use_layer_cache(false);
    let layer = match (picture.coloring, &map_pass) {
        (
            Coloring::ConvergeMap {
                mode,
                settings: conv,
            },
            Some(pass),
        ) => {
            let map = MapView {
                mode,
                steps: conv.steps,
                size: plot,
                view: *view,
            };
            ColorLayer::ConvergeMap(map_buffer(pass)?, map)
        }
        (Coloring::GradientCheck { step }, _) => ColorLayer::GradientCheck(step),
        (Coloring::Stability { lr }, _) => match hessian_pass.as_ref().and_then(|p| p.buffer()) {
            Some(buffer) => ColorLayer::Stability(
                buffer,
                StabilityView {
                    size: plot,
                    view: *view,
                    lr,
                    generation: 0,
                },
            ),
            None => ColorLayer::Heatmap,
        },
        _ => ColorLayer::Heatmap,
    };
    renderer.set_color_layer(gpu, layer)?;
    Ok(Prepared {
        renderer,
        settings,
        text,
        paths,
        finding,
    })
}

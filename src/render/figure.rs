//! A complete figure: the renderer's layers with the overlay (axes, tick labels, colour bar,
//! title, path and contour labels) painted over them, drawn offscreen and written as a PNG.
//! `render::draw_document` draws every picture through here.

use std::path::Path;

use super::egui_offscreen::EguiOffscreen;
use super::layout::{FigureLayout, Margins};
use super::offscreen::OffscreenTarget;
use super::overlay::{paint_label_text, paint_static, Label, LegendEntry};
use super::overlay_data::OverlayData;
use super::settings::{Layout, PlotRect, RenderSettings};
use super::theme::Theme;
use super::{FrameWork, Layers, PathDraw, Renderer};
use crate::error::Result;
use crate::expr::Function;
use crate::gpu::{Gpu, GradientMode};
use crate::view::View;

/// The words and style of a figure's overlay.
#[derive(Debug, Clone)]
pub struct FigureText {
    /// The formula shown as the title.
    pub title: String,
    /// A smaller second line (optimizer and η, for instance).
    pub subtitle: Option<String>,
    /// The names of the horizontal and vertical variables.
    pub axis_names: (String, String),
    /// Annotations at pixel positions (path ends).
    pub labels: Vec<Label>,
    pub theme: Theme,
    /// Type size factor (1 = labels about 18 px at 1080 lines).
    pub ui_scale: f32,
    /// A coarse grid of f over the view (see `crate::cpu_field::values`): when present, some
    /// contour lines get their value written on them.
    pub contour_grid: Option<CoarseGrid>,
    /// Words beside the colour bar.
    pub colorbar_label: Option<String>,
    /// The key to the paths (none when empty).
    pub legend: Vec<LegendEntry>,
    /// The pin's marks on the plot (and, with `side_panel`, its panels beside it).
    pub pin: Option<super::pin_panels::PinFigure>,
    /// The points and model of a data loss, for the data panel.
    pub data: Option<super::data_panel::DataFigure>,
    /// Room right of the plot for the pin's slices and polar plot, or the data panel.
    pub side_panel: bool,
    /// No title line at all (`render --no-title`): the plot moves up into its room.
    pub no_title: bool,
}

impl Default for FigureText {
    /// No words, the dark theme, type size factor 0 (as `f32::default`).
    fn default() -> FigureText {
        FigureText {
            title: String::new(),
            subtitle: None,
            axis_names: (String::new(), String::new()),
            labels: Vec::new(),
            theme: Theme::Dark,
            ui_scale: 0.0,
            contour_grid: None,
            colorbar_label: None,
            legend: Vec::new(),
            pin: None,
            data: None,
            side_panel: false,
            no_title: false,
        }
    }
}

impl FigureText {
    /// Where the parts of a `size` figure with these words go: with `no_title` the plot moves
    /// up, with a colour-bar label or side panels it leaves room on the right.
    pub fn layout(&self, size: (u32, u32), with_colorbar: bool) -> FigureLayout {
        let margins = Margins {
            no_title: self.no_title,
            colorbar_label: self.colorbar_label.is_some(),
            side_panel: self.side_panel,
        };
        FigureLayout::with_margins(size.0, size.1, self.ui_scale, with_colorbar, margins)
    }

    /// A digest of everything here that is painted under the paths (all but the labels), so
    /// that the renderer's layer cache is redrawn when it changes.
    pub(crate) fn static_digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.title.hash(&mut h);
        self.subtitle.hash(&mut h);
        self.axis_names.hash(&mut h);
        format!("{:?}", self.theme).hash(&mut h);
        self.ui_scale.to_bits().hash(&mut h);
        self.colorbar_label.hash(&mut h);
        for e in &self.legend {
            (e.color, &e.text).hash(&mut h);
        }
        format!("{:?}{:?}", self.pin, self.data).hash(&mut h);
        (self.side_panel, self.no_title).hash(&mut h);
        if let Some(g) = &self.contour_grid {
            (g.w, g.h).hash(&mut h);
            g.values.iter().for_each(|v| v.to_bits().hash(&mut h));
        }
        h.finish()
    }
}

/// `w`×`h` samples of f over the view, row 0 at the top, NaN where undefined.
#[derive(Debug, Clone, Default)]
pub struct CoarseGrid {
    pub values: Vec<f32>,
    pub w: usize,
    pub h: usize,
}

/// The plot rectangle of a figure layout in whole pixels, as the renderer takes it.
pub fn plot_layout(fig: &FigureLayout, target: (u32, u32)) -> Layout {
    let x = fig.plot.x.round().max(0.0) as u32;
    let y = fig.plot.y.round().max(0.0) as u32;
    let w = (fig.plot.w.round() as u32).clamp(1, target.0.saturating_sub(x).max(1));
    let h = (fig.plot.h.round() as u32).clamp(1, target.1.saturating_sub(y).max(1));
    Layout {
        target,
        plot: PlotRect { x, y, w, h },
    }
}

/// A complete figure: the field layers of `renderer` with axes, tick labels, colour bar, title
/// and labels painted over them by `egui`. Returns RGBA8 rows, top first.
#[allow(clippy::too_many_arguments)]
pub fn render_figure_rgba(
    gpu: &Gpu,
    renderer: &mut Renderer,
    egui: &mut EguiOffscreen,
    size: (u32, u32),
    view: &View,
    settings: &RenderSettings,
    gradient: GradientMode,
    paths: &[PathDraw],
    text: &FigureText,
) -> Result<Vec<u8>> {
    let target = OffscreenTarget::new(&gpu.device, renderer.format(), size)?;
    let frame = (size, view, settings, gradient);
    render_figure_into(gpu, renderer, egui, &target, frame, paths, text).map(|(px, _)| px)
}

/// [`render_figure_rgba`] into a `size` target the caller keeps between frames (an
/// animation); also says what the renderer recomputed for this frame.
pub(crate) fn render_figure_into(
    gpu: &Gpu,
    renderer: &mut Renderer,
    egui: &mut EguiOffscreen,
    target: &OffscreenTarget,
    frame: ((u32, u32), &View, &RenderSettings, GradientMode),
    paths: &[PathDraw],
    text: &FigureText,
) -> Result<(Vec<u8>, FrameWork)> {
    let (work, _) = draw_figure(
        gpu,
        renderer,
        egui,
        target,
        frame,
        paths,
        text,
        &mut |_, _| Ok(()),
    )?;
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("figure::copy"),
        });
    target.encode_copy(&mut encoder);
    gpu.queue.submit([encoder.finish()]);
    Ok((target.read(gpu)?, work))
}

/// Whether a [`draw_figure`] mark opens or closes a span of GPU work (for timing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    Begin,
    End,
}

/// Draws a figure into `target` without reading it back: the layers (and, under the paths,
/// axes, colour bar and title — all kept in the renderer's layer cache, so a frame in which
/// only the paths changed copies them instead of drawing them), then the paths and their
/// labels. `mark` is called at the start and end of each encoder's GPU work (a benchmark's
/// timer). Returns what was recomputed and the last submission.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_figure(
    gpu: &Gpu,
    renderer: &mut Renderer,
    egui: &mut EguiOffscreen,
    target: &OffscreenTarget,
    (size, view, settings, gradient): ((u32, u32), &View, &RenderSettings, GradientMode),
    paths: &[PathDraw],
    text: &FigureText,
    mark: &mut dyn FnMut(&mut wgpu::CommandEncoder, Mark) -> Result<()>,
) -> Result<(FrameWork, wgpu::SubmissionIndex)> {
    let fig = text.layout(size, settings.show_heatmap);
    let layout = plot_layout(&fig, size);
    renderer.set_background(text.theme.background());
    renderer.set_overlay_key(text.static_digest());
    let mut work = renderer.prepare(gpu, &layout, view, settings, gradient, paths)?;
    let new_encoder = |label| {
        gpu.device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some(label) })
    };
    // The compute passes first: the overlay needs the range for the colour bar, and the
    // layers' pass needs the overlay's rules (frame, grid lines, tick marks).
    let mut encoder = new_encoder("figure::compute");
    mark(&mut encoder, Mark::Begin)?;
    renderer.encode_compute_passes(&mut encoder, &work);
    mark(&mut encoder, Mark::End)?;
    gpu.queue.submit([encoder.finish()]);
    let range = if work.range {
        Some(renderer.fetch_range(gpu)?)
    } else {
        renderer.range_result()
    };
    let data = OverlayData::new(range, settings, &layout, text);
    let input = data.input(&fig, view, settings, text, renderer.has_map_layer());
    let (device, queue) = (&gpu.device, &gpu.queue);
    // Layers kept in the cache keep the overlay painted over them (and its rules).
    let overlay = (renderer.layers_for(target.texture(), &work) != Layers::Kept).then(|| {
        let mut rules = Vec::new();
        let painted = egui.run(size, 1.0, |p| rules = paint_static(p, &input));
        work.layers |= renderer.set_rules(gpu, size, &rules);
        painted
    });
    // Its own submission: egui's vertex buffers are rewritten by the next paint.
    let mut encoder = new_encoder("figure::layers");
    mark(&mut encoder, Mark::Begin)?;
    let layers_only = FrameWork {
        layers: work.layers,
        ..FrameWork::default()
    };
    let layers = renderer.encode_layers(&mut encoder, target.texture(), &layers_only);
    let under_paths = match layers {
        Layers::Redrawn => renderer.layer_view(),
        Layers::Direct => Some(target.view()),
        Layers::Kept => None,
    };
    if let (Some(view), Some(overlay)) = (under_paths, overlay) {
        egui.record(device, queue, &mut encoder, view, overlay);
    }
    mark(&mut encoder, Mark::End)?;
    queue.submit([encoder.finish()]);
    // The labels' text is laid out first, so that their boxes go in the path pass under it.
    let mut boxes = Vec::new();
    let text_painted = (!input.labels.is_empty())
        .then(|| egui.run(size, 1.0, |p| boxes = paint_label_text(p, &input)));
    renderer.set_label_boxes(gpu, &boxes);
    let mut encoder = new_encoder("figure::paths");
    mark(&mut encoder, Mark::Begin)?;
    renderer.encode_paths(&mut encoder, target.texture());
    if let Some(painted) = text_painted {
        egui.record(device, queue, &mut encoder, target.view(), painted);
    }
    mark(&mut encoder, Mark::End)?;
    Ok((work, queue.submit([encoder.finish()])))
}

/// Renders `function` over `view` as a `size` figure (field layers and overlay, coloured by
/// f) and writes it to `out_path` as a PNG, atomically.
#[allow(clippy::too_many_arguments)]
pub fn render_png(
    gpu: &Gpu,
    function: &Function,
    view: &View,
    size: (u32, u32),
    settings: &RenderSettings,
    paths: &[PathDraw],
    text: &FigureText,
    out_path: &Path,
) -> Result<()> {
    let picture = super::Picture {
        function,
        view: *view,
        size,
        settings: *settings,
        coloring: super::Coloring::Heatmap,
        paths,
        text: text.clone(),
    };
    let drawn = super::draw_document(gpu, &picture, &mut |_, _| Ok(()))?;
    crate::export::write_png_rgba8(out_path, size.0, size.1, &drawn.pixels)
}

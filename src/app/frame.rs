//! One egui frame of the explorer (panel, canvas input, overlay, help) and the render input
//! built from the state afterwards; plus the optional frame-time log.

use std::time::Duration;

use egui::{Context, FullOutput, LayerId, RawInput, Ui};

use super::canvas::{self, OverlayFrame};
use super::gfx::{FrameInput, Graphics};
use super::state::ExplorerState;
use crate::document::Theme;
use crate::render::overlay::{FigureLayout, LabelBox, PlotRect};
use crate::render::{self, Layout, PathStats, RenderSettings};

pub use super::panels::{panel_max_widths, LEFT_PANEL_SHARE, PANELS_SHARE, RIGHT_PANEL_SHARE};

/// What the GPU found about the field that the canvas overlay shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct FieldFacts {
    /// The colour range (the colour bar's ends), once the GPU has resolved one.
    pub range: Option<(f32, f32)>,
    /// The log scale clipped zeros and subnormals below the range.
    pub clipped_below: bool,
}

/// What one egui frame laid out: where the plot went and the path labels' boxes.
#[derive(Debug, Clone, Default)]
pub struct FramePlacement {
    pub layout: Option<Layout>,
    /// The canvas (what the panels leave of the window) in egui points; the overlay paints
    /// only inside it.
    pub canvas: Option<egui::Rect>,
    pub label_boxes: Vec<LabelBox>,
    /// What the renderer draws this frame (arrow spacing and line widths for the UI scale,
    /// presentation mode and the theme).
    pub settings: RenderSettings,
}

/// Runs egui for a `size` (pixels) window and returns its output and the field frame.
pub(crate) fn build_frame(
    ctx: &Context,
    raw: RawInput,
    s: &mut ExplorerState,
    gfx: &Graphics,
    size: (u32, u32),
) -> (FullOutput, FrameInput) {
    let facts = FieldFacts {
        range: gfx.renderer.range(),
        clipped_below: gfx.renderer.range_result().is_some_and(|r| r.clipped != 0),
    };
    // The ray-cast through the drawn height field goes here once the surface is drawn
    // (`surface::pick`); until then a click on the surface says that nothing is under it.
    let pick = |_: f64, _: f64| None;
    let (output, placed) = run_frame_with(ctx, raw, s, facts, size, &pick);
    let input = FrameInput {
        background: s.doc.theme.background(),
        layout: placed
            .layout
            .unwrap_or_else(|| Layout::full(size.0, size.1)),
        view: s.shown_view(),
        settings: placed.settings,
        label_boxes: placed.label_boxes,
    };
    (output, input)
}

/// What the renderer draws for the explorer's document: its layers for what the colours
/// show, with arrow spacing, line widths and markers grown by `marks` (the UI scale, or in
/// presentation mode the type's scale) and drawn for the theme.
fn frame_settings(s: &ExplorerState, marks: f32) -> RenderSettings {
    crate::render::color_by::explorer_settings(
        &RenderSettings::from_layers(&s.doc.layers),
        s.doc.maps.mode,
    )
    .for_display(marks, s.doc.theme)
}

/// One egui frame of the explorer for a `size` (pixels) window, without a GPU: panels (or, in
/// presentation mode, the strip and what floats from it), canvas input, the canvas overlay
/// and the dialogs. `facts` is what the GPU found about the field. The window calls this every
/// frame; tests call it to read the shapes the overlay paints.
pub fn run_frame(
    ctx: &Context,
    raw: RawInput,
    s: &mut ExplorerState,
    facts: FieldFacts,
    size: (u32, u32),
) -> (FullOutput, FramePlacement) {
    run_frame_with(ctx, raw, s, facts, size, &|_, _| None)
}

/// [`run_frame`] with `pick`, the ray-cast from surface pixels (from the surface rect's
/// top-left corner) to the world point drawn there, for clicks and the hover point on the
/// surface.
pub fn run_frame_with(
    ctx: &Context,
    raw: RawInput,
    s: &mut ExplorerState,
    facts: FieldFacts,
    size: (u32, u32),
    pick: &dyn Fn(f64, f64) -> Option<(f64, f64)>,
) -> (FullOutput, FramePlacement) {
    ctx.set_zoom_factor(s.doc.ui_scale);
    ctx.set_visuals(visuals(s.doc.theme));
    let mut placed = FramePlacement::default();
    let output = ctx.run_ui(raw, |ui| placed = frame_ui(ui, s, facts, size, pick));
    (output, placed)
}

fn frame_ui(
    ui: &mut Ui,
    s: &mut ExplorerState,
    facts: FieldFacts,
    size: (u32, u32),
    pick: &dyn Fn(f64, f64) -> Option<(f64, f64)>,
) -> FramePlacement {
    let ctx = ui.ctx().clone();
    let floating = if s.doc.present {
        super::panels::strip(ui, s)
    } else {
        super::panels::side_panels(ui, s);
        None
    };
    let ppp = ctx.pixels_per_point();
    let rect = ui.available_rect_before_wrap();
    let (cx, cy) = (rect.min.x * ppp, rect.min.y * ppp);
    let (cw, ch) = (
        (rect.width() * ppp).max(1.0) as u32,
        (rect.height() * ppp).max(1.0) as u32,
    );
    // The canvas's type is sized for the window, not for what the panels leave of it: at
    // 150% with a pin it used to come out smaller than at 100% without one.
    let fit = |w: f32, h: f32| (w / 1920.0).min(h / 1080.0).max(1e-3);
    let for_window = s.doc.ui_scale * fit(size.0 as f32, size.1 as f32) / fit(cw as f32, ch as f32);
    let fig = if s.doc.present {
        FigureLayout::for_presentation(cw, ch, size.1, for_window, true)
    } else {
        FigureLayout::for_figure(cw, ch, for_window, true)
    };
    // Marks grow with the type: by the UI scale, and in presentation mode as its type does
    // (2.44 times at 1080 lines, the same fraction of the window's height at others).
    let marks = if s.doc.present {
        s.doc.ui_scale.max(fig.scale)
    } else {
        s.doc.ui_scale
    };
    s.pointer.mark_scale = marks;
    super::panels::set_canvas_text_scale(&ctx, fig.scale);
    let plot = offset(fig.plot, cx, cy);
    let colorbar = offset(fig.colorbar, cx, cy);
    // Kept inside the window: on the first frame after a UI scale other than 1 (a scene
    // can start with one) egui's screen size is still the unscaled one.
    let (x, y) = (
        (plot.x.round().max(0.0) as u32).min(size.0.saturating_sub(1)),
        (plot.y.round().max(0.0) as u32).min(size.1.saturating_sub(1)),
    );
    let mut layout = Layout::full(size.0, size.1);
    layout.plot = render::PlotRect {
        x,
        y,
        w: (plot.w.round().max(1.0) as u32).clamp(1, size.0.saturating_sub(x).max(1)),
        h: (plot.h.round().max(1.0) as u32).clamp(1, size.1.saturating_sub(y).max(1)),
    };
    // The map's canvas is its half of the plot (all of it without the surface).
    s.set_plot(f64::from(layout.plot.w), f64::from(layout.plot.h));
    let plot_pts = egui::Rect::from_min_size(
        egui::pos2(layout.plot.x as f32 / ppp, layout.plot.y as f32 / ppp),
        egui::vec2(layout.plot.w as f32 / ppp, layout.plot.h as f32 / ppp),
    );
    // A click on a panel floating over the canvas is the panel's, not the canvas's.
    let over_float = floating.is_some_and(|r| {
        ctx.input(|i| i.pointer.latest_pos())
            .is_some_and(|p| r.contains(p))
    });
    if !over_float || s.pointer.gesture.is_some() || s.view3d.gesture.is_some() {
        canvas::handle_pointer(&ctx, s, plot_pts, ppp, pick);
    }
    // Clipped to the canvas: the title centres on it and nothing reaches into the panels.
    let painter = ctx
        .layer_painter(LayerId::background())
        .with_clip_rect(rect);
    let settings = frame_settings(s, marks);
    let lut = settings.colormap.lut();
    let frame = OverlayFrame {
        plot,
        colorbar,
        scale: fig.scale,
        lut: &lut,
        range: facts.range,
        clipped_below: facts.clipped_below,
    };
    let label_boxes = canvas::paint(&painter, s, &frame);
    super::maps_ui::paint_progress(&painter, s, plot);
    super::teach_ui::paint_canvas(&painter, s, plot);
    canvas::help_window(&ctx, s);
    super::scene_ui::scene_window(&ctx, s);
    FramePlacement {
        layout: Some(layout),
        canvas: Some(rect),
        settings,
        label_boxes,
    }
}

fn offset(r: PlotRect, dx: f32, dy: f32) -> PlotRect {
    PlotRect {
        x: r.x + dx,
        y: r.y + dy,
        ..r
    }
}

fn visuals(t: Theme) -> egui::Visuals {
    match t {
        Theme::Dark => egui::Visuals::dark(),
        Theme::Light => egui::Visuals::light(),
        Theme::HighContrast => {
            let mut v = egui::Visuals::dark();
            v.override_text_color = Some(egui::Color32::WHITE);
            v.panel_fill = egui::Color32::BLACK;
            v.window_fill = egui::Color32::BLACK;
            v
        }
    }
}

/// Frame times printed to stderr about once a second when `GRADFIELD_FRAME_LOG` is set, with
/// what the paths cost the busiest frame (instances drawn, bytes uploaded) and the process's
/// resident memory (where /proc tells it): what the soak tests read.
pub(crate) struct FrameLog {
    enabled: bool,
    times: Vec<Duration>,
    dragging: bool,
    instances: u64,
    uploaded: u64,
    pipelines: u64,
}

/// What a frame's work was, for [`FrameLog::record`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FrameCost {
    /// What the paths uploaded and drew.
    pub paths: PathStats,
    /// Field pipelines built since the start (see `gpu::FieldPass::pipelines_built`).
    pub pipelines_built: u64,
}

impl FrameLog {
    /// Enabled by the environment variable `GRADFIELD_FRAME_LOG`.
    pub(crate) fn from_env() -> FrameLog {
        FrameLog {
            enabled: std::env::var_os("GRADFIELD_FRAME_LOG").is_some(),
            times: Vec::new(),
            dragging: false,
            instances: 0,
            uploaded: 0,
            pipelines: 0,
        }
    }

    /// Records one frame's CPU time (egui + encode + submit + present), its path work and how
    /// many field pipelines the renderer has built so far.
    pub(crate) fn record(
        &mut self,
        t: Duration,
        size: (u32, u32),
        dragging: bool,
        work: FrameCost,
    ) {
        let paths = work.paths;
        self.pipelines = work.pipelines_built;
        if !self.enabled {
            return;
        }
        self.times.push(t);
        self.dragging |= dragging;
        self.instances = self.instances.max(paths.instances);
        self.uploaded = self.uploaded.max(paths.uploaded_bytes);
        let total: Duration = self.times.iter().sum();
        if total >= Duration::from_secs(1) {
            let n = self.times.len() as f64;
            let max = self.times.iter().max().copied().unwrap_or_default();
            let rss = resident_mb().map_or(String::new(), |mb| format!(", rss {mb:.1} MB"));
            eprintln!(
                "frame time {}×{}: mean {:.1} ms, max {:.1} ms over {} frames{}; paths: at most \
                 {} instances and {} bytes uploaded a frame; {} field pipelines built{rss}",
                size.0,
                size.1,
                total.as_secs_f64() * 1e3 / n,
                max.as_secs_f64() * 1e3,
                self.times.len(),
                if self.dragging { " (panning)" } else { "" },
                self.instances,
                self.uploaded,
                self.pipelines,
            );
            self.times.clear();
            self.dragging = false;
            self.instances = 0;
            self.uploaded = 0;
        }
    }
}

/// The process's resident set size in MB (VmRSS of /proc/self/status), where there is one.
pub(crate) fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

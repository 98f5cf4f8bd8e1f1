//! One egui frame of the explorer (panel, canvas input, overlay, help) and the render input
//! built from the state afterwards; plus the optional frame-time log.

use std::time::Duration;

use egui::{Context, FullOutput, LayerId, RawInput};

use super::canvas::{self, OverlayFrame};
use super::gfx::{FrameInput, Graphics};
use super::state::ExplorerState;
use crate::document::Theme;
use crate::render::overlay::{FigureLayout, PlotRect};
use crate::render::{self, Layout, PathStats, RenderSettings};

/// The largest share of the window's width the function panel may take.
pub(crate) const LEFT_PANEL_SHARE: f32 = 0.35;
/// The largest share of the window's width the slice panel (shown with a pin) may take.
pub(crate) const RIGHT_PANEL_SHARE: f32 = 0.25;

/// Runs egui for a `size` (pixels) window and returns its output and the field frame.
pub(crate) fn build_frame(
    ctx: &Context,
    raw: RawInput,
    s: &mut ExplorerState,
    gfx: &Graphics,
    size: (u32, u32),
) -> (FullOutput, FrameInput) {
    ctx.set_zoom_factor(s.doc.ui_scale);
    ctx.set_visuals(visuals(s.doc.theme));
    let settings = crate::render::color_by::explorer_settings(
        &RenderSettings::from_layers(&s.doc.layers),
        s.doc.maps.mode,
    );
    let lut = settings.colormap.lut();
    let range = gfx.renderer.range();
    let clipped_below = gfx.renderer.range_result().is_some_and(|r| r.clipped != 0);
    let mut layout = Layout::full(size.0, size.1);
    let mut label_boxes = Vec::new();
    let output = ctx.run_ui(raw, |ui| {
        let ctx = ui.ctx().clone();
        // The side panels are not filled: the renderer's clear colour shows through. On a
        // software GPU egui's textured fill of a whole panel cost ~25 ms a frame.
        let side =
            egui::Frame::side_top_panel(&ctx.global_style()).fill(egui::Color32::TRANSPARENT);
        // Dragging a panel's edge never takes the canvas below 1 − LEFT_PANEL_SHARE −
        // RIGHT_PANEL_SHARE of the window.
        let window_width = ui.available_rect_before_wrap().width();
        if s.doc.panel {
            egui::Panel::left("gradfield-panel")
                .resizable(true)
                .default_size(380.0)
                .max_size(window_width * LEFT_PANEL_SHARE)
                .frame(side)
                .show(ui, |ui| super::panel::panel(ui, s));
        }
        if s.doc.pin.is_some() {
            egui::Panel::right("gradfield-slices")
                .resizable(true)
                .default_size(300.0)
                .max_size(window_width * RIGHT_PANEL_SHARE)
                .frame(side)
                .show(ui, |ui| super::teach_ui::slices_panel(ui, s));
        }
        let ppp = ctx.pixels_per_point();
        let rect = ui.available_rect_before_wrap();
        let (cx, cy) = (rect.min.x * ppp, rect.min.y * ppp);
        let (cw, ch) = (
            (rect.width() * ppp).max(1.0) as u32,
            (rect.height() * ppp).max(1.0) as u32,
        );
        let fig = FigureLayout::for_figure(cw, ch, s.doc.ui_scale, true);
        let plot = offset(fig.plot, cx, cy);
        let colorbar = offset(fig.colorbar, cx, cy);
        // Kept inside the window: on the first frame after a UI scale other than 1 (a scene
        // can start with one) egui's screen size is still the unscaled one.
        let (x, y) = (
            (plot.x.round().max(0.0) as u32).min(size.0.saturating_sub(1)),
            (plot.y.round().max(0.0) as u32).min(size.1.saturating_sub(1)),
        );
        layout.plot = render::PlotRect {
            x,
            y,
            w: (plot.w.round().max(1.0) as u32).clamp(1, size.0.saturating_sub(x).max(1)),
            h: (plot.h.round().max(1.0) as u32).clamp(1, size.1.saturating_sub(y).max(1)),
        };
        s.set_canvas(f64::from(layout.plot.w), f64::from(layout.plot.h));
        let plot_pts = egui::Rect::from_min_size(
            egui::pos2(layout.plot.x as f32 / ppp, layout.plot.y as f32 / ppp),
            egui::vec2(layout.plot.w as f32 / ppp, layout.plot.h as f32 / ppp),
        );
        canvas::handle_pointer(&ctx, s, plot_pts, ppp);
        // Clipped to the canvas: the title centres on it and nothing reaches into the panels.
        let painter = ctx
            .layer_painter(LayerId::background())
            .with_clip_rect(rect);
        let frame = OverlayFrame {
            plot,
            colorbar,
            scale: fig.scale,
            lut: &lut,
            range,
            clipped_below,
        };
        label_boxes = canvas::paint(&painter, s, &frame);
        super::maps_ui::paint_progress(&painter, s, plot);
        super::teach_ui::paint_canvas(&painter, s, plot);
        canvas::help_window(&ctx, s);
        super::scene_ui::scene_window(&ctx, s);
    });
    let input = FrameInput {
        background: s.doc.theme.background(),
        layout,
        view: s.shown_view(),
        settings,
        label_boxes,
    };
    (output, input)
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

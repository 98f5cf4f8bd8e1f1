//! One egui frame of the explorer (panel, canvas input, overlay, help) and the render input
//! built from the state afterwards: the map in its half of the plot, the surface in its
//! (`super::canvas3d`).

use egui::{Context, FullOutput, LayerId, RawInput, Ui};

use super::canvas::{self, OverlayFrame};
use super::gfx::{FrameInput, Graphics};
use super::state::ExplorerState;
use crate::document::Theme;
use crate::render::overlay::{FigureLayout, LabelBox, PlotRect};
use crate::render::{self, Layout, RenderSettings};

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
    /// The map's frame, grid lines and tick marks, drawn by the renderer under the paths.
    pub rules: Vec<crate::render::rules::Rule>,
    /// What the renderer draws this frame (arrow spacing and line widths for the UI scale,
    /// presentation mode and the theme).
    pub settings: RenderSettings,
    /// The surface, where the canvas shows it: its rect, box, camera and marks.
    pub(crate) surface: Option<super::canvas3d::SurfaceInput>,
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
    // The ray-cast through the height field as the last frame drew it.
    let pick = super::canvas3d::picker(s);
    let (output, placed) = run_frame_with(ctx, raw, s, facts, size, &*pick);
    let input = FrameInput {
        map: s.doc.canvas.shows_map(),
        surface: placed.surface,
        background: s.doc.theme.background(),
        layout: placed
            .layout
            .unwrap_or_else(|| Layout::full(size.0, size.1)),
        view: s.shown_view(),
        settings: placed.settings,
        label_boxes: placed.label_boxes,
        rules: placed.rules,
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
    // The map's half and the surface's, in window pixels (whole pixels: see `canvas_rects`).
    let (map_rect, surface_rect) = s.plot_rects();
    let whole = layout.plot;
    let within = |r: egui::Rect| render::PlotRect {
        x: whole.x + r.min.x.max(0.0) as u32,
        y: whole.y + r.min.y.max(0.0) as u32,
        w: (r.width().round() as u32).clamp(1, whole.w),
        h: (r.height().round() as u32).clamp(1, whole.h),
    };
    if let Some(r) = map_rect {
        // The field is drawn in the map's half; shown alone, the surface's mesh reads the
        // field over the whole plot.
        layout.plot = within(r);
    }
    let map_plot = if s.doc.canvas == crate::document::CanvasMode::Map {
        plot
    } else {
        offset(
            PlotRect {
                x: (layout.plot.x - whole.x) as f32,
                y: (layout.plot.y - whole.y) as f32,
                w: layout.plot.w as f32,
                h: layout.plot.h as f32,
            },
            plot.x,
            plot.y,
        )
    };
    let frame = OverlayFrame {
        plot: map_plot,
        colorbar,
        scale: fig.scale,
        lut: &lut,
        range: facts.range,
        clipped_below: facts.clipped_below,
    };
    let (mut label_boxes, mut rules) = (Vec::new(), Vec::new());
    if map_rect.is_some() {
        // Side by side, the map's path labels stay out of the surface's half.
        let labels_painter = match surface_rect {
            Some(r) if r.min.x > 0.0 => {
                let mut clip = rect;
                clip.max.x = clip.max.x.min((map_plot.x + map_plot.w) / ppp);
                painter.with_clip_rect(clip)
            }
            _ => painter.clone(),
        };
        (label_boxes, rules) = canvas::paint(&painter, &labels_painter, s, &frame);
        super::maps_ui::paint_progress(&painter, s, map_plot);
        super::teach_ui::paint_canvas(&painter, s, map_plot);
        super::canvas3d::paint_linked_hover(&painter, s, map_plot);
    }
    let surface =
        surface_rect.map(|r| super::canvas3d::paint(&painter, s, within(r), &frame, marks));
    canvas::help_window(&ctx, s);
    super::scene_ui::scene_window(&ctx, s);
    FramePlacement {
        layout: Some(layout),
        canvas: Some(rect),
        settings,
        label_boxes,
        rules,
        surface,
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
        Theme::Light | Theme::Print => egui::Visuals::light(),
        Theme::HighContrast => {
            let mut v = egui::Visuals::dark();
            v.override_text_color = Some(egui::Color32::WHITE);
            v.panel_fill = egui::Color32::BLACK;
            v.window_fill = egui::Color32::BLACK;
            v
        }
    }
}

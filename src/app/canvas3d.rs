//! The surface's part of the explorer's frame, without a GPU: the ray-cast that turns a
//! surface pixel into the world point drawn there ([`picker`]), the marks drawn over the
//! surface this frame (the tracked paths with a ball at each current iterate, the pin's
//! slices, tangents and tangent plane, the box's axes, the hover point) with their labels
//! painted by egui, and, when the surface is shown alone, the title, colour bar and read-out
//! around it. What it returns ([`SurfaceInput`]) is what `gfx` hands the renderer; nothing
//! is kept between frames.

use std::cell::RefCell;

use glam::DVec2;

use super::canvas::{colorbar, frame_words, OverlayFrame};
use super::state::ExplorerState;
use crate::render::overlay::{paint_frame_text, OverlayInput, PlotRect};
use crate::render::overlay3d::{axes3, measurer, paint_labels3, style3, Overlay3};
use crate::surface::{Ball3, BoxMap, Camera, Marks3, PathMarks, PinMarks};

/// The hover point's ball on the surface: white, a little smaller than an iterate's.
const HOVER_BALL: [u8; 4] = [255, 255, 255, 235];
/// Its radius in pixels at scale 1.
const HOVER_BALL_PX: f32 = 5.0;

/// A pick: surface pixel (from the surface rect's top-left) → world point, or `None`.
pub(crate) type Pick = Box<dyn Fn(f64, f64) -> Option<(f64, f64)>>;

/// What the renderer draws for the surface this frame.
#[derive(Debug, Clone)]
pub(crate) struct SurfaceInput {
    /// The surface's rect in target pixels.
    pub rect: crate::render::PlotRect,
    pub boxmap: BoxMap,
    pub camera: Camera,
    pub floor_contours: bool,
    /// The camera is moving: the coarse mesh.
    pub coarse: bool,
    pub marks: Marks3,
}

/// The ray-cast through the landscape as the last frame drew it (its box, camera and rect),
/// f by the compiled tape; nothing under any pixel while the surface is not shown.
pub(crate) fn picker(s: &ExplorerState) -> Pick {
    if !s.doc.canvas.shows_surface() {
        return Box::new(|_, _| None);
    }
    let (map, camera, frame) = (s.surface_box(), s.doc.surface.camera, s.surface_frame());
    let tape = RefCell::new(s.doc.function.tape());
    Box::new(move |px, py| {
        let mut tape = tape.borrow_mut();
        crate::surface::pick(&map, &camera, &frame, &mut *tape, DVec2::new(px, py)).map(|p| p.world)
    })
}

/// Builds this frame's marks for the surface in `rect` (target pixels; `at` is the same rect
/// as the painter's float pixels) and paints their labels; with the map hidden also the
/// frame's title, colour bar and read-out. `f` is the overlay's frame (type scale, colour
/// bar), `marks` the size factor of widths and radii.
pub(crate) fn paint(
    painter: &egui::Painter,
    s: &ExplorerState,
    rect: crate::render::PlotRect,
    f: &OverlayFrame,
    marks: f32,
) -> SurfaceInput {
    let at = PlotRect {
        x: rect.x as f32,
        y: rect.y as f32,
        w: rect.w as f32,
        h: rect.h as f32,
    };
    let boxmap = s.surface_box();
    let camera = s.doc.surface.camera;
    let frame = boxmap.frame(f64::from(rect.w), f64::from(rect.h));
    let (a, b) = s.var_names();
    let names = [a.clone(), b.clone(), format!("f({a}, {b})")];
    let axes = axes3(
        &boxmap,
        &camera,
        &frame,
        f.scale,
        names,
        &mut measurer(painter, f.scale),
    );
    let paths: Vec<PathMarks> = if s.doc.layers.show_paths {
        s.running.paths.iter().map(path_marks).collect()
    } else {
        Vec::new()
    };
    let pin = s.doc.pin.map(|at| PinMarks {
        at,
        direction: s.doc.direction,
        tangent_plane: s.doc.surface.tangent_plane,
    });
    let mut tape = s.doc.function.tape();
    let style = style3(s.doc.theme, marks);
    let mut out = crate::surface::marks(
        &boxmap, &camera, &frame, &mut tape, &paths, pin, &axes, &style,
    );
    if let Some(ball) = hover_ball(s, &boxmap, &mut tape, style.scale) {
        out.balls.push(ball);
    }
    let overlay = Overlay3 {
        marks: &out,
        camera: &camera,
        frame: &frame,
        rect: at,
        scale: f.scale,
        theme: s.doc.theme,
    };
    paint_labels3(painter, &overlay);
    if !s.doc.canvas.shows_map() {
        paint_words(painter, s, at, f);
    }
    SurfaceInput {
        rect,
        boxmap,
        camera,
        floor_contours: s.doc.surface.floor_contours,
        coarse: s.view3d.camera_moving(),
        marks: out,
    }
}

/// A tracked path as the surface draws it: every point so far, the ball at the last.
fn path_marks(t: &super::paths::TrackedPath) -> PathMarks {
    let points: Vec<(f64, f64)> = t.path.points.iter().map(|p| (p.x, p.y)).collect();
    PathMarks {
        current: points.len().checked_sub(1),
        points,
        color: t.rgba().map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8),
    }
}

/// The hover point (from either half) as a ball on the surface, where f is defined there.
fn hover_ball(
    s: &ExplorerState,
    boxmap: &BoxMap,
    eval: &mut dyn crate::expr::Evaluator,
    scale: f32,
) -> Option<Ball3> {
    let (x, y) = s.pointer.hover?;
    let point = boxmap.point(x, y, eval.value(x, y)?)?;
    Some(Ball3 {
        at: point,
        radius_px: HOVER_BALL_PX * scale,
        color: HOVER_BALL,
    })
}

/// Side by side, the point under the pointer on the surface is ringed on the map (`map` in
/// window pixels), so the class sees where on the map the landscape is being pointed at.
pub(crate) fn paint_linked_hover(painter: &egui::Painter, s: &ExplorerState, map: PlotRect) {
    if s.view3d.over != Some(super::view3d::Half::Surface) {
        return;
    }
    let Some((x, y)) = s.pointer.hover else {
        return;
    };
    let (px, py) = s.to_pixel(x, y);
    if !((0.0..=f64::from(map.w)).contains(&px) && (0.0..=f64::from(map.h)).contains(&py)) {
        return;
    }
    let ppp = painter.pixels_per_point();
    let c = egui::pos2((map.x + px as f32) / ppp, (map.y + py as f32) / ppp);
    let r = HOVER_BALL_PX * 1.6 * s.pointer.mark_scale / ppp;
    let (dark, light) = (egui::Color32::BLACK, egui::Color32::WHITE);
    painter.circle_stroke(
        c,
        r,
        egui::Stroke::new(4.0 * s.pointer.mark_scale / ppp, dark),
    );
    painter.circle_stroke(
        c,
        r,
        egui::Stroke::new(2.0 * s.pointer.mark_scale / ppp, light),
    );
}

/// Title, colour bar and read-out around the surface shown alone (the map's overlay paints
/// them otherwise), and the canvas's words for screen readers.
fn paint_words(painter: &egui::Painter, s: &ExplorerState, at: PlotRect, f: &OverlayFrame) {
    let words = frame_words(s);
    let (a, b) = s.var_names();
    let input = OverlayInput {
        view: s.shown_view(),
        plot: at,
        colorbar: colorbar(s, f),
        title: &words.title,
        subtitle: Some(&words.subtitle),
        axis_names: (&a, &b),
        labels: &[],
        contour_labels: None,
        scale: f.scale,
        theme: s.doc.theme,
        extra: words.extra(),
        colorbar_label: None,
        legend: &[],
        pin: None,
        panel: None,
        data: None,
    };
    paint_frame_text(painter, &input);
    super::canvas::speak(painter.ctx(), s);
}

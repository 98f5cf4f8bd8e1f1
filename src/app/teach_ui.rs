//! The teaching tools on screen: the right-hand "slices" panel (f(x, y₀) and f(x₀, y) with
//! their tangent lines and slopes, the directional derivative with its polar plot). The
//! slices' formulas, the typed pin and the gradient check at the pin are drawn by `pin_ui`;
//! the marks on the canvas by `teach_marks` (re-exported here as `paint_canvas`).

use egui::{Color32, RichText, Ui};
use egui_plot::{Line, Plot, PlotPoint, Points, Text};

use super::state::ExplorerState;
use super::teach::DirectionalReadout;
use crate::expr::Var;
use crate::teach::{self, Special, Tangent};

use crate::render::pin_panels as figure;

/// Colour of the x slice (f against x, the horizontal line on the canvas).
pub(crate) const X_SLICE: Color32 = rgb(figure::X_SLICE);
/// Colour of the y slice (f against y, the vertical line on the canvas).
pub(crate) const Y_SLICE: Color32 = rgb(figure::Y_SLICE);
/// Colour of the direction u.
pub(crate) const U_COLOR: Color32 = rgb(figure::U_COLOR);
/// Colour of the gradient arrow.
pub(crate) const GRAD_COLOR: Color32 = rgb(figure::GRAD_COLOR);

/// A figure colour as egui's (the explorer and `render --pin` draw the pin alike).
const fn rgb(c: [u8; 4]) -> Color32 {
    Color32::from_rgb(c[0], c[1], c[2])
}

/// Samples per slice curve.
const SLICE_SAMPLES: usize = 240;
/// The least width and height of a plot in points: the panel's width at 300% in a 720p window
/// is under egui_plot's default 64.
const PLOT_MIN: f32 = 24.0;
/// Height of each plot in points.
const PLOT_HEIGHT: f32 = 170.0;

/// A slope as the plots and canvas write it ("2.000", "−0.500", or short form when large),
/// with the minus sign people read: the figure's own rule.
pub(crate) use crate::render::pin_panels::slope_text;

/// The right-hand panel's contents for the pinned point.
pub(crate) fn slices_panel(ui: &mut Ui, s: &mut ExplorerState) {
    let Some((x0, y0)) = s.doc.pin else {
        return;
    };
    let (a, b) = s.var_names();
    ui.heading("Slices at the pin");
    let held = super::pin_ui::coordinate_text;
    ui.label(format!("{a}₀ = {}   {b}₀ = {}", held(x0), held(y0)));
    super::pin_ui::pin_field(ui, s);
    let Some(t) = s.pin_tangent() else {
        ui.label("f is undefined at the pin");
        return;
    };
    ui.label(format!("f = {}", crate::numfmt::short(t.f)));
    let v = s.shown_view();
    egui::ScrollArea::vertical().show(ui, |ui| {
        let slope = |name: &str, v: f64| format!("   ∂f/∂{name} = {}", slope_text(v));
        ui.label(
            RichText::new(format!("f({a}, {b}₀) against {a}{}", slope(&a, t.slope_x)))
                .color(X_SLICE),
        );
        super::pin_ui::slice_formulas(ui, s, Var::Y, y0, X_SLICE);
        let samples = teach::slice_x(&s.doc.function, y0, (v.x0, v.x1), SLICE_SAMPLES);
        slice_plot(ui, "slice-x", &samples, &t, Axis::X, (&a, (v.x0, v.x1)));
        ui.label(
            RichText::new(format!("f({a}₀, {b}) against {b}{}", slope(&b, t.slope_y)))
                .color(Y_SLICE),
        );
        super::pin_ui::slice_formulas(ui, s, Var::X, x0, Y_SLICE);
        let samples = teach::slice_y(&s.doc.function, x0, (v.y0, v.y1), SLICE_SAMPLES);
        slice_plot(ui, "slice-y", &samples, &t, Axis::Y, (&b, (v.y0, v.y1)));
        ui.label(RichText::new(s.pin_gradient_text(&t)).strong());
        ui.separator();
        super::curvature_ui::section(ui, s);
        ui.separator();
        super::pin_ui::check_section(ui, s);
        ui.separator();
        directional_section(ui, s);
    });
}

#[derive(Clone, Copy, PartialEq)]
enum Axis {
    X,
    Y,
}

/// One slice with the tangent line at the pin and its slope written beside it.
fn slice_plot(
    ui: &mut Ui,
    id: &str,
    samples: &[teach::SliceSample],
    t: &Tangent,
    axis: Axis,
    (name, range): (&str, (f64, f64)),
) {
    let (span, mid) = (range.1 - range.0, (range.0 + range.1) / 2.0);
    let (color, at, slope) = match axis {
        Axis::X => (X_SLICE, t.x, t.slope_x),
        Axis::Y => (Y_SLICE, t.y, t.slope_y),
    };
    let line = |s: f64| match axis {
        Axis::X => t.line_x(s),
        Axis::Y => t.line_y(s),
    };
    // The tangent is drawn over a fifth of the view so a steep one does not flatten the curve.
    let half = span / 10.0;
    let ends = [at - half, at + half];
    let label = format!("∂f/∂{name} = {}", slope_text(slope));
    let shown = Plot::new(id)
        .show_background(false)
        .height(PLOT_HEIGHT)
        // No wider than the panel (egui_plot's least width is 64 points).
        .min_size(egui::Vec2::splat(PLOT_MIN))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |p| {
            for (i, run) in teach::segments(samples).into_iter().enumerate() {
                p.line(Line::new(format!("f {i}"), run).color(color).width(2.0));
            }
            let tangent = ends.map(|s| [s, line(s)]);
            p.line(
                Line::new("tangent", tangent.to_vec())
                    .color(Color32::WHITE)
                    .width(1.5),
            );
            p.points(
                Points::new("pin", vec![[at, t.f]])
                    .radius(4.0)
                    .color(Color32::WHITE),
            );
            // Written at the tangent's end nearer the middle, extending towards the middle.
            let (end, anchor) = if at > mid {
                (ends[0], egui::Align2::RIGHT_BOTTOM)
            } else {
                (ends[1], egui::Align2::LEFT_BOTTOM)
            };
            let tip = PlotPoint::new(end, line(end));
            let text = RichText::new(label).strong().size(15.0);
            p.text(Text::new("slope", tip, text).anchor(anchor));
        });
    frame_plot(ui, *shown.transform.frame());
}

/// A thin frame around a plot drawn without its background: egui's filled background was the
/// costliest thing in the panel on a software GPU.
pub(crate) fn frame_plot(ui: &Ui, rect: egui::Rect) {
    let stroke = ui.visuals().widgets.noninteractive.bg_stroke;
    ui.painter()
        .rect_stroke(rect, 0.0, stroke, egui::StrokeKind::Inside);
}

pub(crate) fn special_color(sp: Special) -> Color32 {
    rgb(figure::special_color(sp))
}

/// θ slider, D_u f, the angle to ∇f, the named direction, and D_u f over all θ.
fn directional_section(ui: &mut Ui, s: &mut ExplorerState) {
    ui.heading("Directional derivative");
    let mut deg = s.doc.direction.to_degrees();
    // The value box beside its name, wrapping under it where the panel is narrow, and the
    // slider below at the panel's width: in one row they ran past the panel's edge at 150%.
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label("θ of u (°)");
        let value = egui::DragValue::new(&mut deg)
            .range(-180.0..=180.0)
            .speed(1.0)
            .max_decimals(1);
        changed |= ui.add(value).changed();
    });
    changed |= full_width_slider(ui, egui::Slider::new(&mut deg, -180.0..=180.0)).changed();
    if changed {
        s.set_direction(deg.to_radians());
    }
    ui.label("or drag the white handle beside the pin");
    let Some(r) = s.directional_readout() else {
        return;
    };
    ui.label(RichText::new(format!("D_u f = ∇f · u = {}", slope_text(r.value))).size(18.0));
    ui.label(format!(
        "angle(u, ∇f) = {:.1}°   |∇f| = {}",
        r.angle_deg,
        slope_text(r.grad_norm)
    ));
    if let Some(sp) = r.special {
        ui.label(
            RichText::new(sp.text())
                .size(18.0)
                .strong()
                .color(special_color(sp)),
        );
    }
    polar_plot(ui, &r);
}

/// D_u f in polar form: |D_u f| at angle θ, red where it climbs, blue where it falls, with
/// the current u marked.
fn polar_plot(ui: &mut Ui, r: &DirectionalReadout) {
    let curve = teach::directional_curve(r.grad, 181);
    let lobe = |sign: f64| -> Vec<[f64; 2]> {
        curve
            .iter()
            .map(|&(th, d)| {
                let m = (sign * d).max(0.0);
                [m * th.cos(), m * th.sin()]
            })
            .collect()
    };
    let (ux, uy) = teach::unit(r.theta);
    let tip = [r.value.abs() * ux, r.value.abs() * uy];
    let rim = r.grad_norm.max(1e-12);
    let shown = Plot::new("polar-du")
        .show_background(false)
        .height(PLOT_HEIGHT + 30.0)
        // No wider than the panel (egui_plot's least width is 64 points).
        .min_size(egui::Vec2::splat(PLOT_MIN))
        .data_aspect(1.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_x(-rim)
        .include_x(rim)
        .include_y(-rim)
        .include_y(rim)
        .show(ui, |p| {
            p.line(Line::new("D_u f > 0", lobe(1.0)).color(special_color(Special::SteepestAscent)));
            p.line(
                Line::new("D_u f < 0", lobe(-1.0)).color(special_color(Special::SteepestDescent)),
            );
            p.line(Line::new("u", vec![[0.0, 0.0], [rim * ux, rim * uy]]).color(Color32::GRAY));
            p.points(Points::new("D_u f", vec![tip]).radius(5.0).color(U_COLOR));
        });
    frame_plot(ui, *shown.transform.frame());
    ui.label("|D_u f| against θ: red where f climbs, blue where it falls");
}

/// `slider` without its value box, as wide as the panel leaves.
pub(crate) fn full_width_slider(ui: &mut Ui, slider: egui::Slider) -> egui::Response {
    ui.spacing_mut().slider_width = ui.available_width().max(1.0);
    ui.add(slider.show_value(false))
}

pub(crate) use super::teach_marks::paint_canvas;

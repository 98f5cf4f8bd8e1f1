//! The pin on a figure (`render --pin X,Y`): what it shows ([`PinFigure`]: the slices through
//! the pin with their tangent lines, ∇f and the directional derivative along u, all from the
//! exact derivatives, as the explorer's panel computes them) and the side panels painted
//! beside the plot: f(x, y₀) against x and f(x₀, y) against y with the tangent and its
//! slope, and |D_u f| against θ in polar form. The marks on the plot are `pin_marks`.

use egui::{Align2, Color32, Painter, Shape};

use super::chart::{paint_chart, to_px, y_range};
use super::overlay::{PlotRect, Px, Theme};
use crate::expr::Function;
use crate::teach::{self, Special, Tangent};
use crate::view::View;

/// Colour of the x slice (f against x, the horizontal line through the pin).
pub const X_SLICE: [u8; 4] = [255, 150, 40, 255];
/// Colour of the y slice (f against y, the vertical line through the pin).
pub const Y_SLICE: [u8; 4] = [60, 210, 255, 255];
/// Colour of the direction u.
pub const U_COLOR: [u8; 4] = [255, 255, 255, 255];
/// Colour of the gradient arrow.
pub const GRAD_COLOR: [u8; 4] = [255, 80, 80, 255];
/// Within this many degrees of ∇f, the contour or −∇f, u is named as that direction.
pub const SPECIAL_TOL_DEG: f64 = 3.0;
/// Samples per slice curve.
const SLICE_SAMPLES: usize = 240;

/// The colour of a named direction's words and lobe.
pub fn special_color(sp: Special) -> [u8; 4] {
    match sp {
        Special::SteepestAscent => [255, 90, 90, 255],
        Special::AlongContour => [255, 220, 60, 255],
        Special::SteepestDescent => [90, 170, 255, 255],
    }
}

/// A slope as the plots and the canvas write it ("2.000", "−0.500", short form when large).
pub fn slope_text(v: f64) -> String {
    let text = if v.abs() < 1e4 {
        format!("{v:.3}")
    } else {
        crate::numfmt::short(v)
    };
    text.replace('-', "−")
}

/// What a figure's pin shows.
#[derive(Debug, Clone, PartialEq)]
pub struct PinFigure {
    pub tangent: Tangent,
    /// θ of u in radians from +x.
    pub theta: f64,
    /// The axis variables' names.
    pub names: (String, String),
    /// f(x, y₀) over the view's x range and f(x₀, y) over its y range, as runs of defined
    /// samples.
    pub slice_x: Vec<Vec<[f64; 2]>>,
    pub slice_y: Vec<Vec<[f64; 2]>>,
    /// The view's x and y ranges.
    pub range_x: (f64, f64),
    pub range_y: (f64, f64),
}

impl PinFigure {
    /// The pin at `pin` with u at `theta` over `view`; `None` where f or ∇f is undefined.
    pub fn new(function: &Function, pin: (f64, f64), theta: f64, view: &View) -> Option<Self> {
        let tangent = teach::tangent(function, pin)?;
        let (rx, ry) = ((view.x0, view.x1), (view.y0, view.y1));
        Some(PinFigure {
            tangent,
            theta,
            names: (function.vars.x.clone(), function.vars.y.clone()),
            slice_x: teach::segments(&teach::slice_x(function, pin.1, rx, SLICE_SAMPLES)),
            slice_y: teach::segments(&teach::slice_y(function, pin.0, ry, SLICE_SAMPLES)),
            range_x: rx,
            range_y: ry,
        })
    }

    /// D_u f = ∇f · u at the pin.
    pub fn directional(&self) -> f64 {
        teach::directional(self.tangent.grad(), self.theta)
    }

    /// The words of the x slice's panel, as the explorer's panel heads it.
    pub fn x_title(&self) -> String {
        let (a, b) = (&self.names.0, &self.names.1);
        format!(
            "f({a}, {b}₀) against {a}   ∂f/∂{a} = {}",
            slope_text(self.tangent.slope_x)
        )
    }

    /// The words of the y slice's panel.
    pub fn y_title(&self) -> String {
        let (a, b) = (&self.names.0, &self.names.1);
        format!(
            "f({a}₀, {b}) against {b}   ∂f/∂{b} = {}",
            slope_text(self.tangent.slope_y)
        )
    }

    /// The words of the polar panel: D_u f and θ.
    pub fn u_title(&self) -> String {
        format!(
            "D_u f = ∇f · u = {}   θ = {:.1}°",
            slope_text(self.directional()),
            self.theta.to_degrees()
        )
    }
}

/// Paints the three panels into `area` (right of the plot): the two slices and the polar
/// plot, stacked.
pub(crate) fn paint_panels(
    painter: &Painter,
    px: &Px,
    pin: &PinFigure,
    area: PlotRect,
    theme: Theme,
) {
    let gap = 1.0 * px.font;
    let head = 1.5 * px.font;
    let h = ((area.h - 2.0 * gap) / 3.0).max(1.0);
    let panel = |k: usize| PlotRect {
        x: area.x,
        y: area.y + k as f32 * (h + gap),
        w: area.w,
        h,
    };
    let t = &pin.tangent;
    let ink = |c: [u8; 4]| {
        let [r, g, b, a] = theme.ink(c);
        Color32::from_rgba_unmultiplied(r, g, b, a)
    };
    let half = |r: (f64, f64)| (r.1 - r.0) / 10.0;
    let tangent_x: Vec<[f64; 2]> = [t.x - half(pin.range_x), t.x + half(pin.range_x)]
        .iter()
        .map(|&s| [s, t.line_x(s)])
        .collect();
    let tangent_y: Vec<[f64; 2]> = [t.y - half(pin.range_y), t.y + half(pin.range_y)]
        .iter()
        .map(|&s| [s, t.line_y(s)])
        .collect();
    let slices = [
        (
            &pin.slice_x,
            tangent_x,
            X_SLICE,
            t.x,
            pin.x_title(),
            pin.range_x,
        ),
        (
            &pin.slice_y,
            tangent_y,
            Y_SLICE,
            t.y,
            pin.y_title(),
            pin.range_y,
        ),
    ];
    for (k, (runs, tangent, color, at, title, range)) in slices.into_iter().enumerate() {
        let r = panel(k);
        let chart = PlotRect {
            y: r.y + head,
            h: (r.h - head - 1.6 * px.font).max(1.0),
            x: r.x + 3.2 * px.font,
            w: (r.w - 3.4 * px.font).max(1.0),
        };
        painter.text(
            px.pos(r.x, r.y),
            Align2::LEFT_TOP,
            title,
            px.font_id(0.95 * px.font),
            ink(color),
        );
        let mut curves: Vec<(&[[f64; 2]], Color32, f32)> = runs
            .iter()
            .map(|run| (run.as_slice(), ink(color), 2.0))
            .collect();
        curves.push((&tangent, theme.text(), 1.5));
        let ys = y_range(&curves, range);
        paint_chart(painter, px, chart, (range, ys), &curves, theme);
        let dot = to_px(chart, (range, ys), [at, t.f]);
        painter.circle(
            px.pos(dot[0], dot[1]),
            0.28 * px.font / px.ppp,
            theme.text(),
            px.stroke(1.0, theme.background_color()),
        );
    }
    paint_polar(painter, px, pin, panel(2), head, theme);
}

/// |D_u f| against θ: the lobe where f climbs, the one where it falls, and u with its value.
fn paint_polar(painter: &Painter, px: &Px, pin: &PinFigure, r: PlotRect, head: f32, theme: Theme) {
    let grad = pin.tangent.grad();
    let value = pin.directional();
    let special = teach::special_direction(grad, pin.theta, SPECIAL_TOL_DEG);
    let words = special.map_or(theme.text(), |sp| {
        let [r, g, b, a] = theme.ink(special_color(sp));
        Color32::from_rgba_unmultiplied(r, g, b, a)
    });
    painter.text(
        px.pos(r.x, r.y),
        Align2::LEFT_TOP,
        pin.u_title(),
        px.font_id(0.95 * px.font),
        words,
    );
    let side = (r.h - head - 1.2 * px.font).min(r.w).max(1.0);
    let centre = [r.x + 0.5 * r.w, r.y + head + 0.5 * side];
    let rim = grad.0.hypot(grad.1).max(1e-12);
    let scale = 0.46 * side as f64 / rim;
    let at = |th: f64, m: f64| {
        px.pos(
            centre[0] + (m * scale * th.cos()) as f32,
            centre[1] - (m * scale * th.sin()) as f32,
        )
    };
    painter.circle_stroke(
        px.pos(centre[0], centre[1]),
        (rim * scale) as f32 / px.ppp,
        px.stroke(1.0, theme.grid()),
    );
    let curve = teach::directional_curve(grad, 181);
    for (sign, sp) in [
        (1.0, Special::SteepestAscent),
        (-1.0, Special::SteepestDescent),
    ] {
        let [cr, cg, cb, ca] = theme.ink(special_color(sp));
        let color = Color32::from_rgba_unmultiplied(cr, cg, cb, ca);
        let mut points: Vec<_> = curve
            .iter()
            .map(|&(th, d)| at(th, (sign * d).max(0.0)))
            .collect();
        points.push(points[0]);
        painter.add(Shape::line(
            points,
            px.stroke(2.0 * px.scale.max(0.7), color),
        ));
    }
    let ink_u = {
        let [r, g, b, a] = theme.ink(U_COLOR);
        Color32::from_rgba_unmultiplied(r, g, b, a)
    };
    painter.line_segment(
        [at(0.0, 0.0), at(pin.theta, rim)],
        px.stroke(1.0 * px.scale.max(0.7), Color32::GRAY),
    );
    painter.text(
        px.pos(r.x, r.bottom()),
        Align2::LEFT_BOTTOM,
        "|D_u f| against θ: red where f climbs, blue where it falls",
        px.font_id(0.8 * px.font),
        theme.text(),
    );
    let tip = at(pin.theta, value.abs());
    painter.circle(
        tip,
        0.3 * px.font / px.ppp,
        ink_u,
        px.stroke(1.0, Color32::BLACK),
    );
}

//! The 3D view's labels: tick values, axis names and slopes of a `surface::Marks3` painted
//! with egui at their `Camera::project` pixels inside the viewport, in the theme's text
//! colour on a halo box, at the 2D overlay's type size (18 px × the figure's scale, so it grows
//! with the UI scale and presentation mode). Labels behind the eye or whose point is outside
//! the viewport are left out, those reaching over its edge are slid inside, and a label that would overlap one already placed is thinned out (earlier
//! labels win: the pin's, then the axis names, then the ticks). Also here: the axes' tick
//! values for the 3D box by the 2D axes' and the colour bar's rules, and the theme's colours
//! for the marks.

use egui::{Color32, Painter};
use glam::{DVec2, DVec3};

use super::layout::{PlotRect, BASE_FONT_PX};
use super::overlay::{haloed_text, Px, Theme};
use super::ticks::{axis_ticks, AxisTick};
use crate::surface::{Anchor3, Axes3, BoxMap, Camera, Frame3, Heights, Marks3, Style3, Tick3};

/// About one tick per this many pixels of an axis's projected length, at scale 1.
pub const TICK_SPACING_3D_PX: f32 = 110.0;

/// What the 3D overlay paints: the marks' labels seen by `camera` in `frame`, drawn in the
/// viewport `rect` (pixels of the painter's target; `frame.size` is its size).
#[derive(Debug, Clone, Copy)]
pub struct Overlay3<'a> {
    pub marks: &'a Marks3,
    pub camera: &'a Camera,
    pub frame: &'a Frame3,
    pub rect: PlotRect,
    /// Type size factor, `FigureLayout::scale` (or `for_presentation`'s).
    pub scale: f32,
    pub theme: Theme,
}

/// A label where the overlay painted it.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed3 {
    /// Its box (text and halo) in pixels of the target.
    pub rect: PlotRect,
    pub text: String,
    /// The pixel its anchor point projects to.
    pub anchor_px: [f32; 2],
    pub anchor: Anchor3,
    /// The label's colour (RGBA8 sRGB).
    pub color: [u8; 4],
}

/// The type size in pixels for a scale (non-positive or non-finite counts as 1).
pub fn label_px(scale: f32) -> f32 {
    BASE_FONT_PX
        * if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        }
}

/// Where each label goes, text measured by `measure` (width, height in pixels at the label
/// size); the labels left out are not returned.
pub fn place_labels3(input: &Overlay3, measure: &mut dyn FnMut(&str) -> [f32; 2]) -> Vec<Placed3> {
    let font = label_px(input.scale);
    let pad = 0.25 * font;
    let gap = 0.35 * font;
    let origin = DVec2::new(f64::from(input.rect.x), f64::from(input.rect.y));
    let centre = input
        .camera
        .project(input.frame, input.frame.center)
        .map(|(p, _)| p + origin);
    let mut placed: Vec<Placed3> = Vec::new();
    for label in &input.marks.labels {
        let Some((p, depth)) = input.camera.project(input.frame, label.at) else {
            continue;
        };
        if !(0.0..=1.0).contains(&depth) || !p.is_finite() {
            continue;
        }
        let p = p + origin;
        let [tw, th] = measure(&label.text);
        let (w, h) = (f64::from(tw + 2.0 * pad), f64::from(th + 2.0 * pad));
        let mid = match label.anchor {
            Anchor3::Center => p,
            Anchor3::Above => p - DVec2::new(0.0, f64::from(gap) + 0.5 * h),
            Anchor3::Outward => {
                let d = centre.map_or(DVec2::ZERO, |c| p - c).normalize_or(DVec2::Y);
                p + d * (f64::from(gap) + 0.5 * (d.x.abs() * w + d.y.abs() * h))
            }
        };
        let rect = PlotRect {
            x: (mid.x - 0.5 * w) as f32,
            y: (mid.y - 0.5 * h) as f32,
            w: w as f32,
            h: h as f32,
        };
        let Some(rect) = slid_inside(rect, input.rect, [p.x as f32, p.y as f32]) else {
            continue;
        };
        if placed.iter().any(|q| q.rect.overlaps(&rect)) {
            continue;
        }
        placed.push(Placed3 {
            rect,
            text: label.text.clone(),
            anchor_px: [p.x as f32, p.y as f32],
            anchor: label.anchor,
            color: label.color,
        });
    }
    placed
}

/// `rect` moved the least to lie inside `view`; None where its anchor `at` is outside the
/// view or the label is larger than the view.
fn slid_inside(rect: PlotRect, view: PlotRect, at: [f32; 2]) -> Option<PlotRect> {
    let inside =
        (view.x..=view.right()).contains(&at[0]) && (view.y..=view.bottom()).contains(&at[1]);
    if !inside || rect.w > view.w || rect.h > view.h {
        return None;
    }
    Some(PlotRect {
        x: rect.x.clamp(view.x, view.right() - rect.w),
        y: rect.y.clamp(view.y, view.bottom() - rect.h),
        ..rect
    })
}

/// A label's width and height in pixels at the label size for `scale`, measured with
/// `painter`'s fonts: the `measure` that [`axes3`] takes.
pub fn measurer(painter: &Painter, scale: f32) -> impl FnMut(&str) -> [f32; 2] + '_ {
    let px = Px::new(painter, label_px(scale) / BASE_FONT_PX);
    move |t: &str| {
        let s = px.measure(painter, t, px.font);
        [s.x, s.y]
    }
}

/// Paints the labels of `input` (clipped to its viewport) and returns where they went.
pub fn paint_labels3(painter: &Painter, input: &Overlay3) -> Vec<Placed3> {
    let px = Px::new(painter, label_px(input.scale) / BASE_FONT_PX);
    let clip = painter.with_clip_rect(input.rect.to_egui(px.ppp));
    let mut measure = |t: &str| {
        let s = px.measure(&clip, t, px.font);
        [s.x, s.y]
    };
    let placed = place_labels3(input, &mut measure);
    for p in &placed {
        haloed_text(
            &clip,
            &px,
            p.rect,
            &p.text,
            px.font,
            rgba(p.color),
            input.theme,
        );
    }
    placed
}

fn rgba(c: [u8; 4]) -> Color32 {
    Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3])
}

/// The theme's colours for the 3D marks at size factor `scale`.
pub fn style3(theme: Theme, scale: f32) -> Style3 {
    let text = theme.text().to_srgba_unmultiplied();
    let mut axis = text;
    axis[3] = 200;
    Style3 {
        text,
        grid: theme.grid().to_srgba_unmultiplied(),
        axis,
        scale: scale * theme.line_factor(),
    }
}

/// The ticks of the 3D box for `camera`: x and y by the 2D axes' rule over the view (about one
/// per [`TICK_SPACING_3D_PX`] of the edge's length on screen), f by the colour bar's rule over
/// the colour range; `measure` gives a label's width and height in pixels; `names` are the
/// axes' names (x, y, f).
pub fn axes3(
    map: &BoxMap,
    camera: &Camera,
    frame: &Frame3,
    scale: f32,
    names: [String; 3],
    measure: &mut dyn FnMut(&str) -> [f32; 2],
) -> Axes3 {
    let (ey, ex, (cx, cy)) = crate::surface::build_axes::axis_edges(map, camera, frame);
    let h = map.half;
    let on_screen = |a: DVec3, b: DVec3| match (camera.project(frame, a), camera.project(frame, b))
    {
        (Some((a, _)), Some((b, _))) => (a - b).length() as f32,
        _ => 0.0,
    };
    let lx = on_screen(DVec3::new(-h.x, ey, 0.0), DVec3::new(h.x, ey, 0.0));
    let ly = on_screen(DVec3::new(ex, -h.y, 0.0), DVec3::new(ex, h.y, 0.0));
    let lf = on_screen(DVec3::new(cx, cy, 0.0), DVec3::new(cx, cy, map.height));
    let s = label_px(scale) / BASE_FONT_PX;
    let spacing = TICK_SPACING_3D_PX * s;
    let gap = 0.8 * BASE_FONT_PX * s;
    let v = map.view;
    let ticks = |t: Vec<AxisTick>| -> Vec<Tick3> {
        t.into_iter()
            .map(|t| Tick3 {
                value: t.value,
                text: t.label,
            })
            .collect()
    };
    let x = ticks(axis_ticks(v.x0, v.x1, lx, spacing, gap, &mut |t| {
        measure(t)[0]
    }));
    let y = ticks(axis_ticks(v.y0, v.y1, ly, spacing, gap, &mut |t| {
        measure(t)[0]
    }));
    let f = ticks(f_ticks(&map.heights, lf, spacing, gap * 0.5, measure));
    Axes3 { x, y, f, names }
}

/// The colour bar's values for the colour range of `heights`, on an axis `length_px` long.
fn f_ticks(
    heights: &Heights,
    length_px: f32,
    spacing: f32,
    gap: f32,
    measure: &mut dyn FnMut(&str) -> [f32; 2],
) -> Vec<AxisTick> {
    let (min, max) = (unmap(heights, heights.vlo), unmap(heights, heights.vhi));
    if !(min.is_finite() && max.is_finite()) || length_px < 1.0 {
        return Vec::new();
    }
    // The colour bar's rule needs only its range and scale from the bar.
    static NO_LUT: [[u8; 4]; 256] = [[0; 4]; 256];
    let bar = super::colorbar::ColorBar {
        rect: PlotRect {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: length_px,
        },
        lut: &NO_LUT,
        min,
        max,
        log: heights.log,
        has_undefined: false,
        clipped_below: false,
    };
    super::colorbar::colorbar_ticks(&bar, length_px, spacing, gap, &mut |t| measure(t)[1])
}

/// f of a mapped value (the inverse of `Heights::map_value`).
fn unmap(h: &Heights, v: f64) -> f64 {
    if !h.log {
        v
    } else if h.shift == 0.0 && h.delta == 0.0 {
        10f64.powf(v)
    } else {
        10f64.powf(v) + h.shift - h.delta
    }
}

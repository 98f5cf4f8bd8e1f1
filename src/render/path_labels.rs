//! The path labels ("step 12  f = 0.031" beside each path's current point): laid out so that
//! none covers another ([`super::label_layout`]), then painted as egui text over boxes that
//! the path pass draws (a box is far cheaper in that shader than in egui's on a software GPU).

use egui::{Align2, Color32, Painter, Rect};

use super::label_layout::{place_box, place_boxes};
use super::layout::PlotRect;
use super::overlay::{Label, OverlayInput, Px};
use super::paths::LabelBox;

/// A path label laid out: its box in pixels, and whether the box was moved off its first
/// place to clear another (it then gets a leader line back to its point).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlacedLabel<'a> {
    pub label: &'a Label,
    pub rect: PlotRect,
    pub moved: bool,
}

/// The path labels of `input` with finite positions, measured with `painter`'s fonts and
/// placed so that none covers another.
pub(crate) fn place_labels<'a>(
    painter: &Painter,
    input: &OverlayInput<'a>,
) -> Vec<PlacedLabel<'a>> {
    let px = Px::for_input(painter, input);
    let size_px = label_size_px(&px);
    let pad = 0.3 * size_px;
    let labels: Vec<&Label> = input
        .labels
        .iter()
        .filter(|l| l.pos.iter().all(|v| v.is_finite()))
        .collect();
    let items: Vec<([f32; 2], egui::Vec2)> = labels
        .iter()
        .map(|l| {
            let text = px.measure(painter, &l.text, size_px);
            (l.pos, text + egui::vec2(2.0 * pad, pad))
        })
        .collect();
    let clip = painter.clip_rect();
    let bounds = Rect::from_min_max(
        (clip.min.to_vec2() * px.ppp).to_pos2(),
        (clip.max.to_vec2() * px.ppp).to_pos2(),
    );
    let offset = 0.6 * size_px;
    let boxes = place_boxes(&items, offset, 0.3 * size_px, bounds);
    labels
        .into_iter()
        .zip(boxes)
        .zip(items)
        .map(|((label, rect), (pos, size))| PlacedLabel {
            label,
            rect,
            moved: rect != place_box(pos[0], pos[1], size, offset, bounds),
        })
        .collect()
}

/// The text of the path labels painted with egui, and their boxes returned for the path pass
/// to draw under it.
pub(crate) fn paint_label_text(painter: &Painter, input: &OverlayInput) -> Vec<LabelBox> {
    let px = Px::for_input(painter, input);
    let size_px = label_size_px(&px);
    let fill = input.theme.halo().to_srgba_unmultiplied();
    place_labels(painter, input)
        .into_iter()
        .map(|p| {
            let color = label_color(p.label);
            let rect = p.rect.to_egui(px.ppp);
            painter.text(
                rect.center(),
                Align2::CENTER_CENTER,
                &p.label.text,
                px.font_id(size_px),
                color,
            );
            LabelBox {
                rect: p.rect,
                radius: label_radius(size_px),
                outline_px: label_outline_px(&px),
                outline: p.label.color.map(|c| f32::from(c) / 255.0),
                fill,
                leader_from: p.moved.then_some(p.label.pos),
            }
        })
        .collect()
}

fn label_color(label: &Label) -> Color32 {
    let [r, g, b, a] = label.color;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// Type size of path labels in pixels.
fn label_size_px(px: &Px) -> f32 {
    1.2 * px.font
}

/// Corner radius of a label's box for type `size_px` high.
fn label_radius(size_px: f32) -> f32 {
    0.25 * size_px
}

/// Width of a label's outline (and leader line) in pixels.
fn label_outline_px(px: &Px) -> f32 {
    2.0 * px.scale
}

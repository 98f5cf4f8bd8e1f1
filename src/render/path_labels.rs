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
    // Inside the plot: a label out in the margin would cover the ticks or the colour bar.
    let clip = painter.clip_rect();
    let p = input.plot;
    let plot = Rect::from_min_max(egui::pos2(p.x, p.y), egui::pos2(p.right(), p.bottom()));
    let bounds = Rect::from_min_max(
        (clip.min.to_vec2() * px.ppp).to_pos2(),
        (clip.max.to_vec2() * px.ppp).to_pos2(),
    )
    .intersect(plot);
    let offset = 0.6 * size_px;
    let boxes = place_boxes(
        &items,
        offset,
        0.3 * size_px,
        bounds,
        &start_markers(input, &px),
    );
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
            let ink = input.theme.ink(p.label.color);
            let color = label_color(ink);
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
                outline: ink.map(|c| f32::from(c) / 255.0),
                fill,
                leader_from: p.moved.then_some(p.label.pos),
            }
        })
        .collect()
}

/// The boxes no label may cover: each path's start ring with its outline.
fn start_markers(input: &OverlayInput, px: &Px) -> Vec<PlotRect> {
    let half = (super::path_trace::START_RING_PX + 2.5) * px.scale.max(1.0);
    input
        .labels
        .iter()
        .filter_map(|l| l.start)
        .filter(|p| p.iter().all(|v| v.is_finite()))
        .map(|[x, y]| PlotRect {
            x: x - half,
            y: y - half,
            w: 2.0 * half,
            h: 2.0 * half,
        })
        .collect()
}

fn label_color([r, g, b, a]: [u8; 4]) -> Color32 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::overlay::Theme;

    fn input<'a>(labels: &'a [Label]) -> OverlayInput<'a> {
        OverlayInput {
            view: crate::View::new(-1.0, 1.0, -1.0, 1.0).expect("a view"),
            plot: PlotRect {
                x: 0.0,
                y: 0.0,
                w: 800.0,
                h: 600.0,
            },
            colorbar: None,
            title: "f",
            subtitle: None,
            axis_names: ("x", "y"),
            labels,
            contour_labels: None,
            scale: 1.0,
            theme: Theme::Dark,
            extra: None,
            colorbar_label: None,
            legend: &[],
            pin: None,
            panel: None,
            data: None,
        }
    }

    #[test]
    fn a_path_label_never_covers_its_start_marker() {
        // Reproduces a path that took a few steps down-left of its start: its label, placed
        // up-right of the current point, used to sit on the start ring.
        let ctx = egui::Context::default();
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .drop_without_applying_deltas();
        let clip = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(800.0, 600.0));
        let painter = Painter::new(ctx, egui::LayerId::background(), clip);
        let labels = [Label {
            pos: [290.0, 310.0],
            text: "step 3  f = 0.25".into(),
            color: [255, 255, 255, 255],
            start: Some([300.0, 300.0]),
        }];
        let inp = input(&labels);
        let px = Px::for_input(&painter, &inp);
        let markers = start_markers(&inp, &px);
        assert_eq!(markers.len(), 1);
        let size = px.measure(&painter, &labels[0].text, label_size_px(&px));
        let size = size + egui::vec2(0.6 * label_size_px(&px), 0.3 * label_size_px(&px));
        let first = place_box(290.0, 310.0, size, 0.6 * label_size_px(&px), clip);
        assert!(
            first.overlaps(&markers[0]),
            "the old place covers the start"
        );
        let placed = place_labels(&painter, &inp);
        assert!(
            !placed[0].rect.overlaps(&markers[0]),
            "{:?} covers {:?}",
            placed[0].rect,
            markers[0]
        );
        assert!(placed[0].moved, "a moved label gets a leader line");
    }
}

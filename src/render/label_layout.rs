//! Where path labels go: each box up-right of its point (flipped at the figure's edges), and
//! a box that would cover one placed before it, or an obstacle (the paths' start markers),
//! moved up or down out of its way, so that paths ending close together (a learning-rate
//! sweep from one start, say) keep readable labels and every start stays visible.
//!
//! Pure geometry in pixels; the overlay measures the text and paints the boxes.

use super::layout::PlotRect;
use egui::Rect;

/// A box of `size` pixels placed up-right of (x, y) by `offset`, flipped to the other side
/// where it would leave `bounds`, then clamped inside it.
pub(crate) fn place_box(x: f32, y: f32, size: egui::Vec2, offset: f32, bounds: Rect) -> PlotRect {
    let mut bx = x + offset;
    if bx + size.x > bounds.right() {
        bx = x - offset - size.x;
    }
    let mut by = y - offset - size.y;
    if by < bounds.top() {
        by = y + offset;
    }
    PlotRect {
        x: bx.clamp(bounds.left(), (bounds.right() - size.x).max(bounds.left())),
        y: by.clamp(bounds.top(), (bounds.bottom() - size.y).max(bounds.top())),
        w: size.x,
        h: size.y,
    }
}

/// Boxes for labels at `items` (point, box size), in order. Each goes where [`place_box`]
/// puts it unless that covers a box placed before it or one of `obstacles` (with a gap of
/// `gap` pixels); then it moves vertically by whole box heights, nearest first and up before
/// down, to the first place inside `bounds` that is free. Where there is none it stays at its
/// first place.
pub(crate) fn place_boxes(
    items: &[([f32; 2], egui::Vec2)],
    offset: f32,
    gap: f32,
    bounds: Rect,
    obstacles: &[PlotRect],
) -> Vec<PlotRect> {
    let mut placed: Vec<PlotRect> = Vec::with_capacity(items.len());
    for &([x, y], size) in items {
        let first = place_box(x, y, size, offset, bounds);
        let free = |b: &PlotRect| {
            let grown = PlotRect {
                x: b.x - gap,
                y: b.y - gap,
                w: b.w + 2.0 * gap,
                h: b.h + 2.0 * gap,
            };
            placed.iter().chain(obstacles).all(|p| !p.overlaps(&grown))
        };
        let inside = |b: &PlotRect| b.y >= bounds.top() && b.bottom() <= bounds.bottom();
        let step = first.h + gap;
        // Every earlier box or obstacle can block at most a few steps: 2n + 2 each way always
        // suffices to get past all of them.
        let tries = 2 * (placed.len() + obstacles.len()) + 2;
        let chosen = std::iter::once(first)
            .chain((1..=tries).flat_map(|k| {
                [-1.0, 1.0].map(|sign| PlotRect {
                    y: first.y + sign * k as f32 * step,
                    ..first
                })
            }))
            .find(|b| inside(b) && free(b))
            .unwrap_or(first);
        placed.push(chosen);
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds() -> Rect {
        Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(800.0, 600.0))
    }

    #[test]
    fn a_lone_label_sits_up_right_of_its_point() {
        let b = place_boxes(
            &[([100.0, 300.0], egui::vec2(120.0, 20.0))],
            8.0,
            4.0,
            bounds(),
            &[],
        );
        assert_eq!(
            b[0],
            PlotRect {
                x: 108.0,
                y: 272.0,
                w: 120.0,
                h: 20.0
            }
        );
    }

    #[test]
    fn labels_of_points_close_together_do_not_overlap() {
        let size = egui::vec2(150.0, 22.0);
        // Five paths ending within a few pixels of each other.
        let items: Vec<_> = (0..5)
            .map(|i| ([300.0 + 3.0 * i as f32, 300.0 + 2.0 * i as f32], size))
            .collect();
        let b = place_boxes(&items, 8.0, 4.0, bounds(), &[]);
        for i in 0..b.len() {
            assert!(
                b[i].y >= 0.0 && b[i].bottom() <= 600.0,
                "box {i} left the figure"
            );
            for j in 0..i {
                assert!(!b[i].overlaps(&b[j]), "boxes {j} and {i} overlap: {b:?}");
            }
        }
        // The first keeps its place; each other one moves vertically only, and no further
        // than a stack of all five would reach.
        assert_eq!(b[0], place_box(300.0, 300.0, size, 8.0, bounds()));
        for (r, (p, _)) in b.iter().zip(&items) {
            let first = place_box(p[0], p[1], size, 8.0, bounds());
            assert_eq!(r.x, first.x);
            assert!(
                (r.y - first.y).abs() <= 4.0 * 26.0,
                "{r:?} is far from {first:?}"
            );
        }
    }

    #[test]
    fn labels_at_the_top_edge_move_down() {
        let size = egui::vec2(100.0, 20.0);
        let items = [([50.0, 5.0], size), ([52.0, 5.0], size)];
        let b = place_boxes(&items, 8.0, 4.0, bounds(), &[]);
        assert!(!b[0].overlaps(&b[1]));
        assert!(b[1].y > b[0].y, "the second label should go below: {b:?}");
    }

    #[test]
    fn with_no_free_place_a_label_keeps_its_first_place() {
        // A figure one label high: nowhere to move to.
        let tight = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(800.0, 24.0));
        let size = egui::vec2(100.0, 20.0);
        let items = [([50.0, 20.0], size), ([50.0, 20.0], size)];
        let b = place_boxes(&items, 8.0, 4.0, tight, &[]);
        assert_eq!(b[1], place_box(50.0, 20.0, size, 8.0, tight));
    }

    #[test]
    fn a_label_that_would_cover_a_start_marker_moves_off_it() {
        // A path that went down-left from its start at (300, 300): its label, up-right of
        // the current point (290, 310), would cover the start ring.
        let size = egui::vec2(150.0, 22.0);
        let start = PlotRect {
            x: 292.0,
            y: 292.0,
            w: 16.0,
            h: 16.0,
        };
        let items = [([290.0, 310.0], size)];
        let first = place_box(290.0, 310.0, size, 8.0, bounds());
        assert!(first.overlaps(&start), "the reproducer lands on the start");
        let b = place_boxes(&items, 8.0, 4.0, bounds(), &[start]);
        assert!(!b[0].overlaps(&start), "{b:?} covers the start {start:?}");
        assert_eq!(b[0].x, first.x, "moved vertically only");
    }
}

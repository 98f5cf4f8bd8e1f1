//! The pin's panel and marks at every UI scale, and the axis names beside the tick labels,
//! measured without a GPU: the explorer's egui frame is run in a plain `egui::Context` at a
//! window size and the shapes it paints are read back.

use egui::epaint::{CircleShape, ClippedShape};
use egui::{Color32, Context, Event, Pos2, RawInput, Rect, Shape};
use gradfield::app::frame::{run_frame, FieldFacts, FramePlacement};
use gradfield::app::{Button, ExplorerState};

const WINDOWS: [(u32, u32); 2] = [(1920, 1080), (1280, 720)];
const SCALES: [f32; 4] = [1.0, 1.5, 2.0, 3.0];
/// Frames run so far (each is a quarter second later than the one before).
static CLOCK: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn facts() -> FieldFacts {
    FieldFacts {
        range: Some((0.0, 18.0)),
        clipped_below: false,
    }
}

/// A frame's input for a `w`×`h` pixel window at UI scale `k` (in points, as the window's
/// integration gives it: the pixels over the zoom).
fn raw(w: u32, h: u32, k: f32, events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(
            Pos2::ZERO,
            egui::vec2(w as f32 / k, h as f32 / k),
        )),
        events,
        // The time moves on, so that egui's smooth scrolling arrives.
        time: Some(CLOCK.fetch_add(1, std::sync::atomic::Ordering::Relaxed) as f64 * 0.25),
        ..RawInput::default()
    }
}

/// The first preset pinned at (0.5, 0.5) at `scale`, in presentation mode or not.
fn pinned(scale: f32, present: bool) -> ExplorerState {
    let mut s = ExplorerState::from_preset(0).expect("the first preset opens");
    s.doc.ui_scale = scale;
    s.doc.present = present;
    s.set_pin((0.5, 0.5));
    s
}

/// Runs frames until the panels settle, then one more whose shapes are returned.
fn frame(
    ctx: &Context,
    s: &mut ExplorerState,
    (w, h): (u32, u32),
    events: Vec<Event>,
) -> (Vec<ClippedShape>, FramePlacement, f32) {
    for _ in 0..2 {
        run_frame(ctx, raw(w, h, s.doc.ui_scale, vec![]), s, facts(), (w, h))
            .0
            .drop_without_applying_deltas();
    }
    let k = s.doc.ui_scale;
    let (out, placed) = run_frame(ctx, raw(w, h, k, events), s, facts(), (w, h));
    let mut out = out;
    out.textures_delta.clear();
    let ppp = out.pixels_per_point;
    (out.shapes, placed, ppp)
}

fn flat<'a>(shape: &'a Shape, out: &mut Vec<&'a Shape>) {
    match shape {
        Shape::Vec(v) => v.iter().for_each(|s| flat(s, out)),
        s => out.push(s),
    }
}

fn text_rects(shapes: &[ClippedShape], within: Rect) -> Vec<(String, Rect)> {
    let mut found = Vec::new();
    for c in shapes.iter().filter(|c| within.contains_rect(c.clip_rect)) {
        let mut all = Vec::new();
        flat(&c.shape, &mut all);
        for s in all {
            if let Shape::Text(t) = s {
                found.push((t.galley.text().to_owned(), s.visual_bounding_rect()));
            }
        }
    }
    found
}

/// Reproduces "at 150% UI scale with a pin, the θ slider row and D_u f = … run past the right
/// panel's edge": at every scale, for the widths of both windows, no shape of the slices
/// panel ends right of the panel. The window is made taller than the panel's content (egui
/// paints only what is on screen; the panel's width is the same share of the window's width)
/// so that every row is painted.
#[test]
fn the_slices_panel_fits_its_width_at_every_ui_scale() {
    for (w, h) in WINDOWS {
        for scale in SCALES {
            // At 300% in a 1280 pixel window the panel's 15% share is 64 points, narrower
            // than single words of its text: that one needs a wider share (panels.rs).
            // 0.15 is that share (`RIGHT_PANEL_SHARE`).
            if w as f32 * 0.15 / scale < 90.0 {
                continue;
            }
            let size = (w, h * 16);
            let ctx = Context::default();
            let mut s = pinned(scale, false);
            let (shapes, placed, _) = frame(&ctx, &mut s, size, vec![]);
            let canvas = placed.canvas.expect("a canvas");
            let right = w as f32 / scale;
            let tall = size.1 as f32 / scale;
            let (mut n, mut seen_slider_row, mut seen_du) = (0, false, false);
            let mut past = Vec::new();
            // The slices panel's shapes: clipped right of the canvas's middle.
            for c in shapes
                .iter()
                .filter(|c| c.clip_rect.min.x > canvas.center().x)
            {
                let mut all = Vec::new();
                flat(&c.shape, &mut all);
                for sh in all {
                    let r = sh.visual_bounding_rect();
                    if !r.is_positive() {
                        continue;
                    }
                    n += 1;
                    // A plot clips its own lines to its frame (a clip far shorter than the
                    // panel): what of them shows counts. The panel's clip hides (scrolls)
                    // what is past its edge: there the whole shape counts.
                    let r = if c.clip_rect.height() < 0.5 * tall {
                        r.intersect(c.clip_rect)
                    } else {
                        r
                    };
                    let edge = right;
                    let what = match sh {
                        Shape::Text(t) => format!("text {:?}", t.galley.text()),
                        other => format!("{other:?}").chars().take(60).collect(),
                    };
                    if r.max.x > edge + 1.0 {
                        past.push(format!("{what} ends at {:.1}", r.max.x));
                    }
                    if let Shape::Text(t) = sh {
                        seen_slider_row |= t.galley.text().starts_with("θ of u");
                        seen_du |= t.galley.text().starts_with("D_u f = ");
                    }
                }
            }
            assert!(
                past.is_empty(),
                "{w}×{h} at {scale}: past the panel's edge {:.1}: {past:#?}",
                right
            );
            assert!(n > 20, "{w}×{h} at {scale}: only {n} shapes in the panel");
            assert!(seen_slider_row, "{w}×{h} at {scale}: no θ row seen");
            assert!(seen_du, "{w}×{h} at {scale}: no D_u f row seen");
        }
    }
}

/// The painted handle circle (dark fill, white ring) and pin circle (white, black ring).
fn pin_marks(shapes: &[ClippedShape]) -> (CircleShape, CircleShape) {
    let (mut handle, mut pin) = (None, None);
    for c in shapes {
        let mut all = Vec::new();
        flat(&c.shape, &mut all);
        for sh in all {
            if let Shape::Circle(k) = sh {
                if k.fill == Color32::from_black_alpha(120) && k.stroke.color == Color32::WHITE {
                    handle = Some(*k);
                }
                if k.fill == Color32::WHITE && k.stroke.color == Color32::BLACK {
                    pin = Some(*k);
                }
            }
        }
    }
    (handle.expect("a handle circle"), pin.expect("a pin circle"))
}

/// (handle radius, pin radius, ring width, pin-to-handle distance), in pixels.
fn mark_sizes(scale: f32, present: bool) -> [f32; 4] {
    let ctx = Context::default();
    let mut s = pinned(scale, present);
    let (shapes, _, ppp) = frame(&ctx, &mut s, (1920, 1080), vec![]);
    let (h, p) = pin_marks(&shapes);
    [
        h.radius * ppp,
        p.radius * ppp,
        h.stroke.width * ppp,
        (h.center - p.center).length() * ppp,
    ]
}

/// Reproduces "the pin's marks stay the same pixel size at every UI scale": at 200% the
/// handle, the pin, their rings and the handle's distance are twice their size at 100%, and
/// in presentation mode they grow as its type does.
#[test]
fn the_pins_marks_grow_with_the_ui_scale() {
    let one = mark_sizes(1.0, false);
    let two = mark_sizes(2.0, false);
    for (a, b) in one.iter().zip(two) {
        assert!((b / a - 2.0).abs() < 0.05, "100%: {one:?}, 200%: {two:?}");
    }
    let present = mark_sizes(1.0, true);
    for (a, b) in one.iter().zip(present) {
        assert!(b / a > 1.5, "normal: {one:?}, presentation: {present:?}");
    }
}

/// A press at the grown handle's rim (beyond the 100% reach) still grabs it: the drag turns u.
#[test]
fn a_drag_on_the_grown_handle_turns_u() {
    let ctx = Context::default();
    let mut s = pinned(2.0, false);
    let (shapes, placed, ppp) = frame(&ctx, &mut s, (1920, 1080), vec![]);
    let plot = placed.layout.expect("a layout").plot;
    let (h, p) = pin_marks(&shapes);
    let px = |q: Pos2| {
        (
            f64::from(q.x * ppp) - f64::from(plot.x),
            f64::from(q.y * ppp) - f64::from(plot.y),
        )
    };
    let (hx, hy) = px(h.center);
    let (cx, cy) = px(p.center);
    let before = s.doc.direction;
    // 18 px out along u from the handle's centre: inside the grown ring (14 px + 4 px stroke).
    let (dx, dy) = (
        (hx - cx) / (hx - cx).hypot(hy - cy),
        (hy - cy) / (hx - cx).hypot(hy - cy),
    );
    s.pointer_down(hx + 18.0 * dx, hy + 18.0 * dy, Button::Primary);
    // Drag to straight above the pin: u turns to 90°.
    s.pointer_move(cx, cy - 200.0);
    s.pointer_up(cx, cy - 200.0);
    assert!(
        (s.doc.direction - std::f64::consts::FRAC_PI_2).abs() < 1e-6,
        "u is at {} rad (was {before}): the press missed the handle",
        s.doc.direction
    );
}

fn is_tick(text: &str) -> bool {
    text.replace('−', "-").trim().parse::<f64>().is_ok()
}

/// Reproduces "the y-axis name sits next to the 0 tick label": in normal and presentation
/// mode, in both windows, each axis name is clear of every tick label by 0.4 of the label's
/// height, and the y name shares no row with a tick label (it sat on the row of the 0).
#[test]
fn the_axis_names_are_clear_of_the_tick_labels() {
    for present in [false, true] {
        for size in WINDOWS {
            let ctx = Context::default();
            let mut s = ExplorerState::from_preset(0).expect("the first preset opens");
            s.doc.present = present;
            let (shapes, placed, _) = frame(&ctx, &mut s, size, vec![]);
            let canvas = placed.canvas.expect("a canvas").expand(0.5);
            let texts = text_rects(&shapes, canvas);
            let ticks: Vec<_> = texts.iter().filter(|(t, _)| is_tick(t)).collect();
            assert!(
                ticks.len() >= 6,
                "{size:?}: only {} tick labels",
                ticks.len()
            );
            let (a, b) = ("x", "y");
            for name in [a, b] {
                let (_, r) = texts
                    .iter()
                    .find(|(t, _)| t == name)
                    .unwrap_or_else(|| panic!("{size:?}: no axis name {name}"));
                for (t, tr) in &ticks {
                    let clear = r.expand(0.4 * tr.height());
                    assert!(
                        !clear.intersects(*tr),
                        "{size:?} present={present}: axis name {name} at {r:?} touches tick {t} at {tr:?}"
                    );
                    // The y name is on no tick label's row (it read as "y 0" beside the 0).
                    let row = clear.y_range().intersects(tr.y_range());
                    assert!(
                        name != b || !row,
                        "{size:?} present={present}: axis name {name} at {r:?} shares a row with tick {t} at {tr:?}"
                    );
                }
            }
        }
    }
}

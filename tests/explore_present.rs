//! Presentation mode measured without a GPU: the explorer's egui frame is run in a plain
//! `egui::Context` at a window size, the shapes it paints are collected, and every text on
//! the canvas (title, subtitle, ticks, axis names, colour bar, path label, hover read-out,
//! the pin's labels) is converted from its egui size (an em size) to a cap height with the
//! font's own capitals, measured in egui's glyph atlas.

use egui::{Color32, Context, FontFamily, FontId, RawInput, Shape};
use gradfield::app::frame::{run_frame, FieldFacts};
use gradfield::app::{ExplorerState, Key, KeyPress};

/// The cap height of `family` per egui size unit: the height of the bitmap egui rasterises for
/// a capital H at 200 (its top is the cap line, its bottom the baseline), divided by 200.
fn cap_per_em(ctx: &Context, family: &FontFamily) -> f32 {
    const EM: f32 = 200.0;
    let galley = ctx.fonts_mut(|f| {
        f.layout_no_wrap("H".into(), FontId::new(EM, family.clone()), Color32::WHITE)
    });
    let height = galley.rows[0].row.glyphs[0].uv_rect.size.y * ctx.pixels_per_point();
    assert!(height > 0.0, "the capital H was not rasterised");
    height / EM
}

fn texts(shape: &Shape, out: &mut Vec<std::sync::Arc<egui::Galley>>) {
    match shape {
        Shape::Text(t) => out.push(t.galley.clone()),
        Shape::Vec(v) => v.iter().for_each(|s| texts(s, out)),
        _ => {}
    }
}

/// A lecture scene: the first preset with a path that has walked, the pin with its arrows
/// and labels, a hover read-out, a colour bar on a log scale that clipped values below it.
fn lecture(present: bool) -> ExplorerState {
    let mut s = ExplorerState::from_preset(0).expect("the first preset opens");
    s.doc.present = present;
    s.doc.layers.log_scale = true;
    for _ in 0..5 {
        s.key(KeyPress::plain(Key::S));
    }
    s.set_pin((0.5, 0.5));
    s.hover(Some((1.0, -1.0)));
    s
}

/// The smallest cap height (pixels) of any text on the canvas, the title's, and how many
/// texts were measured, for a `w`×`h` window.
fn canvas_caps(s: &mut ExplorerState, w: u32, h: u32) -> (f32, f32, usize) {
    let ctx = Context::default();
    let raw = || RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(w as f32, h as f32),
        )),
        ..RawInput::default()
    };
    let facts = FieldFacts {
        range: Some((0.01, 18.0)),
        clipped_below: true,
    };
    // The first frames load the fonts and settle the panels.
    for _ in 0..2 {
        run_frame(&ctx, raw(), s, facts, (w, h))
            .0
            .drop_without_applying_deltas();
    }
    let (out, placed) = run_frame(&ctx, raw(), s, facts, (w, h));
    let canvas = placed.canvas.expect("the frame has a canvas");
    let ppp = out.pixels_per_point;
    // The title line starts with the preset's title ("Bowl:  f = …").
    let title = gradfield::presets::all()[0].title;
    let (mut smallest, mut title_cap, mut n) = (f32::INFINITY, 0.0f32, 0);
    for clipped in &out.shapes {
        // Canvas texts are clipped to the canvas; the panels' texts are clipped elsewhere.
        if !canvas.expand(0.5).contains_rect(clipped.clip_rect) {
            continue;
        }
        let mut galleys = Vec::new();
        texts(&clipped.shape, &mut galleys);
        for g in galleys.iter().filter(|g| !g.text().trim().is_empty()) {
            for section in &g.job.sections {
                let font = &section.format.font_id;
                let cap = font.size * ppp * cap_per_em(&ctx, &font.family);
                smallest = smallest.min(cap);
                n += 1;
                if g.text().starts_with(title) {
                    title_cap = title_cap.max(cap);
                }
            }
        }
    }
    out.drop_without_applying_deltas();
    (smallest, title_cap, n)
}

/// Reproduces issue 13's "text unreadable on a projector": at 1920×1080 the canvas text of
/// the explorer was ~11 px high; presentation mode makes every canvas text at least 24 px
/// (cap to baseline) and the title at least 36 px, and at 1280×720 the same fraction of
/// the height (16 px and 24 px).
#[test]
fn presentation_mode_sizes_every_canvas_text_for_projection() {
    for (w, h) in [(1920u32, 1080u32), (1280, 720)] {
        let k = h as f32 / 1080.0;
        let mut s = lecture(true);
        let (smallest, title, n) = canvas_caps(&mut s, w, h);
        assert!(n >= 12, "{w}×{h}: only {n} canvas texts found");
        assert!(
            smallest >= 24.0 * k,
            "{w}×{h}: the smallest canvas text is {smallest:.1} px high (want ≥ {:.1})",
            24.0 * k
        );
        assert!(
            title >= 36.0 * k,
            "{w}×{h}: the title is {title:.1} px high (want ≥ {:.1})",
            36.0 * k
        );
    }
}

/// The measurement can fail: outside presentation mode the canvas keeps its figure type,
/// below the projection sizes.
#[test]
fn outside_presentation_mode_the_canvas_text_is_below_projection_size() {
    let mut s = lecture(false);
    let (smallest, _, n) = canvas_caps(&mut s, 1920, 1080);
    assert!(n >= 12, "only {n} canvas texts found");
    assert!(smallest < 24.0, "smallest canvas text {smallest:.1} px");
}

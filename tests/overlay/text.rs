//! Label spacing checked with egui's real fonts: axis tick labels never overlap, and the
//! contour-label box is never narrower than the text egui lays out.

use egui::{Color32, Context, FontId, RawInput};
use gradfield::render::axes::plot_ticks;
use gradfield::render::overlay::{contour_label_size, FigureLayout, OverlayInput, Theme};
use gradfield::View;

/// A context whose fonts are loaded (fonts exist only after a first pass).
fn fonts_ready() -> Context {
    let ctx = Context::default();
    ctx.run_ui(RawInput::default(), |_| {})
        .drop_without_applying_deltas();
    ctx
}

fn measure(ctx: &Context, text: &str, font_px: f32) -> (f32, f32) {
    let g = ctx.fonts_mut(|f| {
        f.layout_no_wrap(
            text.to_owned(),
            FontId::proportional(font_px),
            Color32::WHITE,
        )
    });
    (g.size().x, g.size().y)
}

fn input(view: View, layout: &FigureLayout) -> OverlayInput<'static> {
    OverlayInput {
        view,
        plot: layout.plot,
        colorbar: None,
        title: "f",
        subtitle: None,
        axis_names: ("x", "y"),
        labels: &[],
        contour_labels: None,
        scale: layout.scale,
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
fn axis_tick_labels_never_overlap() {
    let ctx = fonts_ready();
    let views = [
        View::new(-2.0, 2.0, -1.0, 3.0),
        View::new(-1e-5, 1.2e-5, 0.9999, 1.0001),
        View::new(-3e8, 1e9, -1e8, 1e8),
        View::new(123.0, 124.5, -0.004, 0.001),
        View::new(-1e14, 1e14, 5e13, 6e13),
    ];
    for (w, h) in [(1920u32, 1080u32), (640, 360), (800, 1200)] {
        let layout = FigureLayout::for_figure(w, h, 1.0, true);
        let font = 18.0 * layout.scale;
        for v in views.iter().map(|v| v.as_ref().expect("valid test view")) {
            let inp = input(*v, &layout);
            let (xs, ys) = plot_ticks(&inp, &mut |t| measure(&ctx, t, font));
            assert!(
                xs.len() >= 2 && ys.len() >= 2,
                "{v:?} at {w}×{h}: {xs:?} {ys:?}"
            );
            let per_label = layout.plot.w / xs.len() as f32;
            assert!(per_label >= 60.0 * layout.scale, "too dense: {xs:?}");
            for pair in xs.windows(2) {
                let (a, b) = (
                    measure(&ctx, &pair[0].label, font),
                    measure(&ctx, &pair[1].label, font),
                );
                let dist = (pair[1].frac - pair[0].frac) as f32 * layout.plot.w;
                assert!(
                    dist >= (a.0 + b.0) / 2.0,
                    "x labels {pair:?} overlap at {w}×{h}"
                );
            }
            for pair in ys.windows(2) {
                let h_a = measure(&ctx, &pair[0].label, font).1;
                let dist = (pair[1].frac - pair[0].frac) as f32 * layout.plot.h;
                assert!(dist >= h_a, "y labels {pair:?} overlap at {w}×{h}");
            }
            let labels: Vec<&str> = xs.iter().chain(&ys).map(|t| t.label.as_str()).collect();
            assert!(
                labels.iter().all(|l| l.len() <= 12),
                "noisy labels {labels:?}"
            );
        }
    }
}

#[test]
fn contour_label_box_holds_the_laid_out_text() {
    let ctx = fonts_ready();
    for text in [
        "0",
        "-0.25",
        "1e+06",
        "-2.5e-07",
        "12345.678",
        "888888",
        "0.0001",
    ] {
        for font in [11.0f32, 18.0, 32.0] {
            let (bw, bh) = contour_label_size(text, font);
            let (tw, th) = measure(&ctx, text, font);
            assert!(bw >= tw && bh >= th, "'{text}' {tw}×{th} > box {bw}×{bh}");
        }
    }
}

/// In presentation mode the y axis of the lesson's [−4, 4] view had one label, "0": three
/// spacings fit, the step 5 gives three or fewer values, and only 0 of them is inside. An axis
/// gets two or more labels wherever a finer step fits.
#[test]
fn a_presentation_axis_shows_a_scale_not_one_label() {
    let ctx = fonts_ready();
    for (w, h) in [(1250u32, 800u32), (1890, 1080), (1250, 720)] {
        let layout = FigureLayout::for_presentation(w, h, h, 1.0, true);
        let font = 18.0 * layout.scale;
        let v = View::new(-6.2, 6.2, -4.0, 4.0).expect("the lesson's view, widened");
        let (xs, ys) = plot_ticks(&input(v, &layout), &mut |t| measure(&ctx, t, font));
        assert!(ys.len() >= 2, "{w}×{h}: y ticks {ys:?}");
        assert!(xs.len() >= 2, "{w}×{h}: x ticks {xs:?}");
        for pair in ys.windows(2) {
            let h_a = measure(&ctx, &pair[0].label, font).1;
            let dist = (pair[1].frac - pair[0].frac) as f32 * layout.plot.h;
            assert!(dist >= h_a, "y labels {pair:?} overlap at {w}×{h}");
        }
    }
}

//! The colour bar's clipped end, rendered like the rest of the overlay (see `gpu.rs`).

use super::gpu::{lut, render, H, W};
use gradfield::render::overlay::{paint_overlay, ColorBar, FigureLayout, OverlayInput, Theme};
use gradfield::View;

/// A log bar whose zeros and subnormals were clipped (issue 11) ends in a point labelled
/// "clipped": beside the point's tip the background shows where a plain bar has colour, and
/// text appears right of it.
#[test]
fn a_clipped_log_bar_ends_in_a_labelled_point() {
    let theme = Theme::Dark;
    let bg = theme.background();
    let layout = FigureLayout::for_figure(W, H, 1.0, true);
    let lut = lut();
    let draw = |clipped_below: bool| {
        let input = OverlayInput {
            view: View::new(-130.0, 80.0, -90.0, 90.0).expect("valid view"),
            plot: layout.plot,
            colorbar: Some(ColorBar {
                rect: layout.colorbar,
                lut: &lut,
                min: 1.2e-38,
                max: 5.5e34,
                log: true,
                has_undefined: false,
                clipped_below,
            }),
            title: "exp(x)",
            subtitle: None,
            axis_names: ("x", "y"),
            labels: &[],
            contour_labels: None,
            scale: layout.scale,
            theme,
            extra: None,
            colorbar_label: None,
            legend: &[],
            pin: None,
            panel: None,
            data: None,
        };
        render((W, H), 1.0, bg, |p| {
            paint_overlay(p, &input);
        })
    };
    let (plain, clipped) = (draw(false), draw(true));
    let (cb, f) = (layout.colorbar, 18.0 * layout.scale);
    // The end is 1.3 font sizes high with its tip at 0.8 of that; 0.6 down it is a quarter of
    // the bar wide, so 0.1 bar widths in from the left is outside it.
    let end_top = cb.bottom() - 1.3 * f;
    let (x, y) = ((cb.x + 0.1 * cb.w) as u32, (end_top + 0.6 * 1.3 * f) as u32);
    assert_eq!(clipped.px(x, y)[..3], bg[..3], "beside the tip");
    assert_ne!(plain.px(x, y)[..3], bg[..3], "a plain bar has colour there");
    let tip = clipped.px((cb.x + cb.w / 2.0) as u32, (end_top + 0.3 * 1.3 * f) as u32);
    assert!(
        (0..3).all(|c| (tip[c] as i32 - lut[0][c] as i32).abs() <= 2),
        "the point has the lowest colour: {tip:?}"
    );
    let band = (cb.right() + 0.2 * f, W as f32);
    let label = clipped.changed(bg, band, (end_top, cb.bottom()));
    assert!(label > 30, "the 'clipped' label: {label} pixels");
}

//! The renderer's level of detail while something changes (`Renderer::set_resolution`): the
//! layers drawn at ¼ or ⅟₁₆ of the plot's pixels and magnified keep the colours of the full
//! frame (the range follows the same rule over the coarser samples), and the frame drawn at
//! every pixel afterwards equals a fresh renderer's frame pixel for pixel.

mod common_gpu;

use common_gpu::figure::{plot_pixels, plot_pixels_with};
use common_gpu::gpu;
use gradfield::expr::Function;
use gradfield::render::{ArrowDir, RenderSettings, Renderer};
use gradfield::View;

const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8UnormSrgb;

#[test]
fn a_refined_frame_equals_a_fresh_one_pixel_for_pixel() {
    let gpu = gpu();
    let f = Function::parse("(1 - x)^2 + 100 (y - x^2)^2").expect("parses");
    let view = View::new(-2.0, 2.0, -1.0, 3.0).expect("view");
    let size = (480, 320);
    let mut fresh = Renderer::new(&gpu, FORMAT, &f).expect("renderer");
    let want = plot_pixels(&gpu, &mut fresh, &view, size);
    for divisor in [2, 4] {
        let mut r = Renderer::new(&gpu, FORMAT, &f).expect("renderer");
        r.set_resolution(divisor);
        // A pan while coarse, then back where it refines.
        plot_pixels(&gpu, &mut r, &view.panned(0.3, 0.1), size);
        let coarse = plot_pixels(&gpu, &mut r, &view, size);
        assert_eq!(r.drawn_resolution(), divisor);
        assert_ne!(coarse, want, "1/{divisor} draws fewer pixels");
        r.set_resolution(1);
        let refined = plot_pixels(&gpu, &mut r, &view, size);
        assert_eq!(r.drawn_resolution(), 1);
        assert!(
            refined == want,
            "the refined frame after 1/{divisor} differs"
        );
    }
}

/// Mean absolute difference per channel (0–255) between two pictures of the same size.
fn mean_difference(a: &[[u8; 4]], b: &[[u8; 4]]) -> f64 {
    let sum: u64 = a
        .iter()
        .zip(b)
        .flat_map(|(p, q)| (0..3).map(move |k| u64::from(p[k].abs_diff(q[k]))))
        .sum();
    sum as f64 / (a.len() * 3) as f64
}

#[test]
fn a_coarse_frame_keeps_the_colours_and_the_range() {
    let gpu = gpu();
    let size = (640, 400);
    // The heatmap's colours alone: contour lines, which a coarse frame draws blurred, are
    // compared in `a_coarse_frame_keeps_its_contour_lines`.
    let mut settings = RenderSettings {
        show_contours: false,
        ..RenderSettings::default()
    };
    settings.arrows.direction = ArrowDir::None;
    for (text, view) in [
        ("x^2 + y^2", View::new(-3.0, 3.0, -3.0, 3.0)),
        (
            "(1 - x)^2 + 100 (y - x^2)^2",
            View::new(-2.0, 2.0, -1.0, 3.0),
        ),
        (
            "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
            View::new(-5.0, 5.0, -5.0, 5.0),
        ),
    ] {
        let f = Function::parse(text).expect("parses");
        let view = view.expect("view");
        let mut fresh = Renderer::new(&gpu, FORMAT, &f).expect("renderer");
        let full = plot_pixels_with(&gpu, &mut fresh, &view, size, &settings);
        let (lo, hi) = fresh.range().expect("a range");
        let gmax = f64::from(fresh.range_result().expect("a range").gmax);
        for divisor in [2, 4] {
            let mut r = Renderer::new(&gpu, FORMAT, &f).expect("renderer");
            r.set_resolution(divisor);
            let coarse = plot_pixels_with(&gpu, &mut r, &view, size, &settings);
            let (clo, chi) = r.range().expect("a coarse range");
            // The same rule over samples that lie among the full frame's: the range is inside
            // the full one, short at each end by at most what f changes between a pixel and
            // the nearest coarse sample, (d − 1)/√2 pixels away at a corner (gmax: the
            // largest |∇f| per pixel), with a quarter for f32 rounding and curvature.
            let span = f64::from(hi - lo);
            assert!(
                clo >= lo && chi <= hi,
                "{text} 1/{divisor}: {clo}..{chi} in {lo}..{hi}"
            );
            let bound = 1.25 * gmax * f64::from(divisor - 1) / 2f64.sqrt();
            let (below, above) = (f64::from(clo - lo), f64::from(hi - chi));
            assert!(
                below <= bound && above <= bound,
                "{text} 1/{divisor}: range short by {below} and {above} (bound {bound})"
            );
            let short = (below + above) / span;
            // The colours: interpolated between samples instead of taken at each pixel.
            let diff = mean_difference(&coarse, &full);
            println!(
                "{text} 1/{divisor}: range short by {short:.4}, mean colour difference {diff:.2}"
            );
            assert!(
                diff <= 1.5,
                "{text} 1/{divisor}: mean colour difference {diff}"
            );
        }
    }
}

/// The share of pixels darker than the heatmap under them by more than `by` (0–255 summed
/// over the channels): the contour lines' dark cores.
fn dark_share(lines: &[[u8; 4]], plain: &[[u8; 4]], by: i32) -> f64 {
    let sum = |p: &[u8; 4]| i32::from(p[0]) + i32::from(p[1]) + i32::from(p[2]);
    let dark = lines
        .iter()
        .zip(plain)
        .filter(|(l, p)| sum(p) - sum(l) > by)
        .count();
    dark as f64 / lines.len() as f64
}

#[test]
fn a_coarse_frame_keeps_its_contour_lines() {
    let gpu = gpu();
    let size = (640, 400);
    let f = Function::parse("x^2 + y^2").expect("parses");
    let view = View::new(-3.0, 3.0, -3.0, 3.0).expect("view");
    let mut plain = RenderSettings {
        show_contours: false,
        ..RenderSettings::default()
    };
    plain.arrows.direction = ArrowDir::None;
    let mut fresh = Renderer::new(&gpu, FORMAT, &f).expect("renderer");
    let heat = plot_pixels_with(&gpu, &mut fresh, &view, size, &plain);
    let full = plot_pixels(&gpu, &mut fresh, &view, size);
    let want = dark_share(&full, &heat, 45);
    for divisor in [2, 4] {
        let mut r = Renderer::new(&gpu, FORMAT, &f).expect("renderer");
        r.set_resolution(divisor);
        let coarse = plot_pixels(&gpu, &mut r, &view, size);
        let got = dark_share(&coarse, &heat, 45);
        println!("1/{divisor}: dark line pixels {got:.4} against {want:.4}");
        // The lines are there, blurred: no less than a quarter and no more than twice the
        // dark pixels of the frame at every pixel.
        assert!(
            got >= 0.25 * want && got <= 2.0 * want,
            "1/{divisor}: {got} vs {want}"
        );
    }
}

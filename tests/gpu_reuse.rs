//! Reusing the field after a pan by whole pixels (`gpu::field_reuse`): the samples still in
//! view are moved, only the exposed strips are evaluated, and the result equals a fresh
//! evaluation of the new view bit for bit, the moved part and the strips alike; anything else
//! (half a pixel, a zoom, a new function or slider value) is evaluated afresh. A renderer's
//! frames after such pans equal a fresh renderer's pixel for pixel.

mod common_gpu;

use common_gpu::figure::plot_pixels;
use common_gpu::gpu;
use gradfield::expr::Function;
use gradfield::gpu::field::{FieldPass, GradientMode};
use gradfield::gpu::field_reuse::Plan;
use gradfield::gpu::readback::run_pass;
use gradfield::render::Renderer;
use gradfield::View;

const SIZE: (u32, u32) = (61, 47);

fn fresh(gpu: &gradfield::gpu::Gpu, f: &Function, view: &View) -> Vec<[f32; 4]> {
    let mut pass = FieldPass::for_function(&gpu.device, f).expect("pass");
    run_pass(gpu, &mut pass, view, SIZE.0, SIZE.1, GradientMode::Exact).expect("field")
}

/// The view panned by (i, j) whole pixels of a `SIZE` grid (j down).
fn by_pixels(view: &View, i: i32, j: i32) -> View {
    let px = view.width() / f64::from(SIZE.0);
    let py = view.height() / f64::from(SIZE.1);
    view.panned(f64::from(i) * px, -f64::from(j) * py)
}

#[test]
fn a_pan_by_whole_pixels_evaluates_only_the_strips_and_equals_a_fresh_field() {
    let gpu = gpu();
    // ln is undefined left of x = −0.3: defined and undefined samples both move.
    let f = Function::parse("ln(x + 0.3) * y + sin(3x) y^2").expect("parses");
    // Binary fractions: the pans below are exact in f64, so the columns' f32 bits repeat.
    let view = View::new(-1.0, 2.0, -1.5, 1.5).expect("view");
    let mut pass = FieldPass::for_function(&gpu.device, &f).expect("pass");
    pass.set_reuse(true);
    let total = u64::from(SIZE.0 * SIZE.1);
    run_pass(&gpu, &mut pass, &view, SIZE.0, SIZE.1, GradientMode::Exact).unwrap();
    let mut current = view;
    let mut shifted = 0;
    for (i, j) in [(3, 0), (0, 2), (-5, -1), (7, 4), (-2, 3)] {
        current = by_pixels(&current, i, j);
        let got = run_pass(
            &gpu,
            &mut pass,
            &current,
            SIZE.0,
            SIZE.1,
            GradientMode::Exact,
        )
        .unwrap();
        let evaluated = pass.samples_evaluated();
        if matches!(pass.plan(), Plan::Shift { .. }) {
            shifted += 1;
            let exposed = u64::from(i.unsigned_abs()) * u64::from(SIZE.1)
                + u64::from(j.unsigned_abs()) * u64::from(SIZE.0 - i.unsigned_abs());
            assert_eq!(evaluated, exposed, "({i}, {j}): only the exposed strips");
        } else {
            assert_eq!(evaluated, total);
        }
        let want = fresh(&gpu, &f, &current);
        for (k, (g, w)) in got.iter().zip(&want).enumerate() {
            let bits = |s: &[f32; 4]| s.map(f32::to_bits);
            assert_eq!(bits(g), bits(w), "({i}, {j}) sample {k}: {g:?} vs {w:?}");
        }
    }
    assert!(
        shifted >= 4,
        "most of these pans reuse the field ({shifted} of 5)"
    );
}

#[test]
fn anything_else_is_evaluated_afresh() {
    let gpu = gpu();
    let f = Function::parse("x^2 + a y^2").expect("parses");
    let view = View::new(-2.0, 2.0, -2.0, 2.0).expect("view");
    let mut pass = FieldPass::for_function(&gpu.device, &f).expect("pass");
    pass.set_reuse(true);
    let total = u64::from(SIZE.0 * SIZE.1);
    let run = |pass: &mut FieldPass, v: &View| {
        run_pass(&gpu, pass, v, SIZE.0, SIZE.1, GradientMode::Exact).unwrap()
    };
    run(&mut pass, &view);
    // Half a pixel.
    let half = view.panned(0.5 * view.width() / f64::from(SIZE.0), 0.0);
    run(&mut pass, &half);
    assert_eq!(pass.samples_evaluated(), total);
    // The same grid again: nothing to evaluate, and the buffer still holds it.
    let again = run(&mut pass, &half);
    assert_eq!(pass.samples_evaluated(), 0);
    assert_eq!(again, fresh(&gpu, &f, &half));
    // A slider moved (same shader, new value): every sample, even for a whole-pixel pan.
    let mut g = f.clone();
    g.values[0] = 3.0;
    let (grad, value) = gradfield::gpu::field::function_tapes(&g);
    pass.set_function(&gpu.device, &grad, &value).expect("set");
    let moved = by_pixels(&half, 2, 0);
    let got = run(&mut pass, &moved);
    assert_eq!(pass.samples_evaluated(), total);
    assert_eq!(got, fresh(&gpu, &g, &moved));
}

#[test]
fn frames_after_whole_pixel_pans_equal_fresh_frames() {
    let gpu = gpu();
    let f = Function::parse("(1 - x)^2 + 100 (y - x^2)^2").expect("parses");
    let size = (480, 320);
    let plot = common_gpu::figure::layout(size).plot;
    let view = View::new(-2.0, 2.0, -1.0, 3.0).expect("view");
    let (px, py) = (
        view.width() / f64::from(plot.w),
        view.height() / f64::from(plot.h),
    );
    let format = wgpu::TextureFormat::Rgba8UnormSrgb;
    let mut r = Renderer::new(&gpu, format, &f).expect("renderer");
    plot_pixels(&gpu, &mut r, &view, size);
    let mut current = view;
    let mut reused = 0;
    for (i, j) in [(4, 0), (0, -3), (-6, 2)] {
        current = current.panned(f64::from(i) * px, f64::from(j) * py);
        let got = plot_pixels(&gpu, &mut r, &current, size);
        reused += u32::from(r.field().samples_evaluated() < u64::from(plot.w * plot.h));
        let mut fresh_r = Renderer::new(&gpu, format, &f).expect("renderer");
        let want = plot_pixels(&gpu, &mut fresh_r, &current, size);
        assert!(
            got == want,
            "the frame after a pan by ({i}, {j}) pixels differs"
        );
    }
    assert!(
        reused >= 2,
        "the renderer reused the field ({reused} of 3 pans)"
    );
}

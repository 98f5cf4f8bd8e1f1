//! The field's level of detail: a field computed on a grid `s` times coarser is the bilinear
//! interpolation of that coarse field (to f32 rounding), undefined where any sample it is
//! made from is; and after refining, the field and the frame equal a fresh full-resolution
//! field and frame bit for bit and pixel for pixel.

mod common_gpu;

use common_gpu::figure::plot_pixels;
use common_gpu::gpu;
use gradfield::expr::Function;
use gradfield::gpu::field::{FieldPass, GradientMode};
use gradfield::gpu::readback::run_pass;
use gradfield::gpu::upsample::coarse_size;
use gradfield::render::Renderer;
use gradfield::View;

/// The interpolation at fine sample (i, j) in f64, with each channel's tolerance: f32's
/// rounding of the two mixes (a few ulps of the largest corner) and of the position, whose
/// error of about 2⁻²⁰ moves the value by that times the corners' spread.
fn interpolate(
    coarse: &[[f32; 4]],
    (cw, ch): (u32, u32),
    (w, h): (u32, u32),
    i: u32,
    j: u32,
) -> ([f64; 4], [f64; 3]) {
    let around = |u: f64, n: u32| {
        let c = u.clamp(0.0, f64::from(n - 1));
        let i0 = c.floor();
        (
            i0 as usize,
            (i0 + 1.0).min(f64::from(n - 1)) as usize,
            c - i0,
        )
    };
    let (x0, x1, tx) = around(
        (f64::from(i) + 0.5) * f64::from(cw) / f64::from(w) - 0.5,
        cw,
    );
    let (y0, y1, ty) = around(
        (f64::from(j) + 0.5) * f64::from(ch) / f64::from(h) - 0.5,
        ch,
    );
    let at = |x: usize, y: usize| coarse[y * cw as usize + x];
    let (a, b, c, d) = (at(x0, y0), at(x1, y0), at(x0, y1), at(x1, y1));
    let bits = (a[3] as u32) & (b[3] as u32) & (c[3] as u32) & (d[3] as u32);
    let mut out = [0.0; 4];
    let mut tol = [0.0; 3];
    for k in 0..3 {
        let top = f64::from(a[k]) * (1.0 - tx) + f64::from(b[k]) * tx;
        let bottom = f64::from(c[k]) * (1.0 - tx) + f64::from(d[k]) * tx;
        out[k] = if bits & (1 << k) != 0 {
            top * (1.0 - ty) + bottom * ty
        } else {
            0.0
        };
        let corners = [a[k], b[k], c[k], d[k]].map(f64::from);
        let big = corners.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let spread = corners.iter().fold(f64::NEG_INFINITY, |m, &v| m.max(v))
            - corners.iter().fold(f64::INFINITY, |m, &v| m.min(v));
        tol[k] = 8.0 * f64::from(f32::EPSILON) * big + 2f64.powi(-18) * spread;
    }
    out[3] = f64::from(bits);
    (out, tol)
}

#[test]
fn a_strided_field_is_its_coarse_field_interpolated() {
    let gpu = gpu();
    // ln(x) is undefined left of 0: the interpolated field is undefined next to it.
    let f = Function::parse("ln(x + 0.3) * y + sin(3x) y^2").expect("parses");
    let view = View::new(-1.0, 2.0, -1.5, 1.5).expect("view");
    let size = (61, 47);
    let mut pass = FieldPass::for_function(&gpu.device, &f).expect("pass");
    for stride in [2, 4, 8] {
        let grid = coarse_size(size, stride);
        pass.set_stride(1);
        let coarse = run_pass(&gpu, &mut pass, &view, grid.0, grid.1, GradientMode::Exact).unwrap();
        pass.set_stride(stride);
        let fine = run_pass(&gpu, &mut pass, &view, size.0, size.1, GradientMode::Exact).unwrap();
        assert_eq!(pass.stride(), stride);
        for j in 0..size.1 {
            for i in 0..size.0 {
                let (want, tol) = interpolate(&coarse, grid, size, i, j);
                let got = fine[(j * size.0 + i) as usize];
                assert_eq!(
                    f64::from(got[3]),
                    want[3],
                    "bits at ({i}, {j}) stride {stride}"
                );
                for k in 0..3 {
                    let err = (f64::from(got[k]) - want[k]).abs();
                    assert!(
                        err <= tol[k],
                        "({i}, {j}) {k}: {} vs {} ({err:e} > {:e})",
                        got[k],
                        want[k],
                        tol[k]
                    );
                }
            }
        }
    }
}

#[test]
fn a_refined_field_and_frame_equal_fresh_ones() {
    let gpu = gpu();
    let f = Function::parse("x^2 + 3 x y + sin(y)").expect("parses");
    let view = View::new(-2.0, 2.0, -2.0, 2.0).expect("view");
    let size = (64, 40);
    let mut pass = FieldPass::for_function(&gpu.device, &f).expect("pass");
    let fresh = run_pass(&gpu, &mut pass, &view, size.0, size.1, GradientMode::Exact).unwrap();
    pass.set_stride(4);
    let coarse = run_pass(&gpu, &mut pass, &view, size.0, size.1, GradientMode::Exact).unwrap();
    assert_ne!(coarse, fresh, "a stride of 4 changes the field");
    pass.set_stride(1);
    let refined = run_pass(&gpu, &mut pass, &view, size.0, size.1, GradientMode::Exact).unwrap();
    assert_eq!(refined, fresh);
    // The frames: a renderer drawn coarse and then refined draws what a fresh one draws.
    let figure = (320, 240);
    let mut fresh_r =
        Renderer::new(&gpu, wgpu::TextureFormat::Rgba8UnormSrgb, &f).expect("renderer");
    let want = plot_pixels(&gpu, &mut fresh_r, &view, figure);
    let mut r = Renderer::new(&gpu, wgpu::TextureFormat::Rgba8UnormSrgb, &f).expect("renderer");
    r.set_field_stride(8);
    let coarse_px = plot_pixels(&gpu, &mut r, &view, figure);
    assert_ne!(coarse_px, want);
    r.set_field_stride(1);
    assert_eq!(plot_pixels(&gpu, &mut r, &view, figure), want);
}

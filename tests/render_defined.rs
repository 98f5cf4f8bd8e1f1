//! Renderer tests on a real GPU (lavapipe where there is none) for issue 11: where f is
//! defined but its gradient is not, the heatmap draws and arrows do not (before, the whole
//! point was hatched); and the log scale of an f that underflows to 0 spans the real decades
//! (before, zeros pulled it down to the top three).

mod common_gpu;
mod common_render;

use common_render::*;
use gradfield::expr::ast::*;
use gradfield::expr::Function;
use gradfield::gpu::Gpu;
use gradfield::render::*;

/// Reads the arrow instances the compute pass wrote.
fn arrows(gpu: &Gpu, r: &Renderer) -> Vec<ArrowInstance> {
    let n = r.arrows().count() as usize;
    let raw = gradfield::gpu::read_buffer_f32x4(gpu, r.arrows().instance_buffer(), n * 2)
        .expect("readback");
    bytemuck::cast_slice::<[f32; 4], ArrowInstance>(&raw).to_vec()
}

fn compiled(src: &str) -> Fun {
    let c = Function::parse(src).expect("parses").compile();
    Fun {
        full: c.grad,
        f: c.value,
    }
}

fn with_arrows(spacing_px: f32) -> RenderSettings {
    let mut s = settings(Colormap::Viridis);
    s.arrows = ArrowSettings {
        direction: ArrowDir::Descent,
        length: ArrowLength::Normalized,
        spacing_px,
    };
    s
}

/// (x^2)^0.5 + y on a view whose pixel column 80 samples x = 0 exactly (x0 = −80.5/64, 1/64 per
/// pixel): f = y there and ∂f/∂x is undefined. The column is coloured, not hatched, and the
/// arrow anchor on it (spacing 32 puts anchors on columns 16, 48, 80, …) draws nothing.
#[test]
fn a_cusp_line_is_coloured_and_has_no_arrows() {
    let gpu = common_gpu::gpu();
    let f = compiled("(x^2)^0.5 + y");
    let x0 = -80.5 / 64.0;
    let v = view(x0, x0 + 2.5, -0.9375, 0.9375);
    assert_eq!(v.sample_x(80, W) as f32, 0.0, "column 80 is x = 0");
    let (px, r) = render(&gpu, &f, &v, &with_arrows(32.0), &[]);
    for j in 0..H {
        for i in 0..W {
            let c = pixel(&px, i, j);
            assert!(
                !is_hatch(c),
                "({i}, {j}): f is defined everywhere, got hatch {c:?}"
            );
        }
    }
    let list = arrows(&gpu, &r);
    assert_eq!(list.len(), 5 * 3, "160/32 × 120/32 anchors");
    for a in &list {
        let on_cusp = a.pos[0] == 80.5;
        assert_eq!(
            a.len == 0.0,
            on_cusp,
            "anchor at x pixel {}: {a:?}",
            a.pos[0]
        );
        assert_eq!(
            a.defined == 0,
            on_cusp,
            "anchor at x pixel {}: {a:?}",
            a.pos[0]
        );
    }
    assert_eq!(list.iter().filter(|a| a.pos[0] == 80.5).count(), 3);
}

/// f = x + y with a gradient undefined on the right half (∂f/∂x = ∂f/∂y = 1 + 0·sqrt(−x)): the
/// heatmap colours the whole plot, arrows appear only on the left half, and the right half of
/// the picture is the same with and without arrows.
#[test]
fn arrows_are_drawn_only_where_the_gradient_is_defined() {
    let gpu = common_gpu::gpu();
    let g = add(num(1.0), mul(num(0.0), call1(Func::Sqrt, neg(x()))));
    let f = fun(add(x(), y()), g.clone(), g);
    let v = view(-1.0, 1.0, -0.75, 0.75);
    let (px, r) = render(&gpu, &f, &v, &with_arrows(20.0), &[]);
    let (plain, _) = render(&gpu, &f, &v, &settings(Colormap::Viridis), &[]);
    let (mut left_changed, mut right_changed) = (0, 0);
    for j in 0..H {
        for i in 0..W {
            let c = pixel(&px, i, j);
            assert!(!is_hatch(c), "({i}, {j}): f is defined, got hatch {c:?}");
            if c != pixel(&plain, i, j) {
                if i < W / 2 {
                    left_changed += 1;
                } else {
                    right_changed += 1;
                }
            }
        }
    }
    if right_changed != 0 {
        save_failure("arrows-gradient-undefined", &px, &plain);
    }
    assert_eq!(right_changed, 0, "no arrow pixel where ∇f is undefined");
    assert!(
        left_changed > 500,
        "arrows drawn on the left: {left_changed} pixels"
    );
    for a in arrows(&gpu, &r) {
        let left = a.pos[0] < W as f32 / 2.0;
        assert_eq!(a.len > 0.0, left, "anchor at x pixel {}: {a:?}", a.pos[0]);
    }
}

/// exp(x) over x ∈ [−130, 80] (the view of `render 'exp(x)' --view=-100,80,-90,90 --log` once
/// widened for its aspect): f32 underflows to subnormals below x ≈ −87.3 and to 0 below
/// x ≈ −103.3. The log range starts at the smallest normal value on screen, is marked as
/// clipped, and the columns in between show their own decades instead of one dark colour.
#[test]
fn log_range_of_an_underflowing_exp_spans_the_real_decades() {
    let gpu = common_gpu::gpu();
    let e = call1(Func::Exp, x());
    let f = fun(e.clone(), e, num(0.0));
    let v = view(-130.0, 80.0, -90.0, 90.0);
    let mut s = settings(Colormap::Greyscale);
    s.log_scale = true;
    let (px, r) = render(&gpu, &f, &v, &s, &[]);
    let range = r.range_result().expect("range read back");
    let xs: Vec<f64> = (0..W).map(|i| v.sample_x(i, W) as f32 as f64).collect();
    let smallest_normal = xs
        .iter()
        .map(|&x| x.exp() as f32)
        .filter(|f| f.is_normal())
        .fold(f32::INFINITY, f32::min);
    // Each column multiplies f by e^(210/160) ≈ 3.7, so the GPU's smallest normal value (its
    // exp is good to (3 + 2|x|) ulp) is the CPU's, or one column off: within a factor 4.
    assert!(
        range.lo >= f32::MIN_POSITIVE && range.lo <= 4.0 * smallest_normal,
        "lo {:e}, smallest normal on screen {smallest_normal:e}",
        range.lo
    );
    assert_eq!(range.clipped, 1, "{range:?}");
    assert!(range.vhi - range.vlo > 60.0, "decades shown: {range:?}");
    // Greyscale brightness follows log10 f between vlo and vhi (±12 for the LUT's sRGB steps).
    let lut = Colormap::Greyscale.lut();
    let span = (range.vhi - range.vlo) as f64;
    let mut checked = 0;
    for i in (0..W).step_by(9) {
        let fv = xs[i as usize].exp() as f32 as f64;
        let t = if fv >= f64::from(f32::MIN_POSITIVE) {
            ((fv.log10() - range.vlo as f64) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let want = lut[(t * 255.0).round() as usize][0] as i32;
        let got = pixel(&px, i, H / 2)[0];
        assert!(
            (got - want).abs() <= 12,
            "column {i} (x = {:.1}, f = {fv:e}): grey {got}, expected {want}",
            xs[i as usize]
        );
        checked += 1;
    }
    assert!(checked > 12, "{checked} columns checked");
}

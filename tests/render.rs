//! Renderer tests on a real GPU (lavapipe where there is none): image size, symmetry,
//! contours where the CPU reference puts levels, the undefined hatch, the GPU colour range
//! against the CPU reference, constant and huge functions, log scale, percentiles (the PNG
//! file and the figure around the plot: tests/render_figure.rs; arrows and paths:
//! tests/render_marks.rs). On failure the images go to `failures/`.

mod common_gpu;
mod common_render;

use common_render::*;
use gradfield::expr::ast::*;
use gradfield::render::*;

#[test]
fn bowl_is_symmetric_left_right_and_top_bottom() {
    let gpu = common_gpu::gpu();
    let v = view(-2.0, 2.0, -1.5, 1.5);
    let mut s = settings(Colormap::Viridis);
    s.show_contours = true;
    let (px, _) = render(&gpu, &bowl(), &v, &s, &[]);
    let mut mirrored = px.clone();
    let mut worst = 0;
    for j in 0..H {
        for i in 0..W {
            let a = pixel(&px, i, j);
            let lr = pixel(&px, W - 1 - i, j);
            let tb = pixel(&px, i, H - 1 - j);
            worst = worst.max(diff(a, lr)).max(diff(a, tb));
            let k = ((j * W + i) * 4) as usize;
            let m = ((j * W + (W - 1 - i)) * 4) as usize;
            mirrored[k..k + 4].copy_from_slice(&px[m..m + 4]);
        }
    }
    // One LUT step is up to ~6 per channel on viridis; f32 rounding of mirrored sample
    // coordinates may move a value by that much, and an anti-aliased contour edge likewise.
    if worst > 40 {
        save_failure("bowl-symmetry", &px, &mirrored);
    }
    assert!(worst <= 40, "asymmetry {worst}");
    // The minimum (centre) is the dark end of viridis, the corners the bright end.
    let lum = |c: [i32; 3]| c[0] + c[1] + c[2];
    assert!(lum(pixel(&px, W / 2, H / 2)) + 200 < lum(pixel(&px, 0, 0)));
}

#[test]
fn gpu_range_equals_cpu_min_max_of_defined_values() {
    let gpu = common_gpu::gpu();
    for (name, f, v) in [
        ("ln x", ln_x(), view(-1.0, 3.0, -1.0, 1.0)),
        ("hemisphere", hemisphere(), view(-1.3, 1.3, -1.0, 1.0)),
        ("bowl", bowl(), view(-3.0, 1.0, -0.5, 2.5)),
    ] {
        let (_, r) = render(&gpu, &f, &v, &settings(Colormap::Viridis), &[]);
        let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
        for j in 0..H {
            for i in 0..W {
                if let Some([fv, _, _]) = cpu(&f, &v, i, j) {
                    lo = lo.min(fv);
                    hi = hi.max(fv);
                }
            }
        }
        let (glo, ghi) = r.range().expect("some values are defined");
        // ln and sqrt are accurate to a few ulp in f32; 1e-5 relative + 1e-6 absolute.
        let tol = |v: f64| 1e-5 * v.abs() + 1e-6;
        assert!(
            (glo as f64 - lo).abs() <= tol(lo),
            "{name}: lo {glo} vs {lo}"
        );
        assert!(
            (ghi as f64 - hi).abs() <= tol(hi),
            "{name}: hi {ghi} vs {hi}"
        );
    }
}

#[test]
fn undefined_regions_show_the_hatch_and_defined_ones_do_not() {
    let gpu = common_gpu::gpu();
    for (name, f, v) in [
        ("ln x", ln_x(), view(-1.0, 1.0, -0.75, 0.75)),
        ("hemisphere", hemisphere(), view(-1.6, 1.6, -1.2, 1.2)),
    ] {
        let (px, _) = render(&gpu, &f, &v, &settings(Colormap::Viridis), &[]);
        let (mut undefined, mut greys) = (0, [0; 2]);
        for j in 0..H {
            for i in 0..W {
                let c = pixel(&px, i, j);
                match cpu(&f, &v, i, j) {
                    None => {
                        undefined += 1;
                        assert!(is_hatch(c), "{name}: ({i}, {j}) undefined but {c:?}");
                        greys[(c[0] > 130) as usize] += 1;
                    }
                    Some(_) => assert!(!is_hatch(c), "{name}: ({i}, {j}) defined but hatch {c:?}"),
                }
            }
        }
        assert!(undefined > 1000, "{name}: the view has undefined points");
        assert!(
            greys[0] > undefined / 4 && greys[1] > undefined / 4,
            "{name}: both greys: {greys:?}"
        );
    }
}

#[test]
fn contour_pixels_lie_on_levels_of_the_cpu_reference() {
    let gpu = common_gpu::gpu();
    let f = bowl();
    let v = view(-2.0, 2.5, -1.2, 1.9);
    let mut s = settings(Colormap::Viridis);
    let (plain, _) = render(&gpu, &f, &v, &s, &[]);
    s.show_contours = true;
    s.levels = 8;
    let (lined, r) = render(&gpu, &f, &v, &s, &[]);
    let (lo, hi) = r.range().expect("bowl is defined everywhere");
    let (lo, hi) = (lo as f64, hi as f64);
    // Round levels on the linear scale: the multiples of 1, 2 or 5 × 10ⁿ inside the range
    // nearest (by ratio) to the range / (N + 1).
    let step = f64::from(r.range_result().expect("a range").step);
    let raw = (hi - lo) / (s.levels + 1) as f64;
    let p = 10f64.powf(raw.log10().floor());
    let nearest = [1.0, 2.0, 5.0, 10.0]
        .map(|m| m * p)
        .into_iter()
        .min_by(|a, b| (a / raw).ln().abs().total_cmp(&(b / raw).ln().abs()))
        .unwrap();
    assert!(
        (step - nearest).abs() <= 1e-6 * nearest,
        "step {step}, want {nearest}"
    );
    let (wpx, wpy) = (v.width() / W as f64, v.height() / H as f64);
    let (mut dark, mut on_level) = (0, 0);
    for j in 0..H {
        for i in 0..W {
            let [fv, fx, fy] = cpu(&f, &v, i, j).expect("bowl is defined");
            let sv = fv / step;
            let k = sv.round();
            let grad = (fx * wpx).hypot(fy * wpy) / step;
            let dist = if k * step > lo && k * step < hi {
                (sv - k).abs() / grad
            } else {
                f64::INFINITY
            };
            let lum = |c: [i32; 3]| c[0] + c[1] + c[2];
            // A contour pixel is much darker than the same pixel without contours (the line is
            // near black, the halo only lightens).
            let (p, l) = (lum(pixel(&plain, i, j)), lum(pixel(&lined, i, j)));
            let flagged = l < p / 2 + 30;
            if flagged {
                dark += 1;
                // Lines are ≤ 1.2 px half width + 0.5 px of anti-aliasing; 0.3 px more for the
                // f32 gradient and range.
                assert!(
                    dist < 2.0,
                    "({i}, {j}) drawn as contour but {dist:.2} px from a level"
                );
            }
            if dist < 0.25 && grad < 0.2 {
                on_level += 1;
                assert!(
                    flagged,
                    "({i}, {j}) is {dist:.2} px from a level but not drawn: {l} vs {p}"
                );
            }
        }
    }
    assert!(
        dark > 300 && on_level > 100,
        "contours found: {dark} dark, {on_level} on levels"
    );
}

#[test]
fn constant_function_draws_one_mid_colour() {
    let gpu = common_gpu::gpu();
    let f = fun(num(3.0), num(0.0), num(0.0));
    let mut s = settings(Colormap::Magma);
    s.show_contours = true;
    let (px, r) = render(&gpu, &f, &view(-1.0, 1.0, -1.0, 1.0), &s, &[]);
    assert_eq!(r.range(), Some((3.0, 3.0)));
    let lut = Colormap::Magma.lut();
    let mid: [i32; 3] = std::array::from_fn(|c| (lut[127][c] as i32 + lut[128][c] as i32) / 2);
    let expected: Vec<u8> = (0..W * H)
        .flat_map(|_| [mid[0] as u8, mid[1] as u8, mid[2] as u8, 255])
        .collect();
    let worst = (0..H)
        .flat_map(|j| (0..W).map(move |i| (i, j)))
        .map(|(i, j)| diff(pixel(&px, i, j), mid))
        .max();
    // 2: sRGB → linear → sRGB round trip of the LUT colour.
    if worst > Some(2) {
        save_failure("constant", &px, &expected);
    }
    assert!(worst <= Some(2), "worst {worst:?} from {mid:?}");
}

#[test]
fn huge_values_overflow_to_undefined_and_the_rest_draws() {
    let gpu = common_gpu::gpu();
    // exp(exp(x)) passes f32::MAX near x = ln(ln(3.4e38)) ≈ 4.48.
    let ee = call1(Func::Exp, call1(Func::Exp, x()));
    let f = fun(ee.clone(), mul(ee, call1(Func::Exp, x())), num(0.0));
    let v = view(-2.0, 6.0, -1.0, 1.0);
    let (px, r) = render(&gpu, &f, &v, &settings(Colormap::Viridis), &[]);
    let (lo, hi) = r.range().expect("defined on the left");
    assert!(lo.is_finite() && hi.is_finite() && lo < hi, "{lo} {hi}");
    for i in 0..W {
        let c = pixel(&px, i, H / 2);
        assert!(c != [0, 0, 0], "column {i} black");
        let x = v.sample_x(i, W);
        if x > 4.6 {
            assert!(is_hatch(c), "column {i} (x = {x:.2}) overflows: {c:?}");
        } else if x < 4.3 {
            assert!(!is_hatch(c), "column {i} (x = {x:.2}) is defined: {c:?}");
        }
    }
}

#[test]
fn log_scale_spreads_colours_over_decades() {
    let gpu = common_gpu::gpu();
    let e = call1(Func::Exp, x());
    let f = fun(e.clone(), e, num(0.0));
    let v = view(-10.0, 10.0, -1.0, 1.0);
    let mut s = settings(Colormap::Greyscale);
    let (linear, _) = render(&gpu, &f, &v, &s, &[]);
    s.log_scale = true;
    let (log, _) = render(&gpu, &f, &v, &s, &[]);
    // log10(eˣ) is linear in x, so the greyscale brightness grows evenly across the image:
    // the middle column is mid grey (±12 for the LUT's sRGB steps), while without log it is
    // at the black end.
    let mid = pixel(&log, W / 2, H / 2)[0];
    let lut = Colormap::Greyscale.lut();
    assert!(
        (mid - lut[128][0] as i32).abs() <= 12,
        "log: middle {mid}, LUT {}",
        lut[128][0]
    );
    assert!(
        pixel(&linear, W / 2, H / 2)[0] < 20,
        "linear: middle is near black"
    );
    let quarter = pixel(&log, W / 4, H / 2)[0];
    let three = pixel(&log, 3 * W / 4, H / 2)[0];
    assert!(quarter < mid && mid < three);
}

#[test]
fn percentile_clipping_ignores_a_spike() {
    let gpu = common_gpu::gpu();
    // 1/(x² + y² + 0.01): a spike of 100 at the origin over a floor near 0.1.
    let d = add(add(sq(x()), sq(y())), num(0.01));
    let f = fun(
        div(num(1.0), d.clone()),
        neg(div(mul(num(2.0), x()), sq(d.clone()))),
        neg(div(mul(num(2.0), y()), sq(d))),
    );
    let v = view(-2.0, 2.0, -1.5, 1.5);
    let mut s = settings(Colormap::Viridis);
    s.range = RangeMode::Percentile(2.0);
    let (_, r) = render(&gpu, &f, &v, &s, &[]);
    let mut vals: Vec<f64> = (0..H)
        .flat_map(|j| (0..W).map(move |i| (i, j)))
        .filter_map(|(i, j)| cpu(&f, &v, i, j))
        .map(|s| s[0])
        .collect();
    vals.sort_by(f64::total_cmp);
    let q = |p: f64| vals[((vals.len() - 1) as f64 * p) as usize];
    let (lo, hi) = r.range().expect("defined");
    // Histogram bins are ~0.4 % wide in value here (2048 bins over ~10 octaves of keys).
    assert!(
        lo as f64 >= q(0.005) && lo as f64 <= q(0.02) * 1.01,
        "lo {lo}: q0.5% {} q2% {}",
        q(0.005),
        q(0.02)
    );
    assert!(
        hi as f64 >= q(0.98) * 0.99 && hi as f64 <= q(0.995),
        "hi {hi}: q98% {} q99.5% {}",
        q(0.98),
        q(0.995)
    );
    assert!((hi as f64) < q(1.0) / 5.0, "the spike is clipped");
}

//! Renderer tests on a real GPU (lavapipe where there is none): image size, symmetry,
//! contours where the CPU reference puts levels, arrows along −∇f, the undefined hatch, the
//! GPU colour range against the CPU reference, constant and huge functions, log scale,
//! paths. On failure the images go to `failures/`.

mod common_gpu;

use gradfield::expr::ast::*;
use gradfield::expr::tape::Tape;
use gradfield::gpu::{Gpu, GradientMode};
use gradfield::render::*;
use gradfield::View;

const W: u32 = 160;
const H: u32 = 120;

/// f with its hand-derived gradient, compiled as the renderer wants it.
struct Fun {
    full: Tape,
    f: Tape,
}

fn fun(f: Node, fx: Node, fy: Node) -> Fun {
    Fun {
        full: Tape::new(&[f.clone(), fx, fy]),
        f: Tape::new(&[f]),
    }
}
fn x() -> Node {
    var(Var::X)
}
fn y() -> Node {
    var(Var::Y)
}
fn sq(a: Node) -> Node {
    mul(a.clone(), a)
}

/// x² + 2y², minimum at the origin.
fn bowl() -> Fun {
    fun(
        add(sq(x()), mul(num(2.0), sq(y()))),
        mul(num(2.0), x()),
        mul(num(4.0), y()),
    )
}

/// ln x: undefined for x ≤ 0.
fn ln_x() -> Fun {
    fun(call1(Func::Ln, x()), div(num(1.0), x()), num(0.0))
}

/// sqrt(1 − x² − y²): undefined outside the unit disc.
fn hemisphere() -> Fun {
    let r = call1(Func::Sqrt, sub(sub(num(1.0), sq(x())), sq(y())));
    fun(r.clone(), neg(div(x(), r.clone())), neg(div(y(), r)))
}

fn settings(colormap: Colormap) -> RenderSettings {
    RenderSettings {
        colormap,
        show_contours: false,
        arrows: ArrowSettings {
            direction: ArrowDir::None,
            ..RenderSettings::default().arrows
        },
        ..RenderSettings::default()
    }
}

fn view(x0: f64, x1: f64, y0: f64, y1: f64) -> View {
    View::new(x0, x1, y0, y1).expect("test views are valid")
}

fn render(
    gpu: &Gpu,
    f: &Fun,
    v: &View,
    s: &RenderSettings,
    paths: &[PathDraw],
) -> (Vec<u8>, Renderer) {
    let mut r = Renderer::new(gpu, OFFSCREEN_FORMAT, &f.full, &f.f).expect("renderer builds");
    let px = render_rgba(
        gpu,
        &mut r,
        &Layout::full(W, H),
        v,
        s,
        GradientMode::Exact,
        paths,
    )
    .expect("frame renders");
    assert_eq!(px.len(), (W * H * 4) as usize, "image is {W}×{H} RGBA");
    (px, r)
}

fn pixel(px: &[u8], i: u32, j: u32) -> [i32; 3] {
    let k = ((j * W + i) * 4) as usize;
    [px[k] as i32, px[k + 1] as i32, px[k + 2] as i32]
}

fn diff(a: [i32; 3], b: [i32; 3]) -> i32 {
    (0..3).map(|c| (a[c] - b[c]).abs()).max().unwrap_or(0)
}

/// Writes actual, expected and difference images to failures/NAME-*.png.
fn save_failure(name: &str, actual: &[u8], expected: &[u8]) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("failures");
    let _ = std::fs::create_dir_all(&dir);
    let d: Vec<u8> = actual
        .iter()
        .zip(expected)
        .enumerate()
        .map(|(k, (a, b))| {
            if k % 4 == 3 {
                255
            } else {
                (*a as i32 - *b as i32).unsigned_abs().min(255) as u8 * 4
            }
        })
        .collect();
    for (suffix, data) in [("actual", actual), ("expected", expected), ("diff", &d[..])] {
        let file = std::fs::File::create(dir.join(format!("{name}-{suffix}.png")))
            .expect("failures/ is writable");
        let mut enc = png::Encoder::new(file, W, H);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        let _ = enc
            .write_header()
            .and_then(|mut w| w.write_image_data(data));
    }
}

/// The CPU reference at pixel (i, j), at the same f32-rounded coordinates as the GPU.
fn cpu(f: &Fun, v: &View, i: u32, j: u32) -> Option<[f64; 3]> {
    let xs = v.sample_x(i, W) as f32 as f64;
    let ys = v.sample_y(j, H) as f32 as f64;
    f.full.eval(xs, ys, &mut Vec::new())
}

const HATCH: [i32; 2] = [107, 158]; // sRGB bytes of the hatch greys 0.42 and 0.62

fn is_hatch(c: [i32; 3]) -> bool {
    // Tolerance 3: sRGB round trip of the two greys through the Srgb target.
    c[0] == c[1] && c[1] == c[2] && HATCH.iter().any(|h| (c[0] - h).abs() <= 3)
}

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
    let n1 = (s.levels + 1) as f64;
    let (wpx, wpy) = (v.width() / W as f64, v.height() / H as f64);
    let (mut dark, mut on_level) = (0, 0);
    for j in 0..H {
        for i in 0..W {
            let [fv, fx, fy] = cpu(&f, &v, i, j).expect("bowl is defined");
            let sv = (fv - lo) / (hi - lo) * n1;
            let k = sv.round();
            let grad = (fx * wpx).hypot(fy * wpy) / (hi - lo) * n1;
            let dist = if k >= 1.0 && k <= s.levels as f64 {
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

/// Distance from p to the segment a–b in pixels.
fn seg_dist(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let (bx, by) = (b[0] - a[0], b[1] - a[1]);
    let (px, py) = (p[0] - a[0], p[1] - a[1]);
    let t = ((px * bx + py * by) / (bx * bx + by * by).max(1e-6)).clamp(0.0, 1.0);
    (px - t * bx).hypot(py - t * by)
}

/// Reads the arrow instances the compute pass wrote.
fn arrows(gpu: &Gpu, r: &Renderer) -> Vec<ArrowInstance> {
    let n = r.arrows().count() as usize;
    let raw = gradfield::gpu::read_buffer_f32x4(gpu, r.arrows().instance_buffer(), n * 2)
        .expect("readback");
    bytemuck::cast_slice::<[f32; 4], ArrowInstance>(&raw).to_vec()
}

#[test]
fn arrows_point_along_minus_gradient_in_pixel_space_and_never_overlap() {
    let gpu = common_gpu::gpu();
    // f = xy + x on a view whose x and y scales differ: the pixel-space mapping matters.
    let f = fun(add(mul(x(), y()), x()), add(y(), num(1.0)), x());
    let v = view(-2.0, 2.0, -0.7, 1.3);
    for length in [
        ArrowLength::Normalized,
        ArrowLength::Proportional,
        ArrowLength::Log,
    ] {
        let mut s = settings(Colormap::Viridis);
        s.arrows = ArrowSettings {
            direction: ArrowDir::Descent,
            length,
            spacing_px: 20.0,
        };
        let (px, r) = render(&gpu, &f, &v, &s, &[]);
        let list = arrows(&gpu, &r);
        assert_eq!(list.len(), 8 * 6, "160/20 × 120/20 anchors");
        let (wpx, wpy) = (v.width() / W as f64, v.height() / H as f64);
        let (mut checked, mut sides) = (0, 0);
        for a in &list {
            assert!(
                a.len <= 0.9 * 20.0 + 1e-4,
                "{length:?}: length {} over the cap",
                a.len
            );
            let (i, j) = ((a.pos[0] - 0.5) as u32, (a.pos[1] - 0.5) as u32);
            let [_, fx, fy] = cpu(&f, &v, i, j).expect("defined everywhere");
            let (gx, gy) = (fx * wpx, -fy * wpy);
            let m = gx.hypot(gy);
            if m < 1e-6 {
                continue;
            }
            let (ex, ey) = (-gx / m, -gy / m);
            // f32 gradient: direction within 1e-3 rad.
            let cross = ex * a.dir[1] as f64 - ey * a.dir[0] as f64;
            let dot = ex * a.dir[0] as f64 + ey * a.dir[1] as f64;
            assert!(
                dot > 0.0 && cross.abs() < 1e-3,
                "{length:?} at ({i}, {j}): {:?} vs ({ex:.4}, {ey:.4})",
                a.dir
            );
            if length == ArrowLength::Normalized && a.len > 8.0 {
                // Halfway along the shaft the pixel is the grey-white arrow fill; a little behind
                // the foot it is the heatmap (viridis is never grey).
                let at = |t: f32| {
                    pixel(
                        &px,
                        (a.pos[0] + t * a.dir[0]) as u32,
                        (a.pos[1] + t * a.dir[1]) as u32,
                    )
                };
                let c = at(0.4 * a.len);
                assert!(
                    (c[0] - c[1]).abs() <= 8 && (c[1] - c[2]).abs() <= 8 && c[0] > 100,
                    "shaft {c:?}"
                );
                let q = [a.pos[0] - 6.0 * a.dir[1], a.pos[1] + 6.0 * a.dir[0]];
                // Only where no arrow (shaft or head, ≤ 4 px wide plus outline) comes within 6 px.
                let clear = list.iter().all(|o| {
                    seg_dist(
                        q,
                        o.pos,
                        [o.pos[0] + o.len * o.dir[0], o.pos[1] + o.len * o.dir[1]],
                    ) > 6.0
                });
                let side = pixel(&px, q[0] as u32, q[1] as u32);
                sides += clear as u32;
                let ok = !clear || (side[0] - side[1]).abs() > 8 || (side[1] - side[2]).abs() > 8;
                if !ok {
                    save_failure("arrows", &px, &px);
                }
                assert!(ok, "beside the foot of {a:?}: {side:?}");
            }
            checked += 1;
        }
        assert!(checked > 40, "{checked} arrows checked");
        if length == ArrowLength::Normalized {
            assert!(sides > 5, "{sides} pixels beside arrows checked");
        }
    }
    // Undefined anchors are skipped.
    let v = view(-1.0, 1.0, -0.75, 0.75);
    let mut s = settings(Colormap::Viridis);
    s.arrows.direction = ArrowDir::Ascent;
    let (_, r) = render(&gpu, &ln_x(), &v, &s, &[]);
    for a in arrows(&gpu, &r) {
        let left = a.pos[0] < W as f32 / 2.0;
        assert_eq!(
            a.len == 0.0,
            left,
            "anchor at x pixel {}: len {}",
            a.pos[0],
            a.len
        );
        if !left {
            assert!(a.dir[0] > 0.999, "ln x rises to the right: {:?}", a.dir);
        }
    }
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

#[test]
fn paths_draw_in_their_colour_with_start_and_current_marked() {
    let gpu = common_gpu::gpu();
    let v = view(-2.0, 2.0, -1.5, 1.5);
    let color = PATH_PALETTE[1];
    let path = PathDraw {
        points: vec![(-1.5, -1.0), (-0.5, 0.0), (0.5, 0.5)],
        color,
        status_done: false,
    };
    let mut s = settings(Colormap::Viridis);
    s.show_contours = true;
    s.arrows.direction = ArrowDir::Descent;
    let (px, _) = render(&gpu, &bowl(), &v, &s, std::slice::from_ref(&path));
    let srgb: [i32; 3] = std::array::from_fn(|c| (color[c] * 255.0).round() as i32);
    let at = |x: f64, y: f64| {
        let (pxl, pyl) = v.to_pixel(x, y, W as f64, H as f64);
        pixel(&px, pxl as u32, pyl as u32)
    };
    // The current point is a filled disc of the path colour (±3 for sRGB rounding).
    assert!(
        diff(at(0.5, 0.5), srgb) <= 3,
        "current point {:?}",
        at(0.5, 0.5)
    );
    // The start is a ring of radius 5.5 px: its rim on the side away from the path has the
    // path colour, the inside (2.5 px from the centre) shows the heatmap.
    let (sx, sy) = v.to_pixel(-1.5, -1.0, W as f64, H as f64);
    let rim = pixel(&px, (sx - 5.5) as u32, sy as u32);
    assert!(diff(rim, srgb) <= 40, "ring rim {rim:?}");
    let inside = pixel(&px, (sx - 2.5) as u32, sy as u32);
    assert!(diff(inside, srgb) > 60, "ring inside {inside:?}");
    // Halfway along the first segment.
    assert!(
        diff(at(-1.0, -0.5), srgb) <= 3,
        "segment {:?}",
        at(-1.0, -0.5)
    );
}

#[test]
fn render_png_writes_an_image_of_the_requested_size() {
    let gpu = common_gpu::gpu();
    let f = bowl();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("bowl.png");
    let s = RenderSettings::default();
    render_png(
        &gpu,
        &f.full,
        &f.f,
        &view(-2.0, 2.0, -1.5, 1.5),
        (W + 40, H + 30),
        &s,
        &[],
        "bowl",
        &out,
    )
    .expect("png written");
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&out).expect("file exists"),
    ));
    let reader = decoder.read_info().expect("a PNG");
    assert_eq!(
        (reader.info().width, reader.info().height),
        (W + 40, H + 30)
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temp file left"
    );
}

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

const HATCH: [i32; 2] = [108, 165]; // sRGB bytes of the hatch greys 0.42 and 0.62 (approx.)

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

//! Helpers of the renderer tests: hand-differentiated test functions, rendering a frame,
//! pixel access, the CPU reference at a pixel and failure images.

#![allow(dead_code)]

use gradfield::expr::ast::*;
use gradfield::expr::tape::Tape;
use gradfield::gpu::{Gpu, GradientMode};
use gradfield::render::*;
use gradfield::View;

pub const W: u32 = 160;
pub const H: u32 = 120;

/// f with its hand-derived gradient, compiled as the renderer wants it.
pub struct Fun {
    pub full: Tape,
    pub f: Tape,
}

pub fn fun(f: Node, fx: Node, fy: Node) -> Fun {
    Fun {
        full: Tape::new(&[f.clone(), fx, fy]),
        f: Tape::new(&[f]),
    }
}
pub fn x() -> Node {
    var(Var::X)
}
pub fn y() -> Node {
    var(Var::Y)
}
pub fn sq(a: Node) -> Node {
    mul(a.clone(), a)
}

/// x² + 2y², minimum at the origin.
pub fn bowl() -> Fun {
    fun(
        add(sq(x()), mul(num(2.0), sq(y()))),
        mul(num(2.0), x()),
        mul(num(4.0), y()),
    )
}

/// ln x: undefined for x ≤ 0.
pub fn ln_x() -> Fun {
    fun(call1(Func::Ln, x()), div(num(1.0), x()), num(0.0))
}

/// sqrt(1 − x² − y²): undefined outside the unit disc.
pub fn hemisphere() -> Fun {
    let r = call1(Func::Sqrt, sub(sub(num(1.0), sq(x())), sq(y())));
    fun(r.clone(), neg(div(x(), r.clone())), neg(div(y(), r)))
}

pub fn settings(colormap: Colormap) -> RenderSettings {
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

pub fn view(x0: f64, x1: f64, y0: f64, y1: f64) -> View {
    View::new(x0, x1, y0, y1).expect("test views are valid")
}

pub fn render(
    gpu: &Gpu,
    f: &Fun,
    v: &View,
    s: &RenderSettings,
    paths: &[PathDraw],
) -> (Vec<u8>, Renderer) {
    let mut r =
        Renderer::from_tapes(gpu, OFFSCREEN_FORMAT, &f.full, &f.f).expect("renderer builds");
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

pub fn pixel(px: &[u8], i: u32, j: u32) -> [i32; 3] {
    let k = ((j * W + i) * 4) as usize;
    [px[k] as i32, px[k + 1] as i32, px[k + 2] as i32]
}

pub fn diff(a: [i32; 3], b: [i32; 3]) -> i32 {
    (0..3).map(|c| (a[c] - b[c]).abs()).max().unwrap_or(0)
}

/// Writes actual, expected and difference images to failures/NAME-*.png.
pub fn save_failure(name: &str, actual: &[u8], expected: &[u8]) {
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
                ((*a as i32 - *b as i32).unsigned_abs() * 4).min(255) as u8
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
pub fn cpu(f: &Fun, v: &View, i: u32, j: u32) -> Option<[f64; 3]> {
    let xs = v.sample_x(i, W) as f32 as f64;
    let ys = v.sample_y(j, H) as f32 as f64;
    f.full.eval(xs, ys, &mut Vec::new())
}

pub const HATCH: [i32; 2] = [107, 158]; // sRGB bytes of the hatch greys 0.42 and 0.62

pub fn is_hatch(c: [i32; 3]) -> bool {
    // Tolerance 3: sRGB round trip of the two greys through the Srgb target.
    c[0] == c[1] && c[1] == c[2] && HATCH.iter().any(|h| (c[0] - h).abs() <= 3)
}

//! Helpers of the figure tests: running `gradfield`, reading PNG, SVG and PDF files back
//! (resvg with the figure's fonts; poppler's pdftoppm and pdftotext, which the CI installs)
//! and comparing pictures.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs the gradfield binary with `args`.
pub fn gradfield(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .output()
        .expect("the gradfield binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The line gradfield wrote that starts with `error: ` (the driver may add its own lines).
pub fn error_line(o: &Output) -> String {
    stderr(o)
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_default()
        .to_string()
}

/// A fresh temporary folder for one test.
pub fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gradfield-fig-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// One `<tspan>` of an SVG: its words, type size in pixels, fill, first x and y, and which
/// `<text>` element holds it.
#[derive(Debug, Clone)]
pub struct Text {
    pub text: String,
    pub size: f64,
    pub fill: String,
    pub x: f64,
    pub y: f64,
    pub element: usize,
}

/// Every tspan of `doc`.
pub fn texts(doc: &roxmltree::Document) -> Vec<Text> {
    let mut out = Vec::new();
    for (element, t) in doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .enumerate()
    {
        for n in t.children().filter(|n| n.has_tag_name("tspan")) {
            let number = |k: &str| {
                n.attribute(k)
                    .and_then(|v| v.split(' ').next()?.parse().ok())
            };
            out.push(Text {
                text: n.text().unwrap_or_default().to_string(),
                size: number("font-size").unwrap_or(0.0),
                fill: n.attribute("fill").unwrap_or_default().to_string(),
                x: number("x").unwrap_or(f64::NAN),
                y: number("y").unwrap_or(f64::NAN),
                element,
            });
        }
    }
    out
}

/// The rows of text as people read them: the spans of one `<text>` on one baseline joined (a
/// span ends at every character beyond ASCII).
pub fn lines(all: &[Text]) -> Vec<String> {
    let mut out: Vec<(usize, f64, String)> = Vec::new();
    for t in all {
        match out.last_mut() {
            Some((e, y, s)) if *e == t.element && (*y - t.y).abs() < 0.5 => s.push_str(&t.text),
            _ => out.push((t.element, t.y, t.text.clone())),
        }
    }
    out.into_iter().map(|(_, _, s)| s).collect()
}

/// RGBA8 rows of a PNG file, with its size.
pub fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::fs::File::open(path).expect("the PNG"));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    let rgba = match info.color_type {
        png::ColorType::Rgba => buf,
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .flat_map(|c| [c[0], c[1], c[2], 255])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    (info.width, info.height, rgba)
}

/// The SVG at `path` rasterised by resvg at `w`×`h` pixels, with the figure's fonts.
pub fn rasterise_svg(path: &Path, w: u32, h: u32) -> Vec<u8> {
    let data = std::fs::read(path).expect("the SVG");
    let options = gradfield::render::vector::svg::read_options();
    let tree = resvg::usvg::Tree::from_data(&data, &options).expect("resvg reads the SVG");
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).expect("a pixmap");
    let size = tree.size();
    let scale =
        resvg::tiny_skia::Transform::from_scale(w as f32 / size.width(), h as f32 / size.height());
    resvg::render(&tree, scale, &mut pixmap.as_mut());
    pixmap.take()
}

/// The first page of the PDF at `path` rendered by pdftoppm at `dpi`.
pub fn render_pdf(path: &Path, dir: &Path, dpi: u32) -> (u32, u32, Vec<u8>) {
    let stem = dir.join("page");
    let o = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-png", "-singlefile"])
        .arg(path)
        .arg(&stem)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "the PDF test reads the figure back with poppler's pdftoppm ({e}); install it: \
                 sudo apt-get install poppler-utils"
            )
        });
    assert!(o.status.success(), "pdftoppm: {}", stderr(&o));
    read_png(&stem.with_extension("png"))
}

/// The text of the PDF at `path` as pdftotext extracts it.
pub fn pdf_text(path: &Path) -> String {
    let o = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("pdftotext ({e}): install poppler: sudo apt-get install poppler-utils")
        });
    assert!(o.status.success(), "pdftotext: {}", stderr(&o));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The mean absolute difference of the colour channels of two RGBA8 pictures (0–255).
pub fn mean_difference(a: &[u8], b: &[u8]) -> f64 {
    assert_eq!(a.len(), b.len(), "pictures of one size");
    let (mut sum, mut n) = (0u64, 0u64);
    for (p, q) in a.chunks_exact(4).zip(b.chunks_exact(4)) {
        for c in 0..3 {
            sum += u64::from(p[c].abs_diff(q[c]));
            n += 1;
        }
    }
    sum as f64 / n.max(1) as f64
}

/// Writes the two pictures and their difference to failures/NAME-*.png.
pub fn save_failure(name: &str, w: u32, h: u32, actual: &[u8], expected: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("failures");
    let _ = std::fs::create_dir_all(&dir);
    let diff: Vec<u8> = actual
        .iter()
        .zip(expected)
        .enumerate()
        .map(|(k, (a, b))| {
            if k % 4 == 3 {
                255
            } else {
                a.abs_diff(*b).saturating_mul(4)
            }
        })
        .collect();
    for (suffix, data) in [
        ("actual", actual),
        ("expected", expected),
        ("diff", &diff[..]),
    ] {
        let _ = gradfield::export::write_png_rgba8(
            &dir.join(format!("{name}-{suffix}.png")),
            w,
            h,
            data,
        );
    }
}

//! The small pieces of SVG text the vector figure is written with: colours, escaping, the
//! font family, embedded PNG images, and the fonts a reader of the SVG (the PDF writer,
//! the tests' rasteriser) is given so that the text looks as it does in the PNG.

use std::fmt::Write;
use std::sync::Arc;

use base64::Engine;
use egui::Color32;

/// The font family of every text element: egui's Ubuntu Light (what the PNG's text is drawn
/// with), then DejaVu Sans for the signs it lacks (∇, →, ⟂), as `render::fonts` falls back.
pub(crate) const FONT_FAMILY: &str = "Ubuntu, DejaVu Sans, sans-serif";

/// ` NAME="#rrggbb"` with ` NAME-opacity="…"` when `c` is not opaque (egui's colours are
/// premultiplied; SVG's are not).
pub(crate) fn color_attr(name: &str, c: Color32) -> String {
    let [r, g, b, a] = c.to_srgba_unmultiplied();
    let mut s = format!(" {name}=\"#{r:02x}{g:02x}{b:02x}\"");
    if a < 255 {
        let _ = write!(s, " {name}-opacity=\"{:.3}\"", f32::from(a) / 255.0);
    }
    s
}

/// An RGBA8 sRGB colour as `#rrggbb` and its opacity.
pub(crate) fn rgba_attr(name: &str, c: [u8; 4]) -> String {
    color_attr(
        name,
        Color32::from_rgba_unmultiplied(c[0], c[1], c[2], c[3]),
    )
}

/// `text` with the five XML specials escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// `w`×`h` RGBA8 rows as a `data:image/png;base64,…` URI.
pub(crate) fn png_data_uri(w: u32, h: u32, rgba: &[u8]) -> String {
    let mut bytes = Vec::new();
    {
        let mut enc = png::Encoder::new(&mut bytes, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        // Writing into memory cannot fail but for a wrong length, which the callers rule out.
        if let Ok(mut writer) = enc.write_header() {
            let _ = writer.write_image_data(rgba);
        }
    }
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The fonts the figure's text names, for reading its SVG: egui's Ubuntu Light and the
/// bundled DejaVu Sans.
pub fn font_database() -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
    db.load_font_data(crate::render::fonts::DEJAVU_SANS.to_vec());
    db.set_sans_serif_family("DejaVu Sans");
    Arc::new(db)
}

/// Options for reading a figure's SVG with [`font_database`]'s fonts.
pub fn read_options() -> usvg::Options<'static> {
    usvg::Options {
        fontdb: font_database(),
        ..usvg::Options::default()
    }
}

//! PNG output of an RGBA8 image (fast compression: figures are written often and read once).

use super::write_atomic;
use crate::error::{Error, Result};
use std::path::Path;

/// Writes a `width`×`height` image of 8-bit RGBA pixels, row 0 at the top, as a PNG.
pub fn write_png_rgba8(path: &Path, width: u32, height: u32, rgba: &[u8]) -> Result<()> {
    let expected = (width as usize)
        .checked_mul(height as usize)
        .and_then(|n| n.checked_mul(4));
    if width == 0 || height == 0 || expected != Some(rgba.len()) {
        return Err(Error::Input(format!(
            "PNG {}: a {width}×{height} RGBA image needs {} bytes, got {}",
            path.display(),
            expected.map_or_else(|| "more than addressable".into(), |n| n.to_string()),
            rgba.len()
        )));
    }
    write_atomic(path, |out| {
        let mut encoder = ::png::Encoder::new(out, width, height);
        encoder.set_color(::png::ColorType::Rgba);
        encoder.set_depth(::png::BitDepth::Eight);
        encoder.set_compression(::png::Compression::Fast);
        let mut writer = encoder.write_header()?;
        writer.write_image_data(rgba)?;
        writer.finish()?;
        Ok(())
    })
}

//! Offscreen rendering: the same renderer into an Rgba8UnormSrgb texture, copied out with
//! 256-byte row alignment, padding stripped, and written as a PNG atomically.

use std::io::Write;
use std::path::Path;

use super::settings::{Layout, RenderSettings};
use super::{PathDraw, Renderer};
use crate::error::{Error, Result};
use crate::expr::tape::Tape;
use crate::gpu::{Gpu, GradientMode};
use crate::view::View;

/// The offscreen target format (the shaders convert to linear for sRGB targets, so a window
/// surface in either an sRGB or a plain format shows the same colours).
pub const OFFSCREEN_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8UnormSrgb;

/// Largest offscreen image side in pixels.
pub const MAX_SIDE: u32 = 8192;

/// Draws one frame of `renderer` into a new `layout.target`-sized texture and returns its
/// pixels as tightly packed RGBA8 rows (sRGB), top row first.
pub fn render_rgba(
    gpu: &Gpu,
    renderer: &mut Renderer,
    layout: &Layout,
    view: &View,
    settings: &RenderSettings,
    gradient: GradientMode,
    paths: &[PathDraw],
) -> Result<Vec<u8>> {
    let (w, h) = layout.target;
    if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
        return Err(Error::Input(format!(
            "image size {w}×{h}: each side must be 1 to {MAX_SIDE} pixels"
        )));
    }
    let device = &gpu.device;
    let work = renderer.prepare(gpu, layout, view, settings, gradient, paths)?;
    let texture = device.create_texture(&wgpu::TextureDescriptor {
        label: Some("offscreen::target"),
        size: wgpu::Extent3d {
            width: w,
            height: h,
            depth_or_array_layers: 1,
        },
        mip_level_count: 1,
        sample_count: 1,
        dimension: wgpu::TextureDimension::D2,
        format: renderer.format(),
        usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
        view_formats: &[],
    });
    let view_tex = texture.create_view(&wgpu::TextureViewDescriptor::default());
    let row = w * 4;
    let padded =
        row.div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT) * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
    let staging = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("offscreen::staging"),
        size: padded as u64 * h as u64,
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
        label: Some("offscreen::encoder"),
    });
    renderer.encode(&mut encoder, &view_tex, &work);
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer: &staging,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(padded),
                rows_per_image: Some(h),
            },
        },
        wgpu::Extent3d {
            width: w,
            height: h,
            depth_or_array_layers: 1,
        },
    );
    gpu.queue.submit([encoder.finish()]);
    if work.range {
        renderer.fetch_range(gpu)?;
    }
    let data = super::util::read_mapped(device, &staging, padded as u64 * h as u64)?;
    let mut pixels = Vec::with_capacity((row * h) as usize);
    for r in 0..h as usize {
        let start = r * padded as usize;
        pixels.extend_from_slice(&data[start..start + row as usize]);
    }
    Ok(pixels)
}

/// Renders the function (compiled into `tape_f_grad`, `tape_f`) over `view` as a `size`
/// figure and writes it to `out_path` as a PNG. The title is drawn by the overlay once it
/// lands; until then the figure keeps its margins empty.
#[allow(clippy::too_many_arguments)]
pub fn render_png(
    gpu: &Gpu,
    tape_f_grad: &Tape,
    tape_f: &Tape,
    view: &View,
    size: (u32, u32),
    settings: &RenderSettings,
    paths: &[PathDraw],
    title: &str,
    out_path: &Path,
) -> Result<()> {
    let _ = title;
    let mut renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, tape_f_grad, tape_f)?;
    let layout = Layout::for_figure(size.0, size.1, 1.0);
    let pixels = render_rgba(
        gpu,
        &mut renderer,
        &layout,
        view,
        settings,
        GradientMode::Exact,
        paths,
    )?;
    write_png_atomic(out_path, size.0, size.1, &pixels)
}

/// Writes RGBA8 pixels as a PNG (fast compression) to a temporary file beside `path`, then
/// renames it into place, so a reader never sees half a file. (Private stand-in for
/// `export::write_png_rgba8` until that module is merged.)
fn write_png_atomic(path: &Path, w: u32, h: u32, rgba: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| Error::Input(format!("{}: not a file name", path.display())))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let file = std::fs::File::create(&tmp)?;
        let mut buf = std::io::BufWriter::new(file);
        let mut enc = png::Encoder::new(&mut buf, w, h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        enc.set_compression(png::Compression::Fast);
        let mut writer = enc.write_header().map_err(std::io::Error::other)?;
        writer
            .write_image_data(rgba)
            .map_err(std::io::Error::other)?;
        writer.finish().map_err(std::io::Error::other)?;
        buf.flush()?;
        buf.get_ref().sync_all()?;
        drop(buf);
        std::fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Error::io(path, e)
    })
}

//! Offscreen rendering: the renderer into an Rgba8UnormSrgb texture, copied out with 256-byte
//! row alignment and padding stripped. Figures (`figure.rs`) and the benchmarks draw through
//! here.

use super::settings::{Layout, RenderSettings};
use super::{PathDraw, Renderer};
use crate::error::{Error, Result};
use crate::gpu::{Gpu, GradientMode};
use crate::view::View;

/// The offscreen target format: plain (not sRGB), like the explorer's window surface, so
/// figures and the window blend alike and the shaders write their sRGB colours as they are
/// (an sRGB target costs a software GPU a `pow` per channel and pixel; the shaders still
/// convert for sRGB targets, so either kind shows the same colours).
pub const OFFSCREEN_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

/// Largest offscreen image side in pixels.
pub(crate) const MAX_SIDE: u32 = 8192;

/// A texture to draw into and the buffer its pixels are copied to.
pub struct OffscreenTarget {
    texture: wgpu::Texture,
    view: wgpu::TextureView,
    staging: wgpu::Buffer,
    size: (u32, u32),
    padded_row: u32,
    bgra: bool,
}

impl OffscreenTarget {
    /// A `w`×`h` target of `format` (each side 1 to `MAX_SIDE`).
    pub fn new(
        device: &wgpu::Device,
        format: wgpu::TextureFormat,
        (w, h): (u32, u32),
    ) -> Result<Self> {
        if w == 0 || h == 0 || w > MAX_SIDE || h > MAX_SIDE {
            return Err(Error::Input(format!(
                "image size {w}×{h}: each side must be 1 to {MAX_SIDE} pixels"
            )));
        }
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("OffscreenTarget::texture"),
            size: wgpu::Extent3d {
                width: w,
                height: h,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format,
            // COPY_DST: the renderer copies its cached layers in.
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT
                | wgpu::TextureUsages::COPY_SRC
                | wgpu::TextureUsages::COPY_DST,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let padded_row = (w * 4).div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT)
            * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
        let staging = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("OffscreenTarget::staging"),
            size: padded_row as u64 * h as u64,
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Ok(OffscreenTarget {
            texture,
            view,
            staging,
            size: (w, h),
            padded_row,
            bgra: matches!(
                format,
                wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
            ),
        })
    }

    /// The texture to render into (what [`Renderer::encode`] takes).
    pub fn texture(&self) -> &wgpu::Texture {
        &self.texture
    }

    /// The view to render into.
    pub(crate) fn view(&self) -> &wgpu::TextureView {
        &self.view
    }

    /// Records the copy of the texture into the staging buffer.
    pub fn encode_copy(&self, encoder: &mut wgpu::CommandEncoder) {
        let (w, h) = self.size;
        encoder.copy_texture_to_buffer(
            self.texture.as_image_copy(),
            wgpu::TexelCopyBufferInfo {
                buffer: &self.staging,
                layout: wgpu::TexelCopyBufferLayout {
                    offset: 0,
                    bytes_per_row: Some(self.padded_row),
                    rows_per_image: Some(h),
                },
            },
            wgpu::Extent3d {
                width: w,
                height: h,
                depth_or_array_layers: 1,
            },
        );
    }

    /// Waits for the copied pixels and returns them as tight RGBA8 rows, top row first (BGRA
    /// targets, as some window surfaces are, are swizzled to RGBA).
    pub fn read(&self, gpu: &Gpu) -> Result<Vec<u8>> {
        let (w, h) = self.size;
        let data = crate::gpu::readback::read_mapped(
            &gpu.device,
            &self.staging,
            self.padded_row as u64 * h as u64,
        )?;
        gpu.check_after("reading back the drawn picture")?;
        let row = (w * 4) as usize;
        let mut pixels = Vec::with_capacity(row * h as usize);
        for r in 0..h as usize {
            let start = r * self.padded_row as usize;
            pixels.extend_from_slice(&data[start..start + row]);
        }
        if self.bgra {
            for px in pixels.chunks_exact_mut(4) {
                px.swap(0, 2);
            }
        }
        Ok(pixels)
    }
}

/// Draws one frame of `renderer` (field layers only, no overlay) into a new
/// `layout.target`-sized texture and returns its pixels as tightly packed RGBA8 rows (sRGB),
/// top row first.
pub fn render_rgba(
    gpu: &Gpu,
    renderer: &mut Renderer,
    layout: &Layout,
    view: &View,
    settings: &RenderSettings,
    gradient: GradientMode,
    paths: &[PathDraw],
) -> Result<Vec<u8>> {
    let target = OffscreenTarget::new(&gpu.device, renderer.format(), layout.target)?;
    let work = renderer.prepare(gpu, layout, view, settings, gradient, paths)?;
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("offscreen::encoder"),
        });
    renderer.encode(&mut encoder, target.texture(), &work);
    target.encode_copy(&mut encoder);
    gpu.queue.submit([encoder.finish()]);
    if work.range {
        renderer.fetch_range(gpu)?;
    }
    target.read(gpu)
}

//! Reading a rendered texture back to the CPU as tightly packed RGBA8 (for screenshots).

use crate::error::{Error, Result};
use crate::gpu::Gpu;

/// How long a screenshot read-back may take before it is an error.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// Copies `texture` (of `format`, `size` pixels) to the CPU as RGBA8 rows, top first; BGRA
/// formats are swizzled.
pub fn read_texture_rgba(
    gpu: &Gpu,
    texture: &wgpu::Texture,
    format: wgpu::TextureFormat,
    size: (u32, u32),
) -> Result<Vec<u8>> {
    let (w, h) = size;
    let row = w * 4;
    let padded =
        row.div_ceil(wgpu::COPY_BYTES_PER_ROW_ALIGNMENT) * wgpu::COPY_BYTES_PER_ROW_ALIGNMENT;
    let buffer = gpu.device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("readback::screenshot"),
        size: u64::from(padded) * u64::from(h),
        usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
        mapped_at_creation: false,
    });
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("readback::copy"),
        });
    encoder.copy_texture_to_buffer(
        wgpu::TexelCopyTextureInfo {
            texture,
            mip_level: 0,
            origin: wgpu::Origin3d::ZERO,
            aspect: wgpu::TextureAspect::All,
        },
        wgpu::TexelCopyBufferInfo {
            buffer: &buffer,
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
    let (tx, rx) = std::sync::mpsc::channel();
    buffer.map_async(wgpu::MapMode::Read, .., move |r| {
        let _ = tx.send(r);
    });
    let _ = gpu.device.poll(wgpu::PollType::Wait {
        submission_index: None,
        timeout: Some(TIMEOUT),
    });
    rx.recv_timeout(TIMEOUT)
        .map_err(|_| Error::Gpu("screenshot read-back timed out".into()))?
        .map_err(|e| Error::Gpu(format!("screenshot read-back failed: {e}")))?;
    let data = buffer
        .get_mapped_range(..)
        .map_err(|e| Error::Gpu(format!("screenshot read-back: {e}")))?;
    let bgra = matches!(
        format,
        wgpu::TextureFormat::Bgra8Unorm | wgpu::TextureFormat::Bgra8UnormSrgb
    );
    let mut out = Vec::with_capacity((row * h) as usize);
    for r in 0..h as usize {
        let line = &data[r * padded as usize..r * padded as usize + row as usize];
        for px in line.chunks_exact(4) {
            if bgra {
                out.extend_from_slice(&[px[2], px[1], px[0], 255]);
            } else {
                out.extend_from_slice(&[px[0], px[1], px[2], 255]);
            }
        }
    }
    drop(data);
    buffer.unmap();
    Ok(out)
}

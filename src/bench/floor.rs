//! The memory floor of a frame: the bytes a frame must move at least, over the memory
//! bandwidth measured on this machine. A frame cannot be faster than this; the ratio of the
//! measured time to it says how far from bandwidth-bound the frame is.
//!
//! The model (plot = the field grid, W·H samples; target = the whole figure, including the
//! margins for axes and colour bar):
//! - field pass: writes 16 B per sample (f, ∂f/∂x, ∂f/∂y, defined as f32);
//! - range pass: reads the field once, 16 B per sample;
//! - heatmap with contours: reads the field once, 16 B per sample (the neighbours it needs for
//!   the contours come from cache), and writes 4 B per plot pixel (RGBA8);
//! - the render pass clears the target: 4 B per target pixel written;
//! - arrows, paths and overlay text cover a small fraction of the pixels: not counted.
//!
//! A full frame (new view) is all of the above; a steady frame (only paths changed) skips the
//! field and range passes: it reads the field once and writes the colour target.

use std::time::Instant;

use super::timer::GpuTimer;
use crate::error::Result;
use crate::gpu::Gpu;
use crate::render::Layout;

/// Bytes per field sample (`vec4<f32>`).
pub(crate) const FIELD_SAMPLE_BYTES: u64 = 16;
/// Bytes per colour pixel (RGBA8).
pub(crate) const COLOR_PIXEL_BYTES: u64 = 4;

/// Bytes a full frame moves at least (see the module docs).
pub(crate) fn full_frame_bytes(layout: &Layout) -> u64 {
    let plot = layout.plot.w as u64 * layout.plot.h as u64;
    3 * FIELD_SAMPLE_BYTES * plot + steady_colour_bytes(layout)
}

/// Bytes a steady frame (same view, new paths) moves at least.
pub(crate) fn steady_frame_bytes(layout: &Layout) -> u64 {
    let plot = layout.plot.w as u64 * layout.plot.h as u64;
    FIELD_SAMPLE_BYTES * plot + steady_colour_bytes(layout)
}

fn steady_colour_bytes(layout: &Layout) -> u64 {
    let plot = layout.plot.w as u64 * layout.plot.h as u64;
    let target = layout.target.0 as u64 * layout.target.1 as u64;
    COLOR_PIXEL_BYTES * (plot + target)
}

/// Measured memory bandwidth and how it was measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Bandwidth {
    /// Bytes moved per second (reads plus writes).
    pub bytes_per_s: f64,
    /// What was timed.
    pub method: String,
}

impl Bandwidth {
    /// Milliseconds to move `bytes` at this bandwidth.
    pub(crate) fn floor_ms(&self, bytes: u64) -> f64 {
        bytes as f64 / self.bytes_per_s * 1e3
    }
}

/// Bytes copied by each bandwidth run.
const COPY_BYTES: usize = 256 << 20;

/// The bandwidth of the memory the adapter renders from: a large CPU memcpy for a CPU
/// adapter (lavapipe draws in system memory), else a GPU buffer-to-buffer copy. Best of
/// three runs; a copy of N bytes counts 2N (read and write).
pub(crate) fn measure(gpu: &Gpu, timer: &mut GpuTimer) -> Result<Bandwidth> {
    if gpu.adapter.get_info().device_type == wgpu::DeviceType::Cpu {
        return Ok(cpu_memcpy());
    }
    let size = (COPY_BYTES as u64).min(gpu.device.limits().max_buffer_size) & !3;
    let buffer = |label| {
        gpu.device.create_buffer(&wgpu::BufferDescriptor {
            label: Some(label),
            size,
            usage: wgpu::BufferUsages::COPY_SRC | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        })
    };
    let (src, dst) = (buffer("bench::copy_src"), buffer("bench::copy_dst"));
    let mut best = f64::INFINITY;
    for _ in 0..4 {
        timer.start();
        let mut encoder = gpu
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("bench::copy"),
            });
        timer.begin(&mut encoder)?;
        encoder.copy_buffer_to_buffer(&src, 0, &dst, 0, size);
        timer.end(&mut encoder)?;
        let index = gpu.queue.submit([encoder.finish()]);
        best = best.min(timer.finish(gpu, index)?.best_ms());
    }
    Ok(Bandwidth {
        bytes_per_s: 2.0 * size as f64 / (best / 1e3),
        method: format!(
            "GPU buffer copy of {} MiB ({} clock), best of 4",
            size >> 20,
            timer.clock().name()
        ),
    })
}

fn cpu_memcpy() -> Bandwidth {
    let src = vec![1u8; COPY_BYTES];
    let mut dst = vec![0u8; COPY_BYTES];
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let t = Instant::now();
        dst.copy_from_slice(std::hint::black_box(&src));
        best = best.min(t.elapsed().as_secs_f64());
        std::hint::black_box(&dst);
    }
    Bandwidth {
        bytes_per_s: 2.0 * COPY_BYTES as f64 / best,
        method: format!(
            "CPU memcpy of {} MiB on one thread, best of 3",
            COPY_BYTES >> 20
        ),
    }
}

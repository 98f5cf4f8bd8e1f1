//! Reading results back from the GPU: copy to a mappable buffer, map, wait with a timeout.
//! Also the one-shot `sample_field` behind `gradfield sample`.

use std::time::Duration;

use crate::error::{Error, Result};
use crate::expr::tape::Tape;
use crate::gpu::field::{FieldPass, GradientMode, SAMPLE_BYTES};
use crate::gpu::Gpu;
use crate::view::View;

/// How long a readback may wait for the GPU; software drivers are slow but not this slow.
pub const READBACK_TIMEOUT: Duration = Duration::from_secs(120);

/// The first `count` vec4<f32> of `buffer` (which needs COPY_SRC).
pub fn read_buffer_f32x4(gpu: &Gpu, buffer: &wgpu::Buffer, count: usize) -> Result<Vec<[f32; 4]>> {
    let bytes = count as u64 * SAMPLE_BYTES;
    if bytes > buffer.size() {
        return Err(Error::Gpu(format!(
            "readback of {count} samples from a buffer of {} bytes",
            buffer.size()
        )));
    }
    if count == 0 {
        return Ok(Vec::new());
    }
    let staging = gpu.device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("readback::staging"),
        size: bytes,
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("readback::encoder"),
        });
    encoder.copy_buffer_to_buffer(buffer, 0, &staging, 0, bytes);
    let index = gpu.queue.submit([encoder.finish()]);
    let (tx, rx) = std::sync::mpsc::channel();
    staging.map_async(wgpu::MapMode::Read, .., move |r| {
        let _ = tx.send(r);
    });
    gpu.device
        .poll(wgpu::PollType::Wait {
            submission_index: Some(index),
            timeout: Some(READBACK_TIMEOUT),
        })
        .map_err(|e| Error::Gpu(format!("waiting for the GPU: {e}")))?;
    match rx.recv_timeout(READBACK_TIMEOUT) {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(Error::Gpu(format!("mapping the readback buffer: {e}"))),
        Err(_) => {
            return Err(Error::Gpu(
                "the GPU did not return the field in time".into(),
            ))
        }
    }
    let out = {
        let view = staging
            .get_mapped_range(..)
            .map_err(|e| Error::Gpu(format!("reading the readback buffer: {e}")))?;
        bytemuck::cast_slice::<u8, [f32; 4]>(&view).to_vec()
    };
    staging.unmap();
    gpu.check()?;
    Ok(out)
}

/// Evaluates a function's field once on a `w`×`h` grid over `view` and reads it back
/// (row-major, row 0 = top; see `gpu::field` for the layout).
pub fn sample_field(
    gpu: &Gpu,
    tape_f_grad: &Tape,
    tape_f: &Tape,
    view: &View,
    w: u32,
    h: u32,
    mode: GradientMode,
) -> Result<Vec<[f32; 4]>> {
    let mut pass = FieldPass::new(&gpu.device, tape_f_grad, tape_f)?;
    run_pass(gpu, &mut pass, view, w, h, mode)
}

/// Prepares, dispatches and reads back an existing pass (tests reuse one pipeline this way).
pub fn run_pass(
    gpu: &Gpu,
    pass: &mut FieldPass,
    view: &View,
    w: u32,
    h: u32,
    mode: GradientMode,
) -> Result<Vec<[f32; 4]>> {
    pass.prepare(&gpu.device, &gpu.queue, view, w, h, mode)?;
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("readback::field_encoder"),
        });
    {
        let mut cpass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
            label: Some("FieldPass::compute"),
            timestamp_writes: None,
        });
        pass.dispatch(&mut cpass);
    }
    gpu.queue.submit([encoder.finish()]);
    read_buffer_f32x4(gpu, pass.buffer(), w as usize * h as usize)
}

//! Reading results back from the GPU: copy to a mappable buffer, map, wait with a timeout.
//! Also the one-shot `sample_field` behind `gradfield sample`.

use std::time::Duration;

use crate::error::{Error, GpuError, Result};
use crate::expr::Function;
use crate::gpu::field::{FieldPass, GradientMode, SAMPLE_BYTES};
use crate::gpu::Gpu;
use crate::view::View;

/// How long a readback may wait for the GPU; software drivers are slow but not this slow.
pub(crate) const READBACK_TIMEOUT: Duration = Duration::from_secs(120);

/// Blocks until submission `index` (every submission so far: `None`) has run, failing after
/// [`READBACK_TIMEOUT`].
pub(crate) fn wait(device: &wgpu::Device, index: Option<wgpu::SubmissionIndex>) -> Result<()> {
    device
        .poll(wgpu::PollType::Wait {
            submission_index: index,
            timeout: Some(READBACK_TIMEOUT),
        })
        .map(|_| ())
        .map_err(|e| Error::Gpu(GpuError::Poll(e)))
}

/// The first `len` bytes of the MAP_READ `buffer` once the submitted copies into it have run:
/// maps it, waits, copies the bytes out and unmaps it.
pub(crate) fn read_mapped(
    device: &wgpu::Device,
    buffer: &wgpu::Buffer,
    len: u64,
) -> Result<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel();
    buffer.map_async(wgpu::MapMode::Read, ..len, move |r| {
        let _ = tx.send(r);
    });
    wait(device, None)?;
    match rx.recv_timeout(READBACK_TIMEOUT) {
        Ok(Ok(())) => {}
        Ok(Err(e)) => return Err(Error::Gpu(GpuError::Map(e))),
        Err(_) => return Err(Error::gpu("a read-back did not arrive in time")),
    }
    let data = buffer
        .get_mapped_range(..len)
        .map_err(|e| Error::gpu(format!("reading a mapped buffer: {e:?}")))?
        .to_vec();
    buffer.unmap();
    Ok(data)
}

/// Records one compute pass with `record` into a new encoder and submits it (without
/// waiting); `label` names the encoder and the pass.
pub(crate) fn submit_compute(
    gpu: &Gpu,
    label: &str,
    record: impl FnOnce(&mut wgpu::ComputePass<'_>),
) -> wgpu::SubmissionIndex {
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some(label) });
    {
        let mut cpass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
            label: Some(label),
            timestamp_writes: None,
        });
        record(&mut cpass);
    }
    gpu.queue.submit([encoder.finish()])
}

/// The first `count` `vec4<f32>` of `buffer` (which needs COPY_SRC).
pub fn read_buffer_f32x4(gpu: &Gpu, buffer: &wgpu::Buffer, count: usize) -> Result<Vec<[f32; 4]>> {
    let bytes = count as u64 * SAMPLE_BYTES;
    if bytes > buffer.size() {
        return Err(Error::gpu(format!(
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
    gpu.queue.submit([encoder.finish()]);
    let data = read_mapped(&gpu.device, &staging, bytes)?;
    let out = data
        .chunks_exact(SAMPLE_BYTES as usize)
        .map(|c| std::array::from_fn(|k| bytemuck::pod_read_unaligned(&c[4 * k..4 * k + 4])))
        .collect();
    gpu.check_after("reading back a GPU buffer")?;
    Ok(out)
}

/// Evaluates a function's field once on a `w`×`h` grid over `view` and reads it back
/// (row-major, row 0 = top; see `gpu::field` for the layout). Behind `gradfield sample`.
pub(crate) fn sample_field(
    gpu: &Gpu,
    function: &Function,
    view: &View,
    w: u32,
    h: u32,
    mode: GradientMode,
) -> Result<Vec<[f32; 4]>> {
    let mut pass = FieldPass::for_function(&gpu.device, function)?;
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
            label: Some("FieldPass::compute"),
        });
    pass.encode_copies(&mut encoder);
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

//! Timing GPU work: spans bracketed by timestamp queries (empty compute passes that write a
//! timestamp at their start or end) where the device has `TIMESTAMP_QUERY`, and always the wall
//! time from the first submission until the last one has completed (`device.poll` with wait).
//! A CPU adapter (lavapipe) offers `TIMESTAMP_QUERY`, but its timestamps do not bracket compute
//! dispatches (a 256×256 field pass read 0.005 ms by timestamps and 40 ms by the wall clock),
//! so there the wall clock is used: the "GPU" is this CPU, and its wall time is the GPU time.

use std::time::Instant;

use crate::error::{Error, Result};
use crate::gpu::readback::{read_mapped, wait};
use crate::gpu::Gpu;

/// Most spans one measurement may hold (two timestamps each).
const MAX_SPANS: u32 = 8;

/// Which clock a GPU timing came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// GPU timestamps: the time the GPU spent between the marks.
    Timestamp,
    /// Wall time from the first submission until the GPU finished.
    Wall,
}

impl Clock {
    /// "timestamp" or "wall".
    pub(crate) fn name(self) -> &'static str {
        match self {
            Clock::Timestamp => "timestamp",
            Clock::Wall => "wall",
        }
    }
}

/// One timed run: the GPU time (when timestamps are available) and the wall time, in ms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Sample {
    pub gpu_ms: Option<f64>,
    pub wall_ms: f64,
}

impl Sample {
    /// The GPU time where there is one, else the wall time.
    pub(crate) fn best_ms(&self) -> f64 {
        self.gpu_ms.unwrap_or(self.wall_ms)
    }
}

struct Queries {
    set: wgpu::QuerySet,
    resolve: wgpu::Buffer,
    read: wgpu::Buffer,
    period_ns: f64,
}

/// Times spans of GPU work; reuse one timer for many measurements.
pub(crate) struct GpuTimer {
    queries: Option<Queries>,
    spans: u32,
    open: bool,
    started: Option<Instant>,
}

impl GpuTimer {
    /// A timer using timestamp queries when the device has them and is not a CPU adapter.
    pub(crate) fn new(gpu: &Gpu) -> GpuTimer {
        let software = gpu.adapter.get_info().device_type == wgpu::DeviceType::Cpu;
        let timestamps = gpu
            .device
            .features()
            .contains(wgpu::Features::TIMESTAMP_QUERY);
        let queries = (timestamps && !software).then(|| {
            let bytes = 2 * MAX_SPANS as u64 * wgpu::QUERY_SIZE as u64;
            let buffer = |label, usage| {
                gpu.device.create_buffer(&wgpu::BufferDescriptor {
                    label: Some(label),
                    size: bytes,
                    usage,
                    mapped_at_creation: false,
                })
            };
            Queries {
                set: gpu.device.create_query_set(&wgpu::QuerySetDescriptor {
                    label: Some("GpuTimer::set"),
                    ty: wgpu::QueryType::Timestamp,
                    count: 2 * MAX_SPANS,
                }),
                resolve: buffer(
                    "GpuTimer::resolve",
                    wgpu::BufferUsages::QUERY_RESOLVE | wgpu::BufferUsages::COPY_SRC,
                ),
                read: buffer(
                    "GpuTimer::read",
                    wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
                ),
                period_ns: gpu.queue.get_timestamp_period() as f64,
            }
        });
        GpuTimer {
            queries,
            spans: 0,
            open: false,
            started: None,
        }
    }

    /// The clock [`Sample::best_ms`] reports.
    pub(crate) fn clock(&self) -> Clock {
        if self.queries.is_some() {
            Clock::Timestamp
        } else {
            Clock::Wall
        }
    }

    /// Starts a measurement: call right before recording its first encoder.
    pub(crate) fn start(&mut self) {
        self.spans = 0;
        self.open = false;
        self.started = Some(Instant::now());
    }

    /// Marks the start of a span in `encoder`.
    pub(crate) fn begin(&mut self, encoder: &mut wgpu::CommandEncoder) -> Result<()> {
        if self.open || self.spans >= MAX_SPANS {
            return Err(Error::gpu("GpuTimer: unbalanced or too many spans"));
        }
        self.open = true;
        self.mark(encoder, Some(2 * self.spans), None);
        Ok(())
    }

    /// Marks the end of the open span in `encoder`.
    pub(crate) fn end(&mut self, encoder: &mut wgpu::CommandEncoder) -> Result<()> {
        if !self.open {
            return Err(Error::gpu("GpuTimer: end without begin"));
        }
        self.mark(encoder, None, Some(2 * self.spans + 1));
        self.open = false;
        self.spans += 1;
        Ok(())
    }

    fn mark(&self, encoder: &mut wgpu::CommandEncoder, begin: Option<u32>, end: Option<u32>) {
        if let Some(q) = &self.queries {
            encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                label: Some("GpuTimer::mark"),
                timestamp_writes: Some(wgpu::ComputePassTimestampWrites {
                    query_set: &q.set,
                    beginning_of_pass_write_index: begin,
                    end_of_pass_write_index: end,
                }),
            });
        }
    }

    /// Waits until `last` (the measurement's last submission) has run and returns the wall
    /// time since [`GpuTimer::start`] and the sum of the spans' GPU times.
    pub(crate) fn finish(&mut self, gpu: &Gpu, last: wgpu::SubmissionIndex) -> Result<Sample> {
        wait(&gpu.device, Some(last))?;
        let wall_ms = self
            .started
            .take()
            .map(|t| t.elapsed().as_secs_f64() * 1e3)
            .ok_or_else(|| Error::gpu("GpuTimer: finish without start"))?;
        let gpu_ms = match &self.queries {
            Some(q) if self.spans > 0 => Some(self.read_spans(gpu, q)?),
            _ => None,
        };
        gpu.check_after("timing GPU work")?;
        Ok(Sample { gpu_ms, wall_ms })
    }

    fn read_spans(&self, gpu: &Gpu, q: &Queries) -> Result<f64> {
        let count = 2 * self.spans;
        let bytes = count as u64 * wgpu::QUERY_SIZE as u64;
        let mut encoder = gpu
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("GpuTimer::resolve"),
            });
        encoder.resolve_query_set(&q.set, 0..count, &q.resolve, 0);
        encoder.copy_buffer_to_buffer(&q.resolve, 0, &q.read, 0, bytes);
        gpu.queue.submit([encoder.finish()]);
        let ticks: Vec<u64> = read_mapped(&gpu.device, &q.read, bytes)?
            .chunks_exact(8)
            .map(bytemuck::pod_read_unaligned)
            .collect();
        let total: u64 = ticks
            .chunks_exact(2)
            .map(|t| t[1].saturating_sub(t[0]))
            .sum();
        Ok(total as f64 * q.period_ns / 1e6)
    }
}

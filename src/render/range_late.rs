//! The colour range read back without waiting: the explorer's frame loop never blocks on the
//! GPU for it. Each frame whose range is recomputed copies the result into one of a few small
//! mappable buffers; after the submission the buffer is mapped asynchronously, and a later
//! frame collects whatever has arrived (`device.poll` without waiting). The colour-bar labels
//! follow the range a frame or two late; while a read is on its way the window keeps drawing.
//! When every buffer is in flight a frame's copy is skipped (a later one brings a newer range),
//! so the buffers are fixed in number and nothing grows.

use std::sync::atomic::{AtomicU64, AtomicU8, Ordering};
use std::sync::Arc;

use super::RangeResult;

/// Buffers in flight at most.
const SLOTS: usize = 3;

const FREE: u8 = 0;
const COPIED: u8 = 1;
const MAPPING: u8 = 2;
const MAPPED: u8 = 3;
const FAILED: u8 = 4;

struct Slot {
    buffer: wgpu::Buffer,
    state: Arc<AtomicU8>,
    /// The frame's order, to return the newest range that arrived.
    sequence: AtomicU64,
}

/// The late read-back buffers of a `RangePass`.
pub(crate) struct LateReads {
    slots: Vec<Slot>,
    bytes: u64,
    sequence: AtomicU64,
    /// The sequence of the range last returned (older arrivals are dropped).
    returned: u64,
    /// Copies are recorded only while on (the explorer turns it on; figures wait instead).
    on: bool,
}

impl std::fmt::Debug for LateReads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LateReads")
            .field("pending", &self.pending())
            .finish()
    }
}

impl LateReads {
    pub(crate) fn new(device: &wgpu::Device, bytes: u64) -> LateReads {
        let slots = (0..SLOTS)
            .map(|_| Slot {
                buffer: crate::gpu::binding::buffer(
                    device,
                    "RangePass::late",
                    bytes,
                    wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
                ),
                state: Arc::new(AtomicU8::new(FREE)),
                sequence: AtomicU64::new(0),
            })
            .collect();
        LateReads {
            slots,
            bytes,
            sequence: AtomicU64::new(0),
            returned: 0,
            on: false,
        }
    }

    /// Turns the late reads on or off (off: no copies are recorded).
    pub(crate) fn set_on(&mut self, on: bool) {
        self.on = on;
    }

    /// Whether the late reads are on.
    pub(crate) fn is_on(&self) -> bool {
        self.on
    }

    /// Records the copy of `result` into a free buffer, if one is free.
    pub(crate) fn encode_copy(&self, encoder: &mut wgpu::CommandEncoder, result: &wgpu::Buffer) {
        if !self.on {
            return;
        }
        let claim = |s: &&Slot| {
            s.state
                .compare_exchange(FREE, COPIED, Ordering::AcqRel, Ordering::Acquire)
                .is_ok()
        };
        let Some(slot) = self.slots.iter().find(claim) else {
            return;
        };
        encoder.copy_buffer_to_buffer(result, 0, &slot.buffer, 0, self.bytes);
        let sequence = self.sequence.fetch_add(1, Ordering::AcqRel) + 1;
        slot.sequence.store(sequence, Ordering::Release);
    }

    /// After the submission that holds the copies: asks for them to be mapped.
    pub(crate) fn after_submit(&mut self) {
        for slot in &self.slots {
            if slot.state.load(Ordering::Acquire) != COPIED {
                continue;
            }
            slot.state.store(MAPPING, Ordering::Release);
            let state = slot.state.clone();
            slot.buffer
                .map_async(wgpu::MapMode::Read, ..self.bytes, move |r| {
                    state.store(if r.is_ok() { MAPPED } else { FAILED }, Ordering::Release);
                });
        }
    }

    /// Whatever has arrived, without waiting: the newest range, if one came that is newer
    /// than the last returned. Frees the buffers it read.
    pub(crate) fn collect(&mut self, device: &wgpu::Device) -> Option<RangeResult> {
        if self.pending() {
            // Runs the map callbacks of finished work; never waits.
            let _ = device.poll(wgpu::PollType::Poll);
        }
        let mut newest: Option<(u64, RangeResult)> = None;
        for slot in &mut self.slots {
            match slot.state.load(Ordering::Acquire) {
                MAPPED => {
                    let read = slot
                        .buffer
                        .get_mapped_range(..self.bytes)
                        .ok()
                        .map(|bytes| bytemuck::pod_read_unaligned::<RangeResult>(&bytes));
                    slot.buffer.unmap();
                    slot.state.store(FREE, Ordering::Release);
                    let sequence = slot.sequence.load(Ordering::Acquire);
                    if let Some(r) = read {
                        if newest.is_none_or(|(s, _)| sequence > s) {
                            newest = Some((sequence, r));
                        }
                    }
                }
                // A failed map (a lost device) frees the slot; the next frame tries again.
                FAILED => slot.state.store(FREE, Ordering::Release),
                _ => {}
            }
        }
        let (sequence, range) = newest.filter(|&(s, _)| s > self.returned)?;
        self.returned = sequence;
        Some(range)
    }

    /// Whether a copied range has not been collected yet.
    pub(crate) fn pending(&self) -> bool {
        self.slots
            .iter()
            .any(|s| s.state.load(Ordering::Acquire) != FREE)
    }
}

//! The renderer's side of the colour range: waiting for its read-back after a figure's frame,
//! or reading it late without waiting for the explorer's (`render/range_late.rs`), and the
//! last range that came back, for the colour bar's labels.

use super::Renderer;
use crate::error::Result;
use crate::gpu::Gpu;
use crate::render::RangeResult;

impl Renderer {
    /// After submitting a frame whose work had `range`, waits for the range read-back (an
    /// error while the range is read late: [`Renderer::read_range_late`]).
    pub fn fetch_range(&mut self, gpu: &Gpu) -> Result<RangeResult> {
        if self.range.late_on() {
            return Err(crate::Error::gpu(
                "the colour range is read late on this renderer: collect it instead",
            ));
        }
        let r = self.range.read(&gpu.device)?;
        self.last_range = Some(r);
        Ok(r)
    }

    /// From now on, copies every recomputed range for [`Renderer::collect_range`], which reads
    /// it back without waiting (the explorer), instead of for `fetch_range`, which waits
    /// (figures).
    pub fn read_range_late(&mut self, on: bool) {
        self.range.late().set_on(on);
    }

    /// After submitting a frame: asks for the ranges it copied to be mapped.
    pub fn range_submitted(&mut self) {
        self.range.late().after_submit();
    }

    /// Takes in the newest range that has arrived since the last call, without waiting; true
    /// when one did.
    pub fn collect_range(&mut self, gpu: &Gpu) -> bool {
        match self.range.late().collect(&gpu.device) {
            Some(r) => {
                self.last_range = Some(r);
                true
            }
            None => false,
        }
    }

    /// Whether a range read late is still on its way (a window keeps drawing until it came).
    pub fn range_pending(&self) -> bool {
        self.range.late_pending()
    }

    /// The last read-back colour range (lo, hi) in f, for the colour-bar labels; None
    /// before the first read-back or when nothing on screen is defined.
    pub fn range(&self) -> Option<(f32, f32)> {
        self.last_range
            .filter(|r| r.count > 0)
            .map(|r| (r.lo, r.hi))
    }

    /// The last read-back range with its log mapping and gradient scale.
    pub fn range_result(&self) -> Option<RangeResult> {
        self.last_range
    }
}

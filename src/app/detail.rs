//! The level of detail of a costly field in the explorer: a data loss sums every point at
//! every sample, so while the view, the window or the function changes the field is computed
//! on a coarser grid and interpolated (`Renderer::set_field_stride`), and once nothing has
//! changed for [`SETTLE_SECONDS`] on the finest grid the still budget allows. A plain
//! function costs one term a sample and stays at full resolution. Plain state, no GPU.

pub use crate::gpu::upsample::{stride_for, Budget, STRIDES};
use crate::view::View;

/// How long nothing must change before the field is refined.
pub const SETTLE_SECONDS: f64 = 0.25;

/// What the field is of: a change of any of it is a change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DetailKey {
    pub view: View,
    pub size: (u32, u32),
    pub generation: u64,
}

/// The stride of the last frame and how long its key has stood.
#[derive(Debug, Clone, Default)]
pub struct FieldDetail {
    key: Option<DetailKey>,
    still: f64,
    stride: u32,
    still_stride: u32,
}

impl FieldDetail {
    /// The stride for a frame of `key` after `dt` seconds, for a field of `terms` per sample.
    pub fn update(&mut self, key: DetailKey, dt: f64, terms: u64, budget: Budget) -> u32 {
        if self.key != Some(key) {
            self.key = Some(key);
            self.still = 0.0;
        } else {
            self.still += dt.max(0.0);
        }
        let samples = u64::from(key.size.0) * u64::from(key.size.1);
        self.still_stride = stride_for(samples, terms, budget.still);
        self.stride = if self.still >= SETTLE_SECONDS {
            self.still_stride
        } else {
            stride_for(samples, terms, budget.moving)
        };
        self.stride
    }

    /// Whether a later frame will draw a finer field with nothing changed (the window must
    /// keep drawing until it has).
    pub fn refining(&self) -> bool {
        self.stride > self.still_stride
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(x0: f64) -> DetailKey {
        DetailKey {
            view: View::new(x0, x0 + 2.0, -1.0, 1.0).unwrap(),
            size: (1000, 800),
            generation: 1,
        }
    }

    #[test]
    fn a_costly_field_is_coarse_while_it_moves_and_refines_once_still() {
        let budget = Budget::for_adapter(true);
        let mut d = FieldDetail::default();
        // 800,000 samples × 10,000 points.
        let moving = d.update(key(0.0), 0.0, 10_000, budget);
        assert!(moving >= 16 && (800_000 / (moving * moving)) as f64 * 1e4 <= budget.moving);
        assert!(d.refining());
        // Panning: each frame a new view, so it stays coarse.
        for i in 1..20 {
            assert_eq!(
                d.update(key(i as f64 * 0.01), 1.0 / 60.0, 10_000, budget),
                moving
            );
        }
        // Still: refined after SETTLE_SECONDS, to what the still budget allows.
        let mut t = 0.0;
        let mut s = moving;
        while t < 1.0 {
            s = d.update(key(0.19), 1.0 / 60.0, 10_000, budget);
            t += 1.0 / 60.0;
        }
        assert!(s < moving && !d.refining(), "{s}");
        assert_eq!(s, stride_for(800_000, 10_000, budget.still));
    }

    #[test]
    fn a_cheap_field_is_always_full_resolution() {
        let mut d = FieldDetail::default();
        for i in 0..10 {
            // 800,000 samples of a plain function, or of a loss over 10 points.
            let terms = if i % 2 == 0 { 1 } else { 10 };
            let s = d.update(key(i as f64), 0.01, terms, Budget::for_adapter(true));
            assert_eq!(s, 1);
            assert!(!d.refining());
        }
    }

    #[test]
    fn strides_meet_the_budget() {
        assert_eq!(stride_for(1_000_000, 1, 2.5e7), 1);
        assert_eq!(stride_for(1_000_000, 100, 2.5e7), 2);
        assert_eq!(stride_for(1_000_000, 10_000, 2.5e8), 8);
        assert_eq!(stride_for(1_000_000, 1_000_000, 1.0), 64);
    }
}

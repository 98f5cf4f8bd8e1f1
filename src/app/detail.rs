//! The level of detail in the explorer. While the view, the plot's size or the function (a
//! formula, a slider) changes, a frame is drawn coarser: the layers at a fraction of the
//! plot's pixels (`Renderer::set_resolution`, chosen so that the frame fits the budget) and a
//! data loss's field, which sums every point at every sample, on a coarser grid still
//! (`Renderer::set_field_stride`). Once nothing has changed for [`SETTLE_SECONDS`] the frame
//! is drawn at every pixel, with the finest field the still budget allows. The first frame of
//! the explorer is never a coarse one for the pixels (it is not a change). Plain state, no GPU.

pub use crate::gpu::upsample::{divisor_for, stride_for, Budget, DIVISORS, STRIDES};
use crate::view::View;

/// How long nothing must change before the frame is refined: short enough that refining
/// (one full frame) ends within a quarter of a second of the last change.
pub const SETTLE_SECONDS: f64 = 0.1;

/// What the frame is of: a change of any of it is a change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DetailKey {
    pub view: View,
    pub size: (u32, u32),
    pub generation: u64,
}

/// A frame's level of detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    /// The renderer's resolution divisor (1: every pixel).
    pub divisor: u32,
    /// The field's stride on the grid the layers are drawn at (1: every sample).
    pub stride: u32,
}

/// The detail of the last frame and how long its key has stood.
#[derive(Debug, Clone, Default)]
pub struct FieldDetail {
    key: Option<DetailKey>,
    /// Something has changed since the first frame.
    moved: bool,
    still: f64,
    detail: Option<Detail>,
    still_stride: u32,
}

impl FieldDetail {
    /// The detail of a frame of `key` after `dt` seconds, for a field of `terms` per sample;
    /// `coarse_pixels`: whether the layers may be drawn at fewer pixels (not while the 3D
    /// view is shown, whose mesh reads the field at every sample).
    pub fn update(
        &mut self,
        key: DetailKey,
        dt: f64,
        terms: u64,
        budget: Budget,
        coarse_pixels: bool,
    ) -> Detail {
        if self.key != Some(key) {
            self.moved |= self.key.is_some();
            self.key = Some(key);
            self.still = 0.0;
        } else {
            self.still += dt.max(0.0);
        }
        let samples = u64::from(key.size.0) * u64::from(key.size.1);
        self.still_stride = stride_for(samples, terms, budget.still);
        let detail = if self.still >= SETTLE_SECONDS {
            Detail {
                divisor: 1,
                stride: self.still_stride,
            }
        } else {
            let divisor = if self.moved && coarse_pixels {
                divisor_for(samples, budget.moving_pixels)
            } else {
                1
            };
            let d2 = u64::from(divisor * divisor);
            Detail {
                divisor,
                stride: stride_for(samples.div_ceil(d2), terms, budget.moving),
            }
        };
        self.detail = Some(detail);
        detail
    }

    /// Whether a later frame will be finer with nothing changed (the window must keep
    /// drawing until it has).
    pub fn refining(&self) -> bool {
        self.detail
            .is_some_and(|d| d.divisor > 1 || d.stride > self.still_stride)
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

    /// Frames of `dt` at `key` until `seconds` have passed; the last frame's detail.
    fn hold(d: &mut FieldDetail, key: DetailKey, seconds: f64, terms: u64) -> Detail {
        let mut t = 0.0;
        let mut last = d.update(key, 0.0, terms, Budget::for_adapter(true), true);
        while t < seconds {
            last = d.update(key, 1.0 / 60.0, terms, Budget::for_adapter(true), true);
            t += 1.0 / 60.0;
        }
        last
    }

    #[test]
    fn a_costly_field_is_coarse_while_it_moves_and_refines_once_still() {
        let budget = Budget::for_adapter(true);
        let mut d = FieldDetail::default();
        // 800,000 samples × 10,000 points: the first frame is coarse for the field only.
        let first = d.update(key(0.0), 0.0, 10_000, budget, true);
        assert_eq!(first.divisor, 1);
        assert!(
            first.stride >= 16 && (800_000 / (first.stride.pow(2))) as f64 * 1e4 <= budget.moving
        );
        assert!(d.refining());
        // Panning: each frame a new view, so it stays coarse, in pixels and in the field.
        let moving = d.update(key(0.01), 1.0 / 60.0, 10_000, budget, true);
        assert_eq!(moving.divisor, divisor_for(800_000, budget.moving_pixels));
        assert!(moving.divisor > 1);
        let coarse = 800_000_u64.div_ceil(u64::from(moving.divisor.pow(2)));
        assert_eq!(moving.stride, stride_for(coarse, 10_000, budget.moving));
        for i in 2..20 {
            assert_eq!(
                d.update(key(i as f64 * 0.01), 1.0 / 60.0, 10_000, budget, true),
                moving
            );
        }
        // Still: refined after SETTLE_SECONDS, to every pixel and what the still budget allows.
        let refined = hold(&mut d, key(0.19), SETTLE_SECONDS + 0.05, 10_000);
        assert_eq!(refined.divisor, 1);
        assert_eq!(refined.stride, stride_for(800_000, 10_000, budget.still));
        assert!(
            refined.stride < first.stride && !d.refining(),
            "{refined:?}"
        );
    }

    #[test]
    fn a_plain_function_is_drawn_coarser_only_while_it_changes() {
        let budget = Budget::for_adapter(true);
        let mut d = FieldDetail::default();
        let first = d.update(key(0.0), 0.0, 1, budget, true);
        assert_eq!(
            first,
            Detail {
                divisor: 1,
                stride: 1
            }
        );
        assert!(!d.refining(), "the first frame is not a change");
        let mut k = key(0.0);
        k.generation = 2; // a slider moved
        let moving = d.update(k, 0.01, 1, budget, true);
        // 800,000 pixels: ⅟₁₆ of them fit 1.5·10⁵.
        assert_eq!(
            moving,
            Detail {
                divisor: 4,
                stride: 1
            }
        );
        assert!(d.refining());
        // The 3D view keeps every sample.
        let shown3d = d.update(key(0.5), 0.01, 1, budget, false);
        assert_eq!(
            shown3d,
            Detail {
                divisor: 1,
                stride: 1
            }
        );
        assert_eq!(
            hold(&mut d, key(0.5), 0.2, 1),
            Detail {
                divisor: 1,
                stride: 1
            }
        );
        assert!(!d.refining());
        // On a real GPU every pixel, moving or not.
        let gpu = Budget::for_adapter(false);
        assert_eq!(d.update(key(0.7), 0.01, 1, gpu, true).divisor, 1);
    }

    #[test]
    fn budgets_pick_strides_and_divisors() {
        assert_eq!(stride_for(1_000_000, 1, 2.5e7), 1);
        assert_eq!(stride_for(1_000_000, 100, 2.5e7), 2);
        assert_eq!(stride_for(1_000_000, 10_000, 2.5e8), 8);
        assert_eq!(stride_for(1_000_000, 1_000_000, 1.0), 64);
        // A 1080p plot: ⅟₁₆ of its pixels on a software GPU; a 1280×800 window's: ¼.
        assert_eq!(divisor_for(1700 * 950, 1.5e5), 4);
        assert_eq!(divisor_for(900 * 650, 1.5e5), 2);
        assert_eq!(divisor_for(100, 1.5e5), 1);
        assert_eq!(divisor_for(u64::MAX, 1.0), 8);
    }
}

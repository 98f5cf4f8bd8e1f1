//! Summaries of repeated timings: median and spread (min–max) in milliseconds.

/// The median and range of a set of timings, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    /// The median (the mean of the two middle values for an even count).
    pub median_ms: f64,
    /// The fastest run.
    pub min_ms: f64,
    /// The slowest run.
    pub max_ms: f64,
    /// How many runs were summarised.
    pub runs: usize,
}

impl Stats {
    /// Summarises `samples` (milliseconds); `None` when there are none or one is not finite.
    pub(crate) fn from_ms(samples: &[f64]) -> Option<Stats> {
        if samples.is_empty() || samples.iter().any(|s| !s.is_finite()) {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median_ms = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
        };
        Some(Stats {
            median_ms,
            min_ms: sorted[0],
            max_ms: sorted[n - 1],
            runs: n,
        })
    }

    /// "median (min–max)" with a precision that suits the magnitude.
    pub(crate) fn display(&self) -> String {
        format!(
            "{} ({}–{})",
            ms(self.median_ms),
            ms(self.min_ms),
            ms(self.max_ms)
        )
    }
}

/// A duration in milliseconds with three significant digits or so.
pub(crate) fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 10.0 {
        format!("{v:.1}")
    } else if v >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_spread_of_odd_and_even_counts() {
        let s = Stats::from_ms(&[5.0, 1.0, 3.0]).expect("finite samples");
        assert_eq!(
            (s.median_ms, s.min_ms, s.max_ms, s.runs),
            (3.0, 1.0, 5.0, 3)
        );
        let s = Stats::from_ms(&[4.0, 1.0, 2.0, 10.0]).expect("finite samples");
        assert_eq!((s.median_ms, s.min_ms, s.max_ms), (3.0, 1.0, 10.0));
    }

    #[test]
    fn no_samples_or_a_nan_gives_none() {
        assert!(Stats::from_ms(&[]).is_none());
        assert!(Stats::from_ms(&[1.0, f64::NAN]).is_none());
    }
}

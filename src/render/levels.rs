//! The values of f at the contour lines the heatmap draws, for the contour labels written on
//! them and the vector figure's traced lines: the levels given (`--levels-at`), the round
//! levels of the linear scale (multiples of the range's step, 1, 2 or 5 × 10ⁿ) or N levels
//! evenly spaced in log space, as `level_base_step` in shaders/lib/scale.wgsl places them.

use super::settings::RenderSettings;
use super::RangeResult;

/// The values of f at the contour lines the heatmap draws for `range`, only the heavy ones
/// when `heavy_only` (levels given explicitly are all of one weight: all of them).
pub(crate) fn contour_levels(
    range: &RangeResult,
    settings: &RenderSettings,
    heavy_only: bool,
) -> Vec<f64> {
    let n = settings.levels;
    let (lo, hi) = (range.vlo as f64, range.vhi as f64);
    let span = hi - lo;
    if n == 0 || !settings.show_contours || span.is_nan() || span <= 0.0 || span.is_infinite() {
        return Vec::new();
    }
    if let Some(given) = settings.levels_at.values() {
        return given.iter().map(|&v| f64::from(v)).collect();
    }
    if range.step > 0.0 {
        // Multiples of the step strictly inside the range, as the shader finds them.
        let step = f64::from(range.step);
        let first = (range.vlo / range.step).floor() as f64;
        let count = (span / step).ceil() as i64 + 2;
        return (0..count.clamp(0, 4096))
            .map(|k| first + k as f64)
            .filter(|&index| {
                let v = index * step;
                v > lo && v < hi
            })
            .filter(|&index| {
                !heavy_only
                    || range.heavy == 0
                    || (index.abs() as u64).is_multiple_of(u64::from(range.heavy))
            })
            .map(|index| index * step)
            .collect();
    }
    let log = settings.log_scale && !settings.colormap.is_diverging();
    let heavy = settings.heavy_every;
    (1..=n)
        .filter(|k| !heavy_only || heavy == 0 || k % heavy == 0)
        .map(|k| {
            let v = lo + k as f64 * (hi - lo) / (n + 1) as f64;
            if log {
                10f64.powf(v) + range.shift as f64 - range.delta as f64
            } else {
                v
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(vlo: f32, vhi: f32, shift: f32, delta: f32) -> RangeResult {
        RangeResult {
            lo: 0.0,
            hi: 0.0,
            vlo,
            vhi,
            delta,
            shift,
            gmax: 1.0,
            count: 1,
            clipped: 0,
            step: 0.0,
            heavy: 0,
            _pad: 0,
        }
    }

    #[test]
    fn contour_levels_match_the_heatmap_spacing() {
        let s = RenderSettings {
            levels: 9,
            heavy_every: 5,
            ..RenderSettings::default()
        };
        // Linear: levels at 0 + k·10/10 for k = 1..9, heavy at k = 5.
        let all = contour_levels(&range(0.0, 10.0, 0.0, 0.0), &s, false);
        assert_eq!(all, (1..=9).map(f64::from).collect::<Vec<_>>());
        assert_eq!(
            contour_levels(&range(0.0, 10.0, 0.0, 0.0), &s, true),
            vec![5.0]
        );
        // Log with every value positive: v = log10 f, so the levels are powers of ten.
        let log = RenderSettings {
            log_scale: true,
            ..s
        };
        let l = contour_levels(&range(-1.0, 9.0, 0.0, 0.0), &log, false);
        for (k, f) in l.iter().enumerate() {
            let want = 10f64.powi(k as i32);
            assert!((f - want).abs() <= 1e-9 * want, "{f} vs {want}");
        }
        // Log with a shift: f = 10^v + shift − delta inverts v = log10(f − shift + delta).
        let l = contour_levels(
            &range(0.0, 2.0, -5.0, 0.5),
            &RenderSettings { levels: 1, ..log },
            false,
        );
        assert!((l[0] - (10f64 - 5.0 - 0.5)).abs() < 1e-9);
        // A constant field has no levels.
        assert!(contour_levels(&range(3.0, 3.0, 0.0, 0.0), &s, false).is_empty());
    }
}

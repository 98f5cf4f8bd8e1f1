//! Axis and colour-bar ticks: nice values (1-2-5 × 10^k, or decades for log scales), their labels
//! without float noise, and the choice of how many fit along an axis without labels overlapping.

/// Up to `max_count` evenly spaced round values (multiples of 1, 2 or 5 × 10^k) inside [lo, hi],
/// using the smallest such step that gives no more than `max_count` values. Empty when the range
/// is not finite or `max_count` is 0; `[lo]` when lo == hi.
pub fn nice_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    if !lo.is_finite() || !hi.is_finite() || max_count == 0 || hi < lo {
        return Vec::new();
    }
    if hi == lo {
        return vec![lo];
    }
    let Some((m, k)) = nice_step(lo, hi, max_count) else {
        return Vec::new();
    };
    multiples(lo, hi, m, k)
}

/// The step (mantissa 1, 2 or 5, exponent k) chosen by [`nice_ticks`].
fn nice_step(lo: f64, hi: f64, max_count: usize) -> Option<(i64, i32)> {
    let span = hi - lo;
    let k0 = (span / max_count as f64).log10().floor() as i32 - 1;
    for k in k0..k0 + 64 {
        for m in [1i64, 2, 5] {
            let s = step_value(m, k);
            let count = (hi / s).floor() - (lo / s).ceil() + 1.0;
            if count <= max_count as f64 {
                return Some((m, k));
            }
        }
    }
    None
}

/// m × 10^k, exactly as the decimal literal would be read.
fn step_value(m: i64, k: i32) -> f64 {
    format!("{m}e{k}").parse().unwrap_or(f64::NAN)
}

/// The multiples of m × 10^k inside [lo, hi], each computed as the nearest f64 to its decimal.
fn multiples(lo: f64, hi: f64, m: i64, k: i32) -> Vec<f64> {
    let s = step_value(m, k);
    let first = (lo / s).ceil() as i64;
    let last = (hi / s).floor() as i64;
    (first..=last)
        .map(|i| step_value(i * m, k))
        .filter(|v| *v >= lo && *v <= hi)
        .collect()
}

/// `v` printed with enough decimals to tell ticks `step` apart and no float noise: "0.1",
/// "−0.5", "250"; scientific ("1e+06", "2.5e−07") for magnitudes ≥ 10^6 or < 10^-4. Minus
/// signs are the typographic − people read, not the hyphen.
pub fn format_tick(v: f64, step: f64) -> String {
    let mag = v.abs().max(step.abs());
    minus(format_with(v, step, !(1e-4..1e6).contains(&mag)))
}

/// `text` with its hyphens written as minus signs.
fn minus(text: String) -> String {
    text.replace('-', "−")
}

/// Labels for ticks of one axis spaced `step` apart, all in the same notation (scientific when
/// the largest magnitude calls for it, see [`format_tick`]).
pub(crate) fn format_ticks(values: &[f64], step: f64) -> Vec<String> {
    let mag = values.iter().fold(step.abs(), |a, v| a.max(v.abs()));
    let sci = !(1e-4..1e6).contains(&mag);
    values
        .iter()
        .map(|&v| minus(format_with(v, step, sci)))
        .collect()
}

fn format_with(v: f64, step: f64, sci: bool) -> String {
    if !v.is_finite() {
        return format!("{v}");
    }
    let step = if step.is_finite() && step > 0.0 {
        step
    } else {
        v.abs().max(f64::MIN_POSITIVE)
    };
    if v.abs() < step * 1e-6 {
        return "0".into();
    }
    let step_exp = step.log10().floor() as i32;
    if !sci {
        // Levels that are not multiples of a round step (e.g. 1.5 apart) get up to three
        // more decimals, until the printed value is within a thousandth of a step.
        let mut decimals = (-step_exp).max(0) as usize;
        while decimals < (-step_exp).max(0) as usize + 3 {
            let shown: f64 = format!("{v:.decimals$}").parse().unwrap_or(v);
            if (shown - v).abs() <= step * 1e-3 {
                break;
            }
            decimals += 1;
        }
        return format!("{v:.decimals$}");
    }
    let v_exp = v.abs().log10().floor() as i32;
    let decimals = (v_exp - step_exp).clamp(0, 15) as usize;
    let s = format!("{v:.decimals$e}");
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mant = if mant.contains('.') {
        mant.trim_end_matches('0').trim_end_matches('.')
    } else {
        mant
    };
    let exp: i32 = exp.parse().unwrap_or(0);
    let sign = if exp < 0 { '-' } else { '+' };
    format!("{mant}e{sign}{:02}", exp.abs())
}

/// Up to `max_count` round values inside [lo, hi] for a logarithmic scale: 1, 2, 5 × 10^k when
/// they fit, else every decade (or every n-th), else linear [`nice_ticks`] for ranges narrower
/// than a decade. Empty unless 0 < lo ≤ hi, both finite.
pub fn log_ticks(lo: f64, hi: f64, max_count: usize) -> Vec<f64> {
    if !(lo > 0.0 && hi >= lo && hi.is_finite()) || max_count == 0 {
        return Vec::new();
    }
    let d0 = lo.log10().floor() as i32 - 1;
    let d1 = hi.log10().ceil() as i32 + 1;
    let in_range = |v: &f64| *v >= lo && *v <= hi;
    let with = |mantissas: &[i64], every: i32| -> Vec<f64> {
        (d0..=d1)
            .filter(|d| d.rem_euclid(every) == 0)
            .flat_map(|d| mantissas.iter().map(move |&m| step_value(m, d)))
            .filter(in_range)
            .collect()
    };
    let mut best = with(&[1, 2, 5], 1);
    if best.len() > max_count {
        best = (1..=(d1 - d0 + 1))
            .map(|every| with(&[1], every))
            .find(|t| t.len() <= max_count)
            .unwrap_or_default();
    }
    if best.len() < 2 {
        let linear = nice_ticks(lo, hi, max_count);
        if linear.len() > best.len() {
            return linear;
        }
    }
    best
}

/// One tick on an axis: its value, its position as a fraction of the axis (0 at the start) and
/// its label.
#[derive(Debug, Clone, PartialEq)]
pub struct AxisTick {
    pub value: f64,
    pub frac: f64,
    pub label: String,
}

/// Linear ticks for an axis `length_px` long showing [lo, hi]: about one per `spacing_px`, fewer
/// until neighbouring labels, `measure(label)` pixels long along the axis, are at least `gap_px`
/// apart.
pub(crate) fn axis_ticks(
    lo: f64,
    hi: f64,
    length_px: f32,
    spacing_px: f32,
    gap_px: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> Vec<AxisTick> {
    // Rounded, not floored: a plot 2.98 spacings long (a presentation-mode y axis) gets
    // three labels, not one.
    let first = (length_px / spacing_px.max(1.0)).round().max(2.0) as usize;
    let mut fitting = |count: usize| {
        let values = nice_ticks(lo, hi, count);
        let step = match values.as_slice() {
            [a, b, ..] => b - a,
            _ => hi - lo,
        };
        let labels = format_ticks(&values, step);
        let ticks: Vec<AxisTick> = values
            .iter()
            .zip(labels)
            .map(|(&value, label)| AxisTick {
                value,
                frac: (value - lo) / (hi - lo),
                label,
            })
            .collect();
        labels_fit(&ticks, length_px, gap_px, measure).then_some(ticks)
    };
    let ticks = (1..=first).rev().find_map(&mut fitting).unwrap_or_default();
    if ticks.len() >= 2 {
        return ticks;
    }
    // One label cannot show a scale: [−4, 4] in three spacings gets the step 5 and only its 0.
    // A finer step with two or more labels is taken where they fit.
    (first + 1..=4 * first)
        .filter_map(&mut fitting)
        .find(|t| t.len() >= 2)
        .unwrap_or(ticks)
}

/// Whether labels centred on their ticks along an axis `length_px` long keep `gap_px` apart.
pub(crate) fn labels_fit(
    ticks: &[AxisTick],
    length_px: f32,
    gap_px: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> bool {
    let sizes: Vec<f32> = ticks.iter().map(|t| measure(&t.label)).collect();
    ticks.windows(2).zip(sizes.windows(2)).all(|(t, s)| {
        let dist = ((t[1].frac - t[0].frac).abs() * length_px as f64) as f32;
        dist >= (s[0] + s[1]) / 2.0 + gap_px
    })
}

//! Numbers for people to read: the read-out, path labels and summaries.

/// A number with about five significant digits, scientific when very large or small
/// (`0`, `0.03125`, `12.346`, `1.2346e-7`, `NaN`, `inf`).
pub fn short(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return format!("{v}");
    }
    let a = v.abs();
    if (1e-3..1e5).contains(&a) {
        let digits = (4 - a.log10().floor() as i32).clamp(0, 8) as usize;
        format!("{v:.digits$}")
    } else {
        format!("{v:.4e}")
    }
}

#[cfg(test)]
mod tests {
    use super::short;

    #[test]
    fn every_number_formats_without_panicking() {
        assert_eq!(short(0.0), "0");
        assert_eq!(short(-0.0), "-0");
        assert_eq!(short(0.03125), "0.031250");
        assert_eq!(short(12.3456), "12.346");
        assert_eq!(short(1.23456e-7), "1.2346e-7");
        assert_eq!(short(f64::NAN), "NaN");
        assert_eq!(short(f64::INFINITY), "inf");
        for v in [f64::MIN_POSITIVE, 5e-324, f64::MAX, -1e300, 99999.99] {
            assert!(!short(v).is_empty());
        }
    }
}

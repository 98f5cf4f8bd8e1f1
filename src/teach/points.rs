//! Points typed exactly ("2, 1", "2 1", "(2, 1)") for the pin and for path starts, and the
//! snapping of a dragged point to round values.

use crate::{Error, Result};

/// Reads a point typed as "x, y", "x y" or "(x, y)": two numbers, each a finite coordinate
/// within ±1e15. A bad point is refused with a one-line reason.
pub fn parse_point(text: &str) -> Result<(f64, f64)> {
    let t = text.trim();
    let inner = match (t.strip_prefix('('), t.strip_suffix(')')) {
        (Some(_), Some(_)) if t.len() >= 2 => &t[1..t.len() - 1],
        (Some(_), None) => return Err(bad(text, "a '(' without its ')'")),
        (None, Some(_)) => return Err(bad(text, "a ')' without its '('")),
        _ => t,
    };
    let words: Vec<&str> = inner
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let [x, y] = words.as_slice() else {
        let why = match words.as_slice() {
            [] => "give two numbers, x and y (e.g. 2, 1)".to_string(),
            [w] if w.parse::<f64>().is_err() => format!(
                "{} is not a number (give x, y, e.g. 2, 1)",
                crate::numfmt::quote(w)
            ),
            w => format!("give two numbers, x and y, not {}", w.len()),
        };
        return Err(bad(text, &why));
    };
    if inner.matches(',').count() > 1 {
        return Err(bad(text, "x and y take one comma between them"));
    }
    let read = |w: &str| -> Result<f64> {
        let v: f64 = w.parse().map_err(|_| {
            bad(
                text,
                &format!("{} is not a number", crate::numfmt::quote(w)),
            )
        })?;
        crate::checks::coordinate(v)
            .map_err(|need| bad(text, &format!("{} must be {need}", crate::numfmt::quote(w))))
    };
    Ok((read(x)?, read(y)?))
}

fn bad(text: &str, why: &str) -> Error {
    Error::Input(format!("point {}: {why}", crate::numfmt::quote(text)))
}

/// `v` moved to the nearest multiple of `step` (a 1, 2 or 5 × 10^k), as the decimal a person
/// would type (0.3, not 0.30000000000000004). A step that is not a positive number leaves `v`.
pub fn snap(v: f64, step: f64) -> f64 {
    if !(step.is_finite() && step > 0.0 && v.is_finite()) {
        return v;
    }
    let k = (v / step).round();
    let s = k * step;
    if step >= 1.0 {
        return s;
    }
    let decimals = (-step.log10()).ceil().clamp(0.0, 300.0) as usize;
    format!("{s:.decimals$}").parse().unwrap_or(s)
}

/// The snapping step for a view `span` wide shown `length_px` pixels long with a tick about
/// every `tick_px`: a tenth of the axis's 1-2-5 tick spacing (ticks 0.5 apart snap to 0.05).
pub fn snap_step(span: f64, length_px: f64, tick_px: f64) -> f64 {
    let count = (length_px / tick_px.max(1.0)).floor().max(2.0);
    let raw = span / count;
    if !(raw.is_finite() && raw > 0.0) {
        return 0.0;
    }
    let k = raw.log10().floor() as i32;
    let dec = |m: i64, k: i32| -> f64 { format!("{m}e{k}").parse().unwrap_or(f64::NAN) };
    let (m, k) = [(1, k), (2, k), (5, k), (1, k + 1)]
        .into_iter()
        .find(|&(m, k)| dec(m, k) >= raw * (1.0 - 1e-12))
        .unwrap_or((1, k + 1));
    dec(m, k - 1)
}

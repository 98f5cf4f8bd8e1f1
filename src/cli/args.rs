//! Parsers for the values people type on the command line: sizes `WxH`, points `X,Y`,
//! views `X0,X1,Y0,Y1`, positive numbers. Each error names what was wrong.

use crate::checks;
use crate::numfmt::quote;
use crate::view::View;

/// The largest width or height a grid may have.
pub(crate) const MAX_SIDE: u32 = 16_384;
/// The largest number of samples a grid may have (3840×2160 is about 8.3 million).
pub(crate) const MAX_SAMPLES: u64 = 40_000_000;

/// Parses `WxH` (also `W×H`, `W*H`), each side 1..=16384 and at most 40 million samples.
pub(crate) fn parse_size(s: &str) -> Result<(u32, u32), String> {
    let q = quote(s);
    let t = s.trim();
    let (w, h) = t
        .split_once(['x', 'X', '×', '*'])
        .ok_or_else(|| format!("{q} is not a size: expected WxH, e.g. 800x600"))?;
    let side = |v: &str, name: &str| -> Result<u32, String> {
        let n: u64 = v
            .trim()
            .parse()
            .map_err(|_| format!("{q}: {name} {} is not a whole number", quote(v)))?;
        if n == 0 || n > MAX_SIDE as u64 {
            return Err(format!("{q}: {name} must be between 1 and {MAX_SIDE}"));
        }
        Ok(n as u32)
    };
    let (w, h) = (side(w, "width")?, side(h, "height")?);
    if w as u64 * h as u64 > MAX_SAMPLES {
        return Err(format!(
            "{q}: {} samples is more than the {MAX_SAMPLES} gradfield allows",
            w as u64 * h as u64
        ));
    }
    Ok((w, h))
}

/// Parses `X,Y` into a point that [`checks::point`] accepts (a start point, the pin).
pub(crate) fn parse_point(s: &str) -> Result<(f64, f64), String> {
    let q = quote(s);
    let (a, b) = s
        .split_once(',')
        .ok_or_else(|| format!("{q} is not a point: expected X,Y, e.g. -1.5,2"))?;
    let num = |v: &str| -> Result<f64, String> {
        v.trim()
            .parse()
            .map_err(|_| format!("{q}: {} is not a number", quote(v.trim())))
    };
    checks::point((num(a)?, num(b)?)).map_err(|need| format!("{q}: coordinates must be {need}"))
}

/// Parses `X0,X1,Y0,Y1` into a checked [`View`].
pub(crate) fn parse_view(s: &str) -> Result<View, String> {
    s.parse::<View>().map_err(|e| e.to_string())
}

/// The most descent steps a command runs.
pub(crate) const MAX_STEPS: usize = 1_000_000;
/// The most contour levels a picture may have.
pub(crate) const MAX_LEVELS: u32 = 1_000;

/// Parses a whole number in `0..=max`.
fn parse_whole(s: &str, max: u64) -> Result<u64, String> {
    let q = quote(s);
    match s.trim().parse::<u64>() {
        Ok(n) if n <= max => Ok(n),
        Ok(_) => Err(format!("{q} is more than the {max} gradfield allows")),
        Err(_) => Err(format!("{q} is not a whole number of at least 0")),
    }
}

/// Parses a number of descent steps, 0..=[`MAX_STEPS`].
pub(crate) fn parse_steps(s: &str) -> Result<usize, String> {
    parse_whole(s, MAX_STEPS as u64).map(|n| n as usize)
}

/// Parses a number of contour levels, 0..=[`MAX_LEVELS`].
pub(crate) fn parse_levels(s: &str) -> Result<u32, String> {
    parse_whole(s, u64::from(MAX_LEVELS)).map(|n| n as u32)
}

/// Parses a GIF frame rate, a whole number in 1..=50 (see [`crate::export::gif::FPS_RANGE`]).
pub(crate) fn parse_fps(s: &str) -> Result<u32, String> {
    let q = quote(s);
    let range = crate::export::gif::FPS_RANGE;
    match s.trim().parse::<u32>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(format!(
            "{q} is not a whole number of frames per second from {} to {}",
            range.start(),
            range.end()
        )),
    }
}

/// Parses a finite number.
pub(crate) fn parse_number(s: &str) -> Result<f64, String> {
    checked(s, |v| {
        if v.is_finite() {
            Ok(v)
        } else {
            Err("a finite number")
        }
    })
}

/// Parses a number that `check` (one of [`checks`]) accepts, or says what it must be.
fn checked(s: &str, check: fn(f64) -> Result<f64, checks::Need>) -> Result<f64, String> {
    let q = quote(s);
    match s.trim().parse::<f64>() {
        Ok(v) => check(v).map_err(|need| format!("{q} must be {need}")),
        Err(_) => Err(format!("{q} is not a number")),
    }
}

/// Parses a finite number > 0 (the GIF's seconds, an arrow spacing, a check step).
pub(crate) fn parse_positive(s: &str) -> Result<f64, String> {
    checked(s, checks::positive)
}

/// Parses a learning rate ([`checks::learning_rate`]).
pub(crate) fn parse_lr(s: &str) -> Result<f64, String> {
    checked(s, checks::learning_rate)
}

/// Parses a tolerance on |∇f| ([`checks::tolerance`]).
pub(crate) fn parse_tol(s: &str) -> Result<f64, String> {
    checked(s, checks::tolerance)
}

/// Parses momentum μ, β1 or β2 ([`checks::decay`]).
pub(crate) fn parse_decay(s: &str) -> Result<f64, String> {
    checked(s, checks::decay)
}

/// Parses RMSProp's α ([`checks::alpha`]).
pub(crate) fn parse_alpha(s: &str) -> Result<f64, String> {
    checked(s, checks::alpha)
}

/// Parses the direction of the directional derivative ([`checks::direction`]).
pub(crate) fn parse_direction(s: &str) -> Result<f64, String> {
    checked(s, checks::direction)
}

/// Parses `--camera AZ,EL`: two numbers in degrees, the azimuth any finite angle, the
/// elevation within ±89 (`document::check_elevation`, as a scene's `[surface] elevation`).
pub(crate) fn parse_camera(s: &str) -> Result<(f64, f64), String> {
    let q = quote(s);
    let parts: Vec<&str> = s.split(',').collect();
    let [az, el] = parts[..] else {
        return Err(format!(
            "{q} is not a camera: expected AZ,EL (two numbers in degrees), e.g. -60,30"
        ));
    };
    let num = |v: &str, what: &str, check: fn(f64) -> Result<f64, checks::Need>| {
        let v = v.trim();
        let n: f64 = v
            .parse()
            .map_err(|_| format!("{q}: {what} {} is not a number", quote(v)))?;
        check(n).map_err(|need| format!("{q}: the {what} must be {need}"))
    };
    Ok((
        num(az, "azimuth", crate::document::check_azimuth)?,
        num(el, "elevation", crate::document::check_elevation)?,
    ))
}

/// Parses `--vscale S`: the surface's height as a factor, 0.1 to 10
/// (`document::check_vscale`, as a scene's `[surface] vscale`).
pub(crate) fn parse_vscale(s: &str) -> Result<f64, String> {
    checked(s, crate::document::check_vscale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("800x600"), Ok((800, 600)));
        assert_eq!(parse_size("3840×2160"), Ok((3840, 2160)));
        for bad in ["0x0", "100000x100000", "10", "axb", "-5x5", "16384x16384"] {
            assert!(parse_size(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn points() {
        assert_eq!(parse_point("-1.5,2"), Ok((-1.5, 2.0)));
        assert!(parse_point("1").is_err());
        assert!(parse_point("nan,1").is_err());
        assert!(parse_point("1,inf").is_err());
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_positive("0.01"), Ok(0.01));
        assert!(parse_positive("0").is_err());
        assert!(parse_positive("-1").is_err());
        assert!(parse_tol("0").is_ok());
        assert!(parse_tol("x").is_err());
        assert!(parse_direction("nan").is_err());
        assert_eq!(parse_camera("-60,30"), Ok((-60.0, 30.0)));
        assert_eq!(parse_camera(" 400 , -89 "), Ok((400.0, -89.0)));
        for bad in [
            "30", "1,2,3", "", "a,30", "0,nan", "inf,0", "0,89.5", "0,-90", "0,",
        ] {
            assert!(parse_camera(bad).is_err(), "{bad} should be rejected");
        }
        assert_eq!(parse_vscale("10"), Ok(10.0));
        assert!(parse_vscale("0.09").is_err() && parse_vscale("nan").is_err());
        assert_eq!(parse_fps("50"), Ok(50));
        for bad in ["0", "51", "-1", "7.5", "x"] {
            assert!(parse_fps(bad).is_err(), "{bad} should be rejected");
        }
    }
}

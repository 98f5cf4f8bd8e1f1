//! The view's unit tests: the grid convention, pixel round trips, pan, zoom, clamping and
//! parsing.

use super::*;

#[test]
fn a_sample_meant_at_zero_stays_there_whatever_pan_led_to_the_view() {
    // Two pans of 3 rows: the row at y = 0 carries 8.9e-16 of rounding unless snapped.
    let v = View::new(-4.0, 4.0, -4.0, 4.0).unwrap();
    let step = v.height() / 19.0;
    let once = v.panned(0.0, 3.0 * step);
    let twice = once.panned(0.0, 3.0 * step);
    for j in 3..19 {
        assert_eq!(
            (twice.sample_y(j, 19) as f32).to_bits(),
            (once.sample_y(j - 3, 19) as f32).to_bits(),
            "row {j}"
        );
    }
    assert_eq!(twice.sample_y(15, 19), 0.0);
    // Away from zero nothing moves: a sample 10⁻⁹ from it is far beyond rounding.
    assert_eq!(v.sample_x(0, 8), -3.5);
    let near = View::new(-1.0 + 1e-9, 1.0 + 1e-9, 0.0, 1.0).unwrap();
    assert!((near.sample_x(0, 1) - 1e-9).abs() < 1e-15);
}

#[test]
fn grid_convention_matches_design() {
    let v = View::new(-2.0, 2.0, -1.0, 3.0).unwrap();
    assert_eq!(v.sample_x(0, 4), -1.5);
    assert_eq!(v.sample_x(3, 4), 1.5);
    assert_eq!(v.sample_y(0, 2), 2.0);
    assert_eq!(v.sample_y(1, 2), 0.0);
}

#[test]
fn pixel_round_trip_and_zoom_keeps_anchor() {
    let v = View::new(-3.0, 1.0, 0.0, 2.0).unwrap();
    let (px, py) = v.to_pixel(0.25, 1.5, 800.0, 400.0);
    let (x, y) = v.to_world(px, py, 800.0, 400.0);
    assert!((x - 0.25).abs() < 1e-12 && (y - 1.5).abs() < 1e-12);
    let z = v.zoomed(0.5, 0.25, 1.5);
    assert_eq!(z.to_pixel(0.25, 1.5, 800.0, 400.0), (px, py));
    assert!((z.width() - 2.0).abs() < 1e-12);
}

#[test]
fn bad_views_are_rejected_with_reasons() {
    assert!("1,0,0,1".parse::<View>().is_err());
    assert!("0,1,0".parse::<View>().is_err());
    assert!("0,1,0,abc".parse::<View>().is_err());
    assert!("0,1e-9,0,1".parse::<View>().is_err());
    assert!("-2,2,-1,3".parse::<View>().is_ok());
}

#[test]
fn fit_aspect_widens_to_canvas() {
    let v = View::new(-1.0, 1.0, -1.0, 1.0)
        .unwrap()
        .fit_aspect(200.0, 100.0);
    assert!((v.width() / v.height() - 2.0).abs() < 1e-12);
    assert!((v.height() - 2.0).abs() < 1e-12);
}

#[test]
fn clamped_views_are_valid_and_keep_their_aspect() {
    let cases = [
        View {
            x0: -1e15,
            x1: 1e15,
            y0: -3e14,
            y1: 3e14,
        },
        View {
            x0: -5e15,
            x1: 5e15,
            y0: -1e15,
            y1: 1e15,
        },
        View {
            x0: 9e14,
            x1: 2e15,
            y0: 0.0,
            y1: 1.0,
        },
        View {
            x0: 1.0,
            x1: 1.0 + 1e-9,
            y0: 2.0,
            y1: 2.0 + 2e-9,
        },
        View {
            x0: 1e6,
            x1: 1e6 + 1e-4,
            y0: -1e-4,
            y1: 0.0,
        },
        // Shrunk to the limit, the half-width rounds a hair above it.
        View {
            x0: -1.2345678901234567e15,
            x1: 1.3456789012345678e15,
            y0: -7e14,
            y1: 7.1e14,
        },
        View {
            x0: 3.0,
            x1: -3.0,
            y0: 1.0,
            y1: -1.0,
        },
    ];
    for v in cases {
        let c = v.clamped();
        assert!(c.validate().is_ok(), "{v:?} → {c:?}");
        let (a, b) = (v.width().abs() / v.height().abs(), c.width() / c.height());
        let keepable = a.max(1.0 / a) <= MAX_ASPECT;
        assert!(
            !keepable || (a / b - 1.0).abs() < 1e-9,
            "aspect {a} became {b} for {v:?}"
        );
        // Widening to the aspect it already has stays valid (the margin below the limits).
        assert!(c.fit_aspect(c.width(), c.height()).validate().is_ok());
    }
    let nan = View {
        x0: f64::NAN,
        x1: 1.0,
        y0: 0.0,
        y1: 1.0,
    }
    .clamped();
    assert!(nan.validate().is_ok());
    let ok = View::new(-2.0, 2.0, -1.0, 3.0).unwrap();
    assert_eq!(ok.clamped(), ok);
}

/// A fixed-seed sweep over centres, extents and aspects from 10⁻¹² to 10²⁰: every clamped
/// view is valid and clamping never panics (the explorer clamps on every frame).
#[test]
fn clamping_any_finite_view_gives_a_valid_one() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..20_000 {
        let mag = |u: f64| 10f64.powf(-12.0 + 32.0 * u);
        let sign = |u: f64| if u < 0.5 { -1.0 } else { 1.0 };
        let (cx, cy) = (sign(next()) * mag(next()), sign(next()) * mag(next()));
        let (hw, hh) = (mag(next()), mag(next()));
        let v = View {
            x0: cx - hw,
            x1: cx + hw,
            y0: cy - hh,
            y1: cy + hh,
        };
        let c = v.clamped();
        assert!(c.validate().is_ok(), "{v:?} → {c:?}");
    }
}

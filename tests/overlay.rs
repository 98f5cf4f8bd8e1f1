//! Tests of the figure overlay: tick values and labels, label spacing measured with egui's real
//! fonts, contour label placement, and a GPU render of the overlay read back from a texture.

use gradfield::render::colorbar::colorbar_ticks;
use gradfield::render::overlay::{
    colorbar_fraction, contour_label_size, place_contour_labels, ColorBar, FigureLayout, PlotRect,
};
use gradfield::render::ticks::{format_tick, log_ticks, nice_ticks};

#[path = "overlay/clipped.rs"]
mod clipped;
#[path = "overlay/gpu.rs"]
mod gpu;
#[path = "overlay/text.rs"]
mod text;

/// Relative slack for comparing tick spacings computed in f64 (values are decimals rounded to
/// the nearest f64, so differences carry a few ulps of the largest magnitude).
const SPACING_REL: f64 = 1e-9;

fn ranges() -> Vec<(f64, f64)> {
    vec![
        (0.0, 1.0),
        (-1.0, 1.0),
        (-7.3, -2.1),
        (-3e-6, -1e-6),
        (1e-6, 2e-6),
        (0.5, 0.5000013),
        (-1e8, 3e8),
        (1e8, 1.00001e8),
        (-0.35, 12.6),
        (-1e15, 1e15),
        (123.456, 123.9),
        (-2.5, 2.5),
    ]
}

#[test]
fn nice_ticks_are_inside_evenly_spaced_round_and_few_enough() {
    for (lo, hi) in ranges() {
        for max in [2usize, 3, 5, 7, 10, 19] {
            let t = nice_ticks(lo, hi, max);
            assert!(
                !t.is_empty() && t.len() <= max,
                "{lo}..{hi} max {max}: {t:?}"
            );
            assert!(t.iter().all(|v| *v >= lo && *v <= hi), "{lo}..{hi}: {t:?}");
            if t.len() < 2 {
                continue;
            }
            let step = t[1] - t[0];
            let slack = SPACING_REL * lo.abs().max(hi.abs()).max(step);
            for w in t.windows(2) {
                assert!(((w[1] - w[0]) - step).abs() <= slack, "{lo}..{hi}: {t:?}");
            }
            let k = step.log10().floor();
            let m = step / 10f64.powf(k);
            assert!(
                [1.0, 2.0, 5.0, 10.0].iter().any(|c| (m - c).abs() < 1e-6),
                "step {step} of {lo}..{hi} is not 1/2/5 × 10^k"
            );
            // The smallest fitting step: the next smaller 1-2-5 step would give too many.
            let (mr, kr) = (m.round() as i64, k as i32);
            let smaller: f64 = match mr {
                5 => format!("2e{kr}"),
                2 => format!("1e{kr}"),
                _ => format!("5e{}", kr - 1),
            }
            .parse()
            .expect("a decimal step");
            let exact: f64 = format!("{mr}e{kr}").parse().expect("a decimal step");
            assert!(
                t.iter().all(|v| {
                    let q = v / exact;
                    (q - q.round()).abs() <= 1e-6 + 1e-12 * q.abs()
                }),
                "ticks are multiples of the step: {t:?}"
            );
            let n_smaller = (hi / smaller).floor() - (lo / smaller).ceil() + 1.0;
            assert!(
                n_smaller > max as f64,
                "{lo}..{hi} max {max}: step {step} too coarse"
            );
        }
    }
    assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
    assert!(nice_ticks(2.0, 1.0, 5).is_empty());
    assert_eq!(nice_ticks(3.0, 3.0, 5), vec![3.0]);
}

#[test]
fn format_tick_has_no_float_noise() {
    assert_eq!(format_tick(0.1, 0.1), "0.1");
    assert_eq!(format_tick(0.1 + 0.2, 0.1), "0.3");
    assert_eq!(format_tick(-0.5, 0.5), "−0.5");
    assert_eq!(format_tick(-1e-17, 0.1), "0");
    assert_eq!(format_tick(250.0, 50.0), "250");
    assert_eq!(format_tick(1e6, 5e5), "1e+06");
    assert_eq!(format_tick(1.5e6, 5e5), "1.5e+06");
    assert_eq!(format_tick(-2.5e-7, 5e-8), "−2.5e−07");
    assert_eq!(format_tick(1.0000002, 1e-7), "1.0000002");
    assert_eq!(format_tick(0.1f32 as f64, 0.1), "0.1");
    for (lo, hi) in ranges() {
        let t = nice_ticks(lo, hi, 8);
        let step = if t.len() > 1 { t[1] - t[0] } else { hi - lo };
        for v in &t {
            let s = format_tick(*v, step);
            assert!(
                s.chars().count() <= 12,
                "label '{s}' for {v} (step {step}) is noisy"
            );
            let back: f64 = s
                .replace('−', "-")
                .parse()
                .expect("a label reads back as a number (− as the minus)");
            assert!((back - v).abs() <= step * 1e-6, "'{s}' is not {v}");
        }
    }
}

#[test]
fn log_ticks_are_round_positive_and_inside() {
    for (lo, hi) in [
        (1e-6, 1e3),
        (0.5, 40.0),
        (3.0, 7.0),
        (1.0, 1e30),
        (2e-5, 3e-5),
    ] {
        for max in [3usize, 6, 12] {
            let t = log_ticks(lo, hi, max);
            assert!(!t.is_empty() && t.len() <= max, "{lo}..{hi} {max}: {t:?}");
            assert!(t.iter().all(|v| *v >= lo && *v <= hi && *v > 0.0));
            assert!(t.windows(2).all(|w| w[1] > w[0]));
            for v in &t {
                let m = v / 10f64.powf(v.log10().floor());
                let lead = m * 10.0; // two significant digits at most
                assert!(
                    (lead - lead.round()).abs() < 1e-6,
                    "{v} is not a round value"
                );
            }
        }
    }
    let decades = log_ticks(1e-6, 1e3, 20);
    assert!(decades.contains(&1e-6) && decades.contains(&1.0) && decades.contains(&1e3));
    assert!(log_ticks(-1.0, 5.0, 5).is_empty());
}

#[test]
fn log_colorbar_labels_actual_values_at_their_positions() {
    let lut = [[0u8; 4]; 256];
    let rect = PlotRect {
        x: 0.0,
        y: 0.0,
        w: 20.0,
        h: 600.0,
    };
    for (min, max) in [(1e-3, 1e4), (-2.0, 5e5), (0.0, 1.0)] {
        let bar = ColorBar {
            rect,
            lut: &lut,
            min,
            max,
            log: true,
            has_undefined: false,
            clipped_below: false,
        };
        let ticks = colorbar_ticks(&bar, 600.0, 80.0, 4.0, &mut |_| 20.0);
        assert!(ticks.len() >= 3, "{min}..{max}: {ticks:?}");
        for t in &ticks {
            assert!(t.value >= min && t.value <= max);
            let expected = colorbar_fraction(t.value, min, max, true);
            assert!((t.frac - expected).abs() < 1e-12);
            let shown: f64 = t.label.parse().expect("label is a number");
            assert!(
                (shown - t.value).abs() <= 1e-9 * t.value.abs().max(1e-12),
                "{t:?}"
            );
        }
        assert!(ticks.windows(2).all(|w| w[1].frac > w[0].frac));
    }
}

fn bowl_grid(gw: usize, gh: usize) -> Vec<f32> {
    let mut g = Vec::with_capacity(gw * gh);
    for j in 0..gh {
        for i in 0..gw {
            let x = -3.0 + (i as f32 + 0.5) * 6.0 / gw as f32;
            let y = 2.0 - (j as f32 + 0.5) * 4.0 / gh as f32;
            let f = x * x + 3.0 * y * y + x * y;
            g.push(if x > 2.2 && y < -1.0 { f32::NAN } else { f });
        }
    }
    g
}

#[test]
fn contour_labels_do_not_overlap_and_stay_inside_the_plot() {
    let (gw, gh) = (96, 54);
    let grid = bowl_grid(gw, gh);
    let levels: Vec<f64> = (1..=12).map(|k| k as f64 * 1.5).collect();
    for (plot, font) in [
        (
            PlotRect {
                x: 100.0,
                y: 80.0,
                w: 1600.0,
                h: 900.0,
            },
            18.0,
        ),
        (
            PlotRect {
                x: 40.0,
                y: 30.0,
                w: 500.0,
                h: 280.0,
            },
            11.0,
        ),
        (
            PlotRect {
                x: 0.0,
                y: 0.0,
                w: 300.0,
                h: 60.0,
            },
            30.0,
        ),
    ] {
        let labels = place_contour_labels(&grid, gw, gh, &levels, plot, font);
        let rects: Vec<PlotRect> = labels
            .iter()
            .map(|(x, y, t)| {
                let (w, h) = contour_label_size(t, font);
                PlotRect {
                    x: x - w / 2.0,
                    y: y - h / 2.0,
                    w,
                    h,
                }
            })
            .collect();
        for (k, r) in rects.iter().enumerate() {
            assert!(
                plot.contains_rect(r),
                "label {:?} leaves {plot:?}",
                labels[k]
            );
            for s in &rects[k + 1..] {
                assert!(!r.overlaps(s), "{r:?} overlaps {s:?}");
            }
        }
        if plot.h > 100.0 {
            assert!(labels.len() >= 6, "only {} labels", labels.len());
        }
        for (_, _, t) in &labels {
            let v: f64 = t.parse().expect("label is a number");
            assert!(
                levels.iter().any(|l| (l - v).abs() < 0.05),
                "'{t}' is not a level"
            );
        }
    }
    let tiny = PlotRect {
        x: 0.0,
        y: 0.0,
        w: 9.0,
        h: 9.0,
    };
    assert!(place_contour_labels(&grid, gw + 1, gh, &levels, tiny, 10.0).is_empty());
}

#[test]
fn figure_layout_leaves_room_and_scales() {
    let big = FigureLayout::for_figure(1920, 1080, 1.0, true);
    let small = FigureLayout::for_figure(640, 360, 1.0, true);
    assert!((big.scale - 1.0).abs() < 1e-6);
    assert!(small.scale * 18.0 >= 11.0, "labels stay legible");
    assert!(FigureLayout::for_figure(1920, 1080, 2.0, true).plot.w < big.plot.w);
    for l in [big, small, FigureLayout::for_figure(800, 800, 2.0, false)] {
        assert!(l.plot.w > 0.0 && l.plot.h > 0.0);
        assert!(l.plot.x > 0.0 && l.plot.y > l.title_y);
        assert!(l.colorbar.x >= l.plot.right());
    }
}

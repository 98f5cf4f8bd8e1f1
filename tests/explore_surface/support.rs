//! Helpers of the explorer's 3D state tests: the bowl explorer on a plot showing a canvas
//! mode, picks that hit or miss, and a drag in equal steps.

// Shared by two test binaries, each using part of it.
#![allow(dead_code)]

use std::cell::Cell;

use gradfield::app::{Button, ExplorerState};
use gradfield::document::CanvasMode;

/// The bowl on an 800×600 plot showing `mode`.
pub fn explorer(mode: CanvasMode, w: f64, h: f64) -> ExplorerState {
    let mut s = super::common::bowl_explorer();
    s.doc.canvas = mode;
    s.set_plot(w, h);
    s
}

/// A pick that always hits `at` and counts its calls.
pub fn hit(at: (f64, f64), calls: &Cell<u32>) -> impl Fn(f64, f64) -> Option<(f64, f64)> + '_ {
    move |_, _| {
        calls.set(calls.get() + 1);
        Some(at)
    }
}

pub fn miss(_: f64, _: f64) -> Option<(f64, f64)> {
    None
}

/// Press, move in `steps` equal moves by (dx, dy), release; with `pick` for the release.
pub fn drag(
    s: &mut ExplorerState,
    from: (f64, f64),
    by: (f64, f64),
    button: Button,
    ctrl: bool,
    pick: &dyn Fn(f64, f64) -> Option<(f64, f64)>,
) {
    s.plot_pointer_down(from.0, from.1, button, false, ctrl);
    let steps = 8;
    for i in 1..=steps {
        let t = f64::from(i) / f64::from(steps);
        s.plot_pointer_move(from.0 + by.0 * t, from.1 + by.1 * t, ctrl, pick);
    }
    s.plot_pointer_up(from.0 + by.0, from.1 + by.1, pick);
}

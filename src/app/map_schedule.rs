//! What a convergence map depends on ([`MapKey`]) and when the explorer starts a new one
//! ([`MapSchedule`]): at once when none is shown, else once its inputs have stayed the same for
//! [`DEBOUNCE_S`], so that dragging the η slider or panning keeps the UI live. Plain Rust.

use crate::descent::{Hyper, Optimizer};
use crate::View;

/// A map is started once its inputs have stayed the same for this long (seconds), so that
/// dragging the η slider or panning does not restart it every frame.
pub const DEBOUNCE_S: f64 = 0.15;

/// Everything a convergence map depends on: when any of it changes the map is stale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapKey {
    /// [`Rebuild::function_generation`](super::session::Rebuild::function_generation).
    pub generation: u64,
    /// The view on screen.
    pub view: View,
    /// The map's grid W×H.
    pub grid: (u32, u32),
    pub optimizer: Optimizer,
    pub hyper: Hyper,
    pub steps: u32,
    pub tol: f64,
}

/// Decides when a new convergence map is started: at once when nothing is shown yet, else
/// when the wanted inputs have stayed the same for [`DEBOUNCE_S`].
#[derive(Debug, Clone, Default)]
pub struct MapSchedule {
    /// The inputs of the map on screen.
    pub shown: Option<MapKey>,
    /// The inputs of the map being computed.
    pub running: Option<MapKey>,
    wanted: Option<MapKey>,
    quiet: f64,
}

impl MapSchedule {
    /// One frame, `dt` seconds after the last: `wanted` is the map the explorer should show
    /// now (None: no map mode, which forgets every map). Returns the inputs of a map to start
    /// now, if any.
    pub fn update(&mut self, wanted: Option<MapKey>, dt: f64) -> Option<MapKey> {
        let Some(key) = wanted else {
            self.reset();
            return None;
        };
        if self.wanted != Some(key) {
            self.wanted = Some(key);
            self.quiet = 0.0;
        } else if dt.is_finite() && dt > 0.0 {
            self.quiet += dt;
        }
        if self.shown == Some(key) || self.running == Some(key) {
            return None;
        }
        let first = self.shown.is_none() && self.running.is_none();
        if first || self.quiet >= DEBOUNCE_S {
            self.running = Some(key);
            return Some(key);
        }
        None
    }

    /// The map started for `key` is complete and on screen.
    pub fn finished(&mut self, key: MapKey) {
        if self.running == Some(key) {
            self.running = None;
        }
        self.shown = Some(key);
    }

    /// Forget every map (the GPU side was rebuilt or failed).
    pub(crate) fn reset(&mut self) {
        *self = MapSchedule::default();
    }

    /// True while a map is being computed or waits to be started.
    pub fn busy(&self) -> bool {
        self.running.is_some() || (self.wanted.is_some() && self.wanted != self.shown)
    }
}

//! Surviving a lost GPU device: the window rebuilds its GPU state (surface, device, renderer,
//! egui renderer) around the same explorer state, so the function, view, paths and settings
//! stay. This module holds what that needs besides the window: building the per-device parts,
//! a limit on how often it may happen, and the test hook that destroys the device on purpose.

use std::sync::Arc;
use std::time::{Duration, Instant};

use winit::window::Window;

use super::gfx::Graphics;
use super::state::ExplorerState;
use crate::error::{Error, Result};

/// At most this many device losses within [`LOSS_WINDOW`] are survived; more means the GPU is
/// failing for good, and the explorer stops with the error instead of looping.
pub(crate) const MAX_LOSSES: usize = 3;
/// See [`MAX_LOSSES`].
pub(crate) const LOSS_WINDOW: Duration = Duration::from_secs(60);

/// Environment variable for tests: destroy the GPU device at the start of this frame number
/// (0-based), as a driver reset would, to exercise the recovery path.
pub(crate) const LOSE_DEVICE_ENV: &str = "GRADFIELD_LOSE_DEVICE_AT_FRAME";

/// The GPU side of a window: the device and its renderers, an egui context whose textures
/// live on that device, and egui's window-input state bound to that context.
pub(crate) struct DeviceParts {
    pub gfx: Graphics,
    pub ctx: egui::Context,
    pub egui_state: egui_winit::State,
}

impl DeviceParts {
    /// Builds everything that belongs to one device for `window`, drawing `state`'s function.
    /// A fresh egui context each time: egui sends a texture (the font atlas) to a renderer
    /// only once per context, and a new device's renderer starts with none.
    pub(crate) fn new(window: &Arc<Window>, state: &ExplorerState) -> Result<DeviceParts> {
        let gfx = Graphics::new(window.clone(), &state.doc.function)?;
        let max_side = gfx.gpu.device.limits().max_texture_dimension_2d as usize;
        let ctx = egui::Context::default();
        crate::render::fonts::install(&ctx);
        let egui_state = egui_winit::State::new(
            ctx.clone(),
            egui::ViewportId::ROOT,
            window,
            Some(window.scale_factor() as f32),
            None,
            Some(max_side),
        );
        Ok(DeviceParts {
            gfx,
            ctx,
            egui_state,
        })
    }
}

/// How often the device was lost lately, and the test hook.
#[derive(Debug, Default)]
pub(crate) struct Recovery {
    losses: Vec<Instant>,
    /// Destroy the device at the start of this frame (see [`LOSE_DEVICE_ENV`]).
    pub lose_at_frame: Option<u64>,
}

impl Recovery {
    /// No losses yet; the test hook from the environment.
    pub(crate) fn from_env() -> Recovery {
        Recovery {
            losses: Vec::new(),
            lose_at_frame: std::env::var(LOSE_DEVICE_ENV)
                .ok()
                .and_then(|v| v.trim().parse().ok()),
        }
    }

    /// Records a loss at `now`: `Ok` if it may be survived, or the error to stop with when
    /// there were already [`MAX_LOSSES`] within [`LOSS_WINDOW`].
    pub(crate) fn record_loss(&mut self, now: Instant, reason: &str) -> Result<()> {
        self.losses
            .retain(|&t| now.saturating_duration_since(t) < LOSS_WINDOW);
        if self.losses.len() >= MAX_LOSSES {
            return Err(Error::gpu(format!(
                "the GPU device was lost {} times within {} s ({reason}); giving up",
                self.losses.len() + 1,
                LOSS_WINDOW.as_secs()
            )));
        }
        self.losses.push(now);
        Ok(())
    }
}

/// What the status line says after a recovery.
pub(crate) fn recovered_message(reason: &str) -> String {
    format!("the GPU device was lost ({reason}); rebuilt it, keeping the function, view and paths")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn losses_are_survived_until_too_many_come_within_a_minute() {
        let mut r = Recovery::default();
        let t0 = Instant::now();
        for k in 0..MAX_LOSSES {
            assert!(r
                .record_loss(t0 + Duration::from_secs(k as u64), "x")
                .is_ok());
        }
        let e = r
            .record_loss(t0 + Duration::from_secs(10), "driver reset")
            .expect_err("a fourth loss within a minute stops");
        assert!(e.to_string().contains("4 times"), "{e}");
        // Once the old losses are more than a minute back, a new one is survived again.
        let mut r = Recovery::default();
        for k in 0..MAX_LOSSES {
            r.record_loss(t0 + Duration::from_secs(k as u64), "x")
                .unwrap();
        }
        assert!(r
            .record_loss(t0 + LOSS_WINDOW + Duration::from_secs(5), "x")
            .is_ok());
    }
}

//! The explorer window's GPU device: opening the window with its device, putting a device's
//! state in place, and building it anew after the device was lost.

use std::sync::Arc;
use std::time::Instant;

use winit::event_loop::ActiveEventLoop;
use winit::window::Window;

use super::super::recovery::{recovered_message, DeviceParts};
use super::App;
use crate::error::{Error, Result};

impl App {
    pub(super) fn open(&mut self, el: &ActiveEventLoop) -> Result<()> {
        // Hidden until AccessKit's adapter is attached: it must exist before the window is
        // first shown.
        let attrs = Window::default_attributes()
            .with_title("gradfield")
            .with_visible(false)
            .with_inner_size(winit::dpi::LogicalSize::new(
                f64::from(self.window_size.0.max(1)),
                f64::from(self.window_size.1.max(1)),
            ));
        let window = Arc::new(
            el.create_window(attrs)
                .map_err(|e| Error::gpu(format!("could not open a window: {e}")))?,
        );
        let mut parts = DeviceParts::new(&window, &self.state)?;
        parts
            .egui_state
            .init_accesskit(el, &window, self.proxy.clone());
        window.set_visible(true);
        self.window = Some(window);
        self.install(parts);
        Ok(())
    }

    /// Puts a device's GPU state in place (at start, and after a lost device).
    fn install(&mut self, parts: DeviceParts) {
        self.generation = self.state.rebuild.function_generation;
        self.gfx = Some(parts.gfx);
        self.ctx = parts.ctx;
        self.egui_state = Some(parts.egui_state);
    }

    /// After the device was lost: drops everything that lived on it and builds it anew
    /// around the same explorer state (function, view, paths, settings); a convergence map
    /// is computed again. Fails when the device keeps being lost or cannot be rebuilt.
    pub(super) fn recover(&mut self, reason: &str) -> Result<()> {
        self.recovery.record_loss(Instant::now(), reason)?;
        let Some(window) = self.window.clone() else {
            return Ok(());
        };
        self.gfx = None;
        // The window's AccessKit adapter lives on (it can only be made once per window) in
        // the new egui state, and a screen reader that was listening still is.
        let accesskit = self.egui_state.take().and_then(|mut e| e.accesskit.take());
        let reader_on = accesskit.is_some() && self.accesskit_on;
        let mut parts = DeviceParts::new(&window, &self.state)?;
        parts.egui_state.accesskit = accesskit;
        if reader_on {
            parts.ctx.enable_accesskit();
        }
        self.install(parts);
        self.state.map_schedule.reset();
        let message = recovered_message(reason);
        eprintln!("gradfield: {message}");
        self.state.messages.status = Some(message);
        window.request_redraw();
        Ok(())
    }

    /// Why the device was lost, if it was.
    pub(super) fn lost(&self) -> Option<String> {
        let gpu = &self.gfx.as_ref()?.gpu;
        // The loss is reported through a callback that runs when the device is polled.
        let _ = gpu.device.poll(wgpu::PollType::Poll);
        gpu.lost_reason()
    }
}

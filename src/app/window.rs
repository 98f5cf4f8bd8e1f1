//! The explorer window: a winit 0.30 application that owns the window, the GPU (surface,
//! field renderer, egui renderer) and the [`ExplorerState`], and runs one egui + render frame
//! per redraw (more while paths play or the 3D camera settles). Resizes, minimising, scale
//! changes and lost surfaces are handled here.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use egui_winit::accesskit_winit;
use winit::application::ApplicationHandler;
use winit::event::WindowEvent;
use winit::event_loop::{ActiveEventLoop, ControlFlow, EventLoop, EventLoopProxy};
use winit::window::{Fullscreen, Window, WindowId};

use super::exports;
use super::frame::build_frame;
use super::frame_log::FrameLog;
use super::gfx::{EguiFrame, Graphics};
use super::record::Recorder;
use super::recovery::Recovery;
use super::state::ExplorerState;
use crate::error::{Error, Result};

mod device;

/// The time step of one frame with `--frames N`: the animation advances 1/60 s a frame
/// whatever the wall clock says, so two identical runs draw the same frames.
pub(crate) const SCRIPTED_FRAME_STEP: f64 = 1.0 / 60.0;

/// The most frames `--frames N` runs past N while a convergence map is still computing.
const MAP_WAIT_FRAMES: u64 = 2000;

/// How many frames in a row may fail to draw before the explorer gives up. A frame that fails
/// is reported on the status line and on stderr and the demo goes on; only an error that
/// comes back on every frame for this long (a broken driver) ends it.
const MAX_FAILED_FRAMES: u32 = 120;

/// How the explorer is started.
pub(crate) struct Options {
    pub state: ExplorerState,
    /// Run this many frames, then exit.
    pub frames: Option<u64>,
    /// Save the last frame here when `frames` ends.
    pub screenshot: Option<PathBuf>,
    /// The window's inner size in logical pixels (default 1280×800).
    pub window_size: Option<(u32, u32)>,
}

/// Opens the window and runs until it is closed (or `frames` have been drawn).
pub(crate) fn run(options: Options) -> Result<()> {
    let has = |v: &str| std::env::var_os(v).is_some_and(|s| !s.is_empty());
    if !has("DISPLAY") && !has("WAYLAND_DISPLAY") {
        return Err(Error::NoDisplay);
    }
    super::alloc::one_malloc_arena();
    // The event loop carries AccessKit's events (a screen reader asking for the tree, or
    // for an action such as focusing a control) to the window as user events.
    let event_loop = EventLoop::<accesskit_winit::Event>::with_user_event()
        .build()
        .map_err(|_| Error::NoDisplay)?;
    let mut app = App {
        proxy: event_loop.create_proxy(),
        state: options.state,
        frames: options.frames,
        screenshot: options.screenshot,
        window_size: options.window_size.unwrap_or((1280, 800)),
        frames_done: 0,
        window: None,
        gfx: None,
        egui_state: None,
        ctx: egui::Context::default(),
        result: Ok(()),
        last: Instant::now(),
        generation: 0,
        fullscreen_applied: false,
        log: FrameLog::from_env(),
        recorder: None,
        recovery: Recovery::from_env(),
        failed_frames: 0,
        accesskit_on: false,
        refining: false,
    };
    event_loop
        .run_app(&mut app)
        .map_err(|e| Error::gpu(format!("the window's event loop failed: {e}")))?;
    app.result
}

struct App {
    /// Where AccessKit sends a screen reader's requests (see `user_event`).
    proxy: EventLoopProxy<accesskit_winit::Event>,
    state: ExplorerState,
    frames: Option<u64>,
    screenshot: Option<PathBuf>,
    window_size: (u32, u32),
    frames_done: u64,
    window: Option<Arc<Window>>,
    gfx: Option<Graphics>,
    egui_state: Option<egui_winit::State>,
    ctx: egui::Context,
    result: Result<()>,
    last: Instant,
    generation: u64,
    fullscreen_applied: bool,
    log: FrameLog,
    /// A GIF being written on a worker thread.
    recorder: Option<Recorder>,
    recovery: Recovery,
    /// Frames in a row that failed to draw (0 after a frame that worked).
    failed_frames: u32,
    /// A screen reader asked for the accessibility tree (and has not left).
    accesskit_on: bool,
    /// The field's level of detail will be refined by a later frame.
    refining: bool,
}

impl App {
    fn fail(&mut self, el: &ActiveEventLoop, e: Error) {
        self.result = Err(e);
        el.exit();
    }

    /// One frame: time step, egui, state → GPU, present.
    fn frame(&mut self, el: &ActiveEventLoop) -> Result<()> {
        let (Some(window), Some(gfx), Some(egui_state)) =
            (&self.window, &mut self.gfx, &mut self.egui_state)
        else {
            return Ok(());
        };
        let size = window.inner_size();
        if size.width == 0 || size.height == 0 {
            return Ok(());
        }
        if self.recovery.lose_at_frame == Some(self.frames_done) {
            self.recovery.lose_at_frame = None;
            gfx.gpu.device.destroy();
        }
        let started = Instant::now();
        // A scripted run (--frames) advances by frames, not by the clock, so the same command
        // gives the same picture however fast the machine draws.
        let dt = match self.frames {
            Some(_) => SCRIPTED_FRAME_STEP,
            None => started.duration_since(self.last).as_secs_f64(),
        };
        self.last = started;
        self.state.tick(dt.min(0.25));

        if self.fullscreen_applied != self.state.doc.fullscreen {
            self.fullscreen_applied = self.state.doc.fullscreen;
            window.set_fullscreen(
                self.state
                    .doc
                    .fullscreen
                    .then_some(Fullscreen::Borderless(None)),
            );
        }
        // The map advances before the panel is built, so the panel shows where it stands.
        gfx.maps
            .before_frame(&gfx.gpu, &mut gfx.renderer, &mut self.state, dt);
        let mut raw = egui_state.take_egui_input(window);
        // Keys go to the canvas or to a text field before egui sees them.
        super::keys::route_keys(&self.ctx, &mut raw, &mut self.state);
        if self.frames.is_some() {
            // egui's animations (fades, opening panels) on the same frame clock.
            raw.time = Some(self.frames_done as f64 * SCRIPTED_FRAME_STEP);
            raw.predicted_dt = SCRIPTED_FRAME_STEP as f32;
        }
        let (output, frame) = build_frame(
            &self.ctx,
            raw,
            &mut self.state,
            gfx,
            (size.width, size.height),
        );
        egui_state.handle_platform_output(window, output.platform_output);
        if self.state.shader_due(self.generation) {
            self.generation = self.state.rebuild.function_generation;
            if let Err(e) = gfx.set_function(&self.state.doc.function) {
                self.state.messages.render_error = Some(e.to_string());
            }
        }
        gfx.set_paths(&frame, &self.state.running.paths);
        self.refining = gfx.set_detail(&frame, &self.state.doc.function, self.generation, dt);
        let egui_frame = EguiFrame {
            primitives: self.ctx.tessellate(output.shapes, output.pixels_per_point),
            textures: output.textures_delta,
            screen: egui_wgpu::ScreenDescriptor {
                size_in_pixels: [gfx.config.width, gfx.config.height],
                pixels_per_point: output.pixels_per_point,
            },
        };
        gfx.update_textures(&egui_frame.textures);

        self.frames_done += 1;
        // With --frames, the last frame waits (up to MAP_WAIT_FRAMES more) for a map in progress.
        let map_busy = self.state.map_schedule.busy()
            && self
                .frames
                .is_some_and(|n| self.frames_done < n + MAP_WAIT_FRAMES);
        let last_frame = self.frames.is_some_and(|n| self.frames_done >= n) && !map_busy;
        let shot = if last_frame {
            self.screenshot.clone()
        } else if std::mem::take(&mut self.state.requests.screenshot) {
            Some(exports::next_free_name("gradfield-screenshot", "png"))
        } else {
            None
        };
        exports::serve_requests(
            &mut self.state,
            gfx,
            (&frame, &egui_frame),
            &mut self.recorder,
            shot,
            last_frame,
        )?;
        gfx.present(
            window,
            (size.width, size.height),
            &frame,
            &egui_frame,
            &mut self.state,
        )?;
        gfx.free_textures(&egui_frame.textures);
        let cost = gfx.frame_cost();
        let dragging = self.state.plot_dragging();
        self.log
            .record(started.elapsed(), (size.width, size.height), dragging, cost);
        if last_frame {
            el.exit();
        }
        Ok(())
    }

    /// A frame that could not be drawn. A scripted run (`--frames`) stops with the error so
    /// that scripts see it; an interactive one says so and goes on, unless every frame has
    /// failed for [`MAX_FAILED_FRAMES`].
    fn frame_failed(&mut self, el: &ActiveEventLoop, e: Error) {
        self.failed_frames += 1;
        if self.frames.is_some() || self.failed_frames >= MAX_FAILED_FRAMES {
            self.fail(el, e);
            return;
        }
        let message = format!("could not draw the last frame: {e}");
        if self.state.messages.status.as_deref() != Some(message.as_str()) {
            eprintln!("gradfield: {message}");
            self.state.messages.status = Some(message);
        }
        if let Some(window) = &self.window {
            window.request_redraw();
        }
    }

    fn animating(&self) -> bool {
        self.frames.is_some()
            || self.recorder.is_some()
            || self.state.rebuild.function_generation != self.generation
            || (self.state.doc.playing && self.state.any_running())
            || self.state.view3d.needs_redraw()
            || self.refining
            || self
                .gfx
                .as_ref()
                .is_some_and(|g| g.renderer.range_pending())
    }
}

impl ApplicationHandler<accesskit_winit::Event> for App {
    /// A screen reader's request through AccessKit: egui builds the tree from now on, or
    /// acts (focus a control, press a button) as if the person had.
    fn user_event(&mut self, _el: &ActiveEventLoop, event: accesskit_winit::Event) {
        let (Some(window), Some(egui_state)) = (&self.window, &mut self.egui_state) else {
            return;
        };
        match event.window_event {
            accesskit_winit::WindowEvent::InitialTreeRequested => {
                self.accesskit_on = true;
                self.ctx.enable_accesskit();
            }
            accesskit_winit::WindowEvent::ActionRequested(request) => {
                egui_state.on_accesskit_action_request(request);
            }
            accesskit_winit::WindowEvent::AccessibilityDeactivated => {
                self.accesskit_on = false;
                self.ctx.disable_accesskit();
            }
        }
        window.request_redraw();
    }

    fn resumed(&mut self, el: &ActiveEventLoop) {
        if self.window.is_none() {
            if let Err(e) = self.open(el) {
                self.fail(el, e);
            }
        }
    }

    fn window_event(&mut self, el: &ActiveEventLoop, _id: WindowId, event: WindowEvent) {
        let (Some(window), Some(egui_state)) = (&self.window, &mut self.egui_state) else {
            return;
        };
        let response = egui_state.on_window_event(window, &event);
        match event {
            WindowEvent::CloseRequested => el.exit(),
            WindowEvent::DroppedFile(path) => {
                self.state.open_dropped(&path);
                window.request_redraw();
            }
            WindowEvent::Resized(size) => {
                if let Some(gfx) = &mut self.gfx {
                    gfx.resize(size.width, size.height);
                }
                window.request_redraw();
            }
            WindowEvent::RedrawRequested => {
                let result = self.frame(el);
                // A lost device explains whatever the frame ran into: rebuild and go on.
                let outcome = match self.lost() {
                    Some(reason) => self.recover(&reason),
                    None => result,
                };
                match outcome {
                    Ok(()) => self.failed_frames = 0,
                    Err(e) => self.frame_failed(el, e),
                }
            }
            _ => {
                if response.repaint {
                    window.request_redraw();
                }
            }
        }
    }

    fn about_to_wait(&mut self, el: &ActiveEventLoop) {
        if let Some(window) = &self.window {
            if self.animating() {
                window.request_redraw();
                el.set_control_flow(ControlFlow::Poll);
            } else {
                el.set_control_flow(ControlFlow::Wait);
            }
        }
    }
}

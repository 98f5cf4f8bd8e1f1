//! What the explorer writes when asked: screenshots (P, or `--screenshot` when `--frames`
//! ends), the paths as CSV, and GIF recordings on a worker thread. Each says on the status
//! line where it went or what went wrong; a failed write never stops the explorer (only a
//! `--screenshot` the command line asked for fails the run, so scripts see it).

use std::path::{Path, PathBuf};

use super::gfx::{EguiFrame, FrameInput, Graphics};
use super::record::{animation_for, Recorder};
use super::state::ExplorerState;
use crate::error::Result;

/// The smallest canvas side, in pixels, that a screenshot or GIF is made from: below it the
/// picture would show nothing a reader could use.
pub const MIN_EXPORT_SIDE: u32 = 100;

/// Why the canvas is too small to export, if it is.
pub fn too_small_to_export(state: &ExplorerState) -> Option<String> {
    let (w, h) = (state.canvas.0.round() as u32, state.canvas.1.round() as u32);
    (w < MIN_EXPORT_SIDE || h < MIN_EXPORT_SIDE).then(|| {
        format!(
            "the canvas is {w}×{h} pixels; screenshots and GIFs need at least \
             {MIN_EXPORT_SIDE}×{MIN_EXPORT_SIDE}: make the window larger or hide the panel (Tab)"
        )
    })
}

/// `stem-N.ext` for the first N from 1 that names no existing file, in the working directory.
pub(crate) fn next_free_name(stem: &str, ext: &str) -> PathBuf {
    (1..10_000)
        .map(|n| PathBuf::from(format!("{stem}-{n}.{ext}")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| PathBuf::from(format!("{stem}.{ext}")))
}

/// Carries out what this frame was asked to write: `shot` (the last frame's `--screenshot`,
/// or P), a GIF recording (G) and the paths' CSV, and polls a recording in progress. Each
/// reports on the status line; only a failed screenshot that the command line asked for
/// (`shot_required`) is an error.
pub(crate) fn serve_requests(
    state: &mut ExplorerState,
    gfx: &mut Graphics,
    (frame, egui_frame): (&FrameInput, &EguiFrame),
    recorder: &mut Option<Recorder>,
    shot: Option<PathBuf>,
    shot_required: bool,
) -> Result<()> {
    if let Some(path) = shot {
        let result = match too_small_to_export(state) {
            Some(why) => Err(crate::Error::Input(why)),
            None => screenshot(gfx, frame, egui_frame, &path),
        };
        match result {
            Ok(saved) => state.messages.status = Some(saved),
            Err(e) if shot_required => return Err(e),
            Err(e) => state.messages.status = Some(e.to_string()),
        }
        gfx.maps.after_frame(&gfx.renderer, state);
    }
    if std::mem::take(&mut state.requests.record) {
        start_recording(state, gfx, recorder);
    }
    poll_recording(state, recorder);
    if std::mem::take(&mut state.requests.export_csv) {
        export_csv(state);
    }
    Ok(())
}

/// Draws `frame` offscreen and writes it to `path` as a PNG; the status-line text.
pub(crate) fn screenshot(
    gfx: &mut Graphics,
    frame: &FrameInput,
    egui_frame: &EguiFrame,
    path: &Path,
) -> Result<String> {
    let rgba = gfx.capture(frame, egui_frame)?;
    let (w, h) = (gfx.config.width, gfx.config.height);
    crate::export::write_png_rgba8(path, w, h, &rgba)?;
    Ok(format!("saved {}", path.display()))
}

/// Starts recording the paths as a GIF (`G`), unless one is being recorded already.
pub(crate) fn start_recording(
    state: &mut ExplorerState,
    gfx: &Graphics,
    recorder: &mut Option<Recorder>,
) {
    let message = if recorder.is_some() {
        "a GIF is already being recorded".to_string()
    } else if let Some(why) = too_small_to_export(state) {
        why
    } else {
        match animation_for(state, (gfx.config.width, gfx.config.height)) {
            Some(a) => {
                let path = next_free_name("gradfield-animation", "gif");
                let r = Recorder::start(&gfx.gpu, state, a, path);
                let status = r.status();
                *recorder = Some(r);
                status
            }
            None => "no paths to record: click the plot to start one".into(),
        }
    };
    state.messages.status = Some(message);
}

/// Shows a recording's progress, and where it went once it is done.
pub(crate) fn poll_recording(state: &mut ExplorerState, recorder: &mut Option<Recorder>) {
    if let Some(r) = recorder {
        state.messages.status = Some(match r.poll() {
            Some(done) => {
                *recorder = None;
                done
            }
            None => r.status(),
        });
    }
}

/// Writes every path's iterates to `gradfield-paths-N.csv`.
pub(crate) fn export_csv(state: &mut ExplorerState) {
    let path = next_free_name("gradfield-paths", "csv");
    let paths: Vec<_> = state.running.paths.iter().map(|t| t.path.clone()).collect();
    state.messages.status = Some(match crate::export::write_paths_csv(&path, &paths) {
        Ok(()) => format!("saved {}", path.display()),
        Err(e) => e.to_string(),
    });
}

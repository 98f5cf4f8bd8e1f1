//! `gradfield render --3d`: the surface figure as a PNG (`render::SurfaceFigure`), and with
//! `--gif` an animation of it: the paths descending the surface, or without paths the camera
//! orbiting it once (azimuth +360° over the frames from `--camera`, elevation kept). The
//! field and mesh are computed once; each frame only moves the camera or the paths' ends.

use std::path::Path;

use super::document::RenderDocument;
use crate::error::Result;
use crate::export::gif::GifWriter;
use crate::export::quantize::Palette;
use crate::gpu::Gpu;
use crate::render::{SurfaceFigure, SurfaceView};
use crate::surface::{Camera, PinMarks};

/// How the document shows its surface.
pub(crate) fn surface_view(doc: &RenderDocument) -> SurfaceView {
    let s = &doc.doc.surface;
    SurfaceView {
        camera: s.camera,
        vscale: s.vscale,
        floor_contours: s.floor_contours,
        pin: doc.doc.pin.map(|at| PinMarks {
            at,
            direction: doc.doc.direction,
            tangent_plane: s.tangent_plane,
        }),
    }
}

/// The camera of orbit frame `k` of `frames`: a whole turn, the last frame one step short
/// of the first so that the loop does not stall.
pub(crate) fn orbit_camera(start: Camera, k: usize, frames: usize) -> Camera {
    let turn = 360.0 * k as f64 / frames.max(1) as f64;
    Camera {
        azimuth: start.azimuth + turn,
        ..start
    }
    .normalized()
}

/// Writes the PNG of the surface figure.
pub(crate) fn write_png(gpu: &Gpu, doc: &RenderDocument, out: &Path) -> Result<()> {
    let picture = doc.picture();
    let view = surface_view(doc);
    let mut fig = SurfaceFigure::new(gpu, &picture, view)?;
    let pixels = fig.frame(gpu, view.camera, &[])?;
    crate::export::write_png_rgba8(out, doc.size.0, doc.size.1, &pixels)
}

/// Writes the GIF of `frames` frames at `fps`, calling `progress(frames written)`.
pub(crate) fn write_gif(
    gpu: &Gpu,
    doc: &RenderDocument,
    frames: usize,
    fps: u32,
    out: &Path,
    mut progress: impl FnMut(usize),
) -> Result<()> {
    let picture = doc.picture();
    let view = surface_view(doc);
    let animation = doc.animation(frames);
    let mut fig = SurfaceFigure::new(gpu, &picture, view)?;
    let orbit = doc.draws.is_empty();
    let draw = |fig: &mut SurfaceFigure, k: usize| -> Result<Vec<u8>> {
        crate::cli::signals::check()?;
        if orbit {
            fig.frame(gpu, orbit_camera(view.camera, k, frames), &[])
        } else {
            let step = animation.step_at(k);
            fig.frame(gpu, view.camera, &vec![step; doc.draws.len()])
        }
    };
    // The last frame first: its colours make the palette (a descent ends with every path
    // drawn; an orbit's frames all show the same colours).
    let last = draw(&mut fig, frames - 1)?;
    let palette = Palette::build(&last, &animation.fixed_colors())?;
    let mut gif = GifWriter::create(out, doc.size, fps, palette)?;
    for k in 0..frames - 1 {
        let px = draw(&mut fig, k)?;
        gif.write_frame(&px)?;
        progress(gif.frames());
    }
    gif.write_frame(&last)?;
    progress(gif.frames());
    gif.finish()
}

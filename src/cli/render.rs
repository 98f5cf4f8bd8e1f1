//! `gradfield render`: checks the output flags, builds the document from the flags (and a
//! scene), asks `render::draw_document` for the picture's pixels and writes the PNG, and
//! (with --gif) the paths' descent as an animated GIF.

mod data_panel;
mod document;
mod legend;
mod side3d;
mod surface3d;
mod teaching;

use std::path::Path;

use super::figure_args::Format;
use super::RenderArgs;
use crate::error::{Error, Result};
use crate::gpu::Gpu;
use crate::numfmt::quote;
use crate::render::animation::{Animation, MAX_FRAMES};
use crate::render::{draw_document, Coloring};
use document::RenderDocument;

/// Checks the output flags, builds the document from the flags (and `--scene`), draws it
/// and writes the PNG and the GIF.
pub fn run(args: &RenderArgs) -> Result<()> {
    super::check_starts(&args.optim.starts)?;
    let format = match &args.out {
        Some(out) => Format::of(out, "--out")?,
        None => Format::Png,
    };
    if args.gif.is_none() {
        let stray = [
            ("--fps", args.fps.is_some()),
            ("--seconds", args.seconds.is_some()),
        ];
        if let Some((flag, _)) = stray.into_iter().find(|(_, given)| *given) {
            return Err(Error::Input(format!(
                "{flag} only applies with --gif FILE.gif"
            )));
        }
    }
    let gif = args
        .gif
        .as_deref()
        .map(|g| gif_frames(args, g))
        .transpose()?;
    if args.figure.layout.as_deref() == Some("3d") {
        let Some(out) = &args.out else {
            return Err(Error::Input(
                "--layout 3d draws one picture: give --out FILE".into(),
            ));
        };
        let gpu = std::mem::ManuallyDrop::new(crate::gpu::Gpu::headless()?);
        let done = side3d::run(args, &gpu, format, out);
        gpu.save_pipeline_cache();
        return done;
    }
    let doc = RenderDocument::from_args(args, gif.is_some())?;
    if let (true, Some(out)) = (
        doc.doc.canvas.shows_surface() && format.is_vector(),
        &args.out,
    ) {
        return Err(Error::Input(format!(
            "--out {}: the 3D view is drawn as a PNG (and a GIF), not as vectors; give \
             --out FILE.png",
            quote(&out.display().to_string())
        )));
    }
    // Never torn down: the process ends when the files are written, and tearing a software
    // device down (its buffers freed, its threads joined) would cost about 10 ms of every
    // figure (the operating system takes the memory back either way).
    let gpu = std::mem::ManuallyDrop::new(crate::gpu::Gpu::headless()?);
    if doc.doc.canvas.shows_surface() {
        let done = run_surface(args, &doc, &gpu, gif);
        gpu.save_pipeline_cache();
        return done;
    }
    if let (Some(path), Some(frames)) = (&args.gif, gif) {
        let f = &doc.doc.function;
        write_gif(&gpu, f, &doc.animation(frames), gif_timing(args).0, path)?;
    }
    let Some(out) = &args.out else {
        gpu.save_pipeline_cache();
        return Ok(());
    };
    let picture = doc.picture();
    if format.is_vector() {
        let done = write_vector(&gpu, &picture, doc.dpi, format, out);
        gpu.save_pipeline_cache();
        return done;
    }
    let bar = match picture.coloring {
        Coloring::ConvergeMap { settings, .. } => Some(super::progress::bar(
            u64::from(settings.steps),
            format!("convergence map for {}", out.display()),
            "steps",
        )),
        _ => None,
    };
    let drawn = draw_document(&gpu, &picture, &mut |done, _| {
        if let Some(bar) = &bar {
            bar.set_position(u64::from(done));
        }
        super::signals::check()
    });
    if let Some(bar) = bar {
        match &drawn {
            Ok(_) => bar.finish_and_clear(),
            Err(_) => bar.abandon(),
        }
    }
    let drawn = drawn?;
    if let Some(line) = drawn.finding.line() {
        super::out::eprint_line(&line);
    }
    crate::export::write_png_rgba8(out, drawn.size.0, drawn.size.1, &drawn.pixels)?;
    // The device is never dropped (above), so its pipeline cache is written here.
    gpu.save_pipeline_cache();
    Ok(())
}

/// Writes `picture` as an SVG or a PDF of `dpi` at `out`, atomically.
fn write_vector(
    gpu: &Gpu,
    picture: &crate::render::Picture<'_>,
    dpi: f64,
    format: Format,
    out: &Path,
) -> Result<()> {
    let svg =
        crate::render::vector::figure_svg(gpu, picture, dpi, &mut |_, _| super::signals::check())?;
    let bytes = match format {
        Format::Pdf => crate::render::vector::svg_to_pdf(&svg)?,
        _ => svg.into_bytes(),
    };
    crate::export::write_atomic(out, |w| w.write_all(&bytes))
}

/// An error unless `path` ends in `.EXT` (any case).
fn check_extension(path: &Path, flag: &str, ext: &str) -> Result<()> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
    {
        return Ok(());
    }
    Err(Error::Input(format!(
        "{flag} {}: the file must end in .{ext}",
        quote(&path.display().to_string())
    )))
}

/// The number of GIF frames, fps × seconds rounded, checked before any work is done.
fn gif_frames(args: &RenderArgs, path: &Path) -> Result<usize> {
    check_extension(path, "--gif", "gif")?;
    let (fps, seconds) = gif_timing(args);
    let frames = (f64::from(fps) * seconds).round();
    if !(1.0..=MAX_FRAMES as f64).contains(&frames) {
        return Err(Error::Input(format!(
            "--seconds {seconds}: at {fps} fps that is {frames} frames; a GIF may have 1 to \
             {MAX_FRAMES}"
        )));
    }
    Ok(frames as usize)
}

/// Frames per second and seconds of the GIF (15 and 4 unless given).
/// `render --3d` (or a scene showing the surface): the GIF and the PNG of the surface.
fn run_surface(
    args: &RenderArgs,
    doc: &RenderDocument,
    gpu: &Gpu,
    gif: Option<usize>,
) -> Result<()> {
    if let (Some(path), Some(frames)) = (&args.gif, gif) {
        let bar = super::progress::bar(
            frames as u64,
            format!("writing {}", path.display()),
            "frames",
        );
        let fps = gif_timing(args).0;
        let written =
            surface3d::write_gif(gpu, doc, frames, fps, path, |n| bar.set_position(n as u64));
        bar.finish_and_clear();
        written?;
    }
    match &args.out {
        Some(out) => surface3d::write_png(gpu, doc, out),
        None => Ok(()),
    }
}

fn gif_timing(args: &RenderArgs) -> (u32, f64) {
    (args.fps.unwrap_or(15), args.seconds.unwrap_or(4.0))
}

/// Writes the animation with a progress bar on stderr (hidden when stderr is not a terminal).
fn write_gif(
    gpu: &Gpu,
    f: &crate::expr::Function,
    animation: &Animation,
    fps: u32,
    out: &Path,
) -> Result<()> {
    let bar = super::progress::bar(
        animation.frames as u64,
        format!("writing {}", out.display()),
        "frames",
    );
    let stats = animation.write_gif(gpu, f, fps, out, |done, _| bar.set_position(done as u64));
    bar.finish_and_clear();
    let stats = stats?;
    if std::env::var_os("GRADFIELD_GIF_TIMES").is_some() {
        super::out::eprint_line(&format!(
            "gif: {} frames, first {:.1} ms, later mean {:.1} ms, field passes {}, encode {:.1} ms",
            stats.frames,
            stats.first_frame.as_secs_f64() * 1e3,
            stats.later_frames.as_secs_f64() * 1e3,
            stats.field_passes,
            stats.encode.as_secs_f64() * 1e3
        ));
    }
    Ok(())
}

//! `gradfield render`: draws the heatmap, contours, arrows and descent paths, with axes,
//! colour bar and title, to a PNG, and (with --gif) the paths' descent as an animated GIF.

use std::path::Path;

use super::descend::{hyper, run_paths, starts_or_default};
use super::scene::SceneRender;
use super::{resolve, OptimArgs, RenderArgs, Resolved};
use crate::error::{Error, Result};
use crate::expr::Function;
use crate::gpu::Gpu;
use crate::numfmt::quote;
use crate::render::animation::{path_draws, path_labels, AnimatedPath, Animation, MAX_FRAMES};
use crate::render::basin::MapMode;
use crate::render::layout::FigureLayout;
use crate::render::{
    ArrowDir, ArrowLength, ArrowSettings, CoarseGrid, Colormap, FigureText, RangeMode,
    RenderSettings, PATH_PALETTE,
};

/// The picture size when --size is not given.
pub const DEFAULT_SIZE: (u32, u32) = (1600, 900);

pub fn run(args: &RenderArgs) -> Result<()> {
    match &args.scene {
        Some(path) => {
            let scene = crate::scene::load(path)?;
            let (args, extra) = super::scene::render_args(args, &scene)?;
            draw(&args, Some(&extra))
        }
        None => draw(args, None),
    }
}

/// Draws the figure (and the GIF); `scene` adds per-path optimizers and η factors and the
/// layer toggles that have no flag.
fn draw(args: &RenderArgs, scene: Option<&SceneRender>) -> Result<()> {
    super::check_starts(&args.optim.starts)?;
    if let Some(out) = &args.out {
        check_extension(out, "--out", "png")?;
    }
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
    let r = resolve(
        args.function.expr.as_deref(),
        args.function.preset.as_deref(),
    )?;
    let size = args.grid.size.unwrap_or(DEFAULT_SIZE);
    let mut settings = settings(args, r.preset.is_some_and(|p| p.log_scale))?;
    if let Some(s) = scene {
        settings.show_heatmap = s.show_heatmap;
    }
    let fig = FigureLayout::for_figure(size.0, size.1, 1.0, settings.show_heatmap);
    let view = super::view_or_default(args.grid.view, r.preset);
    let view = if args.stretch {
        view
    } else {
        view.fit_aspect(fig.plot.w as f64, fig.plot.h as f64)
    };
    let (_, base, steps) = hyper(&args.optim, &r)?;
    let paths = match scene {
        Some(s) if !s.show_paths => Vec::new(),
        Some(s) => scene_paths(&r, &args.optim, &s.paths)?,
        None => {
            let starts = match gif {
                // Nothing moves without a start: a preset lends its own, otherwise it is an
                // error.
                Some(_) => starts_or_default(&args.optim, &r).map_err(|_| {
                    Error::Input("--gif: nothing would move; give --start X,Y".into())
                })?,
                None => args.optim.starts.clone(),
            };
            if starts.is_empty() {
                Vec::new()
            } else {
                AnimatedPath::palette(run_paths(&r, &args.optim, &starts)?)
            }
        }
    };
    let f = &r.function;
    // The subtitle names the run's η: a sweep's paths carry their own in their labels.
    let subtitle = (!paths.is_empty()).then(|| {
        let p = &paths[0].path;
        format!(
            "{}, η = {}",
            p.optimizer.label(),
            crate::teach::eta_text(base.lr)
        )
    });
    let draws = path_draws(&paths);
    let text = FigureText {
        title: title(f, r.preset, size.0),
        subtitle,
        axis_names: (f.vars.x.clone(), f.vars.y.clone()),
        labels: path_labels(&paths, &view, &fig),
        ui_scale: 1.0,
        contour_grid: args.contour_labels.then(|| {
            let (gw, gh) = (96, 54);
            CoarseGrid {
                values: crate::cpu_field::values(f, &view, gw, gh),
                w: gw as usize,
                h: gh as usize,
            }
        }),
        ..FigureText::default()
    };
    let map_mode: Option<MapMode> = args.converge_map.as_deref().map(str::parse).transpose()?;
    let check_step = args
        .gradient_check
        .then(|| super::check::check_step(args.check_step))
        .transpose()?;
    let gpu = crate::gpu::Gpu::headless()?;
    if let (Some(path), Some(frames)) = (&args.gif, gif) {
        let animation = Animation {
            view,
            size,
            settings,
            text: text.clone(),
            paths,
            steps,
            frames,
        };
        write_gif(&gpu, f, &animation, gif_timing(args).0, path)?;
    }
    let Some(out) = &args.out else {
        return Ok(());
    };
    if let Some(step) = check_step {
        let settings = super::check::check_settings(&settings);
        let plot = (&view, size, &settings);
        return super::check::render_check_png(&gpu, f, step, plot, &draws, text, out);
    }
    match map_mode {
        None => crate::render::render_png(&gpu, f, &view, size, &settings, &draws, &text, out),
        Some(mode) => super::converge::render_map_png(
            &gpu,
            &r,
            &args.optim,
            mode,
            (&view, size, &settings),
            &draws,
            text,
            out,
        ),
    }
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
fn gif_timing(args: &RenderArgs) -> (u32, f64) {
    (args.fps.unwrap_or(15), args.seconds.unwrap_or(4.0))
}

/// Writes the animation with a progress bar on stderr (hidden when stderr is not a terminal).
fn write_gif(gpu: &Gpu, f: &Function, animation: &Animation, fps: u32, out: &Path) -> Result<()> {
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

fn settings(args: &RenderArgs, preset_log: bool) -> Result<RenderSettings> {
    let colormap: Colormap = args.colormap.parse()?;
    let direction = match args.arrows.to_ascii_lowercase().as_str() {
        "ascent" => ArrowDir::Ascent,
        "descent" => ArrowDir::Descent,
        "none" => ArrowDir::None,
        other => {
            return Err(Error::Input(format!(
                "--arrows {}: expected ascent, descent or none",
                quote(other)
            )))
        }
    };
    let length = match args.arrow_length.to_ascii_lowercase().as_str() {
        "normalized" | "normalised" => ArrowLength::Normalized,
        "proportional" => ArrowLength::Proportional,
        "log" => ArrowLength::Log,
        other => {
            return Err(Error::Input(format!(
                "--arrow-length {}: expected normalized, proportional or log",
                quote(other)
            )))
        }
    };
    let settings = RenderSettings {
        colormap,
        levels: args.levels,
        show_contours: args.levels > 0,
        log_scale: args.log || (preset_log && !args.linear),
        range: match args.percentile {
            Some(p) => RangeMode::Percentile(p as f32),
            None => RangeMode::MinMax,
        },
        arrows: ArrowSettings {
            direction,
            length,
            spacing_px: args.arrow_spacing as f32,
        },
        ..RenderSettings::default()
    };
    settings.validate()?;
    Ok(settings)
}

/// The figure's title: the formula, or where it would not fit across the picture the preset's
/// name for it (or the formula cut short with an ellipsis).
fn title(f: &crate::expr::Function, preset: Option<&crate::presets::Preset>, width: u32) -> String {
    let formula = format!("f({}, {}) = {}", f.vars.x, f.vars.y, f.formulas()[0]);
    // Title type is about 1.4 × the 18 px label size at 1080 lines; a glyph is ~0.55 em wide.
    let fits = (width as f64 / (0.55 * 25.0 * (width as f64 / 1920.0).max(0.6))) as usize;
    if formula.chars().count() <= fits {
        return formula;
    }
    match preset {
        Some(p) => p.title.to_string(),
        None => {
            let cut: String = formula.chars().take(fits.saturating_sub(1)).collect();
            format!("{cut}…")
        }
    }
}

/// A scene's paths, each with its own optimizer, η factor and colour, run as `run_paths` runs
/// them; a path of a learning-rate sweep is labelled with its η, as in the explorer.
fn scene_paths(
    r: &Resolved,
    optim: &OptimArgs,
    specs: &[crate::scene::PathStart],
) -> Result<Vec<AnimatedPath>> {
    let (_, base, steps) = hyper(optim, r)?;
    super::check_iterates(specs.len(), steps)?;
    let mut grad = r.function.gradient_fn();
    Ok(specs
        .iter()
        .map(|s| {
            let h = base.with_lr_factor(s.lr_factor);
            let mut path = crate::descent::Path::new(s.start, s.optimizer, h, &mut grad);
            path.run(&mut grad, steps, optim.tol);
            let prefix = s.lr_factor.map(|_| crate::teach::eta_label(h.lr));
            AnimatedPath {
                path,
                color: PATH_PALETTE[s.color % PATH_PALETTE.len()],
                prefix,
            }
        })
        .collect())
}

//! `gradfield render`: draws the heatmap, contours, arrows and descent paths, with axes,
//! colour bar and title, to a PNG.

use super::descend::{hyper, run_paths};
use super::scene::{PathSpec, SceneRender};
use super::{resolve, OptimArgs, RenderArgs, Resolved};
use crate::descent::Path;
use crate::error::{Error, Result};
use crate::render::basin::MapMode;
use crate::render::layout::FigureLayout;
use crate::render::overlay::Label;
use crate::render::{
    ArrowDir, ArrowLength, ArrowSettings, CoarseGrid, Colormap, FigureText, PathDraw, RangeMode,
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

/// Draws the figure; `scene` adds per-path optimizers and η factors and the layer toggles
/// that have no flag.
fn draw(args: &RenderArgs, scene: Option<&SceneRender>) -> Result<()> {
    if !args
        .out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"))
    {
        return Err(Error::Input(format!(
            "--out '{}': the file must end in .png",
            args.out.display()
        )));
    }
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
    let paths = match scene {
        Some(s) if !s.show_paths => Vec::new(),
        Some(s) => scene_paths(&r, &args.optim, &s.paths)?,
        None if args.optim.starts.is_empty() => {
            hyper(&args.optim, &r)?;
            Vec::new()
        }
        None => run_paths(&r, &args.optim, &args.optim.starts)?,
    };
    let draws: Vec<PathDraw> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| PathDraw {
            points: p.points.iter().map(|q| (q.x, q.y)).collect(),
            color: PATH_PALETTE[i % PATH_PALETTE.len()],
            status_done: !p.is_running(),
        })
        .collect();
    let labels = paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let c = p.current();
            let (px, py) = view.to_pixel(c.x, c.y, fig.plot.w as f64, fig.plot.h as f64);
            Label {
                // A path that left the view is labelled just inside the plot's edge nearest to
                // it, with room for the label's box (drawn right of and above its point).
                pos: [
                    fig.plot.x + (px as f32).clamp(0.0, 0.8 * fig.plot.w),
                    fig.plot.y + (py as f32).clamp(0.1 * fig.plot.h, fig.plot.h),
                ],
                text: p.label(),
                color: PATH_PALETTE[i % PATH_PALETTE.len()].map(|v| (v * 255.0).round() as u8),
            }
        })
        .collect();
    let f = &r.function;
    let subtitle = (!paths.is_empty()).then(|| {
        let p = &paths[0];
        format!("{}, η = {}", p.optimizer.label(), p.hyper.lr)
    });
    let text = FigureText {
        title: title(f, r.preset, size.0),
        subtitle,
        axis_names: (f.vars.x.clone(), f.vars.y.clone()),
        labels,
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
    if let Some(step) = check_step {
        let settings = super::check::check_settings(&settings);
        let plot = (&view, size, &settings);
        return super::check::render_check_png(&gpu, f, step, plot, &draws, text, &args.out);
    }
    match map_mode {
        None => {
            crate::render::render_png(&gpu, f, &view, size, &settings, &draws, &text, &args.out)
        }
        Some(mode) => super::converge::render_map_png(
            &gpu,
            &r,
            &args.optim,
            mode,
            (&view, size, &settings),
            &draws,
            text,
            &args.out,
        ),
    }
}

fn settings(args: &RenderArgs, preset_log: bool) -> Result<RenderSettings> {
    let colormap: Colormap = args.colormap.parse()?;
    let direction = match args.arrows.to_ascii_lowercase().as_str() {
        "ascent" => ArrowDir::Ascent,
        "descent" => ArrowDir::Descent,
        "none" => ArrowDir::None,
        other => {
            return Err(Error::Input(format!(
                "--arrows '{other}': expected ascent, descent or none"
            )))
        }
    };
    let length = match args.arrow_length.to_ascii_lowercase().as_str() {
        "normalized" | "normalised" => ArrowLength::Normalized,
        "proportional" => ArrowLength::Proportional,
        "log" => ArrowLength::Log,
        other => {
            return Err(Error::Input(format!(
                "--arrow-length '{other}': expected normalized, proportional or log"
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

/// A scene's paths, each with its own optimizer and η factor, run as `run_paths` runs them.
fn scene_paths(r: &Resolved, optim: &OptimArgs, specs: &[PathSpec]) -> Result<Vec<Path>> {
    let (_, base, steps) = hyper(optim, r)?;
    let mut grad = r.function.gradient_fn();
    Ok(specs
        .iter()
        .map(|s| {
            let mut h = base;
            if let Some(k) = s.lr_factor {
                h.lr *= k;
            }
            let mut p = Path::new(s.start, s.optimizer, h, &mut grad);
            p.run(&mut grad, steps, optim.tol);
            p
        })
        .collect())
}

//! `gradfield render`'s flags (with a scene's values filled in where no flag was typed) as the
//! document a picture is drawn from: the function, view, size, layers, what the colours show,
//! the descent paths run on the CPU and the overlay's words.

use crate::cli::descend::{hyper, run_paths, starts_or_default};
use crate::cli::scene::SceneRender;
use crate::cli::{resolve, OptimArgs, RenderArgs, Resolved};
use crate::document::{ColorBy, Layers, MapSettings, DEFAULT_CHECK_STEP};
use crate::error::{Error, Result};
use crate::gpu::converge::ConvergeSettings;
use crate::numfmt::quote;
use crate::render::animation::{path_draws, path_labels, AnimatedPath, Animation};
use crate::render::basin::MapMode;
use crate::render::layout::FigureLayout;
use crate::render::{
    ArrowDir, ArrowLength, CoarseGrid, Coloring, Colormap, FigureText, PathDraw, Picture,
    RenderSettings, PATH_PALETTE,
};
use crate::view::View;

/// The picture size when --size is not given.
pub const DEFAULT_SIZE: (u32, u32) = (1600, 900);

/// What `gradfield render` draws, built from its flags.
pub struct RenderDocument {
    pub resolved: Resolved,
    pub view: View,
    pub size: (u32, u32),
    pub settings: RenderSettings,
    pub coloring: Coloring,
    /// The descent paths, run to the end.
    pub paths: Vec<AnimatedPath>,
    /// The paths as the renderer draws them.
    pub draws: Vec<PathDraw>,
    pub text: FigureText,
    /// The step limit of the paths (the last frame of a GIF).
    pub steps: usize,
}

impl RenderDocument {
    /// Builds the document; `scene` adds per-path optimizers and η factors and the layer
    /// toggles that have no flag; `animated` says a GIF is wanted (its paths then start
    /// from the preset's start when no --start was given).
    pub fn from_args(
        args: &RenderArgs,
        scene: Option<&SceneRender>,
        animated: bool,
    ) -> Result<RenderDocument> {
        let r = resolve(
            args.function.expr.as_deref(),
            args.function.preset.as_deref(),
        )?;
        let size = args.grid.size.unwrap_or(DEFAULT_SIZE);
        let preset_log = r.preset.is_some_and(|p| p.log_scale);
        let settings = settings(args, preset_log, scene.is_none_or(|s| s.show_heatmap))?;
        let fig = FigureLayout::for_figure(size.0, size.1, 1.0, settings.show_heatmap);
        let view = crate::cli::view_or_default(args.grid.view, r.preset);
        let view = if args.stretch {
            view
        } else {
            view.fit_aspect(fig.plot.w as f64, fig.plot.h as f64)
        };
        let (_, base, steps) = hyper(&args.optim, &r)?;
        let paths = paths(args, scene, &r, animated)?;
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
        let coloring = coloring(args, &r)?;
        Ok(RenderDocument {
            draws: path_draws(&paths),
            resolved: r,
            view,
            size,
            settings,
            coloring,
            paths,
            text,
            steps,
        })
    }

    /// The picture the PNG shows.
    pub fn picture(&self) -> Picture<'_> {
        Picture {
            function: &self.resolved.function,
            view: self.view,
            size: self.size,
            settings: self.settings,
            coloring: self.coloring,
            paths: &self.draws,
            text: self.text.clone(),
        }
    }

    /// The GIF of the paths' descent in `frames` frames.
    pub fn animation(&self, frames: usize) -> Animation {
        Animation {
            view: self.view,
            size: self.size,
            settings: self.settings,
            text: self.text.clone(),
            paths: self.paths.clone(),
            steps: self.steps,
            frames,
        }
    }
}

/// The descent paths: a scene's (each with its own optimizer, η factor and colour), else one
/// per --start (for a GIF without --start, the preset's start).
fn paths(
    args: &RenderArgs,
    scene: Option<&SceneRender>,
    r: &Resolved,
    animated: bool,
) -> Result<Vec<AnimatedPath>> {
    match scene {
        Some(s) if !s.show_paths => Ok(Vec::new()),
        Some(s) => scene_paths(r, &args.optim, &s.paths),
        None => {
            let starts = if animated {
                // Nothing moves without a start: a preset lends its own, otherwise it is an
                // error.
                starts_or_default(&args.optim, r).map_err(|_| {
                    Error::Input("--gif: nothing would move; give --start X,Y".into())
                })?
            } else {
                args.optim.starts.clone()
            };
            if starts.is_empty() {
                Ok(Vec::new())
            } else {
                Ok(AnimatedPath::palette(run_paths(r, &args.optim, &starts)?))
            }
        }
    }
}

/// What the colours show: --converge-map MODE, --gradient-check, else f.
fn coloring(args: &RenderArgs, r: &Resolved) -> Result<Coloring> {
    let map: Option<MapMode> = args.converge_map.as_deref().map(str::parse).transpose()?;
    let mode = match map {
        _ if args.gradient_check => ColorBy::Check,
        Some(MapMode::Basin) => ColorBy::Basin,
        Some(MapMode::Steps) => ColorBy::Steps,
        None => ColorBy::Heatmap,
    };
    let check_step = match mode {
        ColorBy::Check => f64::from(crate::cli::check::check_step(args.check_step)?),
        _ => DEFAULT_CHECK_STEP,
    };
    let maps = MapSettings {
        mode,
        check_step,
        ..MapSettings::default()
    };
    Coloring::of(&maps, || {
        let (optimizer, hyper, steps) = hyper(&args.optim, r)?;
        Ok(ConvergeSettings {
            optimizer,
            hyper,
            steps: crate::cli::converge::checked_steps(steps)?,
            tol: args.optim.tol,
        })
    })
}

/// The layers the flags ask for (the heatmap shown unless `show_heatmap` says otherwise), as
/// render settings.
fn settings(args: &RenderArgs, preset_log: bool, show_heatmap: bool) -> Result<RenderSettings> {
    let colormap: Colormap = args.colormap.parse()?;
    let arrows = match args.arrows.to_ascii_lowercase().as_str() {
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
    let arrow_length = match args.arrow_length.to_ascii_lowercase().as_str() {
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
    let layers = Layers {
        show_heatmap,
        show_contours: args.levels > 0,
        show_paths: true,
        colormap,
        levels: args.levels,
        arrows,
        arrow_length,
        arrow_spacing_px: args.arrow_spacing as f32,
        log_scale: args.log || (preset_log && !args.linear),
        percentile: args.percentile.map(|p| p as f32),
    };
    let settings = RenderSettings::from_layers(&layers);
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
    crate::cli::check_iterates(specs.len(), steps)?;
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

//! What `gradfield render` draws: the document its flags (and a scene) build
//! (`cli::scene::render_document`), with what only the command line says (size, --stretch,
//! --contour-labels, the GIF's start), the descent paths run on the CPU and the overlay's
//! words, ready for `render::draw_document`.

use crate::cli::figure_args::Format;
use crate::cli::RenderArgs;
use crate::document::Document;
use crate::error::{Error, Result};
use crate::gpu::converge::ConvergeSettings;
use crate::render::animation::{path_draws, path_labels, AnimatedPath, Animation};
use crate::render::pin_panels::PinFigure;
use crate::render::{
    CoarseGrid, Coloring, FigureText, PathDraw, Picture, RenderSettings, PATH_PALETTE,
};
use crate::view::View;

/// The picture size when --size is not given.
pub(crate) const DEFAULT_SIZE: (u32, u32) = (1600, 900);

/// What `gradfield render` draws, built from its flags.
pub(crate) struct RenderDocument {
    pub doc: Document,
    /// The document's view fitted to the plot's aspect (unless --stretch).
    pub view: View,
    pub size: (u32, u32),
    pub settings: RenderSettings,
    pub coloring: Coloring,
    /// The descent paths, run to the end.
    pub paths: Vec<AnimatedPath>,
    /// The paths as the renderer draws them.
    pub draws: Vec<PathDraw>,
    pub text: FigureText,
    /// Dots per inch: the page size of a vector figure.
    pub dpi: f64,
}

impl RenderDocument {
    /// Builds the document of `args` (and its scene); `animated` says a GIF is wanted (its
    /// paths then start from the preset's start when no --start was given).
    pub(crate) fn from_args(args: &RenderArgs, animated: bool) -> Result<RenderDocument> {
        let mut doc = crate::cli::scene::render_document(args)?;
        let preset = doc.preset.and_then(|name| crate::presets::find(name).ok());
        let lent = preset.map(|p| (p.start[0], p.start[1]));
        super::teaching::apply(&args.figure, &mut doc, lent)?;
        let starts: Vec<(f64, f64)> = doc.paths.iter().map(|p| p.start).collect();
        crate::cli::check_starts(&starts)?;
        let format = match &args.out {
            Some(out) => Format::of(out, "--out")?,
            None => Format::Png,
        };
        let scene_theme = args.scene.is_some().then_some(doc.theme);
        let pixels = args.grid.size.unwrap_or(DEFAULT_SIZE);
        let spec = args.figure.resolve(pixels, format, scene_theme)?;
        let size = spec.size;
        let mut settings =
            RenderSettings::from_layers(&doc.layers).for_display(spec.line_scale, spec.theme);
        if !args.figure.levels_at.is_empty() {
            settings.levels_at = crate::render::LevelsAt::new(&args.figure.levels_at)?;
            settings.show_contours = true;
            settings.levels = settings.levels.max(1);
        }
        // A GIF of the map lends the preset's start (nothing would move otherwise); one of
        // the surface without paths is the camera orbiting it.
        let lend = args.scene.is_none() && animated && !doc.canvas.shows_surface();
        let paths = paths(&doc, preset, lend)?;
        let f = &doc.function;
        let words = &args.figure;
        // The subtitle names the run's η: a sweep's paths carry their own in their labels.
        let subtitle = (!paths.is_empty() && !words.no_title).then(|| {
            let p = &paths[0].path;
            format!(
                "{}, η = {}{}",
                p.optimizer.label(),
                crate::teach::eta_text(doc.hyper.lr),
                doc.hyper.step_rule_text(p.optimizer)
            )
        });
        let title = match (&words.title, words.no_title) {
            (_, true) => String::new(),
            (Some(t), false) => t.clone(),
            (None, false) => title(f, preset, size.0),
        };
        let mut text = FigureText {
            title,
            subtitle,
            axis_names: (
                words.xlabel.clone().unwrap_or_else(|| f.vars.x.clone()),
                words.ylabel.clone().unwrap_or_else(|| f.vars.y.clone()),
            ),
            theme: spec.theme,
            ui_scale: spec.ui_scale.unwrap_or(1.0),
            colorbar_label: words.clabel.clone(),
            legend: super::legend::entries(&paths, &doc, words.legend.as_deref()),
            no_title: words.no_title,
            ..FigureText::default()
        };
        let on_map = !doc.canvas.shows_surface();
        text.side_panel = match args.figure.layout.as_deref() {
            Some("slices") if doc.pin.is_none() || !on_map => {
                return Err(Error::Input(
                    "--layout slices shows the pin's slices beside the map: give --pin X,Y \
                     (and no --3d)"
                        .into(),
                ))
            }
            Some("data") if doc.function.data().is_none() || !on_map => {
                return Err(Error::Input(
                    "--layout data shows the points a loss is fitted to beside the map: give \
                     --data FILE.csv or a fit preset (and no --3d)"
                        .into(),
                ))
            }
            Some("data") => true,
            Some("plot") => false,
            _ => doc.pin.is_some() && on_map,
        };
        let fig = text.layout(size, settings.show_heatmap);
        // The surface's floor keeps the view's own aspect (the box is not the plot's shape).
        let view = if args.stretch || doc.canvas.shows_surface() {
            doc.view
        } else {
            doc.view.fit_aspect(fig.plot.w as f64, fig.plot.h as f64)
        };
        text.labels = path_labels(&paths, &view, &fig);
        if args.figure.layout.as_deref() == Some("data") {
            text.data = super::data_panel::figure(&doc, &paths);
        }
        if let (Some(pin), true) = (doc.pin, on_map) {
            let figure = PinFigure::new(f, pin, doc.direction, &view).ok_or_else(|| {
                Error::Input(format!(
                    "--pin {},{}: f or its gradient is undefined there, so it has no slopes \
                     to show",
                    crate::numfmt::echo(pin.0),
                    crate::numfmt::echo(pin.1)
                ))
            })?;
            text.pin = Some(figure);
        }
        text.contour_grid = args.contour_labels.then(|| {
            let (gw, gh) = (96, 54);
            CoarseGrid {
                values: crate::cpu_field::values(f, &view, gw, gh),
                w: gw as usize,
                h: gh as usize,
            }
        });
        let coloring = Coloring::of(&doc.maps, || {
            Ok(ConvergeSettings {
                optimizer: doc.optimizer,
                hyper: doc.hyper,
                steps: crate::cli::converge::checked_steps(doc.max_steps)?,
                tol: doc.tol,
            })
        })?;
        Ok(RenderDocument {
            draws: path_draws(&paths),
            doc,
            view,
            size,
            settings,
            coloring,
            paths,
            text,
            dpi: spec.dpi,
        })
    }

    /// The picture the PNG shows.
    pub(super) fn picture(&self) -> Picture<'_> {
        Picture {
            function: &self.doc.function,
            view: self.view,
            size: self.size,
            settings: self.settings,
            coloring: self.coloring,
            paths: &self.draws,
            text: self.text.clone(),
        }
    }

    /// The GIF of the paths' descent in `frames` frames.
    pub(crate) fn animation(&self, frames: usize) -> Animation {
        Animation {
            view: self.view,
            size: self.size,
            settings: self.settings,
            text: self.text.clone(),
            paths: self.paths.clone(),
            steps: self.doc.max_steps,
            frames,
        }
    }
}

/// The document's descent paths, each with its own optimizer, η factor and colour, run to
/// the document's step limit; a path of a learning-rate sweep is labelled with its η, as in
/// the explorer. `lend_start`: without a start the preset lends its own (a GIF, where
/// nothing would move otherwise), and without a preset that is an error.
fn paths(
    doc: &Document,
    preset: Option<&crate::presets::Preset>,
    lend_start: bool,
) -> Result<Vec<AnimatedPath>> {
    if !doc.layers.show_paths {
        return Ok(Vec::new());
    }
    let mut specs = doc.paths.clone();
    if specs.is_empty() && lend_start {
        let p = preset
            .ok_or_else(|| Error::Input("--gif: nothing would move; give --start X,Y".into()))?;
        specs.push(crate::document::PathStart::new(
            (p.start[0], p.start[1]),
            doc.optimizer,
            0,
        ));
    }
    crate::cli::check_iterates(specs.len(), doc.max_steps)?;
    let newton = specs
        .iter()
        .any(|s| s.optimizer == crate::descent::Optimizer::Newton);
    let mut grad = if newton {
        doc.function.tape_with_hessian()
    } else {
        doc.function.tape()
    };
    Ok(specs
        .iter()
        .map(|s| {
            let h = doc.hyper.with_lr_factor(s.lr_factor);
            let mut path = crate::descent::Path::new(s.start, s.optimizer, h, &mut grad);
            path.run(&mut grad, doc.max_steps, doc.tol);
            // A sweep path names its η, a compare scene's path its optimizer.
            let prefix = match s.lr_factor {
                Some(_) => Some(crate::teach::eta_label(h.lr)),
                None => doc.compare.then(|| s.optimizer.label().to_string()),
            };
            AnimatedPath {
                path,
                color: PATH_PALETTE[s.color % PATH_PALETTE.len()],
                prefix,
            }
        })
        .collect())
}

/// The figure's title: the formula, or where it would not fit across the picture the preset's
/// name for it (or the formula cut short with an ellipsis).
fn title(f: &crate::expr::Function, preset: Option<&crate::presets::Preset>, width: u32) -> String {
    // The display form, which the overlay typesets (`render::typeset::title`).
    let formula = crate::document::figure_title(f);
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches};

    /// `render --scene FILE` parsed as `main` parses it.
    fn args_for_scene(file: &std::path::Path) -> RenderArgs {
        let argv = ["gradfield", "render", "--out", "x.png", "--scene"];
        let m = crate::cli::Cli::command()
            .try_get_matches_from(
                argv.iter()
                    .map(std::ffi::OsStr::new)
                    .chain([file.as_os_str()]),
            )
            .expect("valid flags");
        let parsed = crate::cli::Cli::from_arg_matches(&m).expect("parses");
        let Some(crate::cli::Command::Render(mut args)) = parsed.command else {
            panic!("not a render command")
        };
        args.given = crate::cli::scene::given(m.subcommand_matches("render").expect("render"));
        *args
    }

    #[test]
    fn a_compare_scenes_labels_name_their_optimizers() {
        // Reproduces `render --scene` of a compare-mode scene labelling every path only
        // "step 40  f = …", so that a figure of a race did not say who was who.
        let dir = std::env::temp_dir().join(format!("gradfield-compare-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary folder");
        let file = dir.join("race.toml");
        let scene = "version = 1\nfunction = \"x^2 + 3*y^2\"\n[optimizer]\nmax_steps = 40\n\
                     [compare]\non = true\n\
                     [[paths]]\nstart = [2, 1]\noptimizer = \"gd\"\n\
                     [[paths]]\nstart = [2, 1]\noptimizer = \"adam\"\ncolor = 5\n";
        std::fs::write(&file, scene).expect("writes the scene");
        let doc = RenderDocument::from_args(&args_for_scene(&file), false);
        let _ = std::fs::remove_dir_all(&dir);
        let doc = doc.expect("the scene renders");
        let labels: Vec<&str> = doc.text.labels.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(labels.len(), 2, "{labels:?}");
        assert!(labels[0].starts_with("Gradient descent  "), "{labels:?}");
        assert!(labels[1].starts_with("Adam  "), "{labels:?}");
    }

    /// `render ARGV…` parsed as `main` parses it.
    fn args_of(argv: &[&str]) -> RenderArgs {
        let full = ["gradfield", "render"].iter().chain(argv).copied();
        let m = crate::cli::Cli::command()
            .try_get_matches_from(full)
            .expect("valid flags");
        let parsed = crate::cli::Cli::from_arg_matches(&m).expect("parses");
        let Some(crate::cli::Command::Render(mut args)) = parsed.command else {
            panic!("not a render command")
        };
        args.given = crate::cli::scene::given(m.subcommand_matches("render").expect("render"));
        *args
    }

    #[test]
    fn a_gif_of_the_surface_without_starts_is_an_orbit_with_no_path() {
        // The map's GIF lends the preset's start; the surface's does not: no paths, so the
        // animation is the camera orbiting.
        let map = args_of(&["--preset", "himmelblau", "--gif", "a.gif"]);
        let map = RenderDocument::from_args(&map, true).expect("the map's GIF");
        assert_eq!(map.paths.len(), 1, "the preset's start is lent");
        let orbit = args_of(&["--preset", "himmelblau", "--3d", "--gif", "a.gif"]);
        let orbit = RenderDocument::from_args(&orbit, true).expect("the surface's GIF");
        assert!(orbit.paths.is_empty() && orbit.doc.paths.is_empty());
        assert_eq!(orbit.doc.canvas, crate::document::CanvasMode::Surface);
        // Without a preset, a GIF of the map has nothing to move; the surface's orbits.
        let none = args_of(&["x*y", "--gif", "a.gif"]);
        assert!(RenderDocument::from_args(&none, true).is_err());
        let none = args_of(&["x*y", "--3d", "--gif", "a.gif"]);
        assert!(RenderDocument::from_args(&none, true)
            .expect("an orbit")
            .paths
            .is_empty());
        // Typed starts still run on the surface.
        let typed = args_of(&["x*y", "--3d", "--gif", "a.gif", "--start", "1,1"]);
        assert_eq!(
            RenderDocument::from_args(&typed, true)
                .expect("paths")
                .paths
                .len(),
            1
        );
    }
}

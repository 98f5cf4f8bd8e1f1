//! The document `gradfield render` draws: built from the flags ([`render_document`]), or
//! from `--scene FILE` with every flag typed beside it winning over the scene
//! (`render_args`); and which flags were typed.

use super::{OptimArgs, RenderArgs};
use crate::descent::Optimizer;
use crate::document::MapMode;
use crate::document::{ArrowDir, ArrowLength, ColorBy, Colormap, Document, Layers, PathStart};
use crate::error::{Error, Result};
use crate::numfmt::quote;
use clap::parser::ValueSource;

/// What a scene adds to `render` that no flag says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SceneRender {
    pub paths: Vec<PathStart>,
    pub show_heatmap: bool,
    pub show_paths: bool,
}

/// The ids of the arguments given on the command line (not defaults) in `m`.
pub fn given(m: &clap::ArgMatches) -> Vec<String> {
    m.ids()
        .map(|id| id.as_str().to_string())
        .filter(|id| m.value_source(id) == Some(ValueSource::CommandLine))
        .collect()
}

/// `args` with every flag that was not typed taken from `scene`, and the scene's paths (the
/// typed `--start`s instead, if any; a typed `--optimizer` for every path).
pub(crate) fn render_args(
    args: &RenderArgs,
    scene: &Document,
) -> Result<(RenderArgs, SceneRender)> {
    let typed = |id: &str| args.given.iter().any(|g| g == id);
    let mut a = args.clone();
    a.scene = None;
    match scene.preset {
        Some(name) => {
            a.function.preset = Some(name.to_string());
            a.function.expr = None;
        }
        None => {
            a.function.expr = Some(scene.function.source.clone());
            a.function.preset = None;
        }
    }
    // Each value comes from the scene unless its flag was typed.
    let fill = |id: &str| !typed(id);
    set_if(fill("view"), &mut a.grid.view, Some(scene.view));
    let l = &scene.layers;
    set_if(fill("colormap"), &mut a.colormap, l.colormap.to_string());
    let levels = if l.show_contours { l.levels } else { 0 };
    set_if(fill("levels"), &mut a.levels, levels);
    if fill("log") && fill("linear") {
        a.log = l.log_scale;
        a.linear = !l.log_scale;
    }
    set_if(fill("arrows"), &mut a.arrows, l.arrows.name().to_string());
    let length = l.arrow_length.name().to_string();
    set_if(fill("arrow_length"), &mut a.arrow_length, length);
    let spacing = f64::from(l.arrow_spacing_px);
    set_if(fill("arrow_spacing"), &mut a.arrow_spacing, spacing);
    set_if(
        fill("percentile"),
        &mut a.percentile,
        l.percentile.map(f64::from),
    );
    let (o, h) = (&mut a.optim, &scene.hyper);
    set_if(
        fill("optimizer"),
        &mut o.optimizer,
        scene.optimizer.name().to_string(),
    );
    set_if(fill("lr"), &mut o.lr, Some(h.lr));
    set_if(fill("steps"), &mut o.steps, Some(scene.max_steps));
    set_if(fill("tol"), &mut o.tol, scene.tol);
    set_if(fill("momentum"), &mut o.momentum, h.momentum);
    set_if(fill("alpha"), &mut o.alpha, h.alpha);
    set_if(fill("beta1"), &mut o.beta1, h.beta1);
    set_if(fill("beta2"), &mut o.beta2, h.beta2);
    set_if(fill("eps"), &mut o.eps, h.eps);
    set_if(fill("ascent"), &mut o.ascent, h.ascent);
    set_if(fill("schedule"), &mut o.schedule, h.schedule);
    set_if(fill("line_search"), &mut o.line_search, h.line_search);
    // What the colours show: a convergence map or the gradient check, unless a colouring
    // was typed (the two flags exclude each other and --gif).
    let colouring = [
        "converge_map",
        "gradient_check",
        "check_step",
        "stability",
        "gif",
    ];
    if !colouring.iter().any(|id| typed(id)) {
        match scene.maps.mode {
            ColorBy::Heatmap => {}
            ColorBy::Map(MapMode::Basin) | ColorBy::Map(MapMode::Steps) => {
                a.converge_map = Some(scene.maps.mode.name().to_string());
            }
            ColorBy::Check => {
                a.gradient_check = true;
                a.check_step = Some(scene.maps.check_step);
            }
            ColorBy::Stability => a.stability = true,
        }
    }
    let o = &mut a.optim;
    let optimizer: Optimizer = o.optimizer.parse()?;
    let paths = if typed("starts") {
        o.starts
            .iter()
            .enumerate()
            .map(|(color, &start)| PathStart::new(start, optimizer, color))
            .collect()
    } else {
        o.starts = scene.paths.iter().map(|p| p.start).collect();
        scene
            .paths
            .iter()
            .map(|p| PathStart {
                optimizer: if typed("optimizer") {
                    optimizer
                } else {
                    p.optimizer
                },
                ..*p
            })
            .collect()
    };
    let extra = SceneRender {
        paths,
        show_heatmap: l.show_heatmap,
        show_paths: l.show_paths,
    };
    Ok((a, extra))
}

/// `*slot = value` when `fill` (the flag was not typed).
fn set_if<T>(fill: bool, slot: &mut T, value: T) {
    if fill {
        *slot = value;
    }
}

/// The document `render` draws for `args`: the function (EXPR or --preset), view, layers,
/// optimizer with its hyperparameters, tolerance and step limit, one path per `--start` (in
/// palette order) and what the colours show (`--converge-map`, `--gradient-check`). With
/// `--scene` it is the scene's document with every typed flag put over it, the scene's paths
/// (or the typed starts) and the scene's layer toggles; keys no flag has (theme, UI scale,
/// pin, …) are the scene's, although `render` draws today with neither theme nor UI scale.
/// What is not part of a picture (size, output files, GIF timing, `--stretch`,
/// `--contour-labels`) stays in `args`. The 3D view's flags (`--3d`, `--camera`, `--vscale`,
/// `--tangent-plane`, `--no-floor-contours`) go over the scene's `[surface]`. Bad values give
/// the messages the flags always gave.
pub fn render_document(args: &RenderArgs) -> Result<Document> {
    let mut doc = scene_or_flags_document(args)?;
    super::surface::render_flags(args, &mut doc)?;
    Ok(doc)
}

/// [`render_document`] before the surface flags: with `--scene`, the scene's canvas and
/// `[surface]`; without, the map and the defaults.
fn scene_or_flags_document(args: &RenderArgs) -> Result<Document> {
    match &args.scene {
        Some(path) => {
            let scene = crate::scene::load(path)?;
            let (mut merged, extra) = render_args(args, &scene)?;
            // --axes and --set go over the scene's own axes and values below.
            let symbols = std::mem::take(&mut merged.function.symbols);
            let mut doc = flags_document(&merged)?;
            if doc.function.source == scene.function.source {
                // The scene's axes and values, with --axes and --set typed beside it over them.
                doc.function = super::symbols::apply(scene.function.clone(), &symbols)?;
            } else {
                doc.function = super::symbols::apply(doc.function, &symbols)?;
            }
            doc.layers.show_heatmap = extra.show_heatmap;
            doc.layers.show_paths = extra.show_paths;
            doc.paths = extra.paths;
            Ok(Document {
                theme: scene.theme,
                ui_scale: scene.ui_scale,
                panel: scene.panel,
                fullscreen: scene.fullscreen,
                present: scene.present,
                steps_per_second: scene.steps_per_second,
                playing: scene.playing,
                compare: scene.compare,
                compare_set: scene.compare_set,
                sweep: scene.sweep,
                sweep_factors: scene.sweep_factors.clone(),
                pin: scene.pin,
                direction: scene.direction,
                canvas: scene.canvas,
                surface: scene.surface,
                sliders: scene.sliders.clone(),
                descend_all: scene.descend_all,
                maps: crate::document::MapSettings {
                    divisor: scene.maps.divisor,
                    ..doc.maps
                },
                ..doc
            })
        }
        None => flags_document(args),
    }
}

/// The document of the flags alone (`args.scene` is not read).
fn flags_document(args: &RenderArgs) -> Result<Document> {
    let r = super::resolve_args(&args.function)?;
    let view = super::view_or_default(args.grid.view, &r);
    let preset = r.preset;
    let mut doc = Document::new(r.function.clone(), view);
    doc.data = r.data.clone();
    doc.preset = preset
        .filter(|p| p.expr == doc.function.source)
        .map(|p| p.name);
    let data_log = r.data.as_ref().is_some_and(|d| d.model.log_scale());
    doc.layers = flag_layers(args, preset.map_or(data_log, |p| p.log_scale))?;
    let (optimizer, hyper, steps) = super::descend::hyper(&args.optim, &r)?;
    doc.optimizer = optimizer;
    doc.hyper = hyper;
    doc.max_steps = steps;
    doc.tol = args.optim.tol;
    doc.paths = flag_paths(&args.optim, optimizer);
    if let Some(name) = &args.converge_map {
        doc.maps.mode = ColorBy::Map(name.parse::<MapMode>()?);
    }
    if args.gradient_check {
        doc.maps.mode = ColorBy::Check;
        doc.maps.check_step = f64::from(super::check::check_step(args.check_step)?);
    }
    if args.stability {
        doc.maps.mode = ColorBy::Stability;
    }
    Ok(doc)
}

/// One path per `--start`, colours in palette order.
fn flag_paths(optim: &OptimArgs, optimizer: Optimizer) -> Vec<PathStart> {
    optim
        .starts
        .iter()
        .enumerate()
        .map(|(color, &start)| PathStart::new(start, optimizer, color))
        .collect()
}

/// `--colormap`, `--levels`, `--log`/`--linear` (a preset may ask for log), `--percentile`
/// and the arrow flags, checked as the renderer checks them.
fn flag_layers(args: &RenderArgs, preset_log: bool) -> Result<Layers> {
    let colormap: Colormap = args.colormap.parse()?;
    let arrows = ArrowDir::from_name(&args.arrows.to_ascii_lowercase()).ok_or_else(|| {
        Error::Input(format!(
            "--arrows {}: expected ascent, descent or none",
            quote(&args.arrows.to_ascii_lowercase())
        ))
    })?;
    let arrow_length = match args.arrow_length.to_ascii_lowercase().as_str() {
        "normalised" => Some(ArrowLength::Normalized),
        name => ArrowLength::from_name(name),
    }
    .ok_or_else(|| {
        Error::Input(format!(
            "--arrow-length {}: expected normalized, proportional or log",
            quote(&args.arrow_length.to_ascii_lowercase())
        ))
    })?;
    let layers = Layers {
        show_heatmap: true,
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
    crate::render::RenderSettings::from_layers(&layers).validate()?;
    Ok(layers)
}

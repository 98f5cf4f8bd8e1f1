//! `--scene FILE` on the command line: a scene as `render` arguments (flags typed on the
//! command line win over the scene) and which flags were typed.

use super::RenderArgs;
use crate::descent::Optimizer;
use crate::error::Result;
use crate::scene::Scene;
use clap::parser::ValueSource;

/// A path `render` draws for a scene: start, optimizer and η factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathSpec {
    pub start: (f64, f64),
    pub optimizer: Optimizer,
    pub lr_factor: Option<f64>,
}

/// What a scene adds to `render` that no flag says.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneRender {
    pub paths: Vec<PathSpec>,
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
pub fn render_args(args: &RenderArgs, scene: &Scene) -> Result<(RenderArgs, SceneRender)> {
    let typed = |id: &str| args.given.iter().any(|g| g == id);
    let mut a = args.clone();
    a.scene = None;
    match scene.preset {
        Some(name) => {
            a.function.preset = Some(name.to_string());
            a.function.expr = None;
        }
        None => {
            a.function.expr = Some(scene.function.clone());
            a.function.preset = None;
        }
    }
    if !typed("view") {
        a.grid.view = Some(scene.view);
    }
    let l = &scene.layers;
    if !typed("colormap") {
        a.colormap = l.colormap.to_string();
    }
    if !typed("levels") {
        a.levels = if l.show_contours { l.levels } else { 0 };
    }
    if !typed("log") && !typed("linear") {
        a.log = l.log_scale;
        a.linear = !l.log_scale;
    }
    if !typed("arrows") {
        a.arrows = l.arrows.name().to_string();
    }
    if !typed("arrow_length") {
        a.arrow_length = l.arrow_length.name().to_string();
    }
    if !typed("arrow_spacing") {
        a.arrow_spacing = f64::from(l.arrow_spacing_px);
    }
    if !typed("percentile") {
        a.percentile = l.percentile.map(f64::from);
    }
    let (o, h) = (&mut a.optim, &scene.hyper);
    if !typed("optimizer") {
        o.optimizer = scene.optimizer.name().to_string();
    }
    if !typed("lr") {
        o.lr = Some(h.lr);
    }
    if !typed("steps") {
        o.steps = Some(scene.max_steps);
    }
    if !typed("tol") {
        o.tol = scene.tol;
    }
    if !typed("momentum") {
        o.momentum = h.momentum;
    }
    if !typed("alpha") {
        o.alpha = h.alpha;
    }
    if !typed("beta1") {
        o.beta1 = h.beta1;
    }
    if !typed("beta2") {
        o.beta2 = h.beta2;
    }
    if !typed("eps") {
        o.eps = h.eps;
    }
    if !typed("ascent") {
        o.ascent = h.ascent;
    }
    // What the colours show: a convergence map or the gradient check, unless a colouring
    // was typed (the two flags exclude each other and --gif).
    let colouring = ["converge_map", "gradient_check", "check_step", "gif"];
    if !colouring.iter().any(|id| typed(id)) {
        use crate::app::maps::ColorBy;
        match scene.maps.mode {
            ColorBy::Heatmap => {}
            ColorBy::Basin | ColorBy::Steps => {
                a.converge_map = Some(scene.maps.mode.name().to_string());
            }
            ColorBy::Check => {
                a.gradient_check = true;
                a.check_step = Some(scene.maps.check_step);
            }
        }
    }
    let o = &mut a.optim;
    let optimizer: Optimizer = o.optimizer.parse()?;
    let paths = if typed("starts") {
        o.starts
            .iter()
            .map(|&start| PathSpec {
                start,
                optimizer,
                lr_factor: None,
            })
            .collect()
    } else {
        o.starts = scene.paths.iter().map(|p| p.start).collect();
        scene
            .paths
            .iter()
            .map(|p| PathSpec {
                start: p.start,
                optimizer: if typed("optimizer") {
                    optimizer
                } else {
                    p.optimizer
                },
                lr_factor: p.lr_factor,
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

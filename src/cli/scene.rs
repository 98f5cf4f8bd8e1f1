//! `--scene FILE` on the command line: a scene as `render` arguments (flags typed on the
//! command line win over the scene) and which flags were typed.

use super::RenderArgs;
use crate::descent::Optimizer;
use crate::document::{ColorBy, Document, PathStart};
use crate::error::Result;
use clap::parser::ValueSource;

/// What a scene adds to `render` that no flag says.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneRender {
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
pub fn render_args(args: &RenderArgs, scene: &Document) -> Result<(RenderArgs, SceneRender)> {
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
    // What the colours show: a convergence map or the gradient check, unless a colouring
    // was typed (the two flags exclude each other and --gif).
    let colouring = ["converge_map", "gradient_check", "check_step", "gif"];
    if !colouring.iter().any(|id| typed(id)) {
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

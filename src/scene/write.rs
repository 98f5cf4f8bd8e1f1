//! A [`Document`] as the file form, every key written out, so a saved scene does not depend on
//! the defaults of the gradfield that reads it.

use super::file::{
    ColourTable, CompareTable, DisplayTable, LayersTable, MapsTable, OptimizerTable, PathTable,
    PinTable, SceneFile, SweepTable,
};
use super::{Document, VERSION};
use crate::descent::Optimizer;

/// Every key of `s`.
pub(super) fn to_file(s: &Document) -> SceneFile {
    let l = &s.layers;
    let h = &s.hyper;
    let (variables, sliders) = super::symbols::to_tables(s);
    SceneFile {
        version: Some(VERSION),
        // A data loss is its [data] table (or its preset's bundled data), not a formula.
        function: s.data.is_none().then(|| s.function.source.clone()),
        preset: s.preset.map(str::to_string),
        view: Some(vec![s.view.x0, s.view.x1, s.view.y0, s.view.y1]),
        layers: Some(LayersTable {
            heatmap: Some(l.show_heatmap),
            contours: Some(l.show_contours),
            levels: Some(l.levels),
            paths: Some(l.show_paths),
            arrows: Some(l.arrows.name().into()),
            arrow_length: Some(l.arrow_length.name().into()),
            arrow_spacing: Some(f64::from(l.arrow_spacing_px)),
        }),
        colour: Some(ColourTable {
            colormap: Some(l.colormap.label().into()),
            scale: Some(if l.log_scale { "log" } else { "linear" }.into()),
            percentile: l.percentile.map(f64::from),
        }),
        optimizer: Some(OptimizerTable {
            name: Some(s.optimizer.name().into()),
            lr: Some(h.lr),
            momentum: Some(h.momentum),
            alpha: Some(h.alpha),
            beta1: Some(h.beta1),
            beta2: Some(h.beta2),
            eps: h.eps,
            ascent: Some(h.ascent),
            schedule: (h.schedule != crate::descent::Schedule::Const)
                .then(|| h.schedule.to_string()),
            line_search: (h.line_search != crate::descent::LineSearch::None)
                .then(|| h.line_search.name().to_string()),
            tol: Some(s.tol),
            max_steps: Some(s.max_steps as u64),
            steps_per_second: Some(s.steps_per_second),
            playing: Some(s.playing),
            gradient_step: Some(s.show_gradient_step),
            batch: h.batch.map(|b| b as u64),
            seed: s.data.as_ref().map(|_| h.seed),
        }),
        compare: Some(CompareTable {
            on: Some(s.compare),
            optimizers: Some(
                Optimizer::ALL
                    .iter()
                    .zip(s.compare_set)
                    .filter(|(_, on)| *on)
                    .map(|(o, _)| o.name().to_string())
                    .collect(),
            ),
        }),
        sweep: Some(SweepTable {
            on: Some(s.sweep),
            factors: Some(s.sweep_factors.clone()),
        }),
        pin: Some(pin(s)),
        display: Some(DisplayTable {
            theme: Some(s.theme.file_name().into()),
            ui_scale: Some(f64::from(s.ui_scale)),
            panel: Some(s.panel),
            fullscreen: Some(s.fullscreen),
            present: Some(s.present),
        }),
        maps: Some(MapsTable {
            colour_by: Some(s.maps.mode.name().into()),
            grid: Some(s.maps.divisor),
            check_step: Some(s.maps.check_step),
        }),
        surface: Some(super::surface::to_table(s)),
        paths: Some(
            s.paths
                .iter()
                .map(|p| PathTable {
                    start: Some(vec![p.start.0, p.start.1]),
                    optimizer: Some(p.optimizer.name().into()),
                    lr_factor: p.lr_factor,
                    color: Some(p.color as u64),
                })
                .collect(),
        ),
        variables,
        sliders,
        data: None,
    }
}

/// The pin, with θ in degrees when degrees give back exactly the same radians.
fn pin(s: &Document) -> PinTable {
    let deg = s.direction.to_degrees();
    let exact = deg.to_radians().to_bits() == s.direction.to_bits();
    PinTable {
        at: s.pin.map(|(x, y)| vec![x, y]),
        direction_deg: exact.then_some(deg),
        direction: (!exact).then_some(s.direction),
        check_step: Some(s.point_check_step),
    }
}

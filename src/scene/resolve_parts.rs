//! Checking each table of a scene file into the [`Document`]: layers and colour, display,
//! optimizer, compare / sweep / pin, and the paths. Keys left out keep what is there.

use super::file::SceneFile;
use super::resolve::{self as r, check, checked, Ctx};
use super::{Document, PathStart};
use crate::checks;
use crate::descent::Optimizer;
use crate::document::{ArrowDir, ArrowLength, Colormap, Layers, Theme};
use crate::error::Result;
use crate::numfmt::quote;

/// Largest number of contour levels (as the renderer allows).
const MAX_LEVELS: u32 = 1000;
/// Arrow spacing range in pixels (as the renderer allows).
const ARROW_SPACING: (f64, f64) = (8.0, 4096.0);

pub(super) fn layers(ctx: &Ctx, f: &SceneFile, l: &mut Layers) -> Result<()> {
    if let Some(t) = &f.layers {
        set(&mut l.show_heatmap, t.heatmap);
        set(&mut l.show_contours, t.contours);
        set(&mut l.show_paths, t.paths);
        if let Some(n) = t.levels {
            if n > MAX_LEVELS {
                return Err(ctx.err("layers.levels", format!("at most {MAX_LEVELS}, got {n}")));
            }
            l.levels = n;
        }
        if let Some(name) = &t.arrows {
            l.arrows = ArrowDir::from_name(name).ok_or_else(|| {
                ctx.err(
                    "layers.arrows",
                    unknown("arrow direction", name, "descent, ascent, none"),
                )
            })?;
        }
        if let Some(name) = &t.arrow_length {
            l.arrow_length = ArrowLength::from_name(name).ok_or_else(|| {
                let names = "normalized, proportional, log";
                ctx.err("layers.arrow_length", unknown("arrow length", name, names))
            })?;
        }
        if let Some(v) = t.arrow_spacing {
            let (lo, hi) = ARROW_SPACING;
            let range = format!("{lo} to {hi} pixels");
            let ok = |v| (lo..=hi).contains(&v);
            l.arrow_spacing_px = check(ctx, "layers.arrow_spacing", v, ok, &range)? as f32;
        }
    }
    if let Some(t) = &f.colour {
        if let Some(name) = &t.colormap {
            l.colormap = name.parse::<Colormap>().map_err(|_| {
                let labels: Vec<&str> = Colormap::ALL.iter().map(Colormap::label).collect();
                ctx.err(
                    "colour.colormap",
                    unknown("colour map", name, &labels.join(", ")),
                )
            })?;
        }
        if let Some(s) = &t.scale {
            l.log_scale = match s.as_str() {
                "log" => true,
                "linear" => false,
                other => {
                    return Err(ctx.err("colour.scale", unknown("scale", other, "linear, log")))
                }
            };
        }
        if let Some(p) = t.percentile {
            let ok = |p| p > 0.0 && p < 50.0;
            l.percentile = Some(check(ctx, "colour.percentile", p, ok, "between 0 and 50")? as f32);
        }
    }
    Ok(())
}

pub(super) fn display(ctx: &Ctx, f: &SceneFile, s: &mut Document) -> Result<()> {
    let Some(t) = &f.display else { return Ok(()) };
    if let Some(name) = &t.theme {
        s.theme = Theme::from_name(name).ok_or_else(|| {
            ctx.err(
                "display.theme",
                unknown("theme", name, "dark, light, high-contrast, print"),
            )
        })?;
    }
    if let Some(v) = t.ui_scale {
        let (lo, hi) = crate::document::UI_SCALE_RANGE;
        let ok = |v| (f64::from(lo)..=f64::from(hi)).contains(&v);
        s.ui_scale = check(ctx, "display.ui_scale", v, ok, &r::ui_scale_range())? as f32;
    }
    set(&mut s.panel, t.panel);
    set(&mut s.fullscreen, t.fullscreen);
    set(&mut s.present, t.present);
    Ok(())
}

pub(super) fn maps(ctx: &Ctx, f: &SceneFile, s: &mut Document) -> Result<()> {
    use crate::document::{ColorBy, CHECK_STEP_RANGE, MAP_DIVISORS};
    let Some(t) = &f.maps else { return Ok(()) };
    if let Some(name) = &t.colour_by {
        s.maps.mode = name.parse::<ColorBy>().map_err(|_| {
            ctx.err(
                "maps.colour_by",
                unknown("colour_by", name, "heatmap, basin, steps, check, stability"),
            )
        })?;
    }
    if let Some(g) = t.grid {
        if !MAP_DIVISORS.contains(&g) {
            return Err(ctx.err("maps.grid", format!("{g}: expected 1, 2, 4 or 8")));
        }
        s.maps.divisor = g;
    }
    if let Some(h) = t.check_step {
        let (lo, hi) = CHECK_STEP_RANGE;
        let range = format!("in [{lo:e}, {hi:e}]");
        s.maps.check_step = check(
            ctx,
            "maps.check_step",
            h,
            |h| (lo..=hi).contains(&h),
            &range,
        )?;
    }
    Ok(())
}

pub(super) fn optimizer(ctx: &Ctx, f: &SceneFile, s: &mut Document) -> Result<()> {
    let Some(t) = &f.optimizer else { return Ok(()) };
    if let Some(name) = &t.name {
        s.optimizer = optimizer_named(ctx, "optimizer.name", name)?;
        // A preset's default path follows the scene's optimizer.
        for p in &mut s.paths {
            p.optimizer = s.optimizer;
        }
    }
    let h = &mut s.hyper;
    if let Some(v) = t.lr {
        h.lr = checked(ctx, "optimizer.lr", v, checks::learning_rate)?;
    }
    if let Some(v) = t.momentum {
        h.momentum = checked(ctx, "optimizer.momentum", v, checks::decay)?;
    }
    if let Some(v) = t.alpha {
        h.alpha = checked(ctx, "optimizer.alpha", v, checks::alpha)?;
    }
    if let Some(v) = t.beta1 {
        h.beta1 = checked(ctx, "optimizer.beta1", v, checks::decay)?;
    }
    if let Some(v) = t.beta2 {
        h.beta2 = checked(ctx, "optimizer.beta2", v, checks::decay)?;
    }
    if let Some(v) = t.eps {
        h.eps = Some(checked(ctx, "optimizer.eps", v, checks::positive)?);
    }
    set(&mut h.ascent, t.ascent);
    if let Some(text) = &t.schedule {
        h.schedule = text.parse().map_err(|e| ctx.err("optimizer.schedule", e))?;
    }
    if let Some(text) = &t.line_search {
        h.line_search = text
            .parse()
            .map_err(|e| ctx.err("optimizer.line_search", e))?;
    }
    if let Some(b) = t.batch {
        if b == 0 || b > crate::fit::MAX_ROWS as u64 {
            let why = format!(
                "must be a whole number from 1 to {}, got {b}",
                crate::fit::MAX_ROWS
            );
            return Err(ctx.err("optimizer.batch", why));
        }
        h.batch = Some(b as usize);
    }
    set(&mut h.seed, t.seed);
    h.validate().map_err(|e| ctx.err("optimizer", e))?;
    if let Err(e) = h.check_for(s.optimizer) {
        return Err(ctx.err("optimizer.line_search", e));
    }
    if let Some(v) = t.tol {
        s.tol = checked(ctx, "optimizer.tol", v, checks::tolerance)?;
    }
    if let Some(n) = t.max_steps {
        if n == 0 || n > 1_000_000 {
            return Err(ctx.err(
                "optimizer.max_steps",
                format!("must be 1 to 1000000, got {n}"),
            ));
        }
        s.max_steps = n as usize;
    }
    if let Some(v) = t.steps_per_second {
        let ok = |v| v > 0.0 && v <= 10_000.0;
        s.steps_per_second = check(ctx, "optimizer.steps_per_second", v, ok, "in (0, 10000]")?;
    }
    set(&mut s.playing, t.playing);
    set(&mut s.show_gradient_step, t.gradient_step);
    Ok(())
}

pub(super) fn teaching(ctx: &Ctx, f: &SceneFile, s: &mut Document) -> Result<()> {
    if let Some(t) = &f.compare {
        set(&mut s.compare, t.on);
        if let Some(names) = &t.optimizers {
            let max = Optimizer::ALL.len();
            if names.len() > max {
                let why = format!("name at most the {max} optimizers, got {}", names.len());
                return Err(ctx.err(&format!("compare.optimizers[{max}]"), why));
            }
            s.compare_set = [false; Optimizer::ALL.len()];
            for (i, name) in names.iter().enumerate() {
                let o = optimizer_named(ctx, &format!("compare.optimizers[{i}]"), name)?;
                if let Some(k) = Optimizer::ALL.iter().position(|x| *x == o) {
                    s.compare_set[k] = true;
                }
            }
        }
    }
    if let Some(t) = &f.sweep {
        set(&mut s.sweep, t.on);
        if let Some(factors) = &t.factors {
            let max = crate::teach::MAX_SWEEP_FACTORS;
            if factors.is_empty() || factors.len() > max {
                let why = format!("give 1 to {max} factors, got {}", factors.len());
                return Err(ctx.err("sweep.factors", why));
            }
            for (i, &k) in factors.iter().enumerate() {
                checked(ctx, &format!("sweep.factors[{i}]"), k, checks::positive)?;
            }
            s.sweep_factors = factors.clone();
        }
    }
    if s.compare && s.sweep {
        return Err(ctx.err("sweep.on", "sweep and compare cannot both be on"));
    }
    if let Some(t) = &f.pin {
        if let Some(at) = &t.at {
            s.pin = Some(r::point(ctx, "pin.at", at)?);
        }
        match (t.direction_deg, t.direction) {
            (Some(_), Some(_)) => {
                let why = "give direction_deg or direction (radians), not both";
                return Err(ctx.err("pin.direction", why));
            }
            (Some(d), None) => {
                let d = checked(ctx, "pin.direction_deg", d, checks::direction)?;
                s.direction = normalise(d.to_radians());
            }
            (None, Some(rad)) => {
                s.direction = normalise(checked(ctx, "pin.direction", rad, checks::direction)?);
            }
            (None, None) => {}
        }
        if let Some(h) = t.check_step {
            let (lo, hi) = crate::teach::POINT_CHECK_RANGE;
            let range = format!("in [{lo:e}, {hi:e}]");
            s.point_check_step =
                check(ctx, "pin.check_step", h, |h| (lo..=hi).contains(&h), &range)?;
        }
    }
    Ok(())
}

pub(super) fn paths(ctx: &Ctx, f: &SceneFile, s: &mut Document) -> Result<()> {
    let Some(list) = &f.paths else { return Ok(()) };
    s.paths.clear();
    for (i, p) in list.iter().enumerate() {
        let field = |k: &str| format!("paths[{i}].{k}");
        let start = p
            .start
            .as_ref()
            .ok_or_else(|| ctx.err(&format!("paths[{i}]"), "start = [x, y] is missing"))?;
        let (x, y) = r::point(ctx, &field("start"), start)?;
        let optimizer = match &p.optimizer {
            Some(name) => optimizer_named(ctx, &field("optimizer"), name)?,
            None => s.optimizer,
        };
        let lr_factor = match p.lr_factor {
            Some(k) => Some(checked(ctx, &field("lr_factor"), k, checks::positive)?),
            None => None,
        };
        let color = match p.color {
            Some(c) if c >= 1000 => {
                return Err(ctx.err(&field("color"), format!("must be below 1000, got {c}")))
            }
            Some(c) => c as usize,
            None => i,
        };
        s.paths.push(PathStart {
            start: (x, y),
            optimizer,
            lr_factor,
            color,
        });
    }
    Ok(())
}

fn optimizer_named(ctx: &Ctx, field: &str, name: &str) -> Result<Optimizer> {
    name.parse::<Optimizer>()
        .map_err(|e| ctx.err(field, r::strip(e, "")))
}

fn unknown(what: &str, name: &str, choices: &str) -> String {
    format!("unknown {what} {}: choose one of {choices}", quote(name))
}

fn set<T>(slot: &mut T, v: Option<T>) {
    if let Some(v) = v {
        *slot = v;
    }
}

/// θ in (−π, π], as the explorer keeps it (a value already there is kept bit for bit).
fn normalise(theta: f64) -> f64 {
    use std::f64::consts::PI;
    if theta > -PI && theta <= PI {
        return theta;
    }
    let r = theta.rem_euclid(std::f64::consts::TAU);
    if r > std::f64::consts::PI {
        r - std::f64::consts::TAU
    } else {
        r
    }
}

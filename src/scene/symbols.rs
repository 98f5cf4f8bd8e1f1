//! The scene's `[variables]` table (which two variables are on the axes, `axes = ["x", "z"]`,
//! and `descend_all`) and its `[[sliders]]` (one per parameter or held variable: `name`,
//! `value`, `min`, `max`, `step`), read with the checks the explorer's sliders use and written
//! with every key.

use serde::{Deserialize, Serialize};

use super::file::SceneFile;
use super::resolve::Ctx;
use super::Document;
use crate::document::SymbolSlider;
use crate::error::Result;
use crate::numfmt::quote;

/// `[variables]`.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VariablesTable {
    /// The horizontal and vertical variables.
    pub axes: Option<Vec<String>>,
    /// Paths move the held variables too.
    pub descend_all: Option<bool>,
}

/// One `[[sliders]]` entry.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SliderTable {
    pub name: Option<String>,
    pub value: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub step: Option<f64>,
}

/// `[variables]` and `[[sliders]]` of `s`, every key (nothing for a function of x and y alone).
pub(super) fn to_tables(s: &Document) -> (Option<VariablesTable>, Option<Vec<SliderTable>>) {
    let f = &s.function;
    let variables = (f.vars.variables().len() > 2 || s.descend_all).then(|| VariablesTable {
        axes: Some(vec![f.vars.x.clone(), f.vars.y.clone()]),
        descend_all: Some(s.descend_all),
    });
    let sliders: Vec<SliderTable> = f
        .vars
        .syms
        .iter()
        .map(|sym| {
            let sl = s.slider(&sym.name);
            SliderTable {
                name: Some(sym.name.clone()),
                value: f.value_of(&sym.name),
                min: Some(sl.min),
                max: Some(sl.max),
                step: Some(sl.step),
            }
        })
        .collect();
    (variables, (!sliders.is_empty()).then_some(sliders))
}

/// Puts `[variables]` and `[[sliders]]` into `s` (whose function is already parsed): the axes
/// first, then each slider's range and value. A name the function lacks is an error naming
/// the entry.
pub(super) fn resolve(ctx: &Ctx, f: &SceneFile, s: &mut Document) -> Result<()> {
    if let Some(t) = &f.variables {
        if let Some(axes) = &t.axes {
            let [a, b] = <[String; 2]>::try_from(axes.clone()).map_err(|_| {
                ctx.err(
                    "variables.axes",
                    format!("needs 2 names [\"x\", \"y\"], got {}", axes.len()),
                )
            })?;
            s.function = s
                .function
                .with_axes(&a, &b)
                .map_err(|e| ctx.err("variables.axes", e))?;
        }
        if let Some(on) = t.descend_all {
            s.descend_all = on;
        }
    }
    for (i, t) in f.sliders.iter().flatten().enumerate() {
        let field = |k: &str| format!("sliders[{i}].{k}");
        let Some(name) = &t.name else {
            return Err(ctx.err(&field("name"), "missing: which parameter or held variable"));
        };
        let Some(now) = s.function.value_of(name) else {
            let why = format!(
                "{} is not a parameter or held variable of this function",
                quote(name)
            );
            return Err(ctx.err(&field("name"), why));
        };
        let value = t.value.unwrap_or(now);
        let default = SymbolSlider::default_for(name, value);
        let slider = SymbolSlider {
            name: name.clone(),
            min: t.min.unwrap_or(default.min),
            max: t.max.unwrap_or(default.max),
            step: t.step.unwrap_or(default.step),
        };
        slider
            .check()
            .map_err(|e| ctx.err(&format!("sliders[{i}]"), e))?;
        if !(value.is_finite() && (slider.min..=slider.max).contains(&value)) {
            let why = format!(
                "must be a number within the slider's range [{}, {}], got {value}",
                slider.min, slider.max
            );
            return Err(ctx.err(&field("value"), why));
        }
        s.function.set_value(name, value);
        s.sliders.retain(|x| x.name != *name);
        if slider != default {
            s.sliders.push(slider);
        }
    }
    Ok(())
}

//! The sliders of a function's parameters and held variables: each one's range and step (its
//! value is the function's own, `Function::values`), and the held values written out for
//! titles ("at z = 2").

use crate::expr::{Function, SymKind};
use crate::numfmt;

/// The range a slider starts with, widened to take in its value.
pub const DEFAULT_RANGE: (f64, f64) = (-5.0, 5.0);
/// The step a slider starts with.
pub const DEFAULT_STEP: f64 = 0.05;
/// The largest magnitude a slider's end or value may have (f32 holds it on the GPU with room).
pub const MAX_SLIDER: f64 = 1e6;

/// One slider: the symbol's name, its range and the step of its keys.
#[derive(Debug, Clone, PartialEq)]
pub struct SymbolSlider {
    pub name: String,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl SymbolSlider {
    /// The default slider for `name` at `value`: [`DEFAULT_RANGE`] widened to a round number
    /// past the value when it lies outside.
    pub fn default_for(name: &str, value: f64) -> SymbolSlider {
        let (mut min, mut max) = DEFAULT_RANGE;
        if value.is_finite() {
            if value < min {
                min = -(value.abs() * 2.0).ceil();
            }
            if value > max {
                max = (value * 2.0).ceil();
            }
        }
        SymbolSlider {
            name: name.to_string(),
            min,
            max,
            step: DEFAULT_STEP,
        }
    }

    /// Why the slider cannot be used, if it cannot: ends finite within ±[`MAX_SLIDER`], min
    /// below max, a step above 0 and no wider than the range.
    pub fn check(&self) -> Result<(), String> {
        let finite = |v: f64| v.is_finite() && v.abs() <= MAX_SLIDER;
        if !(finite(self.min) && finite(self.max)) {
            return Err(format!(
                "the range of '{}' must be finite numbers within ±{MAX_SLIDER:e}",
                self.name
            ));
        }
        if self.min >= self.max {
            return Err(format!(
                "the range of '{}' must start below its end ({} ≥ {})",
                self.name,
                numfmt::echo(self.min),
                numfmt::echo(self.max)
            ));
        }
        if !(self.step.is_finite() && self.step > 0.0 && self.step <= self.max - self.min) {
            return Err(format!(
                "the step of '{}' must be above 0 and at most the range's width",
                self.name
            ));
        }
        Ok(())
    }

    /// `value` moved by `steps` steps, kept within the range.
    pub fn nudged(&self, value: f64, steps: f64) -> f64 {
        (value + steps * self.step).clamp(self.min, self.max)
    }
}

/// "z = 2, w = 0.5" for the held variables of `f` (empty when none is held), and the same
/// for its parameters, for titles and the panel.
pub fn held_text(f: &Function, kind: SymKind) -> String {
    f.vars
        .syms
        .iter()
        .zip(&f.values)
        .filter(|(s, _)| s.kind == kind)
        .map(|(s, v)| format!("{} = {}", s.name, value_text(*v)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A figure's title: `f(x, y) = x² + y²`, with every variable in the head and the
/// [`values_suffix`] after it (`f(x, y, z) = …  at z = 2  with a = 1`).
pub fn figure_title(f: &Function) -> String {
    if let Some(d) = f.data() {
        return format!(
            "L({}, {}) = {}   ({}, {} points)",
            f.vars.x,
            f.vars.y,
            f.display_formulas()[0],
            d.label,
            d.len()
        );
    }
    format!(
        "{} = {}{}",
        f.vars.head(),
        f.display_formulas()[0],
        values_suffix(f)
    )
}

/// What follows a formula in a title: "  at z = 2" for the held variables and "  with a = 1"
/// for the parameters, each only when there are some.
pub fn values_suffix(f: &Function) -> String {
    let mut t = String::new();
    for (kind, word) in [(SymKind::Held, "at"), (SymKind::Param, "with")] {
        let values = held_text(f, kind);
        if !values.is_empty() {
            t.push_str(&format!("  {word} {values}"));
        }
    }
    t
}

/// A slider's value as people read it: exact when short (`2`, `-0.25` with its minus sign),
/// else five significant digits.
pub fn value_text(v: f64) -> String {
    let exact = numfmt::echo(v);
    let text = if exact.len() <= 8 {
        exact
    } else {
        let s = numfmt::short(v);
        if s.contains('.') && !s.contains('e') {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            s
        }
    };
    text.replace('-', "−")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sliders_widen_to_their_value_and_refuse_empty_ranges() {
        let s = SymbolSlider::default_for("a", 12.5);
        assert_eq!((s.min, s.max), (-5.0, 25.0));
        assert!(s.check().is_ok());
        assert_eq!(s.nudged(24.99, 10.0), 25.0);
        let s = SymbolSlider::default_for("a", -7.0);
        assert_eq!(s.min, -14.0);
        let bad = |min, max, step| {
            SymbolSlider {
                name: "k".into(),
                min,
                max,
                step,
            }
            .check()
        };
        assert!(bad(1.0, 1.0, 0.1).unwrap_err().contains("below"));
        assert!(bad(0.0, f64::INFINITY, 0.1).is_err());
        assert!(bad(0.0, 1.0, 0.0).is_err());
        assert!(bad(0.0, 1.0, 2.0).is_err());
        let f = Function::parse("f(x, y, z) = a x + z").unwrap();
        assert_eq!(held_text(&f, SymKind::Held), "z = 1");
        assert_eq!(held_text(&f, SymKind::Param), "a = 1");
        assert_eq!(value_text(0.45000000000000007), "0.45");
        assert_eq!(value_text(-0.25), "−0.25");
        assert_eq!(value_text(1.0 / 3.0), "0.33333");
    }
}

//! The explorer's parameters and held variables: moving a slider (the panel, the keys `[`
//! and `]`, a sweep playing back and forth), choosing the two axis variables, and keeping
//! values and axes when the formula is edited. A value change re-evaluates the field without
//! a new shader (the values are a uniform) and restarts the paths from their starts.

use super::state::ExplorerState;
use crate::document::SymbolSlider;
use crate::expr::{Function, SymKind};

/// A sweep crosses its slider's whole range in this many seconds, then turns back.
pub const SWEEP_SECONDS: f64 = 4.0;

/// What the explorer remembers of the sliders between frames: which one the keys move and
/// which ones are sweeping (at most one entry per symbol; cleared for names the function no
/// longer has when it changes).
#[derive(Debug, Clone, Default)]
pub struct SymbolUi {
    /// The symbol `[` and `]` move, by name.
    pub selected: Option<String>,
    /// Sweeping symbols with their direction (+1 up, −1 down).
    pub sweeps: Vec<(String, f64)>,
}

impl ExplorerState {
    /// The function's symbols, held variables first, with their kind.
    pub fn symbols(&self) -> Vec<(String, SymKind)> {
        let syms = &self.doc.function.vars.syms;
        let of = |kind| {
            syms.iter()
                .filter(move |s| s.kind == kind)
                .map(|s| (s.name.clone(), s.kind))
        };
        of(SymKind::Held).chain(of(SymKind::Param)).collect()
    }

    /// Sets the symbol `name` to `value` (within ±`MAX_SLIDER`): the field follows without a
    /// new shader and the paths restart. False when the function has no such symbol or the
    /// value is not usable.
    pub fn set_symbol(&mut self, name: &str, value: f64) -> bool {
        if !(value.is_finite() && value.abs() <= crate::document::MAX_SLIDER) {
            return false;
        }
        if self.doc.function.value_of(name) == Some(value) {
            return true;
        }
        if !self.doc.function.set_value(name, value) {
            return false;
        }
        self.values_changed();
        true
    }

    /// After a value changed in place: the GPU field is due at once (same shader) and the
    /// paths start again.
    pub(crate) fn values_changed(&mut self) {
        self.rebuild.function_generation += 1;
        self.rebuild.typed_age = None;
        self.restart_all();
    }

    /// Replaces the slider of its symbol (range and step); Err says why it is not usable.
    /// The value is brought inside the new range.
    pub fn set_slider(&mut self, slider: SymbolSlider) -> Result<(), String> {
        slider.check()?;
        let name = slider.name.clone();
        let value = self.doc.function.value_of(&name);
        self.doc.sliders.retain(|s| s.name != name);
        self.doc.sliders.push(slider.clone());
        if let Some(v) = value {
            self.set_symbol(&name, v.clamp(slider.min, slider.max));
        }
        Ok(())
    }

    /// The selected symbol (the first one when none was chosen), if the function has any.
    pub fn selected_symbol(&self) -> Option<String> {
        let names = self.symbols();
        self.symbol_ui
            .selected
            .clone()
            .filter(|n| names.iter().any(|(m, _)| m == n))
            .or_else(|| names.first().map(|(n, _)| n.clone()))
    }

    /// K: selects the next symbol (wrapping). False when there is none.
    pub fn select_next_symbol(&mut self) -> bool {
        let names = self.symbols();
        if names.is_empty() {
            return false;
        }
        let at = self
            .selected_symbol()
            .and_then(|s| names.iter().position(|(n, _)| *n == s))
            .map_or(0, |i| (i + 1) % names.len());
        self.symbol_ui.selected = Some(names[at].0.clone());
        true
    }

    /// `[` / `]`: moves the selected symbol `steps` slider steps. False when there is none.
    pub fn nudge_symbol(&mut self, steps: f64) -> bool {
        let Some(name) = self.selected_symbol() else {
            return false;
        };
        let slider = self.doc.slider(&name);
        let v = self.doc.function.value_of(&name).unwrap_or(0.0);
        self.symbol_ui.selected = Some(name.clone());
        self.set_symbol(&name, slider.nudged(v, steps))
    }

    /// Starts or stops the sweep of `name` back and forth across its range.
    pub fn toggle_sweep(&mut self, name: &str) {
        if self.symbol_ui.sweeps.iter().any(|(n, _)| n == name) {
            self.symbol_ui.sweeps.retain(|(n, _)| n != name);
        } else if self.doc.function.value_of(name).is_some() {
            self.symbol_ui.sweeps.push((name.to_string(), 1.0));
        }
    }

    /// Whether `name` is sweeping.
    pub fn sweeping(&self, name: &str) -> bool {
        self.symbol_ui.sweeps.iter().any(|(n, _)| n == name)
    }

    /// Moves every sweeping symbol by `dt` seconds' worth, turning at the ends.
    pub(crate) fn tick_sweeps(&mut self, dt: f64) {
        if self.symbol_ui.sweeps.is_empty() || !(dt.is_finite() && dt > 0.0) {
            return;
        }
        let dt = dt.min(0.25);
        let mut sweeps = std::mem::take(&mut self.symbol_ui.sweeps);
        let mut changed = false;
        for (name, dir) in &mut sweeps {
            let Some(v) = self.doc.function.value_of(name) else {
                continue;
            };
            let s = self.doc.slider(name);
            let mut next = v + *dir * (s.max - s.min) * dt / SWEEP_SECONDS;
            if next >= s.max {
                next = s.max;
                *dir = -1.0;
            } else if next <= s.min {
                next = s.min;
                *dir = 1.0;
            }
            changed |= self.doc.function.set_value(name, next);
        }
        self.symbol_ui.sweeps = sweeps;
        if changed {
            self.values_changed();
        }
    }

    /// Puts the variables `a` and `b` on the axes, the others held; Err says why not.
    pub fn set_axes(&mut self, a: &str, b: &str) -> Result<(), String> {
        let f = self.doc.function.with_axes(a, b)?;
        self.replace_function_kept(f);
        Ok(())
    }

    /// After an edit of the formula: the axes and the values of symbols that kept their
    /// names carry over from the function shown so far.
    pub(crate) fn carried_over(&self, mut f: Function) -> Function {
        let old = &self.doc.function;
        let (a, b) = (old.vars.x.as_str(), old.vars.y.as_str());
        if (a, b) != (f.vars.x.as_str(), f.vars.y.as_str()) && f.is_variable(a) && f.is_variable(b)
        {
            if let Ok(g) = f.with_axes(a, b) {
                f = g;
            }
        }
        for s in &old.vars.syms {
            if let Some(v) = old.value_of(&s.name) {
                f.set_value(&s.name, v);
            }
        }
        f
    }

    /// Turns descent in all variables on or off; the paths start again.
    pub fn set_descend_all(&mut self, on: bool) {
        self.doc.descend_all = on;
        self.restart_all();
    }

    /// The subtitle while nothing in view is defined: "f is undefined everywhere in view at
    /// a = −1" (the values that made it so).
    pub(crate) fn undefined_note(&self) -> Option<String> {
        if !self.messages.undefined_in_view {
            return None;
        }
        let f = &self.doc.function;
        let values: Vec<String> = [SymKind::Param, SymKind::Held]
            .into_iter()
            .map(|k| crate::document::held_text(f, k))
            .filter(|t| !t.is_empty())
            .collect();
        Some(if values.is_empty() {
            "f is undefined everywhere in view".to_string()
        } else {
            format!("f is undefined everywhere in view at {}", values.join(", "))
        })
    }

    /// Drops sweeps of names the function no longer has.
    pub(crate) fn forget_missing_symbols(&mut self) {
        let f = &self.doc.function;
        self.symbol_ui
            .sweeps
            .retain(|(n, _)| f.value_of(n).is_some());
    }
}

//! The slices' formulas: with one variable held at the pin's value, the function of the other
//! variable alone and its derivative, simplified and in display form (for f = x²y + y³ held
//! at y = 2: f(x, 2) = 2x² + 8 and d/dx f(x, 2) = 4x).

use crate::expr::ast::{self, Expr, Node, Var};
use crate::expr::{display, print, substitute, Function};
use std::sync::Arc;

/// Significant digits of a held value or a constant that is not round.
const DIGITS: usize = 6;

/// A value as the slices' formulas write it: `text` stands for `value` exactly; `exact` is
/// false when `value` is the held coordinate rounded to six significant digits.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldValue {
    pub value: f64,
    pub text: String,
    pub exact: bool,
}

/// A held coordinate written short: as typed where it is round (`2`, `-0.25`, `1e-7`), else
/// rounded to six significant digits (`1.23457`), with `value` the number the text says.
pub fn held_value(v: f64) -> HeldValue {
    if !v.is_finite() {
        return HeldValue {
            value: v,
            text: format!("{v}"),
            exact: true,
        };
    }
    if let Some(text) = round_text(v) {
        return HeldValue {
            value: v,
            text,
            exact: true,
        };
    }
    let r = rounded(v);
    HeldValue {
        value: r,
        text: round_text(r).unwrap_or_else(|| format!("{r:e}")),
        exact: false,
    }
}

/// The shortest text of `v` when it has at most [`DIGITS`] significant digits.
fn round_text(v: f64) -> Option<String> {
    let plain = format!("{v}");
    let sci = format!("{v:e}");
    let mantissa = sci.split('e').next().unwrap_or("");
    let digits = mantissa.chars().filter(char::is_ascii_digit).count();
    (digits <= DIGITS).then_some(if plain.len() <= 10 { plain } else { sci })
}

/// `v` rounded to [`DIGITS`] significant digits (the nearest f64 to that decimal).
fn rounded(v: f64) -> f64 {
    format!("{v:.*e}", DIGITS - 1).parse().unwrap_or(v)
}

/// One slice's formulas: f with `held` substituted, and its derivative along the other
/// variable, in display form.
#[derive(Debug, Clone, PartialEq)]
pub struct SliceFormula {
    /// The held variable and the value written for it.
    pub held: Var,
    pub at: HeldValue,
    /// f with the held variable replaced by `at.value`, simplified (`2x² + 8`).
    pub f: String,
    /// d/d(other) of that function (`4x`).
    pub df: String,
    /// True when a constant in `f` or `df` was rounded to six significant digits (the
    /// formulas then hold approximately: "≈").
    pub rounded: bool,
}

impl SliceFormula {
    /// "f(x, 2)" or "f(1.5, y)", with the function's variable names.
    pub fn call(&self, function: &Function) -> String {
        let v = &function.vars;
        match self.held {
            Var::X => format!("f({}, {})", self.at.text, v.y),
            _ => format!("f({}, {})", v.x, self.at.text),
        }
    }

    /// "=" where everything written is exact, "≈" where a number was rounded.
    pub fn relation(&self) -> &'static str {
        if self.at.exact && !self.rounded {
            "="
        } else {
            "≈"
        }
    }
}

/// The trees of a slice: f and its derivative along the free variable with `held` at `value`,
/// simplified keeping the domain (what may be evaluated in place of f at that value).
pub fn slice_trees(function: &Function, held: Var, value: f64) -> [Node; 2] {
    let d = match held {
        Var::X => &function.dfdy,
        _ => &function.dfdx,
    };
    [
        substitute::substituted(&function.f, held, value),
        substitute::substituted(d, held, value),
    ]
}

/// The formulas of the slice through the pin that holds `held` at `value` (the pin's
/// coordinate), written for reading.
pub fn slice_formula(function: &Function, held: Var, value: f64) -> SliceFormula {
    let at = held_value(value);
    let [f, df] = slice_trees(function, held, at.value);
    let read = |n: &Node| crate::expr::simplify::for_reading(n);
    let (f, rf) = round_constants(&read(&f));
    let (df, rd) = round_constants(&read(&df));
    SliceFormula {
        held,
        f: display::to_display(&f, &function.vars),
        df: display::to_display(&df, &function.vars),
        at,
        rounded: rf || rd,
    }
}

/// The tree with every long constant (more than six significant digits and not e or a
/// multiple of π) rounded to six, and whether any was.
fn round_constants(node: &Node) -> (Node, bool) {
    let mut changed = false;
    let out = walk(node, &mut changed, &mut 0);
    (out, changed)
}

/// Most nodes [`round_constants`] visits (the formulas are printed; a huge DAG stays as is).
const MAX_NODES: usize = 4096;

fn walk(node: &Node, changed: &mut bool, seen: &mut usize) -> Node {
    *seen += 1;
    if *seen > MAX_NODES {
        return node.clone();
    }
    match &**node {
        Expr::Num(v) if print::named(*v).is_none() && round_text(*v).is_none() => {
            *changed = true;
            ast::num(rounded(*v))
        }
        Expr::Num(_) | Expr::Var(_) => node.clone(),
        Expr::Neg(a) => ast::neg(walk(a, changed, seen)),
        Expr::Binary(op, a, b) => {
            let a = walk(a, changed, seen);
            ast::bin(*op, a, walk(b, changed, seen))
        }
        Expr::Call(f, args) => Arc::new(Expr::Call(
            *f,
            args.iter().map(|a| walk(a, changed, seen)).collect(),
        )),
    }
}

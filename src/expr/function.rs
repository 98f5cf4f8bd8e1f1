//! [`Function`]: a parsed f with its exact partial derivatives, as every consumer (explorer,
//! CLI, GPU field, descent) receives it, and the values its symbols (held variables,
//! parameters) are held at.

use std::sync::Arc;

use super::ast::{Node, SymKind, Var, Vars};
use super::data::Data;
use super::error::ParseError;
use super::{diff, display, parser, print, simplify};

/// The value a parameter or held variable takes until one is set.
pub const DEFAULT_SYMBOL_VALUE: f64 = 1.0;

/// f(x, y, …) with ∂f/∂x and ∂f/∂y along the two axis variables and ∂f/∂z for every held
/// variable (simplified), the text it came from, its variable names and its symbols' values.
#[derive(Debug, Clone)]
pub struct Function {
    /// The text the person typed.
    pub source: String,
    /// The variables' names (x and y unless a head renamed them) and the symbols.
    pub vars: Vars,
    /// The value of each symbol (`vars.syms`), [`DEFAULT_SYMBOL_VALUE`] until set. Every
    /// evaluator reads them; the GPU receives them as a uniform, so changing them does not
    /// change the shader.
    pub values: Vec<f64>,
    /// ∂f/∂s for each held variable s, in `vars.held()` order, simplified.
    pub held_partials: Vec<(Var, Node)>,
    /// f as parsed (not simplified, so its domain is exactly what was typed).
    pub f: Node,
    /// ∂f/∂x (x is the horizontal variable), simplified.
    pub dfdx: Node,
    /// ∂f/∂y (y is the vertical variable), simplified.
    pub dfdy: Node,
    /// [`Function::display_formulas`], made once: the explorer shows them every frame.
    display: std::sync::OnceLock<[String; 3]>,
    /// [`Function::typeset_formulas`], made once, for the same reason.
    typeset: std::sync::OnceLock<[display::Runs; 3]>,
    /// [`Function::typeset_partials`], made once.
    typeset_partials: std::sync::OnceLock<Vec<(String, display::Runs)>>,
    /// [`Function::hessian`], differentiated on first use.
    pub(super) hessian: std::sync::OnceLock<[Node; 3]>,
    /// The points of a data loss (`expr::data`): the trees are then one term in the
    /// parameters on the axes and the data symbols 0 and 1, and f is their mean.
    pub data: Option<Arc<Data>>,
}

impl Function {
    /// Parses `text`, differentiates and simplifies.
    pub fn parse(text: &str) -> Result<Function, ParseError> {
        let (vars, f) = parser::parse(text)?;
        Ok(Function::from_expr(text.to_string(), vars, f))
    }

    /// Differentiates an already built tree.
    pub fn from_expr(source: String, vars: Vars, f: Node) -> Function {
        let dfdx = diff::derivative(&f, Var::X);
        let dfdy = diff::derivative(&f, Var::Y);
        Function::from_parts(source, vars, f, dfdx, dfdy)
    }

    /// A function whose axis partials are given as they are (tests of chosen derivatives);
    /// the held variables' partials are differentiated.
    pub fn from_parts(source: String, vars: Vars, f: Node, dfdx: Node, dfdy: Node) -> Function {
        let held_partials = vars.held().map(|v| (v, diff::derivative(&f, v))).collect();
        Function {
            source,
            values: vec![DEFAULT_SYMBOL_VALUE; vars.syms.len()],
            held_partials,
            vars,
            f,
            dfdx,
            dfdy,
            display: std::sync::OnceLock::new(),
            typeset: std::sync::OnceLock::new(),
            typeset_partials: std::sync::OnceLock::new(),
            hessian: std::sync::OnceLock::new(),
            data: None,
        }
    }

    /// The data loss of `term` (a function whose first two symbols are xᵢ and yᵢ of the
    /// points, as named in `names`) over `data`: the two symbols become
    /// [`SymKind::Datum`] and every evaluator averages the term over the points. Err says
    /// which name is missing or out of place.
    pub fn with_data(mut self, names: [&str; 2], data: Data) -> Result<Function, String> {
        for (k, name) in names.iter().enumerate() {
            match self.vars.syms.get(k) {
                Some(s) if s.name == *name => {}
                _ => {
                    return Err(format!(
                        "the term must name the data column '{name}' as symbol {k}"
                    ))
                }
            }
            self.vars.syms[k].kind = SymKind::Datum;
        }
        if data.is_empty() {
            return Err("a data loss needs at least one point".into());
        }
        self.data = Some(Arc::new(data));
        Ok(self)
    }

    /// The points of a data loss, `None` for a plain function.
    pub fn data(&self) -> Option<&Data> {
        self.data.as_deref()
    }

    /// What identifies this function for a cache of things drawn from it: its text, which
    /// variables are on the axes and its symbols' values (bit for bit).
    pub fn cache_key(&self) -> String {
        let mut key = format!("{}\u{0}{}\u{0}{}", self.source, self.vars.x, self.vars.y);
        for v in &self.values {
            key.push_str(&format!("\u{0}{:x}", v.to_bits()));
        }
        if let Some(d) = &self.data {
            key.push_str(&format!("\u{0}data {:x} {}", d.hash, d.len()));
        }
        key
    }

    /// ∂f/∂s at (x, y) for each held variable s (`vars.held()` order) by the reference trees
    /// at the current values, each `None` where undefined or where f is.
    pub fn held_partials_at(&self, x: f64, y: f64) -> Vec<(Var, Option<f64>)> {
        let defined = super::eval::eval_at(&self.f, x, y, &self.values).is_some();
        self.held_partials
            .iter()
            .map(|(v, d)| {
                let g = defined
                    .then(|| super::eval::eval_at(d, x, y, &self.values))
                    .flatten();
                (*v, g)
            })
            .collect()
    }

    /// The value of the symbol named `name` (a parameter or a held variable).
    pub fn value_of(&self, name: &str) -> Option<f64> {
        match self.vars.sym(name)? {
            Var::Sym(k) => self.values.get(k as usize).copied(),
            _ => None,
        }
    }

    /// Sets the symbol named `name`; false when the function has no such symbol. The trees
    /// and the shader stay as they are.
    pub fn set_value(&mut self, name: &str, value: f64) -> bool {
        match self.vars.sym(name) {
            Some(Var::Sym(k)) => {
                self.values[k as usize] = value;
                true
            }
            _ => false,
        }
    }

    /// The names of the symbols that are parameters, in order.
    pub fn param_names(&self) -> Vec<&str> {
        self.vars.params().map(|v| self.vars.name(v)).collect()
    }

    /// Whether `name` is a variable of f (on an axis or held).
    pub fn is_variable(&self, name: &str) -> bool {
        self.vars.variable_names().contains(&name)
    }

    /// The same function with `a` on the horizontal axis and `b` on the vertical one, every
    /// other variable held (at its value; one that leaves an axis at the default) and the
    /// parameters kept. Err names what is wrong: a name that is not a variable of f, or the
    /// same name twice.
    pub fn with_axes(&self, a: &str, b: &str) -> Result<Function, String> {
        let names = self.vars.variable_names();
        for n in [a, b] {
            if !names.contains(&n) {
                return Err(format!(
                    "'{n}' is not a variable of this function (its variables are {})",
                    names.join(", ")
                ));
            }
        }
        if a == b {
            return Err(format!(
                "'{a}' is named twice: the two axes need different variables"
            ));
        }
        if a == self.vars.x && b == self.vars.y {
            return Ok(self.clone());
        }
        Ok(super::axes::with_axes(self, a, b))
    }

    /// f as typed and ∂f/∂x, ∂f/∂y simplified for reading (common factors cancelled:
    /// ∂/∂x ln(xy) is `1/x`), the trees that are printed. The field evaluates `dfdx` and
    /// `dfdy`, which keep the uncancelled domain (undefined at y = 0 here).
    pub fn readable(&self) -> [Node; 3] {
        [
            self.f.clone(),
            simplify::for_reading(&self.dfdx),
            simplify::for_reading(&self.dfdy),
        ]
    }

    /// Every partial derivative in ∇f's order (the head's), with its variable:
    /// (x, ∂f/∂x), (y, ∂f/∂y), (z, ∂f/∂z)…, the trees the field and descent evaluate.
    pub fn partials(&self) -> Vec<(Var, Node)> {
        self.vars
            .variables()
            .into_iter()
            .map(|v| {
                let d = match v {
                    Var::X => self.dfdx.clone(),
                    Var::Y => self.dfdy.clone(),
                    s => self
                        .held_partials
                        .iter()
                        .find(|(h, _)| *h == s)
                        .map(|(_, d)| d.clone())
                        .unwrap_or_else(|| diff::derivative(&self.f, s)),
                };
                (v, d)
            })
            .collect()
    }

    /// Every partial in ∇f's order as (variable name, formula), simplified for reading, in
    /// gradfield's syntax or (`display`) the display form; parameters stay symbols.
    pub fn partial_formulas(&self, display: bool) -> Vec<(String, String)> {
        self.partials()
            .into_iter()
            .map(|(v, d)| {
                let d = simplify::for_reading(&d);
                let text = if display {
                    self.mean_text(display::to_display(&d, &self.vars))
                } else {
                    self.mean_syntax(print::to_string(&d, &self.vars))
                };
                (self.vars.name(v).to_string(), text)
            })
            .collect()
    }

    /// Every partial in ∇f's order, typeset for the panel, with its variable's name.
    pub fn typeset_partials(&self) -> &[(String, display::Runs)] {
        self.typeset_partials.get_or_init(|| {
            self.partials()
                .into_iter()
                .map(|(v, d)| {
                    let d = simplify::for_reading(&d);
                    let text = display::to_display(&d, &self.vars);
                    (
                        self.vars.name(v).to_string(),
                        self.mean_runs(&text, display::to_typeset(&d, &self.vars)),
                    )
                })
                .collect()
        })
    }

    /// Whether f has held variables (a gradient with more than two components).
    pub fn has_held(&self) -> bool {
        self.vars.syms.iter().any(|s| s.kind == SymKind::Held)
    }

    /// The printed f, ∂f/∂x and ∂f/∂y in gradfield's syntax, with the user's variable names
    /// (no head): text that parses again (for a data loss `mean_i(…)` of the term, which
    /// does not: its points are not in the text).
    pub fn formulas(&self) -> [String; 3] {
        self.readable()
            .map(|n| self.mean_syntax(print::to_string(&n, &self.vars)))
    }

    /// The same three formulas in display form (`x² + 3xy`, `√(x)`, `−`), for people to
    /// read; each also parses again.
    pub fn display_formulas(&self) -> [String; 3] {
        self.display
            .get_or_init(|| {
                self.readable()
                    .map(|n| self.mean_text(display::to_display(&n, &self.vars)))
            })
            .clone()
    }

    /// The same three formulas typeset (`expr::runs`: exponents raised, Greek letters and
    /// subscripts for names), for the panel.
    pub fn typeset_formulas(&self) -> &[display::Runs; 3] {
        self.typeset.get_or_init(|| {
            self.readable().map(|n| {
                let text = display::to_display(&n, &self.vars);
                self.mean_runs(&text, display::to_typeset(&n, &self.vars))
            })
        })
    }

    /// A data loss's formula for people: the term's display form inside (1/n) Σᵢ, the data
    /// symbols as xᵢ and yᵢ (a plain function's text as it is).
    fn mean_text(&self, term: String) -> String {
        if self.data.is_none() {
            return term;
        }
        let term = term.replace("x_i", "xᵢ").replace("y_i", "yᵢ");
        if is_sum(&term) {
            format!("(1/n) Σᵢ [{term}]")
        } else {
            format!("(1/n) Σᵢ {term}")
        }
    }

    /// A data loss's formula in gradfield's syntax with the mean written as `mean_i(…)` over
    /// the points (which does not parse: the points are not in the text); a plain function's
    /// as it is.
    pub(crate) fn mean_syntax(&self, term: String) -> String {
        if self.data.is_none() {
            term
        } else {
            format!("mean_i({term})")
        }
    }

    /// [`Function::mean_text`] typeset: `runs` after (1/n) Σ with a lowered i.
    fn mean_runs(&self, text: &str, runs: display::Runs) -> display::Runs {
        use super::runs::Script;
        if self.data.is_none() {
            return runs;
        }
        let mut r = display::Runs::line("(1/n) Σ");
        r.push(
            "i",
            Script {
                level: 0,
                sub: true,
            },
        );
        r.push(" ", Script::LINE);
        if is_sum(text) {
            r.extend(display::Runs::around("[", runs, "]"));
        } else {
            r.extend(runs);
        }
        r
    }
}

/// Whether a display formula is a sum or difference at its top level (outside brackets),
/// so that (1/n) Σᵢ needs brackets around it.
fn is_sum(text: &str) -> bool {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '+' | '−' | '-' if depth == 0 && i > 0 => return true,
            _ => {}
        }
    }
    false
}

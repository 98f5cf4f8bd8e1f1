//! [`Function`]: a parsed f with its two exact partial derivatives, as every consumer
//! (explorer, CLI, GPU field, descent) receives it.

use super::ast::{Node, Var, Vars};
use super::error::ParseError;
use super::{diff, display, parser, print, simplify};

/// f(x, y) with ∂f/∂x and ∂f/∂y (simplified), the text it came from and its variable names.
#[derive(Debug, Clone)]
pub struct Function {
    /// The text the person typed.
    pub source: String,
    /// The variables' names (x and y unless a head renamed them).
    pub vars: Vars,
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

    /// A function whose three trees are given as they are (tests of chosen derivatives).
    pub fn from_parts(source: String, vars: Vars, f: Node, dfdx: Node, dfdy: Node) -> Function {
        Function {
            source,
            vars,
            f,
            dfdx,
            dfdy,
            display: std::sync::OnceLock::new(),
            typeset: std::sync::OnceLock::new(),
        }
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

    /// The printed f, ∂f/∂x and ∂f/∂y in gradfield's syntax, with the user's variable names
    /// (no head): text that parses again.
    pub fn formulas(&self) -> [String; 3] {
        self.readable().map(|n| print::to_string(&n, &self.vars))
    }

    /// The same three formulas in display form (`x² + 3xy`, `√(x)`, `−`), for people to
    /// read; each also parses again.
    pub fn display_formulas(&self) -> [String; 3] {
        self.display
            .get_or_init(|| self.readable().map(|n| display::to_display(&n, &self.vars)))
            .clone()
    }

    /// The same three formulas typeset (`expr::runs`: exponents raised, Greek letters and
    /// subscripts for names), for the panel.
    pub fn typeset_formulas(&self) -> &[display::Runs; 3] {
        self.typeset
            .get_or_init(|| self.readable().map(|n| display::to_typeset(&n, &self.vars)))
    }
}

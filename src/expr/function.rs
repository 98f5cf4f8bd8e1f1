//! [`Function`]: a parsed f with its two exact partial derivatives, as every consumer
//! (explorer, CLI, GPU field, descent) receives it.

use super::ast::{Node, Var, Vars};
use super::error::ParseError;
use super::{diff, parser, print};

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
        Function {
            source,
            vars,
            f,
            dfdx,
            dfdy,
        }
    }

    /// The printed f, ∂f/∂x and ∂f/∂y, with the user's variable names (no head).
    pub fn formulas(&self) -> [String; 3] {
        [&self.f, &self.dfdx, &self.dfdy].map(|n| print::to_string(n, &self.vars))
    }
}

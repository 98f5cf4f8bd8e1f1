//! The expression tree that every consumer (CPU evaluator, derivative, WGSL generator,
//! pretty-printer) reads. Nodes are shared through `Arc`, so a derivative that reuses a
//! subtree of the function does not copy it: memory stays linear in the input even when the
//! printed formula would be long.

use std::sync::Arc;

/// A shared, immutable expression node.
pub type Node = Arc<Expr>;

/// One of the two variables of f. Which name the user gave them lives in [`Vars`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Var {
    /// The horizontal variable (x, or the first name in a head such as `f(w, b) =`).
    X,
    /// The vertical variable (y, or the second name in the head).
    Y,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    /// `a ^ b`; see `crate::expr::domain::pow` for the domain rule.
    Pow,
}

/// Built-in functions. `Sign` and `Heaviside` are what derivatives of abs, relu, min and max
/// are written with; people may type them too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Func {
    Sin,
    Cos,
    Tan,
    Asin,
    Acos,
    Atan,
    Atan2,
    Sinh,
    Cosh,
    Tanh,
    Exp,
    /// Natural logarithm; typed as `ln` or `log`.
    Ln,
    Log10,
    Log2,
    Sqrt,
    Cbrt,
    Abs,
    Min,
    Max,
    Hypot,
    Sigmoid,
    Softplus,
    Relu,
    /// sign(a): −1, 0 or 1.
    Sign,
    /// heaviside(a): 1 for a > 0, else 0 (so heaviside(0) = 0).
    Heaviside,
}

impl Func {
    /// Every function, in the order the help text lists them.
    pub const ALL: [Func; 25] = [
        Func::Sin,
        Func::Cos,
        Func::Tan,
        Func::Asin,
        Func::Acos,
        Func::Atan,
        Func::Atan2,
        Func::Sinh,
        Func::Cosh,
        Func::Tanh,
        Func::Exp,
        Func::Ln,
        Func::Log10,
        Func::Log2,
        Func::Sqrt,
        Func::Cbrt,
        Func::Abs,
        Func::Min,
        Func::Max,
        Func::Hypot,
        Func::Sigmoid,
        Func::Softplus,
        Func::Relu,
        Func::Sign,
        Func::Heaviside,
    ];

    /// The name the pretty-printer writes (and the parser reads).
    pub fn name(self) -> &'static str {
        match self {
            Func::Sin => "sin",
            Func::Cos => "cos",
            Func::Tan => "tan",
            Func::Asin => "asin",
            Func::Acos => "acos",
            Func::Atan => "atan",
            Func::Atan2 => "atan2",
            Func::Sinh => "sinh",
            Func::Cosh => "cosh",
            Func::Tanh => "tanh",
            Func::Exp => "exp",
            Func::Ln => "ln",
            Func::Log10 => "log10",
            Func::Log2 => "log2",
            Func::Sqrt => "sqrt",
            Func::Cbrt => "cbrt",
            Func::Abs => "abs",
            Func::Min => "min",
            Func::Max => "max",
            Func::Hypot => "hypot",
            Func::Sigmoid => "sigmoid",
            Func::Softplus => "softplus",
            Func::Relu => "relu",
            Func::Sign => "sign",
            Func::Heaviside => "heaviside",
        }
    }

    /// How many arguments the function takes (1 or 2).
    pub fn arity(self) -> usize {
        match self {
            Func::Atan2 | Func::Min | Func::Max | Func::Hypot => 2,
            _ => 1,
        }
    }
}

/// An expression over x and y.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A literal or a folded constant. Always finite.
    Num(f64),
    Var(Var),
    Neg(Node),
    Binary(BinOp, Node, Node),
    /// A function call; `args.len() == func.arity()`.
    Call(Func, Vec<Node>),
}

/// Constructors that keep call sites short: `num(2.0)`, `add(a, b)`, `call1(Func::Sin, a)`.
pub fn num(v: f64) -> Node {
    Arc::new(Expr::Num(v))
}
pub fn var(v: Var) -> Node {
    Arc::new(Expr::Var(v))
}
pub fn neg(a: Node) -> Node {
    Arc::new(Expr::Neg(a))
}
pub fn bin(op: BinOp, a: Node, b: Node) -> Node {
    Arc::new(Expr::Binary(op, a, b))
}
pub fn add(a: Node, b: Node) -> Node {
    bin(BinOp::Add, a, b)
}
pub fn sub(a: Node, b: Node) -> Node {
    bin(BinOp::Sub, a, b)
}
pub fn mul(a: Node, b: Node) -> Node {
    bin(BinOp::Mul, a, b)
}
pub fn div(a: Node, b: Node) -> Node {
    bin(BinOp::Div, a, b)
}
pub fn pow(a: Node, b: Node) -> Node {
    bin(BinOp::Pow, a, b)
}
pub fn call1(f: Func, a: Node) -> Node {
    Arc::new(Expr::Call(f, vec![a]))
}
pub fn call2(f: Func, a: Node, b: Node) -> Node {
    Arc::new(Expr::Call(f, vec![a, b]))
}

/// The names a person gave the two variables (`x`, `y` unless a head such as
/// `f(w, b) =` renamed them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vars {
    pub x: String,
    pub y: String,
}

impl Default for Vars {
    fn default() -> Self {
        Vars {
            x: "x".into(),
            y: "y".into(),
        }
    }
}

impl Vars {
    pub(crate) fn name(&self, v: Var) -> &str {
        match v {
            Var::X => &self.x,
            Var::Y => &self.y,
        }
    }
}

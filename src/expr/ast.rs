//! The expression tree that every consumer (CPU evaluator, derivative, WGSL generator,
//! pretty-printer) reads. Nodes are shared through `Arc`, so a derivative that reuses a
//! subtree of the function does not copy it: memory stays linear in the input even when the
//! printed formula would be long.

use std::sync::Arc;

/// A shared, immutable expression node.
pub type Node = Arc<Expr>;

/// A name the tree reads: one of the two axis variables, or a symbol held at a value (a held
/// variable such as z, or a parameter such as a or α). Which name the user gave each lives in
/// [`Vars`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Var {
    /// The horizontal variable (x, or the first name in a head such as `f(w, b) =`).
    X,
    /// The vertical variable (y, or the second name in the head).
    Y,
    /// Symbol `k` of [`Vars::syms`]: a held variable or a parameter, whose value every
    /// evaluator reads from the function's values (a uniform on the GPU).
    Sym(u16),
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

/// What a symbol is: a variable of f that is not on an axis, or a parameter of the formula.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SymKind {
    /// A variable of f held at a value (z of f(x, y, z), or an axis variable moved off the
    /// axes by `--axes`): it has a partial derivative in ∇f.
    Held,
    /// A parameter (a, k, α, w₁): a knob of the formula, not a variable; no partial in ∇f.
    Param,
    /// A column of a data set (xᵢ, yᵢ of a data loss): it takes each data point's value in
    /// turn while the loss sums its terms (`expr::data`), so it has no slider and no value.
    Datum,
}

/// A name held at a value: its name as the printers write it (`z`, `a`, `alpha`, `a_1`) and
/// what it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Symbol {
    pub name: String,
    pub kind: SymKind,
}

/// The most symbols (held variables and parameters together) a function may have: their
/// values travel to the GPU in a uniform of this many floats.
pub const MAX_SYMBOLS: usize = 16;

/// The names a person gave the variables (`x`, `y` unless a head such as `f(w, b) =`
/// renamed them), the symbols held at values and the order the variables were declared in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vars {
    /// The horizontal axis variable.
    pub x: String,
    /// The vertical axis variable.
    pub y: String,
    /// Held variables and parameters, indexed by [`Var::Sym`]: the held variables first, in
    /// the order they were declared, then the parameters in the order they first appear.
    pub syms: Vec<Symbol>,
    /// The variables of f in the order of the head (`f(x, y, z)`): what ∇f lists. Empty
    /// means the two axis variables, x then y, then the held ones.
    pub order: Vec<Var>,
}

impl Default for Vars {
    fn default() -> Self {
        Vars::new("x", "y")
    }
}

impl Vars {
    /// Two axis variables and nothing held.
    pub fn new(x: &str, y: &str) -> Vars {
        Vars {
            x: x.into(),
            y: y.into(),
            syms: Vec::new(),
            order: Vec::new(),
        }
    }

    /// The name of `v` as the printers write it.
    pub fn name(&self, v: Var) -> &str {
        match v {
            Var::X => &self.x,
            Var::Y => &self.y,
            Var::Sym(k) => self.syms.get(k as usize).map_or("?", |s| s.name.as_str()),
        }
    }

    /// The variables of f (axis and held) in the order ∇f lists them.
    pub fn variables(&self) -> Vec<Var> {
        if !self.order.is_empty() {
            return self.order.clone();
        }
        let mut v = vec![Var::X, Var::Y];
        v.extend(self.held());
        v
    }

    /// The held variables, in declared order.
    pub fn held(&self) -> impl Iterator<Item = Var> + '_ {
        self.syms
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SymKind::Held)
            .map(|(k, _)| Var::Sym(k as u16))
    }

    /// The parameters, in order of first appearance.
    pub fn params(&self) -> impl Iterator<Item = Var> + '_ {
        self.syms
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == SymKind::Param)
            .map(|(k, _)| Var::Sym(k as u16))
    }

    /// The symbol named `name`, if f has one.
    pub fn sym(&self, name: &str) -> Option<Var> {
        self.syms
            .iter()
            .position(|s| s.name == name)
            .map(|k| Var::Sym(k as u16))
    }

    /// The variable or symbol named `name`.
    pub fn find(&self, name: &str) -> Option<Var> {
        if name == self.x {
            Some(Var::X)
        } else if name == self.y {
            Some(Var::Y)
        } else {
            self.sym(name)
        }
    }

    /// The variables' names in ∇f's order.
    pub fn variable_names(&self) -> Vec<&str> {
        self.variables().into_iter().map(|v| self.name(v)).collect()
    }

    /// The variables are x then y and nothing is held: the printers leave the head out.
    pub fn is_plain(&self) -> bool {
        self.variable_names() == ["x", "y"]
    }

    /// The head that declares these variables: `f(x, y, z)`.
    pub fn head(&self) -> String {
        format!("f({})", self.variable_names().join(", "))
    }
}

//! The expression language: text → tree → derivatives → evaluation, WGSL and printed
//! formulas. See `ast` for the tree and `domain` for what each operation means.

pub mod ast;
pub(crate) mod axes;
pub(crate) mod chain;
pub(crate) mod compiled;
pub mod data;
pub mod diff;
pub mod display;
pub mod domain;
pub(crate) mod error;
pub mod eval;
pub(crate) mod evaluate;
pub mod full;
mod function;
pub(crate) mod head;
pub mod hessian;
pub(crate) mod lexer;
pub(crate) mod lookalike;
pub(crate) mod names;
pub(crate) mod normal;
pub(crate) mod parser;
pub mod print;
pub mod runs;
pub mod simplify;
pub mod substitute;
pub mod tape;
pub(crate) mod unexpected;
pub mod wgsl;
mod wgsl_data;

pub use ast::{BinOp, Expr, Func, Node, SymKind, Symbol, Var, Vars, MAX_SYMBOLS};
pub use compiled::Compiled;
pub(crate) use error::ParseError;
pub use evaluate::Evaluator;
pub use evaluate::{TapeEvaluator, TreeEvaluator};
pub use full::FullGradient;
pub use function::{Function, DEFAULT_SYMBOL_VALUE};
pub use hessian::{HessianChannels, HessianTape};
pub use parser::parse;

/// Inputs longer than this many characters are refused.
pub const MAX_INPUT_CHARS: usize = 10_000;
/// Parentheses, signs, exponents and calls may nest at most this deep.
pub(crate) const MAX_DEPTH: usize = 200;

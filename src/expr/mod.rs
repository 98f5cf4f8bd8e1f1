//! The expression language: text → tree → derivatives → evaluation, WGSL and printed
//! formulas. See `ast` for the tree and `domain` for what each operation means.

pub mod ast;
pub mod chain;
pub mod compiled;
pub mod diff;
pub mod display;
pub mod domain;
pub mod error;
pub mod eval;
pub mod evaluate;
mod function;
pub mod head;
pub mod lexer;
pub mod lookalike;
pub mod names;
pub mod normal;
pub mod parser;
pub mod print;
pub mod simplify;
pub mod tape;
pub mod unexpected;
pub mod wgsl;

pub use ast::{BinOp, Expr, Func, Node, Var, Vars};
pub use compiled::Compiled;
pub use error::ParseError;
pub use evaluate::{Channels, Evaluator, TapeEvaluator, TreeEvaluator};
pub use function::Function;
pub use parser::parse;

/// Inputs longer than this many characters are refused.
pub const MAX_INPUT_CHARS: usize = 10_000;
/// Parentheses, signs, exponents and calls may nest at most this deep.
pub const MAX_DEPTH: usize = 200;

//! The expression language: text → tree → derivatives → evaluation, WGSL and printed
//! formulas. See `ast` for the tree and `domain` for what each operation means.

pub mod ast;
pub mod domain;
pub mod error;
pub mod tape;
pub mod wgsl;

pub use error::ParseError;

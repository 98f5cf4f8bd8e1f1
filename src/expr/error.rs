//! Parse errors: what is wrong, where (column, counted in characters from 1), and a
//! suggestion where one helps.

use std::fmt;

/// A problem in the text of a function.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// What is wrong, e.g. "unknown function 'sinn'".
    pub message: String,
    /// 1-based column (in characters) where the problem starts.
    pub column: usize,
    /// How many characters the caret line underlines (at least 1).
    pub width: usize,
    /// A suggestion, e.g. "did you mean 'sin'?".
    pub help: Option<String>,
}

impl ParseError {
    /// The message, the input and a caret line under the problem, for a terminal or the
    /// explorer's function box.
    pub fn render(&self, input: &str) -> String {
        let line: String = input
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let pad = " ".repeat(self.column.saturating_sub(1));
        let carets = "^".repeat(self.width.max(1));
        format!("{self}\n  {line}\n  {pad}{carets}")
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at column {}", self.message, self.column)?;
        if let Some(help) = &self.help {
            write!(f, " — {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}

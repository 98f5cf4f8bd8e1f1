//! What the command line says when something is wrong: the one `error: …` line (with a
//! window of a bad expression and its caret), clap's usage errors on one line, and every
//! repeated piece of input cut to [`crate::numfmt::QUOTE_CHARS`] characters.

use crate::error::Error;
use crate::numfmt::quote;

/// The error for an EXPR that does not parse. EXPR accepts leading hyphens (for "-x^2"), so
/// a mistyped flag such as `--bogus` lands there: one that does not parse as a formula is
/// reported as the unknown flag it is.
pub(crate) fn expression_error(text: &str, p: &crate::expr::ParseError) -> Error {
    let flag = text
        .strip_prefix("--")
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic()));
    if flag {
        Error::Input(format!(
            "unknown flag {} (see 'gradfield --help')",
            quote(text)
        ))
    } else {
        // At most a window of the input, with the caret on the same character.
        let (shown, column, width) = crate::numfmt::input_window(text, p.column, p.width);
        let pad = " ".repeat(column - 1);
        let carets = "^".repeat(width);
        Error::Input(format!("{p}\n  {shown}\n  {pad}{carets}"))
    }
}

/// The text printed for an error: `error: …` (a parse error of a typed expression also shows
/// a window of the input with a caret line under the problem). Quoted input longer than
/// `crate::numfmt::QUOTE_CHARS` characters in the message line is cut short, whichever
/// message repeats it; the window lines below it are already that short and stay as they are.
pub fn error_text(e: &Error) -> String {
    let text = e.to_string();
    let (first, rest) = match text.split_once('\n') {
        Some((first, rest)) => (first, Some(rest)),
        None => (text.as_str(), None),
    };
    let first = crate::numfmt::shorten_quoted(first, crate::numfmt::QUOTE_CHARS);
    match rest {
        Some(rest) => format!("error: {first}\n{rest}"),
        None => format!("error: {first}"),
    }
}

/// clap's rendered usage error as one line: everything before its usage block (the list of
/// missing arguments included), lines joined with spaces, quoted values cut to
/// `crate::numfmt::QUOTE_CHARS` characters.
pub fn clap_line(rendered: &str) -> String {
    let parts: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .take_while(|l| !l.is_empty() && !l.starts_with("Usage:"))
        .collect();
    if parts.is_empty() {
        return "error: invalid arguments".into();
    }
    crate::numfmt::shorten_quoted(&parts.join(" "), crate::numfmt::QUOTE_CHARS)
}

//! The errors for tokens that cannot continue an expression where they stand: a stray '=',
//! an unmatched ')', a comma outside a call.

use super::error::ParseError;
use super::head::{Item, RTok};
use super::lexer::err;

/// The error for a resolved token that cannot continue the expression.
pub(crate) fn leftover(it: &Item) -> ParseError {
    match it.tok {
        RTok::Eq => {
            let mut e = err("'=' is only allowed after a head", it.column, 1);
            e.help = Some("write a head such as 'f(x, y) =' or leave it out".into());
            e
        }
        RTok::RParen => {
            let mut e = err("unmatched ')'", it.column, 1);
            e.help = Some("there is no '(' before it for it to close".into());
            e
        }
        RTok::Comma => {
            let mut e = err("unexpected ','", it.column, 1);
            e.help = Some("commas only separate arguments, as in atan2(y, x)".into());
            e
        }
        _ => err(format!("unexpected '{}'", it.text), it.column, it.width),
    }
}

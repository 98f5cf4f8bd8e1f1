//! The optional head (`f(w, b) =`, `z =`) that names the variables, and the resolution of
//! identifier runs into functions, constants and variables once those names are known.

use super::ast::Vars;
use super::error::ParseError;
use super::lexer::{err, Tok, Token};
use super::names::{self, Meaning};

/// A token after name resolution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RTok {
    Num(f64),
    Name(Meaning),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Sup(f64),
    LParen,
    RParen,
    Comma,
    Eq,
}

/// A resolved token with its column, width and text (for messages).
#[derive(Debug, Clone)]
pub(crate) struct Item {
    pub tok: RTok,
    pub column: usize,
    pub width: usize,
    pub text: String,
}

fn ident(t: &Token) -> Option<&str> {
    match &t.tok {
        Tok::Ident(s) => Some(s),
        _ => None,
    }
}

/// Checks that a head variable does not shadow a built-in name.
fn variable_name(t: &Token) -> Result<String, ParseError> {
    let name = ident(t).unwrap_or_default();
    match names::builtin(name) {
        Some(Meaning::Const(_)) => Err(err(
            format!("'{name}' is a constant and cannot name a variable"),
            t.column,
            t.width,
        )),
        Some(_) => Err(err(
            format!("'{name}' is a function and cannot name a variable"),
            t.column,
            t.width,
        )),
        None => Ok(name.to_string()),
    }
}

/// Splits off a head: returns the variable names, the body's tokens and the column where
/// the body starts.
pub(crate) fn split_head(tokens: &[Token]) -> Result<(Vars, &[Token], usize), ParseError> {
    let Some(eq) = tokens.iter().position(|t| t.tok == Tok::Eq) else {
        return Ok((Vars::default(), tokens, 1));
    };
    let head = &tokens[..eq];
    let body = &tokens[eq + 1..];
    let body_column = tokens[eq].column + 1;
    let shape = |h: &[Token]| -> Option<(usize, usize)> {
        match h {
            [n, o, a, c, b, e]
                if ident(n).is_some()
                    && o.tok == Tok::LParen
                    && ident(a).is_some()
                    && c.tok == Tok::Comma
                    && ident(b).is_some()
                    && e.tok == Tok::RParen =>
            {
                Some((2, 4))
            }
            _ => None,
        }
    };
    if let [n] = head {
        if ident(n).is_some() {
            return Ok((Vars::default(), body, body_column));
        }
    }
    if head.is_empty() {
        let mut e = err("expected a head before '='", tokens[eq].column, 1);
        e.help = Some("write 'f(x, y) = …' or leave the '=' out".into());
        return Err(e);
    }
    let Some((a, b)) = shape(head) else {
        let mut e = err(
            "a head names the two variables",
            head[0].column,
            tokens[eq].column - head[0].column,
        );
        e.help = Some("write it like 'f(x, y) =' or 'f(w, b) ='".into());
        return Err(e);
    };
    let x = variable_name(&head[a])?;
    let y = variable_name(&head[b])?;
    if x == y {
        return Err(err(
            "the two variables need different names",
            head[b].column,
            head[b].width,
        ));
    }
    Ok((Vars { x, y }, body, body_column))
}

fn simple(t: &Token) -> Option<RTok> {
    Some(match t.tok {
        Tok::Num(v) => RTok::Num(v),
        Tok::Ident(_) => return None,
        Tok::Plus => RTok::Plus,
        Tok::Minus => RTok::Minus,
        Tok::Star => RTok::Star,
        Tok::Slash => RTok::Slash,
        Tok::Caret => RTok::Caret,
        Tok::Sup(v) => RTok::Sup(v),
        Tok::LParen => RTok::LParen,
        Tok::RParen => RTok::RParen,
        Tok::Comma => RTok::Comma,
        Tok::Eq => RTok::Eq,
    })
}

/// Resolves identifier runs with these variable names, splitting runs such as `xy`.
pub(crate) fn resolve(tokens: &[Token], vars: &Vars) -> Result<Vec<Item>, ParseError> {
    let mut out = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        let Tok::Ident(run) = &t.tok else {
            out.push(Item {
                tok: simple(t).unwrap_or(RTok::Eq),
                column: t.column,
                width: t.width,
                text: t.describe(),
            });
            continue;
        };
        let Some(parts) = names::lookup(run, vars)
            .map(|m| vec![(0, t.width, m)])
            .or_else(|| names::split(run, vars))
        else {
            return Err(unknown(run, t, tokens.get(i + 1), vars));
        };
        let chars: Vec<char> = run.chars().collect();
        for (offset, len, m) in parts {
            out.push(Item {
                tok: RTok::Name(m),
                column: t.column + offset,
                width: len,
                text: chars[offset..offset + len].iter().collect(),
            });
        }
    }
    Ok(out)
}

fn unknown(run: &str, t: &Token, next: Option<&Token>, vars: &Vars) -> ParseError {
    let call = next.is_some_and(|n| n.tok == Tok::LParen);
    let mut e = if call {
        err(format!("unknown function '{run}'"), t.column, t.width)
    } else {
        err(
            format!(
                "unknown variable '{run}': this function's variables are {} and {}",
                vars.x, vars.y
            ),
            t.column,
            t.width,
        )
    };
    if call {
        e.help =
            names::suggest(run, names::function_names()).map(|s| format!("did you mean '{s}'?"));
    } else if run.chars().count() >= 3 {
        e.help =
            names::suggest(run, names::function_names()).map(|s| format!("did you mean '{s}(…)'?"));
    }
    if e.help.is_none() && !call && *vars == Vars::default() {
        e.help = Some("to use other names, start with a head such as 'f(a, b) ='".into());
    }
    e
}

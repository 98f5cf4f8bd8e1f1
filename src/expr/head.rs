//! The optional head (`f(w, b) =`, `f(x, y, z) =`, `z =`) that names the variables, and the
//! resolution of identifier runs into functions, constants, variables and parameters once
//! those names are known.

use super::ast::{SymKind, Symbol, Var, Vars, MAX_SYMBOLS};
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
/// the body starts and whether no head was written. A head names two or more distinct variables; the first two are on the
/// axes and the others are held.
pub(crate) fn split_head(tokens: &[Token]) -> Result<(Vars, &[Token], usize, bool), ParseError> {
    let Some(eq) = tokens.iter().position(|t| t.tok == Tok::Eq) else {
        return Ok((Vars::default(), tokens, 1, true));
    };
    let head = &tokens[..eq];
    let body = &tokens[eq + 1..];
    let body_column = tokens[eq].column + 1;
    if let [n] = head {
        if ident(n).is_some() {
            return Ok((Vars::default(), body, body_column, true));
        }
    }
    if head.is_empty() {
        let mut e = err("expected a head before '='", tokens[eq].column, 1);
        e.help = Some("write 'f(x, y) = …' or leave the '=' out".into());
        return Err(e);
    }
    let shape_error = || {
        let mut e = err(
            "a head names the variables",
            head[0].column,
            tokens[eq].column - head[0].column,
        );
        e.help = Some("write it like 'f(x, y) =', 'f(w, b) =' or 'f(x, y, z) ='".into());
        e
    };
    // name ( a , b , … )
    let names: Vec<&Token> = match head {
        [n, o, inner @ .., c]
            if ident(n).is_some() && o.tok == Tok::LParen && c.tok == Tok::RParen =>
        {
            let mut names = Vec::new();
            for (i, t) in inner.iter().enumerate() {
                let want_name = i % 2 == 0;
                match (&t.tok, want_name) {
                    (Tok::Ident(_), true) => names.push(t),
                    (Tok::Comma, false) => {}
                    _ => return Err(shape_error()),
                }
            }
            if inner.len() % 2 == 0 {
                return Err(shape_error());
            }
            names
        }
        _ => return Err(shape_error()),
    };
    if names.len() < 2 {
        let mut e = err(
            "a head names at least two variables, the two on the axes",
            head[0].column,
            tokens[eq].column - head[0].column,
        );
        e.help = Some("write it like 'f(x, y) =' or leave the head out".into());
        return Err(e);
    }
    if names.len() - 2 > MAX_SYMBOLS {
        return Err(err(
            format!("a head may name at most {} variables", MAX_SYMBOLS + 2),
            names[MAX_SYMBOLS + 2].column,
            names[MAX_SYMBOLS + 2].width,
        ));
    }
    let mut declared: Vec<String> = Vec::new();
    for t in &names {
        let name = variable_name(t)?;
        if declared.contains(&name) {
            return Err(err(
                format!("'{name}' is named twice: the variables need different names"),
                t.column,
                t.width,
            ));
        }
        declared.push(name);
    }
    let mut vars = Vars::new(&declared[0], &declared[1]);
    for name in &declared[2..] {
        vars.syms.push(Symbol {
            name: name.clone(),
            kind: SymKind::Held,
        });
    }
    if declared.len() > 2 {
        vars.order = [Var::X, Var::Y]
            .into_iter()
            .chain((0..declared.len() - 2).map(|k| Var::Sym(k as u16)))
            .collect();
    }
    Ok((vars, body, body_column, false))
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

/// The symbol for parameter `name`, added to `vars` when new (a headless `z` is a held
/// variable instead). Fails past [`MAX_SYMBOLS`].
fn symbol(name: String, vars: &mut Vars, t: &Token, headless: bool) -> Result<Var, ParseError> {
    if let Some(v) = vars.find(&name) {
        return Ok(v);
    }
    if vars.syms.len() >= MAX_SYMBOLS {
        return Err(err(
            format!("'{name}' is one name too many: a function has at most {MAX_SYMBOLS} parameters and held variables"),
            t.column,
            t.width,
        ));
    }
    let kind = if headless && name == "z" {
        SymKind::Held
    } else {
        SymKind::Param
    };
    vars.syms.push(Symbol { name, kind });
    Ok(Var::Sym((vars.syms.len() - 1) as u16))
}

/// Resolves identifier runs with these variable names, splitting runs such as `xy` and `ax`;
/// names that are parameters (see `names`) become symbols of `vars`. `headless`: no head
/// was written, so a `z` is a held variable.
pub(crate) fn resolve(
    tokens: &[Token],
    vars: &mut Vars,
    headless: bool,
) -> Result<Vec<Item>, ParseError> {
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
        // A name written against '(' is a call: `f(x)` is not a parameter f times x.
        let call = tokens
            .get(i + 1)
            .is_some_and(|n| n.tok == Tok::LParen && n.column == t.column + t.width);
        let param = |m: &Meaning| matches!(m, Meaning::Var(v @ Var::Sym(_)) if vars.params().any(|p| p == *v));
        if let Some(m) = names::lookup(run, vars).filter(|m| !(call && param(m))) {
            out.push(Item {
                tok: RTok::Name(m),
                column: t.column,
                width: t.width,
                text: run.clone(),
            });
            continue;
        }
        // Trailing digits after a letter that names nothing make a parameter's name (w1, like
        // a head's `w1`); after a known name they are a number (and `x2` a missing operator).
        let letters = run.trim_end_matches(|c: char| c.is_ascii_digit());
        let digits = &run[letters.len()..];
        let fresh = !digits.is_empty()
            && names::lookup(letters, vars).is_none()
            && names::param_name(letters).is_some_and(|p| !p.contains('_'));
        let whole = names::param_name(run).or_else(|| fresh.then(|| run.clone()));
        if let Some(name) = whole.filter(|_| !call) {
            let v = symbol(name, vars, t, headless)?;
            out.push(Item {
                tok: RTok::Name(Meaning::Var(v)),
                column: t.column,
                width: t.width,
                text: run.clone(),
            });
            continue;
        }
        let parts = if letters.is_empty() || run.contains('_') {
            None
        } else if digits.is_empty() {
            names::split(run, vars)
        } else {
            names::lookup(letters, vars)
                .map(|m| vec![(0, letters.chars().count(), m)])
                .or_else(|| names::split(letters, vars))
        };
        let ends_in_param = |parts: &Vec<(usize, usize, Meaning)>| {
            parts
                .last()
                .is_some_and(|(_, _, m)| matches!(m, Meaning::NewParam(_)) || param(m))
        };
        let Some(parts) = parts.filter(|p| !call || digits.is_empty() && !ends_in_param(p)) else {
            return Err(unknown(run, t, tokens.get(i + 1), vars));
        };
        let chars: Vec<char> = run.chars().collect();
        for (offset, len, m) in parts {
            let m = match m {
                Meaning::NewParam(p) => Meaning::Var(symbol(p.text(), vars, t, headless)?),
                m => m,
            };
            out.push(Item {
                tok: RTok::Name(m),
                column: t.column + offset,
                width: len,
                text: chars[offset..offset + len].iter().collect(),
            });
        }
        if !digits.is_empty() {
            out.push(Item {
                tok: RTok::Num(digits.parse().unwrap_or(0.0)),
                column: t.column + letters.chars().count(),
                width: digits.len(),
                text: digits.to_string(),
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
                "unknown name '{run}': this function's variables are {}",
                and_list(&vars.variable_names())
            ),
            t.column,
            t.width,
        )
    };
    if call {
        e.help =
            names::suggest(run, names::function_names()).map(|s| format!("did you mean '{s}'?"));
        if e.help.is_none() && names::param_name(run).is_some() {
            e.help = Some(format!("for a parameter times a bracket write '{run}*(…)'"));
        }
    } else if run.chars().count() >= 3 {
        e.help =
            names::suggest(run, names::function_names()).map(|s| format!("did you mean '{s}(…)'?"));
    }
    if e.help.is_none() && !call {
        let head = if vars.is_plain() {
            "; more variables need a head such as 'f(x, y, z) ='"
        } else {
            ""
        };
        e.help = Some(format!(
            "a parameter is one letter, a Greek letter (alpha) or a subscripted name (a_1), and a product of them needs a space: 'a b'{head}"
        ));
    }
    e
}

/// `x and y`, `x, y and z`.
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

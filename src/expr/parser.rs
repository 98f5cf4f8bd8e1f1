//! Tokens → expression tree. Recursive descent whose depth is counted (parentheses, unary
//! signs, exponents and calls), so no input can overflow the stack; long `+`/`*` chains are
//! built by `chain` with bounded depth. Grammar, loosest first:
//!
//! ```text
//! expr    = term (('+' | '-') term)*
//! term    = unary (('*' | '/') unary | power)*      -- juxtaposition: 2x, x y, 2(x+1)
//! unary   = ('+' | '-') unary | power
//! power   = postfix ('^' unary)?                    -- right-associative, -x^2 = -(x^2)
//! postfix = primary superscript*                    -- x² = x^2
//! primary = number | constant | variable | name '(' args ')' | '(' expr ')'
//! ```

use super::ast::{self, BinOp, Node, Vars};
use super::chain::chain;
use super::error::ParseError;
use super::head::{self, Item, RTok};
use super::lexer::{err, lex};
use super::names::{self, Meaning};
use super::unexpected;
use super::{MAX_DEPTH, MAX_INPUT_CHARS};

/// Parses a function, with an optional head (`f(w, b) =`, `f(x, y, z) =`, `z =`), into its
/// variable names, symbols and tree.
pub fn parse(text: &str) -> Result<(Vars, Node), ParseError> {
    let n = text.chars().count();
    if n > MAX_INPUT_CHARS {
        return Err(err(
            format!("input is too long: {n} characters (the limit is {MAX_INPUT_CHARS})"),
            1,
            1,
        ));
    }
    let tokens = lex(text, |run| {
        names::function_names()
            .any(|f| f.ends_with(|c: char| c.is_ascii_digit()) && run.ends_with(f))
    })?;
    let (mut vars, body, body_column, headless) = head::split_head(&tokens)?;
    let items = head::resolve(body, &mut vars, headless)?;
    if items.is_empty() {
        let mut e = err("empty expression", body_column, 1);
        e.help = Some(if body_column > 1 {
            "write the function after '=', e.g. 'f(x, y) = x^2 + y^2'".into()
        } else {
            "type a function such as 'x^2 + y^2'".into()
        });
        return Err(e);
    }
    let mut p = Parser {
        items: &items,
        pos: 0,
        depth: 0,
    };
    let node = p.expr()?;
    if let Some(it) = p.peek() {
        return Err(unexpected::leftover(it));
    }
    Ok((vars, node))
}

struct Parser<'a> {
    items: &'a [Item],
    pos: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<&'a Item> {
        self.items.get(self.pos)
    }

    fn next(&mut self) -> Option<&'a Item> {
        let it = self.items.get(self.pos);
        self.pos += 1;
        it
    }

    fn enter(&mut self, at: &Item) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(err(
                format!("expression is nested too deeply (more than {MAX_DEPTH} levels)"),
                at.column,
                at.width,
            ));
        }
        Ok(())
    }

    fn starts_value(&self) -> bool {
        matches!(
            self.peek().map(|i| &i.tok),
            Some(RTok::Num(_) | RTok::Name(..) | RTok::LParen | RTok::Plus | RTok::Minus)
        )
    }

    /// Requires a value after the operator `op`.
    fn value_after(&self, op: &Item) -> Result<(), ParseError> {
        if self.starts_value() {
            Ok(())
        } else {
            Err(err(
                format!("expected a value after '{}'", op.text),
                op.column,
                op.width,
            ))
        }
    }

    fn expr(&mut self) -> Result<Node, ParseError> {
        let first = self.term()?;
        let mut rest = Vec::new();
        while let Some(op) = self.peek() {
            let bop = match op.tok {
                RTok::Plus => BinOp::Add,
                RTok::Minus => BinOp::Sub,
                _ => break,
            };
            self.pos += 1;
            self.value_after(op)?;
            rest.push((bop, self.term()?));
        }
        Ok(chain(first, &rest))
    }

    fn term(&mut self) -> Result<Node, ParseError> {
        let first = self.unary()?;
        let mut rest = Vec::new();
        while let Some(op) = self.peek() {
            match op.tok {
                RTok::Star | RTok::Slash => {
                    self.pos += 1;
                    self.value_after(op)?;
                    let bop = if op.tok == RTok::Star {
                        BinOp::Mul
                    } else {
                        BinOp::Div
                    };
                    rest.push((bop, self.unary()?));
                }
                RTok::Name(..) | RTok::LParen => rest.push((BinOp::Mul, self.power()?)),
                RTok::Num(_) => {
                    let mut e = err(
                        format!("missing operator before '{}'", op.text),
                        op.column,
                        op.width,
                    );
                    e.help = Some("use '*' to multiply or '^' for a power".into());
                    return Err(e);
                }
                _ => break,
            }
        }
        Ok(chain(first, &rest))
    }

    fn unary(&mut self) -> Result<Node, ParseError> {
        let Some(op) = self.peek() else {
            return Err(self.missing());
        };
        let negate = match op.tok {
            RTok::Minus => true,
            RTok::Plus => false,
            _ => return self.power(),
        };
        self.enter(op)?;
        self.pos += 1;
        self.value_after(op)?;
        let inner = self.unary()?;
        self.depth -= 1;
        Ok(if negate { ast::neg(inner) } else { inner })
    }

    fn power(&mut self) -> Result<Node, ParseError> {
        let base = self.postfix()?;
        match self.peek() {
            Some(op) if op.tok == RTok::Caret => {
                self.enter(op)?;
                self.pos += 1;
                self.value_after(op)?;
                let exponent = self.unary()?;
                self.depth -= 1;
                Ok(ast::pow(base, exponent))
            }
            _ => Ok(base),
        }
    }

    fn postfix(&mut self) -> Result<Node, ParseError> {
        let mut node = self.primary()?;
        while let Some(RTok::Sup(v)) = self.peek().map(|i| &i.tok) {
            node = ast::pow(node, ast::num(*v));
            self.pos += 1;
        }
        Ok(node)
    }

    /// The error at a point where a value is required but the input ended.
    fn missing(&self) -> ParseError {
        let column = self.items.last().map_or(1, |i| i.column + i.width);
        err("expected a value", column, 1)
    }

    fn primary(&mut self) -> Result<Node, ParseError> {
        let Some(it) = self.next() else {
            return Err(self.missing());
        };
        match &it.tok {
            RTok::Num(v) => Ok(ast::num(*v)),
            RTok::Name(Meaning::Const(v)) => Ok(ast::num(*v)),
            RTok::Name(Meaning::Var(v)) => Ok(ast::var(*v)),
            RTok::Name(m) => self.call(it, *m),
            RTok::LParen => {
                self.enter(it)?;
                if self.peek().map(|i| &i.tok) == Some(&RTok::RParen) {
                    return Err(err("empty parentheses", it.column, 2));
                }
                let e = self.expr()?;
                self.close(it)?;
                self.depth -= 1;
                Ok(e)
            }
            RTok::RParen => Err(unexpected::leftover(it)),
            _ => Err(
                if it.tok == RTok::Eq || (it.tok == RTok::Comma && self.depth == 0) {
                    unexpected::leftover(it)
                } else {
                    err(
                        format!("expected a value before '{}'", it.text),
                        it.column,
                        it.width,
                    )
                },
            ),
        }
    }

    /// Consumes the ')' that closes `open`.
    fn close(&mut self, open: &Item) -> Result<(), ParseError> {
        match self.next() {
            Some(i) if i.tok == RTok::RParen => Ok(()),
            Some(i) => Err(unexpected::leftover(i)),
            None => {
                let mut e = err("unclosed '(' opened", open.column, 1);
                e.help = Some("add a ')' to close it".into());
                Err(e)
            }
        }
    }

    fn call(&mut self, name: &Item, m: Meaning) -> Result<Node, ParseError> {
        let open = match self.next() {
            Some(i) if i.tok == RTok::LParen => i,
            _ => {
                let mut e = err(
                    format!("'{}' needs parentheses", name.text),
                    name.column,
                    name.width,
                );
                e.help = Some(format!("write {}(…)", name.text));
                return Err(e);
            }
        };
        self.enter(open)?;
        let mut args = Vec::new();
        if self.peek().map(|i| &i.tok) != Some(&RTok::RParen) {
            loop {
                args.push(self.expr()?);
                match self.peek() {
                    Some(c) if c.tok == RTok::Comma => {
                        self.pos += 1;
                        self.value_after(c)?;
                    }
                    _ => break,
                }
            }
        }
        self.close(open)?;
        self.depth -= 1;
        let arity = match m {
            Meaning::Func(f) => f.arity(),
            _ => 2,
        };
        if args.len() != arity {
            let plural = if arity == 1 { "" } else { "s" };
            return Err(err(
                format!(
                    "'{}' takes {arity} argument{plural}, got {}",
                    name.text,
                    args.len()
                ),
                name.column,
                name.width,
            ));
        }
        Ok(match m {
            Meaning::Func(f) => std::sync::Arc::new(ast::Expr::Call(f, args)),
            _ => {
                let mut it = args.into_iter();
                match (it.next(), it.next()) {
                    (Some(a), Some(b)) => ast::pow(a, b),
                    _ => return Err(err("'pow' takes 2 arguments", name.column, 1)),
                }
            }
        })
    }
}

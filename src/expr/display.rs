//! The display form of a formula, for people to read: `x² + 3xy + y²`, `√(1 − x² − y²)`,
//! `3 sin(x)`, `e^x`, `π/2`, with − for minus, implicit products where they are unambiguous
//! and `·` where juxtaposition would misread (`2·3`, `2·e`, `e^x·y`). Everything it writes
//! is something gradfield's parser reads back to the same function (`tests/expr_print.rs`).
//! Beside it the same walk writes the typeset form (`to_typeset`, `expr::runs`): exponents as
//! raised runs, Greek letters and subscripts for names, eˣ for exp(x).

use super::ast::{BinOp, Expr, Func, Vars};
use super::names::{self, Meaning};
use super::print::{named, number, prec, Named};
pub use super::runs::Runs;
use super::runs::{self, Script};

/// The formula in display form, with the variables named as in `vars`.
pub fn to_display(node: &Expr, vars: &Vars) -> String {
    write(node, vars).text
}

/// The formula typeset, with the variables named as in `vars`: the runs
/// `render::typeset` lays out (x², e with x + y raised, θ for a variable named theta).
pub fn to_typeset(node: &Expr, vars: &Vars) -> Runs {
    write(node, vars).runs
}

/// The display form as a complete input: with a head `f(w, b) = ` when the variables are
/// not x and y.
pub fn to_display_source(node: &Expr, vars: &Vars) -> String {
    let body = to_display(node, vars);
    if vars.is_plain() {
        body
    } else {
        format!("{} = {body}", vars.head())
    }
}

/// What a printed piece starts and ends with, for choosing how a product joins two pieces.
#[derive(Clone, Copy, PartialEq)]
enum Edge {
    /// A digit or a number's point.
    Digit,
    /// A name: a variable, `e`, or a function's name (at the start of a call).
    Letter,
    /// Anything else: `(`, `)`, `π`, `√`, `−`, a superscript.
    Other,
}

/// A written piece: its text, its typeset runs, binding strength, and whether it is a call,
/// a number, or a power with a written (`^`) exponent.
struct Piece {
    text: String,
    runs: Runs,
    prec: u8,
    kind: Kind,
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Number,
    Call,
    CaretPower,
    Other,
}

fn piece(text: String, runs: Runs, prec: u8, kind: Kind) -> Piece {
    Piece {
        text,
        runs,
        prec,
        kind,
    }
}

/// e, π, small multiples and simple fractions of π (`2π`, `π/2`); other numbers as in
/// `print::number`, with − for a minus sign.
fn literal(v: f64) -> (String, u8) {
    let (text, p) = match named(v) {
        Some(Named::E) => ("e".to_string(), 5),
        Some(Named::Pi(1, 1)) => ("π".to_string(), 5),
        Some(Named::Pi(k, 1)) => (format!("{k}π"), 2),
        Some(Named::Pi(_, d)) => (format!("π/{d}"), 2),
        None => (number(v.abs()), 5),
    };
    if v < 0.0 {
        (format!("−{text}"), 3)
    } else {
        (text, p)
    }
}

fn write(node: &Expr, vars: &Vars) -> Piece {
    match node {
        Expr::Num(v) => {
            let (t, p) = literal(*v);
            let r = match t.strip_prefix('−') {
                Some(rest) => Runs::around("−", runs::number(rest), ""),
                None => runs::number(&t),
            };
            piece(t, r, p, Kind::Number)
        }
        Expr::Var(v) => {
            let name = vars.name(*v);
            piece(
                name.to_string(),
                runs::name(name, Script::LINE),
                5,
                Kind::Other,
            )
        }
        Expr::Neg(a) => {
            let p = prec(a);
            let w = write(a, vars);
            let kind = if w.kind == Kind::CaretPower {
                w.kind
            } else {
                Kind::Other
            };
            let (inner, r) = wrapped(w, p < 2 || p == 3);
            piece(format!("−{inner}"), Runs::around("−", r, ""), 3, kind)
        }
        Expr::Binary(op, a, b) => binary(*op, a, b, vars),
        Expr::Call(f, args) => {
            let written: Vec<Piece> = args.iter().map(|a| write(a, vars)).collect();
            let inner: Vec<&str> = written.iter().map(|w| w.text.as_str()).collect();
            let name = if *f == Func::Sqrt { "√" } else { f.name() };
            let text = format!("{name}({})", inner.join(", "));
            let r = if *f == Func::Exp && written.len() == 1 {
                let mut e = Runs::line("e");
                e.extend(Runs::concat(written.into_iter().map(|w| w.runs)).raised());
                e
            } else {
                let mut r = Runs::default();
                for (i, w) in written.into_iter().enumerate() {
                    r.push(if i == 0 { "" } else { ", " }, Script::LINE);
                    r.extend(w.runs);
                }
                Runs::around(&format!("{name}("), r, ")")
            };
            piece(text, r, 5, Kind::Call)
        }
    }
}

/// A piece's text and runs, in parentheses when `wrap`.
fn wrapped(p: Piece, wrap: bool) -> (String, Runs) {
    if wrap {
        (format!("({})", p.text), Runs::around("(", p.runs, ")"))
    } else {
        (p.text, p.runs)
    }
}

fn binary(op: BinOp, a: &Expr, b: &Expr, vars: &Vars) -> Piece {
    let (la, lb) = (write(a, vars), write(b, vars));
    // A multiple of π prints as a product (`2π`), so it binds like one.
    let (pa, pb) = (prec(a).min(la.prec), prec(b).min(lb.prec));
    match op {
        BinOp::Add | BinOp::Sub => {
            let sym = if op == BinOp::Add { " + " } else { " − " };
            let (right, rr) = wrapped(lb, pb <= 1 || pb == 3);
            let r = Runs::concat([la.runs, Runs::line(sym), rr]);
            piece(format!("{}{sym}{right}", la.text), r, 1, Kind::Other)
        }
        BinOp::Div => {
            let ((left, lr), (right, rr)) = (wrapped(la, pa < 2), wrapped(lb, pb <= 3));
            // `π/2`, `1/x`; spaced where a side is a sum or a product of several words:
            // `(x + 1) / (y − 2)` reads as one quotient from the back of a lecture hall.
            let sym = if left.contains(' ') || right.contains(' ') {
                " / "
            } else {
                "/"
            };
            let r = Runs::concat([lr, Runs::line(sym), rr]);
            piece(format!("{left}/{right}"), r, 2, Kind::Other)
        }
        BinOp::Mul => {
            // A quotient on the left is wrapped: `(x/y)z`, never `x/yz`.
            // A quotient on the left is wrapped: `(x/y)z` and `(π/2)x`, never `x/yz`.
            let wrap_a = pa < 2
                || matches!(a, Expr::Binary(BinOp::Div, ..))
                || la.kind == Kind::Number && la.text.contains('/');
            let wrap_b = pb <= 3;
            let ka = if wrap_a { Kind::Other } else { la.kind };
            let kb = if wrap_b { Kind::Other } else { lb.kind };
            let ((left, lr), (right, rr)) = (wrapped(la, wrap_a), wrapped(lb, wrap_b));
            let base = joiner(&left, ka, &right, kb, vars);
            let spaced = |typeset| base.is_empty() && spaced_names(&left, &right, typeset);
            let join = if spaced(false) { " " } else { base };
            // A raised exponent ends where the next factor starts: eˣy needs no `·`.
            let shown =
                if ka == Kind::CaretPower && base == "·" && first_edge(&right) != Edge::Digit {
                    ""
                } else if spaced(true) {
                    " "
                } else {
                    base
                };
            let r = Runs::concat([lr, Runs::line(shown), rr]);
            // What ends the product decides how it joins a further factor.
            let kind = if wrap_b { Kind::Other } else { kb };
            piece(format!("{left}{join}{right}"), r, 2, kind)
        }
        BinOp::Pow => {
            // A base that ends raised (eˣ for exp(x)) is wrapped, (eˣ)², never e with x2 raised.
            let ends_raised = la.runs.0.last().is_some_and(|r| r.script.level > 0);
            let (base, mut r) = wrapped(la, pa <= 4);
            if ends_raised && pa > 4 {
                r = Runs::around("(", r, ")");
            }
            r.extend(lb.runs.clone().raised());
            match b {
                Expr::Num(k) if *k == 2.0 => piece(format!("{base}²"), r, 4, Kind::Other),
                Expr::Num(k) if *k == 3.0 => piece(format!("{base}³"), r, 4, Kind::Other),
                _ => {
                    let (exp, _) = wrapped(lb, pb < 4);
                    piece(format!("{base}^{exp}"), r, 4, Kind::CaretPower)
                }
            }
        }
    }
}

fn first_edge(s: &str) -> Edge {
    edge(s.chars().next())
}

fn last_edge(s: &str) -> Edge {
    edge(s.chars().last())
}

fn edge(c: Option<char>) -> Edge {
    match c {
        Some(c) if c.is_ascii_digit() || c == '.' => Edge::Digit,
        Some(c) if c.is_ascii_alphabetic() => Edge::Letter,
        _ => Edge::Other,
    }
}

/// What goes between two factors of a product: nothing (`2x`, `xy`, `2(x + 1)`), a space
/// (`3 sin(x)`, `x y` where `xy` would read as another name) or `·` (`2·3`, `2·e`, `e^x·y`).
fn joiner(left: &str, ka: Kind, right: &str, kb: Kind, vars: &Vars) -> &'static str {
    let (l, r) = (last_edge(left), first_edge(right));
    // `x·2`, and `e^x·y` (not `e^xy`, which reads as e^(xy)).
    if r == Edge::Digit || ka == Kind::CaretPower {
        return "·";
    }
    // `2e` would read as a number with an exponent; `e·x` and `1e-9·x` read better.
    if l == Edge::Digit && right.starts_with(['e', 'E'])
        || ka == Kind::Number && left.contains('e') && r == Edge::Letter
        || kb == Kind::Number && l == Edge::Letter
    {
        return "·";
    }
    let calls = right
        .chars()
        .find(|c| !c.is_ascii_alphabetic())
        .is_some_and(|c| c == '(');
    if r == Edge::Letter && (calls || ka == Kind::Call) {
        return " ";
    }
    if l == Edge::Letter && r == Edge::Letter && !merges_cleanly(left, right, vars) {
        return " ";
    }
    ""
}

/// Whether two factors that would be written together are set off by a space because a name
/// at the join has several letters, as a function's name is: `theta² eta` and `2 theta eta`,
/// not `theta²eta` or `2thetaeta`, which parse back but do not read. `typeset`: the names as
/// the typeset runs show them, where `theta` is the one letter θ (`θ²η`, `2θη`).
fn spaced_names(left: &str, right: &str, typeset: bool) -> bool {
    let long = |name: &str| {
        let shown = if typeset {
            runs::name(name, Script::LINE).text()
        } else {
            name.to_string()
        };
        shown.chars().count() > 1
    };
    first_edge(right) == Edge::Letter
        && (long(&leading_letters(right))
            || last_edge(left) == Edge::Letter && long(&trailing_letters(left)))
}

/// The letters a piece of text ends with (the name it ends in).
fn trailing_letters(text: &str) -> String {
    let mut t: Vec<char> = text
        .chars()
        .rev()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    t.reverse();
    t.into_iter().collect()
}

/// The letters a piece of text starts with (the name it starts with).
fn leading_letters(text: &str) -> String {
    text.chars().take_while(char::is_ascii_alphabetic).collect()
}

/// Whether the letters ending `left` and starting `right`, written together, still read as
/// the names they were.
fn merges_cleanly(left: &str, right: &str, vars: &Vars) -> bool {
    let tail = trailing_letters(left);
    let head = leading_letters(right);
    let read = |run: &str| -> Option<Vec<Meaning>> {
        let parts = names::lookup(run, vars)
            .map(|m| vec![m])
            .or_else(|| Some(names::split(run, vars)?.into_iter().map(|p| p.2).collect()))?;
        Some(parts)
    };
    match (read(&tail), read(&head), read(&format!("{tail}{head}"))) {
        (Some(mut a), Some(b), Some(both)) => {
            a.extend(b);
            a == both
        }
        _ => false,
    }
}

//! Names in formulas: functions, constants, the variables and the parameters; splitting a run
//! of letters into known names (`xy` → x·y, `pix` → pi·x, `ax` → a·x) and did-you-mean
//! suggestions.
//!
//! A name that is no function, constant or variable is a parameter when it is one letter
//! (`a`, `k`), a Greek letter (`alpha` or `α`) or a subscripted name (`a_1`, `w_2`). A run of
//! letters splits into known names with at most one one-letter or Greek parameter among them,
//! and never a parameter right after a function's name: `ax` is a·x and `bsinx` is b·sin(x),
//! but `foo`, `abx` and `sinn` are refused, so typos are still caught.

use super::ast::{Func, SymKind, Var, Vars};
use super::runs;
use std::f64::consts;

/// What a name means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Meaning {
    Func(Func),
    /// `pow(a, b)`, which becomes `a ^ b`.
    Pow,
    Const(f64),
    Var(Var),
    /// A parameter the function does not have yet: the resolver gives it a symbol.
    NewParam(ParamName),
}

/// The name of a parameter found in a run of letters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ParamName {
    Letter(char),
    Greek(&'static str),
}

impl ParamName {
    pub(crate) fn text(self) -> String {
        match self {
            ParamName::Letter(c) => c.to_string(),
            ParamName::Greek(g) => g.to_string(),
        }
    }
}

/// Whether a meaning is a parameter (new, or a symbol of kind [`SymKind::Param`]).
fn is_param(m: Meaning, vars: &Vars) -> bool {
    match m {
        Meaning::NewParam(_) => true,
        Meaning::Var(Var::Sym(k)) => {
            vars.syms.get(k as usize).map(|s| s.kind) == Some(SymKind::Param)
        }
        _ => false,
    }
}

/// Whether a whole name, not otherwise known, may be a parameter: one letter, a Greek
/// letter's name, or a base of that kind with a subscript (`a_1`, `alpha_max`, `w_12`).
pub(crate) fn param_name(name: &str) -> Option<String> {
    let (base, sub) = match name.split_once('_') {
        Some((b, s)) => (b, Some(s)),
        None => (name, None),
    };
    let mut chars = base.chars();
    let base = match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => c.to_string(),
        (Some(c), None) => runs::greek_name(c)?.to_string(),
        _ => runs::greek_word(base)?.to_string(),
    };
    match sub {
        None => Some(base),
        Some(s) if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric()) => {
            Some(format!("{base}_{s}"))
        }
        Some(_) => None,
    }
}

/// The constants people may type.
pub(crate) const CONSTANTS: [(&str, f64); 3] =
    [("pi", consts::PI), ("π", consts::PI), ("e", consts::E)];

/// The function or constant a name denotes (variables aside).
pub(crate) fn builtin(name: &str) -> Option<Meaning> {
    if name == "log" {
        return Some(Meaning::Func(Func::Ln));
    }
    if name == "√" {
        return Some(Meaning::Func(Func::Sqrt));
    }
    if name == "pow" {
        return Some(Meaning::Pow);
    }
    if let Some(&(_, v)) = CONSTANTS.iter().find(|(n, _)| *n == name) {
        return Some(Meaning::Const(v));
    }
    Func::ALL
        .iter()
        .find(|f| f.name() == name)
        .map(|&f| Meaning::Func(f))
}

/// Every built-in function name (with `log` and `pow`).
pub(crate) fn function_names() -> impl Iterator<Item = &'static str> {
    Func::ALL.iter().map(|f| f.name()).chain(["log", "pow"])
}

/// A name's meaning with these variable names and symbols (new parameters aside).
pub(crate) fn lookup(name: &str, vars: &Vars) -> Option<Meaning> {
    vars.find(name).map(Meaning::Var).or_else(|| builtin(name))
}

/// Splits `run` into known names, preferring the longest name at each step; `None` when no
/// split exists. At most one part is a parameter (one letter or a Greek name, new or one of
/// `vars`' symbols), and none follows a function's name. Each part is `(char offset, char
/// length, meaning)`. Linear in the run's length times the number of names.
pub(crate) fn split(run: &str, vars: &Vars) -> Option<Vec<(usize, usize, Meaning)>> {
    let chars: Vec<char> = run.chars().collect();
    let n = chars.len();
    let mut names: Vec<(Vec<char>, Meaning)> = function_names()
        .chain(CONSTANTS.iter().map(|(n, _)| *n))
        .map(String::from)
        .chain([vars.x.clone(), vars.y.clone()])
        .chain(vars.syms.iter().map(|s| s.name.clone()))
        .filter_map(|s| Some((s.chars().collect(), lookup(&s, vars)?)))
        .collect();
    for word in runs::greek_words() {
        if lookup(word, vars).is_none() {
            names.push((
                word.chars().collect(),
                Meaning::NewParam(ParamName::Greek(word)),
            ));
        }
    }
    for c in ('a'..='z').chain('A'..='Z') {
        if lookup(&c.to_string(), vars).is_none() {
            names.push((vec![c], Meaning::NewParam(ParamName::Letter(c))));
        }
    }
    names.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    // ok[i][used][after_func]: run[i..] splits, given whether a parameter was used already
    // and whether the part before i is a function's name.
    let mut ok = vec![[[false; 2]; 2]; n + 1];
    ok[n] = [[true; 2]; 2];
    let fits = |ok: &[[[bool; 2]; 2]], i: usize, s: &[char], m: Meaning, used: usize, af: usize| {
        if !chars[i..].starts_with(s) {
            return false;
        }
        let next = i + s.len();
        let func = usize::from(matches!(m, Meaning::Func(_) | Meaning::Pow));
        if is_param(m, vars) {
            used == 0 && af == 0 && ok[next][1][0]
        } else {
            ok[next][used][func]
        }
    };
    for i in (0..n).rev() {
        for used in 0..2 {
            for af in 0..2 {
                ok[i][used][af] = names.iter().any(|(s, m)| fits(&ok, i, s, *m, used, af));
            }
        }
    }
    if !ok[0][0][0] {
        return None;
    }
    let mut parts = Vec::new();
    let (mut i, mut used, mut af) = (0, 0, 0);
    while i < n {
        let (s, m) = names.iter().find(|(s, m)| fits(&ok, i, s, *m, used, af))?;
        if is_param(*m, vars) {
            used = 1;
        }
        af = usize::from(matches!(m, Meaning::Func(_) | Meaning::Pow));
        parts.push((i, s.len(), *m));
        i += s.len();
    }
    Some(parts)
}

/// Edit distance in characters, counting a swap of two neighbours as one edit (optimal
/// string alignment), so `cso` is one edit from `cos`.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j - 1] + cost)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

/// The closest candidate within an edit distance of 2 (1 for short names), if any.
pub(crate) fn suggest<'a>(
    name: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    if name.chars().count() > 20 {
        return None;
    }
    let limit = if name.chars().count() <= 3 { 1 } else { 2 };
    candidates
        .map(|c| (distance(name, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

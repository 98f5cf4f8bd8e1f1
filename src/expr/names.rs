//! Names in formulas: functions, constants and the two variables; splitting a run of letters
//! into known names (`xy` → x·y, `pix` → pi·x) and did-you-mean suggestions.

use super::ast::{Func, Var, Vars};
use std::f64::consts;

/// What a name means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Meaning {
    Func(Func),
    /// `pow(a, b)`, which becomes `a ^ b`.
    Pow,
    Const(f64),
    Var(Var),
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

/// A name's meaning with these variable names.
pub(crate) fn lookup(name: &str, vars: &Vars) -> Option<Meaning> {
    if name == vars.x {
        Some(Meaning::Var(Var::X))
    } else if name == vars.y {
        Some(Meaning::Var(Var::Y))
    } else {
        builtin(name)
    }
}

/// Splits `run` into known names, preferring the longest name at each step; `None` when no
/// split exists. Each part is `(char offset, char length, meaning)`. Linear in the run's
/// length times the longest name.
pub(crate) fn split(run: &str, vars: &Vars) -> Option<Vec<(usize, usize, Meaning)>> {
    let chars: Vec<char> = run.chars().collect();
    let n = chars.len();
    let mut names: Vec<(Vec<char>, Meaning)> = function_names()
        .chain(CONSTANTS.iter().map(|(n, _)| *n))
        .map(String::from)
        .chain([vars.x.clone(), vars.y.clone()])
        .filter_map(|s| Some((s.chars().collect(), lookup(&s, vars)?)))
        .collect();
    names.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
    // ok[i]: run[i..] can be split.
    let mut ok = vec![false; n + 1];
    ok[n] = true;
    for i in (0..n).rev() {
        ok[i] = names
            .iter()
            .any(|(s, _)| ok.get(i + s.len()) == Some(&true) && chars[i..].starts_with(s));
    }
    if !ok[0] {
        return None;
    }
    let mut parts = Vec::new();
    let mut i = 0;
    while i < n {
        let (s, m) = names
            .iter()
            .find(|(s, _)| ok.get(i + s.len()) == Some(&true) && chars[i..].starts_with(s))?;
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

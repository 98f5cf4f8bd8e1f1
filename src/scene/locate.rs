//! Where things are in a scene file: the line and column of a dotted key path such as
//! `optimizer.lr` or `paths[1].start`, and the dotted path of the key at a byte offset (for
//! TOML's own errors, which come with a span but no key). Also finds non-finite numbers.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// One step of a key path: a table key or an array index (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

/// Writes a path as `optimizer.lr`, `paths[1].start`.
pub(crate) fn dotted(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// Parses `a.b[2].c` into segments (the inverse of [`dotted`] for plain keys).
pub(crate) fn parse_path(path: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let mut rest = part;
        if let Some(open) = rest.find('[') {
            out.push(Seg::Key(rest[..open].to_string()));
            rest = &rest[open..];
            while let Some(close) = rest.find(']') {
                if let Ok(i) = rest[1..close].parse() {
                    out.push(Seg::Index(i));
                }
                rest = &rest[close + 1..];
            }
        } else {
            out.push(Seg::Key(rest.to_string()));
        }
    }
    out
}

/// 1-based line and column (in characters) of byte `offset` in `text`.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The parsed document with spans, for finding keys.
pub(crate) struct Located<'a> {
    pub root: Spanned<DeTable<'a>>,
}

impl<'a> Located<'a> {
    /// Parses `text` (an error is TOML's syntax error).
    pub(super) fn parse(text: &'a str) -> Result<Located<'a>, toml::de::Error> {
        DeTable::parse(text).map(|root| Located { root })
    }

    /// The value at `path`, with its byte span.
    pub(super) fn value(&self, path: &[Seg]) -> Option<&Spanned<DeValue<'a>>> {
        let (first, rest) = path.split_first()?;
        let Seg::Key(k) = first else { return None };
        let mut v = table_get(self.root.get_ref(), k)?;
        for seg in rest {
            v = match (seg, v.get_ref()) {
                (Seg::Key(k), DeValue::Table(t)) => table_get(t, k)?,
                (Seg::Index(i), DeValue::Array(a)) => a.get(*i)?,
                _ => return None,
            };
        }
        Some(v)
    }

    /// The byte offset where the value at `path` (or the longest prefix of it that exists)
    /// starts.
    pub(super) fn offset_of(&self, path: &[Seg]) -> Option<usize> {
        (1..=path.len())
            .rev()
            .find_map(|n| self.value(&path[..n]).map(|v| v.span().start))
    }

    /// The deepest key path whose key or value contains byte `offset`.
    pub(crate) fn path_at(&self, offset: usize) -> Vec<Seg> {
        let mut path = Vec::new();
        if !walk_table(self.root.get_ref(), offset, &mut path) {
            path.clear();
        }
        path
    }

    /// The first number that is NaN or infinite, with its path and offset.
    pub(crate) fn non_finite(&self) -> Option<(Vec<Seg>, usize)> {
        let mut path = Vec::new();
        find_non_finite_table(self.root.get_ref(), &mut path)
    }
}

fn table_get<'t, 'a>(t: &'t DeTable<'a>, key: &str) -> Option<&'t Spanned<DeValue<'a>>> {
    t.iter().find(|(k, _)| k.get_ref() == key).map(|(_, v)| v)
}

fn contains(span: std::ops::Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset < span.end.max(span.start + 1)
}

fn walk_table(t: &DeTable<'_>, offset: usize, path: &mut Vec<Seg>) -> bool {
    for (k, v) in t.iter() {
        path.push(Seg::Key(k.get_ref().to_string()));
        if contains(k.span(), offset) || walk_value(v, offset, path) {
            return true;
        }
        path.pop();
    }
    false
}

/// A table's span covers only its header, so its keys are searched whatever its span says.
fn walk_value(v: &Spanned<DeValue<'_>>, offset: usize, path: &mut Vec<Seg>) -> bool {
    match v.get_ref() {
        DeValue::Table(t) => walk_table(t, offset, path) || contains(v.span(), offset),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                if walk_value(item, offset, path) {
                    return true;
                }
                path.pop();
            }
            contains(v.span(), offset)
        }
        _ => contains(v.span(), offset),
    }
}

fn find_non_finite_table(t: &DeTable<'_>, path: &mut Vec<Seg>) -> Option<(Vec<Seg>, usize)> {
    for (k, v) in t.iter() {
        path.push(Seg::Key(k.get_ref().to_string()));
        if let Some(found) = find_non_finite(v, path) {
            return Some(found);
        }
        path.pop();
    }
    None
}

fn find_non_finite(v: &Spanned<DeValue<'_>>, path: &mut Vec<Seg>) -> Option<(Vec<Seg>, usize)> {
    match v.get_ref() {
        DeValue::Float(f) => {
            let text = f.as_str().trim_start_matches(['+', '-']);
            (text == "nan" || text == "inf").then(|| (path.clone(), v.span().start))
        }
        DeValue::Table(t) => find_non_finite_table(t, path),
        DeValue::Array(a) => {
            for (i, item) in a.iter().enumerate() {
                path.push(Seg::Index(i));
                if let Some(found) = find_non_finite(item, path) {
                    return Some(found);
                }
                path.pop();
            }
            None
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_positions() {
        let text = "version = 1\n[optimizer]\nlr = \"fast\"\n[[paths]]\nstart = [1, 2]\n\
                    [[paths]]\nstart = [3, nan]\n";
        let doc = Located::parse(text).expect("valid TOML");
        let lr = parse_path("optimizer.lr");
        assert_eq!(dotted(&lr), "optimizer.lr");
        let at = doc.offset_of(&lr).expect("lr is there");
        assert_eq!(line_col(text, at), (3, 6));
        assert_eq!(dotted(&doc.path_at(at)), "optimizer.lr");
        let second = parse_path("paths[1].start");
        assert_eq!(dotted(&second), "paths[1].start");
        let at = doc.offset_of(&second).expect("second path's start");
        assert_eq!(line_col(text, at), (7, 9));
        let (path, off) = doc.non_finite().expect("a nan");
        assert_eq!(dotted(&path), "paths[1].start[1]");
        assert_eq!(line_col(text, off), (7, 13));
    }
}

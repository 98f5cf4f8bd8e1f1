//! The `#import name` lines of gradfield's WGSL: each names a shared piece (`shaders/lib/*.wgsl`
//! or one generated from Rust constants) that is spliced in its place, once per shader however
//! often it is imported; an unknown name is an error naming the file and line, a cycle is
//! refused. Pure Rust, so the fuzz target and the tests resolve shaders without a GPU.

use crate::error::{Result, ShaderError};

/// One shared piece of WGSL that shaders import by name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece<'a> {
    /// The name after `#import`.
    pub name: &'a str,
    /// Where the text comes from, for error messages (`shaders/lib/hatch.wgsl`).
    pub file: &'a str,
    /// The WGSL, itself possibly with `#import` lines.
    pub text: &'a str,
}

/// The directive that starts an import line (after optional leading whitespace).
pub(crate) const IMPORT: &str = "#import";

/// `source` (read from `file`) with every `#import name` line replaced by the piece `name` of
/// `library`, recursively; a piece already spliced in is skipped, so each appears once, at its
/// first import. Errors: an unknown name, an import line without exactly one name, or a cycle.
pub(crate) fn resolve(file: &str, source: &str, library: &[Piece<'_>]) -> Result<String> {
    let mut out = String::with_capacity(source.len());
    let mut done = Vec::new();
    let mut stack = Vec::new();
    splice_into(&mut out, file, source, library, &mut done, &mut stack)?;
    Ok(out)
}

fn splice_into<'a>(
    out: &mut String,
    file: &str,
    source: &str,
    library: &[Piece<'a>],
    done: &mut Vec<&'a str>,
    stack: &mut Vec<&'a str>,
) -> Result<()> {
    for (index, line) in source.lines().enumerate() {
        let Some(rest) = line.trim_start().strip_prefix(IMPORT) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let at = format!("{file}:{}", index + 1);
        let name = import_name(rest).ok_or_else(|| ShaderError::Import {
            at: at.clone(),
            why: format!("`{}` needs exactly one piece name", line.trim()),
        })?;
        let piece = library
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| ShaderError::Import {
                at: at.clone(),
                why: format!(
                    "unknown shader piece `{name}` (known: {})",
                    library
                        .iter()
                        .map(|p| p.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })?;
        if stack.contains(&piece.name) {
            let mut cycle: Vec<&str> = stack.clone();
            cycle.push(piece.name);
            return Err(ShaderError::Import {
                at,
                why: format!("import cycle {}", cycle.join(" → ")),
            }
            .into());
        }
        if done.contains(&piece.name) {
            continue;
        }
        stack.push(piece.name);
        splice_into(out, piece.file, piece.text, library, done, stack)?;
        stack.pop();
        done.push(piece.name);
    }
    Ok(())
}

/// The one name of an import line (`<name>` or `name`), if the line has exactly one.
fn import_name(rest: &str) -> Option<&str> {
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let mut words = rest.split_whitespace();
    let word = words.next()?;
    if words.next().is_some() {
        return None;
    }
    let name = word
        .strip_prefix('<')
        .and_then(|w| w.strip_suffix('>'))
        .unwrap_or(word);
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '/');
    ok.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece<'a>(name: &'a str, text: &'a str) -> Piece<'a> {
        Piece {
            name,
            file: name,
            text,
        }
    }

    #[test]
    fn each_piece_is_spliced_once_at_its_first_import() {
        let lib = [
            piece("a", "const A: u32 = 1u;"),
            piece("b", "#import a\nconst B: u32 = A;"),
        ];
        let out = resolve(
            "main.wgsl",
            "#import b\n#import <a>\n  #import b\nfn f() {}",
            &lib,
        )
        .expect("resolves");
        assert_eq!(out, "const A: u32 = 1u;\nconst B: u32 = A;\nfn f() {}\n");
    }

    #[test]
    fn an_unknown_name_names_the_file_and_line() {
        let lib = [piece("a", "#import nope")];
        let err = resolve("main.wgsl", "// x\n#import a", &lib).unwrap_err();
        let text = err.to_string();
        assert!(text.contains("a:1"), "{text}");
        assert!(text.contains("unknown shader piece `nope`"), "{text}");
        assert!(text.contains("known: a"), "{text}");
        let err = resolve("main.wgsl", "\n\n#import missing", &[]).unwrap_err();
        assert!(err.to_string().contains("main.wgsl:3"), "{err}");
    }

    #[test]
    fn cycles_are_refused() {
        let lib = [
            piece("a", "#import b"),
            piece("b", "#import c"),
            piece("c", "#import a"),
        ];
        let err = resolve("main.wgsl", "#import a", &lib).unwrap_err();
        assert!(
            err.to_string().contains("import cycle a → b → c → a"),
            "{err}"
        );
        let selfish = [piece("s", "#import s")];
        assert!(resolve("m", "#import s", &selfish).is_err());
    }

    #[test]
    fn malformed_import_lines_are_errors() {
        let lib = [piece("a", "")];
        for bad in [
            "#import",
            "#import a b",
            "#importa",
            "#import <>",
            "#import a;",
        ] {
            let err = resolve("m.wgsl", bad, &lib).unwrap_err();
            assert!(err.to_string().contains("m.wgsl:1"), "{bad}: {err}");
        }
    }

    #[test]
    fn text_without_imports_is_unchanged_but_for_the_last_newline() {
        let src = "fn f() -> f32 {\n    return 1.0;\n}";
        assert_eq!(
            resolve("m", src, &[]).expect("resolves"),
            format!("{src}\n")
        );
    }
}

//! The layering of ARCHITECTURE.md, checked against the code: every module under `src/` has a
//! section there, imports (every `crate::…` path in its code) only what its "May import" line
//! allows, and the known breaks of the layering listed there are real, so the list shrinks with
//! the code. Plain file reading; no GPU.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Modules that must stay free of the GPU, the window and the command line (the ones a GPU-free
/// build, a test or another front end can use): they may not import these, except as a known
/// break.
const PLAIN: &[&str] = &[
    "error",
    "view",
    "numfmt",
    "checks",
    "samples",
    "expr",
    "presets",
    "teach",
    "descent",
    "export",
    "document",
    "scene",
    "cpu_field",
];
const FRONT: &[&str] = &["app", "cli", "render", "gpu", "bench"];

/// Re-exports at the crate root that stand for a module.
fn module_of(name: &str) -> &str {
    match name {
        "View" => "view",
        "Error" | "Result" => "error",
        other => other,
    }
}

/// The modules of `src/` (files and folders), without `main` and `lib`.
fn modules() -> BTreeMap<String, Vec<PathBuf>> {
    let src = Path::new(ROOT).join("src");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("an entry").path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "main" || name == "lib" {
            continue;
        }
        let files = if path.is_dir() {
            rust_files(&path)
        } else {
            vec![path.clone()]
        };
        out.insert(name, files);
    }
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Source without `//` comments (doc comments link to modules without importing them).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules named by `crate::…` paths in `code`, grouped imports included.
fn imports(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let bytes = code.as_bytes();
    let mut rest = 0;
    while let Some(i) = code[rest..].find("crate::") {
        let at = rest + i + "crate::".len();
        rest = at;
        if bytes.get(at) == Some(&b'{') {
            // The items of the group at its top level: `crate::{a::X, b, c::{d, e}}`.
            let (mut depth, mut item_start, mut j) = (1, at + 1, at + 1);
            while j < bytes.len() && depth > 0 {
                match bytes[j] {
                    b'{' => depth += 1,
                    b'}' => depth -= 1,
                    b',' if depth == 1 => {
                        push_head(&code[item_start..j], &mut out);
                        item_start = j + 1;
                    }
                    _ => {}
                }
                j += 1;
            }
            push_head(&code[item_start..j.saturating_sub(1)], &mut out);
        } else {
            push_head(&code[at..], &mut out);
        }
    }
    out
}

fn push_head(item: &str, out: &mut BTreeSet<String>) {
    let item = item.trim_start();
    let end = item
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(item.len());
    if end > 0 {
        out.insert(module_of(&item[..end]).to_string());
    }
}

/// The names in backticks in `text`.
fn ticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

struct Map {
    allowed: BTreeMap<String, BTreeSet<String>>,
    breaks: BTreeSet<(String, String)>,
}

/// The "May import" line of each `### \`module\`` section and the "Known breaks" list.
fn read_map() -> Map {
    let text = std::fs::read_to_string(Path::new(ROOT).join("ARCHITECTURE.md"))
        .expect("ARCHITECTURE.md exists");
    let mut allowed = BTreeMap::new();
    for section in text.split("\n### ").skip(1) {
        let (title, body) = section.split_once('\n').unwrap_or((section, ""));
        let name = ticked(title).into_iter().next().expect("a `module` title");
        let body = body.split("\n## ").next().unwrap_or("");
        let line = body
            .split("**May import:**")
            .nth(1)
            .unwrap_or_else(|| panic!("the section of `{name}` has no **May import:** line"));
        // The list runs to the end of its paragraph; "(see …)" notes name no modules.
        let paragraph = line.split("\n\n").next().unwrap_or("");
        let list = paragraph.split("(see").next().unwrap_or("");
        allowed.insert(name, ticked(list).into_iter().collect());
    }
    let breaks_text = text
        .split("## Known breaks of the layering")
        .nth(1)
        .expect("a Known breaks section")
        .split("\n## ")
        .next()
        .unwrap_or("");
    let breaks = breaks_text
        .lines()
        .filter(|l| l.starts_with("- `"))
        .map(|l| {
            let names = ticked(l);
            (names[0].clone(), names[1].clone())
        })
        .collect();
    Map { allowed, breaks }
}

fn actual() -> BTreeMap<String, BTreeSet<String>> {
    modules()
        .into_iter()
        .map(|(name, files)| {
            let mut used = BTreeSet::new();
            for f in files {
                let text = std::fs::read_to_string(&f).expect("a readable source file");
                used.extend(imports(&code(&text)));
            }
            used.remove(&name);
            (name, used)
        })
        .collect()
}

#[test]
fn every_module_has_a_section_in_the_map_and_every_section_a_module() {
    let map = read_map();
    let mods: BTreeSet<String> = modules().into_keys().collect();
    let mapped: BTreeSet<String> = map.allowed.keys().cloned().collect();
    assert_eq!(
        mods, mapped,
        "ARCHITECTURE.md's code map and src/ disagree: add or remove sections"
    );
}

#[test]
fn modules_import_only_what_the_map_allows() {
    let map = read_map();
    let mut wrong = Vec::new();
    for (name, used) in actual() {
        let allowed = map.allowed.get(&name).cloned().unwrap_or_default();
        for dep in used.difference(&allowed) {
            wrong.push(format!("{name} imports {dep}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports that ARCHITECTURE.md does not allow (change the code, or the map with a reason): {wrong:?}"
    );
}

#[test]
fn plain_modules_stay_free_of_gpu_window_and_command_line_but_for_known_breaks() {
    let map = read_map();
    let mut wrong = Vec::new();
    for (name, used) in actual() {
        if !PLAIN.contains(&name.as_str()) {
            continue;
        }
        for dep in used.iter().filter(|d| FRONT.contains(&d.as_str())) {
            if !map.breaks.contains(&(name.clone(), dep.clone())) {
                wrong.push(format!("{name} imports {dep}"));
            }
        }
    }
    assert!(wrong.is_empty(), "new breaks of the layering: {wrong:?}");
    // A break that the code no longer has goes from the list.
    let used = actual();
    for (from, to) in &map.breaks {
        assert!(
            used.get(from).is_some_and(|u| u.contains(to)),
            "`{from}` no longer imports `{to}`: remove it from Known breaks in ARCHITECTURE.md"
        );
    }
}

#[test]
fn the_import_reader_sees_grouped_nested_and_re_exported_paths() {
    let src = "use crate::{descent::Path, expr::{Function, Expr}, View};\n\
               fn f() { crate::numfmt::short(1.0); }\n\
               // crate::app is only mentioned in a comment\n";
    let got = imports(&code(src));
    let want: BTreeSet<String> = ["descent", "expr", "view", "numfmt"]
        .map(String::from)
        .into();
    assert_eq!(got, want);
}

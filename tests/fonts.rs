//! No tofu: every character gradfield prints has a glyph in the fonts its egui contexts use
//! (`render::fonts::font_definitions`), where egui's default fonts drew empty boxes for ∇
//! (the gradient-check legend) and → (the help).

use egui::epaint::text::{Fonts, TextOptions};
use egui::{FontDefinitions, FontFamily, FontId};
use gradfield::render::fonts::{font_definitions, PRINTED_GLYPHS};

fn fonts(defs: FontDefinitions) -> Fonts {
    Fonts::new(TextOptions::default(), defs)
}

fn missing(fonts: &mut Fonts, family: FontFamily, chars: impl Iterator<Item = char>) -> String {
    let id = FontId::new(20.0, family);
    chars.filter(|&c| !fonts.has_glyph(&id, c)).collect()
}

/// Reproduces the empty boxes: egui's own fonts lack ∇ and →, so the check below can fail.
#[test]
fn the_default_fonts_lack_nabla_and_the_arrow() {
    let mut f = fonts(FontDefinitions::default());
    let lack = missing(&mut f, FontFamily::Proportional, PRINTED_GLYPHS.chars());
    assert!(
        lack.contains('∇') && lack.contains('→'),
        "default lacks {lack:?}"
    );
}

#[test]
fn every_printed_glyph_is_in_gradfields_fonts() {
    let mut f = fonts(font_definitions());
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let lack = missing(&mut f, family.clone(), PRINTED_GLYPHS.chars());
        assert!(lack.is_empty(), "{family:?} lacks {lack:?}");
    }
}

/// Every character outside ASCII in the code of `src/` (what gradfield can print) has a glyph,
/// and the printed list names it. The lexer's look-alike table is left out: its characters
/// are what a person typed, quoted back beside their names ("fullwidth equals sign").
#[test]
fn every_non_ascii_character_in_the_sources_has_a_glyph() {
    let mut seen = std::collections::BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("lookalike.rs")
            {
                let text = std::fs::read_to_string(&path).unwrap();
                for line in text.lines() {
                    let code = line.trim_start();
                    if code.starts_with("//") {
                        continue;
                    }
                    // The part before a trailing comment.
                    let code = code.split(" // ").next().unwrap_or(code);
                    seen.extend(code.chars().filter(|c| !c.is_ascii()));
                }
            }
        }
    }
    assert!(seen.contains(&'∇'), "the scan found the sources' ∇");
    let mut f = fonts(font_definitions());
    let lack = missing(&mut f, FontFamily::Proportional, seen.iter().copied());
    assert!(lack.is_empty(), "no glyph for {lack:?}");
    let unlisted: String = seen
        .iter()
        .filter(|c| !PRINTED_GLYPHS.contains(**c) && !c.is_alphabetic())
        .collect();
    assert!(unlisted.is_empty(), "add {unlisted:?} to PRINTED_GLYPHS");
}

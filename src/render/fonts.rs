//! The fonts of every egui context gradfield makes (the explorer window and the offscreen
//! figures): egui's own fonts, with DejaVu Sans (bundled, `assets/fonts/`) behind them so that
//! and DejaVu Sans Mono (bundled, `assets/fonts/`) behind them so that every mathematical sign
//! gradfield prints has a glyph (egui's Ubuntu-Light has no ∇ and no →, DejaVu Sans no ⟂).

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// The names the bundled fonts have in the font definitions.
const DEJAVU: &str = "DejaVuSans";
const DEJAVU_MONO: &str = "DejaVuSansMono";

/// DejaVu Sans and DejaVu Sans Mono 2.37 (Bitstream Vera licence,
/// `assets/fonts/LICENSE-DejaVu.txt`), built into the binary: machines without the fonts
/// installed (CI, a lecture-hall PC) draw the same.
pub(crate) static DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static DEJAVU_SANS_MONO: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");

/// Every character outside ASCII that gradfield prints: the signs in its messages, help and
/// overlays, what the display form and the typeset formulas write (superscripts, Greek
/// letters for variable names, subscript digits) and what the teaching read-outs write
/// (θₖ₊₁, ∇f ⟂ the level curve, ≈). `tests/fonts.rs` checks the installed fonts have each.
pub const PRINTED_GLYPHS: &str = concat!(
    // Calculus and relations.
    "∂∇√∛∑∏∫≤≥≈≠±∞⟂∥‖°′⌊⌋",
    // Operators and dashes.
    "−×·÷⋅∕⁄–—…",
    // Arrows.
    "→←↑↓↔↦⇒",
    // Buttons (the step read-out's path selector, a slider's sweep).
    "◀▶■",
    // Superscripts and subscripts.
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁽⁾ⁿ₀₁₂₃₄₅₆₇₈₉₊₋₍₎ₖᵢⱼₜ",
    // Greek letters (variable names that spell one).
    "αβγδεζηθικλμνξοπρστυφχψωςϑϕϵΓΔΘΛΞΠΣΦΨΩ",
    // Letters with accents in names.
    "é½⅔",
);

/// egui's default fonts with the DejaVu fonts as the first fallbacks of the proportional
/// family (DejaVu Sans, then Sans Mono) and the monospace family (Sans Mono, then Sans).
/// Fallbacks rather than the first fonts: the panel, help and overlay keep egui's look and
/// the text sizes measured for presentation mode, and only the glyphs egui's fonts lack
/// (∇, →, ⟂, ₖ, …) come from DejaVu, drawn at the same size.
pub fn font_definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, data) in [(DEJAVU, DEJAVU_SANS), (DEJAVU_MONO, DEJAVU_SANS_MONO)] {
        let data = Arc::new(FontData::from_static(data));
        fonts.font_data.insert(name.to_owned(), data);
    }
    for (family, order) in [
        (FontFamily::Proportional, [DEJAVU, DEJAVU_MONO]),
        (FontFamily::Monospace, [DEJAVU_MONO, DEJAVU]),
    ] {
        let list = fonts.families.entry(family).or_default();
        // Behind the family's own first font, before egui's emoji fonts (whose arrows and
        // signs are pictures, not text).
        let at = list.len().min(1);
        for (i, name) in order.into_iter().enumerate() {
            list.insert(at + i, name.to_owned());
        }
    }
    fonts
}

/// Installs [`font_definitions`] in `ctx`: every egui context gradfield makes calls this.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(font_definitions());
}

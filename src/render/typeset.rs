//! Formulas typeset with egui's text layout, for the explorer's panel and canvas title, GIF
//! titles and `gradfield render`'s figures: the runs of `expr::display::to_typeset` (x² with
//! a smaller raised 2, e with x + y raised, θ₀) as one `LayoutJob`, exponents as smaller runs
//! aligned to the top of the line and subscripts as smaller runs aligned to its bottom.

use egui::text::{LayoutJob, TextFormat};
use egui::{Align, Color32, FontFamily, FontId};

use crate::expr::display::to_typeset;
use crate::expr::runs::{self, Runs, Script};
use crate::expr::{Expr, Vars};

/// How a typeset formula is drawn: the size of its text on the line, in points, and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// The size of the text on the line, in points.
    pub size: f32,
    /// The colour of every run.
    pub color: Color32,
    /// The font family (proportional: the bundled fonts have every sign).
    pub family: FontFamily,
}

impl Style {
    /// Proportional text of `size` points in `color`.
    pub fn new(size: f32, color: Color32) -> Style {
        Style {
            size,
            color,
            family: FontFamily::Proportional,
        }
    }
}

/// How much smaller a run is than the text on the line: 0.7 for an exponent or a subscript,
/// 0.55 two levels up (legible at 1080 lines from the back of a hall at the title's size).
pub fn scale(script: Script) -> f32 {
    match script.level + u8::from(script.sub) {
        0 => 1.0,
        1 => 0.7,
        _ => 0.55,
    }
}

/// The vertical alignment of a run in its row: exponents at the top (raised), everything
/// else at the bottom (egui's default: the line's baseline).
pub fn valign(script: Script) -> Align {
    if script.level > 0 {
        Align::TOP
    } else {
        Align::BOTTOM
    }
}

/// The line height of a run of `size` points: a box shorter than its font, which egui centres
/// on the glyph, moves the glyph away from where its alignment puts it. A subscript on the
/// line drops below the baseline by about a quarter of its size; an exponent (aligned to the
/// top of the line) rises by another sixth of its size, so that (x + y)² does not read as
/// (x + y)2 from afar, and an exponent's exponent rises above its exponent (x² in e^(−x²)
/// still reads as a square). The line's own text keeps its font's height.
fn line_height(script: Script, size: f32) -> Option<f32> {
    match (script.level, script.sub) {
        (0, false) => None,
        (0, true) => Some(0.6 * size),
        (1, _) => Some(0.85 * size),
        _ => Some(0.5 * size),
    }
}

/// The runs as one layout job in `style`, on one line (no wrapping).
pub fn job(runs: &Runs, style: &Style) -> LayoutJob {
    let mut job = LayoutJob::default();
    for r in &runs.0 {
        let size = style.size * scale(r.script);
        let format = TextFormat {
            font_id: FontId::new(size, style.family.clone()),
            line_height: line_height(r.script, size),
            color: style.color,
            valign: valign(r.script),
            ..TextFormat::default()
        };
        job.append(&r.text, 0.0, format);
    }
    job
}

/// `prefix` on the line followed by the formula `node` typeset.
pub fn formula(prefix: &str, node: &Expr, vars: &Vars) -> Runs {
    Runs::concat([Runs::line(prefix), to_typeset(node, vars)])
}

/// A variable's name typeset on the line (θ for theta, x₀ for x0).
pub fn name(name: &str) -> Runs {
    runs::name(name, Script::LINE)
}

/// A title that ends in a formula, typeset: `f = x^2 + y`, `Rosenbrock:  f = …` or
/// `f(w, b) = w² + b` (the head names the variables), read back with gradfield's parser.
/// `None` when the title holds no formula that parses (a title cut short with "…", a title a
/// person wrote), so that it is drawn as it is.
pub fn title(title: &str) -> Option<Runs> {
    // What is held and the parameters' values ("  at z = 2  with a = 1") follow the formula
    // as written.
    if let Some(cut) = ["  at ", "  with "]
        .iter()
        .filter_map(|m| title.find(m))
        .min()
    {
        let mut r = self::title(&title[..cut])?;
        r.push(&title[cut..].replace('-', "−"), Script::LINE);
        return Some(r);
    }
    let at = title.find(" = ")?;
    let (before, body) = (&title[..at], &title[at + 3..]);
    if body.contains('…') {
        return None;
    }
    if let Some(head_at) = before.rfind("f(").filter(|_| before.ends_with(')')) {
        let (vars, node) = crate::expr::parse(&title[head_at..]).ok()?;
        let mut r = Runs::line(&title[..head_at + 2]);
        for (i, v) in vars.variable_names().into_iter().enumerate() {
            if i > 0 {
                r.push(", ", Script::LINE);
            }
            r.extend(name(v));
        }
        r.push(") = ", Script::LINE);
        r.extend(to_typeset(&node, &vars));
        return Some(r);
    }
    if !before.ends_with('f') {
        return None;
    }
    let (vars, node) = parse_without_head(body)?;
    Some(formula(&title[..at + 3], &node, &vars))
}

thread_local! {
    /// The last title [`cached_title`] typeset and its runs: one entry, replaced by the next
    /// title, so that a canvas redrawn every frame parses its title once.
    static LAST_TITLE: std::cell::RefCell<Option<(String, Option<Runs>)>> =
        const { std::cell::RefCell::new(None) };
}

/// [`title`], remembered for the last title asked for on this thread.
pub fn cached_title(text: &str) -> Option<Runs> {
    LAST_TITLE.with(|last| {
        let mut last = last.borrow_mut();
        match &*last {
            Some((t, runs)) if t == text => runs.clone(),
            _ => {
                let runs = title(text);
                *last = Some((text.to_owned(), runs.clone()));
                runs
            }
        }
    })
}

/// Parses a formula written without its head (`f = theta² + eta`): as it is when its
/// variables are x and y, else with a head naming two of the words it uses, tried in the
/// order they appear (the names are all the typesetting needs).
fn parse_without_head(body: &str) -> Option<(Vars, crate::expr::Node)> {
    if let Ok(parsed) = crate::expr::parse(body) {
        return Some(parsed);
    }
    let mut words: Vec<&str> = Vec::new();
    for w in body.split(|c: char| !c.is_ascii_alphabetic()) {
        if !w.is_empty() && !words.contains(&w) && words.len() < 5 {
            words.push(w);
        }
    }
    words.extend(["x", "y"]);
    for (i, a) in words.iter().enumerate() {
        for b in &words[i + 1..] {
            if let Ok(parsed) = crate::expr::parse(&format!("f({a}, {b}) = {body}")) {
                return Some(parsed);
            }
        }
    }
    None
}

//! The pin's lessons in the panels: the slices' formulas with the held variable substituted
//! (f(x, 2) = 2x² + 8 and its derivative), the fields where the pin and a path start are typed
//! exactly, and the gradient check at the pin (central differences with their h beside the
//! exact gradient, and their relative error).

use egui::{Color32, RichText, Ui};

use super::state::ExplorerState;
use crate::expr::Var;
use crate::teach::{self, SliceFormula, POINT_CHECK_RANGE};

/// Text size of the formulas and the check's numbers.
const FORMULA_SIZE: f32 = 17.0;
/// Colour of a refused typed point's reason.
const ERROR_COLOR: Color32 = Color32::from_rgb(255, 110, 90);

/// The slice's formulas under its heading: "f(x, 2) = 2x² + 8" and "d/dx f(x, 2) = 4x",
/// made once per function and held value (kept in egui's memory).
pub(crate) fn slice_formulas(
    ui: &mut Ui,
    s: &ExplorerState,
    held: Var,
    value: f64,
    color: Color32,
) {
    let key = (s.doc.function.cache_key(), held == Var::X, value.to_bits());
    let id = ui.make_persistent_id(("gradfield-slice-formula", held == Var::X));
    type Kept = ((String, bool, u64), SliceFormula);
    let kept: Option<Kept> = ui.data(|d| d.get_temp(id));
    let formula = match kept {
        Some((k, f)) if k == key => f,
        _ => {
            let f = teach::slice_formula(&s.doc.function, held, value);
            ui.data_mut(|d| d.insert_temp::<Kept>(id, (key, f.clone())));
            f
        }
    };
    let vars = &s.doc.function.vars;
    let free = match held {
        Var::X => &vars.y,
        _ => &vars.x,
    };
    let call = display_minus(&formula.call(&s.doc.function));
    let rel = formula.relation();
    for line in [
        format!("{call} {rel} {}", clipped(&formula.f)),
        format!("d/d{free} {call} {rel} {}", clipped(&formula.df)),
    ] {
        ui.label(RichText::new(line).size(FORMULA_SIZE).color(color));
    }
}

/// Most characters of a slice's formula the panel shows (a long one would push the plots
/// out of sight).
const FORMULA_CHARS: usize = 240;

/// `text` cut to [`FORMULA_CHARS`] with an ellipsis and its full length when longer.
fn clipped(text: &str) -> String {
    let n = text.chars().count();
    if n <= FORMULA_CHARS {
        return text.to_string();
    }
    let head: String = text.chars().take(FORMULA_CHARS - 1).collect();
    format!("{head}… ({n} characters)")
}

/// A minus sign as the display form writes it (−, not -), outside exponents' `e-`.
fn display_minus(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev = ' ';
    for c in text.chars() {
        out.push(if c == '-' && prev != 'e' { '−' } else { c });
        prev = c;
    }
    out
}

/// A coordinate as the panels write it: short and exact where round ("2", "-0.5"), else
/// five significant digits.
pub(crate) fn coordinate_text(v: f64) -> String {
    let h = teach::held_value(v);
    if h.exact {
        h.text
    } else {
        crate::numfmt::short(v)
    }
}

/// A point as the fields show it: "2, -0.5".
fn point_text((x, y): (f64, f64)) -> String {
    format!("{}, {}", coordinate_text(x), coordinate_text(y))
}

/// A one-line text field for a point: `shown` while not edited; Enter hands the typed text
/// to `apply` (false: refused, the reason stays under the field).
fn point_field(
    ui: &mut Ui,
    s: &mut ExplorerState,
    name: &str,
    shown: String,
    apply: fn(&mut ExplorerState, &str) -> bool,
) {
    let id = ui.make_persistent_id(("gradfield-point-field", name));
    let err_id = id.with("error");
    let mut text: String = ui.data(|d| d.get_temp(id)).unwrap_or(shown);
    // At most the panel's width with the box's frame (its margins are outside the desired
    // width): the box goes under its name where both do not fit.
    let margin = ui.spacing().button_padding.x * 2.0 + 4.0;
    let width = (ui.available_width() - margin).clamp(16.0, 140.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(name);
        let edit = egui::TextEdit::singleline(&mut text)
            .id(id.with("edit"))
            .hint_text("x, y  (e.g. 2, 1)")
            .desired_width(width);
        let r = ui.add(edit);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if enter {
            if apply(s, &text) {
                ui.data_mut(|d| d.remove::<String>(err_id));
            } else {
                let why = s.messages.status.clone().unwrap_or_default();
                ui.data_mut(|d| d.insert_temp(err_id, why));
            }
        }
        // The reason stays until the text is edited or a point is taken.
        if r.changed() {
            ui.data_mut(|d| d.remove::<String>(err_id));
        }
        let refused = ui.data(|d| d.get_temp::<String>(err_id)).is_some();
        if r.has_focus() || refused {
            ui.data_mut(|d| d.insert_temp(id, text.clone()));
        } else {
            ui.data_mut(|d| d.remove::<String>(id));
        }
    });
    if let Some(why) = ui.data(|d| d.get_temp::<String>(err_id)) {
        ui.label(RichText::new(why).color(ERROR_COLOR));
    }
}

/// The pin typed exactly: "2, 1", "2 1" or "(2, 1)", Enter to move it.
pub(crate) fn pin_field(ui: &mut Ui, s: &mut ExplorerState) {
    let shown = s.doc.pin.map(point_text).unwrap_or_default();
    point_field(ui, s, "pin at", shown, ExplorerState::type_pin);
    ui.label("Ctrl while dragging the pin or a start: round values");
}

/// A path start typed exactly, Enter to start it there (as a click would).
pub(crate) fn start_field(ui: &mut Ui, s: &mut ExplorerState) {
    point_field(
        ui,
        s,
        "start a path at",
        String::new(),
        ExplorerState::type_start,
    );
}

/// A gradient component with ten significant digits, so that exact and numeric can be told
/// apart digit by digit.
fn long(v: f64) -> String {
    let a = v.abs();
    let text = if v == 0.0 || !v.is_finite() {
        format!("{v}")
    } else if (1e-4..1e6).contains(&a) {
        let digits = (9 - a.log10().floor() as i32).clamp(0, 14) as usize;
        format!("{v:.digits$}")
    } else {
        format!("{v:.9e}")
    };
    display_minus(&text)
}

/// The gradient check at the pin: h on a log slider, the central differences beside the
/// exact gradient and their relative error.
pub(crate) fn check_section(ui: &mut Ui, s: &mut ExplorerState) {
    ui.heading("Gradient check at the pin");
    let mut h = s.doc.point_check_step;
    let (lo, hi) = POINT_CHECK_RANGE;
    // h written above a slider as wide as the panel (in one row they ran past its edge).
    ui.label(format!("h = {}", display_minus(&format!("{h:.0e}"))));
    let slider = egui::Slider::new(&mut h, lo..=hi).logarithmic(true);
    if super::teach_ui::full_width_slider(ui, slider).changed() {
        // One significant digit (1e-5, 2e-5, …), so that the h written is the h used.
        s.set_point_check_step(format!("{h:.0e}").parse().unwrap_or(h));
    }
    let Some(c) = s.pin_check() else {
        ui.label("f or ∇f is undefined at the pin");
        return;
    };
    let (a, b) = s.var_names();
    let cell = |t: String| RichText::new(t).size(FORMULA_SIZE).monospace();
    // One block per component (a three-column table of ten-digit numbers did not fit the
    // panel at 150%): the exact value above the numeric one, digit under digit.
    let numeric = c.numeric.map(|(nx, ny)| [nx, ny]);
    for (i, (name, exact)) in [(&a, c.exact.0), (&b, c.exact.1)].into_iter().enumerate() {
        ui.label(cell(format!("∂f/∂{name}")).strong());
        ui.label(cell(format!("exact   {}", long(exact))));
        match numeric {
            Some(n) => ui.label(cell(format!("numeric {}", long(n[i])))),
            None => ui.label("numeric: undefined at a point ± h"),
        };
    }
    ui.label(format!(
        "numeric: (f({a} + h, {b}) − f({a} − h, {b})) / 2h, likewise in {b}; h = {}",
        display_minus(&format!("{:e}", c.h))
    ));
    let err = match (c.relative(), c.absolute()) {
        (Some(r), _) => format!("relative error |Δ∇f| / |∇f| = {}", sci(r)),
        (None, Some(a)) => format!("∇f = 0 here: |Δ∇f| = {}", sci(a)),
        (None, None) => String::new(),
    };
    if !err.is_empty() {
        ui.label(RichText::new(err).size(FORMULA_SIZE).monospace());
    }
    ui.label("large h: truncation error (~h²); tiny h: rounding error (~ε/h, ε ≈ 2.2e−16)");
}

fn sci(v: f64) -> String {
    display_minus(&format!("{v:.2e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::Function;
    use crate::view::View;

    /// One frame of the start field with `events`; the field's id.
    fn frame(ctx: &egui::Context, s: &mut ExplorerState, events: Vec<egui::Event>) -> egui::Id {
        let input = egui::RawInput {
            events,
            ..Default::default()
        };
        let mut id = None;
        let mut out = ctx.run_ui(input, |ui| {
            id = Some(ui.make_persistent_id(("gradfield-point-field", "start a path at")));
            start_field(ui, s);
        });
        out.textures_delta.clear();
        id.expect("the frame ran")
    }

    fn enter() -> egui::Event {
        egui::Event::Key {
            key: egui::Key::Enter,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        }
    }

    /// Typing into the field and Enter: a good point starts a path; a bad one keeps the text
    /// and its reason under the field until the text is edited.
    #[test]
    fn a_typed_start_is_taken_on_enter_and_a_refused_one_stays_with_its_reason() {
        let f = Function::parse("x^2 + y^2").expect("parses");
        let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).expect("view"));
        let ctx = egui::Context::default();
        let id = frame(&ctx, &mut s, vec![]);
        for (typed, paths) in [("2, 1", 1), ("2; 1", 1)] {
            ctx.memory_mut(|m| m.request_focus(id.with("edit")));
            frame(&ctx, &mut s, vec![]);
            frame(&ctx, &mut s, vec![egui::Event::Text(typed.into())]);
            frame(&ctx, &mut s, vec![enter()]);
            for _ in 0..3 {
                frame(&ctx, &mut s, vec![]);
            }
            assert_eq!(s.running.paths.len(), paths, "{typed}");
        }
        assert_eq!(s.doc.paths[0].start, (2.0, 1.0));
        let kept: Option<String> = ctx.data(|d| d.get_temp(id));
        let why: Option<String> = ctx.data(|d| d.get_temp(id.with("error")));
        assert_eq!(
            kept.as_deref(),
            Some("2; 1"),
            "the refused text stays to be fixed"
        );
        assert_eq!(why.as_deref(), Some("point '2; 1': '2;' is not a number"));
    }
}

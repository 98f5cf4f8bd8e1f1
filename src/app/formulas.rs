//! The panel's formula lines under the function box: f, every partial (∂f/∂x, ∂f/∂y, and
//! ∂f/∂z for a held z) and ∇f typeset
//! (`render::typeset`: exponents raised, θ for a variable named theta), each wrapped to the
//! panel's width.

use egui::{TextStyle, Ui};

use super::state::ExplorerState;
use crate::expr::display::Runs;
use crate::expr::runs::Script;
use crate::render::typeset::{self, Style};

/// How much larger than the panel's body text the formulas are (and drawn in the strong text
/// colour): they are what the class reads.
const FORMULA_SCALE: f32 = 1.15;

/// The lines, as runs: `f = …`, one `∂f/∂v = …` per variable (the held ones too), and
/// `∇f = (…, …)` with every component.
pub(crate) fn formula_runs(s: &ExplorerState) -> Vec<Runs> {
    let f = &s.doc.function;
    let [rf, _, _] = f.typeset_formulas().clone();
    let partial = |v: &str| {
        let mut r = Runs::line("∂f/∂");
        r.extend(typeset::name(v));
        r.push(" = ", Script::LINE);
        r
    };
    let partials = f.typeset_partials();
    let mut lines = vec![Runs::concat([Runs::line("f = "), rf])];
    lines.extend(
        partials
            .iter()
            .map(|(v, d)| Runs::concat([partial(v), d.clone()])),
    );
    let mut grad = Runs::line("∇f = (");
    for (i, (_, d)) in partials.iter().enumerate() {
        if i > 0 {
            grad.push(", ", Script::LINE);
        }
        grad.extend(d.clone());
    }
    grad.push(")", Script::LINE);
    lines.push(grad);
    lines
}

/// Draws the formula lines into `ui`.
pub(crate) fn formula_lines(ui: &mut Ui, s: &ExplorerState) {
    let body = ui
        .style()
        .text_styles
        .get(&TextStyle::Body)
        .map_or(14.0, |f| f.size);
    let style = Style::new(FORMULA_SCALE * body, ui.visuals().strong_text_color());
    for runs in formula_runs(s) {
        let mut job = typeset::job(&runs, &style);
        job.wrap.max_width = ui.available_width();
        ui.label(job);
    }
}

//! Typeset formulas (`expr::display::to_typeset`, `render::typeset`): the runs of a table of
//! formulas, the egui layout job they make (sizes, raised and lowered runs), titles read
//! back into formulas, and the plain text of the runs parsing to the same function.
//! Before these, the panel and titles showed `x^(x + y)` and `e^x` as one line of text and a
//! variable named theta as "theta".

mod common;

use egui::Align;
use gradfield::expr::display::{to_display, Runs};
use gradfield::expr::runs::{self, Script};
use gradfield::expr::{Evaluator, Function};
use gradfield::render::typeset::{job, title, Style};

/// The runs written out: a raised run in `^{…}`, a lowered one in `_{…}`.
fn marked(r: &Runs) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for run in &r.0 {
        while depth > run.script.level {
            out.push('}');
            depth -= 1;
        }
        while depth < run.script.level {
            out.push_str("^{");
            depth += 1;
        }
        if run.script.sub {
            out.push_str(&format!("_{{{}}}", run.text));
        } else {
            out.push_str(&run.text);
        }
    }
    out + &"}".repeat(depth.into())
}

fn f_runs(text: &str) -> Runs {
    Function::parse(text).unwrap().typeset_formulas()[0].clone()
}

/// (typed f, f typeset).
const TABLE: &[(&str, &str)] = &[
    ("x^2 + 3*x*y + y^2", "x^{2} + 3xy + y^{2}"),
    ("exp(x + y)", "e^{x + y}"),
    ("e^(x + y)", "e^{x + y}"),
    ("x^(x + y)", "x^{x + y}"),
    ("sqrt(1 - x^2 - y^2)", "√(1 − x^{2} − y^{2})"),
    ("x^(-1) + y", "x^{−1} + y"),
    ("exp(-(x^2 + y^2))", "e^{−(x^{2} + y^{2})}"),
    ("x^y^2", "x^{y^{2}}"),
    ("2^(x*y)", "2^{xy}"),
    ("e^x*y", "e^{x}y"),
    ("e^x*2", "e^{x}·2"),
    ("exp(x)*y", "e^{x} y"),
    ("exp(x)^2", "(e^{x})^{2}"),
    ("sqrt(x)^3", "√(x)^{3}"),
    ("sin(x)*cos(y)", "sin(x) cos(y)"),
    ("(x + 1)/(y + 2)", "(x + 1) / (y + 2)"),
    ("x/y", "x/y"),
    ("pi/2*x", "(π/2)x"),
    ("1e-9*x", "10^{−9}·x"),
    ("2.5e20*x + y", "2.5·10^{20}·x + y"),
    ("-x^2", "−x^{2}"),
    ("2*x^3*y", "2x^{3}y"),
    ("abs(x)^3", "abs(x)^{3}"),
    ("f(theta, eta) = theta^2 + eta", "θ^{2} + η"),
    ("f(w, b) = (2*w + b - 1)^2", "(2w + b − 1)^{2}"),
];

#[test]
fn a_table_of_formulas_typesets_with_raised_exponents_greek_letters_and_subscripts() {
    let mut wrong = Vec::new();
    for (typed, want) in TABLE {
        let got = marked(&f_runs(typed));
        if got != *want {
            wrong.push(format!("{typed}: got {got}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn derivatives_typeset_simplified_for_reading() {
    let f = Function::parse("x^3*y + exp(2*x)").unwrap();
    let [_, dx, dy] = f.typeset_formulas();
    assert_eq!(marked(dx), "3x^{2}y + 2·e^{2x}");
    assert_eq!(marked(dy), "x^{3}");
}

#[test]
fn names_typeset_as_greek_letters_and_subscripts() {
    let cases = [
        ("theta", "θ"),
        ("eta", "η"),
        ("x0", "x_{0}"),
        ("x_1", "x_{1}"),
        ("theta12", "θ_{12}"),
        ("w", "w"),
        ("beta", "β"),
        ("Delta", "Δ"),
    ];
    for (name, want) in cases {
        assert_eq!(marked(&runs::name(name, Script::LINE)), want, "{name}");
    }
}

/// The drawn text of each formula (without its raised runs' places) is the display form
/// where that has no ^ and no Unicode superscript: the two printers agree on everything else.
#[test]
fn the_typeset_text_agrees_with_the_display_form_on_the_line() {
    for typed in [
        "x + 3*x*y",
        "sin(x)*cos(y)",
        "(x + 1)/(2*y)",
        "-x - y/2",
        "pi/2*x",
    ] {
        let f = Function::parse(typed).unwrap();
        let shown = to_display(&f.f, &f.vars)
            .replace("/(", "/ (")
            .replace(")/", ") /");
        let runs = &f.typeset_formulas()[0];
        assert!(runs.0.iter().all(|r| r.script == Script::LINE), "{typed}");
        assert_eq!(runs.text().replace(" / ", "/"), shown.replace(" / ", "/"));
    }
}

#[test]
fn the_plain_text_of_the_runs_parses_to_the_same_function() {
    for (typed, _) in TABLE {
        let f = Function::parse(typed).unwrap();
        let plain = f.typeset_formulas()[0].plain();
        let head = if typed.contains("theta") {
            "f(theta, eta) = "
        } else if typed.starts_with("f(w") {
            "f(w, b) = "
        } else {
            ""
        };
        let back = Function::parse(&format!("{head}{plain}"))
            .unwrap_or_else(|e| panic!("{typed}: {plain:?} does not parse: {e:?}"));
        for &(x, y) in &common::POINTS {
            let (a, b) = (f.tree().value(x, y), back.tree().value(x, y));
            match (a, b) {
                (Some(a), Some(b)) => assert!(
                    common::close(a, b, 1e-12, 1e-12),
                    "{typed} vs {plain} at ({x}, {y}): {a} ≠ {b}"
                ),
                (a, b) => assert_eq!(a.is_some(), b.is_some(), "{typed} vs {plain}"),
            }
        }
    }
}

#[test]
fn the_layout_job_raises_exponents_and_lowers_subscripts_in_smaller_type() {
    let style = Style::new(20.0, egui::Color32::WHITE);
    let mut runs = runs::name("x0", Script::LINE);
    runs.extend(
        f_runs("x^2 + y")
            .0
            .into_iter()
            .skip(1)
            .fold(Runs::default(), |mut r, run| {
                r.push(&run.text, run.script);
                r
            }),
    );
    let j = job(&runs, &style);
    let text: Vec<&str> = j
        .sections
        .iter()
        .map(|s| &j.text[s.byte_range.start.0..s.byte_range.end.0])
        .collect();
    assert_eq!(text, ["x", "0", "2", " + y"]);
    let sizes: Vec<f32> = j.sections.iter().map(|s| s.format.font_id.size).collect();
    assert_eq!(sizes, [20.0, 14.0, 14.0, 20.0]);
    let valign: Vec<Align> = j.sections.iter().map(|s| s.format.valign).collect();
    assert_eq!(
        valign,
        [Align::BOTTOM, Align::BOTTOM, Align::TOP, Align::BOTTOM]
    );
    // The subscript's line box is shorter than its font, so egui drops it below the line.
    assert!(j.sections[1].format.line_height.is_some_and(|h| h < 14.0));
    assert!(j
        .sections
        .iter()
        .all(|s| s.format.color == egui::Color32::WHITE));
    // Two exponents up is smaller again.
    let j = job(&f_runs("x^y^2"), &style);
    assert_eq!(j.sections.last().map(|s| s.format.font_id.size), Some(11.0));
}

#[test]
fn titles_that_end_in_a_formula_are_typeset() {
    let m = |t: &str| title(t).map(|r| marked(&r));
    assert_eq!(m("f = x² + 3xy").as_deref(), Some("f = x^{2} + 3xy"));
    assert_eq!(
        m("f(x, y) = e^(x + y)").as_deref(),
        Some("f(x, y) = e^{x + y}")
    );
    assert_eq!(
        m("Rosenbrock:  f = (1 − x)² + 100(y − x²)²").as_deref(),
        Some("Rosenbrock:  f = (1 − x)^{2} + 100(y − x^{2})^{2}")
    );
    assert_eq!(
        m("f(theta, eta) = theta² + eta").as_deref(),
        Some("f(θ, η) = θ^{2} + η")
    );
    // The explorer's title names no variables: the formula's own words do.
    assert_eq!(
        m("f = (theta − 1)² + 10(eta − theta²)²").as_deref(),
        Some("f = (θ − 1)^{2} + 10(η − θ^{2})^{2}")
    );
    assert_eq!(m("f = sin(w) + b").as_deref(), Some("f = sin(w) + b"));
    assert_eq!(m("f = 3theta").as_deref(), Some("f = 3θ"));
    // The display form spaces names of several letters (`theta² eta`); typeset they are one
    // letter each and join as x and y do.
    assert_eq!(m("f = theta² eta").as_deref(), Some("f = θ^{2}η"));
    // A title cut short, or one a person wrote, is drawn as it is.
    assert_eq!(m("f(x, y) = x² + …"), None);
    assert_eq!(m("bowl"), None);
    assert_eq!(m("loss = w^2"), None);
}

/// Every title gradfield writes for a figure or the explorer (the display form after
/// `f(x, y) = ` or `f = `) typesets to the same runs as the function itself.
#[test]
fn a_title_typesets_like_its_function() {
    for (typed, _) in TABLE.iter().filter(|(t, _)| !t.starts_with("f(")) {
        let f = Function::parse(typed).unwrap();
        let [shown, _, _] = f.display_formulas();
        let t = title(&format!("f = {shown}")).unwrap_or_else(|| panic!("{typed}: {shown}"));
        let want = Runs::concat([Runs::line("f = "), f.typeset_formulas()[0].clone()]);
        assert_eq!(marked(&t), marked(&want), "{typed}");
    }
}

/// The galleys of the text the overlay paints for `title` on a 1920×1080 figure.
fn title_galleys(title_text: &str) -> Vec<std::sync::Arc<egui::Galley>> {
    use gradfield::render::overlay::{paint_overlay, FigureLayout, OverlayInput, Theme};
    let ctx = egui::Context::default();
    gradfield::render::fonts::install(&ctx);
    let layout = FigureLayout::for_figure(1920, 1080, 1.0, true);
    let input = OverlayInput {
        view: gradfield::View::new(-2.0, 2.0, -1.0, 1.0).unwrap(),
        plot: layout.plot,
        colorbar: None,
        title: title_text,
        subtitle: None,
        axis_names: ("x", "y"),
        labels: &[],
        contour_labels: None,
        scale: layout.scale,
        theme: Theme::Dark,
        extra: None,
        colorbar_label: None,
        legend: &[],
        pin: None,
        panel: None,
        data: None,
    };
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    // Fonts are loaded by the first pass; the second paints with them.
    ctx.run_ui(raw.clone(), |_| {})
        .drop_without_applying_deltas();
    let mut out = ctx.run_ui(raw, |ui| {
        paint_overlay(ui.painter(), &input);
    });
    out.textures_delta.clear();
    std::mem::take(&mut out.shapes)
        .into_iter()
        .filter_map(|s| match s.shape {
            egui::Shape::Text(t) => Some(t.galley),
            _ => None,
        })
        .collect()
}

/// Reproduces the figure and canvas titles written as one run of text (`f(x, y) = x^2 + …`):
/// the overlay now paints a formula title with its exponents as smaller runs at the top.
#[test]
fn the_overlay_paints_a_formula_title_with_raised_exponents() {
    for t in [
        "f(x, y) = x² + e^(x + y)",
        "Rosenbrock:  f = (1 − x)² + 100(y − x²)²",
    ] {
        let galleys = title_galleys(t);
        let g = galleys
            .iter()
            .find(|g| g.job.text.starts_with(&t[..5]))
            .unwrap_or_else(|| panic!("no title galley for {t}"));
        let sizes: Vec<f32> = g
            .job
            .sections
            .iter()
            .map(|s| s.format.font_id.size)
            .collect();
        let big = sizes.iter().copied().fold(0.0, f32::max);
        assert!(
            g.job
                .sections
                .iter()
                .any(|s| s.format.valign == Align::TOP && s.format.font_id.size < 0.8 * big),
            "{t}: sections {sizes:?}"
        );
        assert!(
            !g.job.text.contains('^') && !g.job.text.contains('²'),
            "{t}: {}",
            g.job.text
        );
    }
    // A title that is not a formula is painted as it is.
    let g = title_galleys("bowl");
    assert!(g
        .iter()
        .any(|g| g.job.text == "bowl" && g.job.sections.len() == 1));
}

/// The same generated trees on every run, so a failure replays as it is.
const SEED: u64 = 0x7479_7065_7365_7421;

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config {
        cases: 1000,
        rng_seed: proptest::test_runner::RngSeed::Fixed(SEED),
        failure_persistence: None,
        ..Default::default()
    })]

    /// Any tree typesets, and the plain text of its runs parses to the same function: same
    /// values (to rounding: e^a is evaluated as a power, exp(a) by exp) and the same points
    /// undefined.
    #[test]
    fn any_formula_typesets_to_runs_whose_plain_text_parses_back(node in common::expr(4)) {
        let vars = gradfield::expr::Vars::default();
        let runs = gradfield::expr::display::to_typeset(&node, &vars);
        let plain = runs.plain();
        let back = Function::parse(&plain);
        proptest::prop_assert!(back.is_ok(), "{plain:?}: {:?}", back.err());
        let back = back.unwrap();
        let f = Function::from_expr(String::new(), vars, node.clone());
        for &(x, y) in &common::POINTS {
            let (a, b) = (f.tree().value(x, y), back.tree().value(x, y));
            match (a, b) {
                (Some(a), Some(b)) if a.is_finite() && b.is_finite() => proptest::prop_assert!(
                    common::close(a, b, 1e-9, 1e-12),
                    "{plain} at ({x}, {y}): {a} vs {b}"
                ),
                (Some(_), Some(_)) => {}
                (a, b) => proptest::prop_assert_eq!(a.is_some(), b.is_some(), "{} at ({}, {})", plain, x, y),
            }
        }
    }

    /// Whatever a title holds, typesetting it returns (a formula's runs or nothing) without
    /// panicking: the overlay calls this on every title it paints.
    #[test]
    fn any_title_typesets_or_is_left_as_it_is(t in "(f|f\\(x, y\\)|Rosen|[a-zé∂√²(]{0,3})( = )?[ -~²³√π−·…θ]{0,40}") {
        if let Some(r) = title(&t) {
            proptest::prop_assert!(!r.0.is_empty());
        }
    }
}

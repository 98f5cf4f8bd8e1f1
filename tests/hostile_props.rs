//! Property tests over strings: whatever the text (arbitrary Unicode, or runs of the
//! language's own tokens), `Function::parse` returns without panicking and with work bounded by
//! the text's length (the compiled tape of f and ∇f), and every
//! text that parses yields a field shader naga accepts and derivatives that print and parse
//! again. Case counts keep the file under ~30 s in the test profile.

use gradfield::expr::Function;
use gradfield::gpu::{field::field_source, shader::validate};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// The same generated inputs on every run, so a failure replays as it is.
const SEED: u64 = 0x686f_7374_696c_6521;

/// The most tape instructions (f, ∂f/∂x and ∂f/∂y, shared subexpressions once) per character
/// of a formula, plus one: what parsing, differentiating and simplifying may build. Exponential
/// blow-up (a derivative copying a shared subtree, the simplifier expanding a power) breaks it
/// within a few levels of nesting. The largest measured over these 13,000 cases (and the printed
/// derivatives parsed again) is 2 (`-y³`: 8 instructions for 3 characters); 4 leaves a factor 2.
const TAPE_PER_CHAR: usize = 4;

/// Pieces of the language (and a few near-misses), joined into candidate formulas.
const TOKENS: [&str; 50] = [
    "x", "y", "2", "0", "1.5", "1e3", "1e-40", "3e38", ".", "e", "pi", "π", "+", "-", "−", "*",
    "/", "^", "**", "²", "³", "(", ")", ",", "=", " ", "sin", "cos", "tan", "exp", "ln", "log",
    "log10", "sqrt", "abs", "atan2", "min", "max", "hypot", "pow", "tanh", "sinh", "f", "w", "b",
    "х", "\u{7}", "\u{a0}", "√", "·",
];

/// Parses, returning the function when the text is valid, after checking that its compiled
/// tape stays within [`TAPE_PER_CHAR`] of the text's length.
fn parse_bounded(text: &str) -> Option<Function> {
    let f = Function::parse(text).ok()?;
    let (chars, ops) = (text.chars().count(), f.compile().grad.len());
    assert!(
        ops <= TAPE_PER_CHAR * (chars + 1),
        "{text:?}: {ops} tape instructions for {chars} characters"
    );
    Some(f)
}

/// The whole path after a successful parse: shader generation and validation, and the
/// printed and typeset derivatives parsing again under the same variable names.
fn check_function(text: &str, f: &Function) -> Result<(), TestCaseError> {
    let c = f.compile();
    let src = field_source(&c.grad, &c.value)
        .map_err(|e| TestCaseError::fail(format!("{text:?}: no shader: {e}")))?;
    validate("property field", &src)
        .map_err(|e| TestCaseError::fail(format!("{text:?}: invalid shader: {e}")))?;
    let [pf, px, py] = f.formulas();
    let [df, dx, dy] = f.display_formulas();
    let head = format!("f({}, {}) = ", f.vars.x, f.vars.y);
    // gradfield's syntax and the display form (x² + 3xy) both parse again.
    for printed in [pf, px, py, df, dx, dy] {
        let again = format!("{head}{printed}");
        prop_assert!(
            parse_bounded(&again).is_some(),
            "{text:?}: printed {again:?} does not parse: {:?}",
            Function::parse(&again).err().map(|e| e.to_string())
        );
    }
    // The typeset formulas (exponents raised, `render::typeset`) read as plain text parse too.
    for runs in f.typeset_formulas() {
        let again = format!("{head}{}", runs.plain());
        let back = Function::parse(&again);
        prop_assert!(
            back.is_ok(),
            "{text:?}: typeset {again:?}: {:?}",
            back.err()
        );
    }
    Ok(())
}

fn token_string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS.to_vec()), 0..24).prop_map(|t| t.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, rng_seed: RngSeed::Fixed(SEED), ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        if let Some(f) = parse_bounded(&text) {
            check_function(&text, &f)?;
        }
    }

    #[test]
    fn printable_ascii_never_panics(text in "[ -~]{0,40}") {
        if let Some(f) = parse_bounded(&text) {
            check_function(&text, &f)?;
        }
    }
}

/// Well-formed formulas built from the grammar (with the odd spellings it allows: `**`,
/// superscripts, juxtaposition, Unicode minus), so that most cases reach the shader.
fn formula() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "x", "y", "2", "0", "0.5", "1e3", "3e38", "1e-30", "pi", "e", "x²", "y³",
    ])
    .prop_map(String::from);
    leaf.prop_recursive(5, 40, 2, |inner| {
        let unary = prop::sample::select(vec![
            "sin",
            "cos",
            "tan",
            "exp",
            "ln",
            "log10",
            "sqrt",
            "abs",
            "tanh",
            "asin",
            "acos",
            "atan",
            "sinh",
            "cosh",
            "log2",
            "cbrt",
            "sigmoid",
            "softplus",
            "relu",
            "sign",
            "heaviside",
        ]);
        let binary = prop::sample::select(vec!["atan2", "min", "max", "hypot", "pow"]);
        let op = prop::sample::select(vec!["+", "-", "*", "/", "^", "**", " ", "−"]);
        prop_oneof![
            (inner.clone(), op, inner.clone()).prop_map(|(a, o, b)| format!("({a}){o}({b})")),
            (unary, inner.clone()).prop_map(|(f, a)| format!("{f}({a})")),
            (binary, inner.clone(), inner.clone()).prop_map(|(f, a, b)| format!("{f}({a}, {b})")),
            inner.prop_map(|a| format!("-{a}")),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, rng_seed: RngSeed::Fixed(SEED), ..ProptestConfig::default() })]

    #[test]
    fn formulas_reach_a_valid_shader(text in formula()) {
        match parse_bounded(&text) {
            Some(f) => check_function(&text, &f)?,
            None => prop_assert!(false, "{text:?}: {:?}", Function::parse(&text).err()),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 5000, rng_seed: RngSeed::Fixed(SEED), ..ProptestConfig::default() })]

    #[test]
    fn token_strings_parse_or_refuse_cleanly(text in token_string()) {
        if let Some(f) = parse_bounded(&text) {
            check_function(&text, &f)?;
        }
    }
}

//! Which names become parameters and which stay errors: one letter, a Greek letter (by name
//! or symbol), a subscripted name; a run of letters splits into known names with at most one
//! new parameter among them; a typo of a function is still caught with did-you-mean.

use gradfield::expr::{Function, SymKind};

/// Input, the parameters (in order) and the held variables it gives.
const PARAMETERS: &[(&str, &[&str], &[&str])] = &[
    ("a x^2 + b y^2", &["a", "b"], &[]),
    ("ax^2", &["a"], &[]),
    ("kxy", &["k"], &[]),
    ("bsin(x)", &["b"], &[]),
    ("alpha x + β y", &["alpha", "beta"], &[]),
    ("α x + alpha y", &["alpha"], &[]),
    ("λ_1 x + a_1 y + w_max", &["lambda_1", "a_1", "w_max"], &[]),
    ("sigma^2 + Omega", &["sigma", "Omega"], &[]),
    ("x + y + z", &[], &["z"]),
    ("f(x, y) = x + z", &["z"], &[]),
    ("f(x, y, z) = k z", &["k"], &["z"]),
    ("f(w1, w2, b) = (w1 + 2 w2 + b)^2", &[], &["b"]),
    ("t x + pi + e", &["t"], &[]),
    ("2a (x + 1)", &["a"], &[]),
    // Digits after a letter that names nothing make a name (as a head's w1 does).
    ("w1 x + w2 y", &["w1", "w2"], &[]),
    ("alpha2 + pi", &["alpha2"], &[]),
];

/// Input and the start of its error: multi-letter names that are no Greek letter, two new
/// parameters run together, a parameter right after a function's name, a parameter called
/// like a function.
const ERRORS: &[(&str, &str)] = &[
    ("foo", "unknown name 'foo'"),
    ("abx", "unknown name 'abx'"),
    ("sinn(x)", "unknown function 'sinn'"),
    ("sina", "unknown name 'sina'"),
    ("a(x + 1)", "unknown function 'a'"),
    ("2a(x + 1)", "unknown function 'a'"),
    ("f(x) + y", "unknown function 'f'"),
    ("x + ο", "'ο' (Greek small letter omicron) looks like 'o'"),
    ("a_ + x", "unexpected character '_' at column 2"),
    // After a known name, digits are a number with no operator before it.
    ("x2 + y", "missing operator before '2'"),
    ("f(x, x) = x", "'x' is named twice"),
    ("f(x) = x", "a head names at least two variables"),
    (
        "f(x, sin) = x",
        "'sin' is a function and cannot name a variable",
    ),
];

#[test]
fn names_become_parameters_held_variables_or_errors_as_the_table_says() {
    for (text, params, held) in PARAMETERS {
        let f = Function::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        let of = |kind| {
            f.vars
                .syms
                .iter()
                .filter(|s| s.kind == kind)
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(of(SymKind::Param), *params, "{text}: parameters");
        assert_eq!(of(SymKind::Held), *held, "{text}: held");
    }
    for (text, start) in ERRORS {
        let e = Function::parse(text).expect_err(text).to_string();
        assert!(e.starts_with(start), "{text}: {e}");
    }
    let e = Function::parse("sinn(x)").unwrap_err().to_string();
    assert!(e.contains("did you mean 'sin'?"), "{e}");
}

#[test]
fn implicit_products_with_parameters_read_as_typed() {
    let mut f = Function::parse("ax^2 + kxy").unwrap();
    f.set_value("a", 2.0);
    f.set_value("k", -3.0);
    let [v, dx, dy] = f.eval(1.5, 2.0).unwrap();
    assert_eq!(v, 2.0 * 2.25 - 3.0 * 3.0);
    assert_eq!(dx, 4.0 * 1.5 - 3.0 * 2.0);
    assert_eq!(dy, -3.0 * 1.5);
    // The printed formulas keep the parameters and parse back to the same function.
    let [pf, px, _] = f.formulas();
    assert_eq!(px, "2*a*x + k*y");
    let back = Function::parse(&pf).unwrap();
    assert_eq!(back.param_names(), ["a", "k"]);
    // The display form puts a parameter first and needs no '*'.
    assert_eq!(f.display_formulas()[1], "2ax + ky");
}

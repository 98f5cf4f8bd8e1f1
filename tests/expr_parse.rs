//! The parser: every grammar rule (as printed canonical form and values), heads, pasted
//! Unicode, 54 malformed inputs with their exact message and column.

use gradfield::expr::{eval::eval, parse, print, Function, Vars};

fn canonical(src: &str) -> String {
    let (vars, n) = parse(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    print::to_string(&n, &vars)
}

#[test]
fn grammar_rules_print_canonically() {
    let table = [
        ("3", "3"),
        ("3.5", "3.5"),
        (".5", "0.5"),
        ("1e-3", "0.001"),
        ("2.5E+4", "25000"),
        ("pi", "pi"),
        ("π", "pi"),
        ("e", "e"),
        ("x + y - 1", "x + y - 1"),
        ("x*y/2", "x*y/2"),
        ("x**2", "x^2"),
        ("+x", "x"),
        ("((x))", "x"),
        ("-x^2", "-x^2"),
        ("x^2^3", "x^2^3"),
        ("(x^2)^3", "(x^2)^3"),
        ("2^-1", "2^(-1)"),
        ("2^+1", "2^1"),
        ("2x", "2*x"),
        ("3x^2", "3*x^2"),
        ("2(x+1)", "2*(x + 1)"),
        ("(x+1)(y-1)", "(x + 1)*(y - 1)"),
        ("x y", "x*y"),
        ("xy", "x*y"),
        ("2sin(x)", "2*sin(x)"),
        ("x sin(y)", "x*sin(y)"),
        ("pi x", "pi*x"),
        ("1/2x", "1/2*x"),
        ("pix", "pi*x"),
        ("xsin(y)", "x*sin(y)"),
        ("ex", "e*x"),
        ("2ex", "2*e*x"),
        ("2exp(x)", "2*exp(x)"),
        ("x - -y", "x - (-y)"),
        ("2*-x", "2*(-x)"),
        ("-x*y", "-x*y"),
        ("x − y", "x - y"),
        ("x·y × 2", "x*y*2"),
        ("x² + y³", "x^2 + y^3"),
        ("2π", "2*pi"),
        ("x\ty\u{a0}+\u{2003}1", "x*y + 1"),
        ("pow(x, 3)", "x^3"),
        ("log(x) + ln(y)", "ln(x) + ln(y)"),
        ("log10(x) + log2(y)", "log10(x) + log2(y)"),
        ("atan2(y, x)", "atan2(y, x)"),
        (
            "min(x, y) + max(x, 1) + hypot(x, y)",
            "min(x, y) + max(x, 1) + hypot(x, y)",
        ),
        ("z = x*y", "x*y"),
        ("f(x, y) = x", "x"),
        ("g(x,y)=y", "y"),
    ];
    for (src, want) in table {
        assert_eq!(canonical(src), want, "input {src:?}");
    }
}

#[test]
fn every_function_parses_under_its_own_name() {
    for f in gradfield::expr::Func::ALL {
        let src = if f.arity() == 2 {
            format!("{}(x, y)", f.name())
        } else {
            format!("{}(x)", f.name())
        };
        assert_eq!(canonical(&src), src);
    }
}

#[test]
fn precedence_shows_in_values() {
    let table: [(&str, f64, f64, f64); 9] = [
        ("-x^2", 3.0, 0.0, -9.0),
        ("x^2^3", 2.0, 0.0, 256.0),
        ("2^-1", 0.0, 0.0, 0.5),
        ("1/2x", 4.0, 0.0, 2.0),
        ("2x^2", 3.0, 0.0, 18.0),
        ("x y + 1", 2.0, 3.0, 7.0),
        ("6/2(1+2)", 0.0, 0.0, 9.0),
        ("x²y", 2.0, 5.0, 20.0),
        ("-2^2", 0.0, 0.0, -4.0),
    ];
    for (src, x, y, want) in table {
        let (_, n) = parse(src).expect(src);
        assert_eq!(eval(&n, x, y), Some(want), "{src} at ({x}, {y})");
    }
}

#[test]
fn head_names_the_variables() {
    let (vars, n) = parse("f(w, b) = (w*2 + b - 1)^2").expect("parses");
    assert_eq!(vars, Vars::new("w", "b"));
    assert_eq!(eval(&n, 1.0, 3.0), Some(16.0), "w horizontal, b vertical");
    assert_eq!(canonical("f(w, b) = wb + 2w"), "w*b + 2*w");
    let f = Function::parse("f(w, b) = w^2 b").expect("parses");
    assert_eq!(f.formulas(), ["w^2*b", "2*w*b", "w^2"].map(String::from));
    assert_eq!(print::to_source(&f.f, &f.vars), "f(w, b) = w^2*b");
}

/// (input, message, column): the message is exact; help text is checked separately.
const MALFORMED: [(&str, &str, usize); 56] = [
    ("", "empty expression", 1),
    ("   ", "empty expression", 1),
    ("f(x,y) =", "empty expression", 9),
    ("sinn(x)", "unknown function 'sinn'", 1),
    ("2 + qq(x)", "unknown function 'qq'", 5),
    ("x +", "expected a value after '+'", 3),
    ("2*x+", "expected a value after '+'", 4),
    ("x + )", "expected a value after '+'", 3),
    ("x*/y", "expected a value after '*'", 2),
    ("x^", "expected a value after '^'", 2),
    ("x**", "expected a value after '**'", 2),
    ("x^²", "expected a value after '^'", 2),
    ("min(x,)", "expected a value after ','", 6),
    ("-", "expected a value after '-'", 1),
    ("*x", "expected a value before '*'", 1),
    ("²", "expected a value before '²'", 1),
    (
        "foo",
        "unknown name 'foo': this function's variables are x and y",
        1,
    ),
    (
        "x y + abx",
        "unknown name 'abx': this function's variables are x and y",
        7,
    ),
    (
        "f(w,b)=w+xx",
        "unknown name 'xx': this function's variables are w and b",
        10,
    ),
    ("a(x + 1)", "unknown function 'a'", 1),
    (
        "a x + sinn",
        "unknown name 'sinn': this function's variables are x and y",
        7,
    ),
    ("(x", "unclosed '(' opened", 1),
    ("(((x)", "unclosed '(' opened", 2),
    ("min(x y", "unclosed '(' opened", 4),
    ("x)", "unmatched ')'", 2),
    (")", "unmatched ')'", 1),
    ("x,y", "unexpected ','", 2),
    ("()", "empty parentheses", 1),
    ("1e39", "number 1e39 is too large for 32-bit floats", 1),
    ("1e400", "number 1e400 is too large for 32-bit floats", 1),
    (
        "x + 1e-50",
        "number 1e-50 is too small for 32-bit floats (the smallest is about 1.2e-38)",
        5,
    ),
    ("atan2(x)", "'atan2' takes 2 arguments, got 1", 1),
    ("sin(x, y)", "'sin' takes 1 argument, got 2", 1),
    ("sin()", "'sin' takes 1 argument, got 0", 1),
    ("pow(x)", "'pow' takes 2 arguments, got 1", 1),
    ("sin x", "'sin' needs parentheses", 1),
    ("sqrt", "'sqrt' needs parentheses", 1),
    ("x 2", "missing operator before '2'", 3),
    ("2 3", "missing operator before '3'", 3),
    ("xü", "unexpected character 'ü'", 2),
    ("x & y", "unexpected character '&'", 3),
    // √ is sqrt (the display form writes √(…)); like sqrt it needs parentheses.
    ("√x", "'√' needs parentheses", 1),
    ("1..2", "malformed number '1..2'", 1),
    // An exponent with no digits was read as a product with e (`1e` = 1·e).
    ("2e", "number '2e' has an exponent with no digits", 1),
    ("x + 1E", "number '1E' has an exponent with no digits", 5),
    ("2.5e-", "number '2.5e-' has an exponent with no digits", 1),
    ("3e+x", "number '3e+' has an exponent with no digits", 1),
    (".", "malformed number '.'", 1),
    (
        "f(e, pi) = e",
        "'e' is a constant and cannot name a variable",
        3,
    ),
    (
        "f(a, pi) = a",
        "'pi' is a constant and cannot name a variable",
        6,
    ),
    (
        "f(sin, b) = b",
        "'sin' is a function and cannot name a variable",
        3,
    ),
    (
        "f(w, w) = w",
        "'w' is named twice: the variables need different names",
        6,
    ),
    (
        "f(x) = x",
        "a head names at least two variables, the two on the axes",
        1,
    ),
    ("f(x, y,) = x", "a head names the variables", 1),
    ("= x", "expected a head before '='", 1),
    ("x = y = 2", "'=' is only allowed after a head", 7),
];

#[test]
fn malformed_inputs_give_exact_messages_and_columns() {
    for (src, message, column) in MALFORMED {
        let e = parse(src).expect_err(src);
        assert_eq!(
            (e.message.as_str(), e.column),
            (message, column),
            "input {src:?}"
        );
        assert!(e.width >= 1);
        assert!(e.render(src).contains('^'));
    }
}

#[test]
fn messages_read_as_sentences_with_help() {
    let show = |s: &str| parse(s).expect_err(s).to_string();
    assert_eq!(
        show("sinn(x)"),
        "unknown function 'sinn' at column 1 — did you mean 'sin'?"
    );
    assert_eq!(
        show("x + expp(y)"),
        "unknown function 'expp' at column 5 — did you mean 'exp'?"
    );
    assert_eq!(
        show("(x"),
        "unclosed '(' opened at column 1 — add a ')' to close it"
    );
    assert_eq!(
        show("atan2(x)"),
        "'atan2' takes 2 arguments, got 1 at column 1"
    );
    let e = parse("x + y + foo").expect_err("foo is unknown");
    assert_eq!((e.column, e.width), (9, 3));
    assert_eq!(
        e.render("x + y + foo").lines().last(),
        Some("          ^^^")
    );
}

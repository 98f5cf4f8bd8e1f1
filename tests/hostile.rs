//! Hostile input: a table of things a person (or a paste) can type, each with the exact
//! message and column it must produce, checked through the library and through
//! `gradfield diff` (exit 2, one `error: …` line, no panic). Odd inputs that are accepted
//! are in `hostile_valid.rs`.

use gradfield::expr::{Function, MAX_INPUT_CHARS};
use std::process::Command;

/// One hostile input and what it must produce.
struct Case {
    input: String,
    /// The message, exactly (or its beginning, when `prefix`).
    message: String,
    prefix: bool,
    column: usize,
    help: Option<&'static str>,
}

fn case(input: &str, message: &str, column: usize) -> Case {
    Case {
        input: input.into(),
        message: message.into(),
        prefix: false,
        column,
        help: None,
    }
}

fn with_help(input: &str, message: &str, column: usize, help: &'static str) -> Case {
    Case {
        help: Some(help),
        ..case(input, message, column)
    }
}

fn long(input: String, prefix: &str, column: usize) -> Case {
    Case {
        prefix: true,
        ..case(&input, prefix, column)
    }
}

const DEEP: &str = "expression is nested too deeply (more than 200 levels)";
const HEAD: &str = "a head names the variables";
const SMALL: &str = "is too small for 32-bit floats (the smallest is about 1.2e-38)";
const XY: &str = "this function's variables are x and y";

fn cases() -> Vec<Case> {
    vec![
        with_help(
            "",
            "empty expression",
            1,
            "type a function such as 'x^2 + y^2'",
        ),
        case("   ", "empty expression", 1),
        case("\t\n", "empty expression", 1),
        with_help("(x", "unclosed '(' opened", 1, "add a ')' to close it"),
        with_help(
            "x)",
            "unmatched ')'",
            2,
            "there is no '(' before it for it to close",
        ),
        case(")", "unmatched ')'", 1),
        case("x))", "unmatched ')'", 2),
        case("((x)", "unclosed '(' opened", 1),
        case("(((", "expected a value", 4),
        case("sin(", "expected a value", 5),
        case("()", "empty parentheses", 1),
        case("+", "expected a value after '+'", 1),
        case("x+", "expected a value after '+'", 2),
        case("*x", "expected a value before '*'", 1),
        case("x*/y", "expected a value after '*'", 2),
        case("^2", "expected a value before '^'", 1),
        case("x^^2", "expected a value after '^'", 2),
        case("x^", "expected a value after '^'", 2),
        case("x**", "expected a value after '**'", 2),
        // An exponent with no digits used to read as a product with e (`1e` = 1·e).
        with_help(
            "1e+",
            "number '1e+' has an exponent with no digits",
            1,
            "write its digits (1e3 = 1·1000), or 1*e for 1 times the constant e",
        ),
        case("1e", "number '1e' has an exponent with no digits", 1),
        case("2E-", "number '2E-' has an exponent with no digits", 1),
        case("sin(1e)", "number '1e' has an exponent with no digits", 5),
        case("x*.5e", "number '.5e' has an exponent with no digits", 3),
        with_help(
            "sinn(x)",
            "unknown function 'sinn'",
            1,
            "did you mean 'sin'?",
        ),
        with_help("cso(x)", "unknown function 'cso'", 1, "did you mean 'cos'?"),
        with_help(
            "sqr(x)",
            "unknown function 'sqr'",
            1,
            "did you mean 'sqrt'?",
        ),
        with_help(
            "exps(x)",
            "unknown function 'exps'",
            1,
            "did you mean 'exp'?",
        ),
        with_help(
            "sinn",
            &format!("unknown name 'sinn': {XY}"),
            1,
            "did you mean 'sin(…)'?",
        ),
        case("atan2(x)", "'atan2' takes 2 arguments, got 1", 1),
        case("min(x)", "'min' takes 2 arguments, got 1", 1),
        case("sin(x, y)", "'sin' takes 1 argument, got 2", 1),
        case("hypot()", "'hypot' takes 2 arguments, got 0", 1),
        case("1 + sin x", "'sin' needs parentheses", 5),
        case("1 + √x", "'√' needs parentheses", 5),
        with_help(
            "х+1",
            "'х' (Cyrillic small letter ha) looks like 'x'",
            1,
            "retype it as a plain 'x'",
        ),
        case("x+ο", "'ο' (Greek small letter omicron) looks like 'o'", 3),
        case("ｘ*y", "'ｘ' (fullwidth letter x) looks like 'x'", 1),
        case("x∗y", "'∗' (asterisk operator) looks like '*'", 2),
        case("x—y", "'—' (em dash) looks like '-'", 2),
        case("x\u{7}", "control character '\\u{7}'", 2),
        case("x+\u{0}", "control character '\\u{0}'", 3),
        case("\u{1b}[31mx", "control character '\\u{1b}'", 1),
        case(
            "x\u{200b}+y",
            "invisible character '\\u{200b}' (zero-width space)",
            2,
        ),
        case("x @ y", "unexpected character '@'", 3),
        case("é", "unexpected character 'é'", 1),
        long(
            "x+".repeat(500_000),
            "input is too long: 1000000 characters",
            1,
        ),
        case(&"(".repeat(10_000), DEEP, 201),
        case(
            &format!("{}x{}", "(".repeat(4_000), ")".repeat(4_000)),
            DEEP,
            201,
        ),
        long(
            format!("{}x", "-".repeat(100_000)),
            "input is too long: 100001",
            1,
        ),
        case(&format!("{}x", "-".repeat(9_999)), DEEP, 201),
        case(&format!("{}2", "x^".repeat(300)), DEEP, 402),
        case("1e400", "number 1e400 is too large for 32-bit floats", 1),
        case("1e-400", &format!("number 1e-400 {SMALL}"), 1),
        case("1e-50", &format!("number 1e-50 {SMALL}"), 1),
        case("x + 1e-40", &format!("number 1e-40 {SMALL}"), 5),
        case("2..5", "malformed number '2..5'", 1),
        case("1.2.3", "malformed number '1.2.3'", 1),
        case(".", "malformed number '.'", 1),
        with_help(
            "2 3",
            "missing operator before '3'",
            3,
            "use '*' to multiply or '^' for a power",
        ),
        case("e1", "missing operator before '1'", 2),
        with_help(
            "f(x) = x",
            "a head names at least two variables, the two on the axes",
            1,
            "write it like 'f(x, y) =' or leave the head out",
        ),
        with_help(
            "f(x,y,)=x",
            HEAD,
            1,
            "write it like 'f(x, y) =', 'f(w, b) =' or 'f(x, y, z) ='",
        ),
        case("x y = 1", HEAD, 1),
        case(
            "f(x,x)=x",
            "'x' is named twice: the variables need different names",
            5,
        ),
        case(
            "f(x,y,x)=x",
            "'x' is named twice: the variables need different names",
            7,
        ),
        case("= x", "expected a head before '='", 1),
        with_help(
            "f(x,y) =",
            "empty expression",
            9,
            "write the function after '=', e.g. 'f(x, y) = x^2 + y^2'",
        ),
        case("x = y = 1", "'=' is only allowed after a head", 7),
        case(
            "f(sin,y)=x",
            "'sin' is a function and cannot name a variable",
            3,
        ),
        case(
            "f(e,y)=e",
            "'e' is a constant and cannot name a variable",
            3,
        ),
        case("f(x,y)=f(x,y)", "unknown function 'f'", 8),
        case("f(x,y)=g(x)", "unknown function 'g'", 8),
        with_help(
            "x,y",
            "unexpected ','",
            2,
            "commas only separate arguments, as in atan2(y, x)",
        ),
        case(",x", "unexpected ','", 1),
        case("sin(x,)", "expected a value after ','", 6),
        case("atan2(,y)", "expected a value before ','", 7),
        case("x y foo", &format!("unknown name 'foo': {XY}"), 5),
        case("max(x,y,zz)", &format!("unknown name 'zz': {XY}"), 9),
    ]
}

/// The first 40 characters of an input, for failure messages.
fn short(input: &str) -> String {
    input.chars().take(40).collect()
}

fn check_library(c: &Case) {
    let e = match Function::parse(&c.input) {
        Ok(_) => panic!("{:?} parsed but should not", short(&c.input)),
        Err(e) => e,
    };
    // Every refusal, even of a megabyte, must be instant for someone typing: an input over
    // the limit is refused by its length before it is lexed, so the work on any input is that
    // of at most MAX_INPUT_CHARS characters (the time it takes is measured in benches/cpu.rs,
    // `parse/refuse …`).
    let chars = c.input.chars().count();
    assert_eq!(
        e.message.starts_with("input is too long"),
        chars > MAX_INPUT_CHARS,
        "{:?} ({chars} characters): {}",
        short(&c.input),
        e.message
    );
    if c.prefix {
        assert!(
            e.message.starts_with(&c.message),
            "{:?}: {}",
            short(&c.input),
            e.message
        );
    } else {
        assert_eq!(e.message, c.message, "message for {:?}", short(&c.input));
    }
    assert_eq!(e.column, c.column, "column for {:?}: {e}", short(&c.input));
    if let Some(help) = c.help {
        assert_eq!(
            e.help.as_deref(),
            Some(help),
            "help for {:?}",
            short(&c.input)
        );
    }
    for ch in e.to_string().chars().chain(e.render(&c.input).chars()) {
        assert!(
            ch == '\n' || !ch.is_control(),
            "raw control character in {e}"
        );
    }
}

fn gradfield() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
}

/// Runs `gradfield diff INPUT`: exit 2, first line `error: MESSAGE … at column N`, no panic.
fn check_command(c: &Case) {
    let out = gradfield()
        .args(["diff", &c.input])
        .output()
        .expect("run gradfield");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{:?}: {stderr:.300}",
        short(&c.input)
    );
    assert!(
        out.stdout.is_empty(),
        "{:?} printed a result",
        short(&c.input)
    );
    assert!(!stderr.contains("panicked"), "{stderr:.300}");
    let first = stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("error: {}", c.message)),
        "{first:.300}"
    );
    assert!(
        first.contains(&format!(" at column {}", c.column)),
        "{:?}: {first:.300}",
        c.input.chars().take(40).collect::<String>()
    );
    assert!(
        !first.chars().any(char::is_control),
        "raw control character in {first:?}"
    );
}

#[test]
fn hostile_inputs_are_refused_with_exact_messages() {
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    for c in &cases {
        check_library(c);
    }
}

#[test]
fn hostile_inputs_are_refused_by_the_command() {
    for c in cases() {
        // An argument cannot hold a NUL byte, and Linux refuses one argument over 128 KiB.
        if c.input.contains('\0') || c.input.len() > 128 * 1024 - 1 {
            continue;
        }
        check_command(&c);
    }
}

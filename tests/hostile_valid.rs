//! Hostile input that is accepted: odd spellings that parse, and functions that parse but are
//! undefined or overflow everywhere, which `gradfield sample` writes as NaN with exit 0.

use gradfield::expr::Function;
use std::process::Command;

fn gradfield() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
}

/// Inputs that look odd but are accepted, with the f they print.
#[test]
fn odd_but_valid_inputs_parse() {
    for (input, printed) in [
        // A pasted non-breaking space (U+00A0) is whitespace, like a plain space.
        ("x\u{a0}+\u{a0}y", "x + y"),
        // An `e` that starts a name is not an exponent: `1ex` is 1·e·x (`1e` is refused).
        ("1ex", "1*e*x"),
        // A pasted square root sign is sqrt.
        ("√(1 - x^2)", "sqrt(1 - x^2)"),
        // A double minus is a formula, not a flag.
        ("--x", "-(-x)"),
        ("0.0e-999", "0"),
        ("sqrt(-1-x^2)", "sqrt(-1 - x^2)"),
        // Terms that cancel are kept as typed in f (so is its domain: at x = 1.7 the sum
        // rounds to 1.0000000000000002, outside asin's; tests/expr_diff.rs).
        ("asin(-x + (1 + x))", "asin(-x + (1 + x))"),
    ] {
        let f = Function::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(f.formulas()[0], printed, "{input:?}");
    }
}

/// `gradfield sample --device cpu … --out FILE.csv` and the f, ∂f/∂x, ∂f/∂y columns.
fn sample_csv(expr: &str, view: &str) -> Vec<[String; 3]> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("field.csv");
    let out = gradfield()
        .args([
            "sample", expr, "--device", "cpu", "--size", "7x5", "--view", view, "--out",
        ])
        .arg(&path)
        .output()
        .expect("run gradfield");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&path).expect("read the csv");
    let rows: Vec<[String; 3]> = text
        .lines()
        .skip(1)
        .map(|l| {
            let v: Vec<&str> = l.split(',').collect();
            [v[2], v[3], v[4]].map(String::from)
        })
        .collect();
    assert_eq!(rows.len(), 35, "one row per sample");
    rows
}

#[test]
fn undefined_everywhere_samples_to_nan() {
    for row in sample_csv("sqrt(-1-x^2)", "-3,3,-3,3") {
        assert_eq!(row, ["NaN", "NaN", "NaN"].map(String::from));
    }
}

#[test]
fn overflow_everywhere_samples_to_nan() {
    // On x ∈ [5, 10], exp(exp(x)) ≥ e^148 is beyond f32, so every point is undefined.
    for row in sample_csv("exp(exp(exp(x)))", "5,10,-1,1") {
        assert_eq!(row, ["NaN", "NaN", "NaN"].map(String::from));
    }
}

/// Found by `hostile_props`: the derivative of x^(1e-30·1e-30) folded the exponent into the
/// literal 1e-60, which f32 cannot hold, so the printed ∂f/∂x did not parse again.
#[test]
fn printed_derivatives_of_tiny_exponents_parse_again() {
    for input in [
        "x^(1e-30*1e-30)",
        "sin(pow(x², (1e-30)*(1e-30)))",
        "y^(1e-20*1e-20)",
    ] {
        let f = Function::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        for printed in f.formulas() {
            let again = Function::parse(&printed);
            assert!(
                again.is_ok(),
                "{input:?} printed {printed:?}: {:?}",
                again.err()
            );
        }
    }
}

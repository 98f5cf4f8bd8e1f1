//! Where f is defined but its gradient is not: f keeps its value (in the reference evaluator,
//! in `gradfield sample` files on the CPU and on the GPU) and only the undefined channels are
//! NaN. Each case here was NaN in all three channels before (issue 11).

use gradfield::expr::Function;
use std::process::Command;

fn each(src: &str, x: f64, y: f64) -> [Option<f64>; 3] {
    Function::parse(src)
        .unwrap_or_else(|e| panic!("{src}: {e}"))
        .eval_each(x, y)
}

/// x^0 is 1 everywhere (domain.rs: an integer power is repeated multiplication, 0^0 = 1), so
/// its derivative is 0 everywhere: it was 0·x^(−1), undefined along x = 0.
#[test]
fn x_to_the_zero_is_one_with_gradient_zero_on_the_axis() {
    let f = Function::parse("x^0").expect("parses");
    assert_eq!(f.formulas()[1], "0");
    for (x, y) in [(0.0, 0.0), (0.0, -2.5), (3.0, 1.0), (-1e-30, 4.0)] {
        assert_eq!(
            f.eval_each(x, y),
            [Some(1.0), Some(0.0), Some(0.0)],
            "({x}, {y})"
        );
    }
    // Also inside a larger function, whose gradient stays defined on x = 0.
    assert_eq!(
        each("x^0 * y^2", 0.0, 3.0),
        [Some(9.0), Some(0.0), Some(6.0)]
    );
    assert_eq!(
        each("sin(x)^1", 0.0, 0.0),
        [Some(0.0), Some(1.0), Some(0.0)]
    );
}

/// 0^x is 0 for x > 0 and undefined for x ≤ 0 (domain.rs, powf); its derivative is 0 where it
/// is defined. It used to contain ln(0), undefined everywhere, which hid f everywhere.
#[test]
fn zero_to_the_x_is_zero_for_positive_x_and_undefined_elsewhere() {
    let f = Function::parse("0^x").expect("parses");
    assert_eq!(f.formulas()[1], "0");
    assert_eq!(f.eval_each(0.5, 7.0), [Some(0.0), Some(0.0), Some(0.0)]);
    assert_eq!(f.eval_each(1e-30, 0.0), [Some(0.0), Some(0.0), Some(0.0)]);
    for x in [0.0, -0.5] {
        assert_eq!(
            f.eval_each(x, 0.0),
            [None; 3],
            "x = {x}: f undefined, so ∇f too"
        );
    }
    assert_eq!(each("0^x + y", 2.0, 1.0), [Some(1.0), Some(0.0), Some(1.0)]);
}

/// A cusp: (x^2)^0.5 is |x|, 0 at x = 0 like abs(x), but its derivative
/// 0.5·(x^2)^(−0.5)·2x is undefined there, and only ∂f/∂x is.
#[test]
fn a_cusp_keeps_f_and_loses_only_the_undefined_partial() {
    assert_eq!(each("(x^2)^0.5", 0.0, 1.0), [Some(0.0), None, Some(0.0)]);
    assert_eq!(each("abs(x)", 0.0, 1.0), [Some(0.0), Some(0.0), Some(0.0)]);
    // Elsewhere all three are defined: |x| and sign(x) (exp(b·ln a) in f64: 1e-12).
    let [f, dx, dy] = each("(x^2)^0.5", -2.0, 1.0).map(|v| v.expect("defined"));
    assert!((f - 2.0).abs() < 1e-12 && (dx + 1.0).abs() < 1e-12 && dy == 0.0);
    assert_eq!(each("sqrt(x) + y", 0.0, 2.0), [Some(2.0), None, Some(1.0)]);
    assert_eq!(each("sqrt(x) + y", -1.0, 2.0), [None; 3]);
    // `eval` (what descent uses) needs all three.
    let f = Function::parse("(x^2)^0.5").expect("parses");
    assert_eq!(f.eval(0.0, 1.0), None);
    assert!(f.eval(-2.0, 1.0).is_some());
}

/// `gradfield sample EXPR --size 7x3 --view -3,3,-1,1` (column 3 is x = 0 exactly) on
/// `device`, as (f, dfdx, dfdy) text per sample.
fn sample(expr: &str, device: &str) -> Vec<[String; 3]> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("field.csv");
    let out = Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(["sample", expr, "--device", device, "--size", "7x3"])
        .args(["--view=-3,3,-1,1", "--out"])
        .arg(&path)
        .output()
        .expect("run gradfield");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{expr} on {device}: {err}");
    let text = std::fs::read_to_string(&path).expect("read the csv");
    let rows: Vec<[String; 3]> = text
        .lines()
        .skip(1)
        .map(|l| {
            let v: Vec<&str> = l.split(',').collect();
            [v[2], v[3], v[4]].map(String::from)
        })
        .collect();
    assert_eq!(rows.len(), 21, "{expr} on {device}: one row per sample");
    rows
}

#[test]
fn sample_files_have_nan_only_in_the_undefined_channels() {
    let s = |v: [&str; 3]| v.map(String::from);
    for device in ["cpu", "gpu"] {
        // Column 3 of each row is x = 0; columns 4–6 are x = 6/7, 12/7, 18/7.
        for j in 0..3 {
            let row = |i: usize| j * 7 + i;
            let x0 = sample("x^0", device);
            assert_eq!(x0[row(3)], s(["1", "0", "0"]), "x^0 on {device}");
            let cusp = sample("(x^2)^0.5", device);
            assert_eq!(cusp[row(3)], s(["0", "NaN", "0"]), "(x^2)^0.5 on {device}");
            assert_ne!(cusp[row(4)][1], "NaN", "(x^2)^0.5 on {device} beside 0");
            let zero = sample("0^x", device);
            assert_eq!(
                zero[row(3)],
                s(["NaN", "NaN", "NaN"]),
                "0^x at 0 on {device}"
            );
            assert_eq!(
                zero[row(2)],
                s(["NaN", "NaN", "NaN"]),
                "0^x, x < 0 on {device}"
            );
            for i in 4..7 {
                assert_eq!(zero[row(i)], s(["0", "0", "0"]), "0^x, x > 0 on {device}");
            }
        }
    }
}

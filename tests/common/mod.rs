//! Shared test helpers: a proptest strategy for random expression trees over every operator
//! and function, and small numeric helpers.
#![allow(dead_code)]

pub mod difference;

use gradfield::expr::ast::{self, BinOp, Expr, Func, Node, Var};
use proptest::prelude::*;
use std::sync::Arc;

/// A leaf: x, y or a small nonnegative literal (typed literals are never negative; negative
/// values come from `Neg`).
pub fn leaf() -> impl Strategy<Value = Node> {
    prop_oneof![
        3 => Just(ast::var(Var::X)),
        3 => Just(ast::var(Var::Y)),
        1 => prop::sample::select(vec![0.0, 0.5, 1.0, 2.0, 3.0, 0.25, 1.5, 10.0]).prop_map(ast::num),
    ]
}

/// Random trees of depth at most `depth` over all operators and all functions.
pub fn expr(depth: u32) -> impl Strategy<Value = Node> {
    expr_over(leaf(), depth)
}

/// Like [`expr`], with the leaves `leaf` gives.
pub fn expr_over(
    leaf: impl Strategy<Value = Node> + 'static,
    depth: u32,
) -> impl Strategy<Value = Node> {
    leaf.prop_recursive(depth, 24, 2, |inner| {
        let binop = prop::sample::select(vec![
            BinOp::Add,
            BinOp::Sub,
            BinOp::Mul,
            BinOp::Div,
            BinOp::Pow,
        ]);
        prop_oneof![
            1 => inner.clone().prop_map(ast::neg),
            4 => (binop, inner.clone(), inner.clone()).prop_map(|(op, a, b)| ast::bin(op, a, b)),
            // Small integer exponents, the most common powers people type.
            1 => (inner.clone(), prop::sample::select(vec![2.0, 3.0, -1.0, 0.5]))
                .prop_map(|(a, k)| ast::pow(a, ast::num(k))),
            3 => (prop::sample::select(Func::ALL.to_vec()), inner.clone(), inner)
                .prop_map(|(f, a, b)| {
                    let args = if f.arity() == 2 { vec![a, b] } else { vec![a] };
                    Arc::new(Expr::Call(f, args))
                }),
        ]
    })
}

/// Points inside every preset's view where the property tests compare evaluations.
pub const POINTS: [(f64, f64); 8] = [
    (0.3, -0.7),
    (-1.3, 0.45),
    (1.7, 1.1),
    (-0.55, -1.9),
    (2.2, -0.15),
    (0.05, 2.6),
    (-2.4, -2.1),
    (0.9, 0.35),
];

/// |a − b| ≤ rel·max(|a|, |b|) + abs.
pub fn close(a: f64, b: f64, rel: f64, abs: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()) + abs
}

/// Runs the gradfield binary with `args`.
pub fn gradfield(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .output()
        .expect("run gradfield")
}

/// The whole of a command's stderr (its first 2,000 characters), which must be exactly one
/// `error: …` line without panic text, with nothing on stdout; `what` names the run in failures.
pub fn one_line_error(what: impl std::fmt::Debug, out: &std::process::Output) -> String {
    let stderr: String = String::from_utf8_lossy(&out.stderr)
        .chars()
        .take(2000)
        .collect();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{what:?} printed {stderr:?}");
    assert!(lines[0].starts_with("error: "), "{what:?}: {stderr:?}");
    assert!(!stderr.contains("panicked"), "{what:?}: {stderr:?}");
    assert!(out.stdout.is_empty(), "{what:?} printed a result");
    lines[0].to_string()
}

/// Himmelblau's function, whose four minima (f = 0) are [`HIMMELBLAU_MINIMA`].
pub const HIMMELBLAU: &str = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";

/// Himmelblau's minima, to 6 decimals.
pub const HIMMELBLAU_MINIMA: [[f64; 2]; 4] = [
    [3.0, 2.0],
    [-2.805118, 3.131312],
    [-3.779310, -3.283186],
    [3.584428, -1.848126],
];

/// The explorer on the bowl x² + y² over [−3, 3]², on an 800×600 canvas, with no paths.
pub fn bowl_explorer() -> gradfield::app::ExplorerState {
    let f = gradfield::expr::Function::parse("x^2 + y^2").expect("the bowl parses");
    let view = gradfield::View::new(-3.0, 3.0, -3.0, 3.0).expect("a view");
    let mut s = gradfield::app::ExplorerState::new(f, view);
    s.set_canvas(800.0, 600.0);
    s
}

/// World coordinates come from the explorer's pixel maths in f64; 1e-9 absorbs rounding only.
pub const PIXEL_EPS: f64 = 1e-9;

/// Whether two points from the explorer's f64 pixel maths agree to rounding ([`PIXEL_EPS`]).
pub fn same_point(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < PIXEL_EPS && (a.1 - b.1).abs() < PIXEL_EPS
}

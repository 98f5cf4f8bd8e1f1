//! Tests of the tape: sharing, size linear in the input, and agreement with domain.rs.

use super::*;
use crate::expr::ast::*;

fn x() -> Node {
    var(Var::X)
}
fn y() -> Node {
    var(Var::Y)
}

#[test]
fn deep_sine_chain_and_its_derivative_stay_linear() {
    // f = sin(sin(...sin(x))) 150 deep; f' = cos(s149)·cos(s148)·…·cos(x), sharing the s_k.
    let mut chain = vec![x()];
    for _ in 0..150 {
        let last = chain.last().cloned().unwrap_or_else(x);
        chain.push(call1(Func::Sin, last));
    }
    let mut d = num(1.0);
    for s in &chain[..150] {
        d = mul(d, call1(Func::Cos, s.clone()));
    }
    let f = chain[150].clone();
    let tape = Tape::new(&[f, d, num(0.0)]);
    // x, 150 sines, 150 cosines, 150 products, two constants.
    assert!(
        tape.len() <= 3 * 150 + 4,
        "tape has {} instructions",
        tape.len()
    );
    let mut regs = Vec::new();
    let [v, dv, _] = tape.eval(0.3, 0.0, &mut regs).expect("defined");
    let (mut s, mut ds) = (0.3f64, 1.0f64);
    for _ in 0..150 {
        ds *= s.cos();
        s = s.sin();
    }
    assert!((v - s).abs() < 1e-12 && (dv - ds).abs() < 1e-12);
}

#[test]
fn product_of_forty_factors_is_linear_with_structural_sharing() {
    // p = (x+0.05)(x+0.1)…(x+2) and its derivative by the product rule, built with fresh Arcs
    // each time so only structural hashing can share them.
    let factor = |k: usize| add(x(), num(k as f64 * 0.05));
    let prod = |skip: Option<usize>| {
        let mut p = num(1.0);
        for k in 1..=40 {
            if Some(k) != skip {
                p = mul(p, factor(k));
            }
        }
        p
    };
    let mut d = num(0.0);
    for k in 1..=40 {
        d = add(d, prod(Some(k)));
    }
    let tape = Tape::new(&[prod(None), d, y()]);
    // 40 factors + their constants and x, the shared prefix products, and per term at most
    // 40 new products: quadratic in the printed size is fine, but no exponential blow-up.
    assert!(tape.len() < 40 * 45, "tape has {} instructions", tape.len());
    let mut regs = Vec::new();
    let [v, dv, w] = tape.eval(0.5, 2.0, &mut regs).expect("defined");
    let exact: f64 = (1..=40).map(|k| 0.5 + k as f64 * 0.05).product();
    let dexact: f64 = (1..=40).map(|k| exact / (0.5 + k as f64 * 0.05)).sum();
    assert!((v - exact).abs() <= 1e-12 * exact.abs());
    assert!((dv - dexact).abs() <= 1e-10 * dexact.abs());
    assert_eq!(w, 2.0);
}

#[test]
fn shared_subtrees_are_computed_once() {
    let s = add(mul(x(), x()), mul(y(), y()));
    let a = call1(Func::Sqrt, s.clone());
    let b = div(x(), call1(Func::Sqrt, add(mul(x(), x()), mul(y(), y()))));
    let tape = Tape::new(&[a, b, s]);
    // x, y, x², y², sum, sqrt, div.
    assert_eq!(tape.len(), 7);
}

#[test]
fn domain_rules_hold_on_the_tape() {
    let mut regs = Vec::new();
    let t = Tape::new(&[
        call1(Func::Ln, x()),
        div(num(1.0), y()),
        pow(x(), num(-2.0)),
    ]);
    assert!(matches!(t.ops()[t.roots()[2] as usize], Op::Powi(_, -2)));
    assert!(t.eval(-1.0, 1.0, &mut regs).is_none());
    assert!(t.eval(1.0, 0.0, &mut regs).is_none());
    let [l, r, p] = t.eval(2.0, 4.0, &mut regs).expect("defined");
    assert_eq!((l, r, p), (2f64.ln(), 0.25, 0.25));
    // (-8)^(1/3) is not an integer power: undefined, as in domain::powf.
    let c = Tape::new(&[pow(x(), div(num(1.0), num(3.0))), x(), x()]);
    assert!(c.eval(-8.0, 0.0, &mut regs).is_none());
    assert!(c.eval(8.0, 0.0, &mut regs).is_some());
    // exp overflows f32 at 88.8 even though f64 could hold it.
    let e = Tape::new(&[call1(Func::Exp, x()), x(), x()]);
    assert!(e.eval(88.8, 0.0, &mut regs).is_none());
    assert!(e.eval(88.7, 0.0, &mut regs).is_some());
}

#[test]
fn rosenbrock_evaluates_ten_thousand_points_without_allocating() {
    // f = (1-x)² + 100(y-x²)², ∇f = (-2(1-x) - 400x(y-x²), 200(y-x²)).
    let r = sub(y(), pow(x(), num(2.0)));
    let f = add(
        pow(sub(num(1.0), x()), num(2.0)),
        mul(num(100.0), pow(r.clone(), num(2.0))),
    );
    let dx = sub(
        mul(num(-2.0), sub(num(1.0), x())),
        mul(mul(num(400.0), x()), r.clone()),
    );
    let dy = mul(num(200.0), r);
    let tape = Tape::new(&[f.clone(), dx.clone(), dy.clone()]);
    // What one evaluation costs, without a clock: y - x² and 1 - x are computed once for all
    // three roots (19 instructions), and the registers are allocated once: 10,000
    // evaluations leave their capacity as the first left it. The time per step is measured by
    // `gradfield bench` (descent step) and benches/cpu.rs (`tape f and gradient at a point`).
    assert_eq!(tape.len(), 19, "instructions");
    let mut regs = Vec::new();
    assert!(tape.eval(0.0, 0.0, &mut regs).is_some());
    let capacity = regs.capacity();
    for i in 0..10_000 {
        let p = i as f64 * 1e-4;
        let [v, gx, gy] = tape
            .eval(p - 0.5, p, &mut regs)
            .expect("defined everywhere");
        let at = |n: &Node| crate::expr::eval::eval(n, p - 0.5, p).expect("defined");
        assert_eq!([v, gx, gy], [at(&f), at(&dx), at(&dy)], "at {i}");
    }
    assert_eq!(regs.capacity(), capacity, "evaluating allocated");
}

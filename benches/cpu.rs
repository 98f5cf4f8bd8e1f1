//! Criterion benchmarks of the CPU pieces: parsing, differentiating (with simplification),
//! generating the field shader's WGSL, and evaluating at one point with the compiled tape and
//! the reference trees. Also the times the tests bound by work instead of by the clock:
//! refusing hostile input, a long flat sum and the derivative of a shared DAG.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use gradfield::bench::HEAVY;
use gradfield::expr::{self, ast, Evaluator, Function, Node, Var};
use gradfield::gpu::field::{field_source, function_tapes};

const ROSENBROCK: &str = "(1 - x)^2 + 100*(y - x^2)^2";

fn functions() -> [(&'static str, &'static str); 2] {
    [("rosenbrock", ROSENBROCK), ("heavy", HEAVY)]
}

fn parse(c: &mut Criterion) {
    for (name, text) in functions() {
        c.bench_function(&format!("parse/{name}"), |b| {
            b.iter(|| expr::parse(black_box(text)))
        });
    }
}

fn differentiate(c: &mut Criterion) {
    for (name, text) in functions() {
        let (_, f) = expr::parse(text).expect("the benchmark functions parse");
        c.bench_function(&format!("derivative/{name}"), |b| {
            b.iter(|| expr::diff::derivative(black_box(&f), Var::X))
        });
        c.bench_function(
            &format!("function (parse, differentiate, simplify)/{name}"),
            |b| b.iter(|| Function::parse(black_box(text))),
        );
    }
}

fn wgsl(c: &mut Criterion) {
    for (name, text) in functions() {
        let function = Function::parse(text).expect("the benchmark functions parse");
        c.bench_function(&format!("compile to tapes/{name}"), |b| {
            b.iter(|| function_tapes(black_box(&function)))
        });
        let (grad, value) = function_tapes(&function);
        c.bench_function(&format!("generate WGSL/{name}"), |b| {
            b.iter(|| field_source(black_box(&grad), black_box(&value)))
        });
    }
}

fn evaluate(c: &mut Criterion) {
    for (name, text) in functions() {
        let function = Function::parse(text).expect("the benchmark functions parse");
        let mut tape = function.tape();
        c.bench_function(&format!("tape f and gradient at a point/{name}"), |b| {
            b.iter(|| tape.gradient(black_box(0.3), black_box(-0.7)))
        });
        c.bench_function(&format!("tape channels at a point/{name}"), |b| {
            b.iter(|| tape.channels(black_box(0.3), black_box(-0.7)))
        });
        let mut tree = function.tree();
        c.bench_function(&format!("reference evaluator at a point/{name}"), |b| {
            b.iter(|| tree.gradient(black_box(0.3), black_box(-0.7)))
        });
    }
}

/// What tests/hostile.rs and tests/expr_limits.rs refuse: a megabyte, 100,000 levels of
/// nesting, and the 10,000-character sum that parses.
fn hostile(c: &mut Criterion) {
    let cases = [
        ("refuse a megabyte", "x+".repeat(500_000)),
        ("refuse 100,000 levels", "(".repeat(100_000)),
        ("refuse 201 levels", "(".repeat(9_999)),
        ("2500-term sum", "x*y+".repeat(2499) + "x"),
    ];
    for (name, text) in cases {
        c.bench_function(&format!("parse/{name}"), |b| {
            b.iter(|| Function::parse(black_box(&text)))
        });
    }
    // tests/expr_limits.rs: f_{k+1} = f_k·f_k, 60 levels sharing f_k.
    let mut f: Node = ast::add(ast::var(Var::X), ast::num(0.5));
    for _ in 0..60 {
        f = ast::mul(f.clone(), f);
    }
    c.bench_function("derivative/shared 60 levels", |b| {
        b.iter(|| expr::diff::derivative(black_box(&f), Var::X))
    });
}

criterion_group!(benches, parse, differentiate, wgsl, evaluate, hostile);
criterion_main!(benches);

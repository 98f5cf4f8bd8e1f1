//! Criterion benchmarks of the CPU pieces: parsing, differentiating (with simplification),
//! generating the field shader's WGSL, and evaluating a compiled tape at one point.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use gradfield::bench::HEAVY;
use gradfield::expr::{self, Function, Var};
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
        let mut grad = function.gradient_fn();
        c.bench_function(&format!("tape f and gradient at a point/{name}"), |b| {
            b.iter(|| grad(black_box(0.3), black_box(-0.7)))
        });
        c.bench_function(&format!("reference evaluator at a point/{name}"), |b| {
            b.iter(|| function.eval(black_box(0.3), black_box(-0.7)))
        });
    }
}

criterion_group!(benches, parse, differentiate, wgsl, evaluate);
criterion_main!(benches);

//! The compiled tape and the reference tree evaluator give the same answers, channel by
//! channel: the same bits for f, ∂f/∂x and ∂f/∂y where defined, and the same definedness, on
//! every preset, on hostile formulas (domain edges, overflow, cusps) and on random trees with a
//! fixed seed. Both are `expr::Evaluator`s, so whatever uses one may use the other: a descent
//! path driven by either walks through the same points.

mod common;

use gradfield::descent::{Hyper, Optimizer, Path};
use gradfield::expr::{Evaluator, Function, Vars};
use gradfield::presets;
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngSeed, TestRunner};

/// Same as `expr_diff.rs`: the random trees are the same on every run.
const SEED: u64 = 0x6772_6164_6669_656c;

/// Points where things happen: zero, the axes, integers (0^x, x^0, integer powers of
/// negatives), where exp overflows f32 (88.7 and 88.8), huge and tiny coordinates.
const POINTS: [(f64, f64); 16] = [
    (0.0, 0.0),
    (1.0, 1.0),
    (-1.0, 0.5),
    (0.5, -2.0),
    (1.7, 0.3),
    (-1.7, 1.0),
    (3.0, -1e-3),
    (-1e-30, 2.0),
    (88.7, 0.0),
    (88.8, 1.0),
    (1e19, -1e19),
    (-0.25, 0.75),
    (2.0, 4.0),
    (-2.0, -3.0),
    (0.0, -1.0),
    (1e-8, 1e8),
];

/// Formulas at the edges of the language's domains.
const HOSTILE: [&str; 36] = [
    "ln(x)",
    "ln(0*x)",
    "x^0",
    "0^x",
    "(x^2)^0.5",
    "abs(x) + relu(y)",
    "sqrt(-1-x^2)",
    "exp(exp(exp(x)))",
    "exp(x*100)",
    "3e38*x*10",
    "1e-30*1e-30*x",
    "x/0",
    "x/x",
    "0*sqrt(x)",
    "atan2(y, x)",
    "atan2(0*x, 0*y)",
    "asin(-x + (1 + x))",
    "acos(x*y)",
    "x^y",
    "(-8)^(1/3) + x",
    "cbrt(x) + y^(1/3)",
    "x^-2 + y^-3",
    "tan(x)*sinh(y)",
    "log10(y) - log2(x)",
    "hypot(x, y)^0.5",
    "min(x, y)/max(x, y)",
    "sign(x)*heaviside(y)",
    "sigmoid(x*1e3) + softplus(y*1e3)",
    "pow(x, y) + pow(y, x)",
    "x^(1e-30*1e-30)",
    "sin(x*y)^2 + cos(x/y)",
    "f(w, b) = (w*2 + b - 1)^2",
    // Issue 13: factors that cancel when printed, like products in either order, e.
    "ln(x*y)",
    "sqrt(x)^3",
    "sin(x)^2 + cos(x)^2 + y",
    "e^x*y",
];

/// Every channel of `function` agrees between the two evaluators at (x, y); the message says
/// where not.
fn agree(function: &Function, what: &str, x: f64, y: f64) {
    let (mut tree, mut tape) = (function.tree(), function.tape());
    let bits = |c: [Option<f64>; 3]| c.map(|v| v.map(f64::to_bits));
    let (a, b) = (tree.channels(x, y), tape.channels(x, y));
    assert_eq!(
        bits(a),
        bits(b),
        "{what} at ({x}, {y}): tree {a:?}, tape {b:?}"
    );
    let bits3 = |c: Option<[f64; 3]>| c.map(|v| v.map(f64::to_bits));
    assert_eq!(
        bits3(tree.gradient(x, y)),
        bits3(tape.gradient(x, y)),
        "{what} at ({x}, {y}): gradient"
    );
    assert_eq!(
        tree.value(x, y).map(f64::to_bits),
        tape.value(x, y).map(f64::to_bits),
        "{what} at ({x}, {y}): value"
    );
}

#[test]
fn tape_and_tree_agree_on_every_preset() {
    for p in presets::all() {
        let f = Function::parse(p.expr).unwrap_or_else(|e| panic!("{}: {e}", p.name));
        let [x0, x1, y0, y1] = p.view;
        // A 17×17 grid over the preset's view (its centre and edges included) and the points.
        let grid = (0..17 * 17).map(|k| {
            let (i, j) = ((k % 17) as f64 / 16.0, (k / 17) as f64 / 16.0);
            (x0 + i * (x1 - x0), y0 + j * (y1 - y0))
        });
        for (x, y) in grid.chain(POINTS) {
            agree(&f, p.name, x, y);
        }
    }
}

#[test]
fn tape_and_tree_agree_on_hostile_formulas() {
    let mut partly = 0;
    for text in HOSTILE {
        let f = Function::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        for (x, y) in POINTS {
            agree(&f, text, x, y);
            let c = f.eval_each(x, y);
            partly += usize::from(c[0].is_some() && c[1..].iter().any(Option::is_none));
        }
    }
    // The table reaches points where f is defined and its gradient is not (cusps, 0^x).
    assert!(partly > 0, "no point with f defined and ∇f undefined");
}

#[test]
fn tape_and_tree_agree_on_random_trees() {
    let mut runner = TestRunner::new(Config {
        rng_seed: RngSeed::Fixed(SEED),
        ..Config::default()
    });
    let strategy = common::expr(4);
    let (mut defined, mut total) = (0usize, 0usize);
    for _ in 0..500 {
        let tree = strategy.new_tree(&mut runner).expect("a tree").current();
        let f = Function::from_expr(String::new(), Vars::default(), tree);
        let what = f.formulas()[0].clone();
        for (x, y) in POINTS {
            agree(&f, &what, x, y);
            total += 1;
            defined += usize::from(f.eval_each(x, y)[0].is_some());
        }
    }
    // Not a table of undefined points: most random f are defined at most of the points.
    assert!(defined * 2 > total, "only {defined} of {total} defined");
}

/// The points (as bits) and the final status of a path from `start` driven by `eval`.
fn walk(
    eval: &mut impl Evaluator,
    start: (f64, f64),
    optimizer: Optimizer,
    lr: f64,
    steps: u32,
) -> (Vec<[u64; 5]>, String) {
    let mut path = Path::new(start, optimizer, Hyper::new(lr), eval);
    path.run(eval, steps as usize, 1e-6);
    let points = path
        .points
        .iter()
        .map(|q| [q.x, q.y, q.f, q.dfdx, q.dfdy].map(f64::to_bits))
        .collect();
    (points, path.status.to_string())
}

#[test]
fn descent_paths_are_the_same_by_tape_and_by_tree() {
    for p in presets::all() {
        // A data preset's function is its loss over its bundled points.
        let f = p.function().unwrap_or_else(|e| panic!("{}: {e}", p.name));
        let start = (p.start[0], p.start[1]);
        for optimizer in Optimizer::ALL {
            let by_tape = walk(&mut f.tape_with_hessian(), start, optimizer, p.lr, p.steps);
            let by_tree = walk(&mut f.tree(), start, optimizer, p.lr, p.steps);
            assert!(by_tape.0.len() > 1, "{} {optimizer}: no step taken", p.name);
            assert_eq!(by_tape, by_tree, "{} with {optimizer}", p.name);
        }
    }
}

//! The Hessian: second partials of random expressions match central differences of the exact
//! gradient, the mixed partials agree (in value, and in print for smooth lesson functions),
//! and `gradfield diff --hessian` prints them with the head's names.

mod common;

use common::difference::{check, Check};
use common::{close, expr, gradfield, POINTS};
use gradfield::expr::ast::Var;
use gradfield::expr::eval::eval;
use gradfield::expr::simplify::for_reading;
use gradfield::expr::{diff, print, Function, Vars};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngSeed, TestRunner};

/// The random cases are the same on every run.
const SEED: u64 = 0x6865_7373_6961_6e21;

#[test]
fn random_hessians_match_central_differences_of_the_gradient() {
    let mut runner = TestRunner::new(Config {
        rng_seed: RngSeed::Fixed(SEED),
        ..Config::default()
    });
    let strategy = expr(3);
    let (mut agreed, mut total, mut symmetric) = (0usize, 0usize, 0usize);
    for _ in 0..400 {
        let node = strategy.new_tree(&mut runner).expect("a tree").current();
        let f = Function::from_expr(String::new(), Vars::default(), node);
        let [xx, xy, yy] = f.hessian().clone();
        let yx = diff::derivative(&f.dfdy, Var::X);
        // Each second partial is checked as the derivative of the exact first partial.
        let cases = [
            (&f.dfdx, &xx, Var::X),
            (&f.dfdx, &xy, Var::Y),
            (&f.dfdy, &yy, Var::Y),
        ];
        for (x, y) in POINTS {
            for (d1, d2, v) in cases {
                total += 1;
                match check(d1, d2, v, x, y) {
                    Check::Agrees => agreed += 1,
                    Check::Skipped => {}
                    Check::Fails(m) => panic!(
                        "f = {}, first partial {}, second {}: {m}",
                        print::to_string(&f.f, &f.vars),
                        print::to_string(d1, &f.vars),
                        print::to_string(d2, &f.vars)
                    ),
                }
            }
            // Where both mixed partials are defined and moderate, they are equal.
            if let (Some(a), Some(b)) = (eval(&xy, x, y), eval(&yx, x, y)) {
                if a.abs().max(b.abs()) < 1e6
                    && matches!(check(&f.dfdx, &xy, Var::Y, x, y), Check::Agrees)
                {
                    assert!(
                        close(a, b, 1e-9, 1e-9),
                        "f = {}: f_xy = {a}, f_yx = {b} at ({x}, {y})",
                        print::to_string(&f.f, &f.vars)
                    );
                    symmetric += 1;
                }
            }
        }
    }
    println!("random Hessians: {agreed} of {total} checks agreed; {symmetric} symmetric");
    assert!(agreed * 2 > total, "only {agreed} of {total} checked");
    assert!(symmetric > 500, "only {symmetric} mixed partials compared");
}

#[test]
fn mixed_partials_of_smooth_functions_print_alike() {
    for text in [
        "x^2 + 3*x*y + y^2",
        "x^3*y^2 - 4*x*y",
        "sin(x*y)",
        "exp(x)*cos(y)",
        "(1 - x)^2 + 100*(y - x^2)^2",
        "x*exp(-x^2 - y^2)",
        "ln(1 + x^2 + y^2)",
        "sigmoid(x + 2*y)",
    ] {
        let f = Function::parse(text).unwrap();
        let yx = for_reading(&diff::derivative(&f.dfdy, Var::X));
        assert_eq!(
            f.hessian_formulas(false)[1],
            print::to_string(&yx, &f.vars),
            "the mixed partials of {text}"
        );
    }
}

#[test]
fn diff_prints_the_second_partials_with_the_heads_names() {
    let out = gradfield(&["diff", "f(w, b) = w^2*b + 3*b^2", "--hessian"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "f = w^2*b + 3*b^2",
            "df/dw = 2*w*b",
            "df/db = w^2 + 6*b",
            "d2f/dw2 = 2*b",
            "d2f/dwdb = 2*w",
            "d2f/db2 = 6",
        ]
    );
    let pretty = gradfield(&["diff", "x^3 y", "--hessian", "--pretty"]);
    let text = String::from_utf8(pretty.stdout).unwrap();
    assert!(text.contains("∂²f/∂x∂y = 3x²"), "{text}");
}

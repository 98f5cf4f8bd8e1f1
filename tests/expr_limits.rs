//! The limits of the expression language and the work it does on pathological input, bounded
//! without a clock (their times are measured in benches/cpu.rs): the length limit, nesting
//! depth, long flat sums as shallow trees, and derivatives of shared DAGs that stay small.

use gradfield::expr::ast::{self, Var};
use gradfield::expr::tape::Tape;
use gradfield::expr::{diff, parse, Expr, Function, Node, MAX_INPUT_CHARS};

#[test]
fn input_length_is_limited() {
    let long = "x+".repeat(5000) + "x";
    let e = parse(&long).expect_err("too long");
    assert_eq!(
        e.message,
        "input is too long: 10001 characters (the limit is 10000)"
    );
    let ok = "x+".repeat(4999) + "x";
    assert!(parse(&ok).is_ok(), "10,000 characters are allowed");
}

/// Each pathological input fails (or parses) without overflowing the stack, and an input
/// over the length limit without being lexed.
#[test]
fn deep_nesting_is_refused_without_recursion_blowup() {
    let deep = "expression is nested too deeply (more than 200 levels)";
    let cases = [
        "(".repeat(100_000),
        "-".repeat(100_000) + "x",
        "x^".repeat(50_000) + "x",
        "(".repeat(9_999),
        "-".repeat(9_999) + "x",
        "x^".repeat(4_999) + "x",
        "sin(".repeat(2_000) + "x",
        "+-".repeat(4_000) + "x",
    ];
    // Where the 201st level starts: the 201st '(' or sign, the 201st '^' (column 402), the
    // 201st 'sin(' parenthesis (column 804).
    let columns = [0, 0, 0, 201, 201, 402, 804, 201];
    for (i, src) in cases.iter().enumerate() {
        let e = parse(src).expect_err("refused");
        if src.chars().count() <= MAX_INPUT_CHARS {
            assert_eq!(e.message, deep, "case {i}");
            assert_eq!(e.column, columns[i], "case {i}");
        } else {
            // Refused by its length before it is lexed: no work on the nesting at all (the
            // time is measured in benches/cpu.rs, `parse/refuse …`).
            assert!(e.message.starts_with("input is too long"), "case {i}: {e}");
        }
    }
    // 200 levels are fine, and the function built from them differentiates and prints.
    let fine = [
        "(".repeat(199) + "x" + &")".repeat(199),
        "sin(".repeat(199) + "x" + &")".repeat(199),
        "x^(".repeat(99) + "y" + &")".repeat(99),
        "(x + y*".repeat(99) + "x" + &")".repeat(99),
        "-".repeat(199) + "x",
    ];
    for src in fine {
        let f = Function::parse(&src).unwrap_or_else(|e| panic!("{e}"));
        let printed = f.formulas();
        assert!(printed.iter().all(|p| !p.is_empty()));
        let _ = f.eval(0.5, 0.25);
    }
}

/// The depth of a tree (a leaf is 1).
fn depth(n: &Node) -> usize {
    1 + match &**n {
        Expr::Num(_) | Expr::Var(_) => 0,
        Expr::Neg(a) => depth(a),
        Expr::Binary(_, a, b) => depth(a).max(depth(b)),
        Expr::Call(_, args) => args.iter().map(depth).max().unwrap_or(0),
    }
}

#[test]
fn long_flat_input_builds_a_shallow_tree() {
    let src = "x*y+".repeat(2499) + "x";
    let f = Function::parse(&src).expect("parses");
    // A sum of 2500 terms is a balanced tree, not a chain 2500 deep: measured depth 19 for f
    // (2·log2(2500) ≈ 23 allowed), and its identical halves compile once (measured 38 tape
    // instructions for f and ∇f). The parse time is measured in benches/cpu.rs.
    assert!(depth(&f.f) <= 23, "depth {}", depth(&f.f));
    assert!(
        f.compile().grad.len() <= 38,
        "{} instructions",
        f.compile().grad.len()
    );
    let [_, dx, dy] = f.formulas();
    assert_eq!((dx.as_str(), dy.as_str()), ("2499*y + 1", "2499*x"));
    // f = 2499·x·y + x at (1, 2).
    assert_eq!(f.eval(1.0, 2.0), Some([4999.0, 4999.0, 2499.0]));
}

#[test]
fn derivative_of_a_shared_dag_stays_small() {
    // f_{k+1} = f_k * f_k shares f_k; 60 levels would be 2^60 nodes if copied.
    let mut f: Node = ast::add(ast::var(Var::X), ast::num(0.5));
    for _ in 0..60 {
        f = ast::mul(f.clone(), f);
    }
    let d = diff::derivative(&f, Var::X);
    // Work done, without a clock: the derivative keeps the sharing, so its compiled tape
    // (shared subexpressions once) grows polynomially with the levels, not as 2^levels:
    // measured 434 instructions at 30 levels and 1184 at 60. A copied tree would not finish.
    // The time is in benches/cpu.rs (`derivative/shared 60 levels`).
    let ops = Tape::new(std::slice::from_ref(&d)).len();
    assert!(ops <= 1200, "{ops} instructions");
    assert!(
        !matches!(*d, Expr::Num(_)),
        "the derivative is not constant"
    );
}

//! Holding one variable at a number: f(x, y₀) as a tree of x alone (the slices' formulas),
//! with the number substituted for the variable everywhere and the result simplified.

use super::ast::{self, Expr, Node, Var};
use super::simplify;
use std::collections::HashMap;
use std::sync::Arc;

/// `node` with every occurrence of `var` replaced by the number `value` (not simplified).
/// Subtrees without `var` are shared, not copied; work is memoized by node address, so a
/// shared DAG stays linear. A value that is not finite is not substituted: `node` comes back.
pub fn substitute(node: &Node, var: Var, value: f64) -> Node {
    if !value.is_finite() {
        return node.clone();
    }
    let value = ast::num(value);
    rename(node, &|v| (v == var).then(|| value.clone()))
}

/// `node` with every variable `v` for which `map(v)` is `Some(n)` replaced by `n` (not
/// simplified), shared subtrees kept shared (memoized by node address).
pub fn rename(node: &Node, map: &dyn Fn(Var) -> Option<Node>) -> Node {
    let mut memo = HashMap::new();
    replace(node, map, &mut memo)
}

/// [`substitute`], then simplified keeping the domain ([`simplify::simplify`]): the tree that
/// may be evaluated in place of f at `var` = `value`.
pub fn substituted(node: &Node, var: Var, value: f64) -> Node {
    simplify::simplify(&substitute(node, var, value))
}

/// [`substitute`], then simplified for reading ([`simplify::for_reading`]): what is printed
/// (`x^2*y + y^3` at y = 2 is `2*x^2 + 8`).
pub fn substituted_for_reading(node: &Node, var: Var, value: f64) -> Node {
    simplify::for_reading(&substituted(node, var, value))
}

fn replace(
    node: &Node,
    map: &dyn Fn(Var) -> Option<Node>,
    memo: &mut HashMap<*const Expr, Node>,
) -> Node {
    let key = Arc::as_ptr(node);
    if let Some(r) = memo.get(&key) {
        return r.clone();
    }
    let r = match &**node {
        Expr::Num(_) => node.clone(),
        Expr::Var(v) => map(*v).unwrap_or_else(|| node.clone()),
        Expr::Neg(a) => {
            let na = replace(a, map, memo);
            if Arc::ptr_eq(&na, a) {
                node.clone()
            } else {
                ast::neg(na)
            }
        }
        Expr::Binary(op, a, b) => {
            let (na, nb) = (replace(a, map, memo), replace(b, map, memo));
            if Arc::ptr_eq(&na, a) && Arc::ptr_eq(&nb, b) {
                node.clone()
            } else {
                ast::bin(*op, na, nb)
            }
        }
        Expr::Call(f, args) => {
            let new: Vec<Node> = args.iter().map(|a| replace(a, map, memo)).collect();
            if new.iter().zip(args).all(|(n, a)| Arc::ptr_eq(n, a)) {
                node.clone()
            } else {
                Arc::new(Expr::Call(*f, new))
            }
        }
    };
    memo.insert(key, r.clone());
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::{eval::eval, parse, print};

    #[test]
    fn the_held_variable_becomes_a_number_everywhere() {
        let (vars, f) = parse("x^2*y + y^3").expect("parses");
        let g = substitute(&f, Var::Y, 2.0);
        assert_eq!(print::to_string(&g, &vars), "x^2*2 + 2^3");
        // A subtree without the variable is shared.
        let (_, h) = parse("sin(x) + y").expect("parses");
        let k = substitute(&h, Var::Y, 1.0);
        match (&*h, &*k) {
            (Expr::Binary(_, a, _), Expr::Binary(_, b, _)) => assert!(Arc::ptr_eq(a, b)),
            _ => panic!("a sum stays a sum"),
        }
        assert!(Arc::ptr_eq(&substitute(&h, Var::Y, f64::NAN), &h));
        assert_eq!(eval(&k, 0.5, 99.0), eval(&h, 0.5, 1.0));
    }
}

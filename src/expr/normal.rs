//! Normal forms for the simplifier: a sum as numeric coefficients times terms plus a
//! constant, a product as a coefficient times factors (with integer powers merged, in a
//! canonical order so that `sin(x)*cos(x)` and `cos(x)*sin(x)` are one term) over a
//! denominator; for reading, common factors of numerator and denominator cancel.
//! Flattening is capped ([`FLATTEN_LIMIT`]) so the work stays linear.

use super::ast::{self, BinOp, Expr, Node, Var};
use super::chain::chain;
use super::simplify::{droppable, key, num_of, representable, small_int};
use std::collections::HashMap;

/// Whether `v` is e or π, which products keep as factors.
fn named_constant(v: f64) -> bool {
    v == std::f64::consts::E || v == std::f64::consts::PI
}

/// At most this many terms or factors are gathered into one normal form; beyond that,
/// nested sums and products are kept whole.
pub(crate) const FLATTEN_LIMIT: usize = 64;

/// `(coefficient, rest)`: a node as a number times the rest (`None` when it is a number).
pub(crate) fn split_coef(n: &Node) -> (f64, Option<Node>) {
    match &**n {
        Expr::Num(c) => (*c, None),
        Expr::Neg(a) => {
            let (c, r) = split_coef(a);
            (-c, r)
        }
        Expr::Binary(BinOp::Mul, l, r) => match split_coef(l) {
            (c, None) => (c, Some(r.clone())),
            (c, Some(l2)) if c != 1.0 => (c, Some(ast::mul(l2, r.clone()))),
            _ => (1.0, Some(n.clone())),
        },
        Expr::Binary(BinOp::Div, top, d) => match split_coef(top) {
            (c, None) if c != 1.0 => (c, Some(ast::div(ast::num(1.0), d.clone()))),
            (c, Some(t2)) if c != 1.0 => (c, Some(ast::div(t2, d.clone()))),
            _ => (1.0, Some(n.clone())),
        },
        _ => (1.0, Some(n.clone())),
    }
}

/// `c · rest` with the coefficient written first (c > 0).
pub(crate) fn with_coef(c: f64, n: &Node) -> Node {
    if c == 1.0 {
        return n.clone();
    }
    match &**n {
        Expr::Num(v) if *v == 1.0 => ast::num(c),
        Expr::Binary(BinOp::Mul, l, r) => ast::mul(with_coef(c, l), r.clone()),
        Expr::Binary(BinOp::Div, t, d) => ast::div(with_coef(c, t), d.clone()),
        _ => ast::mul(ast::num(c), n.clone()),
    }
}

struct Sum {
    terms: Vec<(f64, Node)>,
    index: HashMap<String, usize>,
    constant: f64,
    gathered: usize,
}

impl Sum {
    fn push(&mut self, s: f64, n: &Node) {
        self.gathered += 1;
        let deep = self.gathered < FLATTEN_LIMIT;
        match &**n {
            Expr::Binary(BinOp::Add, a, b) if deep => {
                self.push(s, a);
                self.push(s, b);
                return;
            }
            Expr::Binary(BinOp::Sub, a, b) if deep => {
                self.push(s, a);
                self.push(-s, b);
                return;
            }
            Expr::Neg(a) if deep => return self.push(-s, a),
            _ => {}
        }
        let (c, rest) = split_coef(n);
        let c = s * c;
        match rest {
            None if representable(self.constant + c) => self.constant += c,
            None => self.terms.push((1.0, ast::num(c))),
            Some(rest) => match key(&rest) {
                Some(k) => match self.index.get(&k) {
                    Some(&i) if representable(self.terms[i].0 + c) => self.terms[i].0 += c,
                    _ => {
                        self.index.insert(k, self.terms.len());
                        self.terms.push((c, rest));
                    }
                },
                None => self.terms.push((c, rest)),
            },
        }
    }
}

/// Σ sᵢ·nᵢ in normal form. With `reading`, every term with coefficient 0 is left out (for
/// reading only: `0*ln(x)` is undefined for x ≤ 0, 0 is not).
pub(crate) fn sum(parts: &[(f64, Node)], reading: bool) -> Node {
    let mut s = Sum {
        terms: Vec::new(),
        index: HashMap::new(),
        constant: 0.0,
        gathered: 0,
    };
    for (sign, n) in parts {
        s.push(*sign, n);
    }
    let mut items: Vec<(f64, Node)> = s
        .terms
        .into_iter()
        .filter(|(c, rest)| *c != 0.0 || !(reading || droppable(rest)))
        .collect();
    if s.constant != 0.0 {
        items.push((s.constant, ast::num(1.0)));
    }
    // Start with a positive term where there is one: `1 - u` reads better than `-u + 1`.
    if let Some(i) = items.iter().position(|(c, _)| *c > 0.0) {
        let lead = items.remove(i);
        items.insert(0, lead);
    }
    let mut it = items.into_iter();
    let Some((c0, t0)) = it.next() else {
        return ast::num(0.0);
    };
    let first = if c0 < 0.0 {
        match num_of(&t0) {
            Some(_) => ast::num(c0),
            None => ast::neg(with_coef(-c0, &t0)),
        }
    } else {
        with_coef(c0, &t0)
    };
    let rest: Vec<(BinOp, Node)> = it
        .map(|(c, t)| {
            let op = if c < 0.0 { BinOp::Sub } else { BinOp::Add };
            (op, with_coef(c.abs(), &t))
        })
        .collect();
    chain(first, &rest)
}

#[derive(Default)]
struct Factors {
    list: Vec<(Node, i64)>,
    index: HashMap<String, usize>,
}

impl Factors {
    fn push(&mut self, n: &Node) {
        let (base, k) = match &**n {
            Expr::Binary(BinOp::Pow, b, e) => match num_of(e).and_then(small_int) {
                Some(k) => (b.clone(), k),
                None => (n.clone(), 1),
            },
            _ => (n.clone(), 1),
        };
        match key(&base) {
            Some(kb) => match self.index.get(&kb) {
                Some(&i) if self.list[i].1 + k <= 1024 => self.list[i].1 += k,
                _ => {
                    self.index.insert(kb, self.list.len());
                    self.list.push((base, k));
                }
            },
            None => self.list.push((base, k)),
        }
    }

    fn build(mut self) -> Option<Node> {
        // e and π, the symbols (parameters read first: a·x²) by index, x, then y, then calls
        // ordered by their structure (so that equal products are built alike and like terms
        // meet in `sum`: sin·cos and cos·sin), then the rest (sums, quotients) as they came,
        // which keeps shared subtrees shared.
        let rank = |n: &Node| match **n {
            Expr::Num(_) => (0, 0),
            Expr::Var(Var::Sym(k)) => (1, k),
            Expr::Var(Var::X) => (2, 0),
            Expr::Var(Var::Y) => (3, 0),
            Expr::Call(..) => (4, 0),
            _ => (5, 0),
        };
        self.list.sort_by_cached_key(|(b, _)| {
            let r = rank(b);
            (r, if r.0 == 4 { key(b) } else { None })
        });
        self.list.retain(|(_, k)| *k > 0);
        let mut nodes = self.list.into_iter().map(|(b, k)| {
            if k == 1 {
                b
            } else {
                ast::pow(b, ast::num(k as f64))
            }
        });
        let first = nodes.next()?;
        let rest: Vec<(BinOp, Node)> = nodes.map(|n| (BinOp::Mul, n)).collect();
        Some(chain(first, &rest))
    }
}

struct Product {
    coef: f64,
    dcoef: f64,
    num: Factors,
    den: Factors,
    gathered: usize,
}

impl Product {
    fn push(&mut self, n: &Node, top: bool) {
        self.gathered += 1;
        let deep = self.gathered < FLATTEN_LIMIT;
        match &**n {
            // e and π stay factors (`2*pi*x`, `e^2`), not digits in a coefficient.
            Expr::Num(c) if top && named_constant(*c) => self.num.push(n),
            Expr::Num(c) if named_constant(*c) => self.den.push(n),
            Expr::Num(c) if top => self.coef *= c,
            Expr::Num(c) => self.dcoef *= c,
            Expr::Neg(a) => {
                self.coef = -self.coef;
                self.push(a, top);
            }
            Expr::Binary(BinOp::Mul, a, b) if deep => {
                self.push(a, top);
                self.push(b, top);
            }
            // a/b in a numerator: b joins the denominator (same domain). A quotient in a
            // denominator stays whole: 1/(a/b) is undefined at b = 0, b/a is not.
            Expr::Binary(BinOp::Div, a, b) if deep && top => {
                self.push(a, true);
                self.push(b, false);
            }
            _ if top => self.num.push(n),
            _ => self.den.push(n),
        }
    }
}

/// Removes the factors that numerator and denominator share (`y/(x*y)` → `1/x`,
/// `x^3/x` → `x^2`). Only for reading: the cancelled form is defined where the shared
/// factor is 0, the uncancelled one is not.
fn cancel(num: &mut Factors, den: &mut Factors) {
    for (base, k) in den.list.iter_mut() {
        let Some(kb) = key(base) else { continue };
        if let Some(&i) = num.index.get(&kb) {
            let m = num.list[i].1.min(*k);
            num.list[i].1 -= m;
            *k -= m;
        }
    }
}

/// (Π nums) / (Π dens) in normal form; `None` when a coefficient would not be representable.
/// With `cancel_common`, shared factors of numerator and denominator cancel (for reading).
pub(crate) fn product(nums: &[Node], dens: &[Node], cancel_common: bool) -> Option<Node> {
    let mut p = Product {
        coef: 1.0,
        dcoef: 1.0,
        num: Factors::default(),
        den: Factors::default(),
        gathered: 0,
    };
    nums.iter().for_each(|n| p.push(n, true));
    dens.iter().for_each(|n| p.push(n, false));
    if p.dcoef == 0.0 || !representable(p.coef) || !representable(p.dcoef) {
        return None;
    }
    if cancel_common {
        cancel(&mut p.num, &mut p.den);
        p.den.list.retain(|(_, k)| *k > 0);
    }
    if p.dcoef < 0.0 {
        p.coef = -p.coef;
        p.dcoef = -p.dcoef;
    }
    let q = p.coef / p.dcoef;
    // 6x/2 → 3x and x/4 → 0.25x (exact), but 1/(2 sqrt(x)) stays as written.
    let exact = q.fract() == 0.0 || (p.den.list.is_empty() && p.dcoef.log2().fract() == 0.0);
    if p.dcoef != 1.0 && representable(q) && exact {
        p.coef = q;
        p.dcoef = 1.0;
    }
    let no_den = p.den.list.is_empty();
    let all_droppable = no_den && p.num.list.iter().all(|(b, _)| droppable(b));
    if p.coef == 0.0 && (cancel_common || all_droppable) {
        return Some(ast::num(0.0));
    }
    let negative = p.coef < 0.0;
    let top = match p.num.build() {
        Some(f) => with_coef(p.coef.abs(), &f),
        None => ast::num(p.coef.abs()),
    };
    let bottom = match p.den.build() {
        Some(f) => Some(with_coef(p.dcoef, &f)),
        None if p.dcoef != 1.0 => Some(ast::num(p.dcoef)),
        None => None,
    };
    let r = match bottom {
        Some(b) => ast::div(top, b),
        None => top,
    };
    Some(if negative { ast::neg(r) } else { r })
}

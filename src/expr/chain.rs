//! Builds chains such as `a + b - c + …` or `a * b / c * …` as trees of bounded depth: short
//! chains are left-associative (as written), long ones are split in halves so that a
//! 5,000-term sum is about 12 levels deep and no recursive consumer can overflow the stack.

use super::ast::{bin, BinOp, Node};

/// Chains up to this many operators are built left-associative, exactly as written.
pub(crate) const LINEAR_LIMIT: usize = 12;

fn inverse(op: BinOp) -> BinOp {
    match op {
        BinOp::Add => BinOp::Sub,
        BinOp::Sub => BinOp::Add,
        BinOp::Mul => BinOp::Div,
        BinOp::Div => BinOp::Mul,
        BinOp::Pow => BinOp::Pow,
    }
}

/// `first op₁ t₁ op₂ t₂ …` for operators of one precedence level (+/− or ×/÷).
pub(crate) fn chain(first: Node, rest: &[(BinOp, Node)]) -> Node {
    if rest.len() <= LINEAR_LIMIT {
        return rest
            .iter()
            .fold(first, |acc, (op, t)| bin(*op, acc, t.clone()));
    }
    let mid = rest.len() / 2;
    let left = chain(first, &rest[..mid]);
    let (op, head) = &rest[mid];
    let tail: Vec<(BinOp, Node)> = if matches!(op, BinOp::Sub | BinOp::Div) {
        rest[mid + 1..]
            .iter()
            .map(|(o, t)| (inverse(*o), t.clone()))
            .collect()
    } else {
        rest[mid + 1..].to_vec()
    };
    bin(*op, left, chain(head.clone(), &tail))
}

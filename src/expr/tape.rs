//! The compiled form of f and its gradient: a flat list of SSA instructions with shared
//! subexpressions computed once. The CPU descent paths evaluate it; the WGSL generator writes
//! one shader line per instruction.

use std::collections::HashMap;
use std::sync::Arc;

use super::ast::{BinOp, Expr, Func, Node, Var};
use super::data::Data;
use super::domain;

/// One SSA instruction; operands are indices of earlier instructions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    /// A literal (finite; undefined when beyond f32's range, as in `domain::check`).
    Const(f64),
    X,
    Y,
    /// Symbol k's value (a held variable or a parameter): [`Tape::syms`] on the CPU, the
    /// symbols' uniform on the GPU.
    Sym(u16),
    Neg(u32),
    Add(u32, u32),
    Sub(u32, u32),
    Mul(u32, u32),
    Div(u32, u32),
    /// a ^ n for a constant integer exponent (|n| ≤ `domain::MAX_INT_EXPONENT`).
    Powi(u32, i32),
    /// a ^ b for any other exponent.
    Powf(u32, u32),
    /// A built-in of one argument.
    Call1(Func, u32),
    /// A built-in of two arguments.
    Call2(Func, u32, u32),
}

impl Op {
    /// The earlier instructions this one reads (none, one or two).
    pub fn operands(&self) -> impl Iterator<Item = u32> {
        let (a, b) = match *self {
            Op::Const(_) | Op::X | Op::Y | Op::Sym(_) => (None, None),
            Op::Neg(a) | Op::Powi(a, _) | Op::Call1(_, a) => (Some(a), None),
            Op::Add(a, b)
            | Op::Sub(a, b)
            | Op::Mul(a, b)
            | Op::Div(a, b)
            | Op::Powf(a, b)
            | Op::Call2(_, a, b) => (Some(a), Some(b)),
        };
        [a, b].into_iter().flatten()
    }
}

/// Structural key for hash-consing: like [`Op`] but with literals compared by their bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    Const(u64),
    X,
    Y,
    Sym(u16),
    Neg(u32),
    Bin(u8, u32, u32),
    Powi(u32, i32),
    Call(Func, u32, u32),
}

fn key(op: Op) -> Key {
    match op {
        Op::Const(v) => Key::Const(v.to_bits()),
        Op::X => Key::X,
        Op::Y => Key::Y,
        Op::Sym(k) => Key::Sym(k),
        Op::Neg(a) => Key::Neg(a),
        Op::Add(a, b) => Key::Bin(0, a, b),
        Op::Sub(a, b) => Key::Bin(1, a, b),
        Op::Mul(a, b) => Key::Bin(2, a, b),
        Op::Div(a, b) => Key::Bin(3, a, b),
        Op::Powf(a, b) => Key::Bin(4, a, b),
        Op::Powi(a, n) => Key::Powi(a, n),
        Op::Call1(f, a) => Key::Call(f, a, u32::MAX),
        Op::Call2(f, a, b) => Key::Call(f, a, b),
    }
}

/// A compiled list of instructions and the indices of its roots (usually f, ∂f/∂x, ∂f/∂y).
#[derive(Debug, Clone, PartialEq)]
pub struct Tape {
    ops: Vec<Op>,
    roots: Vec<u32>,
    /// The values [`Op::Sym`] reads on the CPU (a missing one is undefined).
    syms: Vec<f64>,
    /// The points of a data loss: the roots are then one term, and evaluation gives their
    /// mean over the points (symbols 0 and 1 set to each point's xᵢ, yᵢ; see `expr::data`).
    data: Option<Arc<Data>>,
}

struct Builder {
    ops: Vec<Op>,
    by_key: HashMap<Key, u32>,
    by_ptr: HashMap<*const Expr, u32>,
}

impl Builder {
    fn push(&mut self, op: Op) -> u32 {
        let k = key(op);
        if let Some(&id) = self.by_key.get(&k) {
            return id;
        }
        let id = self.ops.len() as u32;
        self.ops.push(op);
        self.by_key.insert(k, id);
        id
    }

    /// Compiles `root` without recursion: a node is emitted once all its children have ids.
    fn compile(&mut self, root: &Node) -> u32 {
        let mut stack: Vec<(&Node, bool)> = vec![(root, false)];
        while let Some((node, children_done)) = stack.pop() {
            let ptr = Node::as_ptr(node);
            if self.by_ptr.contains_key(&ptr) {
                continue;
            }
            let children = children_of(node);
            if !children_done {
                stack.push((node, true));
                for c in children.iter().rev() {
                    if !self.by_ptr.contains_key(&Node::as_ptr(c)) {
                        stack.push((c, false));
                    }
                }
                continue;
            }
            let id_of = |n: &Node| self.by_ptr[&Node::as_ptr(n)];
            let op = match &**node {
                Expr::Num(v) => Op::Const(*v),
                Expr::Var(Var::X) => Op::X,
                Expr::Var(Var::Y) => Op::Y,
                Expr::Var(Var::Sym(k)) => Op::Sym(*k),
                Expr::Neg(a) => Op::Neg(id_of(a)),
                Expr::Binary(op, a, b) => {
                    let ia = id_of(a);
                    match op {
                        BinOp::Add => Op::Add(ia, id_of(b)),
                        BinOp::Sub => Op::Sub(ia, id_of(b)),
                        BinOp::Mul => Op::Mul(ia, id_of(b)),
                        BinOp::Div => Op::Div(ia, id_of(b)),
                        // The exponent was not compiled when it is an integer constant.
                        BinOp::Pow => match domain::constant_value(b) {
                            Some(n) if domain::is_int_exponent(n) => Op::Powi(ia, n as i32),
                            _ => Op::Powf(ia, id_of(b)),
                        },
                    }
                }
                Expr::Call(f, args) if args.len() == 2 => {
                    Op::Call2(*f, id_of(&args[0]), id_of(&args[1]))
                }
                Expr::Call(f, args) => Op::Call1(*f, id_of(&args[0])),
            };
            let id = self.push(op);
            self.by_ptr.insert(ptr, id);
        }
        self.by_ptr[&Node::as_ptr(root)]
    }
}

fn children_of(node: &Node) -> Vec<&Node> {
    match &**node {
        Expr::Num(_) | Expr::Var(_) => Vec::new(),
        Expr::Neg(a) => vec![a],
        Expr::Binary(BinOp::Pow, a, b) => match domain::constant_value(b) {
            // A constant integer exponent is folded into the instruction.
            Some(n) if domain::is_int_exponent(n) => vec![a],
            _ => vec![a, b],
        },
        Expr::Binary(_, a, b) => vec![a, b],
        Expr::Call(_, args) => args.iter().collect(),
    }
}

impl Tape {
    /// Compiles the roots (for example f, ∂f/∂x, ∂f/∂y) into one tape that shares every
    /// common subexpression between and within them.
    pub fn new(roots: &[Node]) -> Tape {
        let mut b = Builder {
            ops: Vec::new(),
            by_key: HashMap::new(),
            by_ptr: HashMap::new(),
        };
        let roots = roots.iter().map(|r| b.compile(r)).collect();
        Tape {
            ops: b.ops,
            roots,
            syms: Vec::new(),
            data: None,
        }
    }

    /// The same tape summing its roots, one term, over `data` (`None`: a plain function).
    pub fn with_data(mut self, data: Option<Arc<Data>>) -> Tape {
        self.data = data;
        self
    }

    /// The points the roots are averaged over, for a data loss.
    pub fn data(&self) -> Option<&Arc<Data>> {
        self.data.as_ref()
    }

    /// The same tape reading `values` for its symbols on the CPU.
    pub fn with_syms(mut self, values: &[f64]) -> Tape {
        self.syms = values.to_vec();
        self
    }

    /// The values the symbols take on the CPU.
    pub fn syms(&self) -> &[f64] {
        &self.syms
    }

    /// Number of instructions.
    pub fn len(&self) -> usize {
        self.ops.len()
    }

    /// True when the tape has no instruction (it was built from no roots).
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// The instructions, in evaluation order.
    pub fn ops(&self) -> &[Op] {
        &self.ops
    }

    /// The instruction index of each root, in the order given to [`Tape::new`].
    pub fn roots(&self) -> &[u32] {
        &self.roots
    }

    /// Evaluates every root at (x, y) into `out` (`out.len() == roots().len()`), with the
    /// rules of [`domain`]; false when the point is outside the domain of any root. `regs` is
    /// scratch space reused between calls so that evaluation does not allocate.
    pub(crate) fn eval_into(&self, x: f64, y: f64, regs: &mut Vec<f64>, out: &mut [f64]) -> bool {
        self.eval_into_with(x, y, &self.syms, regs, out)
    }

    /// One term's roots (the whole function unless it is a data loss).
    pub(super) fn term_into(
        &self,
        x: f64,
        y: f64,
        syms: &[f64],
        regs: &mut Vec<f64>,
        out: &mut [f64],
    ) -> bool {
        regs.clear();
        regs.reserve(self.ops.len());
        for op in &self.ops {
            let r = |i: u32| regs[i as usize];
            let v = match *op {
                Op::Const(c) => domain::check(c),
                Op::X => Some(x),
                Op::Y => Some(y),
                Op::Sym(k) => syms.get(k as usize).copied(),
                Op::Neg(a) => Some(-r(a)),
                Op::Add(a, b) => domain::add(r(a), r(b)),
                Op::Sub(a, b) => domain::sub(r(a), r(b)),
                Op::Mul(a, b) => domain::mul(r(a), r(b)),
                Op::Div(a, b) => domain::div(r(a), r(b)),
                Op::Powi(a, n) => domain::powi(r(a), n as f64),
                Op::Powf(a, b) => domain::powf(r(a), r(b)),
                Op::Call1(f, a) => domain::call(f, &[r(a)]),
                Op::Call2(f, a, b) => domain::call(f, &[r(a), r(b)]),
            };
            match v {
                Some(v) => regs.push(v),
                None => return false,
            }
        }
        for (o, &root) in out.iter_mut().zip(&self.roots) {
            *o = regs[root as usize];
        }
        true
    }

    /// Evaluates every root at (x, y) into `out` and says in `defined` whether each root is
    /// defined there: a root is defined when every instruction it depends on is, so f can be
    /// defined where a derivative is not (`(x^2)^0.5` at x = 0). An undefined root's `out` is
    /// 0. `regs` and `ok` are scratch space reused between calls.
    pub fn eval_each_into(
        &self,
        x: f64,
        y: f64,
        regs: &mut Vec<f64>,
        ok: &mut Vec<bool>,
        out: &mut [f64],
        defined: &mut [bool],
    ) {
        self.eval_rows_into(x, y, None, regs, ok, out, defined);
    }

    /// One term's roots, each with its definedness.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn term_each_into(
        &self,
        x: f64,
        y: f64,
        syms: &[f64],
        regs: &mut Vec<f64>,
        ok: &mut Vec<bool>,
        out: &mut [f64],
        defined: &mut [bool],
    ) {
        regs.clear();
        ok.clear();
        regs.reserve(self.ops.len());
        ok.reserve(self.ops.len());
        for op in &self.ops {
            let r = |i: u32| regs[i as usize];
            let k = |i: u32| ok[i as usize];
            let v = match *op {
                Op::Const(c) => domain::check(c),
                Op::X => Some(x),
                Op::Y => Some(y),
                Op::Sym(s) => syms.get(s as usize).copied(),
                Op::Neg(a) => k(a).then(|| -r(a)),
                Op::Add(a, b) => (k(a) && k(b)).then(|| domain::add(r(a), r(b))).flatten(),
                Op::Sub(a, b) => (k(a) && k(b)).then(|| domain::sub(r(a), r(b))).flatten(),
                Op::Mul(a, b) => (k(a) && k(b)).then(|| domain::mul(r(a), r(b))).flatten(),
                Op::Div(a, b) => (k(a) && k(b)).then(|| domain::div(r(a), r(b))).flatten(),
                Op::Powi(a, n) => k(a).then(|| domain::powi(r(a), n as f64)).flatten(),
                Op::Powf(a, b) => (k(a) && k(b)).then(|| domain::powf(r(a), r(b))).flatten(),
                Op::Call1(f, a) => k(a).then(|| domain::call(f, &[r(a)])).flatten(),
                Op::Call2(f, a, b) => (k(a) && k(b))
                    .then(|| domain::call(f, &[r(a), r(b)]))
                    .flatten(),
            };
            regs.push(v.unwrap_or(0.0));
            ok.push(v.is_some());
        }
        for ((o, d), &root) in out.iter_mut().zip(defined.iter_mut()).zip(&self.roots) {
            *o = regs[root as usize];
            *d = ok[root as usize];
        }
    }

    /// Evaluates a three-root tape (f, ∂f/∂x, ∂f/∂y) at (x, y); `None` outside the domain.
    pub fn eval(&self, x: f64, y: f64, regs: &mut Vec<f64>) -> Option<[f64; 3]> {
        let mut out = [0.0; 3];
        self.eval_into(x, y, regs, &mut out).then_some(out)
    }
}

#[cfg(test)]
#[path = "tape_tests.rs"]
mod tests;

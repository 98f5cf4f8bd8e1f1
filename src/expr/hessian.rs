//! Second partial derivatives: the Hessian ∇²f = [[f_xx, f_xy], [f_xy, f_yy]] of f along the
//! two axis variables, by differentiating the exact first partials again (simplified), and a
//! compiled tape of f, ∇f and ∇²f together for the CPU (Newton's method, the curvature at the
//! pin, the reference of the GPU's Hessian field).
//!
//! The mixed partial is ∂/∂y of ∂f/∂x. Where f is smooth it equals ∂/∂x of ∂f/∂y, and for the
//! functions people type the simplifier prints the two alike (`tests/hessian.rs` checks both).

use super::ast::{Node, Var};
use super::tape::Tape;
use super::{diff, display, print, simplify, Function};

/// f, ∂f/∂x, ∂f/∂y, ∂²f/∂x², ∂²f/∂x∂y, ∂²f/∂y² at one point, each `None` where undefined
/// (a derivative counts only where f is defined).
pub type HessianChannels = [Option<f64>; 6];

impl Function {
    /// The three distinct second partials [f_xx, f_xy, f_yy] along the axis variables,
    /// simplified (differentiated once, on first use, then kept).
    pub fn hessian(&self) -> &[Node; 3] {
        self.hessian.get_or_init(|| {
            [
                diff::derivative(&self.dfdx, Var::X),
                diff::derivative(&self.dfdx, Var::Y),
                diff::derivative(&self.dfdy, Var::Y),
            ]
        })
    }

    /// The names of the second partials with the function's variable names:
    /// `["d2f/dx2", "d2f/dxdy", "d2f/dy2"]`, or `∂²f/∂x²`… for `display`.
    pub fn hessian_names(&self, display: bool) -> [String; 3] {
        let (x, y) = (&self.vars.x, &self.vars.y);
        if display {
            [
                format!("∂²f/∂{x}²"),
                format!("∂²f/∂{x}∂{y}"),
                format!("∂²f/∂{y}²"),
            ]
        } else {
            [
                format!("d2f/d{x}2"),
                format!("d2f/d{x}d{y}"),
                format!("d2f/d{y}2"),
            ]
        }
    }

    /// The second partials printed for reading, in gradfield's syntax (text that parses
    /// again) or the display form.
    pub fn hessian_formulas(&self, display: bool) -> [String; 3] {
        self.hessian().clone().map(|n| {
            let n = simplify::for_reading(&n);
            if display {
                display::to_display(&n, &self.vars)
            } else {
                print::to_string(&n, &self.vars)
            }
        })
    }

    /// f, ∇f and ∇²f compiled to one tape with six roots (shared subexpressions evaluated
    /// once), reading the function's current symbol values.
    pub fn hessian_tape(&self) -> HessianTape {
        let [xx, xy, yy] = self.hessian().clone();
        let roots = [
            self.f.clone(),
            self.dfdx.clone(),
            self.dfdy.clone(),
            xx,
            xy,
            yy,
        ];
        HessianTape {
            tape: Tape::new(&roots)
                .with_syms(&self.values)
                .with_data(self.data.clone()),
            regs: Vec::new(),
            ok: Vec::new(),
        }
    }

    /// f, ∇f and ∇²f at (x, y) by the reference trees, channel by channel.
    pub fn hessian_at(&self, x: f64, y: f64) -> HessianChannels {
        let [xx, xy, yy] = self.hessian();
        let roots = [&self.f, &self.dfdx, &self.dfdy, xx, xy, yy];
        self.reference_roots(&roots, x, y, None)
    }
}

/// The compiled f, ∇f, ∇²f of a function with scratch space: evaluating allocates nothing.
#[derive(Debug, Clone)]
pub struct HessianTape {
    tape: Tape,
    regs: Vec<f64>,
    ok: Vec<bool>,
}

impl HessianTape {
    /// The six channels at (x, y), each `None` where undefined or where f is.
    pub fn channels(&mut self, x: f64, y: f64) -> HessianChannels {
        self.channels_over(x, y, None)
    }

    /// [`HessianTape::channels`] of a data loss averaged over `rows` only (`None`: all).
    pub fn channels_over(&mut self, x: f64, y: f64, rows: Option<&[u32]>) -> HessianChannels {
        let (mut out, mut defined) = ([0.0; 6], [false; 6]);
        self.tape.eval_rows_into(
            x,
            y,
            rows,
            &mut self.regs,
            &mut self.ok,
            &mut out,
            &mut defined,
        );
        let f_defined = defined[0];
        std::array::from_fn(|k| (defined[k] && f_defined).then_some(out[k]))
    }

    /// The tape (for the WGSL generator).
    pub fn tape(&self) -> &Tape {
        &self.tape
    }
}

#[cfg(test)]
mod tests {
    use crate::expr::Function;

    #[test]
    fn second_partials_of_a_polynomial_print_exactly() {
        let f = Function::parse("x^3 + 3*x*y^2 - y").unwrap();
        assert_eq!(f.hessian_formulas(false), ["6*x", "6*y", "6*x"]);
        assert_eq!(f.hessian_names(false), ["d2f/dx2", "d2f/dxdy", "d2f/dy2"]);
        let at = f.hessian_at(2.0, -1.0);
        assert_eq!(
            at.map(|c| c.unwrap()),
            [15.0, 15.0, -13.0, 12.0, -6.0, 12.0]
        );
    }

    #[test]
    fn the_tape_agrees_with_the_trees_and_keeps_definedness() {
        let f = Function::parse("ln(x) * y^2").unwrap();
        let mut tape = f.hessian_tape();
        for &(x, y) in &[(0.5, 2.0), (3.0, -1.5), (-1.0, 1.0)] {
            assert_eq!(tape.channels(x, y), f.hessian_at(x, y), "at ({x}, {y})");
        }
        assert!(tape.channels(-1.0, 1.0).iter().all(Option::is_none));
    }
}

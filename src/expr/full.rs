//! f and every partial of ∇f at a point of all the variables (axis and held, in the head's
//! order): what descent in all variables, the read-outs of the full gradient and the CSV
//! columns of held variables evaluate. A compiled tape; the held variables' values are the
//! point's coordinates, the parameters' the function's values.

use super::ast::Var;
use super::tape::Tape;
use super::Function;

/// The compiled f and partials of a function, with scratch space (evaluating allocates
/// nothing).
#[derive(Debug, Clone)]
pub struct FullGradient {
    tape: Tape,
    /// The variables in ∇f's order.
    order: Vec<Var>,
    /// The function's values of its symbols (where [`FullGradient::theta_at`] holds them).
    values: Vec<f64>,
    /// Scratch: the parameters' values, the held variables' of the point being evaluated.
    syms: Vec<f64>,
    regs: Vec<f64>,
    out: Vec<f64>,
}

impl FullGradient {
    /// The tape of f and its partials in `function.vars.variables()` order.
    pub fn new(function: &Function) -> FullGradient {
        let partials = function.partials();
        let order = partials.iter().map(|(v, _)| *v).collect();
        let mut roots = vec![function.f.clone()];
        roots.extend(partials.into_iter().map(|(_, d)| d));
        let n = roots.len();
        FullGradient {
            tape: Tape::new(&roots),
            order,
            values: function.values.clone(),
            syms: function.values.clone(),
            regs: Vec::new(),
            out: vec![0.0; n],
        }
    }

    /// How many variables f has.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// Always false: a function has at least its two axis variables.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The point of all variables at (x, y) on the axes, the held variables at their values.
    pub fn theta_at(&self, x: f64, y: f64) -> Vec<f64> {
        self.order
            .iter()
            .map(|v| match *v {
                Var::X => x,
                Var::Y => y,
                Var::Sym(k) => self.values.get(k as usize).copied().unwrap_or(f64::NAN),
            })
            .collect()
    }

    /// Where the axis variables sit in `theta`: (index of x, index of y).
    pub fn axis_index(&self) -> (usize, usize) {
        let at = |w: Var| self.order.iter().position(|v| *v == w).unwrap_or(0);
        (at(Var::X), at(Var::Y))
    }

    /// f and ∇f (one partial per variable, in order) at `theta`; `None` where any is
    /// undefined or `theta` has the wrong length.
    pub fn eval(&mut self, theta: &[f64]) -> Option<(f64, &[f64])> {
        if theta.len() != self.order.len() {
            return None;
        }
        let (mut x, mut y) = (0.0, 0.0);
        for (v, &t) in self.order.iter().zip(theta) {
            match *v {
                Var::X => x = t,
                Var::Y => y = t,
                Var::Sym(k) => {
                    if let Some(s) = self.syms.get_mut(k as usize) {
                        *s = t;
                    }
                }
            }
        }
        let ok = self
            .tape
            .eval_into_with(x, y, &self.syms, &mut self.regs, &mut self.out);
        ok.then(|| (self.out[0], &self.out[1..]))
    }
}

#[cfg(test)]
mod tests {
    use crate::expr::Function;

    #[test]
    fn the_full_gradient_of_a_linear_function_is_its_coefficients_everywhere() {
        let f = Function::parse("f(x, y, z) = 2x - 3y + 5z").unwrap();
        let mut g = super::FullGradient::new(&f);
        for theta in [[0.0, 0.0, 0.0], [1.5, -2.0, 7.0], [-40.0, 3.0, 0.25]] {
            let (v, grad) = g.eval(&theta).unwrap();
            assert_eq!(grad, [2.0, -3.0, 5.0]);
            assert_eq!(v, 2.0 * theta[0] - 3.0 * theta[1] + 5.0 * theta[2]);
        }
        assert_eq!(g.theta_at(4.0, 5.0), [4.0, 5.0, 1.0]);
        assert!(g.eval(&[1.0, 2.0]).is_none());
    }

    #[test]
    fn axes_change_which_coordinates_are_on_the_plot_not_the_order_of_the_gradient() {
        let f = Function::parse("f(x, y, z) = x^2 y + z^3")
            .unwrap()
            .with_axes("z", "x")
            .unwrap();
        let mut g = super::FullGradient::new(&f);
        assert_eq!(g.axis_index(), (2, 0));
        let (v, grad) = g.eval(&[2.0, 3.0, 1.0]).unwrap();
        assert_eq!(v, 13.0);
        assert_eq!(grad, [12.0, 4.0, 3.0]);
    }
}

//! Choosing which two variables of f are on the axes (`--axes x,z`, the panel's picker):
//! the same function with its variables renumbered, every other variable held.

use super::ast::{self, SymKind, Symbol, Var, Vars};
use super::function::DEFAULT_SYMBOL_VALUE;
use super::substitute::rename;
use super::Function;

/// `function` with the variables named `a` and `b` on the horizontal and vertical axes; the
/// caller has checked that both are distinct variables of f. A held variable keeps its value,
/// a variable that leaves an axis is held at [`DEFAULT_SYMBOL_VALUE`], parameters keep theirs.
pub(crate) fn with_axes(function: &Function, a: &str, b: &str) -> Function {
    let old = &function.vars;
    let declared = old.variables();
    let mut vars = Vars::new(a, b);
    let mut values = Vec::new();
    let mut map: Vec<(Var, Var)> = Vec::new();
    let old_value = |v: Var| match v {
        Var::Sym(k) => function.values.get(k as usize).copied(),
        _ => None,
    };
    for &v in &declared {
        let name = old.name(v);
        let new = if name == a {
            Var::X
        } else if name == b {
            Var::Y
        } else {
            vars.syms.push(Symbol {
                name: name.to_string(),
                kind: SymKind::Held,
            });
            values.push(old_value(v).unwrap_or(DEFAULT_SYMBOL_VALUE));
            Var::Sym((vars.syms.len() - 1) as u16)
        };
        map.push((v, new));
    }
    for p in old.params() {
        vars.syms.push(Symbol {
            name: old.name(p).to_string(),
            kind: SymKind::Param,
        });
        values.push(old_value(p).unwrap_or(DEFAULT_SYMBOL_VALUE));
        map.push((p, Var::Sym((vars.syms.len() - 1) as u16)));
    }
    vars.order = declared
        .iter()
        .map(|v| map.iter().find(|(o, _)| o == v).map_or(*v, |(_, n)| *n))
        .collect();
    let f = rename(&function.f, &|v| {
        map.iter().find(|(o, _)| *o == v).map(|(_, n)| ast::var(*n))
    });
    let mut out = Function::from_expr(function.source.clone(), vars, f);
    out.values = values;
    out
}

#[cfg(test)]
mod tests {
    use crate::expr::Function;

    #[test]
    fn axes_move_a_held_variable_onto_the_plot_and_hold_the_one_that_left() {
        let mut f = Function::parse("f(x, y, z) = x^2 y + 5z").unwrap();
        assert!(f.set_value("z", 3.0));
        let g = f.with_axes("x", "z").unwrap();
        assert_eq!((g.vars.x.as_str(), g.vars.y.as_str()), ("x", "z"));
        assert_eq!(g.value_of("y"), Some(1.0));
        // f(2, 1, 3) = 4 + 15, the same point reached through the new axes.
        let at = g.eval(2.0, 3.0).unwrap();
        assert_eq!(at[0], 19.0);
        assert_eq!(at[2], 5.0, "∂f/∂z is now the vertical partial");
        assert_eq!(g.vars.variable_names(), ["x", "y", "z"]);
        assert!(f.with_axes("x", "x").unwrap_err().contains("twice"));
        assert!(f.with_axes("x", "w").unwrap_err().contains("'w'"));
    }
}

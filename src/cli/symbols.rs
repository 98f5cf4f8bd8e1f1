//! `--set NAME=VALUE` and `--axes NAME,NAME`, on every command that evaluates: which two
//! variables are on the axes and the values the parameters and held variables take.

use clap::Args;

use crate::error::{Error, Result};
use crate::expr::Function;
use crate::numfmt::quote;

/// The flags that choose the axes and set the symbols.
#[derive(Debug, Clone, Default, Args)]
pub struct SymbolArgs {
    /// Give a parameter or a held variable a value, e.g. --set a=2 --set z=0.5 (repeat for
    /// several); one that is not set is 1.
    #[arg(long = "set", value_name = "NAME=VALUE", value_parser = parse_set, allow_hyphen_values = true)]
    pub set: Vec<(String, f64)>,
    /// The two variables on the horizontal and vertical axes, e.g. --axes x,z for
    /// f(x, y, z); the others are held (default: the first two of the head).
    #[arg(long, value_name = "NAME,NAME", value_parser = parse_axes)]
    pub axes: Option<(String, String)>,
}

/// Parses `NAME=VALUE` with a finite value.
pub(crate) fn parse_set(s: &str) -> std::result::Result<(String, f64), String> {
    let q = quote(s);
    let (name, value) = s
        .split_once('=')
        .ok_or_else(|| format!("{q} is not NAME=VALUE, e.g. a=2"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("{q}: the name before '=' is missing"));
    }
    let v: f64 = value
        .trim()
        .parse()
        .map_err(|_| format!("{q}: {} is not a number", quote(value.trim())))?;
    if !v.is_finite() {
        return Err(format!("{q}: the value must be a finite number"));
    }
    Ok((name.to_string(), v))
}

/// Parses `NAME,NAME`: two different names.
pub(crate) fn parse_axes(s: &str) -> std::result::Result<(String, String), String> {
    let q = quote(s);
    let (a, b) = s
        .split_once(',')
        .ok_or_else(|| format!("{q} is not NAME,NAME, e.g. x,z"))?;
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() || b.is_empty() || b.contains(',') {
        return Err(format!("{q} is not two names NAME,NAME, e.g. x,z"));
    }
    if a == b {
        return Err(format!(
            "{q} names '{a}' twice: the axes need two different variables"
        ));
    }
    Ok((a.to_string(), b.to_string()))
}

/// Reads the function from EXPR or --preset, with the axes and values of --axes and --set.
pub(crate) fn resolve_args(args: &super::FunctionArgs) -> Result<super::Resolved> {
    let r = match args.data.source()? {
        Some(source) => super::Resolved {
            function: source.load()?.0,
            preset: None,
            data: Some(source),
        },
        None => super::resolve(args.expr.as_deref(), args.preset.as_deref())?,
    };
    Ok(super::Resolved {
        function: apply(r.function, &args.symbols)?,
        preset: r.preset,
        data: r.data,
    })
}

/// `function` with the axes and values of `args`; an axis that is not a variable of f or a
/// `--set` of a name f does not hold is bad input naming the flag.
pub(crate) fn apply(function: Function, args: &SymbolArgs) -> Result<Function> {
    let mut f = match &args.axes {
        Some((a, b)) => function
            .with_axes(a, b)
            .map_err(|e| Error::Input(format!("--axes: {e}")))?,
        None => function,
    };
    for (name, value) in &args.set {
        if !f.set_value(name, *value) {
            return Err(Error::Input(format!(
                "--set {name}: {}",
                not_held(&f, name)
            )));
        }
    }
    Ok(f)
}

/// Why `name` cannot be set: on an axis, or not in f at all (with what f does have).
fn not_held(f: &Function, name: &str) -> String {
    if name == f.vars.x || name == f.vars.y {
        return format!(
            "'{name}' is on an axis; --set holds parameters and held variables (choose the axes with --axes)"
        );
    }
    let held: Vec<&str> = f.vars.syms.iter().map(|s| s.name.as_str()).collect();
    if held.is_empty() {
        format!("this function has no parameter or held variable named '{name}' (it has none)")
    } else {
        format!(
            "this function has no parameter or held variable named '{name}' (it has {})",
            held.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_axes_values_are_checked_where_they_are_typed() {
        assert_eq!(parse_set("a=2"), Ok(("a".into(), 2.0)));
        assert_eq!(parse_set(" alpha = -0.5 "), Ok(("alpha".into(), -0.5)));
        for bad in ["a", "=2", "a=x", "a=NaN", "a=inf", "a=-infinity", "a="] {
            assert!(parse_set(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_axes("x,z"), Ok(("x".into(), "z".into())));
        for bad in ["x", "x,x", ",z", "x,y,z", "x,"] {
            assert!(parse_axes(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn apply_holds_names_the_function_has_and_refuses_others() {
        let f = Function::parse("a x^2 + b y^2").unwrap();
        let args = SymbolArgs {
            set: vec![("a".into(), 3.0)],
            axes: None,
        };
        let g = apply(f.clone(), &args).unwrap();
        assert_eq!(g.value_of("a"), Some(3.0));
        assert_eq!(g.value_of("b"), Some(1.0));
        for (name, says) in [("q", "(it has a, b)"), ("x", "on an axis")] {
            let args = SymbolArgs {
                set: vec![(name.into(), 1.0)],
                axes: None,
            };
            let e = apply(f.clone(), &args).unwrap_err().to_string();
            assert!(e.contains(says) && e.contains("--set"), "{e}");
        }
        let args = SymbolArgs {
            set: vec![],
            axes: Some(("x".into(), "w".into())),
        };
        let e = apply(f, &args).unwrap_err().to_string();
        assert!(e.contains("--axes") && e.contains("'w'"), "{e}");
    }
}

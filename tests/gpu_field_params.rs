//! The GPU field of functions with parameters and held variables against the f64 reference
//! at several of their values (the tolerance of `gpu_field.rs`: twice the running error
//! bound, a symbol's value rounded to f32 counted in it), and a slider's move: new values
//! reach the shader as a uniform, so the pass keeps its pipeline.

mod common_gpu;

use common_gpu::compare::{check, Stats};
use common_gpu::{gpu, random_expr, Rng};
use gradfield::expr::ast::{self, SymKind, Symbol, Var, Vars};
use gradfield::expr::substitute::rename;
use gradfield::expr::Function;
use gradfield::gpu::field::{function_tapes, FieldPass};
use gradfield::View;

/// Formulas with parameters (a, b, k, σ, α) and held variables, the values each symbol takes
/// in turn: a domain that moves with a value (ln(a + x)) and one that vanishes (sqrt(-k²…)).
/// Values of some symbols, set together.
type Setting = &'static [(&'static str, f64)];

const CASES: &[(&str, &[Setting])] = &[
    (
        "a x^2 + b y^2",
        &[&[("a", 1.0), ("b", 1.0)], &[("a", -2.5), ("b", 0.3)]],
    ),
    (
        "sin(k x) cos(k y) + alpha",
        &[
            &[("k", 1.0), ("alpha", 0.0)],
            &[("k", 7.25), ("alpha", -3.0)],
        ],
    ),
    (
        "f(x, y, z) = x^2 y + z sqrt(x)",
        &[&[("z", 2.0)], &[("z", -0.75)], &[("z", 1e-3)]],
    ),
    (
        "exp(-(x^2 + y^2) / σ^2)",
        &[&[("sigma", 1.0)], &[("sigma", 0.2)]],
    ),
    (
        "ln(a + x) y",
        &[&[("a", 0.0)], &[("a", 2.0)], &[("a", -1.5)]],
    ),
    (
        "f(w_1, w_2, b) = (w_1 + 2 w_2 + b - 1)^2",
        &[&[("b", 0.5)], &[("b", -4.0)]],
    ),
];

#[test]
fn fields_with_parameters_match_the_reference_at_each_value_without_a_new_pipeline() {
    let gpu = gpu();
    eprintln!("adapter: {}", gpu.adapter_summary());
    let view = View::new(-2.5, 2.5, -2.0, 2.0).expect("view");
    let mut st = Stats::default();
    for (text, settings) in CASES {
        let mut function = Function::parse(text).expect(text);
        let mut pass = FieldPass::for_function(&gpu.device, &function).expect("compiles");
        let built = pass.pipelines_built();
        for values in *settings {
            for (name, v) in *values {
                assert!(function.set_value(name, *v), "{text}: {name}");
            }
            let (grad, value) = function_tapes(&function);
            pass.set_function(&gpu.device, &grad, &value)
                .expect("same shader");
            let label = format!("{text} at {values:?}");
            check(&gpu, &mut pass, &function, &view, (48, 36), &label, &mut st);
            assert_eq!(
                pass.pipelines_built(),
                built,
                "{label}: a value change built a pipeline"
            );
        }
    }
    eprintln!("parameters: {st:?}");
    assert!(st.flips * 100 <= st.points, "{st:?}");
}

/// Random f(x, y) with y scaled by a parameter and x shifted by a held variable, each at
/// random values: f(x + z, a·y).
#[test]
fn random_fields_with_symbols_match_the_reference() {
    let gpu = gpu();
    let mut rng = Rng(77);
    let mut st = Stats::default();
    let view = View::new(-3.0, 3.0, -2.0, 2.0).expect("view");
    let mut vars = Vars::new("x", "y");
    for (name, kind) in [("z", SymKind::Held), ("a", SymKind::Param)] {
        vars.syms.push(Symbol {
            name: name.into(),
            kind,
        });
    }
    for n in 0..60 {
        let g = random_expr(&mut rng, 4);
        let f = rename(&g, &|v| match v {
            Var::X => Some(ast::add(ast::var(Var::X), ast::var(Var::Sym(0)))),
            Var::Y => Some(ast::mul(ast::var(Var::Sym(1)), ast::var(Var::Y))),
            _ => None,
        });
        let mut function = Function::from_expr(String::new(), vars.clone(), f);
        function.values = vec![rng.unit() * 4.0 - 2.0, rng.unit() * 3.0 - 1.5];
        let mut pass = FieldPass::for_function(&gpu.device, &function).expect("compiles");
        check(
            &gpu,
            &mut pass,
            &function,
            &view,
            (24, 16),
            &format!("random {n}"),
            &mut st,
        );
    }
    eprintln!("random with symbols: {st:?}");
    assert!(st.flips * 100 <= st.points, "{st:?}");
}

/// The convergence map of `(x - a)^2 + 2(y - b)^2` moves with a and b: a pass built at one
/// value and given new values runs exactly as a pass built at them, with the same shader, and
/// its minimum follows the parameters.
#[test]
fn a_convergence_pass_takes_new_values_without_a_new_shader() {
    use gradfield::descent::{Hyper, Optimizer};
    use gradfield::gpu::{ConvergePass, ConvergeSettings};
    let gpu = gpu();
    let view = View::new(-2.0, 2.0, -2.0, 2.0).expect("view");
    let settings = ConvergeSettings {
        optimizer: Optimizer::Gd,
        hyper: Hyper::new(0.1),
        steps: 200,
        tol: 1e-4,
    };
    let mut f = Function::parse("(x - a)^2 + 2(y - b)^2").expect("parses");
    let mut pass =
        ConvergePass::new(&gpu.device, &f, gradfield::descent::Optimizer::Gd).expect("compiles");
    let source = pass.source().to_string();
    f.set_value("a", 0.75);
    f.set_value("b", -1.25);
    pass.set_values(&f.values);
    pass.prepare(&gpu.device, &gpu.queue, &view, (8, 6), &settings)
        .expect("prepares");
    let moved: Vec<[f32; 3]> = pass
        .run(&gpu)
        .expect("runs")
        .iter()
        .map(|w| w.result())
        .collect();
    let fresh = gradfield::gpu::converge_map(&gpu, &f, &view, (8, 6), &settings).expect("runs");
    assert_eq!(moved, fresh, "new values in an old pass = a new pass");
    assert_eq!(pass.source(), source);
    for end in &moved {
        assert!(
            (end[0] - 0.75).abs() < 1e-3 && (end[1] + 1.25).abs() < 1e-3,
            "{end:?}"
        );
    }
}

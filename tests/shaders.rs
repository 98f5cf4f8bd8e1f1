//! Every shader, static or generated, validates with naga (no GPU needed), and generated code
//! contains only generated identifiers and formatted numbers.

mod common_gpu;

use common_gpu::{random_expr, Rng};
use gradfield::expr::ast::*;
use gradfield::expr::tape::Tape;
use gradfield::expr::wgsl;
use gradfield::gpu::field::{field_source, FIELD_TEMPLATE};
use gradfield::gpu::shader::validate;

fn source_for(f: Node, dx: Node, dy: Node) -> String {
    let grad = Tape::new(&[f.clone(), dx, dy]);
    let value = Tape::new(&[f]);
    field_source(&grad, &value).expect("tapes have 3 and 1 roots")
}

#[test]
fn static_shaders_validate() {
    let mut count = 0;
    for entry in
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/shaders")).expect("shaders/")
    {
        let path = entry.expect("dir entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("wgsl") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("readable shader");
        // Each shader as the program builds it: templates with generated functions spliced in
        // (the simplest field, f = x, or a small function), imports resolved.
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let render = gradfield::render::shader_sources().expect("render imports resolve");
        let source = match name {
            "check" => {
                let f = gradfield::expr::Function::parse("sin(x) * y").expect("parses");
                let (grad, value) = gradfield::gpu::field::function_tapes(&f);
                let generated = wgsl::generate(&grad, &value).expect("generates");
                gradfield::gpu::check::field_shader(&generated, true).expect("splices")
            }
            "field" => source_for(var(Var::X), num(1.0), num(0.0)),
            "converge" => {
                let f = gradfield::expr::Function::parse("x^2 + y^2").expect("parses");
                let src = gradfield::gpu::converge::converge_source(
                    &f,
                    gradfield::descent::Optimizer::Gd,
                )
                .expect("generates");
                assert!(src.contains("fn update("), "the convergence shader itself");
                src
            }
            "hessian" => {
                let f = gradfield::expr::Function::parse("sin(x) * y^3").expect("parses");
                gradfield::gpu::hessian::hessian_source(&f).expect("generates")
            }
            "ops" => gradfield::gpu::library::resolve("shaders/ops.wgsl", &text).expect("imports"),
            "upsample" => gradfield::gpu::upsample::upsample_source().expect("imports"),
            "shift" => gradfield::gpu::field_reuse::shift_source().expect("imports"),
            _ => match render.iter().find(|(n, _)| *n == name) {
                Some((_, src)) => src.clone(),
                None => panic!("{}: no rule to build this shader", path.display()),
            },
        };
        assert!(!source.contains("#import"), "{name}: an import is left");
        if let Err(e) = validate(&path.display().to_string(), &source) {
            panic!("{e}");
        }
        count += 1;
    }
    assert_eq!(count, 18, "every shader of shaders/ (not lib/) is checked");
    assert!(FIELD_TEMPLATE.contains(wgsl::PLACEHOLDER));
}

#[test]
fn generated_shaders_validate_for_every_function() {
    let (x, y) = (var(Var::X), var(Var::Y));
    for f in Func::ALL {
        let e = if f.arity() == 2 {
            call2(f, x.clone(), y.clone())
        } else {
            call1(f, x.clone())
        };
        validate(f.name(), &source_for(e.clone(), e, y.clone())).unwrap_or_else(|e| panic!("{e}"));
    }
    // Powers: integer (both signs, large), non-integer, variable exponents; huge constants.
    let powers = [
        pow(x.clone(), num(65536.0)),
        pow(x.clone(), num(-3.0)),
        pow(x.clone(), y.clone()),
        pow(x.clone(), num(0.5)),
    ];
    for p in powers {
        validate("power", &source_for(p.clone(), p, num(1e300))).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn random_generated_shaders_validate() {
    let mut rng = Rng(7);
    for i in 0..300 {
        let (f, a, b) = (
            random_expr(&mut rng, 5),
            random_expr(&mut rng, 5),
            random_expr(&mut rng, 5),
        );
        let src = source_for(f, a, b);
        validate(&format!("random #{i}"), &src).unwrap_or_else(|e| panic!("{e}\n{src}"));
    }
}

#[test]
fn no_input_text_reaches_the_shader() {
    // Literals are re-formatted from their value, and identifiers are generated: nothing of
    // the original spelling (e.g. 1.2345678901234567 written with 17 digits) survives.
    let marker = 1.234_567_890_123_456_7;
    let src = source_for(mul(num(marker), var(Var::X)), num(marker), num(0.0));
    assert!(!src.contains("1.2345678901234567"));
    assert!(src.contains("1.2345679e0f"));
    let bad = wgsl::splice("no placeholder here", "");
    assert!(matches!(bad, Err(gradfield::Error::Shader(_))));
}

#[test]
fn literals_are_finite_f32() {
    assert_eq!(wgsl::literal(1.5e-3), "1.5e-3f");
    assert_eq!(wgsl::literal(-2.0), "(-2e0f)");
    assert_eq!(wgsl::literal(0.0), "0e0f");
}

#[test]
fn a_parsed_function_leaves_no_trace_of_its_text() {
    // Variable names and number spellings from the input must not reach the shader.
    let text = "f(zorglub, quux) = zorglub^2 * 1.2345678901234567 + sin(quux) / 3";
    let function = gradfield::expr::Function::parse(text).expect("parses");
    let (grad, value) = gradfield::gpu::field::function_tapes(&function);
    let src = field_source(&grad, &value).expect("generates");
    for marker in ["zorglub", "quux", "1.2345678901234567", "sin(quux)"] {
        assert!(!src.contains(marker), "{marker} reached the shader");
    }
    validate("parsed", &src).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn converge_shader_validates_for_every_function() {
    use gradfield::gpu::converge::{converge_source, CONVERGE_TEMPLATE};
    assert!(CONVERGE_TEMPLATE.contains(wgsl::PLACEHOLDER));
    for text in [
        "x^2 + y^2",
        "ln(x) + sqrt(y)",
        "atan2(y, x) * hypot(x, y)",
        "x^y",
    ] {
        let f = gradfield::expr::Function::parse(text).expect("parses");
        for optimizer in [
            gradfield::descent::Optimizer::Gd,
            gradfield::descent::Optimizer::Newton,
        ] {
            let src = converge_source(&f, optimizer).expect("generates");
            validate(text, &src).unwrap_or_else(|e| panic!("{optimizer}: {e}"));
        }
    }
}

#[test]
fn every_shared_piece_is_imported_and_resolves_alone() {
    // Each file of shaders/lib/ is a piece some shader imports by its name, and its own
    // imports resolve (a piece may use globals its importer declares, so naga checks it in
    // the shaders above, not alone).
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/shaders");
    let mut all = String::new();
    for sub in [dir.to_string(), format!("{dir}/lib")] {
        for entry in std::fs::read_dir(sub).expect("shaders/") {
            let path = entry.expect("dir entry").path();
            if path.extension().and_then(|e| e.to_str()) == Some("wgsl") {
                all.push_str(&std::fs::read_to_string(&path).expect("readable"));
            }
        }
    }
    let mut pieces = 0;
    for entry in std::fs::read_dir(format!("{dir}/lib")).expect("shaders/lib/") {
        let path = entry.expect("dir entry").path();
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        assert!(
            all.contains(&format!("#import {name}\n")),
            "shaders/lib/{name}.wgsl is imported by no shader"
        );
        let text = std::fs::read_to_string(&path).expect("readable");
        let file: &'static str = Box::leak(path.display().to_string().into_boxed_str());
        let text: &'static str = Box::leak(text.into_boxed_str());
        let resolved =
            gradfield::render::resolve_shader(gradfield::render::WgslFile { file, text })
                .unwrap_or_else(|e| panic!("{e}"));
        assert!(!resolved.contains("#import"));
        pieces += 1;
    }
    assert_eq!(pieces, 9, "the pieces of shaders/lib/");
}

#[test]
fn an_unknown_import_names_the_shader_file_and_line() {
    let shader = gradfield::render::WgslFile {
        file: "shaders/broken.wgsl",
        text: "// a shader\n#import frame\n#import colourmap\n",
    };
    let err = gradfield::render::resolve_shader(shader).unwrap_err();
    assert!(matches!(err, gradfield::Error::Shader(_)), "{err}");
    let text = err.to_string();
    assert!(
        text.starts_with("shader error: shaders/broken.wgsl:3: unknown shader piece `colourmap`"),
        "{text}"
    );
}

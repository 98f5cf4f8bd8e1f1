//! Every uniform and storage struct a shader binds has the layout of its Rust struct: member
//! offsets and sizes and the struct's span as naga lays them out, against `size_of` and
//! `offset_of!` on the Rust side (no size typed by hand on either). Needs no GPU.

use std::collections::BTreeSet;

use gradfield::gpu::layout::HostLayout;
use naga::{AddressSpace, TypeInner};

/// Every shader the program builds, complete (templates with a function spliced in).
fn shaders() -> Vec<(&'static str, String)> {
    let f = gradfield::expr::Function::parse("sin(x) * y + x^2").expect("parses");
    let (grad, value) = gradfield::gpu::field::function_tapes(&f);
    let generated = gradfield::expr::wgsl::generate(&grad, &value).expect("generates");
    let mut all = vec![
        (
            "field",
            gradfield::gpu::check::field_shader(&generated, true).expect("field"),
        ),
        (
            "converge",
            gradfield::gpu::converge::converge_source(&f, gradfield::descent::Optimizer::Newton)
                .expect("converge"),
        ),
        (
            "hessian",
            gradfield::gpu::hessian::hessian_source(&f).expect("hessian"),
        ),
        (
            "upsample",
            gradfield::gpu::upsample::upsample_source().expect("upsample"),
        ),
        (
            "shift",
            gradfield::gpu::field_reuse::shift_source().expect("shift"),
        ),
    ];
    all.extend(gradfield::render::shader_sources().expect("render shaders"));
    all
}

fn layouts() -> Vec<(&'static [&'static str], HostLayout)> {
    let mut all = gradfield::gpu::layout::host_layouts();
    all.extend(gradfield::render::host_layouts());
    all
}

/// Padding members (`_pad`, `pad0`, …): not compared by name, covered by the span.
fn is_padding(name: &str) -> bool {
    name.starts_with('_') || name.starts_with("pad")
}

/// A struct as naga lays it out: (name, span, [(member, offset, size)]).
type WgslLayout = (String, u32, Vec<(String, u32, u32)>);

/// The layout naga gives the struct `ty`.
fn naga_layout(module: &naga::Module, ty: naga::Handle<naga::Type>) -> Option<WgslLayout> {
    let t = &module.types[ty];
    let TypeInner::Struct { members, span } = &t.inner else {
        return None;
    };
    let fields = members
        .iter()
        .map(|m| {
            let size = module.types[m.ty].inner.size(module.to_ctx());
            (m.name.clone().unwrap_or_default(), m.offset, size)
        })
        .collect();
    Some((t.name.clone().unwrap_or_default(), *span, fields))
}

fn compare(shader: &str, wgsl: WgslLayout, host: &HostLayout) {
    let (name, span, members) = wgsl;
    assert_eq!(
        span as usize, host.size,
        "{shader}: `{name}` spans {span} bytes in WGSL, {} in Rust",
        host.size
    );
    let wgsl_names: BTreeSet<&str> = members
        .iter()
        .map(|m| m.0.as_str())
        .filter(|n| !is_padding(n))
        .collect();
    let rust_names: BTreeSet<&str> = host
        .fields
        .iter()
        .map(|f| f.0)
        .filter(|n| !is_padding(n))
        .collect();
    assert_eq!(wgsl_names, rust_names, "{shader}: `{name}` members differ");
    for (member, offset, size) in &members {
        let Some(&(_, r_offset, r_size)) = host.fields.iter().find(|f| f.0 == member) else {
            continue;
        };
        assert_eq!(
            (*offset as usize, *size as usize),
            (r_offset, r_size),
            "{shader}: `{name}.{member}` (offset, size) in WGSL vs Rust"
        );
    }
}

#[test]
fn every_bound_struct_has_the_layout_of_its_rust_struct() {
    let layouts = layouts();
    let mut checked = BTreeSet::new();
    for (shader, source) in shaders() {
        let module =
            gradfield::gpu::shader::validate(shader, &source).unwrap_or_else(|e| panic!("{e}"));
        for (_, var) in module.global_variables.iter() {
            if !matches!(
                var.space,
                AddressSpace::Uniform | AddressSpace::Storage { .. }
            ) {
                continue;
            }
            // A runtime-sized or fixed array of structs: each element is the struct, and
            // the array's stride is its size.
            let (ty, stride) = match module.types[var.ty].inner {
                TypeInner::Array { base, stride, .. } => (base, Some(stride)),
                _ => (var.ty, None),
            };
            let Some(wgsl) = naga_layout(&module, ty) else {
                continue; // scalars and vectors (the field, coordinates, the LUT)
            };
            let name = wgsl.0.clone();
            let host = layouts
                .iter()
                .find(|(shaders, l)| shaders.contains(&shader) && l.wgsl_name == name)
                .map(|(_, l)| l)
                .unwrap_or_else(|| panic!("{shader}: `{name}` has no Rust layout to compare"));
            if let Some(stride) = stride {
                assert_eq!(stride as usize, host.size, "{shader}: stride of `{name}`");
            }
            compare(shader, wgsl, host);
            checked.insert((shader, name));
        }
    }
    // Every Rust layout was bound by each shader it names: none is listed for nothing.
    for (shaders, host) in &layouts {
        for shader in shaders.iter() {
            assert!(
                checked.contains(&(*shader, host.wgsl_name.to_string())),
                "{shader} binds no `{}`",
                host.wgsl_name
            );
        }
    }
    assert!(checked.len() >= 14, "checked only {checked:?}");
}

#[test]
fn a_layout_that_differs_is_found() {
    // The comparison itself: a WGSL struct with one member moved fails against Rust's.
    let source = "struct Params { width: u32, height: u32, unused: u32, step: f32, extra: f32 }\n\
                  @group(0) @binding(0) var<uniform> p: Params;\n\
                  @compute @workgroup_size(1) fn cs_main() { _ = p.width; }";
    let module = gradfield::gpu::shader::validate("moved", source).expect("valid WGSL");
    let (_, var) = module.global_variables.iter().next().expect("one global");
    let wgsl = naga_layout(&module, var.ty).expect("a struct");
    let host = gradfield::gpu::layout::host_layouts()
        .into_iter()
        .find(|(s, _)| s.contains(&"field"))
        .map(|(_, l)| l)
        .expect("the field's Params");
    let result = std::panic::catch_unwind(|| compare("moved", wgsl, &host));
    assert!(
        result.is_err(),
        "a 20-byte Params must not match the 16-byte Rust one"
    );
}

#[test]
fn the_convergence_map_reads_walkers_where_the_convergence_pass_writes_them() {
    // shaders/basin.wgsl binds the walker buffer as vec4s, three to a walker, and reads the
    // final point from the first and (steps, status) as the bits of .z and .w of the third.
    let walker = gradfield::gpu::layout::host_layouts()
        .into_iter()
        .map(|(_, l)| l)
        .find(|l| l.wgsl_name == "Walker")
        .expect("the Walker layout");
    let vec4 = 4 * std::mem::size_of::<f32>();
    assert_eq!(walker.size, 3 * vec4, "three vec4 to a walker");
    let at = |name: &str| {
        walker
            .fields
            .iter()
            .find(|f| f.0 == name)
            .map(|f| (f.1, f.2))
            .unwrap_or_else(|| panic!("Walker.{name}"))
    };
    assert_eq!(at("theta"), (0, 8), "(x, y) = walkers[base].xy");
    assert_eq!(
        at("steps"),
        (2 * vec4 + 8, 4),
        "steps = walkers[base + 2].z"
    );
    assert_eq!(
        at("status"),
        (2 * vec4 + 12, 4),
        "status = walkers[base + 2].w"
    );
}

// The values of a function's symbols (held variables and parameters), MAX_SYMBOLS floats in
// vec4s (a uniform array's stride is 16 bytes): `Symbols` in src/gpu/symbols.rs. A shader that
// imports this declares `symbols`, the uniform binding, itself.
struct Symbols {
    v: array<vec4<f32>, 4>,
}

// Symbol k's value, what generated code reads for a held variable or a parameter.
fn gf_symbol(k: u32) -> f32 {
    return symbols.v[k / 4u][k % 4u];
}

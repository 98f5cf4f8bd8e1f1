// What the generated field functions return (src/expr/wgsl.rs): imported by the field and
// convergence templates, whose generated code and shaders/check.wgsl build these.

// f, df/dx, df/dy and whether each is defined (a derivative only where f is).
struct Sample {
    f: f32,
    dfdx: f32,
    dfdy: f32,
    f_ok: bool,
    dx_ok: bool,
    dy_ok: bool,
}

// f only, and whether it is defined.
struct ValueOk {
    v: f32,
    ok: bool,
}

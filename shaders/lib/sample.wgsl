// What the generated field functions return (src/expr/wgsl.rs): imported by the field,
// convergence and Hessian templates, whose generated code and shaders/check.wgsl build these.

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

// f, its gradient and its three second partials, with a bit set of the defined ones (bit k
// for channel k in this order; a derivative only where f is): what `gf_hess` returns.
struct Second {
    f: f32,
    dx: f32,
    dy: f32,
    xx: f32,
    xy: f32,
    yy: f32,
    bits: u32,
}

// gradfield field pass: evaluates f, df/dx, df/dy over a W x H grid (one invocation per sample).
//
// Output layout (keep in sync with src/gpu/field.rs; the render passes read it):
// `out` is W * H vec4<f32>, row-major, row 0 = top of the picture (DESIGN.md grid convention),
// sample (row j, column i) at index j * W + i, holding (f, df/dx, df/dy, defined) where
// defined is a float holding the bit set DEFINED_F | DEFINED_DX | DEFINED_DY of the channels
// that are defined (7.0: all; 1.0: f but not its gradient; 0.0: nothing); an undefined
// channel holds 0.0. A derivative is never defined where f is not. DEFINED_* and
// FIELD_WORKGROUP come from Rust (src/samples.rs, src/gpu/library.rs) through `constants`.
#import constants
#import sample
#import symbols

// `Params` in src/gpu/field.rs (tests/layout.rs compares the two).
struct Params {
    width: u32,
    height: u32,
    // Unused: the mode is the pipeline constant MODE (a uniform would leave every mode's
    // code in the compiled shader, which costs a software GPU about 2x per sample).
    unused: u32,
    // Relative step of the central differences: h = step * max(1, |x|).
    step: f32,
}

// 0 = exact (symbolic derivatives), 1 = numeric (central differences of gf_value),
// 2 = gradient check: (log10 of the relative difference of the two, 0, 0). Set per pipeline
// (src/gpu/field.rs), so the modes not chosen are compiled away.
override MODE: u32 = 0u;

@group(0) @binding(0) var<uniform> params: Params;
// x of each column and y of each row, already rounded to f32 by the CPU.
@group(0) @binding(1) var<storage, read> xs: array<f32>;
@group(0) @binding(2) var<storage, read> ys: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<vec4<f32>>;
// The symbols' values (held variables, parameters): a slider moves them without a new shader.
@group(0) @binding(4) var<uniform> symbols: Symbols;

// The part of the grid this dispatch evaluates (`Tile` in src/gpu/field_reuse.rs): all of it,
// or a strip a pan exposed while the rest of the field was moved over (shaders/shift.wgsl).
// A storage buffer, bound at a dynamic offset per dispatch: lavapipe specialises a shader on
// the uniform values its branches test, and the bounds test below reads it.
struct Tile {
    origin: vec2<u32>,
    size: vec2<u32>,
}
@group(0) @binding(6) var<storage, read> tile: Tile;

// @generated-field-functions

// One side of a central difference: the step actually taken is (x + h) - (x - h) in f32.
fn numeric_sample(x: f32, y: f32) -> Sample {
    let hx = params.step * max(1.0, abs(x));
    let hy = params.step * max(1.0, abs(y));
    let c = gf_value(x, y);
    let xp = x + hx;
    let xm = x - hx;
    let yp = y + hy;
    let ym = y - hy;
    let fxp = gf_value(xp, y);
    let fxm = gf_value(xm, y);
    let fyp = gf_value(x, yp);
    let fym = gf_value(x, ym);
    let dx = gf_div(gf_sub(fxp.v, fxm.v).v, xp - xm);
    let dy = gf_div(gf_sub(fyp.v, fym.v).v, yp - ym);
    let dx_ok = c.ok && fxp.ok && fxm.ok && gf_sub(fxp.v, fxm.v).ok && dx.ok;
    let dy_ok = c.ok && fyp.ok && fym.ok && gf_sub(fyp.v, fym.v).ok && dy.ok;
    return Sample(c.v, dx.v, dy.v, c.ok, dx_ok, dy_ok);
}

@compute @workgroup_size(FIELD_WORKGROUP, FIELD_WORKGROUP)
fn cs_main(@builtin(global_invocation_id) gid: vec3<u32>) {
    if gid.x >= tile.size.x || gid.y >= tile.size.y {
        return;
    }
    let i = gid.x + tile.origin.x;
    let j = gid.y + tile.origin.y;
    let x = xs[i];
    let y = ys[j];
    var s: Sample;
    if MODE == 0u {
        s = gf_eval(x, y);
    } else if MODE == 1u {
        s = numeric_sample(x, y);
    } else {
        // The gradient check: a stub unless the pass was built for it (src/gpu/check.rs
        // splices shaders/check.wgsl in with the generated functions).
        s = gf_check(x, y);
    }
    let index = j * params.width + i;
    // Each channel is 0.0 where it is undefined; `defined` has one bit per channel.
    let f = select(0.0, s.f, s.f_ok);
    let dx = select(0.0, s.dfdx, s.dx_ok);
    let dy = select(0.0, s.dfdy, s.dy_ok);
    let defined = select(0u, DEFINED_F, s.f_ok) | select(0u, DEFINED_DX, s.dx_ok)
        | select(0u, DEFINED_DY, s.dy_ok);
    out[index] = vec4<f32>(f, dx, dy, f32(defined));
}

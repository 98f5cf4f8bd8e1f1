// gradfield Hessian pass: f, its gradient and its second partials over a W x H grid (one
// invocation per sample), and the largest stable gradient-descent step 2 / lambda_max there.
//
// Output layout (keep in sync with src/gpu/hessian.rs): `out` is 2 * W * H vec4<f32>,
// row-major, row 0 = top of the picture (DESIGN.md grid convention); sample (row j, column i)
// owns out[2k] = (f, df/dx, df/dy, bits) and out[2k + 1] = (d2f/dx2, d2f/dxdy, d2f/dy2,
// stable) with k = j * W + i. `bits` is a float holding bit k for each defined channel (f, the
// two first and the three second partials: 1, 2, 4, 8, 16, 32) and NO_POSITIVE (64) where no
// eigenvalue of the Hessian is positive; an undefined channel holds 0.0. `stable` is
// 2 / lambda_max where the Hessian is defined and lambda_max > 0, else 0.0.
#import constants
#import sample
#import symbols

// `Params` in src/gpu/hessian.rs (tests/layout.rs compares the two).
struct Params {
    width: u32,
    height: u32,
    pad0: u32,
    pad1: u32,
}

const SECOND_BITS: u32 = 56u;
const NO_POSITIVE: u32 = 64u;

@group(0) @binding(0) var<uniform> params: Params;
// x of each column and y of each row, already rounded to f32 by the CPU.
@group(0) @binding(1) var<storage, read> xs: array<f32>;
@group(0) @binding(2) var<storage, read> ys: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<vec4<f32>>;
@group(0) @binding(4) var<uniform> symbols: Symbols;

// @generated-field-functions

@compute @workgroup_size(FIELD_WORKGROUP, FIELD_WORKGROUP)
fn cs_main(@builtin(global_invocation_id) gid: vec3<u32>) {
    if gid.x >= params.width || gid.y >= params.height {
        return;
    }
    let s = gf_hess(xs[gid.x], ys[gid.y]);
    var bits = s.bits;
    let v = vec3<f32>(s.f, s.dx, s.dy);
    let h = vec3<f32>(s.xx, s.xy, s.yy);
    let first = select(vec3<f32>(0.0), v, vec3<bool>((bits & 1u) != 0u, (bits & 2u) != 0u, (bits & 4u) != 0u));
    let second = select(vec3<f32>(0.0), h, vec3<bool>((bits & 8u) != 0u, (bits & 16u) != 0u, (bits & 32u) != 0u));
    var stable = 0.0;
    if (bits & SECOND_BITS) == SECOND_BITS {
        // lambda_max = (a + c)/2 + |((a - c)/2, b)|, the larger eigenvalue of [[a, b], [b, c]].
        let lmax = 0.5 * (h.x + h.z) + length(vec2<f32>(0.5 * (h.x - h.z), h.y));
        if lmax > 0.0 {
            stable = 2.0 / lmax;
        } else {
            bits = bits | NO_POSITIVE;
        }
    }
    let k = 2u * (gid.y * params.width + gid.x);
    out[k] = vec4<f32>(first, f32(bits));
    out[k + 1u] = vec4<f32>(second, stable);
}

// gradfield upsampling pass: the field at full size from the field on a coarser grid of the
// same view, by bilinear interpolation of f, df/dx and df/dy (the level of detail of a data
// loss while it changes, src/gpu/upsample.rs). A sample is defined in a channel where all
// four coarse samples it is made from are.
//
// Both buffers have the layout of shaders/field.wgsl: (f, df/dx, df/dy, defined bits) per
// sample, row-major, row 0 at the top. By the grid convention fine sample i of W lies at
// coarse position (i + 0.5) * Wc / W - 0.5 (and the same for rows). DEFINED_* and
// FIELD_WORKGROUP come from Rust through `constants`.
#import constants

// `Params` in src/gpu/upsample.rs (tests/layout.rs compares the two).
struct Params {
    width: u32,
    height: u32,
    coarse_width: u32,
    coarse_height: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> coarse: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> fine: array<vec4<f32>>;

// The two coarse indices around continuous position `u` in 0..n and the weight of the second.
fn around(u: f32, n: u32) -> vec3<f32> {
    let c = clamp(u, 0.0, f32(n - 1u));
    let i0 = floor(c);
    let i1 = min(i0 + 1.0, f32(n - 1u));
    return vec3<f32>(i0, i1, c - i0);
}

fn at(i: f32, j: f32) -> vec4<f32> {
    return coarse[u32(j) * params.coarse_width + u32(i)];
}

@compute @workgroup_size(FIELD_WORKGROUP, FIELD_WORKGROUP)
fn cs_main(@builtin(global_invocation_id) gid: vec3<u32>) {
    if gid.x >= params.width || gid.y >= params.height {
        return;
    }
    let u = (f32(gid.x) + 0.5) * f32(params.coarse_width) / f32(params.width) - 0.5;
    let v = (f32(gid.y) + 0.5) * f32(params.coarse_height) / f32(params.height) - 0.5;
    let a = around(u, params.coarse_width);
    let b = around(v, params.coarse_height);
    let s00 = at(a.x, b.x);
    let s10 = at(a.y, b.x);
    let s01 = at(a.x, b.y);
    let s11 = at(a.y, b.y);
    let bits = u32(s00.w) & u32(s10.w) & u32(s01.w) & u32(s11.w);
    let top = mix(s00.xyz, s10.xyz, a.z);
    let bottom = mix(s01.xyz, s11.xyz, a.z);
    let value = mix(top, bottom, b.z);
    // An undefined channel holds 0, as the field pass writes it.
    let keep = vec3<bool>(
        (bits & DEFINED_F) != 0u,
        (bits & DEFINED_DX) != 0u,
        (bits & DEFINED_DY) != 0u,
    );
    fine[gid.y * params.width + gid.x] = vec4<f32>(select(vec3<f32>(0.0), value, keep), f32(bits));
}

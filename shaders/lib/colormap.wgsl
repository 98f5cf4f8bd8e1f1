// The colour map's lookup table, in the one format every shader binds: LUT_SIZE packed RGBA8
// entries (src/render/colormap.rs `Colormap::lut`), four to a vec4 because uniform arrays have
// a 16-byte stride. A shader importing this declares `var<uniform> lut: Lut;`.
#import render_constants

alias Lut = array<vec4<u32>, LUT_SIZE / 4u>;

// The colour at t in 0..1, interpolated between neighbouring entries.
fn lut_color(t: f32) -> vec3<f32> {
    let x = clamp(t, 0.0, 1.0) * f32(LUT_SIZE - 1u);
    let i = u32(floor(x));
    let j = min(i + 1u, LUT_SIZE - 1u);
    let a = unpack4x8unorm(lut[i / 4u][i % 4u]).rgb;
    let b = unpack4x8unorm(lut[j / 4u][j % 4u]).rgb;
    return mix(a, b, x - f32(i));
}

// gradfield magnify pass: the layers drawn at a fraction of the plot's pixels while something
// changes (the renderer's level of detail, src/render/magnify.rs), stretched over the plot by
// bilinear filtering. The pass sets the viewport to the plot rectangle; the one triangle
// covers it, and uv runs from 0 at the plot's top-left corner to 1 at its bottom-right, so a
// coarse pixel's centre lands where the grid convention puts that sample in the plot.

struct MagnifyOut {
    @builtin(position) pos: vec4<f32>,
    @location(0) uv: vec2<f32>,
}

@group(0) @binding(0) var coarse: texture_2d<f32>;
@group(0) @binding(1) var bilinear: sampler;

@vertex
fn vs_main(@builtin(vertex_index) vi: u32) -> MagnifyOut {
    let corner = vec2<f32>(f32((vi << 1u) & 2u), f32(vi & 2u));
    var out: MagnifyOut;
    out.pos = vec4<f32>(corner.x * 2.0 - 1.0, 1.0 - corner.y * 2.0, 0.0, 1.0);
    out.uv = corner;
    return out;
}

@fragment
fn fs_main(in: MagnifyOut) -> @location(0) vec4<f32> {
    return textureSampleLevel(coarse, bilinear, in.uv, 0.0);
}

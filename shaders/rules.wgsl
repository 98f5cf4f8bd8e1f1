// Rules: the axis-aligned lines around and across the plot (grid lines, tick marks, the
// plot's frame), one instance each, drawn as a quad one pixel larger than the rectangle on
// every side and shaded by the exact fraction of each pixel the rectangle covers, so edges
// are anti-aliased the way egui's feathering does it. Keep `RuleInstance` in sync with
// src/render/rules.rs `RuleInstance` and `RuleTarget` (tests/layout.rs checks the latter).

struct RuleTarget {
    size: vec2<f32>,   // target size in pixels
    srgb: f32,         // 1: the target stores linear values (an sRGB format), 0: as given
    pad: f32,
}

// No branch reads `dest` (lavapipe specialises shaders on uniforms that branches test).
@group(0) @binding(0) var<uniform> dest: RuleTarget;

struct VsOut {
    @builtin(position) pos: vec4<f32>,
    @location(0) @interpolate(flat) rect: vec4<f32>,
    @location(1) @interpolate(flat) color: vec4<f32>,
}

@vertex
fn vs_main(
    @builtin(vertex_index) vi: u32,
    @location(0) rect: vec4<f32>,
    @location(1) color: u32,
) -> VsOut {
    let corner = vec2<f32>(f32(vi & 1u), f32((vi >> 1u) & 1u));
    let px = mix(rect.xy - 1.0, rect.zw + 1.0, corner);
    let ndc = px / dest.size * 2.0 - 1.0;
    var out: VsOut;
    out.pos = vec4<f32>(ndc.x, -ndc.y, 0.0, 1.0);
    out.rect = rect;
    out.color = unpack4x8unorm(color);
    return out;
}

fn srgb_to_linear(c: vec3<f32>) -> vec3<f32> {
    let lo = c / 12.92;
    let hi = pow((c + 0.055) / 1.055, vec3<f32>(2.4));
    return select(hi, lo, c <= vec3<f32>(0.04045));
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    // The pixel is the unit square around in.pos.xy; its overlap with the rectangle.
    let lo = max(in.pos.xy - 0.5, in.rect.xy);
    let hi = min(in.pos.xy + 0.5, in.rect.zw);
    let cover = clamp(hi - lo, vec2<f32>(0.0), vec2<f32>(1.0));
    let rgb = mix(in.color.rgb, srgb_to_linear(in.color.rgb), dest.srgb);
    return vec4<f32>(rgb, in.color.a * cover.x * cover.y);
}

// Descent paths: every primitive (segment, iterate marker, start ring, current point) is one
// instance drawn as a quad around it and shaded by its signed distance, so edges are
// anti-aliased; each has a dark outline so its colour reads on every colour map. The boxes
// of the path labels are instances too: rounded rectangles, filled and outlined.
// Keep `Prim` in sync with src/render/paths.rs `Prim`.
#import frame

@group(0) @binding(0) var<uniform> params: Params;

const KIND_SEGMENT: u32 = 0u;
const KIND_MARKER: u32 = 1u;
const KIND_START: u32 = 2u;
const KIND_CURRENT: u32 = 3u;
const KIND_DONE: u32 = 4u;
const KIND_BOX: u32 = 5u;

const OUTLINE: f32 = 1.2;

struct VsOut {
    @builtin(position) pos: vec4<f32>,
    @location(0) px: vec2<f32>,
    @location(1) @interpolate(flat) a: vec2<f32>,
    @location(2) @interpolate(flat) b: vec2<f32>,
    @location(3) @interpolate(flat) color: vec4<f32>,
    @location(4) @interpolate(flat) kind: u32,
    @location(5) @interpolate(flat) radius: f32,
    @location(6) @interpolate(flat) fill: vec4<f32>,
    @location(7) @interpolate(flat) width: f32,
}

@vertex
fn vs_main(
    @builtin(vertex_index) vi: u32,
    @location(0) a: vec2<f32>,
    @location(1) b: vec2<f32>,
    @location(2) color: vec4<f32>,
    @location(3) kind: u32,
    @location(4) radius: f32,
    @location(5) fill: u32,
    @location(6) width: f32,
) -> VsOut {
    let corner = vec2<f32>(f32(vi & 1u), f32((vi >> 1u) & 1u));
    var out: VsOut;
    out.a = a;
    out.b = b;
    out.color = color;
    out.kind = kind;
    out.radius = select(radius * params.line_width, radius, kind == KIND_BOX);
    out.fill = unpack4x8unorm(fill);
    out.width = width;
    if kind == KIND_BOX {
        // An axis-aligned quad over the box and its outline.
        let grow = vec2<f32>(width + 1.0);
        let px = mix(a - grow, b + grow, corner);
        out.pos = to_clip(px, params.target_size);
        out.px = px;
        return out;
    }
    let pad = out.radius + OUTLINE * params.line_width + 1.0;
    var along = b - a;
    let l = length(along);
    if l > 1e-6 {
        along = along / l;
    } else {
        along = vec2<f32>(1.0, 0.0);
    }
    let across = vec2<f32>(-along.y, along.x);
    let t = mix(-pad, l + pad, corner.x);
    let u = mix(-pad, pad, corner.y);
    let px = a + along * t + across * u;
    out.pos = to_clip(px, params.target_size);
    out.px = px;
    return out;
}

// Signed distance to the rounded rectangle from `lo` to `hi` with corner radius `r`.
fn sd_box(p: vec2<f32>, lo: vec2<f32>, hi: vec2<f32>, r: f32) -> f32 {
    let c = 0.5 * (lo + hi);
    let q = abs(p - c) - (0.5 * (hi - lo) - vec2<f32>(r));
    return length(max(q, vec2<f32>(0.0))) + min(max(q.x, q.y), 0.0) - r;
}

// A label box: the fill inside, the outline in a band `width` wide outside the edge.
fn label_box(in: VsOut) -> vec4<f32> {
    let d = sd_box(in.px, in.a, in.b, in.radius);
    let outer = clamp(0.5 + in.width - d, 0.0, 1.0);
    if outer <= 0.0 {
        discard;
    }
    let inside = clamp(0.5 - d, 0.0, 1.0);
    let color = mix(in.color.rgb, in.fill.rgb, inside);
    let alpha = mix(outer * in.color.a, in.fill.a, inside);
    return output_color(color, alpha, params.flags);
}

fn sd_segment(p: vec2<f32>, a: vec2<f32>, b: vec2<f32>) -> f32 {
    let pa = p - a;
    let ba = b - a;
    let h = clamp(dot(pa, ba) / max(dot(ba, ba), 1e-12), 0.0, 1.0);
    return length(pa - ba * h);
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    if in.kind == KIND_BOX {
        return label_box(in);
    }
    var d: f32;
    if in.kind == KIND_START {
        d = abs(length(in.px - in.a) - in.radius) - 1.2 * params.line_width;
    } else {
        d = sd_segment(in.px, in.a, in.b) - in.radius;
    }
    let outer = clamp(0.5 + OUTLINE * params.line_width - d, 0.0, 1.0);
    if outer <= 0.0 {
        discard;
    }
    let core = clamp(0.5 - d, 0.0, 1.0);
    var color = mix(vec3<f32>(0.0), in.color.rgb, core);
    if in.kind == KIND_DONE {
        // A finished path: its last point has a dark centre.
        let centre = clamp(0.5 - (length(in.px - in.a) - 0.45 * in.radius), 0.0, 1.0);
        color = mix(color, vec3<f32>(0.0), centre);
    }
    return output_color(color, outer * in.color.a, params.flags);
}

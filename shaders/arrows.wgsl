// Arrow field: `cs_main` reads the field at anchor points on a grid spaced in pixels and
// writes one `ArrowInstance` each (direction in pixel space, so arrows are perpendicular to
// the contours on screen); `vs_main`/`fs_main` draw each instance as a quad around the arrow
// with a signed-distance shaft + head, anti-aliased, light fill with a dark outline.
#import constants
#import frame
#import scale
#import defined

// One arrow (src/render/mod.rs `ArrowInstance`; tests/layout.rs compares the two).
struct ArrowInstance {
    pos: vec2<f32>,     // foot of the arrow, in plot pixels (y down)
    dir: vec2<f32>,     // unit direction in pixel space (y down)
    len: f32,           // length in pixels (0: not drawn)
    mag: f32,           // |∇f| relative to the largest on screen, 0..1
    defined: u32,
    _pad: u32,
}

// Storage, not uniform: the compute stage branches on these values (see heatmap.wgsl).
@group(0) @binding(0) var<storage, read> params: Params;
@group(0) @binding(1) var<storage, read> field: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> range: RangeResult;
@group(0) @binding(3) var<storage, read_write> arrows: array<ArrowInstance>;

// Longest arrow, as a fraction of the spacing: arrows never overlap their neighbours.
const MAX_FRACTION: f32 = 0.9;

// The pixel (column, row) of anchor (a, b): anchors sit at the centres of equal cells.
fn anchor_pixel(a: u32, b: u32) -> vec2<u32> {
    let cell = vec2<f32>(params.grid) / vec2<f32>(params.arrow_grid);
    let p = (vec2<f32>(f32(a), f32(b)) + 0.5) * cell;
    return min(vec2<u32>(floor(p)), params.grid - 1u);
}

@compute @workgroup_size(ARROW_WORKGROUP)
fn cs_main(@builtin(global_invocation_id) id: vec3<u32>) {
    let n = params.arrow_grid.x * params.arrow_grid.y;
    let i = id.x;
    if i >= n {
        return;
    }
    let ij = anchor_pixel(i % params.arrow_grid.x, i / params.arrow_grid.x);
    let s = field[ij.y * params.grid.x + ij.x];
    var out: ArrowInstance;
    out.pos = vec2<f32>(ij) + 0.5;
    out.dir = vec2<f32>(0.0);
    out.len = 0.0;
    out.mag = 0.0;
    out.defined = 0u;
    out._pad = 0u;
    // ∇f in pixel space (y down): the direction of steepest ascent on screen.
    let g = vec2<f32>(s.y * params.world_per_px.x, -s.z * params.world_per_px.y);
    let m = length(g);
    // Only where the gradient is defined: f alone (a cusp, x^0.5 at 0) draws no arrow.
    if gradient_defined(s) && m > 0.0 && m < 3.0e38 && params.arrow_dir != 0.0 {
        let gmax = max(range.gmax, m);
        let rel = m / gmax;
        let full = MAX_FRACTION * params.arrow_spacing;
        var len = full;
        if params.arrow_length == 1u {
            // Proportional, reaching the cap at half the largest |∇f| on screen.
            len = min(full, full * 2.0 * rel);
        } else if params.arrow_length == 2u {
            // Logarithmic over three decades below the largest |∇f|.
            len = full * clamp(1.0 + log2(rel) * LOG10_2 / 3.0, 0.0, 1.0);
        }
        out.dir = g / m * sign(params.arrow_dir);
        out.len = len;
        out.mag = rel;
        out.defined = 1u;
    }
    arrows[i] = out;
}

struct VsOut {
    @builtin(position) pos: vec4<f32>,
    @location(0) local: vec2<f32>,   // along, across the arrow, in pixels from the foot
    @location(1) @interpolate(flat) len: f32,
    @location(2) @interpolate(flat) mag: f32,
}

const PAD: f32 = 2.0;

@vertex
fn vs_main(
    @builtin(vertex_index) vi: u32,
    @location(0) pos: vec2<f32>,
    @location(1) dir: vec2<f32>,
    @location(2) len: f32,
    @location(3) mag: f32,
) -> VsOut {
    let corner = vec2<f32>(f32(vi & 1u), f32((vi >> 1u) & 1u));
    let half_w = max(0.22 * len, 2.5 * params.line_width);
    let pad = PAD * params.line_width;
    let local = vec2<f32>(mix(-pad, len + pad, corner.x), mix(-half_w - pad, half_w + pad, corner.y));
    let across = vec2<f32>(-dir.y, dir.x);
    let px = params.plot_origin + pos + dir * local.x + across * local.y;
    var out: VsOut;
    out.pos = to_clip(px, params.target_size);
    if len <= 0.0 {
        out.pos = vec4<f32>(2.0, 2.0, 0.0, 1.0);
    }
    out.local = local;
    out.len = len;
    out.mag = mag;
    return out;
}

fn sd_segment(p: vec2<f32>, a: vec2<f32>, b: vec2<f32>) -> f32 {
    let pa = p - a;
    let ba = b - a;
    let h = clamp(dot(pa, ba) / dot(ba, ba), 0.0, 1.0);
    return length(pa - ba * h);
}

// Signed distance to a shaft + triangular head of length `len` pointing along +x.
fn sd_arrow(p: vec2<f32>, len: f32) -> f32 {
    let w = params.line_width;
    let head = min(0.4 * len, 8.0 * w);
    let head_w = max(0.22 * len, 2.5 * w);
    let shaft = sd_segment(p, vec2<f32>(0.0, 0.0), vec2<f32>(len - head, 0.0)) - 0.9 * w;
    // Triangle (len − head, ±head_w) → (len, 0).
    let q = vec2<f32>(p.x - (len - head), abs(p.y));
    let edge = normalize(vec2<f32>(head_w, head));
    let d_slant = dot(q - vec2<f32>(0.0, head_w), edge);
    let tri = max(-q.x, d_slant);
    return min(shaft, tri);
}

@fragment
fn fs_main(in: VsOut) -> @location(0) vec4<f32> {
    let d = sd_arrow(in.local, in.len);
    let outline = clamp(0.5 + params.line_width - d, 0.0, 1.0);
    if outline <= 0.0 {
        discard;
    }
    let fill_cov = clamp(0.5 - d, 0.0, 1.0);
    var fill = vec3<f32>(1.0);
    if params.arrow_length == 0u {
        // Normalised: all the same length, brightness shows |∇f|.
        fill = mix(vec3<f32>(ARROW_FILL_MIN), vec3<f32>(1.0), sqrt(in.mag));
    }
    let color = mix(vec3<f32>(0.0), fill, fill_cov);
    return output_color(color, outline, params.flags);
}

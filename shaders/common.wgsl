// Shared structs and helpers, prepended to heatmap.wgsl, range.wgsl, arrows.wgsl and
// paths.wgsl. Keep the structs in sync with src/render/mod.rs (`Params`, `RangeResult`,
// `ArrowInstance`).

// Per-frame settings (src/render/mod.rs `Params`).
struct Params {
    grid: vec2<u32>,          // field grid W × H = plot size in pixels
    plot_origin: vec2<f32>,   // top-left of the plot in target pixels
    target_size: vec2<f32>,   // target size in pixels
    world_per_px: vec2<f32>,  // (x1 − x0)/W, (y1 − y0)/H
    levels: u32,              // number of contour levels
    heavy_every: u32,         // every k-th level is heavier (0: none)
    log_scale: u32,           // 1: colour and levels in log space
    flags: u32,               // FLAG_* below
    percentile: f32,          // 0: min/max; p: clip to [p, 100 − p] percent
    arrow_spacing: f32,       // anchor spacing in pixels
    arrow_dir: f32,           // +1 ascent, −1 descent, 0 none
    arrow_length: u32,        // 0 normalised, 1 proportional (capped), 2 logarithmic
    arrow_grid: vec2<u32>,    // anchors across × down
    _pad: vec2<u32>,
}

const FLAG_HEATMAP: u32 = 1u;
const FLAG_CONTOURS: u32 = 2u;
const FLAG_SRGB_TARGET: u32 = 4u;
const FLAG_DIVERGING: u32 = 8u;

// The colour range, written by range.wgsl `cs_resolve` (src/render/mod.rs `RangeResult`).
struct RangeResult {
    lo: f32,        // colour range low end, in f (after percentile clipping)
    hi: f32,        // colour range high end, in f
    vlo: f32,       // low end in mapped space (log10 when log scale is on)
    vhi: f32,       // high end in mapped space
    delta: f32,     // log offset: v = log10(f − shift + delta)
    shift: f32,     // log shift (0 when every value is positive)
    gmax: f32,      // largest |∇f| in value per pixel over samples with ∇f defined
    count: u32,     // number of samples where f is defined
    clipped: u32,   // 1: log scale, values below lo (zeros, subnormals) drawn as lo
    _pad0: u32,
    _pad1: u32,
    _pad2: u32,
}

// One arrow, written by arrows.wgsl `cs_main` (src/render/mod.rs `ArrowInstance`).
struct ArrowInstance {
    pos: vec2<f32>,     // foot of the arrow, in plot pixels (y down)
    dir: vec2<f32>,     // unit direction in pixel space (y down)
    len: f32,           // length in pixels (0: not drawn)
    mag: f32,           // |∇f| relative to the largest on screen, 0..1
    defined: u32,
    _pad: u32,
}

// The field's fourth channel (shaders/field.wgsl): the bits 1 (f), 2 (df/dx) and 4 (df/dy)
// of the defined channels, as a float; a derivative is never defined where f is not.
fn f_defined(s: vec4<f32>) -> bool {
    return s.w > 0.5;
}

fn gradient_defined(s: vec4<f32>) -> bool {
    return s.w > 6.5;
}

// f32 → u32 whose unsigned order is the float order (negatives have their bits flipped).
fn order_key(f: f32) -> u32 {
    let b = bitcast<u32>(f);
    if (b & 0x80000000u) != 0u {
        return ~b;
    }
    return b | 0x80000000u;
}

fn order_unkey(k: u32) -> f32 {
    if (k & 0x80000000u) != 0u {
        return bitcast<f32>(k & 0x7fffffffu);
    }
    return bitcast<f32>(~k);
}

// The smallest positive normal f32: a GPU may flush anything smaller to zero.
const MIN_NORMAL: f32 = 1.17549435e-38;

// Value → mapped value (log10 when the log scale is on), overflow-safe.
fn map_value(f: f32, p: Params, r: RangeResult) -> f32 {
    if p.log_scale == 0u || (p.flags & FLAG_DIVERGING) != 0u {
        return f;
    }
    if r.shift == 0.0 && r.delta == 0.0 {
        // Every value positive: plain log10, values below the smallest normal float (zeros
        // and subnormals, clipped by range.wgsl) at the bottom of the range.
        return log2(max(f, MIN_NORMAL)) * 0.30103;
    }
    // Halves keep f − shift finite for f and shift near ±f32::MAX.
    let half = 0.5 * f - 0.5 * r.shift + 0.5 * r.delta;
    return log2(max(half, MIN_NORMAL)) * 0.30103 + 0.30103;
}

// d(mapped)/df at f.
fn map_slope(f: f32, p: Params, r: RangeResult) -> f32 {
    if p.log_scale == 0u || (p.flags & FLAG_DIVERGING) != 0u {
        return 1.0;
    }
    if r.shift == 0.0 && r.delta == 0.0 {
        return 0.4342945 / max(f, MIN_NORMAL);
    }
    let half = 0.5 * f - 0.5 * r.shift + 0.5 * r.delta;
    return 0.4342945 / (2.0 * max(half, MIN_NORMAL));
}

// Where f sits in the colour range, 0..1 (0.5 for a constant function).
fn range_t(v: f32, r: RangeResult) -> f32 {
    let span = 0.5 * r.vhi - 0.5 * r.vlo;
    if !(span > 0.0) {
        return 0.5;
    }
    return clamp((0.5 * v - 0.5 * r.vlo) / span, 0.0, 1.0);
}

fn srgb_to_linear(c: vec3<f32>) -> vec3<f32> {
    let lo = c / 12.92;
    let hi = pow((c + 0.055) / 1.055, vec3<f32>(2.4));
    return select(hi, lo, c <= vec3<f32>(0.04045));
}

// Final colour (given in sRGB) as the target expects it.
fn output_color(srgb: vec3<f32>, alpha: f32, p: Params) -> vec4<f32> {
    if (p.flags & FLAG_SRGB_TARGET) != 0u {
        return vec4<f32>(srgb_to_linear(srgb), alpha);
    }
    return vec4<f32>(srgb, alpha);
}

// Target pixel → clip space.
fn to_clip(px: vec2<f32>, p: Params) -> vec4<f32> {
    let ndc = px / p.target_size * 2.0 - 1.0;
    return vec4<f32>(ndc.x, -ndc.y, 0.0, 1.0);
}

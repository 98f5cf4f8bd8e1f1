// The colour scale: the range written by range.wgsl `cs_resolve` (src/render/mod.rs
// `RangeResult`) and the mapping of a value into it (log10 when the log scale is on).
#import constants
#import frame

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

// Value → mapped value (log10 when the log scale is on), overflow-safe.
fn map_value(f: f32, p: Params, r: RangeResult) -> f32 {
    if p.log_scale == 0u || (p.flags & FLAG_DIVERGING) != 0u {
        return f;
    }
    if r.shift == 0.0 && r.delta == 0.0 {
        // Every value positive: plain log10, values below the smallest normal float (zeros
        // and subnormals, clipped by range.wgsl) at the bottom of the range.
        return log2(max(f, MIN_NORMAL)) * LOG10_2;
    }
    // Halves keep f − shift finite for f and shift near ±f32::MAX.
    let half = 0.5 * f - 0.5 * r.shift + 0.5 * r.delta;
    return log2(max(half, MIN_NORMAL)) * LOG10_2 + LOG10_2;
}

// d(mapped)/df at f.
fn map_slope(f: f32, p: Params, r: RangeResult) -> f32 {
    if p.log_scale == 0u || (p.flags & FLAG_DIVERGING) != 0u {
        return 1.0;
    }
    if r.shift == 0.0 && r.delta == 0.0 {
        return LOG10_E / max(f, MIN_NORMAL);
    }
    let half = 0.5 * f - 0.5 * r.shift + 0.5 * r.delta;
    return LOG10_E / (2.0 * max(half, MIN_NORMAL));
}

// Where f sits in the colour range, 0..1 (0.5 for a constant function).
fn range_t(v: f32, r: RangeResult) -> f32 {
    let span = 0.5 * r.vhi - 0.5 * r.vlo;
    if !(span > 0.0) {
        return 0.5;
    }
    return clamp((0.5 * v - 0.5 * r.vlo) / span, 0.0, 1.0);
}

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
    step: f32,      // round spacing of the contour levels (0: N levels evenly spaced)
    heavy: u32,     // with a round step: every heavy-th multiple of it is drawn heavier
    _pad0: u32,
}

// The contour levels, as (base, step): level k sits at base + k·step in mapped space. With a
// round step (r.step > 0: the linear scale, `range.wgsl` picks 1, 2 or 5 × 10ⁿ) the levels
// are its multiples inside the range; without (the log scale) N levels evenly spaced from
// vlo, k = 1..N. src/render/levels.rs mirrors this for the contour labels.
fn level_base_step(r: RangeResult, levels: u32) -> vec2<f32> {
    if r.step > 0.0 {
        return vec2<f32>(floor(r.vlo / r.step) * r.step, r.step);
    }
    return vec2<f32>(r.vlo, (r.vhi - r.vlo) / f32(levels + 1u));
}

// Whether level k (counted from base) is drawn.
fn level_drawn(k: f32, bs: vec2<f32>, r: RangeResult, levels: u32) -> bool {
    if r.step > 0.0 {
        let v = bs.x + k * bs.y;
        return v > r.vlo && v < r.vhi;
    }
    return k >= 1.0 && k <= f32(levels);
}

// Whether level k is a heavy one: a multiple of r.heavy steps (round levels: 5 × 1 or 2 ×
// 10ⁿ, 2 × 5 × 10ⁿ, so heavy lines fall on rounder values), or every heavy_every-th.
fn level_heavy(k: f32, bs: vec2<f32>, r: RangeResult, heavy_every: u32) -> bool {
    if r.step > 0.0 {
        let index = u32(abs(round(bs.x / bs.y) + k));
        return r.heavy > 0u && index % r.heavy == 0u;
    }
    return heavy_every > 0u && u32(k) % heavy_every == 0u;
}

// Whether values are mapped to log10: the log scale is on and the colours are not diverging.
// Callers pass the two fields, not the whole `Params`: a struct passed by value is loaded
// whole from its storage buffer, which a software GPU pays for at every pixel.
fn log_mapped(log_scale: u32, flags: u32) -> bool {
    return log_scale != 0u && (flags & FLAG_DIVERGING) == 0u;
}

// Value → mapped value (log10 when `log_on`, see `log_mapped`), overflow-safe.
fn map_value(f: f32, log_on: bool, r: RangeResult) -> f32 {
    if !log_on {
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
fn map_slope(f: f32, log_on: bool, r: RangeResult) -> f32 {
    if !log_on {
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

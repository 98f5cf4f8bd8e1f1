// The colour range of the visible field, on the GPU: min/max of the defined values by
// atomics on order-preserving u32 keys, an optional histogram (in key space, so it resolves
// values across many decades) for percentile clipping, and a one-thread resolve that writes
// `RangeResult` for the heatmap and arrow passes. Entry points run in this order in one
// compute pass: cs_clear, cs_main (min/max), cs_histogram, cs_resolve. `Stats` and
// `RangeResult` are src/render/range.rs `Stats` and src/render/mod.rs `RangeResult`
// (tests/layout.rs compares them); BINS and the workgroup size are render_constants.
#import frame
#import scale
#import defined

const BINS: u32 = RANGE_BINS;

struct Stats {
    min_key: atomic<u32>,
    max_key: atomic<u32>,
    gmax_key: atomic<u32>,
    count: atomic<u32>,
    // Smallest key of a value ≥ MIN_NORMAL (the log scale's lower end when f reaches 0).
    min_pos_key: atomic<u32>,
    hist: array<atomic<u32>, RANGE_BINS>,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> field: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> stats: Stats;
@group(0) @binding(3) var<storage, read_write> result: RangeResult;

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

fn sample_count() -> u32 {
    return params.grid.x * params.grid.y;
}

@compute @workgroup_size(RANGE_WORKGROUP)
fn cs_clear(@builtin(global_invocation_id) id: vec3<u32>) {
    let i = id.x;
    if i < BINS {
        atomicStore(&stats.hist[i], 0u);
    }
    if i == 0u {
        atomicStore(&stats.min_key, 0xffffffffu);
        atomicStore(&stats.max_key, 0u);
        atomicStore(&stats.gmax_key, 0u);
        atomicStore(&stats.count, 0u);
        atomicStore(&stats.min_pos_key, 0xffffffffu);
    }
}


// Gradient magnitude in value per pixel.
fn grad_px(s: vec4<f32>) -> f32 {
    let g = s.yz * params.world_per_px;
    return length(g);
}

// Each invocation folds a strided run of samples into registers, the workgroup combines
// its invocations in workgroup memory, and one invocation per workgroup touches the global
// atomics: a few hundred global atomics per frame instead of four per sample (a software
// GPU executes atomics one lane at a time, so per-sample atomics dominated the frame).
// Workgroup memory starts zeroed, so the minimum is kept as the maximum of !key.
var<workgroup> wg_not_min: atomic<u32>;
var<workgroup> wg_max: atomic<u32>;
var<workgroup> wg_gmax: atomic<u32>;
var<workgroup> wg_count: atomic<u32>;
var<workgroup> wg_not_min_pos: atomic<u32>;

// Keys of +0 … the largest subnormal, and of -0 below them: compared as integers, since a
// GPU may flush subnormal floats to zero.
const KEY_MINUS_ZERO: u32 = 0x7fffffffu;
const KEY_MIN_NORMAL: u32 = 0x80800000u;
var<workgroup> wg_hist: array<atomic<u32>, RANGE_BINS>;

@compute @workgroup_size(RANGE_WORKGROUP)
fn cs_main(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(local_invocation_index) lid: u32,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let n = sample_count();
    let stride = groups.x * RANGE_WORKGROUP;
    var kmin = 0xffffffffu;
    var kmax = 0u;
    var gmax = 0u;
    var count = 0u;
    var kpos = 0xffffffffu;
    for (var i = id.x; i < n; i += stride) {
        let s = field[i];
        if f_defined(s) {
            let k = order_key(s.x);
            kmin = min(kmin, k);
            kmax = max(kmax, k);
            if k >= KEY_MIN_NORMAL {
                kpos = min(kpos, k);
            }
            count += 1u;
            let g = grad_px(s);
            if gradient_defined(s) && g < 3.0e38 {
                gmax = max(gmax, order_key(g));
            }
        }
    }
    if count > 0u {
        atomicMax(&wg_not_min, ~kmin);
        atomicMax(&wg_max, kmax);
        atomicMax(&wg_gmax, gmax);
        atomicAdd(&wg_count, count);
        atomicMax(&wg_not_min_pos, ~kpos);
    }
    workgroupBarrier();
    if lid == 0u {
        let c = atomicLoad(&wg_count);
        if c > 0u {
            atomicMin(&stats.min_key, ~atomicLoad(&wg_not_min));
            atomicMax(&stats.max_key, atomicLoad(&wg_max));
            atomicAdd(&stats.count, c);
            atomicMin(&stats.min_pos_key, ~atomicLoad(&wg_not_min_pos));
            let g = atomicLoad(&wg_gmax);
            if g != 0u {
                atomicMax(&stats.gmax_key, g);
            }
        }
    }
}

fn bin_of(k: u32, kmin: u32, kmax: u32) -> u32 {
    let span = f32(kmax - kmin) + 1.0;
    let b = u32(f32(k - kmin) / span * f32(BINS));
    return min(b, BINS - 1u);
}

@compute @workgroup_size(RANGE_WORKGROUP)
fn cs_histogram(
    @builtin(global_invocation_id) id: vec3<u32>,
    @builtin(local_invocation_index) lid: u32,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    if params.percentile <= 0.0 {
        return;
    }
    let n = sample_count();
    let stride = groups.x * RANGE_WORKGROUP;
    let kmin = atomicLoad(&stats.min_key);
    let kmax = atomicLoad(&stats.max_key);
    for (var i = id.x; i < n; i += stride) {
        let s = field[i];
        if f_defined(s) {
            atomicAdd(&wg_hist[bin_of(order_key(s.x), kmin, kmax)], 1u);
        }
    }
    workgroupBarrier();
    for (var b = lid; b < BINS; b += RANGE_WORKGROUP) {
        let c = atomicLoad(&wg_hist[b]);
        if c > 0u {
            atomicAdd(&stats.hist[b], c);
        }
    }
}

// The key at the lower edge of bin b.
fn bin_key(b: u32, kmin: u32, kmax: u32) -> u32 {
    let span = f32(kmax - kmin) + 1.0;
    let off = u32(f32(b) / f32(BINS) * span);
    return kmin + min(off, kmax - kmin);
}

@compute @workgroup_size(1)
fn cs_resolve() {
    let count = atomicLoad(&stats.count);
    let kmin = atomicLoad(&stats.min_key);
    let kmax = atomicLoad(&stats.max_key);
    var r: RangeResult;
    r.count = count;
    r.gmax = 0.0;
    r.clipped = 0u;
    r.step = 0.0;
    r.heavy = 0u;
    r._pad0 = 0u;
    if count == 0u {
        r.lo = 0.0;
        r.hi = 0.0;
        r.vlo = 0.0;
        r.vhi = 0.0;
        r.delta = 1.0;
        r.shift = 0.0;
        result = r;
        return;
    }
    let gk = atomicLoad(&stats.gmax_key);
    if gk != 0u {
        r.gmax = order_unkey(gk);
    }
    var lo = order_unkey(kmin);
    var hi = order_unkey(kmax);
    if params.percentile > 0.0 && kmax > kmin {
        let want_lo = u32(f32(count) * params.percentile / 100.0);
        let want_hi = u32(f32(count) * (1.0 - params.percentile / 100.0));
        var acc = 0u;
        var blo = 0u;
        var bhi = BINS - 1u;
        var found_lo = false;
        for (var b = 0u; b < BINS; b++) {
            acc += atomicLoad(&stats.hist[b]);
            if !found_lo && acc > want_lo {
                blo = b;
                found_lo = true;
            }
            if acc >= want_hi {
                bhi = b;
                break;
            }
        }
        lo = max(lo, order_unkey(bin_key(blo, kmin, kmax)));
        if bhi + 1u < BINS {
            hi = min(hi, order_unkey(bin_key(bhi + 1u, kmin, kmax)));
        }
        if hi < lo {
            hi = lo;
        }
    }
    if (params.flags & FLAG_DIVERGING) != 0u {
        let m = max(abs(lo), abs(hi));
        lo = -m;
        hi = m;
    } else if params.log_scale != 0u {
        // f ≥ 0 reaching 0 or a subnormal (exp(x) underflows): the scale starts at the
        // smallest normal value instead of offsetting 0 to three decades below the top.
        let klo = order_key(lo);
        let kpos = atomicLoad(&stats.min_pos_key);
        if klo >= KEY_MINUS_ZERO && klo < KEY_MIN_NORMAL && kpos <= order_key(hi) {
            lo = order_unkey(kpos);
            r.clipped = 1u;
        }
    }
    r.lo = lo;
    r.hi = hi;
    r.shift = 0.0;
    r.delta = 0.0;
    if lo <= 0.0 {
        // log10(f − lo + δ): δ is a thousandth of the range, so the minimum maps three
        // decades below the maximum and stays visible.
        r.shift = lo;
        r.delta = max((0.5 * hi - 0.5 * lo) * 2.0e-3, 1.0e-30);
    }
    let log_on = log_mapped(params.log_scale, params.flags);
    r.vlo = map_value(lo, log_on, r);
    r.vhi = map_value(hi, log_on, r);
    // Round contour levels on the linear scale: about N of them, 1, 2 or 5 × 10ⁿ apart.
    let linear = !log_on;
    if linear && params.levels > 0u {
        let nice = round_step((r.vhi - r.vlo) / f32(params.levels + 1u));
        r.step = nice.x;
        r.heavy = select(0u, u32(nice.y), params.heavy_every > 0u);
    }
    result = r;
}

// The one of 1, 2 and 5 × 10ⁿ nearest `raw` (by ratio), and how many of it make a heavy
// line (5 of 1 or 2 × 10ⁿ, 2 of 5 × 10ⁿ); (0, 0) when `raw` is not a positive finite number.
fn round_step(raw: f32) -> vec2<f32> {
    if !(raw > 0.0) || raw > 1.0e37 {
        return vec2<f32>(0.0);
    }
    var p = exp2(floor(log2(raw) * LOG10_2) / LOG10_2);
    // exp2 and log2 round: put p at the power of ten just at or below raw.
    if p > raw {
        p = p * 0.1;
    }
    if p * 10.0 <= raw {
        p = p * 10.0;
    }
    // Between two candidates, the nearer by ratio: the boundaries are their geometric means.
    let m = raw / p;
    if m < 1.4142135 {
        return vec2<f32>(p, 5.0);
    }
    if m < 3.1622777 {
        return vec2<f32>(2.0 * p, 5.0);
    }
    if m < 7.0710678 {
        return vec2<f32>(5.0 * p, 2.0);
    }
    return vec2<f32>(10.0 * p, 5.0);
}

// gradfield gradient check, spliced into shaders/field.wgsl after the generated functions
// (src/gpu/check.rs) only when a pass is built for the check, so that ordinary field shaders
// stay small. Field mode 2 writes (log10 relative difference, 0, 0, defined) where defined
// says only whether the difference is (both gradients are defined there).
#import constants
#import sample

// Below this the relative difference is shown as this (log10 = -10): f32 cannot tell.
const CHECK_FLOOR: f32 = 1e-10;
// The smallest |exact gradient| a difference is taken relative to.
const CHECK_TINY: f32 = 1e-20;

// log10(|g_exact - g_numeric| / max(|g_exact|, CHECK_TINY)), computed on vectors scaled by
// their largest component so that no square or difference overflows.
fn gf_check(x: f32, y: f32) -> Sample {
    let e = gf_eval(x, y);
    let n = numeric_sample(x, y);
    let ge = vec2<f32>(e.dfdx, e.dfdy);
    let gn = vec2<f32>(n.dfdx, n.dfdy);
    let m = max(max(abs(ge.x), abs(ge.y)), max(abs(gn.x), abs(gn.y)));
    var rel = 0.0;
    if m > 0.0 {
        let a = ge / m;
        let b = gn / m;
        rel = length(a - b) / max(length(a), CHECK_TINY / m);
    }
    let v = log2(max(rel, CHECK_FLOOR)) * LOG10_2;
    let ok = e.dx_ok && e.dy_ok && n.dx_ok && n.dy_ok;
    return Sample(v, 0.0, 0.0, ok, false, false);
}

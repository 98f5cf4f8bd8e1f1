//! The WGSL of a data loss (see `expr::wgsl`): the term functions' parameters, the binding of
//! the points' storage buffer and the fixed loops that average the term over them.

/// The parameters of a data loss's term functions: the point (xᵢ, yᵢ) is `d`.
pub(super) const DATA_HEAD: &str = "(x: f32, y: f32, d: vec2<f32>";

/// Where a data loss's points are: binding 5 of the grid passes (`gpu::binding::grid_layouts`).
const DATA_BINDING: &str = "
// The data loss's points (xᵢ, yᵢ), bound by every grid pass (src/gpu/binding.rs).
@group(0) @binding(5) var<storage, read> gf_data: array<vec2<f32>>;
";

/// `gf_eval` and `gf_value` of a data loss: the mean of the term over the points, summed in
/// blocks of 64 (each block's sum added to the total), so the rounding error grows with
/// 64 + n/64 rather than n; a channel is defined where every term's is and no sum overflows.
pub(super) const DATA_EVAL: &str = "
fn gf_eval(x: f32, y: f32) -> Sample {
    let n = arrayLength(&gf_data);
    var total = vec3<f32>(0.0);
    var ok = vec3<bool>(n > 0u);
    var i = 0u;
    loop {
        if i >= n { break; }
        let end = min(n, i + 64u);
        var block = vec3<f32>(0.0);
        for (; i < end; i++) {
            let s = gf_term_eval(x, y, gf_data[i]);
            let f = gf_add(block.x, select(0.0, s.f, s.f_ok));
            let dx = gf_add(block.y, select(0.0, s.dfdx, s.dx_ok));
            let dy = gf_add(block.z, select(0.0, s.dfdy, s.dy_ok));
            block = vec3<f32>(f.v, dx.v, dy.v);
            ok = ok & vec3<bool>(s.f_ok && f.ok, s.dx_ok && dx.ok, s.dy_ok && dy.ok);
        }
        let f = gf_add(total.x, block.x);
        let dx = gf_add(total.y, block.y);
        let dy = gf_add(total.z, block.z);
        total = vec3<f32>(f.v, dx.v, dy.v);
        ok = ok & vec3<bool>(f.ok, dx.ok, dy.ok);
    }
    let mean = total / f32(max(n, 1u));
    return Sample(mean.x, mean.y, mean.z, ok.x, ok.x && ok.y, ok.x && ok.z);
}

fn gf_value(x: f32, y: f32) -> ValueOk {
    let n = arrayLength(&gf_data);
    var total = 0.0;
    var ok = n > 0u;
    var i = 0u;
    loop {
        if i >= n { break; }
        let end = min(n, i + 64u);
        var block = 0.0;
        for (; i < end; i++) {
            let s = gf_term_value(x, y, gf_data[i]);
            let f = gf_add(block, select(0.0, s.v, s.ok));
            block = f.v;
            ok = ok && s.ok && f.ok;
        }
        let f = gf_add(total, block);
        total = f.v;
        ok = ok && f.ok;
    }
    return ValueOk(total / f32(max(n, 1u)), ok);
}
";

/// `gf_hess` of a data loss: the mean of the term's six channels, summed as in [`DATA_EVAL`].
pub(super) const DATA_HESS: &str = "
fn gf_hess(x: f32, y: f32) -> Second {
    let n = arrayLength(&gf_data);
    var total = array<f32, 6>(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
    var bits = select(0u, 63u, n > 0u);
    var i = 0u;
    loop {
        if i >= n { break; }
        let end = min(n, i + 64u);
        var block = array<f32, 6>(0.0, 0.0, 0.0, 0.0, 0.0, 0.0);
        for (; i < end; i++) {
            let s = gf_term_hess(x, y, gf_data[i]);
            let v = array<f32, 6>(s.f, s.dx, s.dy, s.xx, s.xy, s.yy);
            bits = bits & s.bits;
            for (var k = 0u; k < 6u; k++) {
                let a = gf_add(block[k], select(0.0, v[k], (s.bits & (1u << k)) != 0u));
                block[k] = a.v;
                bits = bits & select(~(1u << k), ~0u, a.ok);
            }
        }
        for (var k = 0u; k < 6u; k++) {
            let a = gf_add(total[k], block[k]);
            total[k] = a.v;
            bits = bits & select(~(1u << k), ~0u, a.ok);
        }
    }
    // A derivative only where f is defined.
    bits = select(0u, bits, (bits & 1u) != 0u);
    let m = 1.0 / f32(max(n, 1u));
    return Second(total[0] * m, total[1] * m, total[2] * m, total[3] * m, total[4] * m,
        total[5] * m, bits);
}
";

/// The binding of the points, once per shader (the field functions and `gf_hess` may both
/// need it). The points are not in the text: passes take them as a buffer, so data losses of
/// one model share their shader and its pipelines.
pub(super) fn data_binding(s: &mut String) {
    if !s.contains(DATA_BINDING) {
        s.push_str(DATA_BINDING);
    }
}

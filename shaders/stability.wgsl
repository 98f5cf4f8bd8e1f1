// Step-size stability map: each plot pixel says whether gradient descent with the current
// learning rate eta is stable there (eta < 2 / lambda_max of the Hessian; cool colours) or
// overshoots (warm colours), deeper the farther eta is from the boundary, and the boundary
// eta = 2 / lambda_max is drawn as a dark line (a pixel whose neighbour falls on the other
// side). Where no eigenvalue is positive every eta is stable: a pale blue. Undefined: the grey
// hatch. The samples come from the Hessian pass (src/gpu/hessian.rs).
#import frame
#import hatch
#import fullplot

// `StabilityParams` in src/render/stability.rs (tests/layout.rs compares the two).
struct StabilityParams {
    // The map's grid W x H.
    size: vec2<u32>,
    // Map cell = plot pixel * cell_scale + cell_offset (the map may be of another view than
    // the one shown while a new one is computed).
    cell_scale: vec2<f32>,
    cell_offset: vec2<f32>,
    // The learning rate eta the map is drawn for.
    lr: f32,
    pad0: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
// Two vec4 per sample: (f, df/dx, df/dy, bits), (d2f/dx2, d2f/dxdy, d2f/dy2, 2 / lambda_max).
@group(0) @binding(1) var<storage, read> hess: array<vec4<f32>>;
@group(0) @binding(2) var<uniform> map: StabilityParams;

const SECOND_BITS: u32 = 56u;
const NO_POSITIVE: u32 = 64u;
const NOT_COMPUTED: vec3<f32> = vec3<f32>(0.3, 0.3, 0.3);
const STABLE_NEAR: vec3<f32> = vec3<f32>(0.55, 0.80, 0.78);
const STABLE_FAR: vec3<f32> = vec3<f32>(0.06, 0.42, 0.48);
const UNSTABLE_NEAR: vec3<f32> = vec3<f32>(0.98, 0.72, 0.45);
const UNSTABLE_FAR: vec3<f32> = vec3<f32>(0.72, 0.12, 0.10);
const ANY_STEP: vec3<f32> = vec3<f32>(0.80, 0.86, 0.96);
const BOUNDARY: vec3<f32> = vec3<f32>(0.05, 0.05, 0.08);

// -1 undefined, 0 stable, 1 unstable for the sample in cell c (clamped to the grid).
fn side(c: vec2<i32>) -> i32 {
    let ij = clamp(c, vec2<i32>(0), vec2<i32>(map.size) - 1);
    let k = 2u * (u32(ij.y) * map.size.x + u32(ij.x));
    let bits = u32(hess[k].w);
    if (bits & SECOND_BITS) != SECOND_BITS {
        return -1;
    }
    if (bits & NO_POSITIVE) != 0u {
        return 0;
    }
    return select(0, 1, map.lr > hess[k + 1u].w);
}

@fragment
fn fs_main(in: FullPlotOut) -> @location(0) vec4<f32> {
    let cell = floor((in.pos.xy - params.plot_origin) * map.cell_scale + map.cell_offset);
    if any(cell < vec2<f32>(0.0)) || any(cell >= vec2<f32>(map.size)) {
        return output_color(NOT_COMPUTED, 1.0, params.flags);
    }
    let ij = vec2<i32>(cell);
    let k = 2u * (u32(ij.y) * map.size.x + u32(ij.x));
    let bits = u32(hess[k].w);
    let here = side(ij);
    if here < 0 {
        return output_color(hatch(in.pos.xy), 1.0, params.flags);
    }
    var color = ANY_STEP;
    if (bits & NO_POSITIVE) == 0u {
        // How many doublings eta is from the boundary, 0 … 1 over four of them.
        let ratio = map.lr / max(hess[k + 1u].w, 1e-30);
        let depth = clamp(abs(log2(ratio)) / 4.0, 0.0, 1.0);
        if here == 1 {
            color = mix(UNSTABLE_NEAR, UNSTABLE_FAR, depth);
        } else {
            color = mix(STABLE_NEAR, STABLE_FAR, depth);
        }
    }
    // The boundary: a neighbour within the line's half width on the other side.
    let reach = max(1, i32(round(0.75 * params.line_width)));
    var edge = false;
    for (var d = 1; d <= reach; d += 1) {
        let n = array<vec2<i32>, 4>(vec2<i32>(d, 0), vec2<i32>(-d, 0), vec2<i32>(0, d), vec2<i32>(0, -d));
        for (var m = 0; m < 4; m += 1) {
            let other = side(ij + n[m]);
            if other >= 0 && other != here {
                edge = true;
            }
        }
    }
    if edge {
        color = BOUNDARY;
    }
    return output_color(color, 1.0, params.flags);
}

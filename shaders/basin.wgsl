// Convergence map picture: colours each plot pixel by where descent from it ends (basin: hue
// from the final point's angle around the view centre, brightness from its distance) or by
// the step at which it converged (steps: through the colour map's LUT). Diverged starts draw a
// magenta and black hatch, distinct from the grey hatch of undefined points.
#import constants
#import frame
#import colormap
#import hatch
#import fullplot

// `MapParams` in src/render/basin.rs (tests/layout.rs compares the two).
struct MapParams {
    // 0 basin, 1 steps.
    mode: u32,
    // The run's step limit (steps mode: t = step / steps).
    steps: u32,
    // The map's grid W × H (normally the plot size).
    size: vec2<u32>,
    center: vec2<f32>,
    half_extent: vec2<f32>,
    // Map cell = plot pixel * cell_scale + cell_offset: the map may have been computed for
    // another view than the one shown (the explorer shows the last map while a new one runs).
    cell_scale: vec2<f32>,
    cell_offset: vec2<f32>,
}

@group(0) @binding(0) var<uniform> params: Params;
// The walkers of src/gpu/walker.rs, three vec4 each: (x, y, ·, ·), (·, ·, ·, ·),
// (·, ·, steps as u32 bits, status as u32 bits).
@group(0) @binding(1) var<storage, read> walkers: array<vec4<f32>>;
@group(0) @binding(2) var<uniform> map: MapParams;
@group(0) @binding(3) var<uniform> lut: Lut;

const STILL_MOVING: vec3<f32> = vec3<f32>(0.12, 0.12, 0.14);
// Where the shown map has no start (the view moved since it was computed).
const NOT_COMPUTED: vec3<f32> = vec3<f32>(0.3, 0.3, 0.3);

fn hsv(h: f32, s: f32, v: f32) -> vec3<f32> {
    let c = clamp(abs(fract(h + vec3<f32>(0.0, 2.0 / 3.0, 1.0 / 3.0)) * 6.0 - 3.0) - 1.0, vec3<f32>(0.0), vec3<f32>(1.0));
    return v * mix(vec3<f32>(1.0), c, s);
}

@fragment
fn fs_main(in: FullPlotOut) -> @location(0) vec4<f32> {
    let cell = floor((in.pos.xy - params.plot_origin) * map.cell_scale + map.cell_offset);
    if any(cell < vec2<f32>(0.0)) || any(cell >= vec2<f32>(map.size)) {
        return output_color(NOT_COMPUTED, 1.0, params.flags);
    }
    let ij = vec2<i32>(cell);
    let base = 3u * (u32(ij.y) * map.size.x + u32(ij.x));
    let pos = walkers[base].xy;
    let tail = walkers[base + 2u];
    let steps = bitcast<u32>(tail.z);
    let status = bitcast<u32>(tail.w);
    var color = STILL_MOVING;
    if status == STATUS_DIVERGED {
        color = diverged_hatch(in.pos.xy);
    } else if map.mode == 1u {
        if status == STATUS_CONVERGED {
            color = lut_color(f32(steps) / f32(max(map.steps, 1u)));
        }
    } else {
        let d = (pos - map.center) / max(map.half_extent, vec2<f32>(1e-30));
        // Hues from red through green to blue only (0 … 0.72 of the wheel): violet and
        // magenta are left to the diverged hatch.
        let hue = (atan2(d.y, d.x) / 6.2831853 + 0.5) * 0.72;
        let r = clamp(length(d), 0.0, 1.5) / 1.5;
        color = hsv(hue, 0.8, 0.95 - 0.45 * r);
        if status != STATUS_CONVERGED {
            // Still moving after the last step: the same hue, greyed.
            color = mix(color, vec3<f32>(0.35), 0.6);
        }
    }
    return output_color(color, 1.0, params.flags);
}

// Heatmap with contour lines: one field sample per plot pixel, coloured through a 256-entry
// LUT over the GPU-computed range; contours at round levels (1, 2 or 5 × 10ⁿ apart; evenly
// spaced in log space when the log scale is on; or exactly the levels given), made the same width in pixels everywhere by dividing |v − level| by the
// exact gradient |∇v| in value per pixel. Samples where f is undefined draw a grey diagonal
// hatch; where only the gradient is undefined f is coloured as usual.
#import frame
#import scale
#import defined
#import colormap
#import hatch
#import fullplot

// The frame parameters and the range are storage buffers, not uniforms, because the branches
// below test their values: Mesa's lavapipe (22.x) specialises a shader on the uniforms its
// branches test, compiling and keeping a new copy every time the pipeline is bound (0.65 MB a
// frame; tests/redraw_memory.rs). It does not specialise on storage buffers.
@group(0) @binding(0) var<storage, read> params: Params;
@group(0) @binding(1) var<storage, read> field: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> range: RangeResult;
// The LUT (shaders/lib/colormap.wgsl) is a uniform: no branch tests its values.
@group(0) @binding(3) var<uniform> lut: Lut;

const LINE_DARK: vec3<f32> = vec3<f32>(CONTOUR_DARK);
const LINE_HALO: vec3<f32> = vec3<f32>(CONTOUR_HALO);

@fragment
fn fs_main(in: FullPlotOut) -> @location(0) vec4<f32> {
    let local = in.pos.xy - params.plot_origin;
    let ij = clamp(vec2<i32>(floor(local)), vec2<i32>(0), vec2<i32>(params.grid) - 1);
    let s = field[u32(ij.y) * params.grid.x + u32(ij.x)];
    if !f_defined(s) {
        return output_color(hatch(in.pos.xy), 1.0, params.flags);
    }
    let r = range;
    let log_on = log_mapped(params.log_scale, params.flags);
    let v = map_value(s.x, log_on, r);
    var color = vec3<f32>(0.0);
    if (params.flags & FLAG_HEATMAP) != 0u {
        color = lut_color(range_t(v, r));
    } else {
        color = vec3<f32>(1.0);
    }
    let span = r.vhi - r.vlo;
    // Contours need |grad v| for their width: none where only f is defined (a cusp line).
    let contours = (params.flags & FLAG_CONTOURS) != 0u && gradient_defined(s);
    if contours && params.levels > 0u && span > 0.0 && span < 3.0e38 {
        // Level k at base + k·step (shaders/lib/scale.wgsl): sv counts levels from base.
        let bs = level_base_step(r, params.levels);
        let sv = (v - bs.x) / bs.y;
        let k = round(sv);
        let gpx = length(s.yz * params.world_per_px) * map_slope(s.x, log_on, r);
        let spx = gpx / bs.y;
        var dist = abs(sv - k) / spx;
        var drawn = level_drawn(k, bs, r, params.levels);
        var heavy = level_heavy(k, bs, r, params.heavy_every);
        var fade = clamp((0.3 - spx / params.px_scale) / 0.1, 0.0, 1.0);
        if (params.flags & FLAG_LEVELS_AT) != 0u {
            // Exactly the levels given (`levels_at`, in f): the nearest one, none heavier,
            // none faded (a person chose them).
            var best = 3.0e38;
            for (var i = 0u; i < params.levels; i = i + 1u) {
                let lv = map_value(params.levels_at[i / 4u][i % 4u], log_on, r);
                best = min(best, abs(v - lv));
            }
            dist = best / gpx;
            drawn = best < 3.0e38;
            heavy = false;
            fade = 1.0;
        }
        if drawn && spx > 0.0 {
            // Coarse layers (px_scale > 1) keep lines at least 0.6 of their pixels wide:
            // thinner, they would break up into dots once magnified.
            let thinnest = select(0.0, 0.3, params.px_scale > 1.0);
            var half_w = max(0.6 * params.line_width, thinnest);
            if heavy {
                half_w = max(1.2 * params.line_width, 2.0 * thinnest);
            }
            // Where levels crowd closer than ~4 px on screen, lines would merge: `fade` takes
            // them out. In coarse layers (px_scale > 1) the halo keeps its 1 px on screen.
            let halo = fade * clamp(half_w + 0.5 + 1.0 / params.px_scale - dist, 0.0, 1.0);
            let line = fade * clamp(half_w + 0.5 - dist, 0.0, 1.0);
            color = mix(color, LINE_HALO, CONTOUR_HALO_MIX * halo);
            color = mix(color, LINE_DARK, line);
        }
    }
    return output_color(color, 1.0, params.flags);
}

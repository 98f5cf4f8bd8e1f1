// The surface z = f(x, y) in its box: the rect's background, the mesh written by
// shaders/surface_mesh.wgsl coloured by the colour map at its height (height and colour
// agree), lit by its normal from the exact gradient, with the contour lines at the heatmap's
// levels drawn on it, cut off cleanly at the box's top and floor and open where f is
// undefined; and the floor under it, with the contour lines projected on it.
#import frame
#import colormap
#import defined
#import fullplot
#import view3

@group(0) @binding(0) var<storage, read> params: Params;
@group(0) @binding(1) var<storage, read> s3: Surface3;
@group(0) @binding(2) var<storage, read> nodes: array<vec4<f32>>;
@group(0) @binding(3) var<uniform> lut: Lut;
@group(0) @binding(4) var<storage, read> field: array<vec4<f32>>;

const LINE_DARK: vec3<f32> = vec3<f32>(CONTOUR_DARK);
// Where f sits outside the box by more than this share of its height, the surface is cut.
const CUT_SLACK: f32 = 1.0e-4;
// Ambient and diffuse shares of the light; the highlight's strength and sharpness.
const AMBIENT: f32 = 0.5;
const DIFFUSE: f32 = 0.55;
const SPECULAR: f32 = 0.12;
const SHININESS: f32 = 32.0;
// The floor is drawn this share of the box's height below z = 0.
const FLOOR_DROP: f32 = 0.004;
// The floor's contour lines: the level's colour, darkened on a pale floor to stand out.
const FLOOR_LINE_SHADE: f32 = 0.7;

// ---- the rect's background: one triangle over the viewport (lib/fullplot.wgsl) ----

@fragment
fn fs_bg(in: FullPlotOut) -> @location(0) vec4<f32> {
    return output_color(s3.background.rgb, 1.0, params.flags);
}

// ---- contour lines: the heatmap's levels, the same width in pixels everywhere ----

// The heatmap's levels in units of t (the place in the colour range): level k sits at
// sv = t·m + c = k, with round levels (s3.level_step > 0: multiples of the step, as
// shaders/lib/scale.wgsl places them) or N evenly spaced (m = N + 1, c = 0). Returns (m, c).
fn level_scale() -> vec2<f32> {
    let span = s3.heights.y - s3.heights.x;
    if s3.level_step > 0.0 && span > 0.0 {
        let base = floor(s3.heights.x / s3.level_step) * s3.level_step;
        return vec2<f32>(span / s3.level_step, (s3.heights.x - base) / s3.level_step);
    }
    return vec2<f32>(f32(params.levels + 1u), 0.0);
}

// The coverage of the contour line at `sv` (level units, `level_scale`), `w` its change per
// pixel: lines at the levels strictly inside the range, the heavy ones wider.
fn contour_cover(sv: f32, w: f32, mc: vec2<f32>) -> f32 {
    if (params.flags & FLAG_CONTOURS) == 0u || params.levels == 0u || !(w > 0.0) {
        return 0.0;
    }
    let k = round(sv);
    let t = (k - mc.y) / mc.x;
    if !(t > 0.0 && t < 1.0) {
        return 0.0;
    }
    let dist = abs(sv - k) / w;
    var heavy = params.heavy_every > 0u && u32(k) % params.heavy_every == 0u;
    if s3.level_step > 0.0 {
        let index = u32(abs(floor(s3.heights.x / s3.level_step) + k));
        heavy = s3.level_heavy > 0u && index % s3.level_heavy == 0u;
    }
    var half_w = 0.6 * params.line_width;
    if heavy {
        half_w = 1.2 * params.line_width;
    }
    // Where levels crowd closer than ~4 px, lines would merge: fade them out.
    let fade = clamp((0.3 - w) / 0.1, 0.0, 1.0);
    return fade * clamp(half_w + 0.5 - dist, 0.0, 1.0);
}

// ---- the mesh ----

struct MeshOut {
    @builtin(position) pos: vec4<f32>,
    @location(0) box: vec3<f32>,
    @location(1) t: f32,
    @location(2) normal: vec3<f32>,
    @location(3) ok: f32,
}

@vertex
fn vs_mesh(@builtin(vertex_index) vi: u32) -> MeshOut {
    let a = nodes[vi * 2u];
    let b = nodes[vi * 2u + 1u];
    var out: MeshOut;
    out.pos = s3.view_proj * vec4<f32>(a.xyz, 1.0);
    out.box = a.xyz;
    out.t = a.w;
    out.normal = b.xyz;
    // A hole's node poisons every triangle that touches it: the interpolated value falls
    // below 1 as soon as the hole's weight is above 1e-6.
    out.ok = select(-1.0e6, 1.0, b.w > 0.5);
    return out;
}

@fragment
fn fs_mesh(in: MeshOut) -> @location(0) vec4<f32> {
    // Derivatives first, in uniform control flow, and of the interpolated values alone:
    // lavapipe's helper invocations read storage buffers as zeros, so the derivative of an
    // expression that reads one (the level count) would be garbage.
    let dt = fwidth(in.t);
    let mc = level_scale();
    let sv = in.t * mc.x + mc.y;
    let w = dt * mc.x;
    let h = s3.box_size.z;
    if in.ok < 0.999 || in.box.z > h * (1.0 + CUT_SLACK) || in.box.z < -h * CUT_SLACK {
        discard;
    }
    var base = vec3<f32>(0.93);
    if (params.flags & FLAG_HEATMAP) != 0u {
        base = lut_color(clamp(in.t, 0.0, 1.0));
    }
    // Two-sided: the normal faces the eye.
    let view = normalize(s3.eye.xyz - in.box);
    var n = normalize(in.normal);
    if dot(n, view) < 0.0 {
        n = -n;
    }
    let l = s3.light.xyz;
    let diffuse = max(dot(n, l), 0.0);
    let half_v = normalize(l + view);
    let spec = SPECULAR * pow(max(dot(n, half_v), 0.0), SHININESS);
    var color = min(base * (AMBIENT + DIFFUSE * diffuse) + vec3<f32>(spec), vec3<f32>(1.0));
    color = mix(color, LINE_DARK, contour_cover(sv, w, mc));
    return output_color(color, 1.0, params.flags);
}

// ---- the floor ----

struct FloorOut {
    @builtin(position) pos: vec4<f32>,
    @location(0) xy: vec2<f32>,
}

@vertex
fn vs_floor(@builtin(vertex_index) vi: u32) -> FloorOut {
    // Two triangles over the floor's rectangle.
    var corners = array<vec2<f32>, 6>(
        vec2<f32>(-1.0, -1.0), vec2<f32>(1.0, -1.0), vec2<f32>(1.0, 1.0),
        vec2<f32>(-1.0, -1.0), vec2<f32>(1.0, 1.0), vec2<f32>(-1.0, 1.0),
    );
    let xy = corners[vi] * s3.box_size.xy;
    var out: FloorOut;
    // A little below z = 0, so that a surface lying on the floor (values at the bottom of
    // the range) is drawn over it rather than fighting it for depth.
    out.pos = s3.view_proj * vec4<f32>(xy, -FLOOR_DROP * s3.box_size.z, 1.0);
    out.xy = xy;
    return out;
}

// The field sample nearest to the floor point `xy`.
fn floor_sample(xy: vec2<f32>) -> vec4<f32> {
    let g = vec2<f32>(s3.grid);
    let col = (xy.x / s3.box_size.x + 1.0) * 0.5 * g.x - 0.5;
    let row = (1.0 - xy.y / s3.box_size.y) * 0.5 * g.y - 0.5;
    let last = vec2<i32>(s3.grid) - 1;
    let ij = clamp(vec2<i32>(round(vec2<f32>(col, row))), vec2<i32>(0), last);
    return field[u32(ij.y) * s3.grid.x + u32(ij.x)];
}

@fragment
fn fs_floor(in: FloorOut) -> @location(0) vec4<f32> {
    // Box units per pixel, for the lines' width (uniform control flow).
    let step = fwidth(in.xy);
    var color = s3.floor_color.rgb;
    let smp = floor_sample(in.xy);
    if s3.floor_contours != 0u && gradient_defined(smp) {
        let mc = level_scale();
        let t = height_t(smp.x, s3);
        // Levels per pixel from the exact gradient: d(sv)/d(box) · box per pixel; between
        // samples the value follows the gradient from the nearest one.
        let g = vec2<f32>(s3.grid);
        let cr = vec2<f32>(
            (in.xy.x / s3.box_size.x + 1.0) * 0.5 * g.x - 0.5,
            (1.0 - in.xy.y / s3.box_size.y) * 0.5 * g.y - 0.5,
        );
        let centre = floor_at(round(cr.x), round(cr.y), s3);
        let dsv = height_t_slope(smp.x, s3) * mc.x * smp.yz / xy_scale(s3);
        let sv = t * mc.x + mc.y + dot(dsv, in.xy - centre);
        let w = abs(dsv.x) * step.x + abs(dsv.y) * step.y;
        let cover = contour_cover(sv, w, mc);
        let k = clamp((round(sv) - mc.y) / mc.x, 0.0, 1.0);
        // Darkened on a pale floor, as they are on a dark one.
        var line = lut_color(k);
        if dot(s3.floor_color.rgb, vec3<f32>(1.0 / 3.0)) > 0.5 {
            line = line * FLOOR_LINE_SHADE;
        }
        color = mix(color, line, cover);
    }
    return output_color(color, 1.0, params.flags);
}

// What the 3D view draws over the surface (src/surface/marks.rs `Marks3`): segments of its
// polylines as screen-facing capsules of constant width in pixels (round ends, so polylines
// join smoothly), balls as discs shaded like spheres, both with the surface's depth (lifted a
// little towards the eye so that what lies on the surface is not hidden by it), or on top of
// everything; and translucent triangles (slice planes, the tangent plane).
#import frame
#import view3

@group(0) @binding(0) var<storage, read> params: Params;
@group(0) @binding(1) var<storage, read> s3: Surface3;
@group(0) @binding(2) var<storage, read> marks: array<Mark3>;
@group(0) @binding(3) var<storage, read> tris: array<TriVertex>;

// One segment or ball (src/render/surface/lines3d.rs `Mark3`).
struct Mark3 {
    a: vec4<f32>,      // xyz: start (a ball's centre); w: 1 on top of everything
    b: vec4<f32>,      // xyz: end (a ball: unused); w: half width or radius, pixels
    color: vec4<f32>,  // sRGB and alpha
    kind: vec4<u32>,   // x: 0 segment, 1 ball
}

// One corner of a translucent triangle (src/render/surface/lines3d.rs `TriVertex`).
struct TriVertex {
    pos: vec4<f32>,    // xyz in box coordinates
    color: vec4<f32>,  // sRGB and alpha
}

struct MarkOut {
    @builtin(position) pos: vec4<f32>,
    @location(0) color: vec4<f32>,
    // Target pixels of the segment's ends (a ball: its centre twice) and the half width.
    @location(1) @interpolate(flat) ends: vec4<f32>,
    @location(2) @interpolate(flat) style: vec2<f32>,
}

// A box point lifted towards the eye by the marks' lift and `px` pixels more (a ball's
// radius, so that a ball on the surface is not half buried in it), in clip space.
fn lifted(p: vec3<f32>, px: f32) -> vec4<f32> {
    let to_eye = s3.eye.xyz - p;
    let d = length(to_eye);
    var q = p;
    if d > 0.0 {
        let lift = s3.box_size.w + px * s3.light.w * d;
        q = p + to_eye / d * min(lift, 0.5 * d);
    }
    return s3.view_proj * vec4<f32>(q, 1.0);
}

// Clip space → target pixels (y down).
fn to_px(c: vec4<f32>) -> vec2<f32> {
    let ndc = c.xy / c.w;
    return s3.rect.xy + vec2<f32>(ndc.x + 1.0, 1.0 - ndc.y) * 0.5 * s3.rect.zw;
}

// Target pixels and an NDC depth → clip space.
fn from_px(px: vec2<f32>, z: f32) -> vec4<f32> {
    let ndc = (px - s3.rect.xy) / s3.rect.zw * 2.0 - 1.0;
    return vec4<f32>(ndc.x, -ndc.y, z, 1.0);
}

@vertex
fn vs_mark(@builtin(vertex_index) vi: u32, @builtin(instance_index) ii: u32) -> MarkOut {
    let m = marks[ii];
    var out: MarkOut;
    out.color = m.color;
    var ca = lifted(m.a.xyz, 0.0);
    var cb = ca;
    if m.kind.x == 0u {
        cb = lifted(m.b.xyz, 0.0);
    } else {
        ca = lifted(m.a.xyz, m.b.w);
        cb = ca;
    }
    if ca.w <= 1.0e-6 || cb.w <= 1.0e-6 {
        // Behind the eye: nothing.
        out.pos = vec4<f32>(2.0, 2.0, 2.0, 1.0);
        out.ends = vec4<f32>(0.0);
        out.style = vec2<f32>(0.0);
        return out;
    }
    let pa = to_px(ca);
    let pb = to_px(cb);
    let r = m.b.w + 1.0;
    var dir = vec2<f32>(1.0, 0.0);
    if distance(pa, pb) > 1.0e-3 {
        dir = normalize(pb - pa);
    }
    let side = vec2<f32>(-dir.y, dir.x);
    // Six corners of the capsule's rectangle: (end, side) per corner.
    var corner = array<vec2<f32>, 6>(
        vec2<f32>(0.0, -1.0), vec2<f32>(1.0, -1.0), vec2<f32>(1.0, 1.0),
        vec2<f32>(0.0, -1.0), vec2<f32>(1.0, 1.0), vec2<f32>(0.0, 1.0),
    );
    let c = corner[vi];
    var px = pa - dir * r;
    var z = ca.z / ca.w;
    if c.x > 0.5 {
        px = pb + dir * r;
        z = cb.z / cb.w;
    }
    px = px + side * c.y * r;
    if m.a.w > 0.5 {
        z = 0.0;
    }
    out.pos = from_px(px, clamp(z, 0.0, 1.0));
    out.ends = vec4<f32>(pa, pb);
    out.style = vec2<f32>(m.b.w, f32(m.kind.x));
    return out;
}

@fragment
fn fs_mark(in: MarkOut) -> @location(0) vec4<f32> {
    let p = in.pos.xy;
    let a = in.ends.xy;
    let b = in.ends.zw;
    let ab = b - a;
    let len2 = dot(ab, ab);
    var t = 0.0;
    if len2 > 0.0 {
        t = clamp(dot(p - a, ab) / len2, 0.0, 1.0);
    }
    let d = distance(p, a + ab * t);
    let r = in.style.x;
    let cover = clamp(r + 0.5 - d, 0.0, 1.0);
    if cover <= 0.0 {
        discard;
    }
    var color = in.color.rgb;
    if in.style.y > 0.5 {
        // A ball: lit as a sphere from the upper left, with a dark rim.
        let q = (p - a) / max(r, 1.0);
        let nz = sqrt(max(1.0 - dot(q, q), 0.0));
        let lit = 0.55 + 0.45 * clamp(dot(vec3<f32>(q.x, q.y, nz), normalize(vec3<f32>(-0.4, -0.5, 0.8))), 0.0, 1.0);
        color = color * lit;
        let rim = clamp(d - (r - 1.5 * params.line_width), 0.0, 1.0);
        color = mix(color, vec3<f32>(0.1), rim);
    }
    return output_color(color, in.color.a * cover, params.flags);
}

struct TriOut {
    @builtin(position) pos: vec4<f32>,
    @location(0) color: vec4<f32>,
}

@vertex
fn vs_tri(@builtin(vertex_index) vi: u32) -> TriOut {
    let v = tris[vi];
    var out: TriOut;
    // Lifted as the lines are: a tangent plane lying on a flat surface is not lost in it.
    out.pos = lifted(v.pos.xyz, 0.0);
    out.color = v.color;
    return out;
}

@fragment
fn fs_tri(in: TriOut) -> @location(0) vec4<f32> {
    return output_color(in.color.rgb, in.color.a, params.flags);
}

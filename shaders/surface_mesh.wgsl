// The surface's mesh from the field buffer: one node per `stride` field samples (the last
// column and row always included), each written as two vec4: the box point (x, y, z) with
// its unclamped place t in the colour range, and the unit normal from the exact gradient,
// n ∝ (−∂z/∂X, −∂z/∂Y, 1) in box coordinates (`BoxMap::normal`), with 1 where f is defined
// (0: a hole). Heights outside the colour range are kept (bounded) so that the surface
// shader cuts them off cleanly at the box's top and floor.
#import constants
#import defined
#import view3

@group(0) @binding(0) var<storage, read> s3: Surface3;
@group(0) @binding(1) var<storage, read> field: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> nodes: array<vec4<f32>>;

// Heights are kept within this many box heights below the floor and above the top: far
// enough that the cut lies where the triangle crosses the box, near enough to stay finite.
const T_LOW: f32 = -4.0;
const T_HIGH: f32 = 5.0;
// Normal components are bounded so that a cliff's normal stays finite.
const SLOPE_MAX: f32 = 1.0e6;

@compute @workgroup_size(8, 8)
fn cs_mesh(@builtin(global_invocation_id) id: vec3<u32>) {
    if id.x >= s3.nodes.x || id.y >= s3.nodes.y {
        return;
    }
    let col = min(id.x * s3.stride, s3.grid.x - 1u);
    let row = min(id.y * s3.stride, s3.grid.y - 1u);
    let smp = field[row * s3.grid.x + col];
    let xy = floor_at(f32(col), f32(row), s3);
    var z = 0.0;
    var t = 0.0;
    var ok = 0.0;
    var n = vec3<f32>(0.0, 0.0, 1.0);
    if f_defined(smp) {
        t = clamp(height_t(smp.x, s3), T_LOW, T_HIGH);
        z = t * s3.box_size.z;
        ok = 1.0;
        if gradient_defined(smp) {
            let dz_df = height_t_slope(smp.x, s3) * s3.box_size.z;
            let k = dz_df / xy_scale(s3);
            let a = clamp(-k.x * smp.y, -SLOPE_MAX, SLOPE_MAX);
            let b = clamp(-k.y * smp.z, -SLOPE_MAX, SLOPE_MAX);
            n = normalize(vec3<f32>(a, b, 1.0));
        }
    }
    let i = (id.y * s3.nodes.x + id.x) * 2u;
    nodes[i] = vec4<f32>(xy, z, t);
    nodes[i + 1u] = vec4<f32>(n, ok);
}

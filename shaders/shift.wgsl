// gradfield shift pass: after a pan by whole pixels, the part of the last field that is still
// in view moved to where the new grid has it (src/gpu/field_reuse.rs). Both buffers have the
// layout of shaders/field.wgsl, `width` samples a row; the samples of the rectangle of `size`
// at `src` in `old` go to the rectangle at `dst` in `moved`. The field pass then evaluates only
// the strips the pan exposed. A storage buffer holds the rectangle: its values change every
// frame and the bounds test reads them (lavapipe specialises shaders on such uniforms).
#import constants

// `Shift` in src/gpu/field_reuse.rs (tests/layout.rs compares the two).
struct Shift {
    src: vec2<u32>,
    dst: vec2<u32>,
    size: vec2<u32>,
    width: u32,
    _pad: u32,
}

@group(0) @binding(0) var<storage, read> shift: Shift;
@group(0) @binding(1) var<storage, read> old: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read_write> moved: array<vec4<f32>>;

@compute @workgroup_size(FIELD_WORKGROUP, FIELD_WORKGROUP)
fn cs_main(@builtin(global_invocation_id) gid: vec3<u32>) {
    if gid.x >= shift.size.x || gid.y >= shift.size.y {
        return;
    }
    let s = (gid.y + shift.src.y) * shift.width + gid.x + shift.src.x;
    let d = (gid.y + shift.dst.y) * shift.width + gid.x + shift.dst.x;
    moved[d] = old[s];
}

// The 3D view's settings for one frame (src/render/surface/params.rs `Surface3`; the layout
// test in tests/layout.rs compares the two): the camera's box-to-clip matrix, the eye and the
// light, the box, the heights of the colour range, the field grid and the mesh over it, and
// the surface's rect in the target. Bound as a storage buffer: the shaders' branches test
// its values (see shaders/heatmap.wgsl on lavapipe and uniforms).
#import constants

struct Surface3 {
    view_proj: mat4x4<f32>,   // box → clip (src/surface/camera.rs `Camera::view_proj`)
    eye: vec4<f32>,           // xyz: the eye in box coordinates
    light: vec4<f32>,         // xyz: unit vector towards the light
    box_size: vec4<f32>,      // half width (x), half depth (y), height, marks' lift
    heights: vec4<f32>,       // vlo, vhi, delta, shift of the colour range (mapped space)
    rect: vec4<f32>,          // the surface's rect in target pixels: x, y, w, h
    background: vec4<f32>,    // the rect's background, sRGB
    floor_color: vec4<f32>,   // the floor, sRGB
    world_per_px: vec2<f32>,  // of the field grid
    grid: vec2<u32>,          // field grid W × H
    nodes: vec2<u32>,         // mesh nodes across × down
    stride: u32,              // field samples between neighbouring nodes
    log_scale: u32,           // 1: heights through log10, as the colour scale
    floor_contours: u32,      // 1: contour lines on the floor
    level_step: f32,          // the heatmap's round level step (mapped space; 0: N evenly)
    level_heavy: u32,         // with a round step: every level_heavy-th multiple is heavier
    _pad0: u32,
}

// f in mapped space (src/surface/boxmap.rs `Heights::map_value`, overflow-safe as
// shaders/lib/scale.wgsl `map_value`).
fn height_mapped(f: f32, s: Surface3) -> f32 {
    if s.log_scale == 0u {
        return f;
    }
    if s.heights.w == 0.0 && s.heights.z == 0.0 {
        return log2(max(f, MIN_NORMAL)) * LOG10_2;
    }
    let half = 0.5 * f - 0.5 * s.heights.w + 0.5 * s.heights.z;
    return log2(max(half, MIN_NORMAL)) * LOG10_2 + LOG10_2;
}

// d(mapped)/df at f.
fn height_map_slope(f: f32, s: Surface3) -> f32 {
    if s.log_scale == 0u {
        return 1.0;
    }
    if s.heights.w == 0.0 && s.heights.z == 0.0 {
        return LOG10_E / max(f, MIN_NORMAL);
    }
    let half = 0.5 * f - 0.5 * s.heights.w + 0.5 * s.heights.z;
    return LOG10_E / (2.0 * max(half, MIN_NORMAL));
}

// Where f sits in the colour range, not clamped (0.5 for an empty range: a constant
// function); `Heights::t`.
fn height_t(f: f32, s: Surface3) -> f32 {
    let span = 0.5 * s.heights.y - 0.5 * s.heights.x;
    if !(span > 0.0) {
        return 0.5;
    }
    return (0.5 * height_mapped(f, s) - 0.5 * s.heights.x) / span;
}

// dt/df at f (0 for an empty range); `Heights::t_slope`.
fn height_t_slope(f: f32, s: Surface3) -> f32 {
    let span = 0.5 * s.heights.y - 0.5 * s.heights.x;
    if !(span > 0.0) {
        return 0.0;
    }
    return 0.5 * height_map_slope(f, s) / span;
}

// Box units per world unit along x and y (`BoxMap::xy_scale`).
fn xy_scale(s: Surface3) -> vec2<f32> {
    let world = vec2<f32>(s.grid) * s.world_per_px;
    return 2.0 * s.box_size.xy / world;
}

// The floor point (z = 0) at field column `col`, row `row`, both fractional: the grid
// convention puts sample i at the centre of pixel i, row 0 at the top (+y).
fn floor_at(col: f32, row: f32, s: Surface3) -> vec2<f32> {
    let g = vec2<f32>(s.grid);
    return vec2<f32>(
        ((col + 0.5) / g.x * 2.0 - 1.0) * s.box_size.x,
        (1.0 - (row + 0.5) / g.y * 2.0) * s.box_size.y,
    );
}

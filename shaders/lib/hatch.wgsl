// Hatches fixed to the screen, patterns no colour map draws: two greys in 45° stripes where f
// is undefined, magenta and black in stripes of the other diagonal where descent diverged.

const HATCH_A: vec3<f32> = vec3<f32>(0.42, 0.42, 0.42);
const HATCH_B: vec3<f32> = vec3<f32>(0.62, 0.62, 0.62);
const HATCH_PERIOD: f32 = 8.0;

// Where f is undefined.
fn hatch(px: vec2<f32>) -> vec3<f32> {
    let s = fract((px.x + px.y) / HATCH_PERIOD);
    return select(HATCH_B, HATCH_A, s < 0.5);
}

// Where descent diverged (convergence maps).
fn diverged_hatch(px: vec2<f32>) -> vec3<f32> {
    let s = fract((px.x - px.y) / HATCH_PERIOD);
    return select(vec3<f32>(0.0), vec3<f32>(0.85, 0.0, 0.85), s < 0.5);
}

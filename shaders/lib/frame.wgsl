// The per-frame settings every render shader reads (src/render/mod.rs `Params`; the layout
// test in tests/layout.rs compares the two) and the helpers that turn plot pixels into clip
// space and colours into what the target expects.
#import render_constants

struct Params {
    grid: vec2<u32>,          // field grid W × H = plot size in pixels
    plot_origin: vec2<f32>,   // top-left of the plot in target pixels
    target_size: vec2<f32>,   // target size in pixels
    world_per_px: vec2<f32>,  // (x1 − x0)/W, (y1 − y0)/H
    levels: u32,              // number of contour levels
    heavy_every: u32,         // every k-th level is heavier (0: none)
    log_scale: u32,           // 1: colour and levels in log space
    flags: u32,               // FLAG_* (render_constants)
    percentile: f32,          // 0: min/max; p: clip to [p, 100 − p] percent
    arrow_spacing: f32,       // anchor spacing in pixels
    arrow_dir: f32,           // +1 ascent, −1 descent, 0 none
    arrow_length: u32,        // 0 normalised, 1 proportional (capped), 2 logarithmic
    arrow_grid: vec2<u32>,    // anchors across × down
    line_width: f32,          // width factor of contours, arrows, path lines and markers
    px_scale: f32,            // screen pixels per pixel of the layers (the level of detail's divisor)
    levels_at: array<vec4<f32>, 8>, // FLAG_LEVELS_AT: the contour levels given, in f
}

fn srgb_to_linear(c: vec3<f32>) -> vec3<f32> {
    let lo = c / 12.92;
    let hi = pow((c + 0.055) / 1.055, vec3<f32>(2.4));
    return select(hi, lo, c <= vec3<f32>(0.04045));
}

// Final colour (given in sRGB) as the target expects it. It takes `Params.flags`, not the
// whole `Params`: a struct passed by value is loaded whole from its storage buffer, and a
// software GPU paid about 7 ms a frame for that in the arrows' fragments alone.
fn output_color(srgb: vec3<f32>, alpha: f32, flags: u32) -> vec4<f32> {
    if (flags & FLAG_SRGB_TARGET) != 0u {
        return vec4<f32>(srgb_to_linear(srgb), alpha);
    }
    return vec4<f32>(srgb, alpha);
}

// Target pixel → clip space.
fn to_clip(px: vec2<f32>, target_size: vec2<f32>) -> vec4<f32> {
    let ndc = px / target_size * 2.0 - 1.0;
    return vec4<f32>(ndc.x, -ndc.y, 0.0, 1.0);
}

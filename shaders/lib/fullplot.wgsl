// The vertex stage of a pass that colours every plot pixel (heatmap, convergence map): one
// triangle that covers the viewport, which the pass sets to the plot rectangle.

struct FullPlotOut {
    @builtin(position) pos: vec4<f32>,
}

@vertex
fn vs_main(@builtin(vertex_index) vi: u32) -> FullPlotOut {
    let uv = vec2<f32>(f32((vi << 1u) & 2u), f32(vi & 2u));
    var out: FullPlotOut;
    out.pos = vec4<f32>(uv * 2.0 - 1.0, 0.0, 1.0);
    return out;
}

//! Soak tests of the path layer through the explorer's plain-Rust state and a real renderer on
//! the GPU (lavapipe where there is no GPU): as 28 paths walk Rosenbrock's valley to the
//! 10,000-step limit, what a frame uploads and draws for them stays bounded, counted by the
//! renderer (`Renderer::path_stats`) because tests do not assert on wall-clock time. The window
//! soak under Xvfb is in tests/soak_window.rs.

#[path = "common_gpu/mod.rs"]
mod common_gpu;

use common_gpu::Rng;
use gradfield::app::ExplorerState;
use gradfield::gpu::{Gpu, GradientMode};
use gradfield::render::path_trace::{kept_limit, MAX_KEPT_TOTAL};
use gradfield::render::{
    Layout, OffscreenTarget, PathStats, RenderSettings, Renderer, OFFSCREEN_FORMAT,
};

/// Bytes of one drawn primitive (keep in sync with `render::paths::Prim`).
const PRIM: u64 = 48;
const PATHS: usize = 28;
const SIZE: (u32, u32) = (320, 240);

fn rosenbrock_with_paths(seed: u64) -> ExplorerState {
    let index = gradfield::presets::all()
        .iter()
        .position(|p| p.name == "rosenbrock")
        .expect("the rosenbrock preset");
    let mut s = ExplorerState::from_preset(index).expect("the preset opens");
    s.set_canvas(SIZE.0 as f64, SIZE.1 as f64);
    s.clear_paths();
    let v = s.shown_view();
    let mut rng = Rng(seed);
    for _ in 0..PATHS {
        let x = v.x0 + (v.x1 - v.x0) * (0.05 + 0.9 * rng.unit());
        let y = v.y0 + (v.y1 - v.y0) * (0.05 + 0.9 * rng.unit());
        s.add_path_at(x, y);
    }
    // Never converged: every path runs to the step limit, 10 steps a frame at 60 frames/s.
    s.doc.tol = 0.0;
    s.doc.steps_per_second = 600.0;
    s
}

/// A frame as the window draws it: the paths taken in, the layers and the paths drawn into an
/// offscreen target, submitted.
fn frame(gpu: &Gpu, r: &mut Renderer, s: &ExplorerState, target: &OffscreenTarget) -> PathStats {
    let layout = Layout::full(SIZE.0, SIZE.1);
    let view = s.shown_view();
    let settings = RenderSettings::default();
    r.set_paths(gpu, &layout, &view, true, &s.running.paths);
    let work = r
        .prepare_layers(gpu, &layout, &view, &settings, GradientMode::Exact)
        .expect("a frame");
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor { label: None });
    r.encode(&mut encoder, target.texture(), &work);
    gpu.queue.submit([encoder.finish()]);
    let _ = gpu.device.poll(wgpu::PollType::Poll);
    r.path_stats()
}

fn points(s: &ExplorerState) -> u64 {
    s.running
        .paths
        .iter()
        .map(|t| t.path.points.len() as u64)
        .sum()
}

/// Reproduces "frames get slower with path history": 28 paths on Rosenbrock for 3 minutes
/// took frames from 17 to 140 ms, as every frame rebuilt and uploaded every iterate so far
/// (at 10,000 steps, 27 MB a frame).
#[test]
fn per_frame_path_work_stays_bounded_as_28_paths_walk_10000_steps() {
    let gpu = common_gpu::gpu();
    let mut s = rosenbrock_with_paths(7);
    let mut r = Renderer::new(&gpu, OFFSCREEN_FORMAT, &s.doc.function).expect("a renderer");
    let target = OffscreenTarget::new(&gpu.device, OFFSCREEN_FORMAT, SIZE).expect("a target");
    // What one frame may draw and upload, whatever the history: every kept iterate is a
    // segment and a marker, plus a tail, a start ring and a current disc per path.
    let max_instances =
        2 * (kept_limit(PATHS) * PATHS).min(MAX_KEPT_TOTAL) as u64 + 3 * PATHS as u64;
    let max_frame_bytes = max_instances * PRIM;
    let (mut total_uploaded, mut frames) = (0u64, 0u64);
    let mut late: Vec<(PathStats, u64)> = Vec::new();
    while s.any_running() {
        let before = points(&s);
        s.tick(1.0 / 60.0);
        let new_points = points(&s) - before;
        let stats = frame(&gpu, &mut r, &s, &target);
        frames += 1;
        assert!(
            stats.instances <= max_instances && stats.uploaded_bytes <= max_frame_bytes,
            "frame {frames}: {stats:?} (bounds: {max_instances} instances, {max_frame_bytes} B)"
        );
        total_uploaded += stats.uploaded_bytes;
        late.push((stats, new_points));
    }
    let at_limit = s
        .running
        .paths
        .iter()
        .filter(|t| t.path.iterations() == 10_000);
    assert!(
        at_limit.count() >= PATHS / 2,
        "most paths reach the step limit"
    );
    let steps = points(&s) - PATHS as u64;
    // The last 100 frames, at 9,000 steps a path and more.
    let late = late.split_off(late.len().saturating_sub(100));
    // Amortised, a frame uploads its new iterates (a segment and a marker each) and the
    // per-frame discs; buffers that double and thinning add at most as much again.
    let dynamic = 3 * PATHS as u64 * PRIM;
    let linear = (steps * 2 * PRIM + frames * dynamic) * 2;
    assert!(
        total_uploaded <= linear,
        "{total_uploaded} B uploaded over {frames} frames, more than {linear} B"
    );
    // Late frames: most upload no more than their new iterates and the discs.
    let small = late
        .iter()
        .filter(|(st, new)| st.uploaded_bytes <= new * 2 * PRIM + dynamic)
        .count();
    assert!(
        small * 10 >= late.len() * 9,
        "{small} of {} late frames",
        late.len()
    );
    let last = late.last().expect("late frames").0;
    assert!(
        last.kept_points * 4 < last.source_points,
        "the drawn iterates are not thinned: {last:?}"
    );
}

/// A pan re-uploads the kept iterates (bounded), a zoom thins them anew; neither depends on
/// how many steps lie behind.
#[test]
fn panning_and_zooming_long_paths_cost_a_bounded_frame() {
    let gpu = common_gpu::gpu();
    let mut s = rosenbrock_with_paths(11);
    let mut r = Renderer::new(&gpu, OFFSCREEN_FORMAT, &s.doc.function).expect("a renderer");
    let target = OffscreenTarget::new(&gpu.device, OFFSCREEN_FORMAT, SIZE).expect("a target");
    for _ in 0..400 {
        s.tick(1.0 / 60.0);
        frame(&gpu, &mut r, &s, &target);
    }
    s.doc.playing = false;
    let bound = (2 * kept_limit(PATHS) * PATHS + 3 * PATHS) as u64 * PRIM;
    for k in 0..20 {
        let v = s.doc.view;
        s.doc.view = if k % 2 == 0 {
            v.panned(0.01 * v.width(), 0.0)
        } else {
            v.zoomed(1.1, v.center().0, v.center().1)
        };
        let stats = frame(&gpu, &mut r, &s, &target);
        assert!(stats.uploaded_bytes <= bound, "view change {k}: {stats:?}");
        assert!(stats.source_points >= 4000 * PATHS as u64);
    }
    // A frame that changes nothing uploads only the discs.
    let still = frame(&gpu, &mut r, &s, &target);
    assert!(
        still.uploaded_bytes <= 3 * PATHS as u64 * PRIM,
        "a still frame uploaded {still:?}"
    );
}

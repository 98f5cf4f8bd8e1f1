//! The explorer's convergence map on the GPU (lavapipe where there is no GPU): computed a
//! chunk per frame it equals the one-shot map behind `render --converge-map`, draws the same
//! plot pixels, shows Himmelblau's four basins, and stays put on screen while the view pans.

mod common_gpu;

use std::collections::HashMap;

use gradfield::app::maps::ColorBy;
use gradfield::app::maps_gpu::MapRunner;
use gradfield::app::ExplorerState;
use gradfield::expr::Function;
use gradfield::gpu::converge::{ConvergePass, ConvergeSettings};
use gradfield::gpu::Gpu;
use gradfield::render::basin::{MapMode, MapView};
use gradfield::render::{Layout, Renderer, OFFSCREEN_FORMAT};
use gradfield::View;

const HIMMELBLAU: &str = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
const SIZE: (u32, u32) = (480, 360);

fn layout() -> Layout {
    common_gpu::figure::layout(SIZE)
}

/// Himmelblau in basin mode at every pixel of the figure's plot, η = 0.01, 300 steps.
fn explorer() -> ExplorerState {
    let f = Function::parse(HIMMELBLAU).unwrap();
    let mut s = ExplorerState::new(f, View::new(-5.0, 5.0, -5.0, 5.0).unwrap());
    let p = layout().plot;
    s.set_canvas(f64::from(p.w), f64::from(p.h));
    s.set_color_by(ColorBy::Map(MapMode::Basin));
    s.set_map_divisor(1).unwrap();
    s.doc.hyper.lr = 0.01;
    s.doc.max_steps = 300;
    s.doc.tol = 1e-3;
    s
}

/// Frames of the explorer's map runner until the map is on screen; returns the frame count.
fn run_frames(gpu: &Gpu, runner: &mut MapRunner, r: &mut Renderer, s: &mut ExplorerState) -> u32 {
    for frame in 1..=10_000 {
        runner.before_frame(gpu, r, s, 0.016);
        if !s.map_schedule.busy() {
            return frame;
        }
    }
    panic!("the map never finished");
}

fn plot_pixels(gpu: &Gpu, r: &mut Renderer, view: &View) -> Vec<[u8; 4]> {
    common_gpu::figure::plot_pixels(gpu, r, view, SIZE)
}

#[test]
fn the_explorer_map_equals_the_render_command_map() {
    let gpu = common_gpu::gpu();
    let mut s = explorer();
    let key = s.map_key().expect("basin mode wants a map");
    let mut runner = MapRunner::default();
    let mut r = Renderer::new(&gpu, OFFSCREEN_FORMAT, &s.doc.function).unwrap();
    run_frames(&gpu, &mut runner, &mut r, &mut s);
    let ours = plot_pixels(&gpu, &mut r, &key.view);

    // What `render --converge-map basin` does: every chunk at once, then the same pass.
    let mut pass = ConvergePass::new(&gpu.device, &s.doc.function, s.doc.optimizer).unwrap();
    let conv = ConvergeSettings {
        optimizer: key.optimizer,
        hyper: key.hyper,
        steps: key.steps,
        tol: key.tol,
    };
    pass.prepare(&gpu.device, &gpu.queue, &key.view, key.grid, &conv)
        .unwrap();
    let walkers = pass.run(&gpu).unwrap();
    let map = MapView {
        mode: MapMode::Basin,
        steps: key.steps,
        size: key.grid,
        view: key.view,
    };
    let mut cli = Renderer::new(&gpu, OFFSCREEN_FORMAT, &s.doc.function).unwrap();
    cli.set_converge_map(&gpu, Some((pass.buffer().unwrap(), map)))
        .unwrap();
    let theirs = plot_pixels(&gpu, &mut cli, &key.view);
    // Same shader, same starts, same steps: the chunks split over frames change nothing.
    let differ = ours.iter().zip(&theirs).filter(|(a, b)| a != b).count();
    assert_eq!(differ, 0, "{differ} plot pixels differ");
    let converged = walkers.iter().filter(|w| w.status == 2).count();
    assert_eq!(s.map_status.converged, converged);
    assert_eq!(s.map_status.starts, walkers.len());

    // Four basins: four saturated colours each cover at least 5% of the plot.
    let mut counts = HashMap::new();
    for p in &ours {
        *counts.entry(*p).or_insert(0usize) += 1;
    }
    let big = counts
        .iter()
        .filter(|(p, &n)| {
            n * 20 > ours.len() && p[0].abs_diff(p[1]) as u32 + p[1].abs_diff(p[2]) as u32 > 40
        })
        .count();
    assert!(big >= 4, "{big} large saturated colours");
}

#[test]
fn a_coarse_map_runs_over_several_frames_and_follows_a_pan() {
    let gpu = common_gpu::gpu();
    let mut s = explorer();
    s.set_map_divisor(4).unwrap();
    s.doc.max_steps = 2000;
    let mut runner = MapRunner::default();
    let mut r = Renderer::new(&gpu, OFFSCREEN_FORMAT, &s.doc.function).unwrap();
    run_frames(&gpu, &mut runner, &mut r, &mut s);
    let grid = s.map_key().unwrap().grid;
    assert_eq!(s.map_status.starts, (grid.0 * grid.1) as usize);
    let before = plot_pixels(&gpu, &mut r, &s.shown_view());

    // Pan right by a quarter of the view: for one frame (before the debounce) the old map is
    // drawn shifted, and the strip it does not cover is the flat "not computed" grey.
    let v = s.shown_view();
    s.drag_pan(v.width() / 4.0, 0.0);
    runner.before_frame(&gpu, &mut r, &mut s, 0.016);
    assert!(s.map_schedule.busy(), "a new map is wanted");
    let after = plot_pixels(&gpu, &mut r, &s.shown_view());
    let p = layout().plot;
    let (w, h) = (p.w as usize, p.h as usize);
    let shift = w / 4;
    let mut same = 0;
    let mut strip = HashMap::new();
    for y in 0..h {
        for x in 0..w {
            if x + shift < w && after[y * w + x] == before[y * w + x + shift] {
                same += 1;
            }
            if x >= w - shift + 2 {
                *strip.entry(after[y * w + x]).or_insert(0usize) += 1;
            }
        }
    }
    // The shift is a whole number of 4-pixel cells only approximately (pixel rounding of
    // the pan), so allow a 1-pixel seam per cell column: at least 70% of the moved area
    // matches. The uncovered strip is mostly one grey (axes and ticks may cross it).
    let moved = (w - shift) * h;
    assert!(
        same * 10 > moved * 7,
        "{same} of {moved} moved pixels match"
    );
    let total: usize = strip.values().sum();
    let (grey, n) = strip.iter().max_by_key(|(_, &n)| n).expect("a strip");
    assert!(
        n * 10 > total * 9,
        "{n} of {total} strip pixels are {grey:?}"
    );
    assert!(
        grey[0] == grey[1] && grey[1] == grey[2],
        "{grey:?} is not grey"
    );
    // Then the debounce passes and the new map is computed for the panned view.
    run_frames(&gpu, &mut runner, &mut r, &mut s);
    assert_eq!(s.map_schedule.shown, s.map_key());
}

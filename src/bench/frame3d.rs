//! 3D frames: the surface filling a figure-sized target, with contours, the floor and ten
//! descent paths riding it (their marks rebuilt on the CPU every frame, as the explorer
//! does), measured three ways: orbiting (the camera turns, the field and mesh stay), orbiting
//! with the coarse mesh the explorer draws while the camera moves, and with the mesh rebuilt
//! from the field buffer (a new vertical scale every run). Labels are not drawn (egui's
//! cost is the 2D frames' overlay).

use std::fmt::Write as _;

use super::stats::Stats;
use super::timer::{GpuTimer, Sample};
use super::Scene;
use crate::descent::{step_all, Hyper, Optimizer, Path};
use crate::error::{Error, Result};
use crate::gpu::{Gpu, GradientMode};
use crate::render::surface::heights_of;
use crate::render::{
    Layout, OffscreenTarget, PlotRect, RenderSettings, Renderer, SurfaceFrame, OFFSCREEN_FORMAT,
    PATH_PALETTE,
};
use crate::surface::{Axes3, BoxMap, Camera, Heights, PathMarks, Style3};

/// Paths on the surface in every 3D frame (the measure).
pub(crate) const SURFACE_PATHS: usize = 10;
/// Points on each path.
const SURFACE_POINTS: usize = 60;

/// One size and function of 3D frames.
#[derive(Debug, Clone, PartialEq)]
pub struct SurfaceRow {
    pub size: (u32, u32),
    pub function: String,
    /// The fine mesh's cells across and down.
    pub cells: (u32, u32),
    /// The coarse mesh's cells.
    pub coarse_cells: (u32, u32),
    /// The camera turned, by the report's clock.
    pub orbit: Stats,
    /// The same by wall time (submission to completion, marks built before).
    pub orbit_wall: Stats,
    /// The camera turned with the coarse mesh.
    pub coarse: Stats,
    /// The mesh rebuilt from the field buffer and drawn.
    pub remesh: Stats,
}

/// Measures the 3D frames of `scene` in a `size` target.
pub(crate) fn surface_frames(
    gpu: &Gpu,
    timer: &mut GpuTimer,
    scene: &Scene,
    size: (u32, u32),
    (warmup, repeats): (usize, usize),
) -> Result<SurfaceRow> {
    let mut renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, &scene.function)?;
    let target = OffscreenTarget::new(&gpu.device, OFFSCREEN_FORMAT, size)?;
    let layout = Layout::full(size.0, size.1);
    let settings = RenderSettings::default();
    let work =
        renderer.prepare_layers(gpu, &layout, &scene.view, &settings, GradientMode::Exact)?;
    let mut encoder = gpu.device.create_command_encoder(&Default::default());
    renderer.encode_compute(&mut encoder, &work);
    gpu.queue.submit([encoder.finish()]);
    let range = renderer.fetch_range(gpu)?;
    let heights = heights_of(&range, settings.log_scale).unwrap_or(Heights::linear(0.0, 1.0));
    let paths = ring_paths(scene);
    let mut tape = scene.function.tape();
    let mut run = |vscale: f64, azimuth: f64, coarse: bool| -> Result<(Sample, (u32, u32))> {
        let boxmap = BoxMap::new(scene.view, heights, vscale);
        let camera = Camera::looking_from(azimuth, 30.0);
        let frame = boxmap.frame(f64::from(size.0), f64::from(size.1));
        timer.start();
        let style = Style3 {
            text: [20, 20, 20, 255],
            grid: [0, 0, 0, 40],
            axis: [40, 40, 40, 255],
            scale: 1.0,
        };
        let marks = crate::surface::marks(
            &boxmap,
            &camera,
            &frame,
            &mut tape,
            &paths,
            None,
            &Axes3::default(),
            &style,
        );
        let sw = renderer.prepare_surface(
            gpu,
            &SurfaceFrame {
                rect: PlotRect {
                    x: 0,
                    y: 0,
                    w: size.0,
                    h: size.1,
                },
                boxmap,
                camera,
                floor_contours: true,
                coarse,
                marks: &marks,
                clear_target: true,
            },
        )?;
        let mut encoder = gpu.device.create_command_encoder(&Default::default());
        timer.begin(&mut encoder)?;
        renderer.encode_surface(&mut encoder, target.texture(), &sw);
        timer.end(&mut encoder)?;
        let index = gpu.queue.submit([encoder.finish()]);
        Ok((timer.finish(gpu, index)?, sw.cells))
    };
    let mut orbit = Vec::with_capacity(repeats);
    let mut coarse = Vec::with_capacity(repeats);
    let mut remesh = Vec::with_capacity(repeats);
    let (mut cells, mut coarse_cells) = ((0, 0), (0, 0));
    for k in 0..warmup + repeats {
        let az = -60.0 + 3.0 * k as f64;
        let (fine, c) = run(1.0, az, false)?;
        let (rough, cc) = run(1.0, az + 1.0, true)?;
        let (re, _) = run(if k % 2 == 0 { 1.02 } else { 1.0 }, az, false)?;
        (cells, coarse_cells) = (c, cc);
        if k >= warmup {
            orbit.push(fine);
            coarse.push(rough);
            remesh.push(re);
        }
    }
    let stats = |s: &[Sample], wall: bool| {
        let ms: Vec<f64> = s
            .iter()
            .map(|s| if wall { s.wall_ms } else { s.best_ms() })
            .collect();
        Stats::from_ms(&ms).ok_or_else(|| Error::gpu("bench: no finite 3D timings"))
    };
    let row = SurfaceRow {
        size,
        function: scene.name.to_string(),
        cells,
        coarse_cells,
        orbit: stats(&orbit, false)?,
        orbit_wall: stats(&orbit, true)?,
        coarse: stats(&coarse, false)?,
        remesh: stats(&remesh, false)?,
    };
    Ok(row)
}

/// Gradient descent from a ring of starts around the view's centre.
fn ring_paths(scene: &Scene) -> Vec<PathMarks> {
    let mut grad = scene.function.gradient_fn();
    let (cx, cy) = scene.view.center();
    let (rx, ry) = (scene.view.width() * 0.35, scene.view.height() * 0.35);
    let mut paths: Vec<Path> = (0..SURFACE_PATHS)
        .map(|i| {
            let a = i as f64 * std::f64::consts::TAU / SURFACE_PATHS as f64 + 0.2;
            let start = (cx + rx * a.cos(), cy + ry * a.sin());
            let h = Hyper::new(scene.lr);
            Path::with_capacity(start, Optimizer::Gd, h, SURFACE_POINTS, &mut grad)
        })
        .collect();
    for _ in 1..SURFACE_POINTS {
        step_all(&mut paths, &mut grad, 0.0);
    }
    paths
        .iter()
        .enumerate()
        .map(|(i, p)| PathMarks {
            points: p.points.iter().map(|q| (q.x, q.y)).collect(),
            color: PATH_PALETTE[i % PATH_PALETTE.len()].map(|c| (c * 255.0).round() as u8),
            current: Some(p.points.len().saturating_sub(1)),
        })
        .collect()
}

/// The table's 3D section.
pub(crate) fn table(rows: &[SurfaceRow]) -> String {
    let mut t = String::new();
    if rows.is_empty() {
        return t;
    }
    let _ = writeln!(
        t,
        "\n3D frames ({SURFACE_PATHS} paths, contours, floor; labels not drawn):\n{:<10} {:<11} {:<12} {:<24} {:<12} {:<24} {:<24}",
        "size", "function", "mesh cells", "orbit", "coarse cells", "orbit, coarse", "mesh rebuilt"
    );
    for r in rows {
        let _ = writeln!(
            t,
            "{:<10} {:<11} {:<12} {:<24} {:<12} {:<24} {:<24}",
            format!("{}x{}", r.size.0, r.size.1),
            r.function,
            format!("{}x{}", r.cells.0, r.cells.1),
            r.orbit.display(),
            format!("{}x{}", r.coarse_cells.0, r.coarse_cells.1),
            r.coarse.display(),
            r.remesh.display(),
        );
    }
    t
}

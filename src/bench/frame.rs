//! GPU measurements: the field pass alone, a full frame after a pan (field, range, heatmap
//! with contours, arrows, paths and the egui overlay, offscreen) and a steady frame where only
//! the paths grew by one point (same view, so the field is not recomputed).

use super::timer::{GpuTimer, Sample};
use super::Scene;
use crate::descent::{step_all, Hyper, Optimizer, Path};
use crate::error::{Error, Result};
use crate::gpu::{FieldPass, Gpu, GradientMode};
use crate::render::egui_offscreen::EguiOffscreen;
use crate::render::figure::{draw_figure, Mark};
use crate::render::layout::FigureLayout;
use crate::render::overlay::Label;
use crate::render::plot_layout;
use crate::render::{
    FigureText, FrameWork, Layout, OffscreenTarget, PathDraw, RenderSettings, Renderer,
    OFFSCREEN_FORMAT, PATH_PALETTE,
};
use crate::view::View;

/// Descent paths drawn in every frame (a class demo has a handful).
pub(crate) const DEMO_PATHS: usize = 6;
/// Points each path has before the steady frames start adding one per repeat.
pub(crate) const DEMO_POINTS: usize = 50;

/// The view of repeat `k`: panned by a few per cent of the width, alternating sides, so every
/// repeat differs from the one before and the field must be recomputed.
pub(crate) fn panned(view: &View, k: usize) -> View {
    let step = view.width() * 0.01 * (k % 7 + 1) as f64;
    let dx = if k.is_multiple_of(2) { step } else { -step };
    view.panned(dx, 0.0)
}

/// The field pass alone on a `w`×`h` grid: prepare (uniforms) and one dispatch per run.
pub(crate) fn field_pass(
    gpu: &Gpu,
    timer: &mut GpuTimer,
    scene: &Scene,
    (w, h): (u32, u32),
    warmup: usize,
    repeats: usize,
) -> Result<Vec<Sample>> {
    let mut pass = FieldPass::for_function(&gpu.device, &scene.function)?;
    time_field(
        gpu,
        timer,
        &mut pass,
        &scene.view,
        (w, h),
        (warmup, repeats),
    )
}

/// `warmup` untimed and `repeats` timed runs of `pass` on a `w`×`h` grid, the view panned a
/// little each run ([`panned`]): prepare (uniforms) and one dispatch per run.
pub(crate) fn time_field(
    gpu: &Gpu,
    timer: &mut GpuTimer,
    pass: &mut FieldPass,
    view: &View,
    (w, h): (u32, u32),
    (warmup, repeats): (usize, usize),
) -> Result<Vec<Sample>> {
    let mut out = Vec::with_capacity(repeats);
    for k in 0..warmup + repeats {
        let view = panned(view, k);
        pass.prepare(&gpu.device, &gpu.queue, &view, w, h, GradientMode::Exact)?;
        timer.start();
        let mut encoder = new_encoder(gpu, "bench::field");
        timer.begin(&mut encoder)?;
        {
            let mut cpass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                label: Some("bench::field_pass"),
                timestamp_writes: None,
            });
            pass.dispatch(&mut cpass);
        }
        timer.end(&mut encoder)?;
        let index = gpu.queue.submit([encoder.finish()]);
        let sample = timer.finish(gpu, index)?;
        if k >= warmup {
            out.push(sample);
        }
    }
    Ok(out)
}

/// Full frames (a new view every run) and steady frames (same view, paths one point longer
/// every run) of a `size` figure; returns (full, steady, the plot layout).
pub(crate) fn frames(
    gpu: &Gpu,
    timer: &mut GpuTimer,
    scene: &Scene,
    size: (u32, u32),
    warmup: usize,
    repeats: usize,
) -> Result<(Vec<Sample>, Vec<Sample>, Layout)> {
    let mut fig = Figure::new(gpu, scene, size)?;
    let paths = demo_paths(scene, DEMO_POINTS + warmup + repeats);
    let mut full = Vec::with_capacity(repeats);
    for k in 0..warmup + repeats {
        let (sample, work) = fig.frame(gpu, timer, &panned(&scene.view, k), &paths, DEMO_POINTS)?;
        expect_field(work, true)?;
        if k >= warmup {
            full.push(sample);
        }
    }
    let mut steady = Vec::with_capacity(repeats);
    let still = panned(&scene.view, 0);
    fig.frame(gpu, timer, &still, &paths, DEMO_POINTS)?;
    for k in 0..warmup + repeats {
        let (sample, work) = fig.frame(gpu, timer, &still, &paths, DEMO_POINTS + 1 + k)?;
        expect_field(work, false)?;
        if k >= warmup {
            steady.push(sample);
        }
    }
    Ok((full, steady, fig.layout))
}

/// Checks that the renderer did (or skipped) the field pass as the measurement intends.
fn expect_field(work: FrameWork, field: bool) -> Result<()> {
    if work.field == field {
        Ok(())
    } else {
        Err(Error::gpu(format!(
            "bench: the renderer {} the field, which this frame kind should not",
            if field { "skipped" } else { "recomputed" }
        )))
    }
}

/// The demo paths: gradient descent from a ring of starts around the view's centre.
pub(crate) fn demo_paths(scene: &Scene, points: usize) -> Vec<Vec<(f64, f64)>> {
    let mut grad = scene.function.gradient_fn();
    let (cx, cy) = scene.view.center();
    let (rx, ry) = (scene.view.width() * 0.35, scene.view.height() * 0.35);
    let mut paths: Vec<Path> = (0..DEMO_PATHS)
        .map(|i| {
            let a = i as f64 * std::f64::consts::TAU / DEMO_PATHS as f64 + 0.3;
            let start = (cx + rx * a.cos(), cy + ry * a.sin());
            Path::with_capacity(
                start,
                Optimizer::Gd,
                Hyper::new(scene.lr),
                points,
                &mut grad,
            )
        })
        .collect();
    for _ in 1..points {
        step_all(&mut paths, &mut grad, 0.0);
    }
    paths
        .iter()
        .map(|p| p.points.iter().map(|q| (q.x, q.y)).collect())
        .collect()
}

/// A renderer, an overlay painter and a target of one figure size.
pub(crate) struct Figure {
    pub(crate) renderer: Renderer,
    egui: EguiOffscreen,
    target: OffscreenTarget,
    pub(crate) layout: Layout,
    size: (u32, u32),
    settings: RenderSettings,
    title: String,
}

impl Figure {
    pub(crate) fn new(gpu: &Gpu, scene: &Scene, size: (u32, u32)) -> Result<Figure> {
        let settings = RenderSettings::default();
        let fig = FigureLayout::for_figure(size.0, size.1, 1.0, settings.show_heatmap);
        let renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, &scene.function)?;
        Ok(Figure {
            renderer,
            egui: EguiOffscreen::new(&gpu.device, OFFSCREEN_FORMAT),
            target: OffscreenTarget::new(&gpu.device, OFFSCREEN_FORMAT, size)?,
            layout: plot_layout(&fig, size),
            size,
            settings,
            title: scene.function.source.clone(),
        })
    }

    /// One frame as `render_figure_rgba` draws it (the same [`draw_figure`]), without copying
    /// the pixels out: layers, the range read-back the colour bar needs, overlay, paths.
    pub(crate) fn frame(
        &mut self,
        gpu: &Gpu,
        timer: &mut GpuTimer,
        view: &View,
        paths: &[Vec<(f64, f64)>],
        points: usize,
    ) -> Result<(Sample, FrameWork)> {
        let draws: Vec<PathDraw> = paths
            .iter()
            .enumerate()
            .map(|(i, p)| PathDraw {
                points: p[..points.min(p.len())].to_vec(),
                color: PATH_PALETTE[i % PATH_PALETTE.len()],
                status_done: false,
            })
            .collect();
        let labels: Vec<Label> = draws
            .iter()
            .filter_map(|d| d.points.last())
            .enumerate()
            .map(|(i, &(x, y))| {
                let p = self.layout.plot;
                let (px, py) = view.to_pixel(x, y, p.w as f64, p.h as f64);
                Label {
                    pos: [p.x as f32 + px as f32, p.y as f32 + py as f32],
                    text: format!("path {} ({x:.2}, {y:.2})", i + 1),
                    color: [255, 255, 255, 255],
                    start: None,
                }
            })
            .collect();
        let text = FigureText {
            title: self.title.clone(),
            subtitle: Some("gradient descent, 6 paths".into()),
            axis_names: ("x".into(), "y".into()),
            labels,
            ui_scale: 1.0,
            ..FigureText::default()
        };
        timer.start();
        let frame = (self.size, view, &self.settings, GradientMode::Exact);
        let (work, last) = draw_figure(
            gpu,
            &mut self.renderer,
            &mut self.egui,
            &self.target,
            frame,
            &draws,
            &text,
            &mut |encoder, mark| match mark {
                Mark::Begin => timer.begin(encoder),
                Mark::End => timer.end(encoder),
            },
        )?;
        Ok((timer.finish(gpu, last)?, work))
    }
}

fn new_encoder(gpu: &Gpu, label: &str) -> wgpu::CommandEncoder {
    gpu.device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some(label) })
}

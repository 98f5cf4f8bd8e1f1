//! What the GPU tests read of a figure and of the CPU references: the plot's pixels of one
//! frame drawn by a renderer, the CPU reference of a convergence map and of a stability map.

use gradfield::descent::{Path, Status};
use gradfield::expr::Function;
use gradfield::gpu::converge::ConvergeSettings;
use gradfield::gpu::Gpu;
use gradfield::render::egui_offscreen::EguiOffscreen;
use gradfield::render::layout::FigureLayout;
use gradfield::render::{
    plot_layout, render_figure_rgba, ArrowDir, FigureText, Layout, RenderSettings, Renderer,
};
use gradfield::View;

/// The layout of a `size` figure with a colour bar at UI scale 1.
pub fn layout(size: (u32, u32)) -> Layout {
    plot_layout(&FigureLayout::for_figure(size.0, size.1, 1.0, true), size)
}

/// The plot's pixels (rows top first) of one `size` frame of `r` showing `view`, without
/// arrows.
pub fn plot_pixels(gpu: &Gpu, r: &mut Renderer, view: &View, size: (u32, u32)) -> Vec<[u8; 4]> {
    let settings = RenderSettings {
        arrows: gradfield::render::ArrowSettings {
            direction: ArrowDir::None,
            ..RenderSettings::default().arrows
        },
        ..RenderSettings::default()
    };
    plot_pixels_with(gpu, r, view, size, &settings)
}

/// [`plot_pixels`] with `settings`.
#[allow(dead_code)]
pub fn plot_pixels_with(
    gpu: &Gpu,
    r: &mut Renderer,
    view: &View,
    size: (u32, u32),
    settings: &RenderSettings,
) -> Vec<[u8; 4]> {
    let mut egui = EguiOffscreen::new(&gpu.device, r.format());
    let text = FigureText {
        ui_scale: 1.0,
        ..FigureText::default()
    };
    let rgba = render_figure_rgba(
        gpu,
        r,
        &mut egui,
        size,
        view,
        settings,
        gradfield::gpu::GradientMode::Exact,
        &[],
        &text,
    )
    .expect("a figure");
    let p = layout(size).plot;
    let mut out = Vec::new();
    for y in p.y..p.y + p.h {
        for x in p.x..p.x + p.w {
            let i = ((y * size.0 + x) * 4) as usize;
            out.push([rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]);
        }
    }
    out
}

/// The CPU reference of a convergence map on a `(w, h)` grid: per start (final x, final y,
/// converged step or −1), NaN in all three where the path diverged or stopped. Newton's
/// method gets the Hessian from the compiled tape.
pub fn cpu_map(
    f: &Function,
    view: &View,
    s: &ConvergeSettings,
    (w, h): (u32, u32),
) -> Vec<[f64; 3]> {
    let mut grad = f.tape_with_hessian();
    let mut out = Vec::new();
    for j in 0..h {
        for i in 0..w {
            let x = view.sample_x(i, w) as f32 as f64;
            let y = view.sample_y(j, h) as f32 as f64;
            let mut p = Path::new((x, y), s.optimizer, s.hyper, &mut grad);
            p.run(&mut grad, s.steps as usize, s.tol);
            let c = p.current();
            out.push(match p.status {
                Status::Diverged { .. } | Status::Stopped { .. } | Status::Undefined { .. } => {
                    [f64::NAN; 3]
                }
                Status::Converged { step } => [c.x, c.y, step as f64],
                _ => [c.x, c.y, -1.0],
            });
        }
    }
    out
}

/// How many samples of a `(w, h)` grid over `view` the f64 reference finds unstable for
/// learning rate `lr` (η > 2/λmax of ∇²f), at the grid's f32 coordinates; f must have a
/// Hessian everywhere in view.
pub fn cpu_unstable(f: &Function, view: &View, lr: f64, (w, h): (u32, u32)) -> usize {
    let mut unstable = 0;
    for j in 0..h {
        for i in 0..w {
            let x = view.sample_x(i, w) as f32 as f64;
            let y = view.sample_y(j, h) as f32 as f64;
            let c = f.hessian_at(x, y).map(|v| v.expect("∇²f defined in view"));
            unstable += usize::from(lr > gradfield::curvature::stable_lr([c[3], c[4], c[5]]));
        }
    }
    unstable
}

//! Redrawing must not keep memory: each kind of frame the explorer draws again and again
//! (a new clear colour, a new colour map, a panned view with arrows, moving paths, a
//! convergence map, the gradient check) is drawn a few hundred times headless and the
//! process's resident memory may not grow.
//!
//! What this reproduces: Mesa's lavapipe (22.x) specialises a shader on the values of the
//! uniforms its branches test, compiling a new copy each time the pipeline is bound and
//! keeping every copy (about 0.65 MB per frame for the heatmap). gradfield's shaders read the
//! values their branches test from storage buffers, which the driver does not specialise on.
//! Before that change the heatmap modes grew by about 130 MB over these 200 frames.

mod common_gpu;

use gradfield::gpu::{ConvergePass, ConvergeSettings, Gpu, GradientMode};
use gradfield::render::basin::{MapMode, MapView};
use gradfield::render::{Colormap, Layout, PathDraw, RenderSettings, Renderer};
use gradfield::View;

/// Frames drawn before the first measurement (caches and pools fill up).
const WARM_UP: usize = 30;
/// Frames measured.
const FRAMES: usize = 200;
/// Growth allowed over [`FRAMES`] frames, in MB: allocator noise, far below the 130 MB a
/// kept shader per frame gives.
const BOUND_MB: f64 = 12.0;
const SIZE: (u32, u32) = (320, 240);

fn target(gpu: &Gpu) -> wgpu::Texture {
    gpu.device.create_texture(&wgpu::TextureDescriptor {
        label: Some("redraw_memory::target"),
        size: wgpu::Extent3d {
            width: SIZE.0,
            height: SIZE.1,
            depth_or_array_layers: 1,
        },
        mip_level_count: 1,
        sample_count: 1,
        dimension: wgpu::TextureDimension::D2,
        format: wgpu::TextureFormat::Rgba8UnormSrgb,
        usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_DST,
        view_formats: &[],
    })
}

/// Draws `WARM_UP + FRAMES` frames, calling `change(renderer, settings, frame)` before each,
/// and returns the growth of resident memory over the measured frames in MB.
fn growth(
    formula: &str,
    mut change: impl FnMut(&Gpu, &mut Renderer, &mut RenderSettings, usize) -> View,
) -> f64 {
    let gpu = common_gpu::gpu();
    let f = gradfield::expr::Function::parse(formula).unwrap();
    let mut renderer = Renderer::new(&gpu, wgpu::TextureFormat::Rgba8UnormSrgb, &f).unwrap();
    let layout = Layout::full(SIZE.0, SIZE.1);
    let mut settings = RenderSettings::default();
    let target = target(&gpu);
    let mut before = 0.0;
    for i in 0..WARM_UP + FRAMES {
        if i == WARM_UP {
            before = common_gpu::rss_mb();
        }
        let view = change(&gpu, &mut renderer, &mut settings, i);
        let work = renderer
            .prepare_layers(&gpu, &layout, &view, &settings, GradientMode::Exact)
            .unwrap();
        let mut encoder = gpu.device.create_command_encoder(&Default::default());
        renderer.encode(&mut encoder, &target, &work);
        gpu.queue.submit([encoder.finish()]);
        if work.range {
            renderer.fetch_range(&gpu).unwrap();
        }
        let _ = gpu.device.poll(wgpu::PollType::wait_indefinitely());
    }
    common_gpu::rss_mb() - before
}

fn home() -> View {
    View::new(-3.0, 3.0, -3.0, 3.0).unwrap()
}

fn panned(i: usize) -> View {
    let s = i as f64 * 0.01;
    View::new(-3.0 + s, 3.0 + s, -3.0, 3.0).unwrap()
}

/// One test, the modes one after another: resident memory is the process's, so modes run in
/// parallel threads would measure each other.
#[test]
fn redrawing_keeps_no_memory() {
    type Mode = (&'static str, fn() -> f64);
    let modes: [Mode; 6] = [
        ("a new clear colour", heatmap),
        ("a new colour map", colour_map),
        ("a panned view with arrows and contours", pan),
        ("moving paths", paths),
        ("a convergence map", convergence_map),
        ("the gradient check", gradient_check),
    ];
    let mut failures = Vec::new();
    for (mode, run) in modes {
        let grew = run();
        println!("{mode}: {grew:+.1} MB over {FRAMES} redraws");
        if grew >= BOUND_MB {
            failures.push(format!("{mode}: grew by {grew:.1} MB"));
        }
    }
    assert!(
        failures.is_empty(),
        "resident memory grew over {FRAMES} redraws (at most {BOUND_MB} MB each): {}",
        failures.join("; ")
    );
}

fn heatmap() -> f64 {
    growth("x^2 + y^2", |_, r, _, i| {
        r.set_background([0, 0, (i % 2) as u8 * 255, 255]);
        home()
    })
}

fn colour_map() -> f64 {
    growth("sin(x) * cos(y)", |_, _, s, i| {
        s.colormap = Colormap::ALL[i % Colormap::ALL.len()];
        s.log_scale = i % 3 == 0;
        home()
    })
}

fn pan() -> f64 {
    growth("(1 - x)^2 + 5 * (y - x^2)^2", |_, _, _, i| panned(i))
}

fn paths() -> f64 {
    let layout = Layout::full(SIZE.0, SIZE.1);
    growth("x^2 + 3 * y^2", |gpu, r, s, i| {
        let view = panned(i);
        let points: Vec<(f64, f64)> = (0..=(i % 40))
            .map(|k| (2.0 - 0.05 * k as f64, 1.0))
            .collect();
        let path = PathDraw {
            points,
            color: [1.0, 0.5, 0.0, 1.0],
            status_done: false,
        };
        r.set_paths(gpu, &layout, &view, s.show_paths, &[path]);
        view
    })
}

fn convergence_map() -> f64 {
    let f = gradfield::expr::Function::parse("x^4 - 2 * x^2 + y^2").unwrap();
    let mut pass: Option<ConvergePass> = None;
    growth(&f.source.clone(), |gpu, r, _, i| {
        let view = panned(i);
        let pass = pass.get_or_insert_with(|| {
            ConvergePass::new(&gpu.device, &f, gradfield::descent::Optimizer::Gd).unwrap()
        });
        let settings = ConvergeSettings {
            optimizer: gradfield::descent::Optimizer::Gd,
            hyper: gradfield::descent::Hyper::new(0.05),
            steps: 50,
            tol: 1e-5,
        };
        pass.prepare(&gpu.device, &gpu.queue, &view, SIZE, &settings)
            .unwrap();
        pass.run(gpu).unwrap();
        let map = MapView {
            mode: if i % 2 == 0 {
                MapMode::Basin
            } else {
                MapMode::Steps
            },
            steps: 50,
            size: SIZE,
            view,
        };
        r.set_converge_map(gpu, Some((pass.buffer().unwrap(), map)))
            .unwrap();
        view
    })
}

fn gradient_check() -> f64 {
    let mut on = false;
    growth("exp(-x^2) * sin(3 * y)", |gpu, r, _, i| {
        if !on {
            r.set_gradient_check(gpu, Some(1e-3)).unwrap();
            on = true;
        }
        panned(i)
    })
}

//! Drawing the 3D view again and again must not keep memory: a few hundred offscreen 3D
//! frames while the camera turns, the mesh switches between fine and coarse, the marks
//! change every frame (a path growing by a point, so its buffers are rewritten) and the
//! vertical scale changes (the mesh is rebuilt from the field), and the process's resident
//! memory may not grow (see tests/redraw_memory.rs for why lavapipe makes this worth a test).

mod common_gpu;
#[path = "surface_gpu/draw.rs"]
mod draw;

use gradfield::gpu::GradientMode;
use gradfield::render::{Layout, OffscreenTarget, PlotRect, RenderSettings, SurfaceFrame};
use gradfield::surface::{Axes3, BoxMap, Camera, Marks3, PathMarks, Style3};
use gradfield::View;

/// Frames before the first window.
const WARM_UP: usize = 30;
/// Windows measured one after the other, of [`FRAMES`] frames each, with the resident memory
/// read after every frame. Mesa 22.3.6's lavapipe takes about 20 MB at a frame that differs
/// from run to run and sometimes gives it back (measured on this project's machine, at window
/// boundaries: [+19.9, −6.8, +0.0] MB, [+0.1, +0.0, −0.1], and under load [+19.9, −19.8,
/// +19.8]); a leak raises the floor in every window. So each window's lowest reading may rise
/// above the window before's by [`BOUND_MB`] once, for that block, and never again.
const WINDOWS: usize = 3;
const FRAMES: usize = 160;
/// Growth allowed over a window of [`FRAMES`] frames, in MB (allocator noise).
const BOUND_MB: f64 = 12.0;
const SIZE: (u32, u32) = (320, 240);

#[test]
fn orbiting_remeshing_and_growing_paths_keep_no_memory() {
    let gpu = common_gpu::gpu();
    let v = View::new(-5.0, 5.0, -5.0, 5.0).unwrap();
    let text = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";
    let d = draw::draw3(&gpu, &draw::Scene3::new(text, v, SIZE), &|_, _| {
        Marks3::default()
    });
    let f = gradfield::expr::Function::parse(text).unwrap();
    let mut tape = f.tape();
    let mut r = d.renderer;
    let target = OffscreenTarget::new(&gpu.device, gradfield::render::OFFSCREEN_FORMAT, SIZE)
        .expect("target");
    let layout = Layout::full(SIZE.0, SIZE.1);
    let settings = RenderSettings::default();
    let style = Style3 {
        text: [0, 0, 0, 255],
        grid: [0, 0, 0, 60],
        axis: [40, 40, 40, 255],
        scale: 1.0,
    };
    let mut floors = vec![f64::INFINITY; WINDOWS];
    for i in 0..WARM_UP + WINDOWS * FRAMES {
        let work = r
            .prepare_layers(&gpu, &layout, &v, &settings, GradientMode::Exact)
            .unwrap();
        let camera = Camera::looking_from(-60.0 + i as f64 * 3.0, 20.0 + (i % 40) as f64);
        let boxmap = BoxMap::new(v, d.boxmap.heights, 1.0 + (i % 3) as f64 * 0.25);
        let frame = boxmap.frame(f64::from(SIZE.0), f64::from(SIZE.1));
        let path = PathMarks {
            points: (0..=(i % 50 + 2))
                .map(|k| (-4.0 + 0.1 * k as f64, 4.0 - 0.12 * k as f64))
                .collect(),
            color: [230, 60, 40, 255],
            current: Some(i % 50 + 2),
        };
        let marks = gradfield::surface::marks(
            &boxmap,
            &camera,
            &frame,
            &mut tape,
            &[path],
            None,
            &Axes3::default(),
            &style,
        );
        let sw = r
            .prepare_surface(
                &gpu,
                &SurfaceFrame {
                    rect: PlotRect {
                        x: 0,
                        y: 0,
                        w: SIZE.0,
                        h: SIZE.1,
                    },
                    boxmap,
                    camera,
                    floor_contours: i % 2 == 0,
                    coarse: i % 5 < 2,
                    marks: &marks,
                    clear_target: true,
                },
            )
            .unwrap();
        let mut encoder = gpu.device.create_command_encoder(&Default::default());
        r.encode_compute(&mut encoder, &work);
        r.encode_surface(&mut encoder, target.texture(), &sw);
        gpu.queue.submit([encoder.finish()]);
        let _ = gpu.device.poll(wgpu::PollType::wait_indefinitely());
        if i >= WARM_UP {
            let w = (i - WARM_UP) / FRAMES;
            floors[w] = floors[w].min(common_gpu::rss_mb());
        }
    }
    let grew: Vec<f64> = floors.windows(2).map(|w| w[1] - w[0]).collect();
    println!("3D frames: lowest MB per window of {FRAMES}: {floors:.1?}, rises {grew:+.1?}");
    let over = grew.iter().filter(|g| **g >= BOUND_MB).count();
    assert!(
        over <= 1,
        "the lowest resident memory rose by {BOUND_MB} MB or more {over} times over windows of {FRAMES} 3D frames: {grew:.1?}"
    );
}

//! Drawing one 3D frame offscreen for the surface tests: the field and its colour range
//! first, read back into the box's heights, then the surface with the marks a test asks for.

// Shared by several test binaries, each using part of it.
#![allow(dead_code)]

use gradfield::expr::Function;
use gradfield::gpu::{Gpu, GradientMode};
use gradfield::render::surface::heights_of;
use gradfield::render::{
    Layout, OffscreenTarget, PlotRect, RenderSettings, Renderer, SurfaceFrame, SurfaceWork,
    OFFSCREEN_FORMAT,
};
use gradfield::surface::{BoxMap, Camera, Frame3, Heights, Marks3};
use gradfield::View;

/// One drawn 3D frame and what it was drawn with.
pub struct Drawn3 {
    pub pixels: Vec<u8>,
    pub size: (u32, u32),
    pub boxmap: BoxMap,
    pub frame: Frame3,
    pub camera: Camera,
    pub work: SurfaceWork,
    pub renderer: Renderer,
}

/// What a test draws.
pub struct Scene3<'a> {
    pub text: &'a str,
    pub view: View,
    pub size: (u32, u32),
    pub camera: Camera,
    pub settings: RenderSettings,
    pub coarse: bool,
}

impl<'a> Scene3<'a> {
    pub fn new(text: &'a str, view: View, size: (u32, u32)) -> Scene3<'a> {
        Scene3 {
            text,
            view,
            size,
            camera: Camera::default(),
            settings: RenderSettings::default(),
            coarse: false,
        }
    }
}

/// Draws `scene` with the marks `marks` makes for its box.
pub fn draw3(gpu: &Gpu, scene: &Scene3, marks: &dyn Fn(&BoxMap, &Frame3) -> Marks3) -> Drawn3 {
    let f = Function::parse(scene.text).expect("the test's function parses");
    let mut renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, &f).expect("renderer builds");
    let (w, h) = scene.size;
    let target = OffscreenTarget::new(&gpu.device, OFFSCREEN_FORMAT, (w, h)).expect("target");
    let layout = Layout::full(w, h);
    let work = renderer
        .prepare_layers(
            gpu,
            &layout,
            &scene.view,
            &scene.settings,
            GradientMode::Exact,
        )
        .expect("layers prepare");
    let mut encoder = gpu.device.create_command_encoder(&Default::default());
    renderer.encode_compute(&mut encoder, &work);
    gpu.queue.submit([encoder.finish()]);
    let range = renderer.fetch_range(gpu).expect("range reads back");
    let heights = heights_of(&range, scene.settings.log_scale).unwrap_or(Heights::linear(0.0, 1.0));
    let boxmap = BoxMap::new(scene.view, heights, 1.0);
    let frame = boxmap.frame(f64::from(w), f64::from(h));
    let marks = marks(&boxmap, &frame);
    let sw = renderer
        .prepare_surface(
            gpu,
            &SurfaceFrame {
                rect: PlotRect { x: 0, y: 0, w, h },
                boxmap,
                camera: scene.camera,
                floor_contours: true,
                coarse: scene.coarse,
                marks: &marks,
                clear_target: true,
            },
        )
        .expect("surface prepares");
    let mut encoder = gpu.device.create_command_encoder(&Default::default());
    renderer.encode_surface(&mut encoder, target.texture(), &sw);
    target.encode_copy(&mut encoder);
    gpu.queue.submit([encoder.finish()]);
    let pixels = target.read(gpu).expect("pixels read back");
    gpu.check().expect("no GPU error");
    Drawn3 {
        pixels,
        size: (w, h),
        boxmap,
        frame,
        camera: scene.camera,
        work: sw,
        renderer,
    }
}

/// The RGB of pixel (x, y).
pub fn rgb(d: &Drawn3, x: u32, y: u32) -> [u8; 3] {
    let k = ((y * d.size.0 + x) * 4) as usize;
    [d.pixels[k], d.pixels[k + 1], d.pixels[k + 2]]
}

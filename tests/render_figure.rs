//! Whole figures on a real GPU (lavapipe where there is none): the PNG file `render_png`
//! writes, and the title, axes and colour bar painted around the plot.

mod common_gpu;
mod common_render;

use common_render::*;
use gradfield::render::*;

#[test]
fn render_png_writes_an_image_of_the_requested_size() {
    let gpu = common_gpu::gpu();
    let f = gradfield::expr::Function::parse("x^2 + 2*y^2").expect("parses");
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("bowl.png");
    let s = RenderSettings::default();
    let text = gradfield::render::FigureText {
        title: "bowl".into(),
        axis_names: ("x".into(), "y".into()),
        ui_scale: 1.0,
        ..Default::default()
    };
    render_png(
        &gpu,
        &f,
        &view(-2.0, 2.0, -1.5, 1.5),
        (W + 40, H + 30),
        &s,
        &[],
        &text,
        &out,
    )
    .expect("png written");
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&out).expect("file exists"),
    ));
    let reader = decoder.read_info().expect("a PNG");
    assert_eq!(
        (reader.info().width, reader.info().height),
        (W + 40, H + 30)
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temp file left"
    );
}

#[test]
fn figures_have_a_title_axes_and_a_colour_bar_around_the_plot() {
    use gradfield::render::layout::FigureLayout;
    let gpu = common_gpu::gpu();
    let f = gradfield::expr::Function::parse("x^2 + 2*y^2").expect("parses");
    let (w, h) = (640u32, 360u32);
    let s = RenderSettings::default();
    let text = gradfield::render::FigureText {
        title: "f(x, y) = x^2 + 2*y^2".into(),
        axis_names: ("x".into(), "y".into()),
        ui_scale: 1.0,
        ..Default::default()
    };
    let mut renderer =
        gradfield::render::Renderer::new(&gpu, OFFSCREEN_FORMAT, &f).expect("renderer");
    let mut egui =
        gradfield::render::egui_offscreen::EguiOffscreen::new(&gpu.device, OFFSCREEN_FORMAT);
    let px = gradfield::render::render_figure_rgba(
        &gpu,
        &mut renderer,
        &mut egui,
        (w, h),
        &view(-2.0, 2.0, -1.5, 1.5),
        &s,
        gradfield::gpu::GradientMode::Exact,
        &[],
        &text,
    )
    .expect("figure");
    let fig = FigureLayout::for_figure(w, h, 1.0, true);
    let bg = text.theme.background();
    let at = |x: u32, y: u32| -> [u8; 4] {
        let i = ((y * w + x) * 4) as usize;
        [px[i], px[i + 1], px[i + 2], px[i + 3]]
    };
    let count_non_bg = |x0: u32, x1: u32, y0: u32, y1: u32| {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| at(x, y) != bg)
            .count()
    };
    // The title band above the plot holds text; the corners of the margins stay background.
    assert!(
        count_non_bg(0, w, 0, fig.plot.y as u32 - 2) > 50,
        "title drawn"
    );
    assert_eq!(at(1, h - 2), bg, "bottom-left corner is background");
    // Tick labels below the plot and left of it.
    let below = fig.plot.bottom() as u32 + 2;
    assert!(
        count_non_bg(fig.plot.x as u32, fig.plot.right() as u32, below, h) > 50,
        "x tick labels"
    );
    assert!(
        count_non_bg(
            0,
            fig.plot.x as u32 - 2,
            fig.plot.y as u32,
            fig.plot.bottom() as u32
        ) > 50,
        "y tick labels"
    );
    // The colour bar: its top row has the colour map's maximum colour, its bottom the minimum.
    let cb = fig.colorbar;
    let cx = (cb.x + cb.w / 2.0) as u32;
    let lut = s.colormap.lut();
    let close = |a: [u8; 4], b: [u8; 4]| (0..3).all(|k| (a[k] as i32 - b[k] as i32).abs() <= 6);
    assert!(
        close(at(cx, cb.y as u32 + 2), lut[255]),
        "colour bar top is the maximum colour"
    );
    assert!(
        close(at(cx, cb.bottom() as u32 - 3), lut[0]),
        "colour bar bottom is the minimum colour"
    );
}

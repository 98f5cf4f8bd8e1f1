//! `gradfield render --3d` (issue 14): the surface figure's PNG is deterministic and shows a
//! known point where the camera's projection puts it, hostile functions and views draw
//! without a panic, and an orbit GIF has its frames and they differ (the 3D flags' bad values
//! and misplaced use are in `hostile_args_3d.rs`).

mod common_gpu;

use std::path::Path;
use std::process::{Command, Output};

use gradfield::expr::Function;
use gradfield::render::{
    Coloring, FigureText, PathDraw, Picture, RenderSettings, SurfaceFigure, SurfaceView,
};
use gradfield::surface::Camera;
use gradfield::View;

fn gradfield(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .output()
        .expect("run gradfield")
}

/// The PNG's size and its pixels as RGB triples (the figure is written as 8-bit RGBA).
fn read_png(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("the PNG exists"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    buf.truncate(info.buffer_size());
    assert_eq!(info.bit_depth, png::BitDepth::Eight, "8-bit figure");
    let rgb = match info.color_type {
        png::ColorType::Rgba => buf
            .chunks_exact(4)
            .flat_map(|p| [p[0], p[1], p[2]])
            .collect(),
        png::ColorType::Rgb => buf,
        other => panic!("an RGB or RGBA figure, not {other:?}"),
    };
    (info.width, info.height, rgb)
}

#[test]
fn the_figure_is_the_same_twice_and_has_a_surface() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("a.png"), dir.path().join("b.png"));
    for out in [&a, &b] {
        let o = gradfield(&[
            "render",
            "--preset",
            "himmelblau",
            "--3d",
            "--start=-4,4",
            "--start=4,-4",
            "--size",
            "400x280",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let (w, h, px) = read_png(&a);
    assert_eq!((w, h), (400, 280));
    // The plot's middle is the surface: not the background of the corner, and in colour.
    let at = |x: u32, y: u32| {
        let k = ((y * w + x) * 3) as usize;
        [px[k], px[k + 1], px[k + 2]]
    };
    let corner = at(2, h - 3);
    let middle: Vec<[u8; 3]> = (h / 3..2 * h / 3)
        .flat_map(|y| (w / 3..2 * w / 3).map(move |x| (x, y)))
        .map(|(x, y)| at(x, y))
        .collect();
    let surface = middle.iter().filter(|c| **c != corner).count();
    assert!(
        surface > middle.len() / 2,
        "{surface} of {} drawn",
        middle.len()
    );
}

#[test]
fn a_paths_ball_is_drawn_where_the_projection_says() {
    let gpu = common_gpu::gpu();
    let f = Function::parse("x^2 + y^2").expect("parses");
    let view = View::new(-2.0, 2.0, -2.0, 2.0).expect("view");
    // A path of one point: its ball, in a colour nothing else has, at (1, −0.5).
    let paths = [PathDraw {
        points: vec![(1.0, -0.5)],
        color: [1.0, 0.0, 1.0, 1.0],
        status_done: false,
    }];
    let picture = Picture {
        function: &f,
        view,
        size: (480, 360),
        settings: RenderSettings::default(),
        coloring: Coloring::Heatmap,
        paths: &paths,
        text: FigureText {
            title: "bowl".into(),
            ui_scale: 1.0,
            ..FigureText::default()
        },
    };
    for camera in [Camera::default(), Camera::looking_from(120.0, 45.0)] {
        let sv = SurfaceView {
            camera,
            vscale: 1.0,
            floor_contours: true,
            pin: None,
        };
        let mut fig = SurfaceFigure::new(&gpu, &picture, sv).expect("figure");
        let px = fig.frame(&gpu, camera, &[]).expect("frame");
        let plot = fig.layout().plot;
        let b = *fig.boxmap();
        let frame = b.frame(f64::from(plot.w), f64::from(plot.h));
        let p = b.point(1.0, -0.5, 1.25).expect("in the box");
        let (want, _) = camera.project(&frame, p).expect("in front");
        let (mut sx, mut sy, mut n) = (0.0, 0.0, 0.0);
        for y in 0..360u32 {
            for x in 0..480u32 {
                let k = ((y * 480 + x) * 4) as usize;
                let (r, g, bl) = (px[k], px[k + 1], px[k + 2]);
                if r > 120 && bl > 120 && g < 70 && r.abs_diff(bl) < 50 {
                    sx += f64::from(x) + 0.5;
                    sy += f64::from(y) + 0.5;
                    n += 1.0;
                }
            }
        }
        assert!(n > 10.0, "{camera:?}: the ball is not drawn");
        let got = (sx / n - f64::from(plot.x), sy / n - f64::from(plot.y));
        assert!(
            (got.0 - want.x).abs() < 2.0 && (got.1 - want.y).abs() < 2.0,
            "{camera:?}: ball at {got:?}, projected at {want}"
        );
    }
}

#[test]
fn hostile_functions_and_views_draw() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("s.png");
    let out = out.to_str().unwrap();
    for (expr, view) in [
        ("3", "-1,1,-1,1"),
        ("ln(x) + y", "-1,1,-1,1"),
        ("exp(exp(x))", "-3,6,-1,1"),
        ("x^2 + y^2", "1,1.001,1,1.001"),
        ("1/(x^2 + y^2)", "-1,1,-1,1"),
    ] {
        let o = gradfield(&[
            "render", expr, "--view", view, "--3d", "--size", "240x160", "--out", out,
        ]);
        assert!(
            o.status.success(),
            "{expr} over {view}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let (w, h, _) = read_png(Path::new(out));
        assert_eq!((w, h), (240, 160));
    }
}

#[test]
fn an_orbit_gif_turns_the_camera_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let gif = dir.path().join("orbit.gif");
    let o = gradfield(&[
        "render",
        "--preset",
        "bowl",
        "--3d",
        "--size",
        "200x140",
        "--gif",
        gif.to_str().unwrap(),
        "--fps",
        "5",
        "--seconds",
        "2",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = std::fs::File::open(&gif).expect("the GIF exists");
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::RGBA);
    let mut decoder = options.read_info(file).expect("a GIF");
    let mut frames = Vec::new();
    let mut canvas = vec![0u8; 200 * 140 * 4];
    while let Some(frame) = decoder.read_next_frame().expect("frames decode") {
        // Frames after the first carry only what changed: paint them onto the canvas.
        let (l, t, fw) = (
            frame.left as usize,
            frame.top as usize,
            frame.width as usize,
        );
        for (j, row) in frame.buffer.chunks_exact(fw * 4).enumerate() {
            for (i, px) in row.chunks_exact(4).enumerate() {
                if px[3] > 0 {
                    let k = ((t + j) * 200 + l + i) * 4;
                    canvas[k..k + 4].copy_from_slice(px);
                }
            }
        }
        frames.push(canvas.clone());
    }
    assert_eq!(frames.len(), 10, "5 fps × 2 s");
    assert_ne!(frames[0], frames[3], "the camera turns");
    assert_ne!(frames[3], frames[6]);
}

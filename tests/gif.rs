//! `gradfield render --gif` on a real GPU (lavapipe where there is none): the GIF decodes with
//! the frame count, size, delay and loop asked for, the paths move between the first and last
//! frame, the last frame is the PNG of the same command within the palette's error; bad
//! flags exit 2 and unwritable paths exit 1 leaving no file; which step each frame shows.

use std::path::Path;
use std::process::{Command, Output};

fn gradfield(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .output()
        .expect("run gradfield")
}

/// The last `error: …` line on stderr: gradfield's (the GPU driver may print lines of its
/// own before it, some starting with `error:` too).
fn error_line(o: &Output) -> String {
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
        .lines()
        .rfind(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line in {stderr:?}"))
        .to_string()
}

/// A decoded GIF: its screen size, and each frame composited onto the previous ones (RGB),
/// with its delay.
struct Decoded {
    size: (usize, usize),
    frames: Vec<(Vec<[u8; 3]>, u16)>,
    infinite: bool,
}

fn decode(path: &Path) -> Decoded {
    let mut opts = gif::DecodeOptions::new();
    opts.set_color_output(gif::ColorOutput::RGBA);
    let file = std::fs::File::open(path).expect("open the GIF");
    let mut d = opts.read_info(file).expect("a GIF header");
    let (w, h) = (usize::from(d.width()), usize::from(d.height()));
    let infinite = d.repeat() == gif::Repeat::Infinite;
    let mut canvas = vec![[0u8; 3]; w * h];
    let mut frames = Vec::new();
    while let Some(f) = d.read_next_frame().expect("a frame") {
        let (l, t, fw, fh) = (
            usize::from(f.left),
            usize::from(f.top),
            usize::from(f.width),
            usize::from(f.height),
        );
        assert!(l + fw <= w && t + fh <= h, "frame outside the picture");
        for j in 0..fh {
            for i in 0..fw {
                let k = (j * fw + i) * 4;
                canvas[(t + j) * w + l + i] = [f.buffer[k], f.buffer[k + 1], f.buffer[k + 2]];
            }
        }
        frames.push((canvas.clone(), f.delay));
    }
    Decoded {
        size: (w, h),
        frames,
        infinite,
    }
}

fn read_png(path: &Path) -> (usize, usize, Vec<[u8; 3]>) {
    let decoder = png::Decoder::new(std::fs::File::open(path).expect("open the PNG"));
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("PNG pixels");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    let px = buf[..info.buffer_size()]
        .chunks_exact(4)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    (info.width as usize, info.height as usize, px)
}

fn dist(a: [u8; 3], b: [u8; 3]) -> f64 {
    (0..3)
        .map(|c| (f64::from(a[c]) - f64::from(b[c])).powi(2))
        .sum::<f64>()
        .sqrt()
}

#[test]
fn gif_has_the_frames_asked_for_and_ends_on_the_png() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (gif_path, png_path) = (dir.path().join("a.gif"), dir.path().join("a.png"));
    let (w, h) = (320, 180);
    let out = gradfield(&[
        "render",
        "x^2 + 3*y^2",
        "--start",
        "2.5,1.5",
        "--start",
        "-2,-2",
        "--lr",
        "0.05",
        "--steps",
        "40",
        "--size",
        "320x180",
        "--fps",
        "10",
        "--seconds",
        "1.2",
        "--gif",
        gif_path.to_str().expect("utf-8 temp path"),
        "--out",
        png_path.to_str().expect("utf-8 temp path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // stderr is not a terminal here, so the progress bar must not show.
    assert!(!String::from_utf8_lossy(&out.stderr).contains("frames"));
    let gif = decode(&gif_path);
    assert_eq!(gif.size, (w, h));
    assert!(gif.infinite, "the GIF should loop forever");
    assert_eq!(gif.frames.len(), 12, "10 fps × 1.2 s");
    assert!(gif.frames.iter().all(|(_, d)| *d == 10), "1/10 s each");

    // The paths move: first and last frame differ near where a path ends. Path 1 goes
    // (2.5·0.9^k, 1.5·0.7^k) with η = 0.05 on x² + 3y², so after 40 steps it sits at about
    // (0.037, 0): the middle of the default [-3, 3]² view, widened to the plot's aspect.
    let first = &gif.frames[0].0;
    let last = &gif.frames[11].0;
    let fig = gradfield::render::layout::FigureLayout::for_figure(w as u32, h as u32, 1.0, true);
    let view = gradfield::View::new(-3.0, 3.0, -3.0, 3.0)
        .expect("a view")
        .fit_aspect(fig.plot.w as f64, fig.plot.h as f64);
    let (px, py) = view.to_pixel(
        2.5 * 0.9f64.powi(40),
        0.0,
        fig.plot.w as f64,
        fig.plot.h as f64,
    );
    let (cx, cy) = (
        (fig.plot.x as f64 + px) as usize,
        (fig.plot.y as f64 + py) as usize,
    );
    let near_end = (cy - 4..=cy + 4)
        .flat_map(|j| (cx - 4..=cx + 4).map(move |i| j * w + i))
        .any(|k| dist(first[k], last[k]) > 30.0);
    assert!(
        near_end,
        "nothing changed near the end of the path at ({cx}, {cy})"
    );
    let changed = first.iter().zip(last).filter(|(a, b)| a != b).count();
    // Only paths and their labels change; the heatmap, contours and arrows stay put.
    assert!(changed < w * h / 5, "{changed} of {} pixels changed", w * h);

    // The last frame is the PNG, up to the palette: every colour is replaced by the nearest
    // of 256. Smooth heatmap colours land within a few units; anti-aliased edges of text and
    // arrows mix colours no palette entry sits near, so allow a mean RGB distance of 4 and
    // 1% of pixels further than 24 (a tenth of the channel range).
    let (pw, ph, png) = read_png(&png_path);
    assert_eq!((pw, ph), (w, h));
    let d: Vec<f64> = png.iter().zip(last).map(|(a, b)| dist(*a, *b)).collect();
    let mean = d.iter().sum::<f64>() / d.len() as f64;
    let far = d.iter().filter(|&&v| v > 24.0).count();
    eprintln!("last frame vs PNG: mean {mean:.2}, {far} pixels further than 24");
    assert!(mean <= 4.0, "mean RGB distance {mean}");
    assert!(far <= w * h / 100, "{far} pixels further than 24");
}

#[test]
fn bad_gif_flags_exit_2_with_one_line_naming_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let g = dir.path().join("a.gif");
    let g = g.to_str().expect("utf-8 temp path");
    let png = dir.path().join("a.png");
    let png = png.to_str().expect("utf-8 temp path");
    let base = ["render", "x^2+y^2", "--start", "1,1", "--steps", "5"];
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--gif", g, "--fps", "0"], "--fps"),
        (vec!["--gif", g, "--fps", "51"], "--fps"),
        (vec!["--gif", g, "--fps", "abc"], "--fps"),
        (vec!["--gif", g, "--seconds", "0"], "--seconds"),
        (vec!["--gif", g, "--seconds", "-2"], "--seconds"),
        (vec!["--gif", g, "--seconds", "inf"], "--seconds"),
        (
            vec!["--gif", g, "--fps", "50", "--seconds", "21"],
            "--seconds",
        ),
        (vec!["--gif", "a.png"], "--gif"),
        (vec!["--fps", "10", "--out", png], "--gif"),
        (vec!["--seconds", "2", "--out", png], "--gif"),
    ];
    for (extra, flag) in &cases {
        let args: Vec<&str> = base.iter().copied().chain(extra.iter().copied()).collect();
        let out = gradfield(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        assert!(
            stderr.contains(flag),
            "{args:?}: {stderr} should name {flag}"
        );
    }
    // Nothing moves without a start point (and there is no preset to lend one).
    let out = gradfield(&["render", "x^2+y^2", "--gif", g]);
    assert_eq!(out.status.code(), Some(2));
    assert!(error_line(&out).contains("--start"), "{}", error_line(&out));
    assert!(!Path::new(g).exists() && !Path::new(png).exists());
}

#[test]
fn unwritable_gif_exits_1_and_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("taken.gif")).expect("make a directory");
    let taken = dir.path().join("taken.gif");
    for path in ["/nonexistent/dir/a.gif", taken.to_str().expect("utf-8")] {
        let out = gradfield(&[
            "render",
            "x^2+y^2",
            "--start",
            "1,1",
            "--steps",
            "5",
            "--size",
            "64x48",
            "--fps",
            "2",
            "--seconds",
            "1",
            "--gif",
            path,
        ]);
        assert_eq!(out.status.code(), Some(1), "{path}");
        assert!(error_line(&out).contains(path), "{}", error_line(&out));
    }
    assert!(!Path::new("/nonexistent/dir").exists());
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list the temp dir")
        .map(|e| e.expect("an entry").file_name())
        .collect();
    assert_eq!(
        left,
        vec![std::ffi::OsString::from("taken.gif")],
        "no temporary file left"
    );
}

#[test]
fn frames_walk_the_steps_and_paths_stop_where_they_stopped() {
    let mut grad = |x: f64, y: f64| Some([x * x + y * y, 2.0 * x, 2.0 * y]);
    let mut p = gradfield::descent::Path::new(
        (1.0, 1.0),
        gradfield::descent::Optimizer::Gd,
        gradfield::descent::Hyper::new(0.1),
        &mut grad,
    );
    p.run(&mut grad, 7, 0.0);
    let mut a = gradfield::render::Animation {
        view: gradfield::View::new(-2.0, 2.0, -2.0, 2.0).unwrap(),
        size: (64, 48),
        settings: gradfield::render::RenderSettings::default(),
        text: gradfield::render::FigureText::default(),
        paths: gradfield::render::AnimatedPath::palette(vec![p]),
        steps: 10,
        frames: 4,
    };
    let steps: Vec<usize> = (0..4).map(|k| a.step_at(k)).collect();
    assert_eq!(steps, [0, 3, 7, 10], "round(k·10/3)");
    let mid = a.paths[0].at_step(3);
    assert_eq!(mid.path.points.len(), 4);
    assert!(
        mid.path.is_running(),
        "a path cut short is still on its way"
    );
    // Past its last step the path is whole, with its final status and label.
    let end = a.paths[0].at_step(10);
    assert_eq!(end.path.points.len(), 8);
    assert_eq!(end.path.status, gradfield::descent::Status::StepLimit);
    let (draws, text) = a.frame_at(3);
    assert_eq!(draws[0].points.len(), 4);
    assert!(
        text.labels[0].text.starts_with("step 3 "),
        "{}",
        text.labels[0].text
    );
    a.frames = 1;
    assert_eq!(a.step_at(0), 10, "a single frame shows the end");
}

//! One call draws a picture (`render::draw_document`) on a real GPU (lavapipe where there is
//! none): for f's heatmap, a convergence map and the gradient check it draws the plot that
//! `gradfield render` writes and the passes put together by hand draw, and says on stderr
//! what the command says; a map run stopped between chunks is an error (colour layers and
//! "colour by": tests/render_color_by.rs).

mod common_gpu;

use std::process::Command;

use gradfield::expr::Function;
use gradfield::gpu::converge::{ConvergePass, ConvergeSettings};
use gradfield::gpu::hessian::HessianPass;
use gradfield::gpu::GradientMode;
use gradfield::render::basin::{MapMode, MapView};
use gradfield::render::color_by::minimum_marks;
use gradfield::render::egui_offscreen::EguiOffscreen;
use gradfield::render::layout::FigureLayout;
use gradfield::render::stability::StabilityView;
use gradfield::render::{
    draw_document, plot_layout, render_figure_rgba, ArrowDir, ArrowLength, ArrowSettings, Coloring,
    Colormap, FigureText, Finding, Layout, Picture, RangeMode, RenderSettings, Renderer,
    OFFSCREEN_FORMAT,
};
use gradfield::View;

const SIZE: (u32, u32) = (320, 240);
const HIMMELBLAU: &str = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";

/// `gradfield render`'s settings when no layer flag is given.
fn cli_settings() -> RenderSettings {
    RenderSettings {
        colormap: Colormap::Viridis,
        levels: 12,
        show_contours: true,
        log_scale: false,
        range: RangeMode::MinMax,
        arrows: ArrowSettings {
            direction: ArrowDir::Descent,
            length: ArrowLength::Normalized,
            spacing_px: 48.0,
        },
        ..RenderSettings::default()
    }
}

/// The command line's hyperparameters with learning rate `lr`.
fn hyper(lr: f64) -> gradfield::descent::Hyper {
    gradfield::descent::Hyper {
        lr,
        momentum: 0.9,
        alpha: 0.99,
        beta1: 0.9,
        beta2: 0.999,
        eps: None,
        ascent: false,
        schedule: Default::default(),
        line_search: Default::default(),
        batch: None,
        seed: gradfield::descent::DEFAULT_SEED,
    }
}

fn plot(show_heatmap: bool) -> Layout {
    plot_layout(
        &FigureLayout::for_figure(SIZE.0, SIZE.1, 1.0, show_heatmap),
        SIZE,
    )
}

/// The plot rectangle's pixels of RGBA8 rows of a `SIZE` figure.
fn plot_pixels(rgba: &[u8]) -> Vec<[u8; 4]> {
    let p = plot(true).plot;
    let mut out = Vec::new();
    for y in p.y..p.y + p.h {
        for x in p.x..p.x + p.w {
            let i = ((y * SIZE.0 + x) * 4) as usize;
            out.push([rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]);
        }
    }
    out
}

/// Runs `gradfield render EXPR --view V --stretch --size 320x240 EXTRA… --out FILE`; returns
/// the PNG's RGBA8 rows and the stderr lines that are gradfield's own.
fn render_command(expr: &str, view: &str, extra: &[&str]) -> (Vec<u8>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("picture.png");
    let view = format!("--view={view}");
    let mut args = vec!["render", expr, &view, "--stretch", "--size", "320x240"];
    args.extend(extra);
    args.extend(["--out", out.to_str().unwrap()]);
    let o = Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(&args)
        .output()
        .expect("gradfield runs");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(o.status.success(), "{args:?}: {err}");
    let file = std::fs::File::open(&out).expect("the PNG exists");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), SIZE);
    buf.truncate(info.buffer_size());
    let lines = err
        .lines()
        .filter(|l| {
            l.starts_with("largest")
                || l.contains("starts:")
                || l.starts_with("f is")
                || l.starts_with("η =")
        })
        .map(str::to_string)
        .collect();
    (buf, lines)
}

#[test]
fn each_coloring_draws_the_plot_and_says_what_the_render_command_says() {
    let gpu = common_gpu::gpu();
    let himmelblau = Function::parse(HIMMELBLAU).unwrap();
    let wave = Function::parse("sin(3x) + y^2").unwrap();
    let map = ConvergeSettings {
        optimizer: "gd".parse().unwrap(),
        hyper: hyper(0.01),
        steps: 200,
        tol: 1e-3,
    };
    let cases: [(&Function, &str, &str, Vec<&str>, Coloring); 5] = [
        (
            &wave,
            "sin(3x) + y^2",
            "-2,2,-1.5,1.5",
            vec![],
            Coloring::Heatmap,
        ),
        (
            &wave,
            "sin(3x) + y^2",
            "-2,2,-1.5,1.5",
            vec!["--gradient-check", "--check-step", "0.01"],
            Coloring::GradientCheck { step: 0.01 },
        ),
        (
            &himmelblau,
            HIMMELBLAU,
            "-5,5,-5,5",
            vec![
                "--converge-map",
                "basin",
                "--lr",
                "0.01",
                "--steps",
                "200",
                "--tol",
                "1e-3",
            ],
            Coloring::ConvergeMap {
                mode: MapMode::Basin,
                settings: map,
            },
        ),
        (
            &himmelblau,
            HIMMELBLAU,
            "-5,5,-5,5",
            vec![
                "--converge-map",
                "steps",
                "--lr",
                "0.01",
                "--steps",
                "200",
                "--tol",
                "1e-3",
            ],
            Coloring::ConvergeMap {
                mode: MapMode::Steps,
                settings: map,
            },
        ),
        (
            &himmelblau,
            HIMMELBLAU,
            "-5,5,-5,5",
            vec!["--stability", "--lr", "0.01"],
            Coloring::Stability { lr: 0.01 },
        ),
    ];
    for (f, expr, view_text, extra, coloring) in cases {
        let v: Vec<f64> = view_text.split(',').map(|t| t.parse().unwrap()).collect();
        let picture = Picture {
            function: f,
            view: View::new(v[0], v[1], v[2], v[3]).unwrap(),
            size: SIZE,
            settings: cli_settings(),
            coloring,
            paths: &[],
            text: FigureText {
                ui_scale: 1.0,
                ..FigureText::default()
            },
        };
        let mut chunks = 0;
        let drawn = draw_document(&gpu, &picture, &mut |done, all| {
            assert!(done < all, "a chunk starts at {done} of {all} steps");
            chunks += 1;
            Ok(())
        })
        .expect("the picture draws");
        let want_chunks = match coloring {
            Coloring::ConvergeMap { .. } => 200u32.div_ceil(64),
            _ => 0,
        };
        assert_eq!(chunks, want_chunks, "{coloring:?}");
        let (cli, lines) = render_command(expr, view_text, &extra);
        let ours = plot_pixels(&drawn.pixels);
        let by_hand = plot_pixels(&reference(&gpu, &picture, &drawn.finding));
        for (what, theirs) in [("render command", plot_pixels(&cli)), ("by hand", by_hand)] {
            let differ = ours.iter().zip(&theirs).filter(|(a, b)| a != b).count();
            assert_eq!(
                differ, 0,
                "{coloring:?}: {differ} plot pixels differ from {what}"
            );
        }
        let line: Vec<String> = drawn.finding.line().into_iter().collect();
        assert_eq!(line, lines, "{coloring:?}");
        match (coloring, &drawn.finding) {
            (Coloring::Heatmap, Finding::Heatmap) => {}
            (Coloring::GradientCheck { step }, Finding::GradientCheck { largest, step: h }) => {
                assert_eq!(*h, step);
                assert!(largest.is_some());
            }
            (Coloring::ConvergeMap { settings, .. }, Finding::ConvergeMap(counts, _)) => {
                let p = plot(true).plot;
                let mut pass =
                    ConvergePass::new(&gpu.device, f, gradfield::descent::Optimizer::Gd).unwrap();
                pass.prepare(
                    &gpu.device,
                    &gpu.queue,
                    &picture.view,
                    (p.w, p.h),
                    &settings,
                )
                .unwrap();
                let walkers = pass.run(&gpu).unwrap();
                let converged = walkers.iter().filter(|w| w.status == 2).count();
                let diverged = walkers.iter().filter(|w| w.status == 3).count();
                assert!(converged > 0);
                let want = format!(
                    "{} starts: {converged} converged, {diverged} diverged, {} still moving \
                     after 200 steps",
                    walkers.len(),
                    walkers.len() - converged - diverged
                );
                assert_eq!(counts.summary(), want);
            }
            (Coloring::Stability { lr }, Finding::Stability(counts)) => {
                // The GPU's split of the plot against the f64 reference at the same f32
                // coordinates: only samples within rounding of the boundary may differ.
                let p = plot(true).plot;
                let (w, h) = (p.w, p.h);
                let unstable = common_gpu::figure::cpu_unstable(f, &picture.view, lr, (w, h));
                assert_eq!(counts.lr, lr);
                let all = counts.stable + counts.unstable + counts.any_step + counts.undefined;
                assert_eq!(all, (w * h) as usize);
                assert!(
                    counts.unstable.abs_diff(unstable) * 1000 <= all,
                    "{counts:?} vs {unstable}"
                );
                assert!(
                    counts.unstable > all / 10 && counts.stable > all / 10,
                    "{counts:?}"
                );
            }
            (c, found) => panic!("{c:?} found {found:?}"),
        }
    }
}

/// The figure of `picture` put together from the passes, as `gradfield render` did before
/// `draw_document`: the check or map computed and switched on by hand, the check's settings
/// (linear scale, no contours, no arrows) typed out.
fn reference(gpu: &gradfield::gpu::Gpu, picture: &Picture, finding: &Finding) -> Vec<u8> {
    // A basin map's minima are marked: rings drawn like paths, labels beside them.
    let mut text = picture.text.clone();
    let mut paths = picture.paths.to_vec();
    if let Finding::ConvergeMap(_, minima) = finding {
        let fig = FigureLayout::for_figure(SIZE.0, SIZE.1, text.ui_scale, true);
        let (rings, labels) = minimum_marks(minima, &picture.view, fig.plot, text.theme, fig.scale);
        paths.extend(rings);
        text.labels.extend(labels);
    }
    let mut r = Renderer::new(gpu, OFFSCREEN_FORMAT, picture.function).unwrap();
    let mut settings = picture.settings;
    let p = plot(true).plot;
    let mut pass = None;
    let mut hessian = None;
    match picture.coloring {
        Coloring::Heatmap => {}
        Coloring::GradientCheck { step } => {
            r.set_gradient_check(gpu, Some(step)).unwrap();
            settings.log_scale = false;
            settings.show_contours = false;
            settings.arrows.direction = ArrowDir::None;
        }
        Coloring::ConvergeMap {
            mode,
            settings: conv,
        } => {
            let mut map = ConvergePass::new(
                &gpu.device,
                picture.function,
                gradfield::descent::Optimizer::Gd,
            )
            .unwrap();
            map.prepare(&gpu.device, &gpu.queue, &picture.view, (p.w, p.h), &conv)
                .unwrap();
            map.run(gpu).unwrap();
            let view = MapView {
                mode,
                steps: conv.steps,
                size: (p.w, p.h),
                view: picture.view,
            };
            r.set_converge_map(gpu, Some((map.buffer().unwrap(), view)))
                .unwrap();
            pass = Some(map);
        }
        Coloring::Stability { lr } => {
            let mut h = HessianPass::new(&gpu.device, picture.function).unwrap();
            h.run(gpu, &picture.view, (p.w, p.h)).unwrap();
            let view = StabilityView {
                size: (p.w, p.h),
                view: picture.view,
                lr,
                generation: 0,
            };
            r.set_stability_map(gpu, Some((h.buffer().unwrap(), view)))
                .unwrap();
            hessian = Some(h);
        }
    }
    let mut egui = EguiOffscreen::new(&gpu.device, r.format());
    let rgba = render_figure_rgba(
        gpu,
        &mut r,
        &mut egui,
        SIZE,
        &picture.view,
        &settings,
        GradientMode::Exact,
        &paths,
        &text,
    )
    .unwrap();
    drop(pass);
    drop(hessian);
    rgba
}

#[test]
fn a_stopped_map_run_is_an_error_and_draws_nothing() {
    let gpu = common_gpu::gpu();
    let f = Function::parse(HIMMELBLAU).unwrap();
    let picture = Picture {
        function: &f,
        view: View::new(-5.0, 5.0, -5.0, 5.0).unwrap(),
        size: SIZE,
        settings: cli_settings(),
        coloring: Coloring::ConvergeMap {
            mode: MapMode::Basin,
            settings: ConvergeSettings {
                optimizer: "gd".parse().unwrap(),
                hyper: hyper(0.01),
                steps: 500,
                tol: 1e-3,
            },
        },
        paths: &[],
        text: FigureText::default(),
    };
    let mut calls = 0;
    let err = draw_document(&gpu, &picture, &mut |done, _| {
        calls += 1;
        if done > 0 {
            return Err(gradfield::Error::Input("stopped".into()));
        }
        Ok(())
    })
    .unwrap_err();
    assert_eq!(calls, 2, "stops before the second chunk");
    assert!(err.to_string().contains("stopped"), "{err}");
}

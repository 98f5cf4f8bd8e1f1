//! One call draws a picture (`render::draw_document`) on a real GPU (lavapipe where there is
//! none): for f's heatmap, a convergence map and the gradient check it draws the plot that
//! `gradfield render` writes and says on stderr what the command says; the renderer's colour
//! layer switches the check on and off re-evaluating the field only then; a document's
//! "colour by" chooses the colouring and the layer the explorer shows.

mod common_gpu;

use std::process::Command;

use gradfield::document::{ColorBy, MapSettings};
use gradfield::expr::Function;
use gradfield::gpu::converge::{ConvergePass, ConvergeSettings};
use gradfield::gpu::GradientMode;
use gradfield::render::basin::{MapMode, MapView};
use gradfield::render::color_by::color_layer;
use gradfield::render::egui_offscreen::EguiOffscreen;
use gradfield::render::layout::FigureLayout;
use gradfield::render::{
    draw_document, plot_layout, render_figure_rgba, ArrowDir, ArrowLength, ArrowSettings,
    ColorLayer, Coloring, Colormap, FigureText, Finding, Layout, Picture, RangeMode,
    RenderSettings, Renderer, OFFSCREEN_FORMAT,
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
        .filter(|l| l.starts_with("largest") || l.contains("starts:") || l.starts_with("f is"))
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
    let cases: [(&Function, &str, &str, Vec<&str>, Coloring); 4] = [
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
        let by_hand = plot_pixels(&reference(&gpu, &picture));
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
            (Coloring::ConvergeMap { settings, .. }, Finding::ConvergeMap(counts)) => {
                let p = plot(true).plot;
                let mut pass = ConvergePass::new(&gpu.device, f).unwrap();
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
            (c, found) => panic!("{c:?} found {found:?}"),
        }
    }
}

/// The figure of `picture` put together from the passes, as `gradfield render` did before
/// `draw_document`: the check or map computed and switched on by hand, the check's settings
/// (linear scale, no contours, no arrows) typed out.
fn reference(gpu: &gradfield::gpu::Gpu, picture: &Picture) -> Vec<u8> {
    let mut r = Renderer::new(gpu, OFFSCREEN_FORMAT, picture.function).unwrap();
    let mut settings = picture.settings;
    let p = plot(true).plot;
    let mut pass = None;
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
            let mut map = ConvergePass::new(&gpu.device, picture.function).unwrap();
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
        &[],
        &picture.text,
    )
    .unwrap();
    drop(pass);
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

/// Draws one frame of `r` with the CLI settings; returns what it recomputed and the plot's
/// pixels.
fn frame(gpu: &gradfield::gpu::Gpu, r: &mut Renderer, view: &View) -> (bool, Vec<u8>) {
    let layout = plot(true);
    let work = r
        .prepare_layers(gpu, &layout, view, &cli_settings(), GradientMode::Exact)
        .unwrap();
    let target = gradfield::render::OffscreenTarget::new(&gpu.device, r.format(), SIZE).unwrap();
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor { label: None });
    r.encode(&mut encoder, target.texture(), &work);
    target.encode_copy(&mut encoder);
    gpu.queue.submit([encoder.finish()]);
    (work.field, target.read(gpu).unwrap())
}

#[test]
fn the_color_layer_reevaluates_the_field_only_when_the_check_changes() {
    let gpu = common_gpu::gpu();
    let f = Function::parse("sin(3x) + y^2").unwrap();
    let view = View::new(-2.0, 2.0, -1.5, 1.5).unwrap();
    let mut r = Renderer::new(&gpu, OFFSCREEN_FORMAT, &f).unwrap();
    let (field, heatmap) = frame(&gpu, &mut r, &view);
    assert!(field, "the first frame evaluates the field");
    let steps: [(ColorLayer, bool); 5] = [
        (ColorLayer::Heatmap, false),
        (ColorLayer::GradientCheck(1e-2), true),
        (ColorLayer::GradientCheck(1e-2), false),
        (ColorLayer::GradientCheck(1e-3), true),
        (ColorLayer::Heatmap, true),
    ];
    let mut last = Vec::new();
    for (layer, evaluated) in steps {
        r.set_color_layer(&gpu, layer).unwrap();
        assert_eq!(r.gradient_check(), layer.gradient_check());
        let (field, px) = frame(&gpu, &mut r, &view);
        assert_eq!(field, evaluated, "{layer:?}");
        last = px;
    }
    assert!(
        last == heatmap,
        "back to the heatmap draws it as before the check"
    );
}

#[test]
fn a_documents_color_by_chooses_the_coloring_and_the_layer() {
    let gpu = common_gpu::gpu();
    let f = Function::parse(HIMMELBLAU).unwrap();
    let view = View::new(-5.0, 5.0, -5.0, 5.0).unwrap();
    let conv = ConvergeSettings {
        optimizer: "gd".parse().unwrap(),
        hyper: hyper(0.01),
        steps: 10,
        tol: 1e-3,
    };
    let mut pass = ConvergePass::new(&gpu.device, &f).unwrap();
    pass.prepare(&gpu.device, &gpu.queue, &view, (8, 8), &conv)
        .unwrap();
    let buffer = pass.buffer().unwrap();
    let computed = MapView {
        mode: MapMode::Basin,
        steps: 10,
        size: (8, 8),
        view,
    };
    for mode in ColorBy::ALL {
        let maps = MapSettings {
            mode,
            check_step: 1e-3,
            ..MapSettings::default()
        };
        let mut asked = false;
        let coloring = Coloring::of(&maps, || {
            asked = true;
            Ok(conv)
        })
        .unwrap();
        assert_eq!(
            asked,
            mode.is_map(),
            "{mode:?}: the run is asked only for a map"
        );
        let (with_map, without) = (
            color_layer(&maps, Some((buffer, computed))),
            color_layer(&maps, None),
        );
        match mode {
            ColorBy::Heatmap => {
                assert_eq!(coloring, Coloring::Heatmap);
                assert!(matches!(with_map, ColorLayer::Heatmap));
            }
            ColorBy::Check => {
                assert_eq!(coloring, Coloring::GradientCheck { step: 1e-3 });
                assert_eq!(with_map.gradient_check(), Some(1e-3));
                assert_eq!(without.gradient_check(), Some(1e-3));
            }
            ColorBy::Basin | ColorBy::Steps => {
                let want = if mode == ColorBy::Basin {
                    MapMode::Basin
                } else {
                    MapMode::Steps
                };
                assert_eq!(
                    coloring,
                    Coloring::ConvergeMap {
                        mode: want,
                        settings: conv
                    }
                );
                match with_map {
                    ColorLayer::ConvergeMap(b, m) => {
                        assert!(b == buffer);
                        assert_eq!(
                            m,
                            MapView {
                                mode: want,
                                ..computed
                            }
                        );
                    }
                    other => panic!("{mode:?}: {other:?}"),
                }
                // While no map is computed the heatmap stays.
                assert!(matches!(without, ColorLayer::Heatmap), "{mode:?}");
            }
        }
    }
}

#[test]
fn the_explorer_and_the_command_line_take_layers_and_colour_by_settings_from_render() {
    use gradfield::document::{Colormap as C, Layers};
    let variants = [
        Layers::default(),
        Layers {
            show_heatmap: false,
            show_contours: false,
            show_paths: false,
            colormap: C::Magma,
            levels: 3,
            arrows: ArrowDir::Ascent,
            arrow_length: ArrowLength::Log,
            arrow_spacing_px: 20.0,
            log_scale: true,
            percentile: Some(2.5),
        },
    ];
    for layers in variants {
        let ours = RenderSettings::from_layers(&layers);
        assert_eq!(ours, gradfield::app::frame::render_settings(&layers));
        assert_eq!(
            ours.range,
            layers
                .percentile
                .map_or(RangeMode::MinMax, RangeMode::Percentile)
        );
        for mode in ColorBy::ALL {
            let explorer = gradfield::render::color_by::explorer_settings(&ours, mode);
            assert_eq!(
                explorer,
                gradfield::app::maps_ui::settings_for(ours, mode),
                "{mode:?}"
            );
            assert_eq!(
                explorer.arrows.direction == ArrowDir::None,
                mode != ColorBy::Heatmap || layers.arrows == ArrowDir::None
            );
        }
    }
}

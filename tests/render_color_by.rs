//! "Colour by" in one place, on a real GPU (lavapipe where there is none): the renderer's
//! colour layer switches the gradient check on and off re-evaluating the field only then; a
//! document's map settings choose the command line's colouring and the layer the explorer
//! shows; the explorer's and the command line's layer and colour-by settings come from
//! `render`.

mod common_gpu;

use gradfield::document::{ArrowDir, ArrowLength, ColorBy, Layers, MapSettings};
use gradfield::expr::Function;
use gradfield::gpu::converge::{ConvergePass, ConvergeSettings};
use gradfield::gpu::GradientMode;
use gradfield::render::basin::{MapMode, MapView};
use gradfield::render::color_by::color_layer;
use gradfield::render::layout::FigureLayout;
use gradfield::render::{
    plot_layout, ColorLayer, Coloring, RangeMode, RenderSettings, Renderer, OFFSCREEN_FORMAT,
};
use gradfield::View;

const SIZE: (u32, u32) = (320, 240);
const HIMMELBLAU: &str = "(x^2 + y - 11)^2 + (x + y^2 - 7)^2";

/// The document's default layers (`gradfield render`'s without layer flags) as settings.
fn cli_settings() -> RenderSettings {
    RenderSettings::from_layers(&Layers::default())
}

/// Gradient descent's hyperparameters as the command line's defaults have them, η = 0.01.
fn hyper() -> gradfield::descent::Hyper {
    gradfield::descent::Hyper {
        lr: 0.01,
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

/// Draws one frame of `r` with the CLI settings; returns what it recomputed and the plot's
/// pixels.
fn frame(gpu: &gradfield::gpu::Gpu, r: &mut Renderer, view: &View) -> (bool, Vec<u8>) {
    let layout = plot_layout(&FigureLayout::for_figure(SIZE.0, SIZE.1, 1.0, true), SIZE);
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
        hyper: hyper(),
        steps: 10,
        tol: 1e-3,
    };
    let mut pass = ConvergePass::new(&gpu.device, &f, gradfield::descent::Optimizer::Gd).unwrap();
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
            mode.is_map() || mode == ColorBy::Stability,
            "{mode:?}: the run is asked only for a map (and for its η by the stability map)"
        );
        let (with_map, without) = (
            color_layer(&maps, Some((buffer, computed)), None),
            color_layer(&maps, None, None),
        );
        match mode {
            ColorBy::Heatmap => {
                assert_eq!(coloring, Coloring::Heatmap);
                assert!(matches!(with_map, ColorLayer::Heatmap));
            }
            ColorBy::Stability => {
                assert_eq!(coloring, Coloring::Stability { lr: conv.hyper.lr });
                // Until its Hessian field is computed the heatmap shows.
                assert!(matches!(without, ColorLayer::Heatmap));
                let field = gradfield::render::stability::StabilityView {
                    size: (8, 8),
                    view,
                    lr: 0.5,
                    generation: 0,
                };
                let shown = color_layer(&maps, None, Some((buffer, field)));
                assert!(matches!(shown, ColorLayer::Stability(b, f) if b == buffer && f == field));
            }
            ColorBy::Check => {
                assert_eq!(coloring, Coloring::GradientCheck { step: 1e-3 });
                assert_eq!(with_map.gradient_check(), Some(1e-3));
                assert_eq!(without.gradient_check(), Some(1e-3));
            }
            ColorBy::Map(MapMode::Basin) | ColorBy::Map(MapMode::Steps) => {
                let want = if mode == ColorBy::Map(MapMode::Basin) {
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
    use gradfield::document::Colormap as C;
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
        assert_eq!(
            ours.range,
            layers
                .percentile
                .map_or(RangeMode::MinMax, RangeMode::Percentile)
        );
        for mode in ColorBy::ALL {
            let explorer = gradfield::render::color_by::explorer_settings(&ours, mode);
            assert_eq!(
                explorer.arrows.direction == ArrowDir::None,
                // The stability map keeps the arrows: its colours show no direction.
                (mode != ColorBy::Heatmap && mode != ColorBy::Stability)
                    || layers.arrows == ArrowDir::None
            );
        }
    }
}

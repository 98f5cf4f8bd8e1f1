//! Scene files written before the scene document existed still load into the same demo:
//! `tests/data/lecture-v1.toml` is a copy of `examples/lecture.toml` as it was then (so later
//! edits of the example cannot hide a change in how old files read). No GPU.

use gradfield::app::ExplorerState;
use gradfield::descent::{Hyper, Optimizer};
use gradfield::document::{
    ArrowDir, ArrowLength, CanvasMode, ColorBy, Colormap, Document, Layers, MapSettings, PathStart,
    SurfaceSettings, Theme,
};
use gradfield::expr::Function;
use gradfield::scene;

fn lecture() -> Document {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/lecture-v1.toml");
    scene::load(&path).expect("the old lecture scene loads")
}

#[test]
fn an_old_lecture_scene_gives_the_document_it_gave_before() {
    let got = lecture();
    let view = gradfield::View::new(-3.0, 3.0, -2.0, 2.0).expect("a view");
    let want = Document {
        function: Function::parse("x^2 + 10*y^2").expect("parses"),
        preset: Some("elongated-bowl"),
        view,
        home: view,
        layers: Layers {
            show_heatmap: true,
            show_contours: true,
            show_paths: true,
            colormap: Colormap::Viridis,
            levels: 12,
            arrows: ArrowDir::Descent,
            arrow_length: ArrowLength::Normalized,
            arrow_spacing_px: 48.0,
            log_scale: false,
            percentile: None,
        },
        theme: Theme::Light,
        ui_scale: 1.5,
        panel: true,
        fullscreen: false,
        present: false,
        optimizer: Optimizer::Gd,
        hyper: Hyper {
            lr: 0.09,
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
        },
        tol: 1e-6,
        max_steps: 10_000,
        steps_per_second: 10.0,
        playing: true,
        show_gradient_step: false,
        compare: false,
        compare_set: [true, true, false, false, false, true, false],
        sweep: false,
        sweep_factors: vec![0.1, 1.0, 10.0],
        pin: Some((1.0, 0.5)),
        direction: 45f64.to_radians(),
        // Written before the check at the pin had a step: the default.
        point_check_step: 1e-5,
        paths: vec![
            PathStart::new((-2.5, 1.5), Optimizer::Gd, 0),
            PathStart {
                start: (-2.5, 1.5),
                optimizer: Optimizer::Momentum,
                lr_factor: Some(0.5),
                color: 1,
            },
        ],
        maps: MapSettings {
            mode: ColorBy::Heatmap,
            divisor: 4,
            check_step: 1e-3,
        },
        // Written before the 3D view: the map, and the surface's defaults.
        canvas: CanvasMode::Map,
        surface: SurfaceSettings::default(),
        // Written before parameters: none, and no descent in held variables.
        sliders: Vec::new(),
        descend_all: false,
        data: None,
    };
    assert_eq!(got, want);
    // `PartialEq` leaves `home` out; a scene's view is also where Home goes.
    assert_eq!(got.home, view);
    assert_eq!(got.function.source, "x^2 + 10*y^2");
}

#[test]
fn the_old_lecture_scene_opens_in_the_explorer_with_its_paths_running() {
    let doc = lecture();
    let s = ExplorerState::from_document(&doc).expect("opens");
    assert_eq!(s.document(), doc, "the explorer shows exactly the document");
    assert_eq!(s.running.paths.len(), 2);
    assert_eq!(
        s.running.paths[1].path.hyper.lr,
        0.09 * 0.5,
        "η × the path's factor"
    );
    assert_eq!(s.current_preset().map(|p| p.name), Some("elongated-bowl"));
}

#[test]
fn a_scene_takes_every_colour_map_name_the_command_line_takes() {
    // `--colormap greyscale` worked while `colormap = "greyscale"` in a scene was refused.
    for (name, want) in [
        ("greyscale", Colormap::Greyscale),
        ("grey", Colormap::Greyscale),
        ("gray", Colormap::Greyscale),
        ("Greyscale", Colormap::Greyscale),
        ("rdbu", Colormap::Diverging),
        ("magma", Colormap::Magma),
    ] {
        let text = format!("version = 1\nfunction = \"x\"\n[colour]\ncolormap = \"{name}\"\n");
        let doc = scene::parse(&text, "c.toml").unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.layers.colormap, want, "{name}");
        let flag: Colormap = name.parse().expect("the flag's parser takes it too");
        assert_eq!(flag, want, "{name}");
    }
    // A save writes the name scene version 1 has always written.
    let mut doc = lecture();
    doc.layers.colormap = Colormap::Greyscale;
    let text = scene::to_toml(&doc).expect("writes");
    assert!(text.contains("colormap = \"grey\"\n"), "{text}");
    assert_eq!(scene::parse(&text, "t").expect("reads back"), doc);
}

/// A version-1 scene without `[surface]` (every file written before the 3D view) shows the
/// map, with the camera and the surface settings at their defaults; one that has the table
/// with only some keys keeps the defaults for the others.
#[test]
fn a_scene_without_the_surface_table_shows_the_map_with_the_surface_defaults() {
    let old = lecture();
    assert_eq!(old.canvas, CanvasMode::Map);
    assert_eq!(old.surface, SurfaceSettings::default());
    assert_eq!(old.surface.camera, gradfield::surface::Camera::default());
    assert_eq!(
        (old.surface.camera.azimuth, old.surface.camera.elevation),
        (-60.0, 30.0),
        "matplotlib's angle"
    );
    let some = scene::parse(
        "version = 1\nfunction = \"x*y\"\n[surface]\ncanvas = \"split\"\nelevation = 45\n",
        "s.toml",
    )
    .expect("a partial [surface]");
    assert_eq!(some.canvas, CanvasMode::Split);
    assert_eq!(some.surface.camera.elevation, 45.0);
    assert_eq!(some.surface.camera.azimuth, -60.0);
    assert_eq!(some.surface.vscale, 1.0);
    assert!(some.surface.floor_contours && !some.surface.tangent_plane);
}

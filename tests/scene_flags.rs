//! The document `gradfield render` draws, built from its flags (`cli::scene::render_document`):
//! every flag lands in its field, a preset lends its defaults, flags typed beside `--scene`
//! win over the scene and bad values give the flags' messages. No GPU.

use clap::{CommandFactory, FromArgMatches};
use gradfield::cli::{Cli, Command, RenderArgs};
use gradfield::descent::Optimizer;
use gradfield::document::MapMode;
use gradfield::document::{ArrowDir, ArrowLength, ColorBy, Colormap, Document, PathStart, Theme};

/// `gradfield render ARGS…` as `main` parses it (with the typed flags recorded).
fn render_args(argv: &[&str]) -> RenderArgs {
    let full: Vec<&str> = ["gradfield", "render"]
        .iter()
        .chain(argv)
        .copied()
        .collect();
    let m = Cli::command()
        .try_get_matches_from(full)
        .expect("valid flags");
    let parsed = Cli::from_arg_matches(&m).expect("parses");
    let Some(Command::Render(mut args)) = parsed.command else {
        panic!("not a render command")
    };
    args.given = gradfield::cli::scene::given(m.subcommand_matches("render").expect("render"));
    *args
}

fn document(argv: &[&str]) -> Document {
    gradfield::cli::scene::render_document(&render_args(argv)).expect("a document")
}

#[test]
fn every_picture_flag_lands_in_the_document() {
    let d = document(&[
        "x^2 + 3*y^2",
        "--view",
        "-1,1,-2,2",
        "--colormap",
        "Greyscale",
        "--levels",
        "0",
        "--arrows",
        "ascent",
        "--arrow-length",
        "log",
        "--arrow-spacing",
        "30",
        "--log",
        "--percentile",
        "2",
        "--optimizer",
        "adam",
        "--lr",
        "0.05",
        "--steps",
        "50",
        "--tol",
        "1e-4",
        "--beta2",
        "0.99",
        "--start",
        "1,1",
        "--start=-1,0.5",
        "--gradient-check",
        "--check-step",
        "1e-3",
        "--out",
        "a.png",
    ]);
    assert_eq!(d.function.source, "x^2 + 3*y^2");
    assert_eq!(d.preset, None);
    assert_eq!(
        [d.view.x0, d.view.x1, d.view.y0, d.view.y1],
        [-1.0, 1.0, -2.0, 2.0]
    );
    let l = &d.layers;
    assert_eq!(l.colormap, Colormap::Greyscale);
    assert_eq!(
        (l.levels, l.show_contours),
        (0, false),
        "--levels 0 draws no contours"
    );
    assert_eq!(
        (l.arrows, l.arrow_length),
        (ArrowDir::Ascent, ArrowLength::Log)
    );
    assert_eq!(l.arrow_spacing_px, 30.0);
    assert!(l.log_scale && l.show_heatmap && l.show_paths);
    assert_eq!(l.percentile, Some(2.0));
    assert_eq!(d.optimizer, Optimizer::Adam);
    assert_eq!((d.hyper.lr, d.hyper.beta2), (0.05, 0.99));
    assert_eq!((d.max_steps, d.tol), (50, 1e-4));
    assert_eq!(
        d.paths,
        [
            PathStart::new((1.0, 1.0), Optimizer::Adam, 0),
            PathStart::new((-1.0, 0.5), Optimizer::Adam, 1)
        ]
    );
    assert_eq!(d.maps.mode, ColorBy::Check);
    assert_eq!(
        d.maps.check_step,
        f64::from(1e-3f32),
        "the check runs in f32"
    );
    let basin = document(&["x*y", "--converge-map", "Steps", "--out", "a.png"]);
    assert_eq!(basin.maps.mode, ColorBy::Map(MapMode::Steps));
}

#[test]
fn a_preset_lends_its_view_rate_steps_and_scale_unless_typed() {
    let p = gradfield::presets::find("rosenbrock").expect("preset");
    let d = document(&["--preset", "rosenbrock", "--out", "a.png"]);
    assert_eq!(d.preset, Some("rosenbrock"));
    assert_eq!(d.function.source, p.expr);
    assert_eq!([d.view.x0, d.view.x1, d.view.y0, d.view.y1], p.view);
    assert_eq!((d.hyper.lr, d.max_steps), (p.lr, p.steps as usize));
    assert_eq!(d.layers.log_scale, p.log_scale);
    assert!(d.paths.is_empty(), "no --start, no path");
    let linear = document(&[
        "--preset",
        "rosenbrock",
        "--linear",
        "--lr",
        "0.001",
        "--out",
        "a.png",
    ]);
    assert!(!linear.layers.log_scale);
    assert_eq!(linear.hyper.lr, 0.001);
}

#[test]
fn flags_typed_beside_a_scene_win_and_the_rest_is_the_scenes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.toml");
    let text = "version = 1\npreset = \"bowl\"\n[layers]\nlevels = 7\nheatmap = false\n\
                [colour]\ncolormap = \"magma\"\n[display]\ntheme = \"light\"\n\
                [optimizer]\nname = \"momentum\"\nlr = 0.2\n[maps]\ngrid = 2\n\
                [[paths]]\nstart = [1, 2]\ncolor = 4\n[[paths]]\nstart = [0, 1]\nlr_factor = 0.5\n";
    std::fs::write(&path, text).expect("writes");
    let scene = path.to_str().expect("utf-8");
    let d = document(&[
        "--scene",
        scene,
        "--colormap",
        "grey",
        "--lr",
        "0.5",
        "--out",
        "a.png",
    ]);
    assert_eq!(d.layers.colormap, Colormap::Greyscale, "typed");
    assert_eq!(d.hyper.lr, 0.5, "typed");
    assert_eq!(d.layers.levels, 7, "the scene's");
    assert!(!d.layers.show_heatmap, "the scene's toggle");
    assert_eq!(d.optimizer, Optimizer::Momentum);
    assert_eq!((d.theme, d.maps.divisor), (Theme::Light, 2));
    assert_eq!(d.preset, Some("bowl"));
    assert_eq!(d.paths.len(), 2);
    assert_eq!((d.paths[0].color, d.paths[1].lr_factor), (4, Some(0.5)));
    let typed = document(&[
        "--scene",
        scene,
        "--start",
        "3,3",
        "--optimizer",
        "adam",
        "--out",
        "a.png",
    ]);
    assert_eq!(
        typed.paths,
        [PathStart::new((3.0, 3.0), Optimizer::Adam, 0)]
    );
}

#[test]
fn bad_picture_flags_give_the_flags_messages() {
    for (argv, want) in [
        (&["x", "--arrows", "up"][..], "--arrows 'up': expected ascent, descent or none"),
        (&["x", "--arrow-length", "long"][..], "--arrow-length 'long': expected normalized, proportional or log"),
        (&["x", "--colormap", "jet"][..], "unknown colour map 'jet'; choose one of: viridis, magma, inferno, plasma, cividis, diverging, greyscale"),
        (&["x", "--converge-map", "basins"][..], "--converge-map 'basins': expected basin or steps"),
        (&["x", "--arrow-spacing", "4"][..], "arrow spacing: 8 to 4096 pixels, got 4"),
        (&["x", "--percentile", "60"][..], "percentile clipping: 0 < p < 50, got 60"),
    ] {
        let argv: Vec<&str> = argv.iter().copied().chain(["--out", "a.png"]).collect();
        let args = render_args(&argv);
        let err = gradfield::cli::scene::render_document(&args).expect_err(want).to_string();
        assert_eq!(err, want, "{argv:?}");
    }
}

/// The 3D view's flags land in the document: `--3d` shows the surface, `--camera` sets
/// azimuth and elevation, `--vscale` and the two toggles what they name; without them the
/// map is drawn with the surface's defaults. `--pin` and `--direction` set the pin the
/// tangent plane touches.
#[test]
fn the_surface_flags_land_in_the_document() {
    use gradfield::document::{CanvasMode, SurfaceSettings};
    let plain = document(&["x*y", "--out", "a.png"]);
    assert_eq!(plain.canvas, CanvasMode::Map);
    assert_eq!(plain.surface, SurfaceSettings::default());
    let d = document(&[
        "x*y",
        "--3d",
        "--camera",
        "200,-45.5",
        "--vscale",
        "2.5",
        "--tangent-plane",
        "--pin",
        "0.5,-1",
        "--direction",
        "90",
        "--no-floor-contours",
        "--out",
        "a.png",
    ]);
    assert_eq!(d.canvas, CanvasMode::Surface);
    assert_eq!(d.pin, Some((0.5, -1.0)), "--pin");
    assert!(
        (d.direction - std::f64::consts::FRAC_PI_2).abs() < 1e-12,
        "--direction 90°"
    );
    let c = d.surface.camera;
    assert_eq!((c.azimuth, c.elevation), (-160.0, -45.5), "200° wrapped");
    assert_eq!((c.zoom, c.pan), (1.0, [0.0; 3]), "zoom and pan stay");
    assert_eq!(d.surface.vscale, 2.5);
    assert!(d.surface.tangent_plane && !d.surface.floor_contours);
}

/// A scene's `[surface]` is what `render --scene` draws; each surface flag typed beside it
/// wins over its key, and the keys no flag sets (zoom, pan) stay the scene's.
#[test]
fn surface_flags_typed_beside_a_scene_win_over_its_surface_table() {
    use gradfield::document::CanvasMode;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.toml");
    let text = "version = 1\npreset = \"bowl\"\n[surface]\ncanvas = \"3d\"\nazimuth = 10\n\
                elevation = 20\nzoom = 2\npan = [0.5, 0, 0]\nvscale = 3\n\
                floor_contours = false\ntangent_plane = true\n";
    std::fs::write(&path, text).expect("writes");
    let scene = path.to_str().expect("utf-8");
    let d = document(&["--scene", scene, "--out", "a.png"]);
    assert_eq!(d.canvas, CanvasMode::Surface, "the scene's canvas");
    let c = d.surface.camera;
    assert_eq!(
        (c.azimuth, c.elevation, c.zoom, c.pan),
        (10.0, 20.0, 2.0, [0.5, 0.0, 0.0])
    );
    assert_eq!(d.surface.vscale, 3.0);
    assert!(!d.surface.floor_contours && d.surface.tangent_plane);
    // The scene shows the surface, so --camera needs no --3d beside it.
    let typed = document(&[
        "--scene", scene, "--camera", "-30,60", "--vscale", "0.5", "--out", "a.png",
    ]);
    let c = typed.surface.camera;
    assert_eq!((c.azimuth, c.elevation), (-30.0, 60.0), "typed");
    assert_eq!((c.zoom, c.pan), (2.0, [0.5, 0.0, 0.0]), "the scene's");
    assert_eq!(typed.surface.vscale, 0.5, "typed");
    assert!(typed.surface.tangent_plane, "the scene's");
    // A scene of the map, with --3d typed: the surface, with the scene's camera.
    let map = dir.path().join("m.toml");
    std::fs::write(
        &map,
        "version = 1\npreset = \"bowl\"\n[surface]\nazimuth = 45\n",
    )
    .expect("writes");
    let map = map.to_str().expect("utf-8");
    assert_eq!(
        document(&["--scene", map, "--out", "a.png"]).canvas,
        CanvasMode::Map
    );
    let d = document(&["--scene", map, "--3d", "--out", "a.png"]);
    assert_eq!(
        (d.canvas, d.surface.camera.azimuth),
        (CanvasMode::Surface, 45.0)
    );
    // ... and without --3d the camera flag is refused, naming both.
    let err = gradfield::cli::scene::render_document(&render_args(&[
        "--scene", map, "--camera", "0,10", "--out", "a.png",
    ]))
    .expect_err("--camera on the map");
    assert!(err.to_string().contains("--camera needs --3d"), "{err}");
}

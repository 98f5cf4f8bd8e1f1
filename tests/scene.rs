//! Scene files without a GPU: save → load gives back the same demo (floats bit for bit),
//! every kind of bad file gives its one-line message, a bad file changes nothing in the
//! explorer, the example scene loads, the dialog's state, and `explore --scene` overrides.
//! (`render --scene` against flags: tests/scene_render.rs.)

use gradfield::app::{ArrowDir, ArrowLength, DialogMode, ExplorerState, Key, KeyPress, Theme};
use gradfield::descent::Optimizer;
use gradfield::document::MapMode;
use gradfield::document::{Colormap, Document};
use gradfield::scene;

/// Save → parse → apply → capture, and the same through a file; compares the TOML text too,
/// which tells -0.0 from 0.0 and any last-bit difference.
fn assert_round_trip(state: &ExplorerState, what: &str) {
    let before = state.document();
    let text = scene::to_toml(&before).expect("writes");
    let parsed = scene::parse(&text, "t.toml").unwrap_or_else(|e| panic!("{what}: {e}\n{text}"));
    assert_eq!(parsed, before, "{what}: parse(to_toml(s)) differs\n{text}");
    assert_eq!(
        scene::to_toml(&parsed).expect("writes"),
        text,
        "{what}: text differs"
    );
    let again = ExplorerState::from_document(&parsed)
        .expect("applies")
        .document();
    assert_eq!(
        scene::to_toml(&again).expect("writes"),
        text,
        "{what}: via the explorer"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("s.toml");
    scene::save(&before, &path).expect("saves");
    let loaded = scene::load(&path).expect("loads");
    assert_eq!(
        scene::to_toml(&loaded).expect("writes"),
        text,
        "{what}: via a file"
    );
}

#[test]
fn every_preset_with_every_optimizer_round_trips() {
    for i in 0..gradfield::presets::all().len() {
        let mut s = ExplorerState::from_preset(i).expect("preset");
        s.set_optimizer(Optimizer::ALL[i % 6]);
        s.add_path_at(0.25, -0.5);
        let back = s.document();
        assert_eq!(back.preset, Some(gradfield::presets::all()[i].name));
        assert_round_trip(&s, gradfield::presets::all()[i].name);
    }
}

/// A state far from the defaults, with odd floats everywhere a float is kept.
fn odd_state() -> ExplorerState {
    let mut s = ExplorerState::from_preset(3).expect("rosenbrock");
    s.set_text("f(w, b) = (2w + b - 1)^2 + 1e-7*w");
    s.doc.view = gradfield::View::new(-0.0, 1e-3, -1e-7, 0.1).expect("a valid view");
    s.doc.layers.show_heatmap = false;
    s.doc.layers.show_paths = false;
    s.doc.layers.levels = 0;
    s.doc.layers.colormap = Colormap::Magma;
    s.doc.layers.arrows = ArrowDir::Ascent;
    s.doc.layers.arrow_length = ArrowLength::Log;
    s.doc.layers.arrow_spacing_px = 33.3;
    s.doc.layers.log_scale = true;
    s.doc.layers.percentile = Some(2.5e-3);
    s.doc.theme = Theme::HighContrast;
    s.scale_ui(2);
    s.doc.panel = false;
    s.doc.fullscreen = true;
    s.doc.present = true;
    s.doc.hyper.lr = 1e-7;
    s.doc.hyper.momentum = -0.0;
    s.doc.hyper.alpha = 0.1 + 0.2;
    s.doc.hyper.beta2 = 1.0 - f64::EPSILON;
    s.doc.hyper.eps = Some(5e-324);
    s.doc.hyper.ascent = true;
    s.doc.tol = 0.0;
    s.doc.max_steps = 123;
    s.doc.steps_per_second = 0.7;
    s.doc.playing = false;
    s.set_pin((-0.0, 1e-7));
    s.set_direction(0.1);
    s.set_sweep(true);
    s.doc.sweep_factors = vec![0.3, 1e-7, 7.0];
    s.sweep_at(0.5, -0.0);
    s.set_optimizer(Optimizer::RmsProp);
    s.set_color_by(gradfield::app::maps::ColorBy::Map(MapMode::Steps));
    s.set_map_divisor(2).expect("a valid grid");
    s.set_check_step(3e-7).expect("a valid step");
    s
}

#[test]
fn odd_floats_modes_pin_and_sweep_round_trip_exactly() {
    let s = odd_state();
    let scene = s.document();
    assert_eq!(scene.preset, None, "the function is no longer the preset's");
    assert_eq!(
        scene.paths.len(),
        4,
        "the preset's path and three sweep paths"
    );
    assert!(
        scene.text_has("direction = 0.1\n"),
        "radians: 0.1 rad is no exact degree"
    );
    assert_round_trip(&s, "odd state");
    let parsed = scene::parse(&scene::to_toml(&scene).expect("writes"), "t").expect("parses");
    let back = ExplorerState::from_document(&parsed).expect("applies");
    assert_eq!(back.doc.hyper.momentum.to_bits(), (-0.0f64).to_bits());
    assert_eq!(back.doc.view.x0.to_bits(), (-0.0f64).to_bits());
    assert_eq!(back.doc.hyper.eps, Some(5e-324));
    assert_eq!(
        back.running.paths[2].path.hyper.lr,
        1e-7 * 1e-7,
        "η × factor"
    );
    assert_eq!(back.running.paths[3].path.optimizer, Optimizer::RmsProp);
}

#[test]
fn compare_mode_paths_keep_their_optimizers_and_colours() {
    let mut s = ExplorerState::from_preset(1).expect("preset");
    s.doc.compare = true;
    s.doc.compare_set = [true, false, true, false, false, true, false];
    s.click(1.0, 1.0);
    s.set_direction(std::f64::consts::FRAC_PI_2);
    let scene = s.document();
    let opts: Vec<_> = scene.paths.iter().map(|p| p.optimizer).collect();
    assert_eq!(
        opts,
        [
            Optimizer::Gd,
            Optimizer::Gd,
            Optimizer::Nesterov,
            Optimizer::Adam
        ]
    );
    assert!(scene.text_has("direction_deg = 90.0"), "exact in degrees");
    assert_round_trip(&s, "compare");
}

trait TextHas {
    fn text_has(&self, needle: &str) -> bool;
}

impl TextHas for Document {
    fn text_has(&self, needle: &str) -> bool {
        scene::to_toml(self).expect("writes").contains(needle)
    }
}

#[test]
fn a_three_line_scene_takes_the_preset_and_the_defaults() {
    let s = scene::parse("version = 1\npreset = \"rosenbrock\"\n", "r.toml").expect("valid");
    let p = gradfield::presets::find("rosenbrock").expect("preset");
    assert_eq!(s.function.source, p.expr);
    assert_eq!(s.preset, Some("rosenbrock"));
    assert_eq!([s.view.x0, s.view.x1, s.view.y0, s.view.y1], p.view);
    assert_eq!(s.hyper.lr, p.lr);
    assert!(s.layers.log_scale);
    assert_eq!(s.paths.len(), 1);
    assert_eq!(s.paths[0].start, (p.start[0], p.start[1]));
    let plain = scene::parse("version = 1\nfunction = \"x*y\"", "p.toml").expect("valid");
    assert_eq!((plain.preset, plain.paths.len()), (None, 0));
    assert_eq!(plain.view.x0, -3.0);
}

#[test]
fn the_example_lecture_scene_loads() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/lecture.toml");
    let s = scene::load(&path).expect("examples/lecture.toml is valid");
    assert_eq!(s.preset, Some("elongated-bowl"));
    assert_eq!(s.theme, Theme::Light);
    assert_eq!(s.pin, Some((1.0, 0.5)));
    assert_eq!(s.direction, 45f64.to_radians());
    assert_eq!(s.paths.len(), 2);
    assert_eq!(s.paths[1].optimizer, Optimizer::Momentum);
    assert_eq!(s.paths[1].lr_factor, Some(0.5));
    assert_eq!(s.ui_scale, 1.5);
}

/// Each bad file and the exact message it gives.
const BAD: &[(&str, &str)] = &[
    ("version = 2\nfunction = \"x\"", "b.toml:1:11: version: scene version 2 is newer than this gradfield reads (1); update gradfield"),
    ("version = 0\nfunction = \"x\"", "b.toml:1:11: version: scene version 0 is older than this gradfield reads (1)"),
    ("function = \"x\"", "b.toml: version: missing: a scene starts with `version = 1`"),
    ("version = 1\nfunction = \"x\"\nspeed = 3", "b.toml:3:1: speed: unknown field `speed`, expected one of `version`, `function`, `preset`, `view`, `layers`, `color`, `colour`, `optimizer`, `compare`, `sweep`, `pin`, `display`, `maps`, `surface`, `paths`, `variables`, `sliders`, `data`"),
    ("version = 1\nfunction = \"x\"\n[optimizer]\nlr = \"fast\"", "b.toml:4:6: optimizer.lr: expected a number, got the text \"fast\""),
    ("version = 1\nfunction = \"sinn(x) + y\"", "b.toml:2:12: function: unknown function 'sinn' at column 1 — did you mean 'sin'?"),
    ("version = 1\nfunction = \"x\"\n[colour]\ncolormap = \"jet\"", "b.toml:4:12: colour.colormap: unknown colour map 'jet': choose one of viridis, magma, inferno, plasma, cividis, diverging, grey"),
    // One parser for every colour-map name: the flag's aliases are taken, a near miss is not.
    ("version = 1\nfunction = \"x\"\n[colour]\ncolormap = \"grey scale\"", "b.toml:4:12: colour.colormap: unknown colour map 'grey scale': choose one of viridis, magma, inferno, plasma, cividis, diverging, grey"),
    ("version = 1\nfunction = \"x\"\n[colour]\ncolormap = 3", "b.toml:4:12: colour.colormap: expected text in quotes, got 3"),
    ("version = 1\nfunction = \"x\"\n[optimizer]\nname = \"adamw\"", "b.toml:4:8: optimizer.name: unknown optimizer 'adamw': choose one of gd, momentum, nesterov, adagrad, rmsprop, adam, newton"),
    ("version = 1\nfunction = \"x\"\nview = [3, -3, -1, 1]", "b.toml:3:8: view: x0 < x1 and y0 < y1 are needed, got x 3..-3, y -1..1"),
    ("version = 1\nfunction = \"x\"\n[pin]\nat = [1, inf]", "b.toml:4:10: pin.at[1]: must be a finite number"),
    ("version = 1\nfunction = \"x\"\n[optimizer]\nlr = -0.5", "b.toml:4:6: optimizer.lr: must be a number > 0, got -0.5"),
    ("version = 1\nfunction = \"x\"\nview = [1, 2, 3]", "b.toml:3:8: view: needs 4 numbers [x0, x1, y0, y1], got 3"),
    ("version = 1\npreset = \"rosenbrok\"", "b.toml:2:10: preset: unknown preset 'rosenbrok' — did you mean 'rosenbrock'? (the presets are: {PRESETS})"),
    ("version = 1\n[layers]\nlevels = 12", "b.toml: function: missing: give `function = \"x^2 + y^2\"`, `preset = \"bowl\"` or a [data] table"),
    ("version = 1\nfunction = \"x\"\n[[paths]]\nstart = [1, 2]\n[[paths]]\nstart = [1]", "b.toml:6:9: paths[1].start: needs 2 numbers [x, y], got 1"),
    ("version = 1\nfunction = \"x\"\n[maps]\nbasin = true", "b.toml:4:1: maps.basin: unknown field `basin`, expected one of `colour_by`, `grid`, `check_step`"),
    ("version = 1\nfunction = \"x\"\n[maps]\ncolour_by = \"basins\"", "b.toml:4:13: maps.colour_by: unknown colour_by 'basins': choose one of heatmap, basin, steps, check, stability"),
    ("version = 1\nfunction = \"x\"\n[maps]\ngrid = 3", "b.toml:4:8: maps.grid: 3: expected 1, 2, 4 or 8"),
    ("version = 1\nfunction = \"x\"\n[[paths]]\nstart = [1, 2]\ncolor = -3", "b.toml:5:9: paths[0].color: expected a whole number, 0 or more, got -3"),
    ("version = 1\nfunction = \"x\"\n[maps]\ncheck_step = 0.5", "b.toml:4:14: maps.check_step: must be in [1e-8, 1e-1], got 0.5"),
    ("version = 1\nfunction = \"x\"\n[optimizer\nlr = 1", "b.toml:3:11: not valid TOML: unclosed table, expected `]`"),
    ("version = 1\nfunction = \"x\"\n[sweep]\non = true\n[compare]\non = true", "b.toml:4:6: sweep.on: sweep and compare cannot both be on"),
    ("version = 1\nfunction = \"x\"\n[display]\ntheme = \"solarized\"", "b.toml:4:9: display.theme: unknown theme 'solarized': choose one of dark, light, high-contrast, print"),
    ("version = 1\nfunction = \"x\"\n[display]\npresent = \"yes\"", "b.toml:4:11: display.present: expected true or false, got the text \"yes\""),
    // A start that `--start` refuses was accepted from a scene; the same check now (and 1e300
    // no longer written out as 301 digits).
    ("version = 1\nfunction = \"x\"\n[[paths]]\nstart = [1e300, 2]", "b.toml:4:10: paths[0].start[0]: must be a finite number within ±1e15, got 1e300"),
    ("version = 1\nfunction = \"x\"\n[pin]\nat = [0, -1e300]", "b.toml:4:10: pin.at[1]: must be a finite number within ±1e15, got -1e300"),
    ("version = 1\nfunction = \"x\"\n[optimizer]\nmomentum = 1e300", "b.toml:4:12: optimizer.momentum: must be in [0, 1), got 1e300"),
    // The step read-out's toggle is a plain true or false.
    ("version = 1\nfunction = \"x\"\n[optimizer]\ngradient_step = \"yes\"", "b.toml:4:17: optimizer.gradient_step: expected true or false, got the text \"yes\""),
    // [color] beside [colour] used to report the first table's line.
    ("version = 1\nfunction = \"x\"\n[colour]\ncolormap = \"grey\"\n[color]\nscale = \"log\"", "b.toml:5:1: color: [colour] and [color] are the same table: give one of them"),
    ("version = 1\nfunction = \"x\"\n[compare]\noptimizers = [\"gd\", \"gd\", \"gd\", \"gd\", \"gd\", \"gd\", \"gd\", \"gd\"]", "b.toml:4:57: compare.optimizers[7]: name at most the 7 optimizers, got 8"),
];

/// A message of [`BAD`] with `{PRESETS}` replaced by the preset names.
fn expected(want: &str) -> String {
    let names: Vec<&str> = gradfield::presets::all().iter().map(|p| p.name).collect();
    want.replace("{PRESETS}", &names.join(", "))
}

#[test]
fn each_bad_scene_gives_its_one_line_message() {
    assert!(BAD.len() >= 12);
    for (text, want) in BAD {
        let want = &expected(want);
        let got = scene::parse(text, "b.toml").expect_err(text).to_string();
        assert_eq!(&got, want, "for the scene:\n{text}");
        assert!(!got.contains('\n'), "one line: {got}");
    }
}

#[test]
fn a_bad_scene_changes_nothing_and_a_good_one_replaces_the_demo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = odd_state();
    let before = scene::to_toml(&s.document()).expect("writes");
    for (i, (text, want)) in BAD.iter().enumerate() {
        let path = dir.path().join(format!("bad{i}.toml"));
        std::fs::write(&path, text).expect("writes the bad file");
        assert!(s.open_scene(&path).is_err());
        assert_eq!(scene::to_toml(&s.document()).expect("writes"), before);
        let msg = s.messages.status.clone().unwrap_or_default();
        let want = expected(want);
        let (_, why) = want.split_once(": ").expect("file: …");
        assert!(msg.ends_with(why), "status line {msg:?} ends with {why:?}");
    }
    let missing = dir.path().join("nothing.toml");
    assert!(s.open_scene(&missing).is_err());
    assert!(s
        .messages
        .status
        .as_deref()
        .is_some_and(|m| m.contains("cannot read the scene")));
    let good = dir.path().join("good.toml");
    let generation = s.rebuild.function_generation;
    std::fs::write(&good, "version = 1\npreset = \"saddle\"\n").expect("writes");
    s.open_scene(&good).expect("opens");
    assert_eq!(
        s.messages.status,
        Some(format!("opened {}", good.display()))
    );
    assert_eq!(s.current_preset().map(|p| p.name), Some("saddle"));
    assert!(
        s.rebuild.function_generation > generation,
        "the window rebuilds the field"
    );
    assert_eq!(
        (s.running.paths.len(), s.running.paths[0].path.iterations()),
        (1, 0)
    );
}

#[test]
fn ctrl_s_opens_the_dialog_enter_saves_escape_cancels() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = odd_state();
    assert!(s.key(KeyPress::ctrl(Key::S)));
    assert_eq!(s.dialogs.scene.mode, Some(DialogMode::Save));
    assert_eq!(s.dialogs.scene.path, scene::DEFAULT_FILE);
    assert!(s.key(KeyPress::plain(Key::Escape)));
    assert!(!s.dialogs.scene.is_open(), "Esc cancels");
    assert!(s.doc.fullscreen, "Esc closed the dialog, not fullscreen");
    let path = dir.path().join("lecture.toml");
    s.key(KeyPress::ctrl(Key::S));
    s.dialogs.scene.path = path.display().to_string();
    s.confirm_scene_dialog();
    assert!(!s.dialogs.scene.is_open());
    assert_eq!(s.messages.status, Some(format!("saved {}", path.display())));
    let mut other = ExplorerState::from_preset(0).expect("preset");
    other.key(KeyPress::ctrl(Key::O));
    assert_eq!(other.dialogs.scene.mode, Some(DialogMode::Open));
    other.dialogs.scene.path = path.display().to_string();
    other.confirm_scene_dialog();
    assert_eq!(
        scene::to_toml(&other.document()).expect("writes"),
        scene::to_toml(&s.document()).expect("writes")
    );
    other.key(KeyPress::ctrl(Key::O));
    other.dialogs.scene.path = dir.path().join("nope.toml").display().to_string();
    other.confirm_scene_dialog();
    assert!(other.dialogs.scene.is_open(), "stays open to fix the name");
    let names = gradfield::app::scene_io::toml_files(dir.path());
    assert_eq!(names, ["lecture.toml"]);
}

#[test]
fn explore_scene_with_flags_typed_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("l.toml");
    std::fs::write(
        &path,
        "version = 1\npreset = \"bowl\"\n[optimizer]\nname = \"adam\"\n",
    )
    .expect("writes");
    let args = gradfield::cli::ExploreArgs {
        scene: Some(path.clone()),
        lr: Some(0.25),
        ..Default::default()
    };
    let s = gradfield::cli::explore::initial_state(&args).expect("opens");
    assert_eq!(s.doc.optimizer, Optimizer::Adam);
    assert_eq!(s.doc.hyper.lr, 0.25, "--lr wins");
    assert_eq!(s.running.paths[0].path.optimizer, Optimizer::Adam);
    assert_eq!(s.running.paths[0].path.hyper.lr, 0.25);
    assert_eq!(s.dialogs.scene.path, path.display().to_string());
}

/// The 3D view's settings round-trip exactly: every canvas, a camera far from the default
/// (odd floats, a negative zero pan), every vertical-scale end and both toggles flipped.
#[test]
fn the_surface_table_round_trips_exactly() {
    use gradfield::document::CanvasMode;
    for (i, canvas) in [CanvasMode::Map, CanvasMode::Surface, CanvasMode::Split]
        .into_iter()
        .enumerate()
    {
        let mut s = ExplorerState::from_preset(i).expect("preset");
        s.doc.canvas = canvas;
        let cam = &mut s.doc.surface.camera;
        cam.azimuth = [179.999_999_999_9, -0.1, 180.0][i];
        cam.elevation = [-89.0, 1e-300, 88.999_999_999][i];
        cam.zoom = [0.25, 20.0, 1.0 / 3.0][i];
        cam.pan = [[-0.0, 2.0, -2.0], [0.1, 0.2, 0.3], [1e-17, -1.999, 0.0]][i];
        s.doc.surface.vscale = [0.1, 10.0, 2.0 / 3.0][i];
        s.doc.surface.floor_contours = i == 1;
        s.doc.surface.tangent_plane = i != 1;
        let text = scene::to_toml(&s.document()).expect("writes");
        assert!(
            text.contains("[surface]")
                && text.contains(&format!("canvas = \"{}\"", ["2d", "3d", "split"][i])),
            "{text}"
        );
        for key in [
            "azimuth",
            "elevation",
            "zoom",
            "pan",
            "vscale",
            "floor_contours",
            "tangent_plane",
        ] {
            assert!(
                text.contains(&format!("\n{key} = ")),
                "{key} is written:\n{text}"
            );
        }
        assert_round_trip(&s, &format!("surface {i}"));
    }
}

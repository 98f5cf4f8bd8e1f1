//! Scene files at their limits, without a GPU: at most `descent::MAX_PATHS` paths (refused
//! by their count before anything is built from them), and long keys and values quoted short
//! in the one-line message, and `render --scene` refuses paths that would keep too many points.
//! (Reading only small regular files: tests/hostile_io.rs.)

use gradfield::scene;

/// Reproduces 20,000 `[[paths]]` in a 0.6 MB scene (2.7 GB of memory) and a 1M-character key
/// repeated whole in a 2 MB message: a scene holds at most `descent::MAX_PATHS` paths, and a
/// message quotes at most 60 characters of a key or value.
#[test]
fn scene_lists_are_capped_and_long_input_is_quoted_short() {
    let mut many = "version = 1\nfunction = \"x*y\"\n".to_string();
    many.push_str(&"[[paths]]\nstart = [1, 2]\n".repeat(20_000));
    let got = scene::parse(&many, "b.toml")
        .expect_err("20,000 paths")
        .to_string();
    assert_eq!(
        got,
        "b.toml:515:1: paths[256]: a scene holds at most 256 paths, this one 20000"
    );
    let fits = "version = 1\nfunction = \"x*y\"\n".to_string()
        + &"[[paths]]\nstart = [1, 2]\n".repeat(gradfield::descent::MAX_PATHS);
    assert_eq!(
        scene::parse(&fits, "b.toml")
            .expect("256 paths")
            .paths
            .len(),
        256
    );
    let key = "k".repeat(1_000_000);
    let value = "v".repeat(1_000_000);
    for text in [
        format!("version = 1\nfunction = \"x\"\n{key} = 1\n"),
        format!("version = 1\nfunction = \"x\"\n[colour]\ncolormap = \"{value}\"\n"),
        format!("version = 1\nfunction = \"x\"\n[optimizer]\nname = \"{value}\"\n"),
        format!("version = 1\npreset = \"{value}\"\n"),
        // A value of the wrong type, repeated by serde's message.
        format!("version = 1\nfunction = \"x\"\n[optimizer]\nlr = \"{value}\"\n"),
        // An unknown name, repeated by the parser's message (a formula has at most 10,000
        // characters).
        format!("version = 1\nfunction = \"{}\"\n", &value[..9_000]),
    ] {
        let got = gradfield::cli::error_text(&scene::parse(&text, "b.toml").expect_err("bad"));
        let head: String = got.chars().take(120).collect();
        assert!(
            got.chars().count() < 400,
            "{} characters: {head}…",
            got.len()
        );
        assert!(
            got.contains("(1000000 characters)") || got.contains("(9000 characters)"),
            "{head}"
        );
    }
}

/// A scene's paths keep every step too: 256 paths with `max_steps = 1000000` would keep 10 GB
/// of points in `render --scene`, which refuses it before any work.
#[test]
fn render_refuses_a_scene_whose_paths_would_keep_too_many_points() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("long.toml");
    let mut text =
        "version = 1\nfunction = \"sin(x) + y\"\n[optimizer]\nmax_steps = 1000000\n".to_string();
    text.push_str(&"[[paths]]\nstart = [1, 2]\n".repeat(256));
    std::fs::write(&path, text).expect("write the scene");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(["render", "--out", "never.png", "--scene"])
        .arg(&path)
        .current_dir(dir.path())
        .output()
        .expect("run gradfield");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "error: 256 paths of 1000000 steps would keep 256000256 points, more than the 20000000 \
         gradfield allows: give fewer --steps or start points"
    );
    assert!(!dir.path().join("never.png").exists());
}

/// Each bad `[surface]` key and its one-line message: the line and column of the value, the
/// key, and the range it must be in (the same words as the command line's flags).
const BAD_SURFACE: &[(&str, &str)] = &[
    ("canvas = \"4d\"", "b.toml:4:10: surface.canvas: unknown canvas '4d': choose one of 2d, 3d, split"),
    ("canvas = 3", "b.toml:4:10: surface.canvas: expected text in quotes, got 3"),
    ("elevation = 90", "b.toml:4:13: surface.elevation: must be degrees within ±89, got 90"),
    ("elevation = -89.5", "b.toml:4:13: surface.elevation: must be degrees within ±89, got -89.5"),
    ("elevation = nan", "b.toml:4:13: surface.elevation: must be a finite number"),
    ("azimuth = inf", "b.toml:4:11: surface.azimuth: must be a finite number"),
    ("azimuth = \"left\"", "b.toml:4:11: surface.azimuth: expected a number, got the text \"left\""),
    ("zoom = 0", "b.toml:4:8: surface.zoom: must be from 0.25 to 20, got 0"),
    ("zoom = 21", "b.toml:4:8: surface.zoom: must be from 0.25 to 20, got 21"),
    ("vscale = 0.05", "b.toml:4:10: surface.vscale: must be from 0.1 to 10, got 0.05"),
    ("vscale = 1e300", "b.toml:4:10: surface.vscale: must be from 0.1 to 10, got 1e300"),
    ("pan = [0, 0]", "b.toml:4:7: surface.pan: needs 3 numbers [x, y, z], got 2"),
    ("pan = [0, 3, 0]", "b.toml:4:11: surface.pan[1]: must be within ±2 (box half-widths), got 3"),
    ("pan = [0, 0, -inf]", "b.toml:4:14: surface.pan[2]: must be a finite number"),
    ("floor_contours = 1", "b.toml:4:18: surface.floor_contours: expected true or false, got 1"),
    ("tangent_plane = \"yes\"", "b.toml:4:17: surface.tangent_plane: expected true or false, got the text \"yes\""),
    ("camera = 1", "b.toml:4:1: surface.camera: unknown field `camera`, expected one of `canvas`, `azimuth`, `elevation`, `zoom`, `pan`, `vscale`, `floor_contours`, `tangent_plane`"),
];

#[test]
fn each_bad_surface_key_gives_its_line_column_and_range() {
    for (line, want) in BAD_SURFACE {
        let text = format!("version = 1\nfunction = \"x*y\"\n[surface]\n{line}\n");
        let got = scene::parse(&text, "b.toml").expect_err(line).to_string();
        assert_eq!(&got, want, "for [surface] {line}");
        assert!(!got.contains('\n'), "one line: {got}");
    }
    // The ends of each range are accepted.
    let ends = "version = 1\nfunction = \"x*y\"\n[surface]\nelevation = -89\nzoom = 20\nvscale = 0.1\npan = [2, -2, 0]\nazimuth = 540\n";
    let doc = scene::parse(ends, "b.toml").expect("the ends of the ranges");
    assert_eq!(doc.surface.camera.elevation, -89.0);
    assert_eq!(doc.surface.camera.zoom, 20.0);
    assert_eq!(doc.surface.vscale, 0.1);
    assert_eq!(doc.surface.camera.pan, [2.0, -2.0, 0.0]);
    assert_eq!(doc.surface.camera.azimuth, 180.0, "540° is wrapped");
}

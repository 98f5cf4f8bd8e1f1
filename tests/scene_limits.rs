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

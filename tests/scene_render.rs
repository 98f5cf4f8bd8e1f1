//! `gradfield render --scene` as a person runs it (GPU: lavapipe where there is none): the
//! same PNG as the equivalent flags, typed flags winning over the scene, and a bad scene
//! refused with exit 2 and its one-line message.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn gradfield(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .output()
        .expect("the gradfield binary runs")
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "gradfield failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// `text` written to `name` in a new temporary directory: (the directory, the scene's path).
fn scene_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let scene = dir.path().join(name);
    std::fs::write(&scene, text).expect("writes the scene");
    (dir, scene)
}

/// `gradfield render --scene SCENE ARGS… --out OUT`.
fn render_scene(scene: &Path, args: &[&str], out: &Path) -> Output {
    let utf8 = |p: &Path| p.to_str().expect("utf-8 temp path").to_string();
    let (scene, out) = (utf8(scene), utf8(out));
    let mut all = vec!["render", "--scene", &scene];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--out", &out]);
    gradfield(&all)
}

const SCENE: &str = r#"version = 1
preset = "elongated-bowl"
view = [-2.5, 2.5, -1.5, 1.5]
[layers]
levels = 8
arrows = "ascent"
arrow_length = "proportional"
arrow_spacing = 40
[colour]
colormap = "magma"
scale = "log"
percentile = 2
[optimizer]
name = "momentum"
lr = 0.02
momentum = 0.8
tol = 1e-4
max_steps = 300
[[paths]]
start = [-2, 1]
[[paths]]
start = [1.5, -1]
"#;

#[test]
fn render_scene_equals_the_same_render_from_flags() {
    let (dir, scene) = scene_file("s.toml", SCENE);
    let (a, b, c) = (
        dir.path().join("a.png"),
        dir.path().join("b.png"),
        dir.path().join("c.png"),
    );
    ok(&render_scene(&scene, &["--size", "320x200"], &a));
    let b_str = b.to_str().expect("utf-8 temp path");
    #[rustfmt::skip]
    ok(&gradfield(&[
        "render", "--preset", "elongated-bowl", "--view", "-2.5,2.5,-1.5,1.5",
        "--levels", "8", "--arrows", "ascent", "--arrow-length", "proportional",
        "--arrow-spacing", "40", "--colormap", "magma", "--log", "--percentile", "2",
        "--optimizer", "momentum", "--lr", "0.02", "--momentum", "0.8", "--tol", "1e-4",
        "--steps", "300", "--start", "-2,1", "--start", "1.5,-1",
        "--size", "320x200", "--out", b_str,
    ]));
    let (a_bytes, b_bytes) = (std::fs::read(&a).expect("a"), std::fs::read(&b).expect("b"));
    assert!(a_bytes == b_bytes, "render --scene and the flags differ");
    // A typed flag wins: another colour map gives another picture.
    ok(&render_scene(
        &scene,
        &["--colormap", "grey", "--size", "320x200"],
        &c,
    ));
    assert!(
        std::fs::read(&c).expect("c") != a_bytes,
        "--colormap grey was ignored"
    );
}

#[test]
fn render_with_a_bad_scene_exits_2_with_one_line() {
    let (dir, scene) = scene_file(
        "bad.toml",
        "version = 1\nfunction = \"x\"\n[optimizer]\nlr = 0\n",
    );
    let out = dir.path().join("o.png");
    let o = render_scene(&scene, &[], &out);
    assert_eq!(o.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let want = format!(
        "error: {}:4:6: optimizer.lr: must be a number > 0, got 0",
        scene.display()
    );
    assert_eq!(stderr.trim_end(), want);
    assert!(!out.exists(), "no picture from a bad scene");
    let o = gradfield(&[
        "render", "--scene", "x.toml", "--preset", "bowl", "--out", "o.png",
    ]);
    assert_eq!(o.status.code(), Some(2), "--scene conflicts with --preset");
}

#[test]
fn a_scene_coloured_by_basins_renders_the_convergence_map() {
    let (dir, scene) = scene_file(
        "m.toml",
        "version = 1\npreset = \"himmelblau\"\n[optimizer]\nlr = 0.01\ntol = 1e-3\nmax_steps = 200\n[maps]\ncolour_by = \"basin\"\n",
    );
    let (a, b, c) = (
        dir.path().join("a.png"),
        dir.path().join("b.png"),
        dir.path().join("c.png"),
    );
    let size = ["--size", "240x160"];
    ok(&render_scene(&scene, &size, &a));
    ok(&render_scene(
        &scene,
        &[&size[..], &["--converge-map", "basin"]].concat(),
        &b,
    ));
    // A typed colouring wins over the scene's: --gradient-check draws something else.
    ok(&render_scene(
        &scene,
        &[&size[..], &["--gradient-check"]].concat(),
        &c,
    ));
    let read = |x: &std::path::Path| std::fs::read(x).expect("png written");
    assert!(
        read(&a) == read(&b),
        "colour_by = basin is not the convergence map"
    );
    assert!(
        read(&a) != read(&c),
        "a typed --gradient-check did not win over the scene"
    );
}

/// Pixels of `png` within 12 (per channel) of `rgb`.
fn count_near(png: &Path, rgb: [u8; 3]) -> usize {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(png).expect("png written"),
    ));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("one frame");
    let channels = info.color_type.samples();
    buf[..info.buffer_size()]
        .chunks(channels)
        .filter(|px| (0..3).all(|i| px[i].abs_diff(rgb[i]) <= 12))
        .count()
}

#[test]
fn render_scene_draws_each_path_in_its_saved_colour() {
    // A grey heatmap, so that no colour of the map is near a path colour.
    let (dir, scene) = scene_file(
        "c.toml",
        "version = 1\npreset = \"bowl\"\n[colour]\ncolormap = \"grey\"\n[[paths]]\nstart = [-2, 1.5]\ncolor = 5\n",
    );
    let png = dir.path().join("c.png");
    ok(&render_scene(&scene, &["--size", "480x320"], &png));
    let to_u8 = |c: [f32; 4]| c.map(|v| (v * 255.0).round() as u8);
    let [r, g, b, _] = to_u8(gradfield::render::PATH_PALETTE[5]);
    let [r0, g0, b0, _] = to_u8(gradfield::render::PATH_PALETTE[0]);
    let saved = count_near(&png, [r, g, b]);
    let first = count_near(&png, [r0, g0, b0]);
    assert!(
        saved >= 20 && first == 0,
        "the path is not drawn in palette colour 5: {saved} pixels of it, {first} of colour 0"
    );
}

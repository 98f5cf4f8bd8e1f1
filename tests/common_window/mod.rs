//! Helpers of the window tests (the explorer under Xvfb): whether a program is installed, and
//! a screenshot read back as RGBA.

#![allow(dead_code)]

use std::process::Command;

/// Whether `program` is on the PATH.
pub fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A PNG screenshot as (width, height, RGBA bytes).
pub fn read_png(path: &std::path::Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).expect("the screenshot exists");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("PNG data");
    assert_eq!(info.color_type, png::ColorType::Rgba, "RGBA screenshot");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Runs the shell `script` under a fresh Xvfb screen of `screen` (e.g. "1280x800x24") in
/// `dir`; returns its standard output and standard error.
pub fn xvfb_script(screen: &str, script: &str, dir: &std::path::Path) -> (String, String) {
    let out = Command::new("xvfb-run")
        .args([
            "-a",
            "-s",
            &format!("-screen 0 {screen}"),
            "sh",
            "-c",
            script,
        ])
        .current_dir(dir)
        .output()
        .expect("xvfb-run runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `gradfield explore ARGS --screenshot SHOT` (ARGS with `--frames N`) under a fresh
/// Xvfb screen of `screen`, asserts that it succeeded and returns the screenshot.
pub fn explore_screenshot(
    screen: &str,
    args: &[&str],
    shot: &std::path::Path,
) -> (u32, u32, Vec<u8>) {
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", &format!("-screen 0 {screen}")])
        .arg(env!("CARGO_BIN_EXE_gradfield"))
        .arg("explore")
        .args(args)
        .arg("--screenshot")
        .arg(shot)
        .output()
        .expect("xvfb-run runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "explore failed: {stderr}");
    read_png(shot)
}

//! `gradfield render --converge-map`: the convergence map drawn in place of the heatmap
//! (lavapipe where there is no GPU), read back from the PNG.

use std::process::{Command, Output};

fn gradfield(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .output()
        .expect("the gradfield binary runs")
}

/// The RGBA8 pixels of a PNG written by gradfield.
fn read_png(path: &std::path::Path) -> Vec<[u8; 4]> {
    let file = std::fs::File::open(path).expect("the PNG exists");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("a frame");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf[..info.buffer_size()]
        .chunks(4)
        .map(|c| [c[0], c[1], c[2], c[3]])
        .collect()
}

fn render_map(expr: &str, view: &str, lr: &str, mode: &str, out: &std::path::Path) -> Output {
    gradfield(&[
        "render",
        expr,
        &format!("--view={view}"),
        "--size",
        "320x240",
        "--lr",
        lr,
        "--steps",
        "300",
        "--tol",
        "1e-3",
        "--arrows",
        "none",
        "--converge-map",
        mode,
        "--out",
        out.to_str().unwrap(),
    ])
}

fn is_magenta(p: &[u8; 4]) -> bool {
    p[0] > 180 && p[1] < 40 && p[2] > 180
}

#[test]
fn render_converge_map_shows_basins_and_divergence() {
    let dir = tempfile::tempdir().unwrap();
    // Himmelblau: four basins, each a solid colour (its final points agree to ~1e-3, far
    // below what changes the hue), so four colours each cover a large share of the picture.
    let out = dir.path().join("basin.png");
    let o = render_map(
        "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        "-5,5,-5,5",
        "0.01",
        "basin",
        &out,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pixels = read_png(&out);
    let mut counts = std::collections::HashMap::new();
    for p in &pixels {
        *counts.entry(*p).or_insert(0usize) += 1;
    }
    let big: Vec<_> = counts
        .iter()
        .filter(|(p, &n)| {
            n * 20 > pixels.len() && p[0].abs_diff(p[1]) as u32 + p[1].abs_diff(p[2]) as u32 > 40
        })
        .collect();
    assert!(
        big.len() >= 4,
        "saturated colours covering 5% each: {big:?}"
    );
    assert!(!pixels.iter().any(is_magenta), "nothing diverges here");
    // Rosenbrock with a learning rate too large away from the valley: the diverged hatch.
    let out = dir.path().join("steps.png");
    let o = render_map(
        "(1 - x)^2 + 100*(y - x^2)^2",
        "-2,2,-1,3",
        "1.5e-3",
        "steps",
        &out,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let magenta = read_png(&out).iter().filter(|p| is_magenta(p)).count();
    // Diverged starts cover the far corners (measured: about 1,300 hatch pixels of 76,800).
    assert!(magenta > 300, "{magenta} magenta pixels");
    let o = render_map("x^2", "-1,1,-1,1", "0.1", "bogus", &out);
    assert_eq!(o.status.code(), Some(2));
}

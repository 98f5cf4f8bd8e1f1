//! The pipeline cache in the user's cache directory (`gpu/pipeline_cache.rs`): a command
//! writes it, a later one reads it, and a corrupt or truncated file is ignored (and replaced),
//! never an error. Needs a Vulkan adapter (lavapipe will do).

use std::path::Path;
use std::process::Command;

const EXE: &str = env!("CARGO_BIN_EXE_gradfield");

/// `gradfield render` of a small figure with the cache directory `cache`.
fn render(cache: &Path, out: &Path) {
    let run = Command::new(EXE)
        .args(["render", "--preset", "bowl", "--size", "64x48", "--out"])
        .arg(out)
        .env("XDG_CACHE_HOME", cache)
        .output()
        .expect("run gradfield");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// The cache files under `cache/gradfield`.
fn files(cache: &Path) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(cache.join("gradfield"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

#[test]
fn a_command_writes_the_cache_and_a_corrupt_one_is_replaced() {
    let dir = std::env::temp_dir().join(format!("gradfield-cache-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let out = dir.join("f.png");
    std::fs::create_dir_all(&dir).expect("temp dir");
    render(&dir, &out);
    let written = files(&dir);
    assert_eq!(
        written.len(),
        1,
        "one cache file for the adapter: {written:?}"
    );
    let file = &written[0];
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    assert!(name.starts_with("wgpu_pipeline_cache_vulkan_"), "{name}");
    let good = std::fs::read(file).expect("cache");
    let png = std::fs::read(&out).expect("figure");
    // Garbage, and a truncated copy: the figure is drawn the same, the file replaced.
    for bad in [vec![0x5a; 1000], good[..good.len() / 2].to_vec()] {
        std::fs::write(file, &bad).expect("write");
        render(&dir, &out);
        assert_eq!(std::fs::read(&out).expect("figure"), png);
        let now = std::fs::read(file).expect("cache");
        assert_ne!(now, bad, "the bad cache was replaced");
        assert_eq!(now.len(), good.len());
    }
    assert_eq!(files(&dir).len(), 1, "no temporary file is left");
    let _ = std::fs::remove_dir_all(&dir);
}

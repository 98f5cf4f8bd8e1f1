//! `gradfield bench` on a tiny size: the command prints JSON with every row and finite,
//! positive timings, and the table names the adapter. Needs a GPU adapter (lavapipe will do).

use std::process::Command;

use gradfield::bench::{self, Options};

const EXE: &str = env!("CARGO_BIN_EXE_gradfield");

/// The stats objects every row of the JSON has.
const ROW_STATS: [&str; 7] = [
    "field",
    "field_wall",
    "full_frame",
    "full_frame_wall",
    "steady_frame",
    "steady_frame_wall",
    "cpu_field",
];

fn gpu() -> gradfield::gpu::Gpu {
    match gradfield::gpu::Gpu::headless() {
        Ok(g) => g,
        Err(e) => panic!(
            "the bench tests need an adapter: {e}\nOn a machine without a GPU install Mesa's \
             software Vulkan driver: sudo apt-get install mesa-vulkan-drivers"
        ),
    }
}

fn positive_median(stats: &serde_json::Value, what: &str) -> f64 {
    let m = stats["median_ms"]
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: median_ms missing or not a number: {stats}"));
    assert!(m.is_finite() && m > 0.0, "{what}: median {m}");
    let (lo, hi) = (stats["min_ms"].as_f64(), stats["max_ms"].as_f64());
    assert!(
        matches!((lo, hi), (Some(lo), Some(hi)) if lo <= m && m <= hi),
        "{what}: median outside min–max: {stats}"
    );
    m
}

fn check_json(text: &str, sizes: &[(u32, u32)]) {
    let json: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"));
    assert!(!json["adapter"].as_str().unwrap_or("").is_empty(), "{json}");
    assert!(json["bandwidth"]["bytes_per_s"].as_f64().unwrap_or(0.0) > 0.0);
    let rows = json["rows"].as_array().expect("rows array");
    assert_eq!(rows.len(), sizes.len() * 3, "one row per size and function");
    for &(w, h) in sizes {
        for f in ["bowl", "rosenbrock", "heavy"] {
            let row = rows
                .iter()
                .find(|r| r["width"] == w && r["height"] == h && r["function"] == f)
                .unwrap_or_else(|| panic!("no row for {f} at {w}x{h}"));
            for key in ROW_STATS {
                positive_median(&row[key], &format!("{f} {w}x{h} {key}"));
            }
            for key in ["gpu_over_cpu", "full_floor_ms", "steady_floor_ms"] {
                let v = row[key].as_f64().unwrap_or(f64::NAN);
                assert!(v.is_finite() && v > 0.0, "{f} {key} = {v}");
            }
            let (full, steady) = (&row["full_floor_bytes"], &row["steady_floor_bytes"]);
            assert!(
                full.as_u64() > steady.as_u64(),
                "a full frame moves more than a steady one"
            );
        }
    }
    let surface = json["surface"].as_array().expect("surface array");
    assert_eq!(
        surface.len(),
        sizes.len() * 2,
        "3D frames: bowl and rosenbrock per size"
    );
    for r in surface {
        for key in ["orbit", "orbit_wall", "orbit_coarse", "mesh_rebuilt"] {
            positive_median(&r[key], &format!("3D {key}"));
        }
        let cells = |k: &str| [0, 1].map(|i| r[k][i].as_u64().unwrap_or(0));
        let (fine, coarse) = (cells("cells"), cells("coarse_cells"));
        assert!(fine[0] > 0 && fine[1] > 0, "{r}");
        assert!(
            coarse[0] < fine[0] && coarse[1] < fine[1],
            "the coarse mesh has fewer cells: {r}"
        );
    }
    let detail = json["detail"].as_array().expect("detail array");
    assert_eq!(
        detail.len(),
        sizes.len() * 3,
        "level of detail: every function per size"
    );
    for r in detail {
        positive_median(&r["interactive"], "interactive frame");
        positive_median(&r["refine"], "refine frame");
        positive_median(&r["pan_reuse"], "pan with the field reused");
        // Every timed pan is by whole pixels: each one reuses the field.
        assert_eq!(r["pan_reused"], r["pan_reuse"]["runs"], "{r}");
        let d = r["divisor"].as_u64().unwrap_or(0);
        assert!([1, 2, 4, 8].contains(&d), "{r}");
        let ratio = r["interactive_over_full"].as_f64().unwrap_or(f64::NAN);
        assert!(ratio.is_finite() && ratio > 0.0, "{r}");
    }
    let descent = json["descent"].as_array().expect("descent array");
    assert_eq!(descent.len(), 3);
    for d in descent {
        assert_eq!(d["paths"], 10_000);
        positive_median(&d["step"], "descent step");
    }
}

#[test]
fn the_quick_json_command_has_every_row_with_positive_medians() {
    let out = Command::new(EXE)
        .args(["bench", "--quick", "--json", "--sizes", "64x64"])
        .output()
        .expect("run gradfield");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "exit {:?}\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    check_json(&stdout, &[(64, 64)]);
    // The command line also starts `gradfield render` to time its start-up.
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("JSON");
    positive_median(&json["render_startup"], "render start-up");
}

#[test]
fn the_table_names_the_adapter_and_every_function() {
    let gpu = gpu();
    let options = Options {
        sizes: vec![(48, 32)],
        repeats: 1,
        warmup: 1,
        cpu_repeats: 1,
    };
    let report = bench::run(&gpu, &options, |_| {}).expect("bench runs");
    let table = report.table();
    assert!(
        table.contains(&gpu.adapter_summary()),
        "the adapter is missing:\n{table}"
    );
    for f in [
        "bowl",
        "rosenbrock",
        "heavy",
        "48x32",
        "3D frames",
        "Level of detail",
    ] {
        assert!(table.contains(f), "{f} is missing:\n{table}");
    }
    check_json(&report.to_json(), &[(48, 32)]);
}

#[test]
fn bad_sizes_and_zero_repeats_are_usage_errors() {
    for args in [
        ["bench", "--sizes", "0x10", "--quick"],
        ["bench", "--repeats", "0", "--quick"],
    ] {
        let out = Command::new(EXE)
            .args(args)
            .output()
            .expect("run gradfield");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

//! The GPU convergence map (lavapipe where there is no GPU) against the CPU optimizers of
//! `descent` run from the same f32-rounded starts, and the `gradfield converge` command.
//!
//! Tolerances: the GPU iterates in f32, the CPU in f64, so iterates drift apart by rounding.
//! On contracting runs (a bowl) the drift shrinks with every step: final points agree to 1e-5
//! of max(1, |θ|) (see `FINAL_POINT_TOL`) and converged steps to ±2 (a step whose |∇f| lies
//! within rounding of T can fall on either side). On chaotic or diverging runs we compare classifications only:
//! diverged or not, and which minimum, allowing 2% of the starts to differ (starts on a basin
//! boundary or at the edge of stability, where f32 rounding decides). Measured on lavapipe:
//! bowl final points within 1e-6 relative (Adam 1.6e-7, AdaGrad 1e-6) and identical converged
//! steps; no basin or divergence classification differed.

mod common_gpu;

use std::process::{Command, Output};

use common_gpu::figure::cpu_map;
use common_gpu::gpu;
use gradfield::descent::{Hyper, Optimizer};
use gradfield::export::read_npy_f32;
use gradfield::expr::Function;
use gradfield::gpu::converge::{converge_map, ConvergeSettings};
use gradfield::View;

const W: u32 = 24;
const H: u32 = 16;

fn settings(optimizer: Optimizer, hyper: Hyper, steps: u32, tol: f64) -> ConvergeSettings {
    ConvergeSettings {
        optimizer,
        hyper,
        steps,
        tol,
    }
}

fn view(x0: f64, x1: f64, y0: f64, y1: f64) -> View {
    View::new(x0, x1, y0, y1).expect("valid view")
}

/// Final points of the contracting bowl runs, relative to max(1, |θ|): measured on lavapipe
/// at most 1.0e-6 (f32 rounding of the last iterates, which the contraction keeps from
/// growing); 1e-5 leaves a factor of about 10 for other drivers' rounding of the same f32 sums.
const FINAL_POINT_TOL: f64 = 1e-5;

#[test]
fn bowl_matches_every_cpu_optimizer() {
    let gpu = gpu();
    let mut worst = 0.0f64;
    let f = Function::parse("x^2 + 2*y^2 + 0.5*x*y").unwrap();
    let v = view(-3.0, 2.0, -1.5, 2.5);
    for optimizer in Optimizer::ALL {
        for ascent in [false, true] {
            let f = if ascent {
                Function::parse("-(x^2 + 2*y^2 + 0.5*x*y)").unwrap()
            } else {
                f.clone()
            };
            let mut hyper = Hyper::new(0.05);
            hyper.ascent = ascent;
            // 150 steps: two full chunks of 64 and a partial one.
            let s = settings(optimizer, hyper, 150, 1e-3);
            let got = converge_map(&gpu, &f, &v, (W, H), &s).unwrap();
            let want = cpu_map(&f, &v, &s, (W, H));
            for (k, (g, c)) in got.iter().zip(&want).enumerate() {
                let at = format!("{optimizer} ascent={ascent} start {k}: gpu {g:?} cpu {c:?}");
                assert!(!c[0].is_nan() && !g[0].is_nan(), "{at}");
                for a in 0..2 {
                    let rel = (g[a] as f64 - c[a]).abs() / c[a].abs().max(1.0);
                    worst = worst.max(rel);
                    assert!(rel <= FINAL_POINT_TOL, "{at}");
                }
                if c[2] < 0.0 {
                    assert!(g[2] < 0.0 || g[2] as f64 >= s.steps as f64 - 2.0, "{at}");
                } else {
                    let gs = if g[2] < 0.0 {
                        s.steps as f64
                    } else {
                        g[2] as f64
                    };
                    assert!((gs - c[2]).abs() <= 2.0, "{at}");
                }
            }
            // Some starts converge within 150 steps (AdaGrad's shrinking steps are too slow):
            // a map of only −1 would leave the step comparison untested.
            let converged = got.iter().filter(|g| g[2] >= 0.0).count();
            if optimizer != Optimizer::AdaGrad {
                assert!(converged > 0, "{optimizer} ascent={ascent}: none converged");
            }
        }
    }
    eprintln!("bowl: largest relative final-point difference {worst:.2e}");
}

const HIMMELBLAU_MINIMA: [(f64, f64); 4] = [
    (3.0, 2.0),
    (-2.805118, 3.131312),
    (-3.779310, -3.283186),
    (3.584428, -1.848126),
];

fn nearest_minimum(x: f64, y: f64) -> (usize, f64) {
    HIMMELBLAU_MINIMA
        .iter()
        .enumerate()
        .map(|(k, m)| (k, (x - m.0).hypot(y - m.1)))
        .fold((0, f64::INFINITY), |a, b| if b.1 < a.1 { b } else { a })
}

#[test]
fn himmelblau_final_points_cluster_at_the_four_minima() {
    let gpu = gpu();
    let f = Function::parse("(x^2 + y - 11)^2 + (x + y^2 - 7)^2").unwrap();
    let v = view(-5.0, 5.0, -5.0, 5.0);
    for optimizer in [Optimizer::Gd, Optimizer::Momentum, Optimizer::Adam] {
        let lr = match optimizer {
            Optimizer::Gd => 0.01,
            Optimizer::Momentum => 0.002,
            _ => 0.05,
        };
        let s = settings(optimizer, Hyper::new(lr), 600, 1e-3);
        let got = converge_map(&gpu, &f, &v, (W, H), &s).unwrap();
        let want = cpu_map(&f, &v, &s, (W, H));
        let mut reached = [0usize; 4];
        let mut differ = 0;
        for (g, c) in got.iter().zip(&want) {
            assert!(!g[0].is_nan(), "{optimizer}: a start diverged: {got:?}");
            let (k, d) = nearest_minimum(g[0] as f64, g[1] as f64);
            // |∇f| ≤ 1e-3 near a minimum whose Hessian has eigenvalues ≥ 8 puts the point
            // within 1e-3 / 8 of it; 1e-2 leaves room for f32 rounding of the iterates.
            assert!(
                d < 1e-2,
                "{optimizer}: final point {g:?} is not at a minimum"
            );
            reached[k] += 1;
            differ += usize::from(k != nearest_minimum(c[0], c[1]).0);
        }
        assert!(reached.iter().all(|&n| n > 0), "{optimizer}: {reached:?}");
        assert!(
            differ * 50 <= got.len(),
            "{optimizer}: {differ} basins differ"
        );
    }
}

#[test]
fn rosenbrock_diverges_where_the_cpu_does() {
    let gpu = gpu();
    let f = Function::parse("(1 - x)^2 + 100*(y - x^2)^2").unwrap();
    let v = view(-2.0, 2.0, -1.0, 3.0);
    // η = 1.5e-3 is stable near the minimum (curvature ≈ 1000) but not where |x| is large.
    let s = settings(Optimizer::Gd, Hyper::new(1.5e-3), 400, 1e-3);
    let got = converge_map(&gpu, &f, &v, (W, H), &s).unwrap();
    let want = cpu_map(&f, &v, &s, (W, H));
    let diverged = got.iter().filter(|g| g[0].is_nan()).count();
    assert!(diverged > 0 && diverged < got.len(), "{diverged} diverged");
    let differ = got
        .iter()
        .zip(&want)
        .filter(|(g, c)| g[0].is_nan() != c[0].is_nan())
        .count();
    assert!(differ * 50 <= got.len(), "{differ} classifications differ");
    for g in &got {
        assert_eq!(g[0].is_nan(), g[1].is_nan());
        assert_eq!(g[0].is_nan(), g[2].is_nan());
    }
}

fn gradfield(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .output()
        .expect("the gradfield binary runs")
}

#[test]
fn command_writes_h_w_3_with_nan_rows_for_diverged_starts() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.npy");
    let out_s = out.to_str().unwrap();
    let o = gradfield(&[
        "converge",
        "(1 - x)^2 + 100*(y - x^2)^2",
        "--view=-2,2,-1,3",
        "--size",
        "24x16",
        "--lr",
        "1.5e-3",
        "--steps",
        "400",
        "--tol",
        "1e-3",
        "--out",
        out_s,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (shape, data) = read_npy_f32(&out).unwrap();
    assert_eq!(shape, vec![16, 24, 3]);
    let f = Function::parse("(1 - x)^2 + 100*(y - x^2)^2").unwrap();
    let v = view(-2.0, 2.0, -1.0, 3.0);
    let want = cpu_map(
        &f,
        &v,
        &settings(Optimizer::Gd, Hyper::new(1.5e-3), 400, 1e-3),
        (W, H),
    );
    let rows: Vec<&[f32]> = data.chunks(3).collect();
    let nan_rows = rows.iter().filter(|r| r.iter().all(|v| v.is_nan())).count();
    assert!(nan_rows > 0, "no diverged start in the file");
    assert!(rows
        .iter()
        .all(|r| r.iter().all(|v| v.is_nan()) || r.iter().all(|v| !v.is_nan())));
    let differ = rows
        .iter()
        .zip(&want)
        .filter(|(r, c)| r[0].is_nan() != c[0].is_nan())
        .count();
    assert!(differ * 50 <= rows.len(), "{differ} classifications differ");
    // A converged start ends within reach of the minimum (1, 1) or still moving (−1). The
    // Hessian there has eigenvalues 1001.6 and 0.4, so |∇f| ≤ 1e-3 puts the point within
    // 1e-3/0.4 = 2.5e-3 of (1, 1) (f32 rounding of ∇f there is ~1e-5); 1e-2 leaves a factor 4.
    // Measured on lavapipe: no start converges within these 400 steps (all still move).
    for r in rows.iter().filter(|r| r[2] >= 0.0) {
        assert!(
            (r[0] - 1.0).abs() < 1e-2 && (r[1] - 1.0).abs() < 1e-2,
            "{r:?}"
        );
    }
}

#[test]
fn command_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.npy");
    let out_s = out.to_str().unwrap();
    let base = ["converge", "x^2 + y^2", "--size", "8x8"];
    let run = |extra: &[&str]| {
        let mut args: Vec<&str> = base.to_vec();
        args.extend_from_slice(extra);
        gradfield(&args).status.code()
    };
    assert_eq!(run(&["--out", out_s]), Some(0));
    assert_eq!(run(&["--out", out_s, "--optimizer", "sgdd"]), Some(2));
    assert_eq!(run(&["--out", "m.txt"]), Some(2));
    assert_eq!(run(&["--out", out_s, "--start", "1,1"]), Some(2));
    assert_eq!(run(&["--out", out_s, "--steps", "100000000"]), Some(2));
    assert_eq!(run(&["--out", out_s, "--momentum", "1.5"]), Some(2));
    assert_eq!(run(&["--out", out_s, "--size", "0x8"]), Some(2));
    let missing = dir.path().join("no/such/dir/m.npy");
    assert_eq!(run(&["--out", missing.to_str().unwrap()]), Some(1));
    let o = gradfield(&["converge", "x^2 + (", "--out", out_s]);
    assert_eq!(o.status.code(), Some(2));
}

//! The explorer window soaked under Xvfb with scripted input (xdotool): 28 paths walking
//! Rosenbrock's valley, the function box retyped again and again, clicks that add paths, C to
//! clear them, R to reset them, hovering; first (after both formulas were typed once) the
//! 28 paths walk undisturbed towards their step limit for two fifths of the run; each later
//! cycle also zooms in and out with the wheel (every such frame redraws the heatmap layer). The
//! explorer's frame log (`GRADFIELD_FRAME_LOG`) gives, about once a second, the frame times,
//! the most path instances and upload bytes of a frame, the field pipelines built and the
//! resident memory; the test asserts that memory stays within a stated bound after warm-up and
//! that per-frame path work stays bounded, and prints the start and end of the log.
//!
//! 90 seconds by default (CI); `GRADFIELD_SOAK_SECONDS=1800` runs the 30-minute soak, and
//! `GRADFIELD_SOAK_LOG=FILE` keeps the whole frame log.

use std::process::Command;

const EXE: &str = env!("CARGO_BIN_EXE_gradfield");

/// After warm-up (the first third of the frame log: shaders built, buffers grown, fonts cached)
/// resident memory may rise by at most this much (MB) until the end.
const RSS_BOUND_MB: f64 = 40.0;

/// The most path instances a frame may draw: two per kept iterate over all paths
/// (`render::path_trace::MAX_KEPT_TOTAL`), and three per path (`descent::MAX_PATHS`).
const MAX_INSTANCES: u64 = 2 * 16_384 + 3 * 256;

/// 28 paths on Rosenbrock that never converge, 60 steps a second.
fn scene_toml() -> String {
    let mut s = String::from(
        "version = 1\npreset = \"rosenbrock\"\n[optimizer]\nsteps_per_second = 60.0\n\
         tol = 0.0\nmax_steps = 10000\n",
    );
    for i in 0..7 {
        for j in 0..4 {
            let (x, y) = (-1.8 + 0.55 * i as f64, -0.5 + 0.9 * j as f64);
            s += &format!("[[paths]]\nstart = [{x:.3}, {y:.3}]\n");
        }
    }
    s
}

/// A line of the frame log: (mean frame ms, instances, bytes uploaded, pipelines, RSS MB).
fn parse(line: &str) -> Option<(f64, u64, u64, u64, f64)> {
    let num = |after: &str, s: &str| -> Option<f64> {
        let rest = &s[s.find(after)? + after.len()..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        rest[..end].parse().ok()
    };
    Some((
        num("mean ", line)?,
        num("at most ", line)? as u64,
        num("instances and ", line)? as u64,
        num("uploaded a frame; ", line)? as u64,
        num("rss ", line)?,
    ))
}

/// The input script: `$EXE`, `$SECS` and `$LOG` are set by the caller.
const SCRIPT: &str = r#"
F='sin(x)*cos(y) + 0.5*exp(-(x^2+y^2)/4) + 0.1*x^2 - 0.2*y^3/(1+y^2) + log(1+x^2+y^2) + tanh(x*y) + sqrt(1+x^4) - atan(y/(1+x^2)) + 0.3*cosh(x/3) + sigmoid(x-y) + relu(y) + abs(x*y)/7'
R='(1 - x)^2 + 100*(y - x^2)^2'
GRADFIELD_FRAME_LOG=1 "$EXE" explore --scene "$SCENE" 2>"$LOG" & pid=$!
wid=$(xdotool search --sync --onlyvisible --name gradfield | head -n 1)
walk=$((SECS * 2 / 5)); cycle=0
retype() {
  xdotool windowfocus --sync "$wid" mousemove --window "$wid" 190 42 click 1
  xdotool key --window "$wid" ctrl+a
  xdotool type --delay 20 --window "$wid" "$1"
  sleep 1.5
}
# Warm-up: both formulas once (their shaders are built), then the 28 paths walk undisturbed.
retype "$F"; retype "$R"
xdotool mousemove --window "$wid" 1000 700 click 1
start=$(date +%s)
while [ $(( $(date +%s) - start )) -lt "$walk" ]; do
  xdotool mousemove --window "$wid" $((600 + $(date +%s) % 300)) 400; sleep 2
done
# Then edits, clicks, wheel zooms, C and R until the end.
while [ $(( $(date +%s) - start )) -lt "$SECS" ]; do
  cycle=$((cycle + 1)); x=$((560 + (cycle * 97) % 520)); y=$((150 + (cycle * 61) % 500))
  retype "$F"; retype "$R"
  xdotool mousemove --window "$wid" $x $y click 1 mousemove --window "$wid" $((x+40)) $y click 1
  xdotool click --repeat 3 --delay 150 4 click --repeat 3 --delay 150 5
  [ $((cycle % 4)) -eq 0 ] && xdotool key --window "$wid" c
  [ $((cycle % 6)) -eq 3 ] && xdotool key --window "$wid" r
  sleep 2
done
kill -0 $pid && echo still-running
kill $pid; wait $pid; true
"#;

#[test]
fn the_explorer_soaked_with_edits_clicks_and_resets_keeps_memory_and_frame_work_bounded() {
    let secs: u64 = std::env::var("GRADFIELD_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(90);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (scene, log) = (dir.path().join("soak.toml"), dir.path().join("frames.log"));
    std::fs::write(&scene, scene_toml()).expect("writes the scene");
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1280x800x24", "sh", "-c", SCRIPT])
        .env("EXE", EXE)
        .env("SECS", secs.to_string())
        .env("SCENE", &scene)
        .env("LOG", &log)
        .current_dir(dir.path())
        .output()
        .expect("xvfb-run runs (apt-get install xvfb xdotool)");
    let log = std::fs::read_to_string(&log).unwrap_or_default();
    if let Some(keep) = std::env::var_os("GRADFIELD_SOAK_LOG") {
        std::fs::write(keep, &log).expect("writes GRADFIELD_SOAK_LOG");
    }
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("still-running"),
        "the explorer did not survive the soak: {}\n{log}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<(f64, u64, u64, u64, f64)> = log.lines().filter_map(parse).collect();
    assert!(lines.len() >= 10, "too few frame-log lines:\n{log}");
    let frame_lines: Vec<&str> = log.lines().filter(|l| parse(l).is_some()).collect();
    eprintln!(
        "soak of {secs} s: first {}\nlast {}",
        frame_lines[0],
        frame_lines[frame_lines.len() - 1]
    );
    let warm = lines.len() / 3;
    let rss_warm = lines[warm].4;
    let (rss_max, rss_end) = (
        lines[warm..].iter().map(|l| l.4).fold(0.0, f64::max),
        lines[lines.len() - 1].4,
    );
    eprintln!(
        "rss after warm-up {rss_warm:.1} MB, at most {rss_max:.1} MB, at the end {rss_end:.1} MB"
    );
    assert!(
        rss_max - rss_warm <= RSS_BOUND_MB,
        "memory grew from {rss_warm:.1} to {rss_max:.1} MB after warm-up:\n{log}"
    );
    for (i, &(_, instances, bytes, _, _)) in lines.iter().enumerate() {
        assert!(
            instances <= MAX_INSTANCES && bytes <= MAX_INSTANCES * 48,
            "second {i}: {instances} instances, {bytes} bytes uploaded in a frame"
        );
    }
    // Two formulas typed over and over: their pipelines are built once, then reused.
    let pipelines = lines[lines.len() - 1].3;
    assert!(pipelines <= 16, "{pipelines} field pipelines built");
}

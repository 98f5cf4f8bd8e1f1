//! Ctrl+C during the long GPU commands (`converge` with a million steps, `render --gif`): the
//! command stops between chunks or frames and says so (exit 130), leaves no file and no
//! temporary file, and draws no progress bar when standard error is not a terminal. Uses the
//! GPU (lavapipe where there is none).

#![cfg(unix)]

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn start(args: &[&str], dir: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start gradfield")
}

/// Waits until `ready` holds for the directory (panicking when gradfield ends first: no clock
/// is needed to notice that it never got there), then sends SIGINT and returns the exit code
/// and standard error.
fn interrupt_when(mut child: Child, dir: &Path, ready: impl Fn(&Path) -> bool) -> (i32, String) {
    while !ready(dir) {
        if let Ok(Some(status)) = child.try_wait() {
            let out = child.wait_with_output().expect("output");
            panic!(
                "ended ({status}) before it was interrupted: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let pid = i32::try_from(child.id()).expect("a pid");
    // SAFETY: sends SIGINT to the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let out = child.wait_with_output().expect("wait for gradfield");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.code().unwrap_or(-1), stderr)
}

fn entries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect()
}

/// Reproduces `converge` with 10⁶ steps running for minutes with no way to stop it cleanly:
/// Ctrl+C five seconds into the run (the GPU is set up by then) stops it between chunks (the
/// message comes from the command returning, not from the grace timer), and no .npy appears.
#[test]
fn ctrl_c_stops_converge_between_chunks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = [
        "converge",
        "--preset",
        "himmelblau",
        "--size",
        "256x256",
        "--steps",
        "1000000",
        "--lr",
        "0.001",
        "--out",
        "b.npy",
    ];
    let begun = Instant::now();
    let child = start(&args, dir.path());
    let (code, stderr) = interrupt_when(child, dir.path(), |_| {
        begun.elapsed() > Duration::from_secs(5)
    });
    assert_eq!(code, 130, "{stderr}");
    assert!(
        stderr.contains("error: stopped by SIGINT (Ctrl+C)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains("steps ("),
        "a bar: {stderr}"
    );
    assert!(
        entries(dir.path()).is_empty(),
        "left {:?}",
        entries(dir.path())
    );
}

/// Ctrl+C while a GIF is being written removes its temporary file; nothing is left.
#[test]
fn ctrl_c_during_a_gif_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let args = [
        "render",
        "--preset",
        "himmelblau",
        "--start",
        "0,0",
        "--size",
        "320x240",
        "--fps",
        "50",
        "--seconds",
        "20",
        "--gif",
        "d.gif",
    ];
    let child = start(&args, dir.path());
    let writing = |d: &Path| entries(d).iter().any(|n| n.starts_with(".d.gif.tmp-"));
    let (code, stderr) = interrupt_when(child, dir.path(), writing);
    assert_eq!(code, 130, "{stderr}");
    assert!(stderr.contains("stopped by SIGINT"), "{stderr}");
    assert!(
        entries(dir.path()).is_empty(),
        "left {:?}",
        entries(dir.path())
    );
}

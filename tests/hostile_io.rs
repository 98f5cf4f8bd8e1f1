//! Hostile surroundings of the command line, each run on the real binary: Ctrl+C, SIGTERM
//! and a file-size limit in the middle of a write (exit 128 + signal or 1, no file and no
//! temporary file left), stale temporary files of dead processes swept on the next write,
//! standard output on a closed pipe (quiet exit 141) or a full disk (exit 1, one line), and
//! scene paths that are not small regular files. CPU-only (`--device cpu`) but for `bench`.

#![cfg(unix)]

use std::fs::{self, File};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

fn gradfield() -> Command {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = fs::read_dir(dir)
        .expect("list the directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Waits until a temporary file of ours in `dir` has grown past `bytes` (the write is well
/// under way), or panics when gradfield ends first (no clock: a write that never starts ends
/// the command, and the test with it).
fn wait_for_temp(dir: &Path, bytes: u64, child: &mut Child) {
    loop {
        let grown = fs::read_dir(dir).expect("list").flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.contains(".tmp-") && e.metadata().is_ok_and(|m| m.len() > bytes)
        });
        if grown {
            return;
        }
        if let Ok(Some(status)) = child.try_wait() {
            panic!("gradfield ended ({status}) before its temporary file grew");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A CSV of about 300 MB: long enough to be interrupted in the middle of writing it.
fn big_sample(out: &Path) -> Command {
    let mut c = gradfield();
    c.args([
        "sample",
        "x*y",
        "--device",
        "cpu",
        "--size",
        "2048x2048",
        "--out",
    ])
    .arg(out)
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    c
}

fn stderr_of(child: Child) -> (Option<i32>, String) {
    let out = child.wait_with_output().expect("wait for gradfield");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Reproduces `timeout -s INT 1.5 gradfield sample 'x*y' --size 2048x2048 --out k.csv`, which
/// left `.k.csv.tmp-PID-0` behind (up to 368 MB); the same for SIGTERM.
#[test]
fn a_signal_in_the_middle_of_a_write_leaves_no_file() {
    for (signal, code, name) in [
        (libc::SIGINT, 130, "SIGINT"),
        (libc::SIGTERM, 143, "SIGTERM"),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("k.csv");
        let mut child = big_sample(&out).spawn().expect("start gradfield");
        wait_for_temp(dir.path(), 1 << 20, &mut child);
        let pid = i32::try_from(child.id()).expect("a pid");
        // SAFETY: sends a signal to the child this test started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let (status, stderr) = stderr_of(child);
        assert_eq!(status, Some(code), "{name}: {stderr}");
        assert!(stderr.contains(&format!("stopped by {name}")), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(
            names(dir.path()).is_empty(),
            "{name} left {:?}",
            names(dir.path())
        );
    }
}

/// Reproduces a write past `ulimit -f`: SIGXFSZ killed gradfield and left the temporary
/// file; now the write fails (EFBIG), the file is removed and the error says why.
#[test]
fn a_file_size_limit_is_an_error_and_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("k.csv");
    let script = format!(
        "ulimit -f 2000 && exec '{}' sample 'x*y' --device cpu --size 1024x1024 --out '{}'",
        env!("CARGO_BIN_EXE_gradfield"),
        out.display()
    );
    let o = Command::new("sh")
        .args(["-c", &script])
        .output()
        .expect("run sh");
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("error: ") && stderr.contains("k.csv"),
        "{stderr}"
    );
    assert!(stderr.contains("too large"), "{stderr}");
    assert!(names(dir.path()).is_empty(), "left {:?}", names(dir.path()));
}

/// A temporary file whose process is gone (a SIGKILL, a power cut) is removed by the next
/// write into its directory; one of a live process and other dot files stay.
#[test]
fn stale_temporary_files_of_dead_processes_are_swept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut gone = Command::new("true").spawn().expect("run true");
    let dead = gone.id();
    gone.wait().expect("true ends");
    let live = std::process::id();
    for name in [
        format!(".k.csv.tmp-{dead}-0"),
        format!(".old.npy.tmp-{dead}-3"),
        format!(".k.csv.tmp-{live}-0"),
        ".keep.tmp-notapid-0".to_string(),
    ] {
        fs::write(dir.path().join(name), b"partial").expect("write a stale file");
    }
    let o = gradfield()
        .args(["sample", "x", "--device", "cpu", "--size", "4x4", "--out"])
        .arg(dir.path().join("f.npy"))
        .output()
        .expect("run gradfield");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let want = [
        format!(".k.csv.tmp-{live}-0"),
        ".keep.tmp-notapid-0".to_string(),
        "f.npy".to_string(),
    ];
    assert_eq!(names(dir.path()), want);
}

/// Reproduces `gradfield presets | head -c1` and friends, which panicked with "failed
/// printing to stdout" (exit 101): a pipe whose reader is gone ends quietly with 141.
#[test]
fn a_closed_pipe_ends_quietly() {
    let runs: &[&[&str]] = &[
        &["presets"],
        &["diff", "x^2"],
        &[
            "descend",
            "x^2 + y^2",
            "--start",
            "1,1",
            "--steps",
            "100000",
        ],
        &["--help"],
    ];
    for args in runs {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let o = gradfield()
            .args(*args)
            .stdout(writer)
            .output()
            .expect("run gradfield");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(141), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?} printed {stderr:?}");
    }
}

/// Reproduces `gradfield diff x^2 > /dev/full` and `bench --json … > /dev/full` (a panic,
/// exit 101): a write error on standard output is one line naming it, exit 1. (`bench` uses
/// the GPU: lavapipe where there is none.)
#[test]
fn a_full_standard_output_is_one_error_line() {
    let runs: &[&[&str]] = &[
        &["presets"],
        &["diff", "x^2"],
        &["descend", "x^2 + y^2", "--start", "1,1", "--steps", "3"],
        &[
            "bench",
            "--quick",
            "--json",
            "--sizes",
            "64x64",
            "--repeats",
            "1",
        ],
    ];
    for args in runs {
        let full = File::options()
            .write(true)
            .open("/dev/full")
            .expect("open /dev/full");
        let o = gradfield()
            .args(*args)
            .stdout(full)
            .output()
            .expect("run gradfield");
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {stderr}");
        // bench reports its progress on standard error first.
        let last = stderr.lines().last().unwrap_or_default();
        assert_eq!(
            last, "error: standard output: No space left on device (os error 28)",
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

fn render_scene(scene: &Path) -> Output {
    gradfield()
        .args(["render", "--size", "64x64", "--out", "never.png", "--scene"])
        .arg(scene)
        .output()
        .expect("run gradfield")
}

/// Reproduces `render --scene /dev/zero` (8.1 GB in 8 s) and `/dev/urandom`: only a regular
/// file of at most 1 MiB is read as a scene; a FIFO is refused without blocking on it.
#[test]
fn a_scene_is_a_small_regular_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe.toml");
    let c = std::ffi::CString::new(fifo.display().to_string()).expect("a C path");
    // SAFETY: creates a FIFO at a path in this test's own directory.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let big = dir.path().join("big.toml");
    let mut text = "version = 1\nfunction = \"x\"\n".to_string();
    text.push_str(&"# padding\n".repeat(120_000));
    let too_big = format!(
        "{} bytes is more than the 1048576 a scene may have",
        text.len()
    );
    fs::write(&big, text).expect("write a big scene");
    let cases: Vec<(&Path, &str)> = vec![
        (Path::new("/dev/zero"), "not a regular file"),
        (Path::new("/dev/urandom"), "not a regular file"),
        (dir.path(), "not a regular file"),
        (&fifo, "not a regular file"),
        (&big, &too_big),
    ];
    for (path, want) in cases {
        let o = render_scene(path);
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{}: {stderr}", path.display());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let line = format!("error: {}: cannot read the scene: {want}", path.display());
        assert!(
            stderr.starts_with(&line),
            "{stderr:?} should start {line:?}"
        );
    }
    assert!(!Path::new("never.png").exists());
}

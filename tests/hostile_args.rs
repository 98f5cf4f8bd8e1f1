//! Bad command-line arguments: each exits 2 (bad input) with a single `error: …` line that
//! names the argument and the value; an output path that cannot be written exits 1 with a
//! clear message and leaves no file behind.

mod common;

use common::{gradfield, one_line_error};
use std::path::Path;

#[test]
fn bad_arguments_exit_2_with_one_line_naming_them() {
    // (arguments, texts the line must contain: the flag or what it sets, and the bad value)
    let cases: &[(&[&str], &[&str])] = &[
        (&["diff", "x", "--bogus"], &["unknown flag '--bogus'"]),
        // EXPR takes leading hyphens ("-x^2"), so these reach the parser first.
        (&["--bogus"], &["unknown flag '--bogus'"]),
        (&["diff", "--bogus"], &["unknown flag '--bogus'"]),
        // Issue 13: an unknown flag beside --preset was reported as "'--preset' cannot be
        // used with '[EXPR]'", and `--dpi 300` as "unexpected argument '300'".
        (
            &["diff", "--preset", "rosenbrock", "--bogus"],
            &["unknown flag '--bogus'"],
        ),
        (&["diff", "--dpi", "300"], &["unknown flag '--dpi'"]),
        (&["--dpi", "300"], &["unknown flag '--dpi'"]),
        (
            &[
                "render",
                "--preset",
                "rosenbrock",
                "--bbox-inches",
                "tight",
                "--out",
                "a.png",
            ],
            &["unknown flag '--bbox-inches'"],
        ),
        (
            &["render", "x", "--bbox-inches=tight", "--out", "a.png"],
            &["unknown flag '--bbox-inches=tight'"],
        ),
        // `render --dpi` sizes a figure in inches, so it needs --figsize.
        (
            &["render", "x", "--dpi=300", "--out", "a.png"],
            &["--dpi", "--figsize"],
        ),
        (
            &["diff", "--prest", "rosenbrock"],
            &["unknown flag '--prest'", "did you mean '--preset'?"],
        ),
        (
            &["explore", "x", "--frams", "3"],
            &["unknown flag '--frams'", "did you mean '--frames'?"],
        ),
        (
            &["descend", "x", "--start", "1,1", "--stpes", "3"],
            &["unknown flag '--stpes'", "did you mean '--steps'?"],
        ),
        (&["diff", "x", "-q"], &["unknown flag '-q'"]),
        (
            &["descend", "x", "--lr", "abc"],
            &["'--lr", "'abc' is not a number"],
        ),
        (
            &["descend", "x", "--lr", "-1"],
            &["'--lr", "'-1' must be a number > 0"],
        ),
        (&["descend", "x", "--lr", "inf"], &["'--lr", "'inf'"]),
        (
            &["descend", "x", "--steps", "-3"],
            &["'--steps", "'-3' is not a whole number"],
        ),
        (
            &["descend", "x", "--steps", "99999999999"],
            &["'--steps", "more than the 1000000"],
        ),
        (&["descend", "x", "--tol", "-1"], &["'--tol", "'-1'"]),
        (
            &["descend", "x", "--momentum", "abc"],
            &["'--momentum", "'abc' is not a number"],
        ),
        (&["descend", "x", "--eps", "0"], &["'--eps", "'0'"]),
        (
            &["descend", "x", "--start", "1"],
            &["'--start", "'1' is not a point"],
        ),
        (
            &["descend", "x", "--start", "nan,1"],
            &["'--start", "nan,1"],
        ),
        (
            &["descend", "x", "--optimizer", "sgdd", "--start", "1,1"],
            &["optimizer 'sgdd'"],
        ),
        (
            &["sample", "x", "--size", "0x0", "--out", "a.npy"],
            &["'--size", "'0x0'"],
        ),
        (
            &["sample", "x", "--size", "100000x100000", "--out", "a.npy"],
            &["'--size", "'100000x100000'"],
        ),
        (
            &["sample", "x", "--size", "10", "--out", "a.npy"],
            &["'--size", "'10' is not a size"],
        ),
        (
            &["sample", "x", "--view", "1,0,0,1", "--out", "a.npy"],
            &["'--view", "x 1..0"],
        ),
        (
            &["sample", "x", "--view", "a,b,c,d", "--out", "a.npy"],
            &["'--view", "a,b,c,d"],
        ),
        (
            &["sample", "x", "--out", "a.txt"],
            &["--out 'a.txt'", ".npy or .csv"],
        ),
        (
            &["sample", "x", "--device", "tpu", "--out", "a.npy"],
            &["--device 'tpu'"],
        ),
        (
            &["sample", "x", "--gradient", "fancy", "--out", "a.npy"],
            &["'fancy'"],
        ),
        (&["sample", "x", "--out"], &["'--out"]),
        (&["diff", "--preset", "nope"], &["preset 'nope'"]),
        (&["diff"], &["no function"]),
        (
            &["render", "x", "--colormap", "nope", "--out", "a.png"],
            &["colour map 'nope'"],
        ),
        (
            &["render", "x", "--out", "a.jpg"],
            &["--out 'a.jpg'", ".png"],
        ),
        (
            &["render", "x", "--levels", "-1", "--out", "a.png"],
            &["'--levels", "'-1'"],
        ),
        (
            &["render", "x", "--arrows", "up", "--out", "a.png"],
            &["--arrows 'up'"],
        ),
        (
            &["render", "x", "--percentile", "nan", "--out", "a.png"],
            &["'--percentile", "'nan'"],
        ),
        (&["explore", "--lr", "-2"], &["'--lr", "'-2'"]),
        // clap's list of missing arguments used to be cut off before the argument's name.
        (
            &["render", "x"],
            &["the following required arguments were not provided: --out <FILE>"],
        ),
        (
            &["sample", "x"],
            &["the following required arguments were not provided: --out <FILE>"],
        ),
        (
            &["explore", "--direction", "30"],
            &["the following required arguments were not provided: --pin <X,Y>"],
        ),
        (
            &["explore", "--screenshot", "x.png"],
            &["the following required arguments were not provided: --frames <N>"],
        ),
        // Issue 13: --screenshot x.jpg wrote PNG data under a .jpg name; refused before the
        // window opens (so with no display too).
        (
            &["explore", "x", "--frames", "1", "--screenshot", "x.jpg"],
            &["--screenshot 'x.jpg'", "must end in .png"],
        ),
        (
            &["--frames", "1", "--screenshot", "shot"],
            &["--screenshot 'shot'", "must end in .png"],
        ),
        (
            &["explore", "--frames", "1", "--screenshot", "x.png.gif"],
            &["--screenshot 'x.png.gif'", "must end in .png"],
        ),
        // --direction nan used to be accepted and ignored.
        (
            &[
                "explore",
                "--pin",
                "1,1",
                "--direction",
                "nan",
                "--frames",
                "1",
            ],
            &["'--direction", "'nan' must be a finite angle"],
        ),
        // Issue 13: the display flags of explore, checked before the window opens.
        (
            &["explore", "x", "--theme", "purple", "--frames", "1"],
            &["--theme 'purple'", "dark, light, high-contrast"],
        ),
        (
            &["explore", "x", "--ui-scale", "1000", "--frames", "1"],
            &["--ui-scale 1000", "50 to 400 percent"],
        ),
        (
            &["explore", "x", "--ui-scale", "nan", "--frames", "1"],
            &["--ui-scale NaN", "50 to 400 percent"],
        ),
        // The same checks as a scene's keys (tests/scene.rs): momentum, α and β in range.
        (
            &["descend", "x", "--start", "1,1", "--momentum", "1"],
            &["'--momentum", "'1' must be in [0, 1)"],
        ),
        (
            &["descend", "x", "--start", "1,1", "--alpha", "0"],
            &["'--alpha", "'0' must be in (0, 1)"],
        ),
        (
            &["descend", "x", "--start", "1e300,1"],
            &[
                "'--start",
                "'1e300,1': coordinates must be a finite number within ±1e15",
            ],
        ),
        // Lists and counts that have no use beyond a bound.
        (
            &[
                "bench",
                "--sizes",
                "8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8,8x8",
            ],
            &["--sizes: at most 16 sizes, got 17"],
        ),
        (
            &["bench", "--repeats", "1000000000"],
            &["--repeats: at most 1000 runs per measurement"],
        ),
        // 21 paths of 10⁶ steps would keep 21 million points (840 MB; 256 of them 10 GB).
        (
            &[
                "descend",
                "x",
                "--steps",
                "1000000",
                "--start=0,1",
                "--start=0,2",
                "--start=0,3",
                "--start=0,4",
                "--start=0,5",
                "--start=0,6",
                "--start=0,7",
                "--start=0,8",
                "--start=0,9",
                "--start=1,0",
                "--start=1,1",
                "--start=1,2",
                "--start=1,3",
                "--start=1,4",
                "--start=1,5",
                "--start=1,6",
                "--start=1,7",
                "--start=1,8",
                "--start=1,9",
                "--start=2,0",
                "--start=2,1",
            ],
            &["21 paths of 1000000 steps would keep 21000021 points, more than the 20000000"],
        ),
        // 1e300 used to be written out as 301 digits.
        (
            &["render", "x", "--view", "1e300,1,0,1", "--out", "a.png"],
            &["'--view", "got x 1e300..1, y 0..1"],
        ),
        (
            &[
                "render",
                "x",
                "--gradient-check",
                "--check-step",
                "1e300",
                "--out",
                "a.png",
            ],
            &["--check-step must be in (0, 1000]", "got 1e300"],
        ),
    ];
    for (args, needles) in cases {
        let out = gradfield(args);
        let line = one_line_error(args, &out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {line}");
        for needle in *needles {
            assert!(line.contains(needle), "{args:?}: {line:?} lacks {needle:?}");
        }
    }
}

#[test]
fn unwritable_outputs_exit_1_and_leave_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A path whose name is taken by a directory cannot be written either.
    for taken in ["taken.npy", "taken.csv"] {
        std::fs::create_dir(dir.path().join(taken)).expect("make a directory");
    }
    let d = dir.path().display().to_string();
    let cases: Vec<Vec<String>> = vec![
        vec![
            "sample",
            "x",
            "--device",
            "cpu",
            "--size",
            "4x4",
            "--out",
            "/nonexistent/dir/f.npy",
        ],
        vec![
            "sample",
            "x",
            "--device",
            "cpu",
            "--size",
            "4x4",
            "--out",
            &format!("{d}/taken.npy"),
        ],
        vec![
            "descend",
            "x",
            "--start",
            "1,1",
            "--steps",
            "3",
            "--out",
            "/nonexistent/dir/p.csv",
        ],
        vec![
            "descend",
            "x",
            "--start",
            "1,1",
            "--steps",
            "3",
            "--out",
            &format!("{d}/taken.csv"),
        ],
    ]
    .into_iter()
    .map(|v| v.into_iter().map(String::from).collect())
    .collect();
    for args in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = gradfield(&args);
        let line = one_line_error(&args, &out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {line}");
        let path = args.last().copied().unwrap_or_default();
        assert!(line.contains(path), "{line:?} should name {path}");
    }
    assert!(!Path::new("/nonexistent/dir").exists());
    // Nothing but the two directories: no partial or temporary file.
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list temp dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["taken.csv", "taken.npy"]);
    for taken in &left {
        assert!(dir.path().join(taken).is_dir(), "{taken} was replaced");
    }
}

#[test]
fn formulas_that_look_like_flags_are_still_formulas() {
    // The unknown-flag check (issue 13) must not take a formula with leading hyphens for a flag.
    for (args, first) in [
        (&["diff", "--x"][..], "f = -(-x)"),
        (&["diff", "-x^2"][..], "f = -x^2"),
        (&["diff", "--preset", "rosenbrock"][..], "f = "),
    ] {
        let out = gradfield(args);
        assert!(out.status.success(), "{args:?}: {out:?}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.starts_with(first), "{args:?} printed {stdout:?}");
    }
}

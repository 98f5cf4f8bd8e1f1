//! Bad input that is long or oddly placed, through the binary: every message quotes at most
//! 60 characters of what was typed (and says how long it was), an expression's error shows a
//! window of it with the caret still under the problem, and an output directory that exists
//! but takes no files is not called missing. (Short bad arguments: hostile_args.rs.)

mod common;

use common::{gradfield, one_line_error};

/// Reproduces long values echoed in full (a 1M-character scene key gave a 2 MB line; one
/// argument may be 128 KiB): every place that repeats input quotes at most 60 characters of
/// it and says how long it was.
#[test]
fn long_values_are_quoted_short() {
    let long = "q".repeat(100_000);
    let flag = format!("--{long}");
    let mid = "q".repeat(150);
    let many: Vec<String> = (0..257).map(|i| format!("--start={i},0")).collect();
    let mut starts: Vec<&str> = vec!["descend", "x"];
    starts.extend(many.iter().map(String::as_str));
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["descend", "x", "--start", "1,1", "--lr", &long],
            "'--lr",
        ),
        (vec!["descend", "x", "--start", &long], "'--start"),
        (vec!["diff", "--preset", &long], "unknown preset"),
        (
            vec!["descend", "x", "--start", "1,1", "--optimizer", &long],
            "unknown optimizer",
        ),
        (
            vec!["render", "x", "--colormap", &long, "--out", "a.png"],
            "colour map",
        ),
        (
            vec!["render", "x", "--arrows", &long, "--out", "a.png"],
            "--arrows",
        ),
        (
            vec!["sample", "x", "--device", &long, "--out", "a.npy"],
            "--device",
        ),
        (
            vec!["render", "x", "--view", &long, "--out", "a.png"],
            "'--view",
        ),
        (vec!["render", "x", "--out", &long], "--out"),
        (vec![&flag], "unknown flag"),
        // 150 characters: cut too, also where the message is not the command line's own.
        (
            vec!["render", "x", "--colormap", &mid, "--out", "a.png"],
            "colour map",
        ),
        (
            vec!["render", "x", "--converge-map", &mid, "--out", "a.png"],
            "--converge-map",
        ),
        (
            vec!["sample", "x", "--gradient", &mid, "--out", "a.npy"],
            "gradient mode",
        ),
        (vec!["explore", "--color-by", &mid], "--color-by"),
        // More start points than a picture holds (descent::MAX_PATHS).
        (starts, "--start: at most 256 start points, got 257"),
    ];
    for (args, needle) in &cases {
        let out = gradfield(args);
        let line = one_line_error(needle, &out);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{needle}: {}",
            &line[..line.len().min(300)]
        );
        assert!(
            line.contains(needle),
            "{:?} lacks {needle:?}",
            &line[..line.len().min(300)]
        );
        assert!(
            line.chars().count() < 400,
            "{needle}: {} characters",
            line.len()
        );
        if needle != &"--start: at most 256 start points, got 257" {
            assert!(line.contains("qqq…' ("), "{needle}: {line}");
        }
    }
}

/// Reproduces a long expression echoed whole under its error: the line shows at most 60
/// characters around the problem, and the caret still stands under it.
#[test]
fn long_expressions_show_a_window_with_the_caret_in_place() {
    for (before, after) in [(3000, 1000), (0, 4000), (4000, 0), (10, 10)] {
        let text = format!("{}sinn(x){}", "x+".repeat(before), "+y".repeat(after));
        let out = gradfield(&["diff", &text]);
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 3, "{stderr}");
        let column = 2 * before + 1;
        assert!(
            lines[0].starts_with(&format!(
                "error: unknown function 'sinn' at column {column}"
            )),
            "{}",
            lines[0]
        );
        let shown: Vec<char> = lines[1].chars().skip(2).collect();
        assert!(shown.len() <= 60, "{} characters shown", shown.len());
        let caret = lines[2].find('^').expect("a caret") - 2;
        let under: String = shown[caret..caret + 4].iter().collect();
        assert_eq!(
            under, "sinn",
            "caret line {:?} under {:?}",
            lines[2], lines[1]
        );
        assert_eq!(lines[2].trim().len(), 4, "four carets");
    }
}

/// Reproduces `--out /proc/x.png` saying that the directory does not exist: it exists, and
/// the message says that it takes no new files.
#[test]
fn an_existing_directory_that_refuses_files_is_not_called_missing() {
    let args = [
        "sample",
        "x",
        "--device",
        "cpu",
        "--size",
        "4x4",
        "--out",
        "/proc/f.npy",
    ];
    let out = gradfield(&args);
    let line = one_line_error("--out /proc/f.npy", &out);
    assert_eq!(out.status.code(), Some(1), "{line}");
    assert!(
        line.starts_with("error: /proc/f.npy: cannot create a file in /proc"),
        "{line}"
    );
    assert!(!line.contains("does not exist"), "{line}");
}

//! Bad parameters and variables on the command line (issue 15): `--set` with a name the
//! function does not hold, a value that is not a number, NaN or infinity; `--axes` naming a
//! variable twice or one the function lacks; each exits 2 with a single `error: …` line naming
//! the flag, on every command that evaluates. A head naming a variable twice or only one
//! exits 2 with the parse error (its first line; the caret lines follow).

mod common;

use common::{gradfield, one_line_error};

#[test]
fn bad_set_and_axes_exit_2_with_one_line_naming_them() {
    let f3 = "f(x, y, z) = a x + y z";
    let commands: [&[&str]; 5] = [
        &["diff", f3],
        &["sample", f3, "--size", "8x8", "--out", "a.npy"],
        &["render", f3, "--size", "32x32", "--out", "a.png"],
        &["descend", f3, "--start", "1,1"],
        &["converge", f3, "--size", "8x8", "--out", "a.npy"],
    ];
    let bad: [(&[&str], &[&str]); 9] = [
        (
            &["--set", "q=1"],
            &[
                "--set q",
                "no parameter or held variable named 'q'",
                "(it has z, a)",
            ],
        ),
        (&["--set", "x=1"], &["--set x", "'x' is on an axis"]),
        (
            &["--set", "a=two"],
            &["'--set <NAME=VALUE>'", "'two' is not a number"],
        ),
        (
            &["--set", "a=NaN"],
            &["'--set <NAME=VALUE>'", "must be a finite number"],
        ),
        (
            &["--set", "a=inf"],
            &["'--set <NAME=VALUE>'", "must be a finite number"],
        ),
        (
            &["--set", "a"],
            &["'--set <NAME=VALUE>'", "is not NAME=VALUE"],
        ),
        (
            &["--axes", "x,x"],
            &["'--axes <NAME,NAME>'", "names 'x' twice"],
        ),
        (
            &["--axes", "x,w"],
            &["--axes", "'w' is not a variable of this function"],
        ),
        (
            &["--axes", "a,x"],
            &["--axes", "'a' is not a variable of this function"],
        ),
    ];
    for command in commands {
        for (extra, needles) in bad {
            let mut args = command.to_vec();
            args.extend_from_slice(extra);
            let out = gradfield(&args);
            let line = one_line_error(&args, &out);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {line}");
            for needle in needles {
                assert!(line.contains(needle), "{args:?}: {line:?} lacks {needle:?}");
            }
        }
    }
    assert!(!std::path::Path::new("a.npy").exists() && !std::path::Path::new("a.png").exists());
}

#[test]
fn bad_heads_exit_2_naming_the_variable() {
    for (head, says) in [
        ("f(x, x) = x", "'x' is named twice"),
        ("f(x) = x", "a head names at least two variables"),
        ("f(x, y, x) = x", "'x' is named twice"),
    ] {
        let out = gradfield(&["diff", head]);
        assert_eq!(out.status.code(), Some(2), "{head}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("error: {says}")),
            "{head}: {stderr}"
        );
        assert!(
            !stderr.contains("panicked") && out.stdout.is_empty(),
            "{stderr}"
        );
    }
}

#[test]
fn set_and_axes_change_what_is_written() {
    let out = gradfield(&[
        "descend",
        "f(x, y, z) = 2x - 3y + 5z",
        "--set",
        "z=0.5",
        "--start",
        "1,1",
        "--steps",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "path,step,x,y,z,f,dfdx,dfdy,dfdz,lr");
    assert_eq!(lines[1], "0,0,1,1,0.5,1.5,2,-3,5,0.1");
    // On the x–z plane with y held at 2: x and z move, y stays.
    let out = gradfield(&[
        "descend",
        "f(x, y, z) = 2x - 3y + 5z",
        "--axes",
        "x,z",
        "--set",
        "y=2",
        "--start",
        "1,1",
        "--steps",
        "1",
    ]);
    let csv = String::from_utf8_lossy(&out.stdout);
    let row: Vec<f64> = csv
        .lines()
        .nth(2)
        .unwrap()
        .split(',')
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(&row[2..5], &[1.0 - 0.1 * 2.0, 2.0, 1.0 - 0.1 * 5.0]);
    let out = gradfield(&["diff", "a x^2 + b y^2", "--set", "a=3"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "f = a*x^2 + b*y^2\ndf/dx = 2*a*x\ndf/dy = 2*b*y\n"
    );
}

//! Bad 3D flags on the command line (issue 14): each exits 2 with a single `error: …` line
//! that names the flag and the value, before anything reaches the GPU.

mod common;

use common::{gradfield, one_line_error};

/// The 3D view's flags: a bad `--camera` (one value or three, not numbers, NaN, infinity, an
/// elevation beyond ±89), a `--vscale` outside 0.1 to 10, a surface flag without `--3d` and
/// the tangent plane or a direction without a pin each exit 2 with one line naming the flag.
/// Nothing reaches the GPU.
#[test]
fn bad_3d_flags_exit_2_with_one_line_naming_them() {
    let render = |extra: &[&'static str]| -> Vec<&'static str> {
        let mut v = vec!["render", "x*y", "--out", "a.png"];
        v.extend_from_slice(extra);
        v
    };
    let cases: Vec<(Vec<&str>, &[&str])> = vec![
        (
            render(&["--3d", "--camera", "30"]),
            &["'--camera", "'30' is not a camera: expected AZ,EL"],
        ),
        (
            render(&["--3d", "--camera", "1,2,3"]),
            &["'--camera", "'1,2,3' is not a camera"],
        ),
        (
            render(&["--3d", "--camera", "left,30"]),
            &["'--camera", "azimuth 'left' is not a number"],
        ),
        (
            render(&["--3d", "--camera", "0,nan"]),
            &["'--camera", "the elevation must be degrees within ±89"],
        ),
        (
            render(&["--3d", "--camera", "inf,30"]),
            &["'--camera", "the azimuth must be a finite angle"],
        ),
        (
            render(&["--3d", "--camera", "-60,90"]),
            &["'--camera", "'-60,90'", "within ±89"],
        ),
        (
            render(&["--3d", "--camera", "-60,-89.01"]),
            &["'--camera", "within ±89"],
        ),
        (
            render(&["--3d", "--vscale", "0"]),
            &["'--vscale", "'0' must be from 0.1 to 10"],
        ),
        (
            render(&["--3d", "--vscale", "11"]),
            &["'--vscale", "'11' must be from 0.1 to 10"],
        ),
        (
            render(&["--3d", "--vscale", "nan"]),
            &["'--vscale", "'nan'"],
        ),
        (render(&["--camera", "-60,30"]), &["--camera needs --3d"]),
        (render(&["--vscale", "2"]), &["--vscale needs --3d"]),
        (
            render(&["--tangent-plane"]),
            &["--tangent-plane needs --3d"],
        ),
        (
            render(&["--no-floor-contours"]),
            &["--no-floor-contours needs --3d"],
        ),
        (
            vec!["explore", "x", "--3d", "--split", "--frames", "1"],
            &["'--3d'", "'--split'"],
        ),
        (render(&["--3d", "--camera", "10"]), &["--camera"]),
        (render(&["--3d", "--camera", "a,b"]), &["--camera"]),
        (render(&["--3d", "--camera", "0,95"]), &["elevation"]),
        (render(&["--3d", "--camera", "nan,10"]), &["--camera"]),
        // The pin: the tangent plane touches the surface there, u turns about it.
        (render(&["--3d", "--tangent-plane"]), &["--pin"]),
        (render(&["--3d", "--direction", "30"]), &["--pin"]),
        // The pin is drawn on the map too; its tangent plane is the surface's.
        (
            render(&["--pin", "1,1", "--tangent-plane"]),
            &["--tangent-plane needs --3d"],
        ),
    ];
    for (args, want) in cases {
        let out = gradfield(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {out:?}");
        let line = one_line_error(&args, &out);
        for w in want {
            assert!(line.contains(w), "{args:?}: {line:?} should contain {w:?}");
        }
    }
}

//! The commands as a person runs them: exit codes, output formats read back and checked
//! against the CPU reference, and error messages. `sample` and `render` use the GPU (lavapipe
//! where there is no GPU).

use std::path::Path;
use std::process::{Command, Output};

use gradfield::export::read_npy_f32;
use gradfield::expr::Function;
use gradfield::View;

fn gradfield(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(args)
        .output()
        .expect("the gradfield binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The first line of stderr that gradfield wrote (the GPU driver may add its own lines).
fn error_line(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr)
        .lines()
        .find(|l| l.starts_with("error: ") && !l.contains("XDG_RUNTIME_DIR"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn diff_prints_the_three_formulas_with_the_head_names() {
    let o = gradfield(&["diff", "x^2 + 3*x*y + y^2"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        "f = x^2 + 3*x*y + y^2\ndf/dx = 2*x + 3*y\ndf/dy = 3*x + 2*y\n"
    );
    let o = gradfield(&["diff", "f(w, b) = (2w + b - 1)^2"]);
    let out = stdout(&o);
    assert!(
        out.contains("df/dw = ") && out.contains("df/db = "),
        "{out}"
    );
    // Every printed derivative parses back to a function with the same values.
    let f = Function::parse("f(w, b) = (2w + b - 1)^2").unwrap();
    for line in out.lines().skip(1) {
        let formula = line.split_once(" = ").unwrap().1;
        let g = Function::parse(&format!("f(w, b) = {formula}")).unwrap();
        let want = if line.starts_with("df/dw") { 1 } else { 2 };
        for (w, b) in [(0.5, -1.0), (2.0, 3.0)] {
            let got = g.eval(w, b).unwrap()[0];
            assert!((got - f.eval(w, b).unwrap()[want]).abs() < 1e-12);
        }
    }
}

#[test]
fn parse_errors_exit_2_with_column_and_caret() {
    let o = gradfield(&["diff", "sinn(x) + y"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.starts_with(
        "error: unknown function 'sinn' at column 1 — did you mean 'sin'?\n  sinn(x) + y\n  ^^^^"
    ));
    let o = gradfield(&["diff", "--preset", "rosenbrok"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(error_line(&o).contains("rosenbrock"), "{}", error_line(&o));
    let o = gradfield(&["diff"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn presets_lists_every_preset_with_its_view() {
    let out = stdout(&gradfield(&["presets"]));
    for p in gradfield::presets::all() {
        let line = out
            .lines()
            .find(|l| l.split_whitespace().next() == Some(p.name))
            .unwrap_or_else(|| panic!("{} listed", p.name));
        assert!(line.contains(p.expr), "{line}");
    }
}

fn check_npy_against_reference(path: &Path, f: &Function, view: &View, w: u32, h: u32) {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..8], b"\x93NUMPY\x01\x00");
    let header_len = u16::from_le_bytes([bytes[8], bytes[9]]) as usize;
    let header = std::str::from_utf8(&bytes[10..10 + header_len]).unwrap();
    assert!(header.contains("'descr': '<f4'"), "{header}");
    assert!(
        header.contains(&format!("'shape': ({h}, {w}, 3)")),
        "{header}"
    );
    assert_eq!((10 + header_len) % 64, 0, "data aligned to 64 bytes");
    let (shape, data) = read_npy_f32(path).unwrap();
    assert_eq!(shape, vec![h as usize, w as usize, 3]);
    let mut undefined = 0;
    for j in 0..h {
        for i in 0..w {
            let k = ((j * w + i) * 3) as usize;
            let (x, y) = (view.sample_x(i, w) as f32, view.sample_y(j, h) as f32);
            match f.eval(x as f64, y as f64) {
                Some(r) => {
                    for c in 0..3 {
                        // f32 output of the f64 reference; the field is smooth here, so
                        // 1e-4 relative to max(1, |value|) covers the GPU's f32 rounding.
                        let tol = 1e-4 * r[c].abs().max(1.0);
                        assert!(
                            (data[k + c] as f64 - r[c]).abs() <= tol,
                            "({x}, {y}) channel {c}: {} vs {}",
                            data[k + c],
                            r[c]
                        );
                    }
                }
                None => {
                    undefined += 1;
                    assert!(
                        data[k..k + 3].iter().all(|v| v.is_nan()),
                        "NaN where undefined"
                    );
                }
            }
        }
    }
    assert!(undefined > 0, "the view crosses the domain's edge");
}

#[test]
fn sample_writes_npy_and_csv_matching_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let expr = "ln(x + 1) * y^2";
    let f = Function::parse(expr).unwrap();
    let view = View::new(-2.0, 2.0, -1.0, 3.0).unwrap();
    for device in ["gpu", "cpu"] {
        let out = dir.path().join(format!("field-{device}.npy"));
        let o = gradfield(&[
            "sample",
            expr,
            "--view",
            "-2,2,-1,3",
            "--size",
            "24x16",
            "--device",
            device,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        check_npy_against_reference(&out, &f, &view, 24, 16);
    }
    let csv = dir.path().join("field.csv");
    let o = gradfield(&[
        "sample",
        expr,
        "--view",
        "-2,2,-1,3",
        "--size",
        "4x3",
        "--out",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "x,y,f,dfdx,dfdy");
    assert_eq!(lines.len(), 1 + 12);
    // Row-major from the top-left: the first row has the largest y, x increasing.
    let row = |n: usize| -> Vec<f64> { lines[n].split(',').map(|v| v.parse().unwrap()).collect() };
    assert_eq!(row(1)[0], view.sample_x(0, 4) as f32 as f64);
    assert_eq!(row(1)[1], view.sample_y(0, 3) as f32 as f64);
    assert_eq!(row(2)[0], view.sample_x(1, 4) as f32 as f64);
    assert_eq!(row(5)[1], view.sample_y(1, 3) as f32 as f64);
    assert!(row(1)[2].is_nan(), "ln(x + 1) is undefined at x = -1.5");
}

#[test]
fn sample_numeric_gradient_is_close_to_the_exact_one() {
    let dir = tempfile::tempdir().unwrap();
    let (exact, numeric) = (dir.path().join("e.npy"), dir.path().join("n.npy"));
    for (mode, out) in [("exact", &exact), ("numeric", &numeric)] {
        let o = gradfield(&[
            "sample",
            "sin(x) * y^2",
            "--view",
            "-2,2,-2,2",
            "--size",
            "16x16",
            "--gradient",
            mode,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success());
    }
    let (_, e) = read_npy_f32(&exact).unwrap();
    let (_, n) = read_npy_f32(&numeric).unwrap();
    // Central differences with h ≈ 4.9e-3 in f32: truncation h²/6·|f'''| ≤ 2e-5·4 and
    // rounding ε·|f|/h ≤ 1e-4 for |f| ≤ 4, so 2e-3 absolute is a safe bound.
    for (a, b) in e.iter().zip(&n) {
        assert!((a - b).abs() < 2e-3, "{a} vs {b}");
    }
}

#[test]
fn descend_writes_every_iterate_and_reports_divergence() {
    let o = gradfield(&[
        "descend",
        "x^2 + 3*y^2",
        "--start",
        "1,-1",
        "--lr",
        "0.1",
        "--steps",
        "5",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "path,step,x,y,f,dfdx,dfdy,lr");
    assert_eq!(lines.len(), 1 + 6);
    // Step 1 of θ ← θ − η∇f from (1, −1): (1 − 0.1·2, −1 + 0.1·6) = (0.8, −0.4).
    let step1: Vec<f64> = lines[2].split(',').map(|v| v.parse().unwrap()).collect();
    assert!((step1[2] - 0.8).abs() < 1e-12 && (step1[3] + 0.4).abs() < 1e-12);
    let o = gradfield(&[
        "descend", "x^2", "--start", "1,0", "--lr", "1.5", "--steps", "100",
    ]);
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("diverged at step"), "{err}");
    let o = gradfield(&["descend", "x^2", "--start", "1,0", "--optimizer", "sgdd"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(error_line(&o).contains("sgdd"));
}

#[test]
fn render_writes_a_png_and_refuses_bad_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.png");
    let o = gradfield(&[
        "render",
        "--preset",
        "rosenbrock",
        "--start",
        "-1.5,2",
        "--size",
        "320x200",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&out).unwrap()));
    let info = decoder.read_info().unwrap();
    assert_eq!((info.info().width, info.info().height), (320, 200));
    for (args, named) in [
        (vec!["--colormap", "rainbow"], "rainbow"),
        (vec!["--arrows", "sideways"], "sideways"),
        (vec!["--view", "1,0,0,1"], "view"),
        (vec!["--size", "0x0"], "0x0"),
    ] {
        let mut all = vec!["render", "x^2", "--out", out.to_str().unwrap()];
        all.extend(args);
        let o = gradfield(&all);
        assert_eq!(o.status.code(), Some(2), "{all:?}");
        assert!(
            error_line(&o).contains(named),
            "{all:?}: {}",
            error_line(&o)
        );
    }
    let missing = dir.path().join("no/such/dir/r.png");
    let o = gradfield(&[
        "render",
        "x^2",
        "--size",
        "64x64",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(error_line(&o).contains("no/such/dir"), "{}", error_line(&o));
}

#[test]
fn headless_render_prints_no_driver_errors_without_a_desktop_session() {
    // Issue 13: with XDG_RUNTIME_DIR unset, a successful render printed "error:
    // XDG_RUNTIME_DIR is invalid or not set in the environment." twice (Mesa's device-select
    // layer probing the Wayland display while adapters are listed).
    let dir = tempfile::tempdir().expect("temp dir");
    let png = dir.path().join("t.png");
    let o = Command::new(env!("CARGO_BIN_EXE_gradfield"))
        .args(["render", "x^2+y^2", "--size", "64x48", "--out"])
        .arg(&png)
        .env_remove("XDG_RUNTIME_DIR")
        .env_remove("NODEVICE_SELECT")
        .env_remove("MESA_VK_DEVICE_SELECT")
        .output()
        .expect("the gradfield binary runs");
    assert!(o.status.success(), "{o:?}");
    assert!(png.is_file());
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

#[test]
fn descend_prints_f_where_only_the_gradient_is_undefined() {
    // Issue 13: `descend "sqrt(x) + y"` from (0, 0) printed f = NaN although f(0, 0) = 0.
    let text = "sqrt(x) + y";
    let exact = Function::parse(text).expect("parses").eval_each(0.0, 0.0);
    assert_eq!(exact, [Some(0.0), None, Some(1.0)], "the reference");
    let o = gradfield(&["descend", text, "--start", "0,0", "--steps", "5"]);
    assert!(o.status.success(), "{o:?}");
    let rows: Vec<Vec<String>> = stdout(&o)
        .lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "a path that cannot step has only its start: {rows:?}"
    );
    let channels: Vec<f64> = rows[0][4..]
        .iter()
        .map(|c| c.parse().expect("a number"))
        .collect();
    for (got, want) in channels.iter().zip(exact) {
        match want {
            Some(v) => assert_eq!(*got, v, "{rows:?}"),
            None => assert!(got.is_nan(), "{rows:?}"),
        }
    }
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr
            .contains("path 0 from (0, 0): f = 0 there, but df/dx is undefined at the start point"),
        "{stderr:?}"
    );
    // Where f itself is undefined, it says so.
    let o = gradfield(&["descend", "log(x) + y", "--start", "0,0"]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("f is undefined at the start point"),
        "{stderr:?}"
    );
    // A path that reaches a cusp says that only ∇f is undefined there, and f's value.
    let o = gradfield(&[
        "descend",
        "sqrt(x^2)",
        "--start",
        "0.25,0",
        "--lr",
        "0.125",
        "--steps",
        "5",
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr.contains("diverged at step 2: ∇f is undefined at (0, 0) (f = 0 there)"),
        "{stderr:?}"
    );
}

/// `render --help` states the 3D flags and the camera's default; a good `--camera` with
/// `--3d` is accepted (the error that follows, if any, is not about the flags).
#[test]
fn render_help_states_the_3d_flags_and_the_cameras_default() {
    let o = gradfield(&["render", "--help"]);
    assert!(o.status.success());
    let help = stdout(&o);
    for flag in [
        "--3d",
        "--camera <AZ,EL>",
        "--vscale <S>",
        "--tangent-plane",
        "--pin <X,Y>",
        "--direction <DEG>",
        "--no-floor-contours",
    ] {
        assert!(help.contains(flag), "{flag} in render --help:\n{help}");
    }
    assert!(
        help.contains("[default: -60,30]"),
        "the camera's default:\n{help}"
    );
    assert!(
        help.contains("within ±89"),
        "the elevation's range:\n{help}"
    );
    assert!(
        help.contains("0.1 to 10"),
        "the vertical scale's range:\n{help}"
    );
    let o = gradfield(&["explore", "--help"]);
    let help = stdout(&o);
    assert!(help.contains("--3d") && help.contains("--split"), "{help}");
}

//! The teaching views on the command line and the words of a figure: the pin's panels with
//! the slopes the explorer shows, one path per factor of `--sweep` or optimizer of
//! `--compare` with a legend naming each, contour labels at round values or exactly at
//! `--levels-at`, the vector contour lines on the shader's contour pixels, and bad figure
//! flags refused with exit 2 naming the flag.

mod figures_common;

use figures_common::*;

fn svg_lines(args: &[&str], name: &str) -> (Vec<String>, Vec<Text>, String) {
    let dir = temp(name);
    let svg = dir.join("f.svg");
    let o = gradfield(&[args, &["--out", svg.to_str().unwrap()]].concat());
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).expect("the SVG");
    let _ = std::fs::remove_dir_all(&dir);
    let doc = roxmltree::Document::parse(&text).expect("XML");
    let spans = texts(&doc);
    (lines(&spans), spans, text)
}

#[test]
fn the_pin_draws_its_slices_and_d_u_f_with_the_explorers_numbers() {
    // Himmelblau at (1, 1): ∂f/∂x = 4x(x² + y − 11) + 2(x + y² − 7) = −46, ∂f/∂y =
    // 2(x² + y − 11) + 4y(x + y² − 7) = −38, and along θ = 30°: −46·cos 30° − 38·sin 30°.
    let args = [
        "render",
        "--preset",
        "himmelblau",
        "--pin",
        "1,1",
        "--direction",
        "30",
        "--size",
        "1800x900",
    ];
    let (lines, _, _) = svg_lines(&args, "pin");
    let du = -46.0 * 30f64.to_radians().cos() - 38.0 * 30f64.to_radians().sin();
    let want = [
        "f(x, y₀) against x   ∂f/∂x = −46.000".to_string(),
        "f(x₀, y) against y   ∂f/∂y = −38.000".to_string(),
        format!("D_u f = ∇f · u = −{:.3}   θ = 30.0°", -du),
        format!("u: D_u f = −{:.3}", -du),
    ];
    for w in &want {
        assert!(lines.iter().any(|l| l == w), "{w:?} not among {lines:?}");
    }
    // The explorer's panel computes its slopes with the same function.
    let f = gradfield::expr::Function::parse("(x^2 + y - 11)^2 + (x + y^2 - 7)^2").unwrap();
    let t = gradfield::teach::tangent(&f, (1.0, 1.0)).expect("defined");
    let text = gradfield::render::pin_panels::slope_text(t.slope_x);
    assert_eq!(text, "−46.000");
    // --layout plot keeps the marks and drops the panels.
    let plot_only = [&args[..], &["--layout", "plot"]].concat();
    let (lines, _, _) = svg_lines(&plot_only, "pin-plot");
    assert!(lines.iter().any(|l| l == &want[3]), "{lines:?}");
    assert!(!lines.iter().any(|l| l == &want[0]), "no panels: {lines:?}");
}

#[test]
fn a_sweep_and_a_comparison_draw_one_path_each_named_in_the_legend() {
    let args = [
        "render", "--preset", "bowl", "--start", "2,1.5", "--sweep", "0.5,1,3", "--size",
        "1000x700",
    ];
    let (lines, _, _) = svg_lines(&args, "sweep");
    let legend: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains(", from (2, 1.5)"))
        .collect();
    assert_eq!(legend.len(), 3, "{lines:?}");
    let args = [
        "render",
        "--preset",
        "rosenbrock",
        "--start",
        "-1,1",
        "--compare",
        "gd,momentum,adam",
        "--steps",
        "100",
        "--size",
        "1000x700",
    ];
    let (lines, _, _) = svg_lines(&args, "compare");
    for name in ["Gradient descent, η", "Momentum, η", "Adam, η"] {
        assert!(
            lines.iter().any(|l| l.starts_with(name)),
            "{name} not in {lines:?}"
        );
    }
}

/// The numbers written inside the plot (contour labels), from the SVG's spans.
fn plot_labels(spans: &[Text], svg: &str) -> Vec<f64> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let image = doc
        .descendants()
        .find(|n| n.has_tag_name("image"))
        .expect("the plot's image");
    let get = |k: &str| image.attribute(k).unwrap().parse::<f64>().unwrap();
    let (x0, y0, w, h) = (get("x"), get("y"), get("width"), get("height"));
    spans
        .iter()
        .filter(|t| t.x > x0 + 2.0 && t.x < x0 + w - 2.0 && t.y > y0 && t.y < y0 + h)
        .filter_map(|t| t.text.replace('−', "-").trim().parse::<f64>().ok())
        .collect()
}

#[test]
fn contour_labels_sit_at_round_values_or_exactly_at_the_levels_given() {
    let args = [
        "render",
        "x^2 + 3*y^2 + 0.37",
        "--view",
        "-3,3,-2,2",
        "--contour-labels",
        "--size",
        "1200x800",
        "--arrows",
        "none",
    ];
    let (_, spans, svg) = svg_lines(&args, "round");
    let labels = plot_labels(&spans, &svg);
    assert!(labels.len() >= 2, "{labels:?}");
    // Each label a multiple of one step of 1, 2 or 5 × 10ⁿ.
    let round = |v: f64| {
        [1.0, 2.0, 5.0, 10.0, 20.0, 50.0]
            .iter()
            .any(|s| ((v / s).round() * s - v).abs() < 1e-9 && (v / s).round() != 0.0)
    };
    assert!(labels.iter().all(|&v| round(v)), "{labels:?}");
    let given = [
        "render",
        "x^2 + 3*y^2 + 0.37",
        "--view",
        "-3,3,-2,2",
        "--contour-labels",
        "--size",
        "1200x800",
        "--arrows",
        "none",
        "--levels-at",
        "1.5,4.25,9",
    ];
    let (_, spans, svg) = svg_lines(&given, "levels-at");
    let labels = plot_labels(&spans, &svg);
    assert!(!labels.is_empty());
    assert!(
        labels.iter().all(|v| [1.5, 4.25, 9.0].contains(v)),
        "{labels:?}"
    );
}

#[test]
fn bad_figure_flags_exit_2_with_one_line_naming_the_flag() {
    let dir = temp("bad");
    let out = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["--out".into(), out("f.jpg")], "--out"),
        (
            vec![
                "--out".into(),
                out("f.png"),
                "--figsize".into(),
                "4,3".into(),
                "--dpi".into(),
                "5".into(),
            ],
            "--dpi",
        ),
        (
            vec![
                "--out".into(),
                out("f.png"),
                "--figsize".into(),
                "0,3".into(),
            ],
            "--figsize",
        ),
        (
            vec![
                "--out".into(),
                out("f.png"),
                "--figsize".into(),
                "500,500".into(),
                "--dpi".into(),
                "2400".into(),
            ],
            "--figsize",
        ),
        (
            vec!["--out".into(), out("f.png"), "--title".into(), "".into()],
            "--title",
        ),
        (
            vec![
                "--out".into(),
                out("f.png"),
                "--start".into(),
                "1,1".into(),
                "--sweep".into(),
                "1,-2".into(),
            ],
            "--sweep",
        ),
        (
            vec![
                "--out".into(),
                out("f.png"),
                "--theme".into(),
                "sepia".into(),
            ],
            "--theme",
        ),
        (
            vec!["--out".into(), out("f.svg"), "--scale".into(), "2".into()],
            "--scale",
        ),
        (
            vec![
                "--out".into(),
                out("f.png"),
                "--layout".into(),
                "slices".into(),
            ],
            "--layout",
        ),
        (vec!["--out".into(), out("f.svg"), "--3d".into()], "--out"),
        (
            vec![
                "--out".into(),
                out("f.png"),
                "--start".into(),
                "1,1".into(),
                "--compare".into(),
                "gd,sgd".into(),
            ],
            "--compare",
        ),
    ];
    for (extra, flag) in cases {
        let mut args = vec!["render".to_string(), "--preset".into(), "bowl".into()];
        args.extend(extra);
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let o = gradfield(&refs);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let line = error_line(&o);
        assert!(line.contains(flag), "{args:?}: {line:?}");
        let errors = stderr(&o)
            .lines()
            .filter(|l| l.starts_with("error"))
            .count();
        assert_eq!(errors, 1, "one line: {}", stderr(&o));
    }
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert!(left.is_empty(), "nothing written: {left:?}");
    // A write that fails leaves no file behind.
    let missing = dir.join("no-such-folder").join("f.pdf");
    let o = gradfield(&[
        "render",
        "--preset",
        "bowl",
        "--out",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!missing.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_data_layout_shows_the_points_and_the_model_where_the_path_ended() {
    let args = [
        "render", "--preset", "fit-line", "--start", "0,0", "--layout", "data", "--size",
        "1600x800",
    ];
    let (lines, _, svg) = svg_lines(&args, "data");
    assert!(lines.iter().any(|l| l == "y against x"), "{lines:?}");
    let caption = lines
        .iter()
        .find(|l| l.starts_with("linear model where the first path ended: w = "))
        .unwrap_or_else(|| panic!("no caption in {lines:?}"));
    // The least-squares line through examples/line.csv is w = 2.285, b = 0.338 (numpy's
    // polyfit); 300 steps of gradient descent from (0, 0) come close.
    let number = |key: &str| -> f64 {
        let at = caption.find(key).expect(key) + key.len();
        caption[at..]
            .split(',')
            .next()
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    };
    assert!((number("w = ") - 2.3).abs() < 0.2, "{caption}");
    // Forty points, each a disc in the overlay.
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let overlay = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("overlay"))
        .unwrap();
    let discs = overlay
        .descendants()
        .filter(|n| n.has_tag_name("circle"))
        .count();
    assert!(discs >= 40, "{discs} circles");
    // Without data there is nothing to show.
    let dir = temp("data-bad");
    let out = dir.join("f.png");
    let o = gradfield(&[
        "render",
        "--preset",
        "bowl",
        "--layout",
        "data",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        error_line(&o).contains("--layout data"),
        "{}",
        error_line(&o)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_3d_layout_puts_the_map_and_the_surface_side_by_side() {
    let dir = temp("side3d");
    let (png, svg) = (dir.join("s.png"), dir.join("s.svg"));
    for out in [&png, &svg] {
        let o = gradfield(&[
            "render",
            "--preset",
            "himmelblau",
            "--layout",
            "3d",
            "--figsize",
            "10,4",
            "--dpi",
            "80",
            "--theme",
            "light",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // Each half is 5 × 4 inches at 80 dpi.
    let (w, h, px) = read_png(&png);
    assert_eq!((w, h), (800, 320));
    // Both halves draw their plot (left of each half's colour bar), not white paper alone:
    // 13,700 of the surface's columns were coloured when this was written.
    for (i0, i1) in [(0, 300), (400, 700)] {
        let coloured = (i0..i1)
            .flat_map(|i| (0..h).map(move |j| (i, j)))
            .filter(|&(i, j)| {
                let k = ((j * w + i) * 4) as usize;
                px[k..k + 3].iter().any(|&c| c < 200)
            })
            .count();
        assert!(
            coloured > 8_000,
            "columns {i0}..{i1}: {coloured} coloured pixels"
        );
    }
    // The SVG: the map's vectors nested at the left, the surface one image at the right.
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("XML");
    assert_eq!(doc.root_element().attribute("width"), Some("10.0000in"));
    let right = doc
        .root_element()
        .children()
        .find(|n| n.has_tag_name("image"))
        .expect("the surface's image");
    assert_eq!(right.attribute("x"), Some("400"));
    assert!(lines(&texts(&doc)).iter().any(|l| l == "y"));
    let o = gradfield(&[
        "render",
        "--preset",
        "bowl",
        "--layout",
        "3d",
        "--3d",
        "--out",
        png.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(error_line(&o).contains("--layout 3d"), "{}", error_line(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

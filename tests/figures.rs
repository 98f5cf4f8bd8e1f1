//! Figures for paper as a matplotlib user makes them: `render --out f.svg` and `f.pdf` read
//! back (XML with real text, rasterised with resvg, the PDF rendered by pdftoppm) against the
//! PNG of the same figure, sizes in inches and dpi, the print theme's colours, the pin's
//! panels against the explorer's numbers, sweeps and comparisons, round contour labels and
//! the refusals of bad flags. The GPU is lavapipe where there is none; images of a failed
//! comparison go to `failures/`.

mod figures_common;

use figures_common::*;

#[test]
fn an_svg_is_xml_with_real_text_one_image_and_vector_marks() {
    let dir = temp("svg-xml");
    let svg = dir.join("f.svg");
    let o = gradfield(&[
        "render",
        "--preset",
        "rosenbrock",
        "--start",
        "-1.5,2",
        "--start",
        "1.5,-0.5",
        "--figsize",
        "6.4,4.8",
        "--dpi",
        "100",
        "--xlabel",
        "weight w₁",
        "--ylabel",
        "weight w₂",
        "--clabel",
        "loss",
        "--out",
        svg.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&svg).expect("the SVG");
    let doc = roxmltree::Document::parse(&text).expect("the SVG is XML");
    let root = doc.root_element();
    assert_eq!(root.attribute("width"), Some("6.4000in"));
    assert_eq!(root.attribute("height"), Some("4.8000in"));
    assert_eq!(root.attribute("viewBox"), Some("0 0 640 480"));
    let words = lines(&texts(&doc));
    for want in ["weight w₁", "weight w₂", "loss", "100"] {
        assert!(
            words.iter().any(|l| l == want),
            "{want:?} is not text: {words:?}"
        );
    }
    assert!(words
        .iter()
        .any(|l| l.starts_with("Gradient descent, η = 0.001")));
    // The title is the formula typeset: its pieces are text, the exponents raised.
    assert!(words.iter().any(|l| l == "f(x, y) = (1 − x)"), "{words:?}");
    // One image for the plot's colours (and one for the colour bar's strip), nothing else.
    let images = doc
        .descendants()
        .filter(|n| n.has_tag_name("image"))
        .count();
    assert_eq!(images, 2, "the heatmap and the colour bar's strip");
    for class in ["contours", "arrows", "paths", "overlay"] {
        let g = doc
            .descendants()
            .find(|n| n.attribute("class") == Some(class))
            .unwrap_or_else(|| panic!("no {class} group"));
        assert!(
            g.descendants().any(|n| n.has_tag_name("path")
                || n.has_tag_name("circle")
                || n.has_tag_name("text")),
            "{class} is empty"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The flags of the handout figure the comparisons draw in every format.
const HANDOUT: &[&str] = &[
    "render",
    "--preset",
    "himmelblau",
    "--start",
    "0,0",
    "--start",
    "-1,-4",
    "--lr",
    "0.01",
    "--steps",
    "200",
    "--figsize",
    "6,4",
    "--dpi",
    "100",
    "--theme",
    "light",
    "--clabel",
    "f",
    "--contour-labels",
];

#[test]
fn the_svg_rasterised_by_resvg_matches_the_png() {
    let dir = temp("svg-raster");
    let (png, svg) = (dir.join("f.png"), dir.join("f.svg"));
    for out in [&png, &svg] {
        let o = gradfield(&[HANDOUT, &["--out", out.to_str().unwrap()]].concat());
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (w, h, want) = read_png(&png);
    assert_eq!((w, h), (600, 400));
    let got = rasterise_svg(&svg, w, h);
    let d = mean_difference(&got, &want);
    eprintln!("SVG (resvg) against PNG: mean colour difference {d:.2} of 255");
    // Measured 4.1 here (lavapipe), the PDF 5.0: anti-aliasing of lines and glyphs differs,
    // the rest is equal.
    if d > 8.0 {
        save_failure("figure-svg", w, h, &got, &want);
    }
    assert!(d <= 8.0, "mean colour difference {d:.2} of 255");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_pdf_rendered_by_pdftoppm_matches_the_png_and_keeps_its_text() {
    let dir = temp("pdf");
    let (png, pdf) = (dir.join("f.png"), dir.join("f.pdf"));
    for out in [&png, &pdf] {
        let o = gradfield(&[HANDOUT, &["--out", out.to_str().unwrap()]].concat());
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let bytes = std::fs::read(&pdf).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF-"));
    // 6 × 4 inches: 432 × 288 points.
    let page = String::from_utf8_lossy(&bytes);
    assert!(page.contains("/MediaBox [0 0 432 288]"), "no 6×4 in page");
    let (w, h, want) = read_png(&png);
    let got = render_pdf(&pdf, &dir, 100);
    assert_eq!(
        (got.0, got.1),
        (w, h),
        "the page at 100 dpi is the PNG's size"
    );
    let d = mean_difference(&got.2, &want);
    eprintln!("PDF (pdftoppm) against PNG: mean colour difference {d:.2} of 255");
    if d > 8.0 {
        save_failure("figure-pdf", w, h, &got.2, &want);
    }
    assert!(d <= 8.0, "mean colour difference {d:.2} of 255");
    let words = pdf_text(&pdf);
    for want in ["(x", "Gradient descent", "η = 0.01"] {
        assert!(
            words.contains(want),
            "{want:?} is not text in the PDF: {words}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn dpi_and_figsize_give_the_pixels_and_keep_type_in_points() {
    let dir = temp("dpi");
    let mut sizes = Vec::new();
    for dpi in ["100", "200"] {
        let png = dir.join(format!("f{dpi}.png"));
        let svg = dir.join(format!("f{dpi}.svg"));
        for out in [&png, &svg] {
            let o = gradfield(&[
                "render",
                "--preset",
                "bowl",
                "--figsize",
                "4,3",
                "--dpi",
                dpi,
                "--out",
                out.to_str().unwrap(),
            ]);
            assert!(o.status.success(), "{}", stderr(&o));
        }
        let (w, h, _) = read_png(&png);
        let text = std::fs::read_to_string(&svg).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        assert_eq!(doc.root_element().attribute("width"), Some("4.0000in"));
        // The tick labels' type: 11 pt, that is 11/72 in, whatever the dpi.
        let sizes_px: Vec<f64> = texts(&doc).iter().map(|t| t.size).collect();
        let label = sizes_px.iter().cloned().fold(f64::INFINITY, f64::min);
        sizes.push((w, h, label / dpi.parse::<f64>().unwrap() * 72.0));
    }
    assert_eq!((sizes[0].0, sizes[0].1), (400, 300));
    assert_eq!((sizes[1].0, sizes[1].1), (800, 600));
    for (_, _, pt) in &sizes {
        assert!((pt - 11.0).abs() < 0.05, "tick labels are {pt} pt");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_print_theme_is_black_on_white_with_dark_contours() {
    let dir = temp("print");
    let (png, svg) = (dir.join("p.png"), dir.join("p.svg"));
    for out in [&png, &svg] {
        let o = gradfield(&[
            "render",
            "--preset",
            "bowl",
            "--theme",
            "print",
            "--size",
            "800x600",
            "--out",
            out.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (w, _, px) = read_png(&png);
    let at = |i: u32, j: u32| {
        let k = ((j * w + i) * 4) as usize;
        [px[k], px[k + 1], px[k + 2]]
    };
    assert_eq!(at(2, 2), [255, 255, 255], "white paper");
    // The title's darkest pixel is black type.
    let darkest = (0..w)
        .flat_map(|i| (5..40).map(move |j| (i, j)))
        .map(|(i, j)| at(i, j).iter().map(|&c| u32::from(c)).sum::<u32>())
        .min()
        .unwrap();
    assert!(darkest < 30, "the title is not black: {darkest}");
    let text = std::fs::read_to_string(&svg).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    assert!(
        texts(&doc).iter().all(|t| t.fill == "#000000"),
        "all type is black"
    );
    let contours = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("contours"))
        .expect("contours");
    let strokes: Vec<&str> = contours
        .descendants()
        .filter_map(|n| n.attribute("stroke"))
        .collect();
    assert!(strokes.contains(&"#0d0d0d"), "dark lines: {strokes:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_vector_contours_lie_on_the_shaders_contour_pixels() {
    use gradfield::render::*;
    let gpu = gpu_or_panic();
    let f = gradfield::expr::Function::parse("x^2 + 3*y^2 + sin(2*x)").unwrap();
    let view = gradfield::View::new(-3.0, 3.0, -2.0, 2.0).unwrap();
    let mut settings = RenderSettings {
        show_heatmap: false,
        levels: 10,
        ..RenderSettings::default()
    };
    settings.arrows.direction = ArrowDir::None;
    let text = FigureText {
        theme: overlay::Theme::Light,
        ui_scale: 1.0,
        ..FigureText::default()
    };
    let picture = Picture {
        function: &f,
        view,
        size: (800, 600),
        settings,
        coloring: Coloring::Heatmap,
        paths: &[],
        text,
    };
    let drawn = draw_document(&gpu, &picture, &mut |_, _| Ok(())).expect("the PNG's pixels");
    let svg = vector::figure_svg(&gpu, &picture, 100.0, &mut |_, _| Ok(())).expect("the SVG");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let contours = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("contours"))
        .expect("contours");
    // The dark line of each level (its halo is drawn first, in white).
    let mut vertices = Vec::new();
    for p in contours
        .descendants()
        .filter(|n| n.attribute("stroke") == Some("#0d0d0d"))
    {
        let d = p.attribute("d").unwrap();
        for pair in d.split(['M', 'L']).filter(|s| !s.trim().is_empty()) {
            let v: Vec<f64> = pair
                .split_whitespace()
                .map(|t| t.parse().unwrap())
                .collect();
            vertices.push((v[0], v[1]));
        }
    }
    assert!(vertices.len() > 500, "{} vertices", vertices.len());
    let w = drawn.size.0 as i64;
    let dark = |i: i64, j: i64| {
        let k = ((j * w + i) * 4) as usize;
        drawn.pixels[k..k + 3].iter().all(|&c| c < 170)
    };
    let off: Vec<(f64, f64)> = vertices
        .iter()
        .copied()
        .filter(|&(x, y)| {
            let (i, j) = (x.floor() as i64, y.floor() as i64);
            !(-1..=1).any(|di| (-1..=1).any(|dj| dark(i + di, j + dj)))
        })
        .collect();
    assert!(
        off.is_empty(),
        "{} of {} vertices lie more than a pixel from a contour pixel: {:?}",
        off.len(),
        vertices.len(),
        &off[..off.len().min(5)]
    );
}

fn gpu_or_panic() -> gradfield::gpu::Gpu {
    gradfield::gpu::Gpu::headless().unwrap_or_else(|e| {
        panic!(
            "GPU tests need an adapter: {e}\nOn a machine without a GPU install Mesa's software \
             Vulkan driver: sudo apt-get install mesa-vulkan-drivers"
        )
    })
}

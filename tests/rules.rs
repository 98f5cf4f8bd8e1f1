//! The axes' rules (frame, grid lines, tick marks): laid out by the overlay, drawn by the
//! renderer's rules pass into the PNG and written as rectangles into the SVG. Their geometry
//! (lines snapped to pixel edges, the frame outside the plot), the PNG and the SVG agreeing
//! on where each rule lies, and the egui fallback painting the same rectangles. The GPU is
//! lavapipe where there is none.

mod common_gpu;

use gradfield::render::overlay::{Rule, Theme};
use gradfield::render::rules;
use gradfield::render::*;

const GREY: egui::Color32 = egui::Color32::from_rgba_premultiplied(40, 40, 40, 160);

#[test]
fn a_line_lands_on_pixel_edges_and_keeps_its_width() {
    // A one-pixel vertical line centred at x = 100.3 covers the pixel [100, 101].
    let r = Rule::line([100.3, 10.0], [100.3, 90.0], 1.0, GREY);
    assert_eq!(r.rect, [100.0, 10.0, 101.0, 90.0]);
    // Horizontal, two pixels wide, centred on a pixel edge.
    let r = Rule::line([5.0, 40.0], [60.0, 40.0], 2.0, GREY);
    assert_eq!(r.rect, [5.0, 39.0, 60.0, 41.0]);
    // Ends given in either order.
    let r = Rule::line([60.0, 40.0], [5.0, 40.0], 2.0, GREY);
    assert_eq!(r.rect, [5.0, 39.0, 60.0, 41.0]);
    // A 1.5 px line keeps 1.5 px (its left edge on a pixel edge).
    let r = Rule::line([20.0, 0.0], [20.0, 9.0], 1.5, GREY);
    assert_eq!(r.rect[2] - r.rect[0], 1.5);
    assert_eq!(r.rect[0].fract(), 0.0);
}

#[test]
fn a_frame_lies_outside_its_rectangle() {
    let sides = Rule::frame_outside([10.0, 20.0, 110.0, 70.0], 2.0, GREY);
    let inside = |x: f32, y: f32| (10.0..110.0).contains(&x) && (20.0..70.0).contains(&y);
    for s in &sides {
        let [x0, y0, x1, y1] = s.rect;
        assert!(x1 > x0 && y1 > y0, "{s:?}");
        // No side covers a pixel of the rectangle.
        assert!(
            !inside(x0 + 0.5, y0 + 0.5) || !inside(x1 - 0.5, y1 - 0.5),
            "{s:?}"
        );
    }
    // Together they enclose it: the top side spans the corners.
    assert_eq!(sides[0].rect, [8.0, 18.0, 112.0, 20.0]);
    assert_eq!(sides[1].rect, [8.0, 70.0, 112.0, 72.0]);
}

#[test]
fn egui_fallback_paints_one_rectangle_per_drawable_rule() {
    let rules = [
        Rule::line([10.0, 0.0], [10.0, 50.0], 1.0, GREY),
        // Nothing to draw: empty, not finite, transparent.
        Rule {
            rect: [5.0, 5.0, 5.0, 9.0],
            color: GREY,
        },
        Rule {
            rect: [f32::NAN, 0.0, 1.0, 1.0],
            color: GREY,
        },
        Rule {
            rect: [0.0, 0.0, 4.0, 4.0],
            color: egui::Color32::TRANSPARENT,
        },
    ];
    let shapes = rules::shapes(&rules, 2.0);
    assert_eq!(shapes.len(), 1);
    match &shapes[0] {
        egui::Shape::Rect(r) => {
            // In points: pixels over the pixels per point.
            assert_eq!(r.rect.min, egui::pos2(5.0, 0.0));
            assert_eq!(r.rect.max, egui::pos2(5.5, 25.0));
            assert_eq!(r.fill, GREY);
        }
        other => panic!("not a rectangle: {other:?}"),
    }
}

/// A light-theme figure of a plane with no heatmap, contours or arrows: white inside the
/// plot but for the grid lines.
fn plain_picture(f: &gradfield::expr::Function) -> Picture<'_> {
    let mut settings = RenderSettings {
        show_heatmap: false,
        show_contours: false,
        ..RenderSettings::default()
    };
    settings.arrows.direction = ArrowDir::None;
    Picture {
        function: f,
        view: gradfield::View::new(-3.0, 3.0, -2.0, 2.0).unwrap(),
        size: (800, 600),
        settings,
        coloring: Coloring::Heatmap,
        paths: &[],
        text: FigureText {
            theme: Theme::Light,
            ui_scale: 1.0,
            ..FigureText::default()
        },
    }
}

#[test]
fn the_png_draws_every_rule_the_svg_writes_where_it_writes_it() {
    let gpu = common_gpu::gpu();
    let f = gradfield::expr::Function::parse("x + y").unwrap();
    let picture = plain_picture(&f);
    let drawn = draw_document(&gpu, &picture, &mut |_, _| Ok(())).expect("the PNG's pixels");
    let svg = vector::figure_svg(&gpu, &picture, 100.0, &mut |_, _| Ok(())).expect("the SVG");
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let group = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("rules"))
        .expect("a group of rules");
    let num = |n: &roxmltree::Node, a: &str| -> f32 { n.attribute(a).unwrap().parse().unwrap() };
    let rects: Vec<[f32; 4]> = group
        .children()
        .filter(|n| n.has_tag_name("rect"))
        .map(|n| {
            let (x, y) = (num(&n, "x"), num(&n, "y"));
            [x, y, x + num(&n, "width"), y + num(&n, "height")]
        })
        .collect();
    // The frame's four sides and, at this size, at least three grid lines each way.
    let tall = rects
        .iter()
        .filter(|r| r[3] - r[1] > 300.0 && r[2] - r[0] <= 2.0)
        .count();
    let wide = rects
        .iter()
        .filter(|r| r[2] - r[0] > 400.0 && r[3] - r[1] <= 2.0)
        .count();
    assert!(
        tall >= 5 && wide >= 5,
        "{tall} tall and {wide} wide rules: {rects:?}"
    );
    let w = drawn.size.0 as usize;
    let lum = |x: usize, y: usize| {
        let k = (y * w + x) * 4;
        drawn.pixels[k..k + 3]
            .iter()
            .map(|&c| u32::from(c))
            .sum::<u32>()
    };
    // Each long vertical rule is darker in the PNG at its column than 3 px beside it.
    for r in rects
        .iter()
        .filter(|r| r[3] - r[1] > 300.0 && r[2] - r[0] <= 2.0)
    {
        let (x, y) = (r[0].floor() as usize, ((r[1] + r[3]) / 2.0) as usize);
        let (on, beside) = (lum(x, y), lum(x + 4, y).max(lum(x.saturating_sub(4), y)));
        assert!(
            on + 60 < beside,
            "the rule at x = {} is not in the PNG: {on} against {beside}",
            r[0]
        );
    }
}

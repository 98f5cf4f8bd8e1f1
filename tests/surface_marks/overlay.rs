//! The 3D overlay painted with egui, without a GPU (a Context run as the explorer runs its
//! frame): labels land at their projections, none overlap, text grows with the scale, and
//! labels behind the eye are left out.

use egui::{Context, Event, RawInput, Rect};
use glam::DVec3;
use gradfield::render::layout::PlotRect;
use gradfield::render::overlay::Theme;
use gradfield::render::overlay3d::{axes3, measurer, paint_labels3, Overlay3, Placed3};
use gradfield::surface::build_axes::axes_marks;
use gradfield::surface::{Anchor3, Camera, Label3, Marks3};

use super::boxed;

const W: f32 = 800.0;
const H: f32 = 600.0;

/// Paints `marks` in one egui frame; the placed labels and the texts egui was asked to draw
/// (text, its top-left in pixels).
fn paint(marks: &Marks3, cam: &Camera, scale: f32) -> (Vec<Placed3>, Vec<(String, [f32; 2])>) {
    let (_, frame) = boxed(2.0, 0.0, 8.0);
    let ctx = Context::default();
    let raw = RawInput {
        screen_rect: Some(Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(W, H))),
        events: Vec::<Event>::new(),
        ..Default::default()
    };
    let mut placed = Vec::new();
    let mut run = |raw: RawInput| {
        ctx.run_ui(raw, |ui| {
            // The fonts' measure agrees with what is painted: "−2" is wider than "0".
            let mut measure = measurer(ui.painter(), scale);
            let ([wide, high], [narrow, _]) = (measure("−2"), measure("0"));
            assert!(wide > narrow && narrow > 0.0 && high > 0.0);
            let input = Overlay3 {
                marks,
                camera: cam,
                frame: &frame,
                rect: PlotRect {
                    x: 0.0,
                    y: 0.0,
                    w: W,
                    h: H,
                },
                scale,
                theme: Theme::Dark,
            };
            placed = paint_labels3(ui.painter(), &input);
        })
    };
    // The first frame loads the fonts; the second paints with them.
    run(raw.clone()).textures_delta.clear();
    let mut out = run(raw);
    out.textures_delta.clear();
    let texts = out
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) => Some((t.galley.text().to_owned(), [t.pos.x, t.pos.y])),
            _ => None,
        })
        .collect();
    (placed, texts)
}

fn axis_marks(cam: &Camera) -> Marks3 {
    let (map, frame) = boxed(2.0, 0.0, 8.0);
    let names = ["x".into(), "y".into(), "f(x, y)".into()];
    let axes = axes3(&map, cam, &frame, 1.0, names, &mut |t| {
        [9.0 * t.chars().count() as f32, 18.0]
    });
    let style = gradfield::render::overlay3d::style3(Theme::Dark, 1.0);
    axes_marks(&map, cam, &frame, &axes, &style)
}

#[test]
fn labels_land_beside_their_projections_and_do_not_overlap() {
    for cam in [
        Camera::default(),
        Camera::looking_from(120.0, 25.0),
        Camera::looking_from(-20.0, 60.0),
    ] {
        let marks = axis_marks(&cam);
        let (placed, texts) = paint(&marks, &cam, 1.0);
        assert!(placed.len() >= 8, "{cam:?}: {} labels", placed.len());
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!a.rect.overlaps(&b.rect), "{a:?} overlaps {b:?}");
            }
            // Outward: the box sits beyond its anchor, away from the box's centre, and close.
            let (cx, cy) = (a.rect.x + a.rect.w / 2.0, a.rect.y + a.rect.h / 2.0);
            let [ax, ay] = a.anchor_px;
            assert!(a.anchor == Anchor3::Outward || a.text == "f(x, y)", "{a:?}");
            let reach = (cx - ax).hypot(cy - ay);
            assert!(reach < a.rect.w.max(a.rect.h), "{a:?}");
            // egui drew the text inside the label's box.
            let r = a.rect;
            let inside = |p: &[f32; 2]| {
                (r.x - 0.5..=r.x + r.w).contains(&p[0]) && (r.y - 0.5..=r.y + r.h).contains(&p[1])
            };
            let drawn = texts.iter().any(|(t, at)| *t == a.text && inside(at));
            assert!(drawn, "{a:?} not painted in its box: {texts:?}");
        }
        assert_eq!(texts.len(), placed.len());
    }
}

#[test]
fn centred_and_raised_labels_sit_on_their_point_and_overlaps_are_thinned() {
    let cam = Camera::default();
    let (_, frame) = boxed(2.0, 0.0, 8.0);
    let label = |at: DVec3, text: &str, anchor| Label3 {
        at,
        text: text.into(),
        color: [255, 200, 0, 255],
        anchor,
    };
    let eye = cam.eye(&frame);
    let marks = Marks3 {
        labels: vec![
            label(DVec3::new(0.0, 0.0, 0.4), "centre", Anchor3::Center),
            label(DVec3::new(0.0, 0.0, 0.4), "covered", Anchor3::Center),
            label(DVec3::new(0.5, -0.5, 0.2), "∂f/∂x = 1.100", Anchor3::Above),
            label(
                eye + (eye - frame.center),
                "behind the eye",
                Anchor3::Center,
            ),
        ],
        ..Default::default()
    };
    let (placed, texts) = paint(&marks, &cam, 1.0);
    let names: Vec<&str> = placed.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(names, ["centre", "∂f/∂x = 1.100"]);
    assert_eq!(texts.len(), 2);
    let want = cam.project(&frame, DVec3::new(0.0, 0.0, 0.4)).unwrap().0;
    let c = &placed[0].rect;
    assert!(
        (c.x + c.w / 2.0 - want.x as f32).abs() < 0.5
            && (c.y + c.h / 2.0 - want.y as f32).abs() < 0.5
    );
    let above = &placed[1];
    assert!(
        above.rect.y + above.rect.h < above.anchor_px[1],
        "above its point"
    );
    assert!((above.rect.x + above.rect.w / 2.0 - above.anchor_px[0]).abs() < 0.5);
    // Twice the scale, twice the type.
    let (big, _) = paint(&marks, &cam, 2.0);
    let ratio = big[0].rect.h / placed[0].rect.h;
    assert!((ratio - 2.0).abs() < 0.15, "{ratio}");
}

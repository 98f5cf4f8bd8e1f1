//! The step-size stability map (lavapipe where there is no GPU): in the explorer the boundary
//! η = 2/λmax sits where the Hessian puts it and moves with η; `render --stability` says how
//! much of the view is stable; the lesson preset's saddle draws Newton's method in one step.

mod common;
mod common_gpu;

use common::gradfield;
use gradfield::app::maps::ColorBy;
use gradfield::app::maps_gpu::MapRunner;
use gradfield::app::ExplorerState;
use gradfield::curvature::{Curvature, Kind};
use gradfield::descent::{Hyper, Optimizer, Path};
use gradfield::expr::Function;
use gradfield::gpu::Gpu;
use gradfield::render::{Layout, Renderer, OFFSCREEN_FORMAT};
use gradfield::View;

const SIZE: (u32, u32) = (480, 360);

fn layout() -> Layout {
    common_gpu::figure::layout(SIZE)
}

fn plot_pixels(gpu: &Gpu, r: &mut Renderer, view: &View) -> Vec<[u8; 4]> {
    common_gpu::figure::plot_pixels(gpu, r, view, SIZE)
}

/// Warm (orange, unstable) or cool (teal, stable) along a row a third of the way down the
/// plot (clear of the grid line at y = 0), by column.
fn row_sides(pixels: &[[u8; 4]], w: u32, h: u32) -> Vec<Option<bool>> {
    let j = h / 3 + 2;
    let row = &pixels[(j * w) as usize..((j + 1) * w) as usize];
    row.iter()
        .map(|p| {
            let (r, b) = (i32::from(p[0]), i32::from(p[2]));
            if r > b + 60 {
                Some(false)
            } else if b > r + 40 {
                Some(true)
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn the_boundary_sits_at_two_over_lambda_max_and_moves_with_eta() {
    let gpu = common_gpu::gpu();
    // ∇²f = diag(x², 2): 2/λmax = min(1, 2/x²), so η is stable where |x| < √(2/η).
    let f = Function::parse("x^4/12 + y^2").unwrap();
    let view = View::new(-4.0, 4.0, -3.0, 3.0).unwrap();
    let mut s = ExplorerState::new(f, view);
    let p = layout().plot;
    s.set_canvas(f64::from(p.w), f64::from(p.h));
    s.set_color_by(ColorBy::Stability);
    let shown = s.shown_view();
    let mut runner = MapRunner::default();
    let mut r = Renderer::new(&gpu, OFFSCREEN_FORMAT, &s.doc.function).unwrap();
    let column = |x: f64| ((x - shown.x0) / shown.width() * f64::from(p.w)) as usize;
    for (lr, edge) in [(0.5, 2.0), (0.25, 8f64.sqrt())] {
        s.doc.hyper.lr = lr;
        runner.before_frame(&gpu, &mut r, &mut s, 0.016);
        assert!(s.messages.status.is_none(), "{:?}", s.messages.status);
        let sides = row_sides(&plot_pixels(&gpu, &mut r, &shown), p.w, p.h);
        let at = |x: f64| sides[column(x)];
        assert_eq!(at(0.0), Some(true), "η = {lr}: stable at x = 0");
        assert_eq!(
            at(edge - 0.3),
            Some(true),
            "η = {lr}: stable inside the edge"
        );
        assert_eq!(
            at(edge + 0.3),
            Some(false),
            "η = {lr}: overshoots outside it"
        );
        assert_eq!(at(-edge - 0.3), Some(false), "η = {lr}: on the left too");
        // The dark boundary line is within a few pixels of x = edge.
        let line = (column(edge) - 4..column(edge) + 4).any(|c| is_dark(&sides, c));
        assert!(line, "η = {lr}: no boundary near x = {edge}");
    }
    // A function typed into the box: the map keeps the old one until the text has stood for
    // a moment, then shows the new function's (here stable everywhere at η = 0.25).
    s.set_text("x^2 + y^2");
    runner.before_frame(&gpu, &mut r, &mut s, 0.016);
    let sides = row_sides(&plot_pixels(&gpu, &mut r, &shown), p.w, p.h);
    assert_eq!(sides[column(3.5)], Some(false), "the old map while typing");
    s.tick(0.5);
    runner.before_frame(&gpu, &mut r, &mut s, 0.016);
    let sides = row_sides(&plot_pixels(&gpu, &mut r, &shown), p.w, p.h);
    assert_eq!(
        sides[column(3.5)],
        Some(true),
        "the new function's map once settled"
    );
    s.set_color_by(ColorBy::Heatmap);
    runner.before_frame(&gpu, &mut r, &mut s, 0.016);
    let sides = row_sides(&plot_pixels(&gpu, &mut r, &shown), p.w, p.h);
    assert!(
        sides.iter().filter(|s| **s == Some(false)).count() < sides.len() / 4,
        "back to the heatmap"
    );
}

/// The boundary is dark: neither warm nor cool.
fn is_dark(sides: &[Option<bool>], c: usize) -> bool {
    sides.get(c).is_some_and(|s| s.is_none())
}

#[test]
fn render_says_how_much_of_the_view_is_stable() {
    let dir = std::env::temp_dir().join(format!("gradfield-stability-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("s.png");
    for (lr, want) in [
        ("0.08", "stable on 100% of the view"),
        ("0.12", "overshoots on 100%"),
    ] {
        let run = gradfield(&[
            "render",
            "x^2 + 10*y^2",
            "--stability",
            "--lr",
            lr,
            "--size",
            "320x240",
            "--out",
            out.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{err}");
        assert!(
            err.contains(want) && err.contains("smallest 2/λmax 0.1"),
            "{err}"
        );
        assert!(out.exists());
    }
    let bad = gradfield(&[
        "render",
        "x^2",
        "--stability",
        "--gradient-check",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn newton_on_the_lesson_saddle_lands_on_it_in_one_step() {
    let preset = gradfield::presets::find("lesson").unwrap();
    let f = Function::parse(preset.expr).unwrap();
    let mut grad = f.tape_with_hessian();
    let start = (preset.start[0], preset.start[1]);
    let mut p = Path::new(start, Optimizer::Newton, Hyper::new(1.0), &mut grad);
    p.run(&mut grad, 1, 0.0);
    let at = p.current();
    assert!(
        at.x.abs() < 1e-12 && at.y.abs() < 1e-12,
        "({}, {})",
        at.x,
        at.y
    );
    let h = f.hessian_at(0.0, 0.0);
    let c = Curvature::of([h[3].unwrap(), h[4].unwrap(), h[5].unwrap()]).unwrap();
    assert_eq!(c.kind, Kind::Saddle);
    assert_eq!(c.eigenvalues, [5.0, -1.0]);
    let mut gd = Path::new(start, Optimizer::Gd, Hyper::new(preset.lr), &mut grad);
    gd.run(&mut grad, 100, 0.0);
    assert!(
        gd.current().x.hypot(gd.current().y) > start.0.hypot(start.1),
        "gd runs away"
    );
}

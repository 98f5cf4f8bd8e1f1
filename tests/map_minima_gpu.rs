//! Maps say what they show, on a real GPU (lavapipe where there is none): the explorer's
//! basin map finds Himmelblau's four minima and, while a map is computed, names the η it is
//! computed for; `render`'s basin figure finds the same minima, draws a white ring at each,
//! and colours each basin as its minimum's legend colour says. Before this neither the explorer nor the figure marked any minimum.

mod common_gpu;

mod common;

use gradfield::app::maps::ColorBy;
use gradfield::app::maps_gpu::MapRunner;
use gradfield::app::ExplorerState;
use gradfield::expr::Function;
use gradfield::gpu::converge::ConvergeSettings;
use gradfield::render::basin::MapMode;
use gradfield::render::layout::FigureLayout;
use gradfield::render::{
    draw_document, Coloring, FigureText, Finding, Picture, RenderSettings, Renderer,
    OFFSCREEN_FORMAT,
};
use gradfield::View;
use std::time::Duration;

use common::{HIMMELBLAU, HIMMELBLAU_MINIMA as MINIMA};

/// Each found minimum is within `tol` of a different exact one, and all four are found.
#[track_caller]
fn four_minima(found: &[[f64; 2]], tol: f64) {
    assert_eq!(found.len(), 4, "{found:?}");
    let mut hit = [false; 4];
    for at in found {
        let (i, d) = MINIMA
            .iter()
            .enumerate()
            .map(|(i, m)| (i, (m[0] - at[0]).hypot(m[1] - at[1])))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .unwrap();
        assert!(d < tol, "{at:?} is {d} from {:?}", MINIMA[i]);
        hit[i] = true;
    }
    assert_eq!(hit, [true; 4], "{found:?}");
}

// The map runs in f32 to |∇f| ≤ 1e-3: with the Hessian's smallest eigenvalue ≥ 20 at these
// minima an end point lies within 5e-5 of its minimum; f32 coordinates near 4 add 5e-7.
const MAP_TOL: f64 = 1e-4;

#[test]
fn the_explorers_basin_map_finds_and_names_himmelblaus_minima() {
    let gpu = common_gpu::gpu();
    let f = Function::parse(HIMMELBLAU).unwrap();
    let mut s = ExplorerState::new(f, View::new(-5.0, 5.0, -5.0, 5.0).unwrap());
    s.set_canvas(320.0, 320.0);
    s.set_color_by(ColorBy::Map(MapMode::Basin));
    s.set_map_divisor(2).unwrap();
    s.doc.hyper.lr = 0.01;
    s.doc.max_steps = 3000;
    s.doc.tol = 1e-3;
    // One chunk a frame: the frames are the same on any GPU, however fast.
    let mut runner = MapRunner::with_budget(Duration::ZERO);
    let mut r = Renderer::new(&gpu, OFFSCREEN_FORMAT, &s.doc.function).unwrap();
    let mut computing_frames = 0;
    for _ in 0..10_000 {
        runner.before_frame(&gpu, &mut r, &mut s, 0.016);
        let st = &s.map_status;
        if st.progress.1 > 0 {
            // A map is in progress: the legend names its η, not the shown map's shares.
            computing_frames += 1;
            assert_eq!(st.computing_lr, Some(0.01));
            let sub = s.map_subtitle().unwrap();
            assert!(sub.contains("computing for η = 0.01…"), "{sub}");
            assert!(!sub.contains('%'), "{sub}");
        } else {
            assert_eq!(st.computing_lr, None);
        }
        if !s.map_schedule.busy() {
            break;
        }
    }
    assert!(!s.map_schedule.busy(), "the map never finished");
    // 3000 steps are 47 chunks, one a frame, and the runner looks for an early end only
    // every 8 chunks, so the map is seen in progress for at least 7 frames.
    assert!(
        computing_frames >= 7,
        "the map was seen in progress in only {computing_frames} frames"
    );
    let found: Vec<[f64; 2]> = s.map_status.minima.iter().map(|m| m.at).collect();
    four_minima(&found, MAP_TOL);
    let legend = s.map_legend();
    let listed = legend.iter().filter(|l| l.starts_with("minimum (")).count();
    assert_eq!(listed, 4, "{legend:#?}");
    assert!(
        s.map_subtitle().unwrap().contains('%'),
        "finished: the shares again"
    );
}

#[test]
fn a_basin_figure_marks_the_minima_it_found() {
    let gpu = common_gpu::gpu();
    let f = Function::parse(HIMMELBLAU).unwrap();
    let view = View::new(-5.0, 5.0, -5.0, 5.0).unwrap();
    let size = (400, 400);
    let settings = ConvergeSettings {
        optimizer: gradfield::descent::Optimizer::Gd,
        hyper: gradfield::descent::Hyper::new(0.01),
        steps: 1000,
        tol: 1e-3,
    };
    let picture = Picture {
        function: &f,
        view,
        size,
        // Without arrows, which may cross a ring.
        settings: RenderSettings {
            arrows: gradfield::render::ArrowSettings {
                direction: gradfield::render::ArrowDir::None,
                ..RenderSettings::default().arrows
            },
            ..RenderSettings::default()
        },
        coloring: Coloring::ConvergeMap {
            mode: MapMode::Basin,
            settings,
        },
        paths: &[],
        text: FigureText {
            ui_scale: 1.0,
            ..FigureText::default()
        },
    };
    let drawn = draw_document(&gpu, &picture, &mut |_, _| Ok(())).expect("draws");
    let Finding::ConvergeMap(_, minima) = &drawn.finding else {
        panic!("a map finding: {:?}", drawn.finding);
    };
    let found: Vec<[f64; 2]> = minima.iter().map(|m| m.at).collect();
    four_minima(&found, MAP_TOL);
    // A white ring with a dark centre is drawn at each minimum: look for white pixels within
    // 6 px of it, which the basin colours (saturation 0.8) never are and the label (placed
    // up-right of the ring) does not reach.
    let fig = FigureLayout::for_figure(size.0, size.1, 1.0, true);
    let plot = fig.plot;
    let pixel = |x: f32, y: f32| {
        let i = 4 * (y.round() as usize * size.0 as usize + x.round() as usize);
        &drawn.pixels[i..i + 3]
    };
    for m in minima {
        let (px, py) = view.to_pixel(m.at[0], m.at[1], plot.w as f64, plot.h as f64);
        let (cx, cy) = (plot.x + px as f32, plot.y + py as f32);
        let mut white = 0;
        for dy in -6..=6 {
            for dx in -6..=6 {
                let p = pixel(cx + dx as f32, cy + dy as f32);
                white += usize::from(dx * dx + dy * dy <= 36 && p.iter().all(|&c| c > 225));
            }
        }
        // The ring's white core is about 2.5 px wide at radius 2.3 … 5: some 50 pixels.
        assert!(white >= 25, "no ring at {:?}: {white} white pixels", m.at);
        // Around the ring (below and left of it, away from the label) the map shows the
        // colour the legend gives this minimum (contour lines may cross one of the points).
        let same = [(-11.0, 11.0), (11.0, 11.0), (-13.0, 0.0), (0.0, 13.0)]
            .iter()
            .filter(|(dx, dy)| {
                let p = pixel(cx + dx, cy + dy);
                p.iter().zip(m.color).all(|(&a, b)| a.abs_diff(b) <= 3)
            })
            .count();
        assert!(
            same >= 2,
            "{:?}: the map is not {:?} around it",
            m.at,
            m.color
        );
    }
}

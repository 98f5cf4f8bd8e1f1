//! Maps say what they show (issue 13): the basin map finds its minima and names them in its
//! legend, the legend of a map being computed names the η it is computed for, and `render`
//! figures mark the minima. Positions are compared with Himmelblau's four exact minima.
//! Before this the legend only described hues, and a recomputing map's subtitle gave the old
//! map's percentages.

mod common;

use gradfield::app::maps::ColorBy;
use gradfield::app::ExplorerState;
use gradfield::descent::readout::number;
use gradfield::descent::{Hyper, Optimizer, Path};
use gradfield::expr::Function;
use gradfield::render::basin::MapMode;
use gradfield::render::basin_minima::{basin_color, find_minima};
use gradfield::View;

use common::{HIMMELBLAU, HIMMELBLAU_MINIMA as MINIMA};

/// The exact minimum nearest to `at`, and the distance.
fn nearest(at: [f64; 2]) -> ([f64; 2], f64) {
    MINIMA
        .iter()
        .map(|m| (*m, (m[0] - at[0]).hypot(m[1] - at[1])))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap()
}

#[test]
fn the_minima_of_descent_end_points_are_himmelblaus_four() {
    // End points of CPU descent from a 40×40 grid of starts, as a map's results would be.
    let f = Function::parse(HIMMELBLAU).unwrap();
    let view = View::new(-5.0, 5.0, -5.0, 5.0).unwrap();
    let mut results = Vec::new();
    for j in 0..40 {
        for i in 0..40 {
            let start = (
                -5.0 + (i as f64 + 0.5) * 0.25,
                5.0 - (j as f64 + 0.5) * 0.25,
            );
            let mut p = Path::new(start, Optimizer::Gd, Hyper::new(0.01), &mut f.tape());
            p.run(&mut f.tape(), 2000, 1e-4);
            let c = p.current();
            let step = if p.status.to_string().starts_with("converged") {
                p.iterations() as f32
            } else {
                -1.0
            };
            results.push([c.x as f32, c.y as f32, step]);
        }
    }
    let minima = find_minima(&results, &view, (40, 40));
    assert_eq!(minima.len(), 4, "{minima:?}");
    let mut found = Vec::new();
    for m in &minima {
        let (exact, d) = nearest(m.at);
        // |∇f| ≤ 1e-4 with the Hessian's smallest eigenvalue ≥ 20 at these minima puts each
        // end point within 5e-6 of its minimum; f32 end points add 3e-7.
        assert!(d < 1e-5, "{:?} is {d} from {exact:?}", m.at);
        assert!(m.share > 0.1, "each basin holds a good share: {m:?}");
        assert_eq!(m.color, basin_color(m.at, &view));
        found.push(exact);
    }
    found.sort_by(|a, b| a[0].total_cmp(&b[0]));
    found.dedup();
    assert_eq!(found.len(), 4, "four different minima");
    let total: f64 = minima.iter().map(|m| m.share).sum();
    assert!(total <= 1.0 + 1e-12);
}

fn basin_state() -> ExplorerState {
    let f = Function::parse(HIMMELBLAU).unwrap();
    let mut s = ExplorerState::new(f, View::new(-5.0, 5.0, -5.0, 5.0).unwrap());
    s.set_canvas(400.0, 400.0);
    s.set_color_by(ColorBy::Map(MapMode::Basin));
    s.doc.hyper.lr = 0.01;
    s
}

#[test]
fn a_recomputing_map_says_what_it_computes_not_the_old_shares() {
    let mut s = basin_state();
    // A map for η = 0.01 is shown ...
    s.map_status.starts = 200;
    s.map_status.converged = 150;
    s.map_status.diverged = 30;
    assert!(s.map_subtitle().unwrap().contains("75.0% converged"));
    // ... and one for η = 0.02 is being computed.
    s.doc.hyper.lr = 0.02;
    s.map_status.computing_lr = Some(0.02);
    s.map_status.progress = (3, 40);
    let sub = s.map_subtitle().unwrap();
    assert!(sub.contains("computing for η = 0.02…"), "{sub}");
    assert!(!sub.contains('%'), "no shares of the old map: {sub}");
}

#[test]
fn the_basin_legend_lists_the_minima_found() {
    let mut s = basin_state();
    let view = s.shown_view();
    let results: Vec<[f32; 3]> = (0..400)
        .map(|i| {
            let m = MINIMA[i % 4];
            [m[0] as f32, m[1] as f32, 50.0]
        })
        .collect();
    s.map_status.starts = results.len();
    s.map_status.converged = results.len();
    s.map_status.minima = find_minima(&results, &view, (20, 20));
    let legend = s.map_legend();
    for m in MINIMA {
        let line = format!("minimum ({}, ", number(m[0]));
        assert!(
            legend
                .iter()
                .any(|l| l.starts_with(&line) && l.ends_with("25% of starts")),
            "{line} in {legend:#?}"
        );
    }
    assert!(legend.iter().any(|l| l.contains("magenta hatch: diverged")));
    assert!(legend.iter().any(|l| l.contains("greyed: still moving")));
}

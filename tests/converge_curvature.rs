//! The GPU convergence map with Newton's method, learning-rate schedules and the Armijo line
//! search, against the CPU paths from the same f32-rounded starts, and the stability boundary
//! η = 2/λmax on an elongated bowl (tolerances as in `converge.rs`: f32 against f64 on
//! contracting runs).

mod common_gpu;

use common_gpu::figure::cpu_map;
use common_gpu::gpu;
use gradfield::descent::{Hyper, LineSearch, Optimizer, Schedule};
use gradfield::expr::Function;
use gradfield::gpu::converge::{converge_map, ConvergeSettings};
use gradfield::View;

const W: u32 = 16;
const H: u32 = 12;

fn settings(optimizer: Optimizer, hyper: Hyper, steps: u32) -> ConvergeSettings {
    ConvergeSettings {
        optimizer,
        hyper,
        steps,
        tol: 1e-4,
    }
}

#[test]
fn newton_schedules_and_line_search_match_the_cpu_paths() {
    let gpu = gpu();
    let f = Function::parse("x^2 + 2*y^2 + 0.5*x*y + 0.1*x^4").unwrap();
    let v = View::new(-3.0, 2.0, -1.5, 2.5).unwrap();
    let with = |lr: f64, schedule: Schedule, line_search: LineSearch| Hyper {
        schedule,
        line_search,
        ..Hyper::new(lr)
    };
    let cases = [
        (
            Optimizer::Newton,
            with(1.0, Schedule::Const, LineSearch::None),
        ),
        (
            Optimizer::Newton,
            with(1.0, Schedule::Const, LineSearch::Armijo),
        ),
        (
            Optimizer::Newton,
            with(0.8, Schedule::Exp { gamma: 0.98 }, LineSearch::None),
        ),
        (
            Optimizer::Gd,
            with(2.0, Schedule::Const, LineSearch::Armijo),
        ),
        (
            Optimizer::Gd,
            with(
                0.1,
                Schedule::Step {
                    every: 10,
                    gamma: 0.5,
                },
                LineSearch::None,
            ),
        ),
        (
            Optimizer::Momentum,
            with(0.05, Schedule::Inv { decay: 0.05 }, LineSearch::None),
        ),
        (
            Optimizer::Adam,
            with(0.1, Schedule::Cosine { steps: 80 }, LineSearch::None),
        ),
    ];
    for (optimizer, hyper) in cases {
        let s = settings(optimizer, hyper, 100);
        let got = converge_map(&gpu, &f, &v, (W, H), &s).unwrap();
        let want = cpu_map(&f, &v, &s, (W, H));
        for (k, (g, c)) in got.iter().zip(&want).enumerate() {
            let at = format!(
                "{optimizer} {} {:?}, start {k}: gpu {g:?} cpu {c:?}",
                hyper.schedule, hyper.line_search
            );
            assert!(!c[0].is_nan(), "{at}: the CPU path stopped");
            assert!(!g[0].is_nan(), "{at}");
            for a in 0..2 {
                let rel = (f64::from(g[a]) - c[a]).abs() / c[a].abs().max(1.0);
                assert!(rel <= 1e-4, "{at}");
            }
        }
    }
}

#[test]
fn the_map_changes_from_converging_to_diverging_at_two_over_lambda_max() {
    let gpu = gpu();
    let f = Function::parse("x^2 + 10*y^2").unwrap();
    let v = View::new(-2.0, 2.0, -1.0, 1.0).unwrap();
    for (lr, converges) in [(0.098, true), (0.102, false)] {
        let s = settings(Optimizer::Gd, Hyper::new(lr), 1000);
        let map = converge_map(&gpu, &f, &v, (W, H), &s).unwrap();
        let converged = map.iter().filter(|m| m[2] >= 0.0).count();
        let diverged = map.iter().filter(|m| m[0].is_nan()).count();
        if converges {
            assert_eq!(converged, map.len(), "η = {lr} < 0.1 converges everywhere");
        } else {
            assert_eq!(diverged, map.len(), "η = {lr} > 0.1 diverges everywhere");
        }
    }
    // Newton stops on a plane (singular Hessian) instead of drawing NaN.
    let plane = Function::parse("x + 2*y").unwrap();
    let s = settings(Optimizer::Newton, Hyper::new(1.0), 10);
    let map = converge_map(&gpu, &plane, &v, (W, H), &s).unwrap();
    assert!(map.iter().all(|m| m[0].is_nan()), "every start stops");
}

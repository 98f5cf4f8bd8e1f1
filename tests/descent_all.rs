//! Descent in all variables: on a function of two variables it is exactly the plane's path
//! (every optimizer, bit for bit); on three it walks to the minimum in every coordinate;
//! in the explorer the held slider follows the selected path and the drawn path is the full
//! path's shadow on the axes.

use gradfield::app::ExplorerState;
use gradfield::descent::{FullPath, Hyper, Optimizer, Path, Status};
use gradfield::expr::{FullGradient, Function};
use gradfield::View;

#[test]
fn with_two_variables_every_optimizer_gives_the_planes_path_bit_for_bit() {
    let f = Function::parse("x^2 + 3y^2 + x y - sin(x)").unwrap();
    for opt in Optimizer::ALL {
        for ascent in [false, true] {
            let hyper = Hyper {
                ascent,
                schedule: gradfield::descent::Schedule::Exp { gamma: 0.995 },
                ..Hyper::new(0.05)
            };
            let mut tape = f.tape();
            let mut plane = Path::new((1.5, -0.75), opt, hyper, &mut tape);
            plane.run(&mut tape, 200, 1e-9);
            let mut grad = FullGradient::new(&f);
            let mut full = FullPath::new(&[1.5, -0.75], opt, hyper, &mut grad);
            full.run(&mut grad, 200, 1e-9);
            if opt == Optimizer::Newton {
                // Newton's method needs ∇²f in every variable: it stops at once, saying so.
                assert_eq!(full.points.len(), 1);
                assert!(full
                    .status
                    .to_string()
                    .starts_with("stopped at step 1: ∇²f"));
                continue;
            }
            assert_eq!(
                plane.points.len(),
                full.points.len(),
                "{opt:?} ascent {ascent}"
            );
            for (p, q) in plane.points.iter().zip(&full.points) {
                assert_eq!([p.x, p.y], [q.theta[0], q.theta[1]], "{opt:?}");
                assert_eq!(
                    [p.f, p.dfdx, p.dfdy],
                    [q.f, q.grad[0], q.grad[1]],
                    "{opt:?}"
                );
            }
            assert_eq!(plane.status, full.status, "{opt:?}");
        }
    }
}

#[test]
fn with_three_variables_descent_reaches_the_minimum_in_every_coordinate() {
    let f = Function::parse("f(x, y, z) = (x - 1)^2 + 2(y + 1)^2 + 3(z - 2)^2").unwrap();
    let mut grad = FullGradient::new(&f);
    for opt in [Optimizer::Gd, Optimizer::Momentum, Optimizer::Adam] {
        let mut p = FullPath::new(&[3.0, 2.0, -1.0], opt, Hyper::new(0.05), &mut grad);
        p.run(&mut grad, 20_000, 1e-8);
        assert!(
            matches!(p.status, Status::Converged { .. }),
            "{opt:?}: {:?}",
            p.status
        );
        let t = &p.current().unwrap().theta;
        for (got, want) in t.iter().zip([1.0, -1.0, 2.0]) {
            assert!((got - want).abs() < 1e-6, "{opt:?}: {t:?}");
        }
    }
    // A start outside the domain is undefined, not a panic.
    let g = Function::parse("f(x, y, z) = sqrt(z) + x").unwrap();
    let mut grad = FullGradient::new(&g);
    let p = FullPath::new(&[0.0, 0.0, -1.0], Optimizer::Gd, Hyper::new(0.1), &mut grad);
    assert!(matches!(p.status, Status::Undefined { .. }));
}

#[test]
fn in_the_explorer_the_held_slider_follows_the_selected_path() {
    let f = Function::parse("f(x, y, z) = x^2 + y^2 + (z - 2)^2 + x z").unwrap();
    let mut s = ExplorerState::new(f.clone(), View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(400.0, 300.0);
    s.doc.hyper = Hyper::new(0.1);
    assert!(s.set_symbol("z", 0.5));
    s.add_path_at(1.0, 1.0);
    // Off: the path stays on the plane z = 0.5 and z does not move.
    for _ in 0..10 {
        s.step_paths();
    }
    assert_eq!(s.doc.function.value_of("z"), Some(0.5));
    assert!(s.path_label(0).contains("(z held)"), "{}", s.path_label(0));
    s.set_descend_all(true);
    for _ in 0..30 {
        s.step_paths();
    }
    // The same run on the CPU from (1, 1, 0.5).
    let mut with_z = f.clone();
    with_z.set_value("z", 0.5);
    let mut grad = FullGradient::new(&with_z);
    let mut want = FullPath::new(&[1.0, 1.0, 0.5], s.doc.optimizer, s.doc.hyper, &mut grad);
    for _ in 0..30 {
        want.step(&mut grad, s.doc.tol);
    }
    let w = want.current().unwrap();
    let drawn = s.running.paths[0].path.current();
    assert_eq!([drawn.x, drawn.y], [w.theta[0], w.theta[1]]);
    assert_eq!(
        s.doc.function.value_of("z"),
        Some(w.theta[2]),
        "the slider follows"
    );
    assert_ne!(w.theta[2], 0.5);
    let gauge = s.out_of_plane(0);
    assert_eq!(gauge.len(), 1);
    assert_eq!(gauge[0].0, "z");
    assert_eq!(gauge[0].1, w.grad[2]);
    assert!(s.path_label(0).contains("∂f/∂z"), "{}", s.path_label(0));
}

/// Reproduces "descending in all variables draws no path": the panel's slider snapped the
/// value a path had set to the slider's step every frame, which counted as a slider move and
/// restarted the paths. Drawing the panel must leave a value it did not edit alone.
#[test]
fn drawing_the_panel_leaves_the_held_value_a_path_set() {
    let f = Function::parse("f(x, y, z) = x^2 + y^2 + (z - 2)^2 + x z").unwrap();
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(400.0, 300.0);
    s.add_path_at(2.5, 2.0);
    s.set_descend_all(true);
    let ctx = egui::Context::default();
    for _ in 0..12 {
        s.step_paths();
        let raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1280.0, 800.0),
            )),
            ..Default::default()
        };
        let mut out = gradfield::app::ui_frame(&ctx, raw, &mut s);
        // No renderer takes the font atlas here.
        out.textures_delta.clear();
    }
    assert_eq!(
        s.running.paths[0].path.iterations(),
        12,
        "the paths kept walking"
    );
    let z = s.doc.function.value_of("z").unwrap();
    assert!(
        ((z / 0.05).round() * 0.05 - z).abs() > 1e-9,
        "z = {z} is off the step grid"
    );
}

/// The hover read-out of a function with a held variable gives every component of ∇f and
/// the length of the whole gradient: ∇ of 2x − 3y + 5z is (2, −3, 5), |∇f| = √38.
#[test]
fn the_read_out_has_the_held_variables_partials() {
    let f = Function::parse("f(x, y, z) = 2x - 3y + 5z").unwrap();
    let s = ExplorerState::new(f.clone(), View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    let (x, y) = (1.25, -0.5);
    let r = gradfield::app::Readout {
        x,
        y,
        value: f.eval(x, y),
        f: f.eval(x, y).map(|v| v[0]),
    };
    let lines = s.readout_lines(&r);
    assert!(lines.contains(&"∂f/∂z = 5.0000".to_string()), "{lines:?}");
    assert!(lines.contains(&"|∇f| = 6.1644".to_string()), "{lines:?}");
    assert_eq!(lines.last().map(String::as_str), Some("held: z = 1"));
}

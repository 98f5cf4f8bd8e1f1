//! The step read-out (issue 13, "one step of descent, in numbers"): the numbers a path keeps
//! of its last step are the ones its optimizer used. For every optimizer the printed θₖ₊₁ is
//! the path's next iterate, ∇f(θₖ) is the reference evaluator's gradient, and the velocity
//! and running averages agree with an independent recurrence over the reference gradients.
//! Before `Path::last_step` the optimizer's state was private and nothing could be shown.

use gradfield::descent::readout::{lines, pair, subscript};
use gradfield::descent::{Hyper, Optimizer, Path, StepState};
use gradfield::expr::{Evaluator, Function};

/// Relative closeness: the tape and the reference trees round differently (about 1e-15 for
/// these small formulas); recurrences repeated in another order add a few roundings per step.
#[track_caller]
fn close(a: f64, b: f64, tol: f64, what: &str) {
    assert!(
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs())),
        "{what}: {a} vs {b}"
    );
}

/// Parses the numbers of a printed pair "(1.2, −0.5)".
fn parse_pair(text: &str) -> [f64; 2] {
    let inner = text.trim().trim_start_matches('(').trim_end_matches(')');
    let v: Vec<f64> = inner
        .split(", ")
        .map(|s| s.replace('−', "-").parse().expect("a number"))
        .collect();
    [v[0], v[1]]
}

fn function() -> Function {
    Function::parse("(x - 1)^2 + 3*(y + 0.5)^2 + 0.5*sin(x*y)").unwrap()
}

/// The optimizer's state recomputed from the path's points with the reference gradients.
fn recurrence(path: &Path, f: &Function, upto: usize) -> ([f64; 2], [f64; 2]) {
    let h = path.hyper;
    let (mut first, mut second) = ([0.0f64; 2], [0.0f64; 2]);
    let mut tree = f.tree();
    for p in &path.points[..=upto] {
        let [_, gx, gy] = tree.channels(p.x, p.y).map(|c| c.unwrap());
        for (k, g) in [gx, gy].into_iter().enumerate() {
            match path.optimizer {
                Optimizer::Momentum | Optimizer::Nesterov => {
                    first[k] = h.momentum * first[k] + g;
                }
                Optimizer::AdaGrad => second[k] += g * g,
                Optimizer::RmsProp => second[k] = h.alpha * second[k] + (1.0 - h.alpha) * g * g,
                Optimizer::Adam => {
                    first[k] = h.beta1 * first[k] + (1.0 - h.beta1) * g;
                    second[k] = h.beta2 * second[k] + (1.0 - h.beta2) * g * g;
                }
                Optimizer::Gd | Optimizer::Newton => {}
            }
        }
    }
    (first, second)
}

#[test]
fn the_read_out_shows_the_numbers_each_optimizer_used() {
    let f = function();
    for optimizer in Optimizer::ALL {
        let mut tape = f.tape_with_hessian();
        let mut path = Path::new((-1.5, 1.2), optimizer, Hyper::new(0.05), &mut tape);
        path.run(&mut tape, 7, 0.0);
        let step = *path.last_step().expect("a step was taken");
        let k = step.k;
        assert_eq!(k + 1, path.iterations(), "{optimizer}: the last step");
        let (here, next) = (path.points[k], path.points[k + 1]);
        assert_eq!(step.theta, [here.x, here.y], "{optimizer}: θₖ");
        assert_eq!(step.next, [next.x, next.y], "{optimizer}: θₖ₊₁");
        let exact = f.tree().channels(here.x, here.y).map(|c| c.unwrap());
        close(step.grad[0], exact[1], 1e-13, "∂f/∂x");
        close(step.grad[1], exact[2], 1e-13, "∂f/∂y");
        close(step.f, exact[0], 1e-13, "f(θₖ)");

        // The printed θₖ₊₁ is the path's next iterate (to the five digits printed).
        let text = lines(&step, optimizer);
        let rule = text
            .iter()
            .position(|l| l.starts_with(&format!("θ{} = θ{} ", subscript(k + 1), subscript(k))))
            .unwrap_or_else(|| panic!("{optimizer}: no update line in {text:#?}"));
        let last = text[rule + 2].trim_start().trim_start_matches("= ");
        assert_eq!(last, pair(step.next), "{optimizer}");
        let printed = parse_pair(last);
        for (p, n) in printed.iter().zip(step.next) {
            close(*p, n, 1e-4, "printed θₖ₊₁");
        }
        let grad_line = format!("∇f(θ{}) = {}", subscript(k), pair(step.grad));
        assert!(text.contains(&grad_line), "{optimizer}: {text:#?}");

        // The state agrees with the recurrence, and moves θ as the read-out says.
        let (first, second) = recurrence(&path, &f, k);
        let moved = |factor: [f64; 2], vector: [f64; 2]| {
            for c in 0..2 {
                close(
                    step.theta[c] - factor[c] * vector[c],
                    step.next[c],
                    1e-13,
                    "θₖ₊₁ from the shown numbers",
                );
            }
        };
        let lr = [step.lr; 2];
        match step.state {
            StepState::Plain => moved(lr, step.grad),
            StepState::Newton { hessian, direction } => {
                // ∇²f(θₖ) is the reference's, and the direction solves ∇²f·d = −∇f.
                let h = f.hessian_at(here.x, here.y).map(|c| c.unwrap());
                (0..3).for_each(|c| close(hessian[c], h[3 + c], 1e-12, "∇²f"));
                let [a, b, d] = hessian;
                let r = [
                    a * direction[0] + b * direction[1],
                    b * direction[0] + d * direction[1],
                ];
                (0..2).for_each(|c| close(r[c], -step.grad[c], 1e-12, "∇²f·d = −∇f"));
                moved([-step.lr; 2], direction);
            }
            StepState::Momentum { velocity, .. } => {
                (0..2).for_each(|c| close(velocity[c], first[c], 1e-12, "velocity"));
                moved(lr, velocity);
            }
            StepState::Nesterov {
                mu,
                velocity,
                direction,
            } => {
                (0..2).for_each(|c| close(velocity[c], first[c], 1e-12, "velocity"));
                (0..2).for_each(|c| {
                    close(
                        direction[c],
                        step.grad[c] + mu * velocity[c],
                        1e-14,
                        "g + μb",
                    )
                });
                moved(lr, direction);
            }
            StepState::AdaGrad { sum_sq, scale, .. }
            | StepState::RmsProp {
                mean_sq: sum_sq,
                scale,
                ..
            } => {
                (0..2).for_each(|c| close(sum_sq[c], second[c], 1e-12, "squares"));
                moved(scale, step.grad);
            }
            StepState::Adam {
                m, v, m_hat, scale, ..
            } => {
                (0..2).for_each(|c| close(m[c], first[c], 1e-12, "m"));
                (0..2).for_each(|c| close(v[c], second[c], 1e-12, "v"));
                let t = (k + 1) as i32;
                (0..2).for_each(|c| close(m_hat[c], m[c] / (1.0 - 0.9f64.powi(t)), 1e-12, "m̂"));
                moved(scale, m_hat);
            }
        }
        assert_eq!(
            step.state.velocity().is_some(),
            matches!(optimizer, Optimizer::Momentum | Optimizer::Nesterov),
            "{optimizer}"
        );
        assert_eq!(
            step.state.scale().is_some(),
            matches!(
                optimizer,
                Optimizer::AdaGrad | Optimizer::RmsProp | Optimizer::Adam
            ),
            "{optimizer}"
        );
    }
}

#[test]
fn ascent_reads_as_a_step_up_the_gradient() {
    let f = function();
    let mut hyper = Hyper::new(0.01);
    hyper.ascent = true;
    let mut path = Path::new((0.3, 0.2), Optimizer::Gd, hyper, &mut f.tape());
    path.run(&mut f.tape(), 1, 0.0);
    let step = *path.last_step().unwrap();
    assert_eq!(step.k, 0);
    let text = lines(&step, Optimizer::Gd);
    assert!(text.iter().any(|l| l == "θ₁ = θ₀ + η·∇f(θ₀)"), "{text:#?}");
    let up = step.gradient_step();
    close(step.theta[0] + up[0], step.next[0], 1e-15, "x");
    close(step.theta[1] + up[1], step.next[1], 1e-15, "y");
    assert!(step.next_f > step.f, "ascent climbs");
}

#[test]
fn a_restarted_or_shortened_path_has_no_last_step() {
    let f = function();
    let mut path = Path::new((0.3, 0.2), Optimizer::Adam, Hyper::new(0.1), &mut f.tape());
    assert!(path.last_step().is_none(), "no step before the first");
    path.run(&mut f.tape(), 5, 0.0);
    assert_eq!(path.last_step().map(|s| s.k), Some(4));
    path.points.truncate(3);
    assert!(
        path.last_step().is_none(),
        "a cut path's last step is not its step"
    );
    path.restart((1.0, 1.0), &mut f.tape());
    assert!(path.last_step().is_none());
}

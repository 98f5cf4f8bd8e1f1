//! Where f is defined but its gradient is not (a cusp such as (x²)^½ at x = 0), the explorer
//! still shows f: the hover read-out gives its value and says the gradient is undefined, and
//! the slices through a pin run through the cusp without a gap. Plain Rust, no window.

use gradfield::app::ExplorerState;
use gradfield::expr::Function;
use gradfield::teach::slice_x;
use gradfield::View;

fn cusp() -> ExplorerState {
    let f = Function::parse("(x^2)^0.5 + y^2").expect("parses");
    let mut s = ExplorerState::new(f, View::new(-2.0, 2.0, -2.0, 2.0).unwrap());
    s.set_canvas(800.0, 800.0);
    s
}

// Reproducer: the read-out said "f is undefined here" on the cusp line, where f = |x| + y².
#[test]
fn the_read_out_on_a_cusp_gives_f_and_says_the_gradient_is_undefined() {
    let mut s = cusp();
    let r = s.hover(Some((0.0, 0.5))).expect("over the canvas");
    assert_eq!(r.value, None, "∂f/∂x is undefined on x = 0");
    assert_eq!(r.f, Some(0.25));
    let lines = r.lines(("x", "y"));
    assert!(lines.iter().any(|l| l == "f = 0.25000"), "{lines:?}");
    assert!(
        lines.iter().any(|l| l == "∇f is undefined here"),
        "{lines:?}"
    );
    // Off the cusp every value is there, as before.
    let r = s.hover(Some((1.0, 0.5))).expect("over the canvas");
    assert_eq!(r.value, Some([1.25, 1.0, 1.0]));
    // Where f itself is undefined the read-out says so.
    let f = Function::parse("ln(x)").expect("parses");
    let mut s = ExplorerState::new(f, View::new(-2.0, 2.0, -2.0, 2.0).unwrap());
    let r = s.hover(Some((-1.0, 0.0))).expect("over the canvas");
    assert_eq!((r.value, r.f), (None, None));
    assert_eq!(
        r.lines(("x", "y")).last().map(String::as_str),
        Some("f is undefined here")
    );
}

// Reproducer: the slice through the cusp had a gap at x = 0.
#[test]
fn a_slice_runs_through_the_cusp() {
    let f = Function::parse("(x^2)^0.5 + y^2").expect("parses");
    let slice = slice_x(&f, 0.5, (-1.0, 1.0), 3);
    assert_eq!(
        slice,
        vec![(-1.0, Some(1.25)), (0.0, Some(0.25)), (1.0, Some(1.25))]
    );
}

// Reproducer: a path that lands on a cusp was reported as "diverged", though it did not run
// away: it stops where ∇f is undefined, and says so.
#[test]
fn a_path_that_lands_on_a_cusp_stops_and_says_why() {
    use gradfield::descent::{Hyper, Optimizer, Path, Status};
    let f = Function::parse("(x^2)^0.5").expect("parses");
    let mut grad = f.gradient_fn();
    // η = 0.25 from x = 0.5: 0.5 → 0.25 → 0, where ∂f/∂x is undefined.
    let mut path = Path::new((0.5, 0.0), Optimizer::Gd, Hyper::new(0.25), &mut grad);
    path.run(&mut grad, 100, 1e-9);
    assert!(
        matches!(path.status, Status::Diverged { step: 2, .. }),
        "{:?}",
        path.status
    );
    assert_eq!(path.label(), "stopped at step 2: f or ∇f undefined there");
    assert_eq!(path.current().x, 0.25, "the last usable iterate");
}

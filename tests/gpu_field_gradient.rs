//! The GPU field against the f64 reference where f is defined and its gradient is not (issue
//! 11): f keeps its value, and the defined bit of each of f, ∂f/∂x and ∂f/∂y agrees with the
//! reference's (tolerances and allowed flips as in `gpu_field.rs`, see `common_gpu::compare`).
//! Before, the field had one flag for all three, so these points lost f as well.

mod common_gpu;

use common_gpu::compare::{check, Stats};
use common_gpu::gpu;
use gradfield::expr::Function;
use gradfield::gpu::field::{defined_channels, FieldPass, GradientMode};
use gradfield::gpu::readback::run_pass;
use gradfield::View;

/// On 64×48 this view samples x = (i − 32)/16 and y = (24 − j)/16 exactly, so x = 0, y = 0,
/// x = ±1 and the origin are on the grid.
fn exact_grid() -> View {
    View::new(-2.03125, 1.96875, -1.46875, 1.53125).expect("valid view")
}

#[test]
fn cusps_and_edges_keep_f_where_only_the_gradient_is_undefined() {
    let gpu = gpu();
    let mut st = Stats::default();
    // With whether some point has f but not its gradient (x^0 + 0^x: none, both are
    // differentiable wherever they are defined).
    for (src, cusp) in [
        ("(x^2)^0.5 + y", true),
        ("sqrt(x) + sqrt(y)", true),
        ("cbrt(x) * y", true),
        ("x^0 + 0^x", false),
        ("x^y", true),
        ("asin(x) + acos(y)", true),
        ("hypot(x, y)", true),
        ("(x^2 + y^2)^0.25", true),
    ] {
        let function = Function::parse(src).expect("parses");
        let mut pass = FieldPass::for_function(&gpu.device, &function).expect("compiles");
        let before = st.gradient_undefined;
        check(
            &gpu,
            &mut pass,
            &function,
            &exact_grid(),
            (64, 48),
            src,
            &mut st,
        );
        assert_eq!(
            st.gradient_undefined > before,
            cusp,
            "{src}: points with f but without its gradient"
        );
    }
    eprintln!("gradient undefined: {st:?}");
    assert!(st.flips * 100 <= st.points, "{st:?}");
}

/// The bits themselves on the axis of (x^2)^0.5 + y: f and ∂f/∂y but not ∂f/∂x (5.0), and all
/// three beside it (7.0); x^0 is defined with its gradient 0 on x = 0.
#[test]
fn the_defined_channel_holds_one_bit_per_channel() {
    let gpu = gpu();
    let view = exact_grid();
    for (src, on_axis, value) in [
        ("(x^2)^0.5 + y", 5.0, None),
        ("x^0", 7.0, Some([1.0, 0.0, 0.0])),
    ] {
        let function = Function::parse(src).expect("parses");
        let mut pass = FieldPass::for_function(&gpu.device, &function).expect("compiles");
        let out = run_pass(&gpu, &mut pass, &view, 64, 48, GradientMode::Exact).expect("runs");
        for j in 0..48 {
            let y = view.sample_y(j, 48) as f32;
            let s = out[(j * 64 + 32) as usize];
            assert_eq!(view.sample_x(32, 64), 0.0);
            assert_eq!(s[3], on_axis, "{src} at (0, {y}): {s:?}");
            assert_eq!(s[0], value.map_or(y, |v| v[0]), "{src}: f at (0, {y})");
            if let Some(v) = value {
                assert_eq!(s[..3], v, "{src} at (0, {y})");
            }
            assert!(defined_channels(&s)[0], "{src}: f defined on the axis");
            assert_eq!(out[(j * 64 + 33) as usize][3], 7.0, "{src} beside the axis");
        }
    }
}

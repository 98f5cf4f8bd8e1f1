//! The GPU's Hessian pass against the f64 reference: every one of the six channels within the
//! running error bound of WGSL's accuracy rules (`common_gpu::bound`, the tolerance of the
//! first-derivative field tests), defined exactly where the reference is except within
//! rounding of a domain edge; the stability map 2/λmax; and `gradfield sample --hessian` and
//! `--stability` files.

mod common;
mod common_gpu;

use common::gradfield;
use common_gpu::{bound, gpu, random_expr, Rng};
use gradfield::expr::tape::Tape;
use gradfield::expr::Function;
use gradfield::gpu::hessian::{sample_hessian, HessianPass};
use gradfield::View;

#[derive(Default, Debug)]
struct Stats {
    compared: usize,
    defined_both: usize,
    undefined_both: usize,
    flips: usize,
    points: usize,
    max_ratio: f64,
}

/// Compares the GPU's samples of `function` over `view` with the bounded reference.
fn compare(
    pass: &mut HessianPass,
    gpu: &gradfield::gpu::Gpu,
    function: &Function,
    view: &View,
    label: &str,
    st: &mut Stats,
) {
    let (w, h) = (24u32, 16u32);
    let out = pass.run(gpu, view, (w, h)).expect("Hessian pass runs");
    let [xx, xy, yy] = function.hessian().clone();
    let first = Tape::new(&[
        function.f.clone(),
        function.dfdx.clone(),
        function.dfdy.clone(),
    ])
    .with_syms(&function.values);
    let second = Tape::new(&[xx, xy, yy]).with_syms(&function.values);
    for j in 0..h {
        for i in 0..w {
            let (x, y) = (
                view.sample_x(i, w) as f32 as f64,
                view.sample_y(j, h) as f32 as f64,
            );
            let s = out[(j * w + i) as usize];
            let (a, b) = (bound::eval(&first, x, y), bound::eval(&second, x, y));
            let f_ok = a.roots[0].is_some();
            let roots: Vec<(Option<f64>, f64, bool)> = (0..6)
                .map(|k| {
                    let (r, bound, unsure) = if k < 3 {
                        (a.roots[k], a.bound[k], a.root_uncertain[k])
                    } else {
                        (b.roots[k - 3], b.bound[k - 3], b.root_uncertain[k - 3])
                    };
                    // A derivative counts only where f is defined.
                    let r = if k > 0 && !f_ok { None } else { r };
                    (r, bound, unsure || a.root_uncertain[0])
                })
                .collect();
            st.points += 1;
            for (k, &(reference, tol, unsure)) in roots.iter().enumerate() {
                let got = s.channels[k];
                match reference {
                    Some(v) if !got.is_nan() => {
                        st.defined_both += 1;
                        if !tol.is_finite() {
                            continue;
                        }
                        let err = (f64::from(got) - v).abs();
                        let allowed = 2.0 * tol + 1e-30;
                        assert!(err <= allowed, "{label}: channel {k} at ({x}, {y}): gpu {got}, reference {v} (error {err:e}, tolerance {allowed:e})");
                        st.compared += 1;
                        st.max_ratio = st.max_ratio.max(err / allowed);
                    }
                    None if got.is_nan() => st.undefined_both += 1,
                    _ => {
                        assert!(unsure, "{label}: channel {k} at ({x}, {y}): reference {reference:?}, gpu {got}");
                        st.flips += 1;
                    }
                }
            }
        }
    }
}

#[test]
fn random_hessians_match_the_reference_within_the_bound() {
    let gpu = gpu();
    eprintln!("adapter: {}", gpu.adapter_summary());
    let mut rng = Rng(1612);
    let mut st = Stats::default();
    let views = [
        View::new(-3.0, 3.0, -2.0, 2.0).unwrap(),
        View::new(-1.5, 1.5, -1.2, 1.2).unwrap(),
        View::new(0.3, 0.301, -0.2005, -0.1995).unwrap(),
    ];
    let first = Function::parse("x").unwrap();
    let mut pass = HessianPass::new(&gpu.device, &first).expect("compiles");
    for n in 0..60 {
        let node = random_expr(&mut rng, 3);
        let function = Function::from_expr(String::new(), Default::default(), node);
        pass.set_function(&gpu.device, &function)
            .expect("generated shader compiles");
        for view in &views {
            let label = format!("random #{n} f = {}", function.formulas()[0]);
            compare(&mut pass, &gpu, &function, view, &label, &mut st);
        }
    }
    eprintln!("random Hessians: {st:?}");
    assert!(st.flips * 100 <= st.points * 6, "{st:?}");
    assert!(st.compared > st.points, "{st:?}");
    assert!(st.undefined_both > 0, "cases should mix: {st:?}");
}

#[test]
fn lesson_functions_match_and_parameters_reach_the_shader() {
    let gpu = gpu();
    let view = View::new(-2.0, 2.0, -1.5, 1.5).unwrap();
    let mut st = Stats::default();
    let mut f = Function::parse("a*x^2*y + sin(x*y) + (1 - x)^2 + 100*(y - x^2)^2").unwrap();
    let mut pass = HessianPass::new(&gpu.device, &f).expect("compiles");
    for a in [1.0, -3.5] {
        assert!(f.set_value("a", a));
        pass.set_function(&gpu.device, &f).unwrap();
        compare(&mut pass, &gpu, &f, &view, &format!("a = {a}"), &mut st);
    }
    assert_eq!(st.flips, 0);
    assert_eq!(st.compared, st.points * 6, "{st:?}");
}

#[test]
fn the_stability_map_of_an_elongated_bowl_is_a_tenth_everywhere() {
    let gpu = gpu();
    let f = Function::parse("x^2 + 10*y^2").unwrap();
    let view = View::new(-3.0, 3.0, -2.0, 2.0).unwrap();
    let out = sample_hessian(&gpu, &f, &view, (40, 30)).unwrap();
    assert!(out.iter().all(|s| s.stable_lr == 0.1f32), "2/λmax = 2/20");
    // A dome has no positive eigenvalue: +∞; a saddle's λmax = 2 gives 1; ln undefined: NaN.
    let g = Function::parse("-x^2 - y^2").unwrap();
    assert!(sample_hessian(&gpu, &g, &view, (8, 6))
        .unwrap()
        .iter()
        .all(|s| s.stable_lr == f32::INFINITY));
    let s = Function::parse("x^2 - 3*y^2").unwrap();
    assert!(sample_hessian(&gpu, &s, &view, (8, 6))
        .unwrap()
        .iter()
        .all(|s| s.stable_lr == 1.0));
    let l = Function::parse("ln(x) + y^2").unwrap();
    let out = sample_hessian(&gpu, &l, &view, (8, 6)).unwrap();
    for (k, s) in out.iter().enumerate() {
        let x = view.sample_x((k % 8) as u32, 8);
        assert_eq!(s.stable_lr.is_nan(), x <= 0.0, "at x = {x}: {s:?}");
    }
}

#[test]
fn sample_writes_six_channels_and_the_stability_map() {
    let dir = std::env::temp_dir().join(format!("gradfield-hessian-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let h = dir.join("h.npy");
    let s = dir.join("s.npy");
    let hs = h.to_str().unwrap();
    let ss = s.to_str().unwrap();
    for device in ["gpu", "cpu"] {
        let out = gradfield(&[
            "sample",
            "x^3 + x*y^2",
            "--size",
            "6x4",
            "--hessian",
            "--device",
            device,
            "--out",
            hs,
        ]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let (shape, data) = gradfield::export::read_npy_f32(&h).unwrap();
        assert_eq!(shape, [4, 6, 6]);
        // Sample (row 0, column 0) of the default view [−3, 3]²: x = −2.5, y = 2.25.
        let (x, y) = (-2.5f32, 2.25f32);
        let want = [
            x * x * x + x * y * y,
            3.0 * x * x + y * y,
            2.0 * x * y,
            6.0 * x,
            2.0 * y,
            2.0 * x,
        ];
        for (k, w) in want.iter().enumerate() {
            assert!(
                (data[k] - w).abs() <= 1e-5 * w.abs().max(1.0),
                "{device} channel {k}: {} vs {w}",
                data[k]
            );
        }
        let out = gradfield(&[
            "sample",
            "x^2 + 10*y^2",
            "--size",
            "6x4",
            "--stability",
            "--device",
            device,
            "--out",
            ss,
        ]);
        assert!(out.status.success());
        let (shape, data) = gradfield::export::read_npy_f32(&s).unwrap();
        assert_eq!(shape, [4, 6]);
        assert!(data.iter().all(|v| *v == 0.1f32), "{device}: {data:?}");
    }
    let bad = gradfield(&[
        "sample",
        "x^2",
        "--stability",
        "--gradient",
        "numeric",
        "--out",
        ss,
    ]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("--stability"));
    std::fs::remove_dir_all(&dir).unwrap();
}

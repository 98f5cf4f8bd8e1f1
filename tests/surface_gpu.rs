//! The 3D view on a real GPU (lavapipe where there is none), issue 14: the mesh's heights
//! and normals against the f64 reference at its nodes, holes, overflow, constant functions
//! and tiny views without a non-finite node, a known point drawn where the camera's
//! projection puts it, the coarse mesh, and a camera move that does not rebuild the mesh.

mod common_gpu;
#[path = "surface_gpu/draw.rs"]
mod draw;

use draw::{draw3, rgb, Scene3};
use glam::DVec3;
use gradfield::expr::Function;
use gradfield::render::surface::{
    mesh_cells, mesh_nodes, mesh_stride, node_sample, COARSE_STEP, MESH_CELLS_SOFTWARE,
};
use gradfield::surface::{Ball3, BoxMap, Camera, Marks3};
use gradfield::View;

fn view(x0: f64, x1: f64, y0: f64, y1: f64) -> View {
    View::new(x0, x1, y0, y1).expect("a test view")
}

/// Every node of the drawn mesh: (column, row, [x, y, z, t, nx, ny, nz, ok]).
fn nodes(d: &draw::Drawn3, gpu: &gradfield::gpu::Gpu) -> Vec<(u32, u32, [f32; 8])> {
    let ((nx, ny), all) = d
        .renderer
        .read_surface_nodes(gpu)
        .expect("nodes read back")
        .expect("a mesh was drawn");
    let (w, h) = d.size;
    let stride = mesh_stride(w, h, mesh_cells(&gpu.adapter));
    assert_eq!((nx, ny), mesh_nodes(w, h, stride));
    assert_eq!(all.len(), (nx * ny) as usize);
    all.into_iter()
        .enumerate()
        .map(|(k, n)| {
            let (i, j) = (k as u32 % nx, k as u32 / nx);
            (node_sample(i, stride, w), node_sample(j, stride, h), n)
        })
        .collect()
}

/// The f32 coordinates the field pass evaluates column `c`, row `r` at.
fn at(v: &View, size: (u32, u32), c: u32, r: u32) -> (f64, f64) {
    (
        v.sample_x(c, size.0) as f32 as f64,
        v.sample_y(r, size.1) as f32 as f64,
    )
}

#[test]
fn mesh_heights_and_normals_equal_the_reference_at_the_nodes() {
    let gpu = common_gpu::gpu();
    let text = "sin(x) * y + x^2 / 4";
    let f = Function::parse(text).expect("parses");
    let (full, _) = gradfield::gpu::field::function_tapes(&f);
    let v = view(-3.0, 3.0, -2.0, 2.0);
    let d = draw3(&gpu, &Scene3::new(text, v, (300, 200)), &|_, _| {
        Marks3::default()
    });
    let b = d.boxmap;
    let mut compared = 0;
    for (c, r, n) in nodes(&d, &gpu) {
        let (x, y) = at(&v, d.size, c, r);
        let want = b.floor(x, y);
        assert!(
            (f64::from(n[0]) - want.x).abs() < 1e-5 && (f64::from(n[1]) - want.y).abs() < 1e-5,
            "node ({c}, {r}) at ({}, {}), the floor puts it at {want}",
            n[0],
            n[1]
        );
        let reference = common_gpu::bound::eval(&full, x, y);
        let Some([fv, fx, fy]) = reference.value else {
            continue;
        };
        if reference.uncertain {
            continue;
        }
        assert_eq!(n[7], 1.0, "defined at ({x}, {y})");
        // The height's error: the value's bound through dz/df, and f32 rounding of the map.
        let dz = b.heights.t_slope(fv) * b.height;
        let tol = reference.bound[0] * dz + 1e-5 * b.height;
        let z = b.z_unclipped(fv).expect("finite");
        assert!(
            (f64::from(n[2]) - z).abs() <= tol,
            "height at ({x}, {y}): GPU {} reference {z} (tolerance {tol})",
            n[2]
        );
        let normal = b.normal(fv, fx, fy);
        let got = DVec3::new(n[4].into(), n[5].into(), n[6].into());
        assert!(
            (got - normal).length() < 1e-4,
            "normal at ({x}, {y}): GPU {got} reference {normal}"
        );
        compared += 1;
    }
    assert!(compared > 1000, "only {compared} nodes compared");
}

#[test]
fn holes_overflow_constants_and_tiny_views_give_finite_nodes() {
    let gpu = common_gpu::gpu();
    let cases = [
        ("ln(x) + y", view(-1.0, 1.0, -1.0, 1.0)),
        ("exp(exp(x))", view(-3.0, 6.0, -1.0, 1.0)),
        ("3", view(-1.0, 1.0, -1.0, 1.0)),
        ("x^2 + y^2", view(1.0, 1.001, 1.0, 1.0008)),
        ("sqrt(1 - x^2 - y^2)", view(-1.5, 1.5, -1.5, 1.5)),
    ];
    for (text, v) in cases {
        let d = draw3(&gpu, &Scene3::new(text, v, (120, 90)), &|_, _| {
            Marks3::default()
        });
        let all = nodes(&d, &gpu);
        for (c, r, n) in &all {
            assert!(
                n.iter().all(|x| x.is_finite()),
                "{text}: node ({c}, {r}) is {n:?}"
            );
            let len = (n[4] * n[4] + n[5] * n[5] + n[6] * n[6]).sqrt();
            assert!((len - 1.0).abs() < 1e-4, "{text}: normal {n:?}");
        }
        match text {
            "ln(x) + y" => {
                for (c, r, n) in &all {
                    let (x, _) = at(&v, d.size, *c, *r);
                    assert_eq!(n[7] == 1.0, x > 0.0, "ln(x) at x = {x}: {n:?}");
                }
            }
            "3" => {
                for (_, _, n) in &all {
                    let half = (d.boxmap.height / 2.0) as f32;
                    assert!((n[2] - half).abs() < 1e-6, "a constant sits at half height");
                    assert_eq!([n[4], n[5], n[6]], [0.0, 0.0, 1.0]);
                }
            }
            _ => {}
        }
        // Something of the surface is drawn: not every pixel is the background.
        let bg = rgb(&d, 0, 0);
        let drawn = (0..d.size.1)
            .flat_map(|y| (0..d.size.0).map(move |x| (x, y)))
            .filter(|&(x, y)| rgb(&d, x, y) != bg)
            .count();
        assert!(drawn > 500, "{text}: only {drawn} pixels drawn");
    }
}

/// A ball of a colour nothing else has, at `p`.
fn marker(p: DVec3) -> Marks3 {
    Marks3 {
        balls: vec![Ball3 {
            at: p,
            radius_px: 6.0,
            color: [255, 0, 255, 255],
        }],
        ..Marks3::default()
    }
}

/// The centroid of the pixels close to magenta.
fn magenta_centroid(d: &draw::Drawn3) -> Option<(f64, f64, usize)> {
    let (mut sx, mut sy, mut n) = (0.0, 0.0, 0usize);
    for y in 0..d.size.1 {
        for x in 0..d.size.0 {
            let [r, g, b] = rgb(d, x, y);
            if r > 120 && b > 120 && g < 60 && (i32::from(r) - i32::from(b)).abs() < 40 {
                sx += f64::from(x) + 0.5;
                sy += f64::from(y) + 0.5;
                n += 1;
            }
        }
    }
    (n > 0).then(|| (sx / n as f64, sy / n as f64, n))
}

#[test]
fn the_bowls_minimum_is_drawn_where_the_projection_says() {
    let gpu = common_gpu::gpu();
    let v = view(-2.0, 2.0, -2.0, 2.0);
    for camera in [
        Camera::default(),
        Camera::looking_from(30.0, 50.0),
        Camera::looking_from(170.0, 60.0),
    ] {
        let mut scene = Scene3::new("x^2 + y^2", v, (240, 180));
        scene.camera = camera;
        let at_min = |b: &BoxMap| b.point(0.0, 0.0, 0.0).expect("the minimum is in the box");
        let d = draw3(&gpu, &scene, &|b, _| marker(at_min(b)));
        let (want, _) = camera
            .project(&d.frame, at_min(&d.boxmap))
            .expect("in front of the eye");
        let (x, y, n) = magenta_centroid(&d).expect("the marker is drawn");
        assert!(n > 40, "{camera:?}: only {n} marker pixels");
        assert!(
            (x - want.x).abs() < 1.5 && (y - want.y).abs() < 1.5,
            "{camera:?}: drawn at ({x:.1}, {y:.1}), projected at {want}"
        );
    }
}

#[test]
fn a_point_behind_the_hill_is_hidden_by_it() {
    // A hill in the middle, a marker on the floor behind it as seen from the camera: the
    // surface's depth hides it. The same marker in front of the hill is seen.
    let gpu = common_gpu::gpu();
    let v = view(-2.0, 2.0, -2.0, 2.0);
    let mut scene = Scene3::new("4 * exp(-(x^2 + y^2))", v, (200, 150));
    scene.camera = Camera::looking_from(0.0, 12.0);
    let behind = draw3(&gpu, &scene, &|b, _| {
        marker(b.floor(-1.9, 0.0) + DVec3::Z * 0.01)
    });
    assert!(magenta_centroid(&behind).is_none(), "seen through the hill");
    let front = draw3(&gpu, &scene, &|b, _| {
        marker(b.floor(1.9, 0.0) + DVec3::Z * 0.01)
    });
    assert!(
        magenta_centroid(&front).is_some(),
        "in front of the hill: seen"
    );
}

#[test]
fn the_coarse_mesh_has_fewer_cells_and_the_camera_does_not_rebuild_the_mesh() {
    let gpu = common_gpu::gpu();
    let v = view(-2.0, 2.0, -2.0, 2.0);
    let mut scene = Scene3::new("x * y", v, (600, 400));
    let fine = draw3(&gpu, &scene, &|_, _| Marks3::default());
    let cells = mesh_cells(&gpu.adapter);
    let stride = mesh_stride(600, 400, cells);
    let (nx, ny) = mesh_nodes(600, 400, stride);
    assert_eq!(fine.work.cells, (nx - 1, ny - 1));
    assert!(fine.work.cells.1 >= cells, "{:?}", fine.work.cells);
    assert!(cells >= MESH_CELLS_SOFTWARE);
    assert!(fine.work.mesh, "the first frame builds the mesh");
    scene.coarse = true;
    let coarse = draw3(&gpu, &scene, &|_, _| Marks3::default());
    assert_eq!(
        coarse.work.cells,
        (
            (nx - 1).div_ceil(COARSE_STEP),
            (ny - 1).div_ceil(COARSE_STEP)
        )
    );
    // Both draw the same saddle: most pixels agree.
    let differ = fine
        .pixels
        .chunks_exact(4)
        .zip(coarse.pixels.chunks_exact(4))
        .filter(|(a, b)| a.iter().zip(b.iter()).any(|(p, q)| p.abs_diff(*q) > 40))
        .count();
    assert!(
        differ < fine.pixels.len() / 4 / 20,
        "{differ} pixels differ"
    );
}

#[test]
fn switching_to_the_surface_or_turning_the_camera_recomputes_neither_field_nor_mesh() {
    use gradfield::gpu::GradientMode;
    use gradfield::render::{Layout, PlotRect, RenderSettings, SurfaceFrame};
    let gpu = common_gpu::gpu();
    let v = view(-2.0, 2.0, -2.0, 2.0);
    let d = draw3(&gpu, &Scene3::new("x * y", v, (160, 120)), &|_, _| {
        Marks3::default()
    });
    let mut r = d.renderer;
    let layout = Layout::full(160, 120);
    let settings = RenderSettings::default();
    let work = r
        .prepare_layers(&gpu, &layout, &v, &settings, GradientMode::Exact)
        .expect("prepares");
    assert!(!work.field, "the same view and size: the field stands");
    let marks = Marks3::default();
    let turned = SurfaceFrame {
        rect: PlotRect {
            x: 0,
            y: 0,
            w: 160,
            h: 120,
        },
        boxmap: d.boxmap,
        camera: Camera::looking_from(10.0, 40.0),
        floor_contours: true,
        coarse: false,
        marks: &marks,
        clear_target: true,
    };
    let sw = r.prepare_surface(&gpu, &turned).expect("prepares");
    assert!(!sw.mesh, "a camera move keeps the mesh");
    let taller = SurfaceFrame {
        boxmap: BoxMap::new(v, d.boxmap.heights, 2.0),
        ..turned
    };
    let sw = r.prepare_surface(&gpu, &taller).expect("prepares");
    assert!(sw.mesh, "a new vertical scale rebuilds it");
}

#[test]
fn a_split_frame_keeps_the_map_and_draws_the_surface_in_its_half() {
    use gradfield::gpu::GradientMode;
    use gradfield::render::surface::heights_of;
    use gradfield::render::{
        Layout, OffscreenTarget, PlotRect, RenderSettings, Renderer, SurfaceFrame, OFFSCREEN_FORMAT,
    };
    let gpu = common_gpu::gpu();
    let v = view(-2.0, 2.0, -1.5, 1.5);
    let f = Function::parse("x^2 + y^2").expect("parses");
    let mut r = Renderer::new(&gpu, OFFSCREEN_FORMAT, &f).expect("renderer");
    let (w, h) = (320u32, 120u32);
    let target = OffscreenTarget::new(&gpu.device, OFFSCREEN_FORMAT, (w, h)).expect("target");
    let layout = Layout {
        target: (w, h),
        plot: PlotRect {
            x: 0,
            y: 0,
            w: w / 2,
            h,
        },
    };
    let settings = RenderSettings::default();
    let draw = |r: &mut Renderer, surface: bool| {
        let work = r
            .prepare_layers(&gpu, &layout, &v, &settings, GradientMode::Exact)
            .expect("layers");
        let mut encoder = gpu.device.create_command_encoder(&Default::default());
        r.encode(&mut encoder, target.texture(), &work);
        if surface {
            let heights = r
                .range_result()
                .and_then(|x| heights_of(&x, false))
                .expect("a range was read back");
            let marks = Marks3::default();
            let sw = r
                .prepare_surface(
                    &gpu,
                    &SurfaceFrame {
                        rect: PlotRect {
                            x: w / 2,
                            y: 0,
                            w: w / 2,
                            h,
                        },
                        boxmap: BoxMap::new(v, heights, 1.0),
                        camera: Camera::default(),
                        floor_contours: true,
                        coarse: false,
                        marks: &marks,
                        clear_target: false,
                    },
                )
                .expect("surface");
            r.encode_surface(&mut encoder, target.texture(), &sw);
        }
        target.encode_copy(&mut encoder);
        gpu.queue.submit([encoder.finish()]);
        if work.range {
            r.fetch_range(&gpu).expect("range");
        }
        target.read(&gpu).expect("pixels")
    };
    let map = draw(&mut r, false);
    let split = draw(&mut r, true);
    let px = |img: &[u8], x: u32, y: u32| {
        let k = ((y * w + x) * 4) as usize;
        [img[k], img[k + 1], img[k + 2]]
    };
    for y in 0..h {
        for x in 0..w / 2 {
            assert_eq!(
                px(&map, x, y),
                px(&split, x, y),
                "the map's half at ({x}, {y})"
            );
        }
    }
    let white = [255u8, 255, 255];
    let right: Vec<[u8; 3]> = (0..h)
        .flat_map(|y| (w / 2..w).map(move |x| (x, y)))
        .map(|(x, y)| px(&split, x, y))
        .collect();
    let drawn = right.iter().filter(|c| **c != white).count();
    assert!(
        drawn > right.len() / 5,
        "the surface's half: {drawn} drawn pixels"
    );
    assert!(
        px(&split, w - 2, 1) == white,
        "the corner of the surface's half is its background"
    );
}

//! Renderer tests on a real GPU (lavapipe where there is none) for what is drawn over the
//! heatmap: arrows along −∇f in pixel space, descent paths, and what a frame recomputes.

mod common_gpu;
mod common_render;

use common_render::*;
use gradfield::expr::ast::*;
use gradfield::gpu::{Gpu, GradientMode};
use gradfield::render::*;
use gradfield::View;

/// Distance from p to the segment a–b in pixels.
fn seg_dist(p: [f32; 2], a: [f32; 2], b: [f32; 2]) -> f32 {
    let (bx, by) = (b[0] - a[0], b[1] - a[1]);
    let (px, py) = (p[0] - a[0], p[1] - a[1]);
    let t = ((px * bx + py * by) / (bx * bx + by * by).max(1e-6)).clamp(0.0, 1.0);
    (px - t * bx).hypot(py - t * by)
}

/// Reads the arrow instances the compute pass wrote.
fn arrows(gpu: &Gpu, r: &Renderer) -> Vec<ArrowInstance> {
    let n = r.arrows().count() as usize;
    let raw = gradfield::gpu::read_buffer_f32x4(gpu, r.arrows().instance_buffer(), n * 2)
        .expect("readback");
    bytemuck::cast_slice::<[f32; 4], ArrowInstance>(&raw).to_vec()
}

#[test]
fn arrows_point_along_minus_gradient_in_pixel_space_and_never_overlap() {
    let gpu = common_gpu::gpu();
    // f = xy + x on a view whose x and y scales differ: the pixel-space mapping matters.
    let f = fun(add(mul(x(), y()), x()), add(y(), num(1.0)), x());
    let v = view(-2.0, 2.0, -0.7, 1.3);
    for length in [
        ArrowLength::Normalized,
        ArrowLength::Proportional,
        ArrowLength::Log,
    ] {
        let mut s = settings(Colormap::Viridis);
        s.arrows = ArrowSettings {
            direction: ArrowDir::Descent,
            length,
            spacing_px: 20.0,
        };
        let (px, r) = render(&gpu, &f, &v, &s, &[]);
        let list = arrows(&gpu, &r);
        assert_eq!(list.len(), 8 * 6, "160/20 × 120/20 anchors");
        let (wpx, wpy) = (v.width() / W as f64, v.height() / H as f64);
        let (mut checked, mut sides) = (0, 0);
        for a in &list {
            assert!(
                a.len <= 0.9 * 20.0 + 1e-4,
                "{length:?}: length {} over the cap",
                a.len
            );
            let (i, j) = ((a.pos[0] - 0.5) as u32, (a.pos[1] - 0.5) as u32);
            let [_, fx, fy] = cpu(&f, &v, i, j).expect("defined everywhere");
            let (gx, gy) = (fx * wpx, -fy * wpy);
            let m = gx.hypot(gy);
            if m < 1e-6 {
                continue;
            }
            let (ex, ey) = (-gx / m, -gy / m);
            // f32 gradient: direction within 1e-3 rad.
            let cross = ex * a.dir[1] as f64 - ey * a.dir[0] as f64;
            let dot = ex * a.dir[0] as f64 + ey * a.dir[1] as f64;
            assert!(
                dot > 0.0 && cross.abs() < 1e-3,
                "{length:?} at ({i}, {j}): {:?} vs ({ex:.4}, {ey:.4})",
                a.dir
            );
            if length == ArrowLength::Normalized && a.len > 8.0 {
                // Halfway along the shaft the pixel is the grey-white arrow fill; a little behind
                // the foot it is the heatmap (viridis is never grey).
                let at = |t: f32| {
                    pixel(
                        &px,
                        (a.pos[0] + t * a.dir[0]) as u32,
                        (a.pos[1] + t * a.dir[1]) as u32,
                    )
                };
                let c = at(0.4 * a.len);
                assert!(
                    (c[0] - c[1]).abs() <= 8 && (c[1] - c[2]).abs() <= 8 && c[0] > 100,
                    "shaft {c:?}"
                );
                let q = [a.pos[0] - 6.0 * a.dir[1], a.pos[1] + 6.0 * a.dir[0]];
                // Only where no arrow (shaft or head, ≤ 4 px wide plus outline) comes within 6 px.
                let clear = list.iter().all(|o| {
                    seg_dist(
                        q,
                        o.pos,
                        [o.pos[0] + o.len * o.dir[0], o.pos[1] + o.len * o.dir[1]],
                    ) > 6.0
                });
                let side = pixel(&px, q[0] as u32, q[1] as u32);
                sides += clear as u32;
                let ok = !clear || (side[0] - side[1]).abs() > 8 || (side[1] - side[2]).abs() > 8;
                if !ok {
                    // What should be there: the same heatmap with no arrows drawn.
                    let (heatmap, _) = render(&gpu, &f, &v, &settings(Colormap::Viridis), &[]);
                    save_failure("arrows", &px, &heatmap);
                }
                assert!(ok, "beside the foot of {a:?}: {side:?}");
            }
            checked += 1;
        }
        assert!(checked > 40, "{checked} arrows checked");
        if length == ArrowLength::Normalized {
            assert!(sides > 5, "{sides} pixels beside arrows checked");
        }
    }
    // Undefined anchors are skipped.
    let v = view(-1.0, 1.0, -0.75, 0.75);
    let mut s = settings(Colormap::Viridis);
    s.arrows.direction = ArrowDir::Ascent;
    let (_, r) = render(&gpu, &ln_x(), &v, &s, &[]);
    for a in arrows(&gpu, &r) {
        let left = a.pos[0] < W as f32 / 2.0;
        assert_eq!(
            a.len == 0.0,
            left,
            "anchor at x pixel {}: len {}",
            a.pos[0],
            a.len
        );
        if !left {
            assert!(a.dir[0] > 0.999, "ln x rises to the right: {:?}", a.dir);
        }
    }
}

#[test]
fn paths_draw_in_their_colour_with_start_and_current_marked() {
    let gpu = common_gpu::gpu();
    let v = view(-2.0, 2.0, -1.5, 1.5);
    let color = PATH_PALETTE[1];
    let path = PathDraw {
        points: vec![(-1.5, -1.0), (-0.5, 0.0), (0.5, 0.5)],
        color,
        status_done: false,
    };
    let mut s = settings(Colormap::Viridis);
    s.show_contours = true;
    s.arrows.direction = ArrowDir::Descent;
    let (px, _) = render(&gpu, &bowl(), &v, &s, std::slice::from_ref(&path));
    let srgb: [i32; 3] = std::array::from_fn(|c| (color[c] * 255.0).round() as i32);
    let at = |x: f64, y: f64| {
        let (pxl, pyl) = v.to_pixel(x, y, W as f64, H as f64);
        pixel(&px, pxl as u32, pyl as u32)
    };
    // The current point is a filled disc of the path colour (±3 for sRGB rounding).
    assert!(
        diff(at(0.5, 0.5), srgb) <= 3,
        "current point {:?}",
        at(0.5, 0.5)
    );
    // The start is a ring of radius 5.5 px: its rim on the side away from the path has the
    // path colour, the inside (2.5 px from the centre) shows the heatmap.
    let (sx, sy) = v.to_pixel(-1.5, -1.0, W as f64, H as f64);
    let rim = pixel(&px, (sx - 5.5) as u32, sy as u32);
    assert!(diff(rim, srgb) <= 40, "ring rim {rim:?}");
    let inside = pixel(&px, (sx - 2.5) as u32, sy as u32);
    assert!(diff(inside, srgb) > 60, "ring inside {inside:?}");
    // Halfway along the first segment.
    assert!(
        diff(at(-1.0, -0.5), srgb) <= 3,
        "segment {:?}",
        at(-1.0, -0.5)
    );
}

#[test]
fn the_field_is_evaluated_only_when_function_view_size_or_mode_change() {
    let gpu = common_gpu::gpu();
    let f = bowl();
    let mut r = Renderer::from_tapes(&gpu, OFFSCREEN_FORMAT, &f.full, &f.f).expect("renderer");
    let (layout, v, mut s) = (
        Layout::full(W, H),
        view(-1.0, 1.0, -1.0, 1.0),
        RenderSettings::default(),
    );
    let frame = |r: &mut Renderer, v: &View, s: &RenderSettings, paths: &[PathDraw]| {
        r.prepare(&gpu, &layout, v, s, GradientMode::Exact, paths)
            .expect("prepare")
    };
    assert!(frame(&mut r, &v, &s, &[]).field, "first frame");
    let path = PathDraw {
        points: vec![(0.5, 0.5), (0.2, 0.1)],
        color: PATH_PALETTE[0],
        status_done: false,
    };
    let w = frame(&mut r, &v, &s, &[path]);
    assert!(!w.field && !w.range && !w.arrows, "paths only: {w:?}");
    s.levels = 7;
    let w = frame(&mut r, &v, &s, &[]);
    // The range pass picks the levels' round step from their count: the range again, not
    // the field.
    assert!(!w.field && w.range, "contour levels only: {w:?}");
    s.log_scale = true;
    let w = frame(&mut r, &v, &s, &[]);
    assert!(!w.field && w.range && w.arrows, "log scale: {w:?}");
    assert!(frame(&mut r, &v.panned(0.1, 0.0), &s, &[]).field, "panned");
}

#[test]
fn label_boxes_are_rounded_filled_and_outlined_with_a_leader_line() {
    let gpu = common_gpu::gpu();
    // A constant f: one flat colour under the box.
    let f = fun(num(1.0), num(0.0), num(0.0));
    let (v, s) = (view(-1.0, 1.0, -1.0, 1.0), settings(Colormap::Greyscale));
    let (plain, _) = render(&gpu, &f, &v, &s, &[]);
    let mut r =
        Renderer::from_tapes(&gpu, OFFSCREEN_FORMAT, &f.full, &f.f).expect("renderer builds");
    let magenta = [255, 0, 255];
    r.set_label_boxes(
        &gpu,
        &[LabelBox {
            rect: overlay::PlotRect {
                x: 40.0,
                y: 40.0,
                w: 60.0,
                h: 24.0,
            },
            radius: 4.0,
            outline_px: 2.0,
            outline: [1.0, 0.0, 1.0, 1.0],
            fill: [0, 0, 0, 255],
            leader_from: Some([20.0, 100.0]),
        }],
    );
    let layout = Layout::full(W, H);
    let px = render_rgba(&gpu, &mut r, &layout, &v, &s, GradientMode::Exact, &[])
        .expect("frame renders");
    let bg = pixel(&plain, 35, 52);
    // Inside: the fill; on the edge (0.5 px outside it): the outline; beyond the outline's
    // 2 px: untouched.
    assert!(diff(pixel(&px, 70, 52), [0, 0, 0]) <= 2, "fill");
    assert!(diff(pixel(&px, 39, 52), magenta) <= 3, "outline, left");
    assert!(diff(pixel(&px, 100, 52), magenta) <= 3, "outline, right");
    assert!(diff(pixel(&px, 70, 64), magenta) <= 3, "outline, bottom");
    assert!(diff(pixel(&px, 35, 52), bg) <= 1, "outside the outline");
    assert!(diff(pixel(&px, 70, 20), bg) <= 1, "far outside");
    // A rounded corner: the square corner's pixel is (almost) the background.
    assert!(diff(pixel(&px, 39, 39), bg) <= 40, "corner is not rounded");
    // The leader line from (20, 100) to the box's nearest point (40, 64).
    let [r_, g, b] = pixel(&px, 30, 82);
    assert!(r_ > g + 100 && b > g + 100, "leader line: {:?}", [r_, g, b]);
}

//! The overlay rendered through egui-wgpu onto a plain 640×360 texture and read back: text
//! appears in the title band and along both axes, and the colour bar reproduces the LUT.

use gradfield::render::egui_offscreen::EguiOffscreen;
use gradfield::render::overlay::{
    paint_overlay, place_contour_labels, ColorBar, ContourLabels, Corner, ExtraText, FigureLayout,
    Label, OverlayInput, PlotRect, Theme,
};
use gradfield::View;

pub(super) const W: u32 = 640;
pub(super) const H: u32 = 360;
const FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Rgba8Unorm;

fn device() -> (wgpu::Device, wgpu::Queue) {
    let instance = wgpu::Instance::default();
    let adapter = pollster::block_on(instance.request_adapter(&wgpu::RequestAdapterOptions {
        force_fallback_adapter: false,
        ..Default::default()
    }))
    .expect("no GPU adapter: install mesa-vulkan-drivers (lavapipe) to run the GPU tests");
    pollster::block_on(adapter.request_device(&wgpu::DeviceDescriptor::default()))
        .expect("the adapter gives a device")
}

/// Renders `draw` over a `w`×`h` target cleared with `bg`.
pub(super) fn render(
    (w, h): (u32, u32),
    ppp: f32,
    bg: [u8; 4],
    draw: impl FnMut(&egui::Painter),
) -> Img {
    let (device, queue) = device();
    let texture = device.create_texture(&wgpu::TextureDescriptor {
        label: Some("test::target"),
        size: wgpu::Extent3d {
            width: w,
            height: h,
            depth_or_array_layers: 1,
        },
        mip_level_count: 1,
        sample_count: 1,
        dimension: wgpu::TextureDimension::D2,
        format: FORMAT,
        usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
        view_formats: &[],
    });
    let view = texture.create_view(&Default::default());
    let mut encoder = device.create_command_encoder(&Default::default());
    let c = |v: u8| v as f64 / 255.0;
    encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
        label: Some("test::clear"),
        color_attachments: &[Some(wgpu::RenderPassColorAttachment {
            view: &view,
            resolve_target: None,
            depth_slice: None,
            ops: wgpu::Operations {
                load: wgpu::LoadOp::Clear(wgpu::Color {
                    r: c(bg[0]),
                    g: c(bg[1]),
                    b: c(bg[2]),
                    a: 1.0,
                }),
                store: wgpu::StoreOp::Store,
            },
        })],
        ..Default::default()
    });
    let mut egui = EguiOffscreen::new(&device, FORMAT);
    egui.paint(&device, &queue, &mut encoder, &view, (w, h), ppp, draw);
    let buffer = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("test::readback"),
        size: (w * h * 4) as u64,
        usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
        mapped_at_creation: false,
    });
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer: &buffer,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(w * 4),
                rows_per_image: Some(h),
            },
        },
        wgpu::Extent3d {
            width: w,
            height: h,
            depth_or_array_layers: 1,
        },
    );
    queue.submit([encoder.finish()]);
    buffer
        .slice(..)
        .map_async(wgpu::MapMode::Read, |r| r.expect("readback maps"));
    device
        .poll(wgpu::PollType::Wait {
            submission_index: None,
            timeout: Some(std::time::Duration::from_secs(60)),
        })
        .expect("the GPU finishes within a minute");
    let mapped = buffer
        .slice(..)
        .get_mapped_range()
        .expect("mapped buffer is readable");
    Img {
        w,
        h,
        data: mapped.to_vec(),
    }
}

pub(super) fn lut() -> [[u8; 4]; 256] {
    std::array::from_fn(|k| [k as u8, 255 - k as u8, (k * 7 % 256) as u8, 255])
}

/// A read-back RGBA8 picture.
pub(super) struct Img {
    w: u32,
    h: u32,
    data: Vec<u8>,
}

impl Img {
    pub(super) fn px(&self, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * self.w + x) * 4) as usize;
        [
            self.data[i],
            self.data[i + 1],
            self.data[i + 2],
            self.data[i + 3],
        ]
    }

    /// How many pixels in the band [x0, x1) × [y0, y1) differ from `bg`.
    pub(super) fn changed(&self, bg: [u8; 4], (x0, x1): (f32, f32), (y0, y1): (f32, f32)) -> usize {
        let mut n = 0;
        for y in y0.max(0.0) as u32..(y1.min(self.h as f32) as u32) {
            for x in x0.max(0.0) as u32..(x1.min(self.w as f32) as u32) {
                if self.px(x, y)[..3] != bg[..3] {
                    n += 1;
                }
            }
        }
        n
    }

    /// Writes the picture next to the test binaries for a look (never committed).
    fn save_png(&self, name: &str) {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        let Ok(file) = std::fs::File::create(&path) else {
            return;
        };
        let mut enc = png::Encoder::new(std::io::BufWriter::new(file), self.w, self.h);
        enc.set_color(png::ColorType::Rgba);
        enc.set_depth(png::BitDepth::Eight);
        if let Ok(mut w) = enc.write_header() {
            let _ = w.write_image_data(&self.data);
        }
    }
}

/// Checks that the colour strip in `cb` (an undefined swatch `swatch_h` pixels high below it)
/// shows the LUT from max at the top to min at the bottom.
fn assert_strip_matches_lut(img: &Img, cb: PlotRect, swatch_h: f32, lut: &[[u8; 4]; 256]) {
    let strip_h = cb.h - swatch_h;
    let x = (cb.x + cb.w / 2.0) as u32;
    let mut last_k = 256usize;
    let mut rows = 0;
    for y in (cb.y.ceil() as u32 + 1)..((cb.y + strip_h).floor() as u32 - 1) {
        let k = ((cb.y + strip_h - (y as f32 + 0.5)) / (strip_h / 256.0)).floor() as usize;
        let k = k.min(255);
        let got = img.px(x, y);
        // ±1 per channel: egui's shader converts gamma → linear → gamma in f32.
        let near = |n: usize| (0..3).all(|c| (got[c] as i32 - lut[n][c] as i32).abs() <= 1);
        // A row that straddles two entries may take either neighbour.
        assert!(
            near(k) || near(k.saturating_sub(1)) || near((k + 1).min(255)),
            "row {y}: got {got:?}, LUT[{k}] = {:?}",
            lut[k]
        );
        assert!(
            k <= last_k,
            "colours go from max at the top to min at the bottom"
        );
        last_k = k;
        rows += 1;
    }
    assert!(
        rows as f32 > strip_h - 4.0 && last_k < 8,
        "strip covered {rows} rows, ended at entry {last_k}"
    );
}

#[test]
fn overlay_draws_text_and_the_colour_bar_on_the_gpu() {
    let theme = Theme::Dark;
    let bg = theme.background();
    let layout = FigureLayout::for_figure(W, H, 1.0, true);
    let lut = lut();
    let labels = [Label {
        pos: [300.0, 200.0],
        text: "step 12  f=0.031".into(),
        color: [255, 220, 0, 255],
        start: None,
    }];
    let input = OverlayInput {
        view: View::new(-2.0, 2.0, -1.0, 1.0).expect("valid view"),
        plot: layout.plot,
        colorbar: Some(ColorBar {
            rect: layout.colorbar,
            lut: &lut,
            min: -0.5,
            max: 3.0,
            log: false,
            has_undefined: true,
            clipped_below: false,
        }),
        title: "f(w, b) = w^2 + 3*b^2",
        subtitle: Some("gradient descent, η = 0.1"),
        axis_names: ("w", "b"),
        labels: &labels,
        contour_labels: None,
        scale: layout.scale,
        theme,
        extra: None,
        colorbar_label: None,
        legend: &[],
        pin: None,
        panel: None,
        data: None,
    };
    let img = render((W, H), 1.0, bg, |p| {
        paint_overlay(p, &input);
    });
    img.save_png("overlay_640x360.png");
    let (p, f) = (layout.plot, 18.0 * layout.scale);

    // Text drawn: the title band, the x tick-label band below the plot, the y tick-label band
    // left of it and the colour-bar label band right of the bar each hold many changed pixels.
    let title = img.changed(bg, (0.0, W as f32), (0.0, p.y - 1.5 * f));
    let x_labels = img.changed(
        bg,
        (p.x, p.right()),
        (p.bottom() + 0.5 * f, p.bottom() + 1.9 * f),
    );
    let y_labels = img.changed(bg, (0.0, p.x - 0.6 * f), (p.y, p.bottom()));
    let cb = layout.colorbar;
    let bar_labels = img.changed(bg, (cb.right() + 0.5 * f, W as f32), (cb.y, cb.bottom()));
    // Three short labels at 11 px already cover over 50 pixels; an empty band covers none.
    for (name, n) in [
        ("title", title),
        ("x labels", x_labels),
        ("y labels", y_labels),
        ("bar labels", bar_labels),
    ] {
        assert!(n > 50, "{name}: only {n} pixels changed");
    }
    // Plot interior away from grid lines and labels stays the background (the overlay is
    // transparent over the field).
    assert_eq!(img.px((p.x + 3.0) as u32, (p.y + 3.0) as u32)[..3], bg[..3]);

    // The colour strip, from its top (max) to the undefined swatch, shows the LUT in order.
    assert_strip_matches_lut(&img, cb, 1.6 * f, &lut);
}

#[test]
fn overlay_at_two_pixels_per_point_keeps_pixel_positions() {
    let (w, h) = (1280u32, 720u32);
    let theme = Theme::HighContrast;
    let bg = theme.background();
    let layout = FigureLayout::for_figure(w, h, 1.0, true);
    let lut = lut();
    let (gw, gh) = (96usize, 54usize);
    let grid: Vec<f32> = (0..gw * gh)
        .map(|n| {
            let x = -3.0 + ((n % gw) as f32 + 0.5) * 6.0 / gw as f32;
            let y = 2.0 - ((n / gw) as f32 + 0.5) * 4.0 / gh as f32;
            x * x + 3.0 * y * y
        })
        .collect();
    let levels: Vec<f64> = (1..=10).map(|k| k as f64).collect();
    let input = OverlayInput {
        view: View::new(-3.0, 3.0, -2.0, 2.0).expect("valid view"),
        plot: layout.plot,
        colorbar: Some(ColorBar {
            rect: layout.colorbar,
            lut: &lut,
            min: 0.01,
            max: 21.0,
            log: true,
            has_undefined: false,
            clipped_below: false,
        }),
        title: "f(x, y) = x^2 + 3*y^2",
        subtitle: None,
        axis_names: ("x", "y"),
        labels: &[],
        contour_labels: Some(ContourLabels {
            grid: &grid,
            gw,
            gh,
            levels: &levels,
        }),
        scale: layout.scale,
        theme,
        colorbar_label: None,
        legend: &[],
        pin: None,
        panel: None,
        data: None,
        extra: Some(ExtraText {
            text: "x = 1.25\ny = -0.5\nf = 2.3125",
            corner: Corner::TopRight,
        }),
    };
    let img = render((w, h), 2.0, bg, |p| {
        paint_overlay(p, &input);
    });
    img.save_png("overlay_1280x720_ppp2.png");
    let (p, f) = (layout.plot, 18.0 * layout.scale);
    // Positions are pixels whatever the pixels-per-point: the strip lands where the layout says.
    assert_strip_matches_lut(&img, layout.colorbar, 0.0, &lut);
    // Every contour label's box holds drawn text (white on the black halo).
    let placed = place_contour_labels(&grid, gw, gh, &levels, p, 0.85 * f);
    assert!(placed.len() >= 5, "only {} contour labels", placed.len());
    for (x, y, t) in &placed {
        let n = img.changed(bg, (x - f, x + f), (y - 0.4 * f, y + 0.4 * f));
        assert!(
            n > 10,
            "contour label '{t}' at ({x}, {y}): {n} pixels drawn"
        );
    }
    // The read-out box sits in the plot's top-right corner.
    let corner = img.changed(bg, (p.right() - 8.0 * f, p.right()), (p.y, p.y + 4.0 * f));
    assert!(corner > 100, "read-out box: {corner} pixels drawn");
}

#[test]
fn a_title_too_long_for_its_canvas_is_fitted_and_nothing_is_drawn_outside() {
    // The explorer's canvas: the right 60% of the window, a panel to its left.
    let theme = Theme::Dark;
    let bg = theme.background();
    let canvas_x = 0.4 * W as f32;
    let canvas =
        egui::Rect::from_min_max(egui::pos2(canvas_x, 0.0), egui::pos2(W as f32, H as f32));
    let layout = FigureLayout::for_figure(W - canvas_x as u32, H, 1.0, false);
    let shift = |r: PlotRect| PlotRect {
        x: r.x + canvas_x,
        ..r
    };
    let title =
        "f(x, y) = sin(3*x)*cos(2*y) + exp(-(x^2 + y^2)/4)*(x^3 - 3*x*y^2) + log(1 + x^2 + y^2)";
    let input = OverlayInput {
        view: View::new(-2.0, 2.0, -1.0, 1.0).expect("valid view"),
        plot: shift(layout.plot),
        colorbar: None,
        title,
        subtitle: Some("where descent ends: Gradient descent, η = 0.025000; 29704 starts: 0.0% converged, 9.0% diverged"),
        axis_names: ("x", "y"),
        labels: &[],
        contour_labels: None,
        scale: layout.scale,
        theme,
        extra: None,
        colorbar_label: None,
        legend: &[],
        pin: None,
        panel: None,
            data: None,
    };
    let img = render((W, H), 1.0, bg, |p| {
        paint_overlay(&p.with_clip_rect(canvas), &input);
    });
    img.save_png("overlay_fitted_title.png");
    assert_eq!(
        img.changed(bg, (0.0, canvas_x), (0.0, H as f32)),
        0,
        "the overlay drew left of its canvas"
    );
    // Title and subtitle bands: text there, and not cut by the canvas' edge (a fitted line
    // leaves a margin on both sides).
    let band = (0.0, input.plot.y - 2.0);
    assert!(
        img.changed(bg, (canvas_x, W as f32), band) > 100,
        "no title drawn"
    );
    for (edge, name) in [(canvas_x, "left"), (W as f32 - 2.0, "right")] {
        assert_eq!(
            img.changed(bg, (edge, edge + 2.0), band),
            0,
            "the title runs into the canvas' {name} edge"
        );
    }
}

//! The overlay rendered through egui-wgpu onto a plain 640×360 texture and read back: text
//! appears in the title band and along both axes, and the colour bar reproduces the LUT.

use gradfield::render::egui_offscreen::EguiOffscreen;
use gradfield::render::overlay::{
    paint_overlay, ColorBar, FigureLayout, Label, OverlayInput, Theme,
};
use gradfield::View;

const W: u32 = 640;
const H: u32 = 360;
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

/// Renders `draw` over a target cleared with `bg`, returns RGBA8 rows (W×H).
fn render(bg: [u8; 4], draw: impl FnMut(&egui::Painter)) -> Vec<u8> {
    let (device, queue) = device();
    let texture = device.create_texture(&wgpu::TextureDescriptor {
        label: Some("test::target"),
        size: wgpu::Extent3d {
            width: W,
            height: H,
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
    egui.paint(&device, &queue, &mut encoder, &view, (W, H), 1.0, draw);
    let buffer = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("test::readback"),
        size: (W * H * 4) as u64,
        usage: wgpu::BufferUsages::COPY_DST | wgpu::BufferUsages::MAP_READ,
        mapped_at_creation: false,
    });
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer: &buffer,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(W * 4),
                rows_per_image: Some(H),
            },
        },
        wgpu::Extent3d {
            width: W,
            height: H,
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
    mapped.to_vec()
}

fn lut() -> [[u8; 4]; 256] {
    std::array::from_fn(|k| [k as u8, 255 - k as u8, (k * 7 % 256) as u8, 255])
}

fn px(img: &[u8], x: u32, y: u32) -> [u8; 4] {
    let i = ((y * W + x) * 4) as usize;
    [img[i], img[i + 1], img[i + 2], img[i + 3]]
}

/// How many pixels in the band [x0, x1) × [y0, y1) differ from `bg`.
fn changed(img: &[u8], bg: [u8; 4], (x0, x1): (f32, f32), (y0, y1): (f32, f32)) -> usize {
    let mut n = 0;
    for y in y0.max(0.0) as u32..(y1.min(H as f32) as u32) {
        for x in x0.max(0.0) as u32..(x1.min(W as f32) as u32) {
            if px(img, x, y)[..3] != bg[..3] {
                n += 1;
            }
        }
    }
    n
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
        }),
        title: "f(w, b) = w^2 + 3*b^2",
        subtitle: Some("gradient descent, η = 0.1"),
        axis_names: ("w", "b"),
        labels: &labels,
        contour_labels: None,
        scale: layout.scale,
        theme,
        extra: None,
    };
    let img = render(bg, |p| paint_overlay(p, &input));
    save_png(&img, "overlay_640x360.png");
    let (p, f) = (layout.plot, 18.0 * layout.scale);

    // Text drawn: the title band, the x tick-label band below the plot, the y tick-label band
    // left of it and the colour-bar label band right of the bar each hold many changed pixels.
    let title = changed(&img, bg, (0.0, W as f32), (0.0, p.y - 1.5 * f));
    let x_labels = changed(
        &img,
        bg,
        (p.x, p.right()),
        (p.bottom() + 0.5 * f, p.bottom() + 1.9 * f),
    );
    let y_labels = changed(&img, bg, (0.0, p.x - 0.6 * f), (p.y, p.bottom()));
    let cb = layout.colorbar;
    let bar_labels = changed(
        &img,
        bg,
        (cb.right() + 0.5 * f, W as f32),
        (cb.y, cb.bottom()),
    );
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
    assert_eq!(
        px(&img, (p.x + 3.0) as u32, (p.y + 3.0) as u32)[..3],
        bg[..3]
    );

    // The colour strip, from its top (max) to the undefined swatch, shows the LUT in order.
    let strip_h = cb.h - 1.6 * f;
    let x = (cb.x + cb.w / 2.0) as u32;
    let mut last_k = 256usize;
    let mut rows = 0;
    for y in (cb.y.ceil() as u32 + 1)..((cb.y + strip_h).floor() as u32 - 1) {
        let k = ((cb.y + strip_h - (y as f32 + 0.5)) / (strip_h / 256.0)).floor() as usize;
        let want = lut[k.min(255)];
        let got = px(&img, x, y);
        // ±1 per channel: egui's shader converts gamma → linear → gamma in f32.
        let close = (0..3).all(|c| (got[c] as i32 - want[c] as i32).abs() <= 1);
        // A row that straddles two entries may take either neighbour.
        let neighbour = [k.saturating_sub(1), (k + 1).min(255)]
            .iter()
            .any(|&n| (0..3).all(|c| (got[c] as i32 - lut[n][c] as i32).abs() <= 1));
        assert!(
            close || neighbour,
            "row {y}: got {got:?}, LUT[{k}] = {want:?}"
        );
        assert!(
            k <= last_k,
            "colours must go from max at the top to min at the bottom"
        );
        last_k = k;
        rows += 1;
    }
    assert!(
        rows > 100 && last_k < 8,
        "strip covered {rows} rows, ended at entry {last_k}"
    );
}

/// Writes the rendered picture next to the test binaries for a look (never committed).
fn save_png(img: &[u8], name: &str) {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let Ok(file) = std::fs::File::create(&path) else {
        return;
    };
    let mut enc = png::Encoder::new(std::io::BufWriter::new(file), W, H);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    if let Ok(mut w) = enc.write_header() {
        let _ = w.write_image_data(img);
    }
}

//! Resident memory while the renderer redraws its layers, headless: a diagnostic for memory
//! that grows with use. Each frame changes one thing (`pan`: the view, re-evaluating the
//! field; `colormap`: the colour map; `background`: only the clear colour) and the process's
//! RSS is printed every 100 frames. `cargo run --release --example redraw_memory -- colormap`.
//! On lavapipe (Mesa 22.3.6) each redraw of the heatmap keeps about 0.65 MB whatever the
//! plot's size; a frame that changes nothing keeps nothing.

use gradfield::gpu::{Gpu, GradientMode};
use gradfield::render::{Colormap, Layout, RenderSettings, Renderer};
use gradfield::View;

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() -> gradfield::Result<()> {
    let mode = std::env::args().nth(1).unwrap_or_else(|| "pan".into());
    let gpu = Gpu::headless()?;
    let f = gradfield::expr::Function::parse("x^2 + y^2")?;
    let format = wgpu::TextureFormat::Rgba8UnormSrgb;
    let mut renderer = Renderer::new(&gpu, format, &f)?;
    let layout = Layout::full(800, 700);
    let mut settings = RenderSettings::default();
    let target = gpu.device.create_texture(&wgpu::TextureDescriptor {
        label: Some("redraw_memory::target"),
        size: wgpu::Extent3d {
            width: 800,
            height: 700,
            depth_or_array_layers: 1,
        },
        mip_level_count: 1,
        sample_count: 1,
        dimension: wgpu::TextureDimension::D2,
        format,
        usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_DST,
        view_formats: &[],
    });
    for i in 0..=400 {
        let shift = if mode == "pan" { i as f64 * 0.01 } else { 0.0 };
        match mode.as_str() {
            "colormap" => settings.colormap = Colormap::ALL[i % 2],
            "background" => renderer.set_background([0, 0, (i % 2) as u8 * 255, 255]),
            _ => {}
        }
        let view = View::new(-3.0 + shift, 3.0 + shift, -3.0, 3.0)?;
        let work = renderer.prepare_layers(&gpu, &layout, &view, &settings, GradientMode::Exact)?;
        let mut encoder = gpu.device.create_command_encoder(&Default::default());
        renderer.encode(&mut encoder, &target, &work);
        gpu.queue.submit([encoder.finish()]);
        if work.range {
            renderer.fetch_range(&gpu)?;
        }
        let _ = gpu.device.poll(wgpu::PollType::wait_indefinitely());
        if i % 100 == 0 {
            println!("{mode}: frame {i}: {:.1} MB", rss_mb());
        }
    }
    Ok(())
}

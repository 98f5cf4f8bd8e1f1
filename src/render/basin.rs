//! `BasinPass`: draws a convergence map (see `gpu::converge`) instead of the heatmap, each
//! plot pixel coloured by where descent from it ends or by when it converged
//! (shaders/basin.wgsl).

use super::settings::PlotRect;
use super::util::{self};
use super::Colormap;
use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry, uniform_entry};
use crate::view::View;

/// Bytes of the colour map's LUT as the shader binds it (packed RGBA8 entries).
const LUT_BYTES: u64 = super::LUT_SIZE as u64 * 4;

/// The convergence-map shader.
pub(crate) const BASIN_WGSL: super::WgslFile = super::wgsl_file!("basin.wgsl");

pub use crate::document::MapMode;

/// A computed convergence map as the pass needs to read it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    pub mode: MapMode,
    /// The run's step limit.
    pub steps: u32,
    /// The map's grid W×H.
    pub size: (u32, u32),
    /// The view the starts were taken from.
    pub view: View,
}

/// The layout of `MapParams` (tests/layout.rs compares it with the shader's).
pub(crate) fn map_params_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "MapParams",
        MapParams {
            mode,
            steps,
            size,
            center,
            half_extent,
            cell_scale,
            cell_offset
        }
    )
}

/// Uniform of the pass (`MapParams` in shaders/basin.wgsl).
#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct MapParams {
    mode: u32,
    steps: u32,
    size: [u32; 2],
    center: [f32; 2],
    half_extent: [f32; 2],
    cell_scale: [f32; 2],
    cell_offset: [f32; 2],
}

/// The affine map from plot pixels (of a `plot`-sized plot showing `shown`) to cells of `map`:
/// (scale, offset), cell = pixel · scale + offset. The identity scaled by grid / plot when the
/// map was computed for the view shown.
pub(crate) fn cell_transform(
    map: &MapView,
    shown: &View,
    plot: (u32, u32),
) -> ([f32; 2], [f32; 2]) {
    let (mw, mh) = (f64::from(map.size.0.max(1)), f64::from(map.size.1.max(1)));
    let (pw, ph) = (f64::from(plot.0.max(1)), f64::from(plot.1.max(1)));
    let m = &map.view;
    let sx = shown.width() / pw * mw / m.width();
    let sy = shown.height() / ph * mh / m.height();
    let ox = (shown.x0 - m.x0) * mw / m.width();
    let oy = (m.y1 - shown.y1) * mh / m.height();
    ([sx as f32, sy as f32], [ox as f32, oy as f32])
}

/// The convergence-map render pass.
#[derive(Debug)]
pub(crate) struct BasinPass {
    layout: wgpu::BindGroupLayout,
    pipeline: wgpu::RenderPipeline,
    map: wgpu::Buffer,
    lut: wgpu::Buffer,
    bind_group: Option<wgpu::BindGroup>,
    /// What is uploaded and bound now, so that a frame with the same map changes nothing.
    uploaded: Option<MapParams>,
    colormap: Option<Colormap>,
    bound_walkers: Option<wgpu::Buffer>,
}

impl BasinPass {
    /// Compiles the shader for targets of `format`.
    pub(crate) fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Result<BasinPass> {
        let module = util::create_shader(device, "BasinPass::module", BASIN_WGSL)?;
        let f = wgpu::ShaderStages::FRAGMENT;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("BasinPass::layout"),
            entries: &[
                uniform_entry(0, f),
                storage_entry(1, f, true),
                uniform_entry(2, f),
                uniform_entry(3, f),
            ],
        });
        let pipeline = util::render_pipeline(
            device,
            "BasinPass::pipeline",
            &module,
            &layout,
            format,
            None,
        )?;
        let buffer = |label, size, usage| {
            device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(label),
                size,
                usage,
                mapped_at_creation: false,
            })
        };
        use wgpu::BufferUsages as U;
        let map_size = std::mem::size_of::<MapParams>() as u64;
        Ok(BasinPass {
            layout,
            pipeline,
            map: buffer("BasinPass::map", map_size, U::UNIFORM | U::COPY_DST),
            lut: buffer("BasinPass::lut", LUT_BYTES, U::UNIFORM | U::COPY_DST),
            bind_group: None,
            uploaded: None,
            colormap: None,
            bound_walkers: None,
        })
    }

    /// Uploads the map's settings and the colour map, and binds the frame uniform and the
    /// walker buffer of `gpu::converge`; `shown` is the view of the `plot`-sized plot. Each
    /// only when it changed since the last frame.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        params: &wgpu::Buffer,
        walkers: &wgpu::Buffer,
        map: &MapView,
        (shown, plot): (&View, (u32, u32)),
        colormap: Colormap,
    ) {
        let (cell_scale, cell_offset) = cell_transform(map, shown, plot);
        let (cx, cy) = map.view.center();
        let p = MapParams {
            mode: match map.mode {
                MapMode::Basin => 0,
                MapMode::Steps => 1,
            },
            steps: map.steps,
            size: [map.size.0.max(1), map.size.1.max(1)],
            center: [cx as f32, cy as f32],
            half_extent: [
                (map.view.width() / 2.0) as f32,
                (map.view.height() / 2.0) as f32,
            ],
            cell_scale,
            cell_offset,
        };
        if self
            .uploaded
            .map(|u| bytemuck::bytes_of(&u) != bytemuck::bytes_of(&p))
            != Some(false)
        {
            queue.write_buffer(&self.map, 0, bytemuck::bytes_of(&p));
            self.uploaded = Some(p);
        }
        if self.colormap != Some(colormap) {
            queue.write_buffer(&self.lut, 0, bytemuck::cast_slice(&colormap.lut()));
            self.colormap = Some(colormap);
        }
        if self.bound_walkers.as_ref() != Some(walkers) {
            self.bind_group = Some(bind_group(
                device,
                "BasinPass::bind_group",
                &self.layout,
                &[params, walkers, &self.map, &self.lut],
            ));
            self.bound_walkers = Some(walkers.clone());
        }
    }

    /// Records the map over `plot`.
    pub(crate) fn draw(&self, pass: &mut wgpu::RenderPass<'_>, plot: PlotRect) {
        if let Some(bg) = &self.bind_group {
            util::draw_over_plot(pass, &self.pipeline, bg, plot);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(view: View, size: (u32, u32)) -> MapView {
        MapView {
            mode: MapMode::Basin,
            steps: 10,
            size,
            view,
        }
    }

    #[test]
    fn cell_transform_follows_the_view() {
        let v = View::new(-4.0, 4.0, -2.0, 2.0).unwrap();
        // Same view, map at 1/4 of a 400×200 plot: pixel 399.5 is in cell 99.
        let (s, o) = cell_transform(&map(v, (100, 50)), &v, (400, 200));
        assert_eq!((s, o), ([0.25, 0.25], [0.0, 0.0]));
        // The view panned right by 1 (50 px): pixel 0 shows x = -3, which was cell 12.5 of
        // the map (8 units over 100 cells); up by 1: y1 = 3 is one unit above the map's top.
        let panned = View::new(-3.0, 5.0, -1.0, 3.0).unwrap();
        let (s, o) = cell_transform(&map(v, (100, 50)), &panned, (400, 200));
        assert_eq!(s, [0.25, 0.25]);
        assert!(
            (o[0] - 12.5).abs() < 1e-5 && (o[1] + 12.5).abs() < 1e-5,
            "{o:?}"
        );
        // Zoomed in ×2 about the centre: half the cells per pixel, starting a quarter in.
        let zoomed = View::new(-2.0, 2.0, -1.0, 1.0).unwrap();
        let (s, o) = cell_transform(&map(v, (100, 50)), &zoomed, (400, 200));
        assert_eq!(s, [0.125, 0.125]);
        assert_eq!(o, [25.0, 12.5]);
    }
}

//! `BasinPass`: draws a convergence map (see `gpu::converge`) instead of the heatmap, each
//! plot pixel coloured by where descent from it ends or by when it converged
//! (shaders/basin.wgsl).

use super::settings::PlotRect;
use super::util::{self};
use super::{with_common, Colormap};
use crate::error::{Error, Result};
use crate::gpu::binding::{bind_group, storage_entry, uniform_entry};
use crate::view::View;

/// The convergence-map shader (without the common prelude).
pub const BASIN_WGSL: &str = include_str!("../../shaders/basin.wgsl");

/// What a convergence-map pixel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMode {
    /// The minimum it reaches: hue from the final point's angle around the view centre.
    Basin,
    /// The step at which it converged, through the colour map.
    Steps,
}

impl std::str::FromStr for MapMode {
    type Err = Error;
    fn from_str(s: &str) -> Result<MapMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "basin" => Ok(MapMode::Basin),
            "steps" => Ok(MapMode::Steps),
            other => Err(Error::Input(format!(
                "--converge-map '{other}': expected basin or steps"
            ))),
        }
    }
}

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

/// Uniform of the pass (keep in sync with `MapParams` in shaders/basin.wgsl).
#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct MapParams {
    mode: u32,
    steps: u32,
    size: [u32; 2],
    center: [f32; 2],
    half_extent: [f32; 2],
}

/// The convergence-map render pass.
#[derive(Debug)]
pub struct BasinPass {
    layout: wgpu::BindGroupLayout,
    pipeline: wgpu::RenderPipeline,
    map: wgpu::Buffer,
    lut: wgpu::Buffer,
    bind_group: Option<wgpu::BindGroup>,
}

impl BasinPass {
    /// Compiles the shader for targets of `format`.
    pub fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Result<BasinPass> {
        let module = util::create_shader(device, "BasinPass::module", &with_common(BASIN_WGSL))?;
        let f = wgpu::ShaderStages::FRAGMENT;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("BasinPass::layout"),
            entries: &[
                uniform_entry(0, f),
                storage_entry(1, f, true),
                uniform_entry(2, f),
                storage_entry(3, f, true),
            ],
        });
        let pipeline = util::render_pipeline(
            device,
            "BasinPass::pipeline",
            &module,
            &layout,
            format,
            None,
        );
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
            lut: buffer("BasinPass::lut", 256 * 4, U::STORAGE | U::COPY_DST),
            bind_group: None,
        })
    }

    /// Uploads the map's settings and the colour map, and binds the frame uniform and the
    /// walker buffer of `gpu::converge`.
    pub fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        params: &wgpu::Buffer,
        walkers: &wgpu::Buffer,
        map: &MapView,
        colormap: Colormap,
    ) {
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
        };
        queue.write_buffer(&self.map, 0, bytemuck::bytes_of(&p));
        queue.write_buffer(&self.lut, 0, bytemuck::cast_slice(&colormap.lut()));
        self.bind_group = Some(bind_group(
            device,
            "BasinPass::bind_group",
            &self.layout,
            &[params, walkers, &self.map, &self.lut],
        ));
    }

    /// Records the map over `plot`.
    pub fn draw(&self, pass: &mut wgpu::RenderPass<'_>, plot: PlotRect) {
        let Some(bg) = &self.bind_group else { return };
        pass.set_viewport(
            plot.x as f32,
            plot.y as f32,
            plot.w as f32,
            plot.h as f32,
            0.0,
            1.0,
        );
        pass.set_scissor_rect(plot.x, plot.y, plot.w, plot.h);
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, bg, &[]);
        pass.draw(0..3, 0..1);
    }
}

//! `HeatmapPass`: colours one field sample per plot pixel through the colour map's LUT over
//! the GPU range, with contour lines of constant pixel width and a hatch where f is
//! undefined (shaders/heatmap.wgsl).

use super::settings::PlotRect;
use super::util::{self};
use super::{Colormap, HEATMAP_WGSL, LUT_SIZE};
use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry, uniform_entry};

/// The heatmap + contour render pass.
#[derive(Debug)]
pub struct HeatmapPass {
    layout: wgpu::BindGroupLayout,
    pipeline: wgpu::RenderPipeline,
    lut: wgpu::Buffer,
    colormap: Option<Colormap>,
    bind_group: Option<wgpu::BindGroup>,
}

impl HeatmapPass {
    /// Compiles the shader for targets of `format`.
    pub fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Result<HeatmapPass> {
        let module = util::create_shader(device, "HeatmapPass::module", HEATMAP_WGSL)?;
        let f = wgpu::ShaderStages::FRAGMENT;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("HeatmapPass::layout"),
            entries: &[
                storage_entry(0, f, true),
                storage_entry(1, f, true),
                storage_entry(2, f, true),
                uniform_entry(3, f),
            ],
        });
        let pipeline = util::render_pipeline(
            device,
            "HeatmapPass::pipeline",
            &module,
            &layout,
            format,
            None,
        )?;
        let lut =
            crate::gpu::binding::uniform_buffer(device, "HeatmapPass::lut", LUT_SIZE as u64 * 4);
        Ok(HeatmapPass {
            layout,
            pipeline,
            lut,
            colormap: None,
            bind_group: None,
        })
    }

    /// Binds the frame uniform, the field and the range result (call again when a buffer is
    /// replaced) and uploads the colour map's LUT when it changed.
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        colormap: Colormap,
        buffers: Option<(&wgpu::Buffer, &wgpu::Buffer, &wgpu::Buffer)>,
    ) {
        if self.colormap != Some(colormap) {
            queue.write_buffer(&self.lut, 0, bytemuck::cast_slice(&colormap.lut()));
            self.colormap = Some(colormap);
        }
        if let Some((params, field, range)) = buffers {
            self.bind_group = Some(bind_group(
                device,
                "HeatmapPass::bind_group",
                &self.layout,
                &[params, field, range, &self.lut],
            ));
        }
    }

    /// The colour map's LUT (the 3D surface colours with the same one).
    pub(crate) fn lut(&self) -> &wgpu::Buffer {
        &self.lut
    }

    /// Records the heatmap over `plot`.
    pub(crate) fn draw(&self, pass: &mut wgpu::RenderPass<'_>, plot: PlotRect) {
        if let Some(bg) = &self.bind_group {
            util::draw_over_plot(pass, &self.pipeline, bg, plot);
        }
    }
}

//! `MagnifyPass`: the renderer's level of detail while something changes. The layers (heatmap
//! with contours, arrows) are drawn into a texture with a fraction of the plot's pixels (¼ or
//! ⅟₁₆) from a field computed on that coarser grid, and this pass stretches the texture over
//! the plot with bilinear filtering (`shaders/magnify.wgsl`). A software GPU pays for every
//! pixel of every pass; this way a frame that moves pays for the coarse pixels and one cheap
//! full-size pass. The texture is kept (reallocated when the size changes) and freed with the
//! renderer.

use super::settings::PlotRect;
use super::util;
use crate::error::Result;

/// The magnify shader.
pub(crate) const MAGNIFY_WGSL: super::WgslFile = super::wgsl_file!("magnify.wgsl");

/// The coarse layers' texture and the pass that draws it over the plot.
#[derive(Debug)]
pub(crate) struct MagnifyPass {
    layout: wgpu::BindGroupLayout,
    pipeline: wgpu::RenderPipeline,
    sampler: wgpu::Sampler,
    format: wgpu::TextureFormat,
    /// The coarse texture, its view, its size and the bind group over it.
    coarse: Option<(
        wgpu::Texture,
        wgpu::TextureView,
        (u32, u32),
        wgpu::BindGroup,
    )>,
}

impl MagnifyPass {
    /// Compiles the shader for targets of `format` (the coarse texture has it too).
    pub(crate) fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Result<MagnifyPass> {
        let module = util::create_shader(device, "MagnifyPass::module", MAGNIFY_WGSL)?;
        let f = wgpu::ShaderStages::FRAGMENT;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("MagnifyPass::layout"),
            entries: &[
                wgpu::BindGroupLayoutEntry {
                    binding: 0,
                    visibility: f,
                    ty: wgpu::BindingType::Texture {
                        sample_type: wgpu::TextureSampleType::Float { filterable: true },
                        view_dimension: wgpu::TextureViewDimension::D2,
                        multisampled: false,
                    },
                    count: None,
                },
                wgpu::BindGroupLayoutEntry {
                    binding: 1,
                    visibility: f,
                    ty: wgpu::BindingType::Sampler(wgpu::SamplerBindingType::Filtering),
                    count: None,
                },
            ],
        });
        let pipeline = util::render_pipeline(
            device,
            "MagnifyPass::pipeline",
            &module,
            &layout,
            format,
            None,
        )?;
        let sampler = device.create_sampler(&wgpu::SamplerDescriptor {
            label: Some("MagnifyPass::sampler"),
            address_mode_u: wgpu::AddressMode::ClampToEdge,
            address_mode_v: wgpu::AddressMode::ClampToEdge,
            mag_filter: wgpu::FilterMode::Linear,
            min_filter: wgpu::FilterMode::Linear,
            ..Default::default()
        });
        Ok(MagnifyPass {
            layout,
            pipeline,
            sampler,
            format,
            coarse: None,
        })
    }

    /// Makes the coarse texture `size` (a new one only when the size changed).
    pub(crate) fn prepare(&mut self, device: &wgpu::Device, size: (u32, u32)) {
        if self.coarse.as_ref().is_some_and(|c| c.2 == size) {
            return;
        }
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("MagnifyPass::coarse"),
            size: wgpu::Extent3d {
                width: size.0,
                height: size.1,
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: self.format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::TEXTURE_BINDING,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let group = device.create_bind_group(&wgpu::BindGroupDescriptor {
            label: Some("MagnifyPass::bind_group"),
            layout: &self.layout,
            entries: &[
                wgpu::BindGroupEntry {
                    binding: 0,
                    resource: wgpu::BindingResource::TextureView(&view),
                },
                wgpu::BindGroupEntry {
                    binding: 1,
                    resource: wgpu::BindingResource::Sampler(&self.sampler),
                },
            ],
        });
        self.coarse = Some((texture, view, size, group));
    }

    /// The coarse texture to draw the layers into (after [`MagnifyPass::prepare`]).
    pub(crate) fn view(&self) -> Option<&wgpu::TextureView> {
        self.coarse.as_ref().map(|c| &c.1)
    }

    /// Records the coarse texture stretched over `plot`.
    pub(crate) fn draw(&self, pass: &mut wgpu::RenderPass<'_>, plot: PlotRect) {
        if let Some((.., group)) = &self.coarse {
            util::draw_over_plot(pass, &self.pipeline, group, plot);
        }
    }
}

//! `SurfacePass`: draws the surface's rect (shaders/surface.wgsl): its background, the floor
//! with its contour lines, and the mesh lit by its normals, coloured by the colour map with
//! the contour lines on it, with depth. Also the depth target the 3D frame draws with, and
//! the pipeline builder the 3D passes share.

use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry, uniform_entry};
use crate::gpu::shader;
use crate::render::util;

/// The depth buffer's format.
pub(crate) const DEPTH_FORMAT: wgpu::TextureFormat = wgpu::TextureFormat::Depth32Float;

/// How a 3D pipeline uses depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// Opaque geometry: tested and written.
    Write,
    /// Translucent or anti-aliased marks: tested, not written.
    Test,
    /// Behind everything, always drawn, depth untouched (the background).
    Ignore,
}

/// A 3D render pipeline over `vs` / `fs` of `module`, blending when `blend`.
pub(crate) fn pipeline3(
    device: &wgpu::Device,
    label: &str,
    (module, layout): (&wgpu::ShaderModule, &wgpu::BindGroupLayout),
    format: wgpu::TextureFormat,
    (vs, fs): (&str, &str),
    depth: Depth,
    blend: bool,
) -> Result<wgpu::RenderPipeline> {
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some(label),
        bind_group_layouts: &[Some(layout)],
        immediate_size: 0,
    });
    let (write, compare) = match depth {
        Depth::Write => (true, wgpu::CompareFunction::LessEqual),
        Depth::Test => (false, wgpu::CompareFunction::LessEqual),
        Depth::Ignore => (false, wgpu::CompareFunction::Always),
    };
    shader::render_pipeline(
        device,
        &wgpu::RenderPipelineDescriptor {
            label: Some(label),
            layout: Some(&pipeline_layout),
            vertex: wgpu::VertexState {
                module,
                entry_point: Some(vs),
                compilation_options: Default::default(),
                buffers: &[],
            },
            fragment: Some(wgpu::FragmentState {
                module,
                entry_point: Some(fs),
                compilation_options: Default::default(),
                targets: &[Some(wgpu::ColorTargetState {
                    format,
                    blend: blend.then_some(wgpu::BlendState::ALPHA_BLENDING),
                    write_mask: wgpu::ColorWrites::ALL,
                })],
            }),
            primitive: wgpu::PrimitiveState::default(),
            depth_stencil: Some(wgpu::DepthStencilState {
                format: DEPTH_FORMAT,
                depth_write_enabled: Some(write),
                depth_compare: Some(compare),
                stencil: wgpu::StencilState::default(),
                bias: wgpu::DepthBiasState::default(),
            }),
            multisample: wgpu::MultisampleState::default(),
            multiview_mask: None,
            cache: None,
        },
    )
}

/// The buffers the surface shader binds, in binding order.
pub(crate) struct SurfaceBuffers<'a> {
    pub params: &'a wgpu::Buffer,
    pub settings: &'a wgpu::Buffer,
    pub nodes: &'a wgpu::Buffer,
    pub lut: &'a wgpu::Buffer,
    pub field: &'a wgpu::Buffer,
}

/// The background, floor and mesh pipelines.
#[derive(Debug)]
pub(crate) struct SurfacePass {
    layout: wgpu::BindGroupLayout,
    background: wgpu::RenderPipeline,
    floor: wgpu::RenderPipeline,
    mesh: wgpu::RenderPipeline,
    bind_group: Option<wgpu::BindGroup>,
}

impl SurfacePass {
    pub(crate) fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Result<SurfacePass> {
        let module = util::create_shader(device, "SurfacePass::module", super::SURFACE_WGSL)?;
        let vf = wgpu::ShaderStages::VERTEX_FRAGMENT;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("SurfacePass::layout"),
            entries: &[
                storage_entry(0, vf, true),
                storage_entry(1, vf, true),
                storage_entry(2, vf, true),
                uniform_entry(3, vf),
                storage_entry(4, vf, true),
            ],
        });
        let m = (&module, &layout);
        Ok(SurfacePass {
            background: pipeline3(
                device,
                "SurfacePass::background",
                m,
                format,
                ("vs_main", "fs_bg"),
                Depth::Ignore,
                false,
            )?,
            floor: pipeline3(
                device,
                "SurfacePass::floor",
                m,
                format,
                ("vs_floor", "fs_floor"),
                Depth::Write,
                false,
            )?,
            mesh: pipeline3(
                device,
                "SurfacePass::mesh",
                m,
                format,
                ("vs_mesh", "fs_mesh"),
                Depth::Write,
                false,
            )?,
            layout,
            bind_group: None,
        })
    }

    /// Binds the buffers (call again when one is replaced).
    pub(crate) fn bind(&mut self, device: &wgpu::Device, b: &SurfaceBuffers) {
        self.bind_group = Some(bind_group(
            device,
            "SurfacePass::bind_group",
            &self.layout,
            &[b.params, b.settings, b.nodes, b.lut, b.field],
        ));
    }

    /// Records the rect's background (unless `cleared`: the target was just cleared to it),
    /// the mesh (`indices`: its triangles) and the floor, in that order so that the floor's
    /// hidden pixels fail the depth test before they are shaded (on a software adapter a
    /// shaded pixel is what a frame costs).
    pub(crate) fn draw(
        &self,
        pass: &mut wgpu::RenderPass<'_>,
        indices: Option<(&wgpu::Buffer, u32)>,
        cleared: bool,
    ) {
        let Some(bg) = &self.bind_group else {
            return;
        };
        pass.set_bind_group(0, bg, &[]);
        if !cleared {
            pass.set_pipeline(&self.background);
            pass.draw(0..3, 0..1);
        }
        if let Some((buffer, count)) = indices.filter(|(_, n)| *n > 0) {
            pass.set_pipeline(&self.mesh);
            pass.set_index_buffer(buffer.slice(..), wgpu::IndexFormat::Uint32);
            pass.draw_indexed(0..count, 0, 0..1);
        }
        pass.set_pipeline(&self.floor);
        pass.draw(0..6, 0..1);
    }
}

/// The depth texture of a 3D frame, made anew when the target's size changes.
#[derive(Debug)]
pub(crate) struct DepthTarget {
    view: wgpu::TextureView,
    size: (u32, u32),
}

impl DepthTarget {
    /// A depth target for a `size` target, or `old` when it already has that size.
    pub(crate) fn ensure(
        device: &wgpu::Device,
        old: Option<DepthTarget>,
        size: (u32, u32),
    ) -> DepthTarget {
        if let Some(d) = old.filter(|d| d.size == size) {
            return d;
        }
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("DepthTarget::texture"),
            size: wgpu::Extent3d {
                width: size.0.max(1),
                height: size.1.max(1),
                depth_or_array_layers: 1,
            },
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: DEPTH_FORMAT,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT,
            view_formats: &[],
        });
        DepthTarget {
            view: texture.create_view(&wgpu::TextureViewDescriptor::default()),
            size,
        }
    }

    pub(crate) fn view(&self) -> &wgpu::TextureView {
        &self.view
    }

    pub(crate) fn size(&self) -> (u32, u32) {
        self.size
    }
}

//! Small GPU helpers the passes share: shader and pipeline creation inside error scopes,
//! grow-only buffers and the full-plot draw.

use crate::error::Result;
use crate::gpu::shader;

/// Builds a shader module from `shader` (imports resolved, parsed and validated once by naga)
/// inside a validation error scope, so a bad shader is an `Error::Shader` rather than a panic.
pub(crate) fn create_shader(
    device: &wgpu::Device,
    label: &str,
    shader: super::WgslFile,
) -> Result<wgpu::ShaderModule> {
    shader::shader_module(device, label, &super::resolve_shader(shader)?)
}

/// A buffer that only ever grows (doubling), so steady frames allocate nothing.
#[derive(Debug)]
pub(crate) struct GrowBuffer {
    pub buffer: wgpu::Buffer,
    label: &'static str,
    usage: wgpu::BufferUsages,
}

impl GrowBuffer {
    pub(super) fn new(
        device: &wgpu::Device,
        label: &'static str,
        usage: wgpu::BufferUsages,
    ) -> Self {
        GrowBuffer {
            buffer: make(device, label, usage, 256),
            label,
            usage,
        }
    }

    /// Makes room for `bytes`; true when the buffer was replaced (bind groups must follow).
    pub(crate) fn ensure(&mut self, device: &wgpu::Device, bytes: u64) -> bool {
        if bytes <= self.buffer.size() {
            return false;
        }
        let size = bytes.next_power_of_two().max(256);
        self.buffer = make(device, self.label, self.usage, size);
        true
    }
}

fn make(device: &wgpu::Device, label: &str, usage: wgpu::BufferUsages, size: u64) -> wgpu::Buffer {
    device.create_buffer(&wgpu::BufferDescriptor {
        label: Some(label),
        size,
        usage,
        mapped_at_creation: false,
    })
}

/// A render pipeline over `vs_main` / `fs_main` of `module` with one bind group of `layout`.
/// Without `instances` it is a full-plot pass (no vertex buffers, opaque output); with them,
/// an instanced triangle strip blended over what is drawn already (arrows, paths).
pub(crate) fn render_pipeline(
    device: &wgpu::Device,
    label: &str,
    module: &wgpu::ShaderModule,
    layout: &wgpu::BindGroupLayout,
    format: wgpu::TextureFormat,
    instances: Option<wgpu::VertexBufferLayout<'_>>,
) -> Result<wgpu::RenderPipeline> {
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some(label),
        bind_group_layouts: &[Some(layout)],
        immediate_size: 0,
    });
    let (blend, topology) = match &instances {
        Some(_) => (
            Some(wgpu::BlendState::ALPHA_BLENDING),
            wgpu::PrimitiveTopology::TriangleStrip,
        ),
        None => (None, wgpu::PrimitiveTopology::TriangleList),
    };
    shader::render_pipeline(
        device,
        &wgpu::RenderPipelineDescriptor {
            label: Some(label),
            layout: Some(&pipeline_layout),
            vertex: wgpu::VertexState {
                module,
                entry_point: Some("vs_main"),
                compilation_options: Default::default(),
                buffers: match &instances {
                    Some(_) => std::slice::from_ref(&instances),
                    None => &[],
                },
            },
            fragment: Some(wgpu::FragmentState {
                module,
                entry_point: Some("fs_main"),
                compilation_options: Default::default(),
                targets: &[Some(wgpu::ColorTargetState {
                    format,
                    blend,
                    write_mask: wgpu::ColorWrites::ALL,
                })],
            }),
            primitive: wgpu::PrimitiveState {
                topology,
                ..Default::default()
            },
            depth_stencil: None,
            multisample: wgpu::MultisampleState::default(),
            multiview_mask: None,
            cache: None,
        },
    )
}

/// A compute pipeline for `entry` of `module`, built inside a validation error scope.
pub(crate) fn compute_pipeline(
    device: &wgpu::Device,
    label: &str,
    layout: &wgpu::PipelineLayout,
    module: &wgpu::ShaderModule,
    entry: &str,
) -> Result<wgpu::ComputePipeline> {
    shader::compute_pipeline_from(
        device,
        &wgpu::ComputePipelineDescriptor {
            label: Some(label),
            layout: Some(layout),
            module,
            entry_point: Some(entry),
            compilation_options: Default::default(),
            cache: None,
        },
    )
}

/// Draws the one triangle of a full-plot pass (heatmap, convergence map) with the viewport
/// and scissor set to `plot`.
pub(crate) fn draw_over_plot(
    pass: &mut wgpu::RenderPass<'_>,
    pipeline: &wgpu::RenderPipeline,
    bind_group: &wgpu::BindGroup,
    plot: super::settings::PlotRect,
) {
    pass.set_viewport(
        plot.x as f32,
        plot.y as f32,
        plot.w as f32,
        plot.h as f32,
        0.0,
        1.0,
    );
    pass.set_scissor_rect(plot.x, plot.y, plot.w, plot.h);
    pass.set_pipeline(pipeline);
    pass.set_bind_group(0, bind_group, &[]);
    pass.draw(0..3, 0..1);
}

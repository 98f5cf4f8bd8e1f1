//! `ArrowPass`: the gradient arrow field. A compute pass reads the field at anchors spaced in
//! pixels and writes one `ArrowInstance` each; a render pass draws them instanced as
//! anti-aliased arrows (shaders/arrows.wgsl).

use super::settings::Layout;
use super::util::{self, GrowBuffer};
use super::{ArrowInstance, ARROWS_WGSL, ARROW_WORKGROUP};
use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry};

const INSTANCE_BYTES: u64 = std::mem::size_of::<ArrowInstance>() as u64;

/// The arrow compute + render pass.
#[derive(Debug)]
pub struct ArrowPass {
    compute_layout: wgpu::BindGroupLayout,
    compute: wgpu::ComputePipeline,
    render: wgpu::RenderPipeline,
    render_bind_group: wgpu::BindGroup,
    instances: GrowBuffer,
    compute_bind_group: Option<wgpu::BindGroup>,
    count: u32,
}

impl ArrowPass {
    /// Compiles the shader for targets of `format`; `params` is the frame uniform.
    pub fn new(
        device: &wgpu::Device,
        format: wgpu::TextureFormat,
        params: &wgpu::Buffer,
    ) -> Result<ArrowPass> {
        let module = util::create_shader(device, "ArrowPass::module", ARROWS_WGSL)?;
        let c = wgpu::ShaderStages::COMPUTE;
        let compute_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("ArrowPass::compute_layout"),
            entries: &[
                storage_entry(0, c, true),
                storage_entry(1, c, true),
                storage_entry(2, c, true),
                storage_entry(3, c, false),
            ],
        });
        let render_layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("ArrowPass::render_layout"),
            entries: &[storage_entry(
                0,
                wgpu::ShaderStages::VERTEX | wgpu::ShaderStages::FRAGMENT,
                true,
            )],
        });
        let layout_of = |label, l: &wgpu::BindGroupLayout| {
            device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
                label: Some(label),
                bind_group_layouts: &[Some(l)],
                immediate_size: 0,
            })
        };
        let cpl = layout_of("ArrowPass::compute_pipeline_layout", &compute_layout);
        let compute =
            util::compute_pipeline(device, "ArrowPass::compute", &cpl, &module, "cs_main")?;
        let instances = wgpu::VertexBufferLayout {
            array_stride: INSTANCE_BYTES,
            step_mode: wgpu::VertexStepMode::Instance,
            attributes: &wgpu::vertex_attr_array![
                0 => Float32x2, 1 => Float32x2, 2 => Float32, 3 => Float32
            ],
        };
        let render = util::render_pipeline(
            device,
            "ArrowPass::render",
            &module,
            &render_layout,
            format,
            Some(instances),
        )?;
        use wgpu::BufferUsages as U;
        Ok(ArrowPass {
            render_bind_group: bind_group(
                device,
                "ArrowPass::render_bind_group",
                &render_layout,
                &[params],
            ),
            compute_layout,
            compute,
            render,
            instances: GrowBuffer::new(
                device,
                "ArrowPass::instances",
                U::STORAGE | U::VERTEX | U::COPY_SRC,
            ),
            compute_bind_group: None,
            count: 0,
        })
    }

    /// Sizes the instance buffer for an `arrow_grid` of anchors and binds the compute inputs.
    /// `rebind` says the field or range buffer changed.
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        arrow_grid: [u32; 2],
        buffers: (&wgpu::Buffer, &wgpu::Buffer, &wgpu::Buffer),
        rebind: bool,
    ) {
        self.count = arrow_grid[0] * arrow_grid[1];
        let grew = self
            .instances
            .ensure(device, self.count as u64 * INSTANCE_BYTES);
        if grew || rebind || self.compute_bind_group.is_none() {
            let (params, field, range) = buffers;
            self.compute_bind_group = Some(bind_group(
                device,
                "ArrowPass::compute_bind_group",
                &self.compute_layout,
                &[params, field, range, &self.instances.buffer],
            ));
        }
    }

    /// The instances the compute pass writes (STORAGE | VERTEX | COPY_SRC).
    pub fn instance_buffer(&self) -> &wgpu::Buffer {
        &self.instances.buffer
    }

    /// Number of anchors (instances) this frame.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Records the compute pass that fills the instances from the field.
    pub(crate) fn dispatch(&self, pass: &mut wgpu::ComputePass<'_>) {
        let Some(bg) = &self.compute_bind_group else {
            return;
        };
        pass.set_pipeline(&self.compute);
        pass.set_bind_group(0, bg, &[]);
        pass.dispatch_workgroups(self.count.div_ceil(ARROW_WORKGROUP).max(1), 1, 1);
    }

    /// Records the instanced arrows, clipped to the plot.
    pub(crate) fn draw(&self, pass: &mut wgpu::RenderPass<'_>, layout: &Layout) {
        if self.count == 0 {
            return;
        }
        super::settings::set_plot_clip(pass, layout);
        pass.set_pipeline(&self.render);
        pass.set_bind_group(0, &self.render_bind_group, &[]);
        pass.set_vertex_buffer(
            0,
            self.instances
                .buffer
                .slice(..self.count as u64 * INSTANCE_BYTES),
        );
        pass.draw(0..4, 0..self.count);
    }
}

//! `StabilityPass`: draws the step-size stability map instead of the heatmap: each plot pixel
//! stable (η < 2/λmax of ∇²f there) or unstable for the current learning rate η, with the
//! boundary η = 2/λmax as a line (shaders/stability.wgsl). The samples are the Hessian
//! pass's (`gpu::hessian`), computed once per function, view and size; a new η only changes a
//! uniform, so moving the η slider moves the boundary at once.

use super::basin::cell_transform;
use super::settings::PlotRect;
use super::util;
use crate::error::Result;
use crate::gpu::binding::{bind_group, storage_entry, uniform_entry};
use crate::view::View;

/// The stability shader.
pub(crate) const STABILITY_WGSL: super::WgslFile = super::wgsl_file!("stability.wgsl");

/// A computed Hessian field as the pass needs to read it, and the η to draw it for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StabilityView {
    /// The field's grid W×H.
    pub size: (u32, u32),
    /// The view it was computed over.
    pub view: View,
    /// The learning rate whose stability is shown.
    pub lr: f64,
}

/// Uniform of the pass (`StabilityParams` in shaders/stability.wgsl).
#[repr(C)]
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
struct StabilityParams {
    size: [u32; 2],
    cell_scale: [f32; 2],
    cell_offset: [f32; 2],
    lr: f32,
    pad0: f32,
}

/// The layout of `StabilityParams` (tests/layout.rs compares it with the shader's).
pub(crate) fn params_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!(
        "StabilityParams",
        StabilityParams {
            size,
            cell_scale,
            cell_offset,
            lr,
            pad0
        }
    )
}

/// The stability-map render pass.
#[derive(Debug)]
pub(crate) struct StabilityPass {
    layout: wgpu::BindGroupLayout,
    pipeline: wgpu::RenderPipeline,
    map: wgpu::Buffer,
    bind_group: Option<wgpu::BindGroup>,
    uploaded: Option<StabilityParams>,
    bound: Option<wgpu::Buffer>,
}

impl StabilityPass {
    /// Compiles the shader for targets of `format`.
    pub(crate) fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Result<StabilityPass> {
        let module = util::create_shader(device, "StabilityPass::module", STABILITY_WGSL)?;
        let f = wgpu::ShaderStages::FRAGMENT;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("StabilityPass::layout"),
            entries: &[
                uniform_entry(0, f),
                storage_entry(1, f, true),
                uniform_entry(2, f),
            ],
        });
        let pipeline = util::render_pipeline(
            device,
            "StabilityPass::pipeline",
            &module,
            &layout,
            format,
            None,
        )?;
        let map = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("StabilityPass::map"),
            size: std::mem::size_of::<StabilityParams>() as u64,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Ok(StabilityPass {
            layout,
            pipeline,
            map,
            bind_group: None,
            uploaded: None,
            bound: None,
        })
    }

    /// Uploads the map's settings and binds the frame uniform and the Hessian buffer, each
    /// only when it changed; `shown` is the view of the `plot`-sized plot.
    pub(crate) fn prepare(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        params: &wgpu::Buffer,
        hessian: &wgpu::Buffer,
        map: &StabilityView,
        (shown, plot): (&View, (u32, u32)),
    ) {
        let basin = super::basin::MapView {
            mode: super::basin::MapMode::Basin,
            steps: 0,
            size: map.size,
            view: map.view,
        };
        let (cell_scale, cell_offset) = cell_transform(&basin, shown, plot);
        let p = StabilityParams {
            size: [map.size.0.max(1), map.size.1.max(1)],
            cell_scale,
            cell_offset,
            lr: map.lr as f32,
            pad0: 0.0,
        };
        if self
            .uploaded
            .map(|u| bytemuck::bytes_of(&u) != bytemuck::bytes_of(&p))
            != Some(false)
        {
            queue.write_buffer(&self.map, 0, bytemuck::bytes_of(&p));
            self.uploaded = Some(p);
        }
        if self.bound.as_ref() != Some(hessian) {
            self.bind_group = Some(bind_group(
                device,
                "StabilityPass::bind_group",
                &self.layout,
                &[params, hessian, &self.map],
            ));
            self.bound = Some(hessian.clone());
        }
    }

    /// Records the map over `plot`.
    pub(crate) fn draw(&self, pass: &mut wgpu::RenderPass<'_>, plot: PlotRect) {
        if let Some(bg) = &self.bind_group {
            util::draw_over_plot(pass, &self.pipeline, bg, plot);
        }
    }
}

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
use crate::gpu::hessian::HessianSample;
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
    /// Changes whenever the buffer's samples were computed again (a new function in the same
    /// buffer): the renderer redraws its cached layers then.
    pub generation: u64,
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

/// How a stability map divides the view for its η: the share of samples where descent is
/// stable, where it overshoots, where no step overshoots (no positive eigenvalue), where ∇²f
/// is undefined, and the smallest 2/λmax seen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StabilityCounts {
    pub lr: f64,
    pub stable: usize,
    pub unstable: usize,
    /// No eigenvalue positive: every η is stable there.
    pub any_step: usize,
    pub undefined: usize,
    /// The smallest 2/λmax in view (None where no sample has a positive eigenvalue).
    pub smallest: Option<f32>,
}

impl StabilityCounts {
    /// The counts of `samples` for learning rate `lr`.
    pub fn of(samples: &[HessianSample], lr: f64) -> StabilityCounts {
        let mut c = StabilityCounts {
            lr,
            stable: 0,
            unstable: 0,
            any_step: 0,
            undefined: 0,
            smallest: None,
        };
        for s in samples {
            let v = s.stable_lr;
            if v.is_nan() {
                c.undefined += 1;
            } else if v.is_infinite() {
                c.any_step += 1;
            } else {
                c.smallest = Some(c.smallest.map_or(v, |m| m.min(v)));
                if (lr as f32) > v {
                    c.unstable += 1;
                } else {
                    c.stable += 1;
                }
            }
        }
        c
    }

    /// "η = 0.05: stable on 62% of the view, overshoots on 38%; smallest 2/λmax 0.1".
    pub fn summary(&self) -> String {
        let all = (self.stable + self.unstable + self.any_step + self.undefined).max(1) as f64;
        let pct = |n: usize| 100.0 * n as f64 / all;
        let mut text = format!(
            "η = {}: stable on {:.0}% of the view, overshoots on {:.0}%",
            crate::descent::readout::number(self.lr),
            pct(self.stable + self.any_step),
            pct(self.unstable)
        );
        if let Some(m) = self.smallest {
            text.push_str(&format!(
                "; smallest 2/λmax {}",
                crate::descent::readout::number(f64::from(m))
            ));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_split_the_view_at_the_learning_rate() {
        let at = |v: f32| HessianSample {
            channels: [0.0; 6],
            stable_lr: v,
        };
        let samples = [at(0.1), at(0.2), at(f32::INFINITY), at(f32::NAN), at(0.05)];
        let c = StabilityCounts::of(&samples, 0.15);
        assert_eq!(
            (c.stable, c.unstable, c.any_step, c.undefined),
            (1, 2, 1, 1)
        );
        assert_eq!(c.smallest, Some(0.05));
        assert_eq!(
            c.summary(),
            "η = 0.15: stable on 40% of the view, overshoots on 40%; smallest 2/λmax 0.05"
        );
    }
}

//! `Renderer`: composes a frame from the field, range, heatmap, arrow and path passes. It
//! decides what changed (the field is re-evaluated only when the function, view, size or
//! gradient mode changed), records the compute passes and one render pass, and keeps the
//! last read-back colour range for the labels.

use super::settings::{frame_params, Layout, RenderSettings};
use super::{ArrowDir, ArrowPass, HeatmapPass, Params, PathDraw, PathPass, RangePass, RangeResult};
use crate::error::Result;
use crate::expr::tape::Tape;
use crate::gpu::{FieldPass, Gpu, GradientMode};
use crate::view::View;

/// Background of the target outside the plot (margins for axes, colour bar, title).
pub const BACKGROUND: wgpu::Color = wgpu::Color {
    r: 1.0,
    g: 1.0,
    b: 1.0,
    a: 1.0,
};

/// What a frame has to recompute, as decided by [`Renderer::prepare`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FrameWork {
    /// Re-evaluate f and ∇f over the grid.
    pub field: bool,
    /// Recompute the colour range (and read it back).
    pub range: bool,
    /// Recompute the arrow instances.
    pub arrows: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct FieldKey {
    view: View,
    size: (u32, u32),
    mode: GradientMode,
}

/// The frame composer. Only it and the offscreen path create encoders.
pub struct Renderer {
    format: wgpu::TextureFormat,
    field: FieldPass,
    range: RangePass,
    heatmap: HeatmapPass,
    arrows: ArrowPass,
    paths: PathPass,
    params: wgpu::Buffer,
    last_params: Option<Params>,
    field_key: Option<FieldKey>,
    function_changed: bool,
    layout: Layout,
    show_arrows: bool,
    show_paths: bool,
    last_range: Option<RangeResult>,
}

impl Renderer {
    /// Passes for targets of `format`, drawing the function compiled into `tape_f_grad`
    /// (roots f, ∂f/∂x, ∂f/∂y) and `tape_f` (root f).
    pub fn new(
        gpu: &Gpu,
        format: wgpu::TextureFormat,
        tape_f_grad: &Tape,
        tape_f: &Tape,
    ) -> Result<Renderer> {
        let device = &gpu.device;
        let params = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("Renderer::params"),
            size: std::mem::size_of::<Params>() as u64,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        Ok(Renderer {
            format,
            field: FieldPass::new(device, tape_f_grad, tape_f)?,
            range: RangePass::new(device)?,
            heatmap: HeatmapPass::new(device, format)?,
            arrows: ArrowPass::new(device, format, &params)?,
            paths: PathPass::new(device, format, &params)?,
            params,
            last_params: None,
            field_key: None,
            function_changed: true,
            layout: Layout::full(1, 1),
            show_arrows: false,
            show_paths: false,
            last_range: None,
        })
    }

    /// Switches to another function; on error the previous one stays.
    pub fn set_function(&mut self, gpu: &Gpu, tape_f_grad: &Tape, tape_f: &Tape) -> Result<()> {
        self.field.set_function(&gpu.device, tape_f_grad, tape_f)?;
        self.function_changed = true;
        Ok(())
    }

    /// The target format the passes were built for.
    pub fn format(&self) -> wgpu::TextureFormat {
        self.format
    }

    /// Uploads what changed for a frame of `layout` showing `view` and says what
    /// [`Renderer::encode`] must recompute.
    pub fn prepare(
        &mut self,
        gpu: &Gpu,
        layout: &Layout,
        view: &View,
        settings: &RenderSettings,
        gradient: GradientMode,
        paths: &[PathDraw],
    ) -> Result<FrameWork> {
        layout.validate()?;
        view.validate()?;
        settings.validate()?;
        let (device, queue) = (&gpu.device, &gpu.queue);
        let key = FieldKey {
            view: *view,
            size: (layout.plot.w, layout.plot.h),
            mode: gradient,
        };
        let mut work = FrameWork::default();
        let resized = self.field_key.map(|k| k.size) != Some(key.size);
        if self.function_changed || self.field_key != Some(key) {
            self.field
                .prepare(device, queue, view, key.size.0, key.size.1, gradient)?;
            self.field_key = Some(key);
            self.function_changed = false;
            work.field = true;
        }
        let params = frame_params(layout, view, settings, self.format);
        let changed = self.last_params != Some(params);
        if changed {
            queue.write_buffer(&self.params, 0, bytemuck::bytes_of(&params));
        }
        let range_inputs =
            |p: &Params| (p.grid, p.log_scale, p.percentile, p.flags, p.world_per_px);
        work.range =
            work.field || self.last_params.map(|p| range_inputs(&p)) != Some(range_inputs(&params));
        work.arrows = settings.arrows.direction != ArrowDir::None && (work.range || changed);
        let rebind = resized || self.last_params.is_none();
        if rebind {
            let field = self.field.buffer();
            self.range
                .prepare(device, &self.params, field, key.size.0, key.size.1);
        }
        let (field, range) = (self.field.buffer(), self.range.result_buffer());
        let bufs = (&self.params, field, range);
        self.heatmap
            .prepare(device, queue, settings.colormap, rebind.then_some(bufs));
        self.show_arrows = settings.arrows.direction != ArrowDir::None;
        if self.show_arrows {
            self.arrows.prepare(device, params.arrow_grid, bufs, rebind);
        }
        self.show_paths = settings.show_paths && !paths.is_empty();
        if self.show_paths {
            self.paths.prepare(device, queue, layout, view, paths);
        }
        self.layout = *layout;
        self.last_params = Some(params);
        Ok(work)
    }

    /// Records the compute passes `work` asks for and one render pass into `target`.
    pub fn encode(
        &self,
        encoder: &mut wgpu::CommandEncoder,
        target: &wgpu::TextureView,
        work: &FrameWork,
    ) {
        if work.field || work.range || work.arrows {
            let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                label: Some("Renderer::compute"),
                timestamp_writes: None,
            });
            if work.field {
                self.field.dispatch(&mut pass);
            }
            if work.range {
                self.range.dispatch(&mut pass);
            }
            if work.arrows {
                self.arrows.dispatch(&mut pass);
            }
        }
        if work.range {
            self.range.encode_readback(encoder);
        }
        let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
            label: Some("Renderer::render"),
            color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                view: target,
                depth_slice: None,
                resolve_target: None,
                ops: wgpu::Operations {
                    load: wgpu::LoadOp::Clear(BACKGROUND),
                    store: wgpu::StoreOp::Store,
                },
            })],
            depth_stencil_attachment: None,
            timestamp_writes: None,
            occlusion_query_set: None,
            multiview_mask: None,
        });
        self.heatmap.draw(&mut pass, self.layout.plot);
        if self.show_arrows {
            self.arrows.draw(&mut pass, &self.layout);
        }
        if self.show_paths {
            self.paths.draw(&mut pass, &self.layout);
        }
    }

    /// After submitting a frame whose work had `range`, waits for the range read-back.
    pub fn fetch_range(&mut self, gpu: &Gpu) -> Result<RangeResult> {
        let r = self.range.read(&gpu.device)?;
        self.last_range = Some(r);
        Ok(r)
    }

    /// The last read-back colour range (lo, hi) in f, for the colour-bar labels; None
    /// before the first read-back or when nothing on screen is defined.
    pub fn range(&self) -> Option<(f32, f32)> {
        self.last_range
            .filter(|r| r.count > 0)
            .map(|r| (r.lo, r.hi))
    }

    /// The last read-back range with its log mapping and gradient scale.
    pub fn range_result(&self) -> Option<RangeResult> {
        self.last_range
    }

    /// The field pass (its buffer holds the last evaluated grid).
    pub fn field(&self) -> &FieldPass {
        &self.field
    }

    /// The arrow pass (its instance buffer holds the last computed arrows).
    pub fn arrows(&self) -> &ArrowPass {
        &self.arrows
    }
}

//! `Renderer`: composes a frame from the field, range, heatmap, arrow and path passes. It
//! decides what changed (the field is re-evaluated only when the function, view, size or
//! gradient mode changed; the heatmap and arrows are redrawn only when they changed, and
//! otherwise copied from the layer cache), records the compute and render passes (encode.rs),
//! and keeps the last read-back colour range for the labels.

mod color;
mod detail;
mod encode;
mod paths;
mod range;
mod surface;

pub use color::ColorLayer;
pub use encode::Layers;

use super::basin::{BasinPass, MapView};
use super::layer_cache::{LayerCache, LayerKey};
use super::settings::{frame_params, Layout, RenderSettings};
use super::{ArrowDir, ArrowPass, HeatmapPass, Params, PathDraw, PathPass, RangePass, RangeResult};
use crate::error::Result;
use crate::expr::tape::Tape;
use crate::expr::Function;
use crate::gpu::field::function_tapes;
use crate::gpu::{FieldPass, Gpu, GradientMode};
use crate::view::View;

/// Background of the target outside the plot (margins for axes, colour bar, title).
pub(crate) const BACKGROUND: wgpu::Color = wgpu::Color {
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
    /// Redraw the heatmap (or convergence map) and arrows; when false, a target that can be
    /// copied into gets them from the layer cache.
    pub layers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct FieldKey {
    view: View,
    size: (u32, u32),
    mode: GradientMode,
    /// The field's level of detail (`FieldPass::set_stride`).
    stride: u32,
}

/// The frame composer. Only it and the offscreen path create encoders.
pub struct Renderer {
    format: wgpu::TextureFormat,
    field: FieldPass,
    range: RangePass,
    heatmap: HeatmapPass,
    arrows: ArrowPass,
    paths: PathPass,
    /// The axes' rules, and whether they changed since the layers were last drawn.
    rules: super::rules::RulePass,
    rules_changed: bool,
    basin: Option<BasinPass>,
    converge_map: Option<(wgpu::Buffer, MapView)>,
    stability: Option<super::stability::StabilityPass>,
    stability_map: Option<(wgpu::Buffer, super::stability::StabilityView)>,
    /// The gradient check's step while the check is shown (see [`ColorLayer`]).
    check: Option<f32>,
    /// The frame parameters of the layers (range, heatmap, arrows, maps): those of the coarse
    /// texture while the resolution is divided (see `renderer/detail.rs`).
    params: wgpu::Buffer,
    last_params: Option<Params>,
    /// The frame parameters of the paths, always those of the target's plot.
    path_params: wgpu::Buffer,
    last_path_params: Option<Params>,
    /// The resolution divisor asked for ([`Renderer::set_resolution`]) and the one the last
    /// frame's layers were drawn at.
    resolution: u32,
    drawn_divisor: u32,
    /// The coarse layers' texture and the pass that magnifies it, made on first use.
    magnify: Option<super::magnify::MagnifyPass>,
    /// Where the layers are drawn: `layout`, or the coarse texture's.
    layer_layout: Layout,
    field_key: Option<FieldKey>,
    /// See [`Renderer::set_field_stride`].
    field_stride: u32,
    function_changed: bool,
    layout: Layout,
    show_arrows: bool,
    show_paths: bool,
    last_range: Option<RangeResult>,
    background: wgpu::Color,
    /// The same colour as given, RGBA8 sRGB (the 3D view's rect is cleared with it).
    background_rgba: [u8; 4],
    cache: LayerCache,
    use_cache: bool,
    overlay_key: u64,
    /// Counts the field's evaluations, so that the surface's mesh knows when to follow.
    field_generation: u64,
    /// The 3D view's passes, made on its first frame (see `renderer/surface.rs`).
    surface3: Option<Box<surface::Surface3d>>,
}

impl Renderer {
    /// Passes for targets of `format`, drawing `function`.
    pub fn new(gpu: &Gpu, format: wgpu::TextureFormat, function: &Function) -> Result<Renderer> {
        let (full, f) = function_tapes(function);
        Renderer::from_tapes(gpu, format, &full, &f)
    }

    /// Switches to another function; on error the previous one stays.
    pub fn set_function(&mut self, gpu: &Gpu, function: &Function) -> Result<()> {
        let (full, f) = function_tapes(function);
        self.set_tapes(gpu, &full, &f)
    }

    /// Like [`Renderer::new`] for a function already compiled into `tape_f_grad` (roots f,
    /// ∂f/∂x, ∂f/∂y) and `tape_f` (root f).
    pub fn from_tapes(
        gpu: &Gpu,
        format: wgpu::TextureFormat,
        tape_f_grad: &Tape,
        tape_f: &Tape,
    ) -> Result<Renderer> {
        let device = &gpu.device;
        // STORAGE: the heatmap and arrow shaders read it as a storage buffer (see
        // shaders/heatmap.wgsl); the path pass reads it as a uniform.
        use wgpu::BufferUsages as U;
        let params_buffer = |label| {
            device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(label),
                size: std::mem::size_of::<Params>() as u64,
                usage: U::UNIFORM | U::STORAGE | U::COPY_DST,
                mapped_at_creation: false,
            })
        };
        let params = params_buffer("Renderer::params");
        let path_params = params_buffer("Renderer::path_params");
        let mut field = FieldPass::new(device, tape_f_grad, tape_f)?;
        // The renderer records the field's copies before each compute pass (encode.rs).
        field.set_reuse(true);
        Ok(Renderer {
            format,
            field,
            range: RangePass::new(device)?,
            heatmap: HeatmapPass::new(device, format)?,
            arrows: ArrowPass::new(device, format, &params)?,
            paths: PathPass::new(device, format, &path_params)?,
            rules: super::rules::RulePass::new(device, format)?,
            rules_changed: false,
            basin: None,
            stability: None,
            stability_map: None,
            converge_map: None,
            check: None,
            params,
            last_params: None,
            path_params,
            last_path_params: None,
            resolution: 1,
            drawn_divisor: 1,
            magnify: None,
            layer_layout: Layout::full(1, 1),
            field_key: None,
            field_stride: 1,
            function_changed: true,
            layout: Layout::full(1, 1),
            show_arrows: false,
            show_paths: false,
            last_range: None,
            background: BACKGROUND,
            background_rgba: [255; 4],
            cache: LayerCache::default(),
            use_cache: true,
            overlay_key: 0,
            field_generation: 0,
            surface3: None,
        })
    }

    /// Like [`Renderer::set_function`] for compiled tapes.
    pub(crate) fn set_tapes(&mut self, gpu: &Gpu, tape_f_grad: &Tape, tape_f: &Tape) -> Result<()> {
        self.field.set_function(&gpu.device, tape_f_grad, tape_f)?;
        self.function_changed = true;
        Ok(())
    }

    /// Sets the colour behind the plot (margins for axes, colour bar and title), given as
    /// RGBA8 sRGB like the overlay's theme colours.
    pub fn set_background(&mut self, rgba: [u8; 4]) {
        self.background_rgba = rgba;
        let srgb = super::is_srgb(self.format);
        let c = |v: u8| {
            let v = v as f64 / 255.0;
            if !srgb {
                v
            } else if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        self.background = wgpu::Color {
            r: c(rgba[0]),
            g: c(rgba[1]),
            b: c(rgba[2]),
            a: rgba[3] as f64 / 255.0,
        };
    }

    /// Whether frames go through the layer cache (the default). Turn it off for targets
    /// that cannot be copied into (no `COPY_DST` usage), to save the cache's memory;
    /// [`Renderer::encode`] draws everything directly into such targets either way.
    pub(crate) fn use_layer_cache(&mut self, on: bool) {
        self.use_cache = on;
        if !on {
            self.cache.clear();
        }
    }

    /// A digest of what the caller paints into the layer cache over the layers (see
    /// [`Renderer::encode_layers`]): when it changes, the next frame redraws the layers.
    pub(crate) fn set_overlay_key(&mut self, key: u64) {
        self.overlay_key = key;
    }

    /// The target format the passes were built for.
    pub fn format(&self) -> wgpu::TextureFormat {
        self.format
    }

    /// Uploads what changed for a frame of `layout` showing `view`, with `paths` (see
    /// [`Renderer::set_paths`]), and says what [`Renderer::encode`] must recompute.
    pub fn prepare(
        &mut self,
        gpu: &Gpu,
        layout: &Layout,
        view: &View,
        settings: &RenderSettings,
        gradient: GradientMode,
        paths: &[PathDraw],
    ) -> Result<FrameWork> {
        let work = self.prepare_layers(gpu, layout, view, settings, gradient)?;
        self.set_paths(gpu, layout, view, settings.show_paths, paths);
        Ok(work)
    }

    /// [`Renderer::prepare`] without the paths: the ones of the last [`Renderer::set_paths`]
    /// are drawn.
    pub fn prepare_layers(
        &mut self,
        gpu: &Gpu,
        layout: &Layout,
        view: &View,
        settings: &RenderSettings,
        gradient: GradientMode,
    ) -> Result<FrameWork> {
        layout.validate()?;
        view.validate()?;
        settings.validate()?;
        let divisor = self.divisor_for(layout);
        let (layers, layer_settings) = detail::layer_frame(layout, settings, divisor);
        if divisor > 1 {
            self.prepare_magnify(&gpu.device, &layers)?;
        }
        let (device, queue) = (&gpu.device, &gpu.queue);
        let key = FieldKey {
            view: *view,
            size: (layers.plot.w, layers.plot.h),
            mode: gradient,
            stride: self.field_stride,
        };
        let mut work = FrameWork::default();
        let resized = self.field_key.map(|k| k.size) != Some(key.size);
        if self.function_changed || self.field_key != Some(key) {
            self.field
                .prepare(device, queue, view, key.size.0, key.size.1, gradient)?;
            self.field_key = Some(key);
            self.function_changed = false;
            self.field_generation += 1;
            work.field = true;
        }
        let mut params = frame_params(&layers, view, &layer_settings, self.format);
        params.px_scale = divisor as f32;
        let changed = self.last_params != Some(params);
        if changed {
            queue.write_buffer(&self.params, 0, bytemuck::bytes_of(&params));
        }
        let path_params = if divisor > 1 {
            frame_params(layout, view, settings, self.format)
        } else {
            params
        };
        if self.last_path_params != Some(path_params) {
            queue.write_buffer(&self.path_params, 0, bytemuck::bytes_of(&path_params));
            self.last_path_params = Some(path_params);
        }
        // The range pass also picks the contour levels' round step from the level count.
        let range_inputs = |p: &Params| {
            let levels = (p.levels, p.heavy_every);
            (
                p.grid,
                p.log_scale,
                p.percentile,
                p.flags,
                p.world_per_px,
                levels,
            )
        };
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
        if let (Some(basin), Some((walkers, map))) = (&mut self.basin, &self.converge_map) {
            let shown = (view, key.size);
            basin.prepare(
                device,
                queue,
                &self.params,
                walkers,
                map,
                shown,
                settings.colormap,
            );
        }
        if let (Some(pass), Some((hessian, map))) = (&mut self.stability, &self.stability_map) {
            pass.prepare(device, queue, &self.params, hessian, map, (view, key.size));
        }
        self.show_arrows = settings.arrows.direction != ArrowDir::None;
        if self.show_arrows {
            self.arrows.prepare(device, params.arrow_grid, bufs, rebind);
        }
        if divisor > 1 {
            // A coarse frame is drawn straight into the target: the next frame moves again
            // or refines, so keeping it would only cost a copy.
            self.cache.invalidate();
            work.layers = true;
        } else if self.use_cache {
            let key = LayerKey {
                params,
                colormap: settings.colormap,
                background: self.background,
                target: layout.target,
                overlay: self.overlay_key,
            };
            // A convergence map may change between frames without the renderer knowing
            // (the explorer computes it in chunks), so it is always redrawn.
            let changed = work.field
                || work.range
                || work.arrows
                || std::mem::take(&mut self.rules_changed)
                || self.converge_map.is_some();
            work.layers = self.cache.update(device, self.format, key, changed);
        } else {
            work.layers = true;
        }
        self.layout = *layout;
        self.layer_layout = layers;
        self.drawn_divisor = divisor;
        self.last_params = Some(params);
        Ok(work)
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

//! The window's GPU side: the surface and its configuration, the field renderer and the egui
//! renderer, drawing one frame (the map, the 3D surface or both, then egui) into the surface
//! or (for screenshots) into an offscreen texture of the same size that is read back as RGBA.

use std::sync::Arc;

use winit::window::Window;

use crate::error::{Error, Result};
use crate::expr::Function;
use crate::gpu::{Gpu, GradientMode};
use crate::render::{LabelBox, Layout, OffscreenTarget, RenderSettings, Renderer, SurfaceFrame};
use crate::View;

use super::canvas3d::SurfaceInput;
use super::state::ExplorerState;

/// What egui produced for a frame, ready to draw.
pub(crate) struct EguiFrame {
    pub primitives: Vec<egui::ClippedPrimitive>,
    pub textures: egui::TexturesDelta,
    pub screen: egui_wgpu::ScreenDescriptor,
}

impl Drop for EguiFrame {
    /// The deltas were applied by [`Graphics::draw`] and [`Graphics::free_textures`] (or the
    /// frame was abandoned on an error); egui asserts that they are cleared.
    fn drop(&mut self) {
        self.textures.clear();
    }
}

/// Surface, device, the field renderer and the egui renderer.
pub(crate) struct Graphics {
    pub gpu: Gpu,
    pub surface: wgpu::Surface<'static>,
    pub config: wgpu::SurfaceConfiguration,
    pub renderer: Renderer,
    pub egui: egui_wgpu::Renderer,
    /// The convergence map and gradient check ("colour by").
    pub maps: super::maps_gpu::MapRunner,
    /// The field's level of detail (see [`Graphics::set_detail`]).
    pub detail: super::detail::FieldDetail,
    /// Its budget, for this adapter (asked once: the adapter's information is strings).
    pub budget: super::detail::Budget,
}

impl Graphics {
    /// Opens the GPU for `window` and builds the renderers for `function`.
    pub(crate) fn new(window: Arc<Window>, function: &Function) -> Result<Graphics> {
        let desc =
            wgpu::InstanceDescriptor::new_with_display_handle_from_env(Box::new(window.clone()));
        let instance = wgpu::Instance::new(desc);
        let surface = instance
            .create_surface(window.clone())
            .map_err(|e| Error::gpu(format!("could not create the window surface: {e}")))?;
        let gpu = Gpu::for_surface(instance, &surface)?;
        let budget = super::detail::Budget::for_adapter(gpu.is_software());
        let size = window.inner_size();
        let caps = surface.get_capabilities(&gpu.adapter);
        // egui-wgpu draws correct colours into non-sRGB targets; the field shaders handle both.
        let format = caps
            .formats
            .iter()
            .copied()
            .find(|f| !f.is_srgb())
            .or_else(|| caps.formats.first().copied())
            .ok_or_else(|| Error::gpu("the window surface offers no formats"))?;
        // COPY_DST where the surface allows it: the renderer then copies its cached heatmap
        // and arrows into each frame instead of drawing them again while only paths move.
        let copyable = caps.usages.contains(wgpu::TextureUsages::COPY_DST);
        let usage = if copyable {
            wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_DST
        } else {
            wgpu::TextureUsages::RENDER_ATTACHMENT
        };
        let config = wgpu::SurfaceConfiguration {
            usage,
            format,
            width: size.width.max(1),
            height: size.height.max(1),
            present_mode: wgpu::PresentMode::AutoVsync,
            desired_maximum_frame_latency: 2,
            alpha_mode: caps
                .alpha_modes
                .first()
                .copied()
                .unwrap_or(wgpu::CompositeAlphaMode::Auto),
            view_formats: vec![],
            color_space: wgpu::SurfaceColorSpace::Auto,
        };
        surface.configure(&gpu.device, &config);
        let mut renderer = Renderer::new(&gpu, format, function)?;
        renderer.use_layer_cache(copyable);
        renderer.read_range_late(true);
        let options = egui_wgpu::RendererOptions {
            msaa_samples: 1,
            depth_stencil_format: None,
            dithering: false,
            predictable_texture_filtering: false,
        };
        let egui = egui_wgpu::Renderer::new(&gpu.device, format, options);
        Ok(Graphics {
            gpu,
            surface,
            config,
            renderer,
            egui,
            maps: Default::default(),
            detail: Default::default(),
            budget,
        })
    }

    /// Chooses the frame's level of detail (`app/detail.rs`): fewer pixels while the view, the
    /// plot's size or the function (`generation`) changes, and a coarser field for a data loss
    /// whose samples each sum every point. True while a later frame will refine it.
    pub(crate) fn set_detail(
        &mut self,
        frame: &FrameInput,
        function: &Function,
        generation: u64,
        dt: f64,
    ) -> bool {
        let key = super::detail::DetailKey {
            view: frame.view,
            size: (frame.layout.plot.w, frame.layout.plot.h),
            generation,
        };
        let terms = function.data().map_or(1, |d| d.len() as u64);
        let coarse_pixels = frame.surface.is_none();
        let detail = self
            .detail
            .update(key, dt, terms, self.budget, coarse_pixels);
        self.renderer.set_resolution(detail.divisor);
        self.renderer.set_field_stride(detail.stride);
        self.detail.refining()
    }

    /// Reconfigures the surface for a new size (zero sizes are ignored: minimised).
    pub(crate) fn resize(&mut self, w: u32, h: u32) {
        if w > 0 && h > 0 {
            self.config.width = w;
            self.config.height = h;
            self.surface.configure(&self.gpu.device, &self.config);
        }
    }

    /// Rebuilds the field shader for `function`; on error the previous one stays.
    pub(crate) fn set_function(&mut self, function: &Function) -> Result<()> {
        self.renderer.set_function(&self.gpu, function)
    }

    /// Takes in the explorer's paths for `frame` (their new iterates are uploaded); every
    /// [`Graphics::draw`] until the next call draws them.
    pub(crate) fn set_paths(&mut self, frame: &FrameInput, paths: &[super::paths::TrackedPath]) {
        let show = frame.settings.show_paths;
        self.renderer
            .set_paths(&self.gpu, &frame.layout, &frame.view, show, paths);
    }

    /// Records and submits one frame into `target`: the field layers, then egui on top.
    pub(crate) fn draw(
        &mut self,
        target: &wgpu::Texture,
        frame: &FrameInput,
        egui_frame: &EguiFrame,
    ) -> Result<()> {
        self.renderer.set_background(frame.background);
        self.renderer.set_label_boxes(&self.gpu, &frame.label_boxes);
        self.renderer
            .set_rules(&self.gpu, frame.layout.target, &frame.rules);
        let work = self.renderer.prepare_layers(
            &self.gpu,
            &frame.layout,
            &frame.view,
            &frame.settings,
            GradientMode::Exact,
        )?;
        let mut encoder = self
            .gpu
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("Graphics::frame"),
            });
        match &frame.surface {
            None => self.renderer.encode(&mut encoder, target, &work),
            Some(surface) => self.encode_surface(&mut encoder, target, frame, surface, &work)?,
        }
        let device = &self.gpu.device;
        let queue = &self.gpu.queue;
        let target = &target.create_view(&wgpu::TextureViewDescriptor::default());
        let extra = crate::render::egui_offscreen::record_primitives(
            &mut self.egui,
            (device, queue),
            &mut encoder,
            target,
            &egui_frame.primitives,
            &egui_frame.screen,
        );
        queue.submit(extra.into_iter().chain([encoder.finish()]));
        // The range comes back without the frame waiting for it: the colour bar's labels
        // follow a frame or two late (the window keeps drawing until it has come).
        self.renderer.range_submitted();
        self.renderer.collect_range(&self.gpu);
        Ok(())
    }

    /// Records the canvas with the surface: the map first where it is shown (the surface is
    /// then drawn over its half only), or just the field's compute passes (the surface's
    /// mesh reads the field; the target is cleared), then the surface in its rect.
    fn encode_surface(
        &mut self,
        encoder: &mut wgpu::CommandEncoder,
        target: &wgpu::Texture,
        frame: &FrameInput,
        surface: &SurfaceInput,
        work: &crate::render::FrameWork,
    ) -> Result<()> {
        if frame.map {
            self.renderer.encode(encoder, target, work);
        } else {
            self.renderer.encode_compute(encoder, work);
        }
        let sw = self.renderer.prepare_surface(
            &self.gpu,
            &SurfaceFrame {
                rect: surface.rect,
                boxmap: surface.boxmap,
                camera: surface.camera,
                floor_contours: surface.floor_contours,
                coarse: surface.coarse,
                marks: &surface.marks,
                clear_target: !frame.map,
            },
        )?;
        self.renderer.encode_surface(encoder, target, &sw);
        Ok(())
    }

    /// Draws the frame into the window's next surface texture and presents it. A suboptimal,
    /// outdated or lost surface is reconfigured to `size` and the frame skipped; an occluded
    /// window or a timeout skips it too.
    pub(crate) fn present(
        &mut self,
        window: &Window,
        size: (u32, u32),
        frame: &FrameInput,
        egui_frame: &EguiFrame,
        state: &mut ExplorerState,
    ) -> Result<()> {
        match self.surface.get_current_texture() {
            wgpu::CurrentSurfaceTexture::Success(tex) => {
                self.draw(&tex.texture, frame, egui_frame)?;
                self.maps.after_frame(&self.renderer, state);
                if let Some(r) = self.renderer.range_result() {
                    state.messages.undefined_in_view = r.count == 0;
                }
                if let Some(surface) = &frame.surface {
                    // The mesh's heights follow the range just read back (a changed range
                    // asks for one more frame); a frame drawn at rest is the refined one.
                    if let Some(r) = self.renderer.range_result() {
                        state.set_range_heights(&r, state.doc.layers.log_scale);
                    }
                    state.view3d.drawn(surface.coarse);
                }
                window.pre_present_notify();
                self.gpu.queue.present(tex);
            }
            wgpu::CurrentSurfaceTexture::Suboptimal(tex) => {
                drop(tex);
                self.resize(size.0, size.1);
            }
            wgpu::CurrentSurfaceTexture::Outdated | wgpu::CurrentSurfaceTexture::Lost => {
                self.resize(size.0, size.1);
            }
            wgpu::CurrentSurfaceTexture::Timeout | wgpu::CurrentSurfaceTexture::Occluded => {}
            wgpu::CurrentSurfaceTexture::Validation => {
                return Err(Error::gpu("the window surface failed validation"));
            }
        }
        Ok(())
    }

    /// What the last frame's paths cost and how many field pipelines have been built, for
    /// the frame log.
    pub(crate) fn frame_cost(&self) -> super::frame_log::FrameCost {
        super::frame_log::FrameCost {
            paths: self.renderer.path_stats(),
            pipelines_built: self.renderer.field().pipelines_built(),
        }
    }

    /// Uploads the textures egui created or changed in a frame (the font atlas grows as new
    /// glyphs appear). Once per egui frame, whether or not it is drawn: a frame skipped for
    /// a resized surface must not lose its glyphs.
    pub(crate) fn update_textures(&mut self, textures: &egui::TexturesDelta) {
        let gpu = (&self.gpu.device, &self.gpu.queue);
        crate::render::egui_offscreen::upload_textures(&mut self.egui, gpu, textures);
    }

    /// Frees the textures egui released in a frame (after that frame was submitted).
    pub(crate) fn free_textures(&mut self, textures: &egui::TexturesDelta) {
        for id in &textures.free {
            self.egui.free_texture(id);
        }
    }

    /// Draws the frame into an offscreen texture of the surface's size and format and
    /// returns its pixels as RGBA8 rows, top first.
    pub(crate) fn capture(
        &mut self,
        frame: &FrameInput,
        egui_frame: &EguiFrame,
    ) -> Result<Vec<u8>> {
        let size = (self.config.width, self.config.height);
        let target = OffscreenTarget::new(&self.gpu.device, self.config.format, size)?;
        self.draw(target.texture(), frame, egui_frame)?;
        let mut encoder = self
            .gpu
            .device
            .create_command_encoder(&wgpu::CommandEncoderDescriptor {
                label: Some("Graphics::screenshot"),
            });
        target.encode_copy(&mut encoder);
        self.gpu.queue.submit([encoder.finish()]);
        let mut pixels = target.read(&self.gpu)?;
        // The surface's alpha is not part of the picture: a screenshot is opaque.
        for px in pixels.chunks_exact_mut(4) {
            px[3] = 255;
        }
        Ok(pixels)
    }
}

/// What the field renderer needs for one frame.
pub(crate) struct FrameInput {
    /// The colour behind the canvas margins (RGBA8 sRGB), from the overlay's theme.
    pub background: [u8; 4],
    pub layout: Layout,
    pub view: View,
    pub settings: RenderSettings,
    /// The path labels' boxes, drawn by the path pass under the labels' text.
    pub label_boxes: Vec<LabelBox>,
    /// The axes' frame, grid lines and tick marks, drawn with the layers.
    pub rules: Vec<crate::render::rules::Rule>,
    /// The map is drawn (in `layout.plot`).
    pub map: bool,
    /// The surface is drawn, in its rect.
    pub surface: Option<SurfaceInput>,
}

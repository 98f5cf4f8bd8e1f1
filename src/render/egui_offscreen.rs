//! One egui frame drawn onto an existing texture (LoadOp::Load): the headless render path uses
//! it to paint the overlay over the field layers, exactly as the explorer window does; the
//! texture upload and the egui pass itself are shared with the window.

use egui::{Context, LayerId, Painter, Pos2, RawInput, Rect};

/// An egui context and its wgpu renderer, for painting onto offscreen textures.
pub struct EguiOffscreen {
    ctx: Context,
    renderer: egui_wgpu::Renderer,
    /// Textures egui released last frame, freed once that frame's commands are submitted.
    pending_free: Vec<egui::TextureId>,
}

impl EguiOffscreen {
    /// A painter for textures of `format`. No MSAA and no dithering, so flat colours land on
    /// the target exactly.
    pub fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Self {
        let options = egui_wgpu::RendererOptions {
            msaa_samples: 1,
            depth_stencil_format: None,
            dithering: false,
            predictable_texture_filtering: false,
        };
        let ctx = Context::default();
        super::fonts::install(&ctx);
        EguiOffscreen {
            ctx,
            renderer: egui_wgpu::Renderer::new(device, format, options),
            pending_free: Vec::new(),
        }
    }

    /// Runs `draw` with a painter covering the whole `size` (pixels) target and records the
    /// result into `encoder` on top of what `target` already holds. Buffers and textures are
    /// uploaded through `queue`; the caller submits `encoder`.
    #[allow(clippy::too_many_arguments)]
    pub fn paint(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        target: &wgpu::TextureView,
        size: (u32, u32),
        pixels_per_point: f32,
        draw: impl FnMut(&Painter),
    ) {
        let frame = self.run(size, pixels_per_point, draw);
        self.record(device, queue, encoder, target, frame);
    }

    /// The CPU half of [`EguiOffscreen::paint`]: runs `draw` with a painter covering the whole
    /// `size` (pixels) target and tessellates what it painted, for [`EguiOffscreen::record`].
    pub(crate) fn run(
        &mut self,
        size: (u32, u32),
        pixels_per_point: f32,
        mut draw: impl FnMut(&Painter),
    ) -> EguiPainted {
        let ppp = if pixels_per_point.is_finite() && pixels_per_point > 0.0 {
            pixels_per_point
        } else {
            1.0
        };
        let screen = Rect::from_min_size(
            Pos2::ZERO,
            egui::vec2(size.0 as f32 / ppp, size.1 as f32 / ppp),
        );
        let mut input = RawInput {
            screen_rect: Some(screen),
            ..RawInput::default()
        };
        if let Some(vp) = input.viewports.get_mut(&input.viewport_id) {
            vp.native_pixels_per_point = Some(ppp);
        }
        let mut output = self.ctx.run_pass(input, |ctx| {
            let painter = Painter::new(ctx.clone(), LayerId::background(), screen);
            draw(&painter);
        });
        let shapes = std::mem::take(&mut output.shapes);
        EguiPainted {
            primitives: self.ctx.tessellate(shapes, output.pixels_per_point),
            textures: std::mem::take(&mut output.textures_delta),
            screen: egui_wgpu::ScreenDescriptor {
                size_in_pixels: [size.0, size.1],
                pixels_per_point: output.pixels_per_point,
            },
        }
    }

    /// The GPU half of [`EguiOffscreen::paint`]: uploads what `painted` needs and records it
    /// into `encoder` on top of what `target` holds; the caller submits `encoder`.
    pub(crate) fn record(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        encoder: &mut wgpu::CommandEncoder,
        target: &wgpu::TextureView,
        mut painted: EguiPainted,
    ) {
        for id in self.pending_free.drain(..) {
            self.renderer.free_texture(&id);
        }
        let (primitives, screen) = (&painted.primitives, &painted.screen);
        upload_textures(&mut self.renderer, (device, queue), &painted.textures);
        let extra = record_primitives(
            &mut self.renderer,
            (device, queue),
            encoder,
            target,
            primitives,
            screen,
        );
        if !extra.is_empty() {
            queue.submit(extra);
        }
        self.pending_free = painted.textures.free.drain().collect();
        painted.textures.clear();
    }
}

/// What one egui pass painted, tessellated, with the texture changes it needs.
pub(crate) struct EguiPainted {
    primitives: Vec<egui::ClippedPrimitive>,
    textures: egui::TexturesDelta,
    screen: egui_wgpu::ScreenDescriptor,
}

/// Uploads the textures egui created or changed (the font atlas grows as new glyphs appear).
pub(crate) fn upload_textures(
    renderer: &mut egui_wgpu::Renderer,
    (device, queue): (&wgpu::Device, &wgpu::Queue),
    textures: &egui::TexturesDelta,
) {
    for (id, image_deltas) in &textures.set {
        for delta in image_deltas {
            renderer.update_texture(device, queue, *id, delta);
        }
    }
}

/// Uploads egui's vertex and index buffers for `primitives` and records them into `encoder`
/// over what `target` holds (its textures must be uploaded already). Returns the command
/// buffers of egui's paint callbacks, to be submitted before `encoder`. Shared by offscreen
/// figures and the explorer window.
pub(crate) fn record_primitives(
    renderer: &mut egui_wgpu::Renderer,
    (device, queue): (&wgpu::Device, &wgpu::Queue),
    encoder: &mut wgpu::CommandEncoder,
    target: &wgpu::TextureView,
    primitives: &[egui::ClippedPrimitive],
    screen: &egui_wgpu::ScreenDescriptor,
) -> Vec<wgpu::CommandBuffer> {
    let extra = renderer.update_buffers(device, queue, encoder, primitives, screen);
    let mut pass = encoder
        .begin_render_pass(&wgpu::RenderPassDescriptor {
            label: Some("egui"),
            color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                view: target,
                resolve_target: None,
                depth_slice: None,
                ops: wgpu::Operations {
                    load: wgpu::LoadOp::Load,
                    store: wgpu::StoreOp::Store,
                },
            })],
            depth_stencil_attachment: None,
            timestamp_writes: None,
            occlusion_query_set: None,
            multiview_mask: None,
        })
        .forget_lifetime();
    renderer.render(&mut pass, primitives, screen);
    extra
}

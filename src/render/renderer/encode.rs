//! Recording a frame: the compute passes a frame needs, the layers and the axes' rules drawn
//! into the layer cache (or straight into the target), the copy of the cache into the target
//! and the paths over it.

use super::{FrameWork, Renderer};

/// Where `Renderer::encode_layers` drew the layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layers {
    /// Into the layer cache, just now: paint anything else that belongs under the paths
    /// into `Renderer::layer_view`.
    Redrawn,
    /// Nowhere: the cache still holds them (and whatever was painted over them).
    Kept,
    /// Straight into the target, which cannot take the cache.
    Direct,
}

impl Renderer {
    /// Records the compute passes `work` asks for and the render passes into `target`: the
    /// layers (heatmap or convergence map, arrows) drawn into the layer cache when they
    /// changed and copied from it, then the paths. A target without `COPY_DST` usage, or a
    /// renderer with the cache off, gets everything drawn directly.
    pub fn encode(
        &self,
        encoder: &mut wgpu::CommandEncoder,
        target: &wgpu::Texture,
        work: &FrameWork,
    ) {
        self.encode_layers(encoder, target, work);
        self.encode_paths(encoder, target);
    }

    /// The first half of [`Renderer::encode`]: the compute passes and the layers, drawn into
    /// the layer cache when they changed (or into `target` when it cannot take the cache).
    /// Says where they went, so that a caller can paint what else belongs under the paths
    /// (axes, colour bar) there too, before [`Renderer::encode_paths`].
    pub(crate) fn encode_layers(
        &self,
        encoder: &mut wgpu::CommandEncoder,
        target: &wgpu::Texture,
        work: &FrameWork,
    ) -> Layers {
        self.encode_compute_passes(encoder, work);
        let drawn = self.layers_for(target, work);
        let dest = match drawn {
            Layers::Kept => return Layers::Kept,
            Layers::Redrawn => self.cache.view(),
            Layers::Direct => None,
        };
        let direct;
        let dest = match dest {
            Some(view) => view,
            None => {
                direct = target.create_view(&wgpu::TextureViewDescriptor::default());
                &direct
            }
        };
        match self.magnify.as_ref().filter(|_| self.drawn_divisor > 1) {
            Some(magnify) => {
                if let Some(coarse) = magnify.view() {
                    let mut pass =
                        begin(encoder, coarse, Some(self.background), "Renderer::coarse");
                    self.draw_layers(&mut pass);
                }
                let mut pass = begin(encoder, dest, Some(self.background), "Renderer::layers");
                magnify.draw(&mut pass, self.layout.plot);
                self.rules.draw(&mut pass, self.layout.target);
            }
            None => {
                let mut pass = begin(encoder, dest, Some(self.background), "Renderer::layers");
                self.draw_layers(&mut pass);
                self.rules.draw(&mut pass, self.layout.target);
            }
        }
        drawn
    }

    /// Where [`Renderer::encode_layers`] puts the layers of `work` for `target`.
    pub(crate) fn layers_for(&self, target: &wgpu::Texture, work: &FrameWork) -> Layers {
        let cached = self.use_cache && self.drawn_divisor == 1;
        match self.cache.usable_for(target).filter(|_| cached) {
            None => Layers::Direct,
            Some(_) if work.layers => Layers::Redrawn,
            Some(_) => Layers::Kept,
        }
    }

    /// The compute passes `work` asks for and the range's read-back.
    pub(crate) fn encode_compute_passes(
        &self,
        encoder: &mut wgpu::CommandEncoder,
        work: &FrameWork,
    ) {
        if work.field {
            self.field.encode_copies(encoder);
        }
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
    }

    /// The layer cache's image, to paint into after [`Layers::Redrawn`].
    pub(crate) fn layer_view(&self) -> Option<&wgpu::TextureView> {
        self.cache.view()
    }

    /// The second half of [`Renderer::encode`]: the cached layers copied into `target` (when
    /// it takes the cache), then the paths over them and the label boxes of
    /// [`Renderer::set_label_boxes`].
    pub(crate) fn encode_paths(&self, encoder: &mut wgpu::CommandEncoder, target: &wgpu::Texture) {
        let cached = self.use_cache && self.drawn_divisor == 1;
        if let Some((image, _)) = self.cache.usable_for(target).filter(|_| cached) {
            encoder.copy_texture_to_texture(
                image.as_image_copy(),
                target.as_image_copy(),
                image.size(),
            );
        }
        if self.paths.has_work(self.show_paths) {
            let view = target.create_view(&wgpu::TextureViewDescriptor::default());
            let mut pass = begin(encoder, &view, None, "Renderer::paths");
            self.paths.draw(&mut pass, &self.layout, self.show_paths);
        }
    }

    /// The heatmap (or convergence or stability map) and the arrows.
    fn draw_layers(&self, pass: &mut wgpu::RenderPass<'_>) {
        match (
            &self.basin,
            &self.converge_map,
            &self.stability,
            &self.stability_map,
        ) {
            (Some(basin), Some(_), _, _) => basin.draw(pass, self.layer_layout.plot),
            (_, _, Some(stability), Some(_)) => stability.draw(pass, self.layer_layout.plot),
            _ => self.heatmap.draw(pass, self.layer_layout.plot),
        }
        if self.show_arrows {
            self.arrows.draw(pass, &self.layer_layout);
        }
    }
}

/// A render pass into `view` that clears it to `clear`, or keeps what it holds for `None`.
fn begin<'e>(
    encoder: &'e mut wgpu::CommandEncoder,
    view: &wgpu::TextureView,
    clear: Option<wgpu::Color>,
    label: &str,
) -> wgpu::RenderPass<'e> {
    encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
        label: Some(label),
        color_attachments: &[Some(wgpu::RenderPassColorAttachment {
            view,
            depth_slice: None,
            resolve_target: None,
            ops: wgpu::Operations {
                load: clear.map_or(wgpu::LoadOp::Load, wgpu::LoadOp::Clear),
                store: wgpu::StoreOp::Store,
            },
        })],
        depth_stencil_attachment: None,
        timestamp_writes: None,
        occlusion_query_set: None,
        multiview_mask: None,
    })
}

//! The layer cache: the heatmap (or convergence map), its contours and the arrows drawn once
//! into a texture of the target's size, then copied into every frame in which only the paths
//! changed. A copy is a memcpy even on a software GPU, where redrawing the heatmap is not:
//! this is what keeps animating paths cheap.

use super::colormap::Colormap;
use super::Params;

/// Everything the cached layers depend on besides the field and its range (which the
/// renderer reports as recomputed work).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LayerKey {
    pub params: Params,
    pub colormap: Colormap,
    pub background: wgpu::Color,
    pub target: (u32, u32),
    /// A digest of whatever a caller painted into the cache over the layers (a figure's axes,
    /// title and colour bar text); see [`super::Renderer::set_overlay_key`].
    pub overlay: u64,
}

/// The cached layers of the last frame, and what they were drawn from.
#[derive(Debug, Default)]
pub(crate) struct LayerCache {
    image: Option<(wgpu::Texture, wgpu::TextureView)>,
    key: Option<LayerKey>,
}

impl LayerCache {
    /// Makes the cache hold a `key.target`-sized texture of `format` and says whether its
    /// layers must be drawn again: when `changed` (the field, range or arrows were
    /// recomputed, or the caller knows of another change) or the key differs from the last.
    pub(crate) fn update(
        &mut self,
        device: &wgpu::Device,
        format: wgpu::TextureFormat,
        key: LayerKey,
        changed: bool,
    ) -> bool {
        let (w, h) = key.target;
        let fits = self
            .image
            .as_ref()
            .is_some_and(|(t, _)| (t.width(), t.height()) == (w, h) && t.format() == format);
        if !fits {
            let texture = device.create_texture(&wgpu::TextureDescriptor {
                label: Some("LayerCache::image"),
                size: wgpu::Extent3d {
                    width: w.max(1),
                    height: h.max(1),
                    depth_or_array_layers: 1,
                },
                mip_level_count: 1,
                sample_count: 1,
                dimension: wgpu::TextureDimension::D2,
                format,
                usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
                view_formats: &[],
            });
            let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
            self.image = Some((texture, view));
        }
        let redraw = changed || !fits || self.key != Some(key);
        self.key = Some(key);
        redraw
    }

    /// Forgets the cached layers (the next [`LayerCache::update`] redraws them).
    pub(crate) fn invalidate(&mut self) {
        self.key = None;
    }

    /// Drops the texture (for targets that cannot be copied into).
    pub(crate) fn clear(&mut self) {
        self.image = None;
        self.key = None;
    }

    /// The view of the cached image, if there is one.
    pub(crate) fn view(&self) -> Option<&wgpu::TextureView> {
        self.image.as_ref().map(|(_, v)| v)
    }

    /// The cached image, if one of `target`'s size and format exists and `target` can be
    /// copied into.
    pub(crate) fn usable_for(
        &self,
        target: &wgpu::Texture,
    ) -> Option<(&wgpu::Texture, &wgpu::TextureView)> {
        let (texture, view) = self.image.as_ref()?;
        let fits = (texture.width(), texture.height()) == (target.width(), target.height())
            && texture.format() == target.format()
            && target.usage().contains(wgpu::TextureUsages::COPY_DST);
        fits.then_some((texture, view))
    }
}

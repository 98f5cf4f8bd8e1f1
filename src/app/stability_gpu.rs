//! The explorer's step-size stability map on the GPU: [`StabilityRunner`] keeps a Hessian
//! pass (`gpu::hessian`) and dispatches it when the function (its text, axes or values), the
//! view or the plot size changed (a typed function once its text has settled, like the field's
//! shader); moving η changes only the renderer's uniform, so the
//! boundary η = 2/λmax follows the slider at once. Nothing is read back in the frame. The pass
//! and its buffers are dropped when the colours show something else.

use super::state::ExplorerState;
use crate::error::{Error, Result};
use crate::gpu::hessian::HessianPass;
use crate::gpu::Gpu;
use crate::render::stability::StabilityView;
use crate::view::View;

/// One Hessian sample per this many × this many plot pixels: the boundary is drawn at this
/// resolution (a line 2 cells wide), at a quarter of the full field's cost.
pub(crate) const STABILITY_DIVISOR: u32 = 2;

#[derive(Debug, Clone, PartialEq)]
struct Key {
    function: String,
    view: View,
    grid: (u32, u32),
}

/// The Hessian field the stability map is drawn from.
#[derive(Default)]
pub(crate) struct StabilityRunner {
    pass: Option<HessianPass>,
    key: Option<Key>,
    /// Counts the dispatches, so that the renderer knows the buffer's samples changed.
    generation: u64,
}

impl StabilityRunner {
    /// The buffer and view to draw for the state's function, view and η, dispatching the
    /// pass first when they changed; `None` (and the pass dropped) outside the stability
    /// colouring.
    pub(crate) fn sync(
        &mut self,
        gpu: &Gpu,
        s: &ExplorerState,
    ) -> Result<Option<(&wgpu::Buffer, StabilityView)>> {
        if s.doc.maps.mode != crate::document::ColorBy::Stability {
            self.pass = None;
            self.key = None;
            return Ok(None);
        }
        let plot = (s.canvas.0.max(1.0) as u32, s.canvas.1.max(1.0) as u32);
        let grid = (
            plot.0.div_ceil(STABILITY_DIVISOR),
            plot.1.div_ceil(STABILITY_DIVISOR),
        );
        let key = Key {
            function: s.doc.function.cache_key(),
            view: s.shown_view(),
            grid,
        };
        // A function still being typed waits, as the field's shader does, until the text has
        // stood for a moment (the map shown meanwhile is the last one built).
        let retyped = self
            .key
            .as_ref()
            .is_some_and(|k| k.function != key.function);
        let settled = s
            .rebuild
            .typed_age
            .is_none_or(|t| t >= super::state::SETTLE_SECONDS);
        if self.key.as_ref() != Some(&key) && (settled || !retyped) {
            let function = &s.doc.function;
            match &mut self.pass {
                Some(pass) => pass.set_function(&gpu.device, function)?,
                None => self.pass = Some(HessianPass::new(&gpu.device, function)?),
            }
            let Some(pass) = &mut self.pass else {
                return Err(Error::gpu("the Hessian pass is missing"));
            };
            pass.compute(gpu, &key.view, grid)?;
            self.generation += 1;
            self.key = Some(key);
        }
        let (Some(pass), Some(key)) = (&self.pass, &self.key) else {
            return Ok(None);
        };
        let buffer = pass
            .buffer()
            .ok_or_else(|| Error::gpu("the Hessian pass has no buffer"))?;
        Ok(Some((
            buffer,
            StabilityView {
                size: key.grid,
                view: key.view,
                lr: s.doc.hyper.lr,
                generation: self.generation,
            },
        )))
    }
}

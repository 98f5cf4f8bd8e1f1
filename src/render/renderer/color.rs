//! What the renderer colours the plot by: f's heatmap, a computed convergence map, the
//! step-size stability map or the gradient check ([`ColorLayer`]), switched with one call that
//! changes only what differs from the last frame (switching the check on or off re-evaluates
//! the field).

use super::Renderer;
use crate::error::Result;
use crate::gpu::Gpu;
use crate::render::basin::{BasinPass, MapView};
use crate::render::stability::{StabilityPass, StabilityView};

/// What the renderer draws in place of (or as) the heatmap.
#[derive(Debug, Clone, Copy)]
pub enum ColorLayer<'a> {
    /// f through the colour map.
    Heatmap,
    /// A convergence map: the walker buffer of `gpu::converge` and what it holds.
    ConvergeMap(&'a wgpu::Buffer, MapView),
    /// The gradient check with relative step h.
    GradientCheck(f32),
    /// The stability map: the Hessian buffer of `gpu::hessian`, what it holds and the η.
    Stability(&'a wgpu::Buffer, StabilityView),
}

impl ColorLayer<'_> {
    /// The gradient check's step h for the check, else None.
    pub fn gradient_check(&self) -> Option<f32> {
        match self {
            ColorLayer::GradientCheck(h) => Some(*h),
            _ => None,
        }
    }
}

impl Renderer {
    /// Colours the following frames by `layer`. The field is re-evaluated only when the
    /// gradient check is switched on or off or its step changed.
    pub fn set_color_layer(&mut self, gpu: &Gpu, layer: ColorLayer<'_>) -> Result<()> {
        let check = layer.gradient_check();
        if check != self.check {
            self.set_gradient_check(gpu, check)?;
        }
        let map = match layer {
            ColorLayer::ConvergeMap(buffer, map) => Some((buffer, map)),
            _ => None,
        };
        if map.is_some() || self.has_converge_map() {
            self.set_converge_map(gpu, map)?;
        }
        let stability = match layer {
            ColorLayer::Stability(buffer, view) => Some((buffer, view)),
            _ => None,
        };
        if stability.is_some() || self.stability_map.is_some() {
            self.set_stability_map(gpu, stability)?;
        }
        Ok(())
    }

    /// Draws the stability map (the Hessian buffer of `gpu::hessian`) instead of the heatmap;
    /// `None` goes back to the heatmap. The layers are redrawn only when the buffer or what
    /// it is drawn for changed.
    pub fn set_stability_map(
        &mut self,
        gpu: &Gpu,
        map: Option<(&wgpu::Buffer, StabilityView)>,
    ) -> Result<()> {
        if map.is_some() && self.stability.is_none() {
            self.stability = Some(StabilityPass::new(&gpu.device, self.format)?);
        }
        let same = match (&self.stability_map, map) {
            (Some((b, v)), Some((nb, nv))) => b == nb && *v == nv,
            (None, None) => true,
            _ => false,
        };
        if !same {
            self.stability_map = map.map(|(b, v)| (b.clone(), v));
            self.cache.invalidate();
        }
        Ok(())
    }

    /// The gradient check's step h while the check is shown.
    pub fn gradient_check(&self) -> Option<f32> {
        self.check
    }

    /// Draws a convergence map (the walker buffer of `gpu::converge`) instead of the heatmap;
    /// `None` goes back to the heatmap.
    pub fn set_converge_map(
        &mut self,
        gpu: &Gpu,
        map: Option<(&wgpu::Buffer, MapView)>,
    ) -> Result<()> {
        if map.is_some() && self.basin.is_none() {
            self.basin = Some(BasinPass::new(&gpu.device, self.format)?);
        }
        self.converge_map = map.map(|(b, m)| (b.clone(), m));
        self.cache.invalidate();
        Ok(())
    }

    /// With `Some(h)`, the heatmap shows the gradient check of `FieldPass::set_check`
    /// (log10 relative difference of the exact and numeric gradients, step h) instead of f.
    pub fn set_gradient_check(&mut self, gpu: &Gpu, step: Option<f32>) -> Result<()> {
        self.field.set_check(&gpu.device, step)?;
        self.check = step;
        self.function_changed = true;
        Ok(())
    }

    /// True while a convergence or stability map replaces the heatmap (no colour bar of f).
    pub(crate) fn has_map_layer(&self) -> bool {
        self.converge_map.is_some() || self.stability_map.is_some()
    }

    /// True while a convergence map replaces the heatmap.
    pub(crate) fn has_converge_map(&self) -> bool {
        self.converge_map.is_some()
    }
}

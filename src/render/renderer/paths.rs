//! The renderer's side of the paths: taking in the explorer's paths for a frame (only their
//! new iterates are uploaded), what that cost, the path labels' boxes and the axes' rules
//! drawn under the paths.

use super::Renderer;
use crate::gpu::Gpu;
use crate::render::rules::Rule;
use crate::render::settings::Layout;
use crate::render::{LabelBox, PathSource, PathStats};
use crate::view::View;

impl Renderer {
    /// The path labels' boxes, drawn over the paths by `Renderer::encode_paths` until set
    /// again (an empty slice: none).
    pub fn set_label_boxes(&mut self, gpu: &Gpu, boxes: &[LabelBox]) {
        self.paths.set_boxes(&gpu.device, &gpu.queue, boxes);
    }

    /// The axes' rules (frame, grid lines, tick marks) of a `size` target, drawn over the
    /// layers from the next frame whose layers are drawn: a change makes the next
    /// [`Renderer::prepare_layers`] redraw them. Returns whether they changed; a caller that
    /// sets them after preparing must then draw the layers (`FrameWork::layers`).
    pub fn set_rules(&mut self, gpu: &Gpu, size: (u32, u32), rules: &[Rule]) -> bool {
        let changed = self.rules.set(&gpu.device, &gpu.queue, size, rules);
        self.rules_changed |= changed;
        changed
    }

    /// Takes in the paths of the next frame of `layout` showing `view` (drawn when `show`):
    /// only their new iterates are uploaded, so a frame's cost does not grow with the steps
    /// the paths have taken. [`Renderer::prepare_layers`] keeps them; call this first.
    pub fn set_paths<S: PathSource>(
        &mut self,
        gpu: &Gpu,
        layout: &Layout,
        view: &View,
        show: bool,
        paths: &[S],
    ) {
        self.show_paths = show && !paths.is_empty() && layout.validate().is_ok();
        if self.show_paths && view.validate().is_ok() {
            self.paths
                .prepare(&gpu.device, &gpu.queue, layout, view, paths);
        }
    }

    /// What the last [`Renderer::set_paths`] uploaded and what the paths draw.
    pub fn path_stats(&self) -> PathStats {
        self.paths.stats()
    }
}

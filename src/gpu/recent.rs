//! The field pipelines built last, kept by their shader source and mode, so that retyping a
//! function, undoing an edit or going back to a preset builds no new pipeline. On a software
//! driver (Mesa 22's lavapipe) every compute pipeline built keeps about a megabyte that
//! destroying the pipeline does not give back, so the explorer builds as few as it can.

use std::collections::VecDeque;

use crate::error::Result;
use crate::gpu::shader;

/// How many pipelines are kept (a few megabytes on lavapipe).
pub(crate) const CAPACITY: usize = 8;

struct Entry {
    source: String,
    mode: usize,
    pipeline: wgpu::ComputePipeline,
}

/// The last [`CAPACITY`] pipelines used, the most recent first.
#[derive(Default)]
pub(crate) struct RecentPipelines {
    entries: VecDeque<Entry>,
    built: u64,
}

impl RecentPipelines {
    /// The pipeline of `source` with `MODE` = `mode`: a kept one, or one made by `build`.
    pub(crate) fn get_or_build(
        &mut self,
        source: &str,
        mode: usize,
        build: impl FnOnce() -> Result<wgpu::ComputePipeline>,
    ) -> Result<wgpu::ComputePipeline> {
        let found = self
            .entries
            .iter()
            .position(|e| e.mode == mode && e.source == source);
        let entry = match found.and_then(|i| self.entries.remove(i)) {
            Some(entry) => entry,
            None => {
                let pipeline = build()?;
                self.built += 1;
                Entry {
                    source: source.to_owned(),
                    mode,
                    pipeline,
                }
            }
        };
        let pipeline = entry.pipeline.clone();
        self.entries.push_front(entry);
        self.entries.truncate(CAPACITY);
        Ok(pipeline)
    }

    /// The field pipeline of `source` (see `gpu::field`) with `MODE` = `mode`, kept or built.
    pub(crate) fn field_pipeline(
        &mut self,
        device: &wgpu::Device,
        source: &str,
        layout: &wgpu::PipelineLayout,
        mode: usize,
    ) -> Result<wgpu::ComputePipeline> {
        self.get_or_build(source, mode, || build(device, source, layout, mode))
    }

    /// How many pipelines were built (not found among the kept ones).
    pub(super) fn built(&self) -> u64 {
        self.built
    }
}

/// The field pipeline of `source` for one value of its `MODE` constant.
fn build(
    device: &wgpu::Device,
    source: &str,
    layout: &wgpu::PipelineLayout,
    mode: usize,
) -> Result<wgpu::ComputePipeline> {
    let constants = [("MODE", mode as f64)];
    shader::compute_pipeline_with(device, "FieldPass::pipeline", source, layout, &constants)
}

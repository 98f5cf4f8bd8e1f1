//! The explorer's convergence map and gradient check on the GPU: [`MapRunner`] computes a map
//! a few chunks per frame (each submitted and waited for, until a time budget is spent) while
//! the renderer keeps showing the previous one, and applies the "colour by" choice to the
//! renderer before each frame (the stability map's field from `stability_gpu`).

use std::time::{Duration, Instant};

use super::maps::{ColorBy, MapKey, MapStatus};
use super::state::ExplorerState;
use crate::error::{Error, Result};
use crate::expr::Function;
use crate::gpu::converge::{
    ConvergePass, ConvergeSettings, Walker, STATUS_CONVERGED, STATUS_DIVERGED,
};
use crate::gpu::readback::read_buffer_f32x4;
use crate::gpu::Gpu;
use crate::render::basin::{MapMode, MapView};
use crate::render::basin_minima::find_minima;
use crate::render::color_by::color_layer;
use crate::render::{ColorLayer, Renderer};

/// GPU time a frame may spend on the map before it is drawn (chunks are waited for one by
/// one, so a frame takes at most this plus one chunk longer). Measured on lavapipe: see the
/// README's "Teaching with gradfield".
pub(crate) const FRAME_BUDGET: Duration = Duration::from_millis(30);

/// Every this many chunks the map in progress is read back: once every start has converged
/// or diverged the remaining chunks would change nothing and are skipped.
pub(crate) const CHECK_EVERY: u32 = 8;

/// A map computed to the end: its walker buffer and what the panel says about it.
pub(crate) struct FinishedMap {
    pub key: MapKey,
    pub buffer: wgpu::Buffer,
    pub status: MapStatus,
}

struct Job {
    key: MapKey,
    done: u32,
    total: u32,
}

/// Runs convergence maps in chunks and remembers the last finished one.
#[derive(Default)]
pub struct MapRunner {
    pass: Option<(u64, ConvergePass)>,
    job: Option<Job>,
    last: Option<(wgpu::Buffer, MapView)>,
    /// GPU time a frame may spend on the map; `None` is [`FRAME_BUDGET`].
    budget: Option<Duration>,
    /// The stability map's Hessian field.
    stability: super::stability_gpu::StabilityRunner,
}

impl MapRunner {
    /// A runner that spends at most `budget` of each frame on the map (at least one chunk a
    /// frame whatever the budget): `Duration::ZERO` runs exactly one chunk a frame, so a test
    /// sees the same frames on any GPU.
    pub fn with_budget(budget: Duration) -> MapRunner {
        MapRunner {
            budget: Some(budget),
            ..MapRunner::default()
        }
    }

    /// Starts a map for `key` of `function` (a new shader when the function changed); the
    /// map in progress, if any, is dropped.
    pub(crate) fn start(&mut self, gpu: &Gpu, function: &Function, key: &MapKey) -> Result<()> {
        self.job = None;
        // The same shader while only the symbols' values changed (a slider, a path followed
        // in all variables: they are a uniform) or a data loss's points (a storage buffer).
        let source = crate::gpu::converge::converge_source(function, key.optimizer)?;
        match &mut self.pass {
            Some((g, pass)) if *g == key.generation => {}
            Some((g, pass)) if pass.source() == source => {
                pass.reuse_for(&gpu.device, function);
                *g = key.generation;
            }
            _ => {
                self.pass = None;
                self.pass = Some((
                    key.generation,
                    ConvergePass::new(&gpu.device, function, key.optimizer)?,
                ));
            }
        }
        let Some((_, pass)) = &mut self.pass else {
            return Err(Error::gpu("the convergence pass is missing"));
        };
        let settings = ConvergeSettings {
            optimizer: key.optimizer,
            hyper: key.hyper,
            steps: key.steps,
            tol: key.tol,
        };
        pass.prepare(&gpu.device, &gpu.queue, &key.view, key.grid, &settings)?;
        self.job = Some(Job {
            key: *key,
            done: 0,
            total: pass.chunks(),
        });
        Ok(())
    }

    /// Chunks done and needed of the map in progress ((0, 0) when none).
    pub(crate) fn progress(&self) -> (u32, u32) {
        self.job.as_ref().map_or((0, 0), |j| (j.done, j.total))
    }

    /// Runs chunks of the map in progress, one submission each, until it is complete or
    /// `budget` is spent; returns the map when it is complete.
    pub(crate) fn advance(&mut self, gpu: &Gpu, budget: Duration) -> Result<Option<FinishedMap>> {
        let (Some(job), Some((_, pass))) = (&mut self.job, &self.pass) else {
            return Ok(None);
        };
        let started = Instant::now();
        // At least one chunk per call, so that any budget makes progress.
        let mut ran = 0;
        while job.done < job.total && (ran == 0 || started.elapsed() < budget) {
            ran += 1;
            pass.run_chunk(gpu)?;
            job.done += 1;
        }
        let buffer = pass
            .buffer()
            .ok_or_else(|| Error::gpu("the convergence map has no buffer"))?
            .clone();
        let mut walkers = None;
        if job.done < job.total {
            // Most maps settle long before the step limit: look every CHECK_EVERY chunks.
            if job.done / CHECK_EVERY == (job.done - ran) / CHECK_EVERY {
                return Ok(None);
            }
            let w = read(gpu, &buffer, job.key.grid)?;
            let st = count(&w);
            if st.converged + st.diverged < st.starts {
                return Ok(None);
            }
            walkers = Some(w);
        }
        let key = job.key;
        self.job = None;
        let walkers = match walkers {
            Some(w) => w,
            None => read(gpu, &buffer, key.grid)?,
        };
        let results: Vec<[f32; 3]> = walkers.iter().map(|w| w.result()).collect();
        let status = MapStatus {
            minima: find_minima(&results, &key.view, key.grid),
            ..count(&walkers)
        };
        Ok(Some(FinishedMap {
            key,
            buffer,
            status,
        }))
    }

    /// Drops the map in progress and the last one.
    pub(crate) fn clear(&mut self) {
        self.job = None;
        self.last = None;
    }

    /// Before a frame: applies the state's "colour by" to `renderer` and advances the map
    /// (starting one when the schedule says so). Errors go to the state's status line.
    pub fn before_frame(
        &mut self,
        gpu: &Gpu,
        renderer: &mut Renderer,
        s: &mut ExplorerState,
        dt: f64,
    ) {
        if let Err(e) = self.sync(gpu, renderer, s, dt) {
            s.messages.status = Some(format!("colour by {}: {e}", s.doc.maps.mode.name()));
            s.doc.maps.mode = ColorBy::Heatmap;
            s.map_schedule.reset();
            self.clear();
            // Back to the plain heatmap; a second failure here leaves the heatmap as it is.
            let _ = renderer.set_color_layer(gpu, ColorLayer::Heatmap);
        }
    }

    fn sync(
        &mut self,
        gpu: &Gpu,
        renderer: &mut Renderer,
        s: &mut ExplorerState,
        dt: f64,
    ) -> Result<()> {
        let layer = color_layer(&s.doc.maps, None, None);
        if layer.gradient_check() != renderer.gradient_check() {
            s.map_status.check_largest = None;
        }
        let wanted = s.map_key();
        // A map of another function means nothing: back to the heatmap until the new one.
        let stale = self
            .last
            .as_ref()
            .zip(s.map_schedule.shown)
            .is_some_and(|(_, k)| Some(k.generation) != wanted.map(|w| w.generation));
        if wanted.is_none() || stale {
            s.map_schedule.reset();
            self.clear();
        }
        if let Some(key) = s.map_schedule.update(wanted, dt) {
            self.start(gpu, &s.doc.function, &key)?;
        }
        if let Some(done) = self.advance(gpu, self.budget.unwrap_or(FRAME_BUDGET))? {
            s.map_schedule.finished(done.key);
            let view = MapView {
                mode: MapMode::Basin,
                steps: done.key.steps,
                size: done.key.grid,
                view: done.key.view,
            };
            self.last = Some((done.buffer, view));
            s.map_status = MapStatus {
                check_largest: s.map_status.check_largest,
                ..done.status
            };
        }
        s.map_status.progress = self.progress();
        s.map_status.computing_lr = self.job.as_ref().map(|j| j.key.hyper.lr);
        let last = self.last.as_ref().map(|(b, v)| (b, *v));
        let stability = self.stability.sync(gpu, s)?;
        let layer = color_layer(&s.doc.maps, last, stability);
        renderer.set_color_layer(gpu, layer)
    }

    /// After a frame was drawn: the gradient check's largest difference from the colour
    /// range the renderer read back (the check's values are log10 relative differences).
    pub(crate) fn after_frame(&self, renderer: &Renderer, s: &mut ExplorerState) {
        if renderer.gradient_check().is_some() {
            s.map_status.check_largest = renderer
                .range_result()
                .filter(|r| r.count > 0)
                .map(|r| r.hi);
        }
    }
}

/// The walkers of a `grid` map's buffer.
fn read(gpu: &Gpu, buffer: &wgpu::Buffer, grid: (u32, u32)) -> Result<Vec<Walker>> {
    let starts = grid.0 as usize * grid.1 as usize;
    let raw = read_buffer_f32x4(gpu, buffer, starts * 3)?;
    Ok(bytemuck::cast_slice::<[f32; 4], Walker>(&raw).to_vec())
}

/// Counts converged and diverged starts of a map's walkers.
fn count(walkers: &[Walker]) -> MapStatus {
    let starts = walkers.len();
    MapStatus {
        converged: walkers
            .iter()
            .filter(|w| w.status == STATUS_CONVERGED)
            .count(),
        diverged: walkers
            .iter()
            .filter(|w| w.status == STATUS_DIVERGED)
            .count(),
        starts,
        ..MapStatus::default()
    }
}

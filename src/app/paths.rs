//! Descent paths in the explorer: adding them where the user clicks (one per optimizer in
//! compare mode), moving a start, removing, stepping them over time, resetting, and the
//! summaries the panel lists.

use super::state::ExplorerState;
use crate::descent::{Optimizer, Path, Status, MAX_PATHS};

/// The path colours: the renderer's palette.
pub(crate) use crate::render::PATH_PALETTE as PALETTE;

/// A descent path with the colour it is drawn in.
#[derive(Debug, Clone)]
pub struct TrackedPath {
    pub path: Path,
    /// Index into [`PALETTE`].
    pub color: usize,
    /// For a sweep path: its learning rate is the explorer's η times this.
    pub lr_factor: Option<f64>,
    /// When the path was last added or chosen: the highest is the selected path, whose
    /// step the read-out shows (see `app/step.rs`).
    pub(crate) picked: u64,
    /// Added in compare mode (by a click or from a scene): its label names its optimizer.
    pub(crate) compared: bool,
    /// While descending in all variables: the run in every variable, for the plane path's
    /// run id it shadows (see `app/descend_all.rs`).
    pub(crate) full: Option<(u64, crate::descent::FullPath)>,
}

impl TrackedPath {
    /// The path's RGBA colour.
    pub(crate) fn rgba(&self) -> [f32; 4] {
        PALETTE[self.color % PALETTE.len()]
    }

    /// "η = 0.01" for a sweep path (its own learning rate), `None` for others.
    pub fn eta_label(&self) -> Option<String> {
        self.lr_factor
            .map(|_| crate::teach::eta_label(self.path.hyper.lr))
    }

    /// What a label says before the path's progress: its η for a sweep path, its
    /// optimizer's name for a path of compare mode, nothing otherwise.
    pub fn label_prefix(&self) -> Option<String> {
        self.eta_label().or_else(|| {
            self.compared
                .then(|| self.path.optimizer.label().to_string())
        })
    }

    /// The canvas label: the path's progress after [`TrackedPath::label_prefix`]
    /// ("Adam  step 12  f = 0.031").
    pub fn label(&self) -> String {
        match self.label_prefix() {
            Some(prefix) => format!("{prefix}  {}", self.path.label()),
            None => self.path.label(),
        }
    }
}

impl crate::render::PathSource for TrackedPath {
    fn run_id(&self) -> u64 {
        self.path.run_id()
    }
    fn point_count(&self) -> usize {
        self.path.points.len()
    }
    fn point(&self, i: usize) -> (f64, f64) {
        let p = &self.path.points[i];
        (p.x, p.y)
    }
    fn color(&self) -> [f32; 4] {
        self.rgba()
    }
    fn done(&self) -> bool {
        !self.path.is_running()
    }
}

/// One line of the panel's path list.
#[derive(Debug, Clone, PartialEq)]
pub struct PathSummary {
    pub optimizer: Optimizer,
    pub color: usize,
    pub start: (f64, f64),
    pub iterations: usize,
    pub f: f64,
    pub grad_norm: f64,
    /// "running", "converged at step k", "diverged at step k", …
    pub status: String,
    /// Why a diverged path stopped.
    pub reason: Option<String>,
    /// "η = …" for a sweep path.
    pub eta: Option<String>,
}

/// A short status text: "converged at step k", "diverged at step k", ….
pub(crate) fn status_text(status: &Status, iterations: usize) -> String {
    status.short(iterations)
}

/// Largest number of steps a single `tick` may take per path (a long frame must not stall).
const MAX_STEPS_PER_TICK: usize = 1000;

impl ExplorerState {
    /// A click on the canvas at a world point: adds a path there, or in compare mode one per
    /// selected optimizer from the same start.
    /// A click that would take the paths beyond [`MAX_PATHS`] starts none and says so on the
    /// status line.
    pub fn click(&mut self, x: f64, y: f64) {
        let adding = if self.doc.sweep {
            self.doc.sweep_factors.len()
        } else if self.doc.compare {
            self.doc.compare_set.iter().filter(|&&on| on).count()
        } else {
            1
        };
        if self.running.paths.len() + adding > MAX_PATHS {
            self.messages.status = Some(format!(
                "no path started: {} paths is the most the explorer holds (it has {}); \
                 remove some with right click, Delete or C",
                MAX_PATHS,
                self.running.paths.len()
            ));
            return;
        }
        if self.doc.sweep {
            self.sweep_at(x, y);
        } else if self.doc.compare {
            let chosen: Vec<(usize, Optimizer)> = Optimizer::ALL
                .into_iter()
                .enumerate()
                .filter(|(i, _)| self.doc.compare_set[*i])
                .collect();
            for (i, opt) in chosen {
                self.push_path((x, y), opt, i);
            }
        } else {
            self.add_path_at(x, y);
        }
    }

    /// Adds one path at (x, y) with the current optimizer and the next colour.
    pub fn add_path_at(&mut self, x: f64, y: f64) {
        let color = self.running.next_color;
        self.running.next_color += 1;
        self.push_path((x, y), self.doc.optimizer, color);
    }

    fn push_path(&mut self, start: (f64, f64), optimizer: Optimizer, color: usize) {
        self.push_path_scaled(start, optimizer, color, None);
    }

    /// Adds a path; a sweep path (`lr_factor`) uses η times that factor.
    pub(crate) fn push_path_scaled(
        &mut self,
        start: (f64, f64),
        optimizer: Optimizer,
        color: usize,
        lr_factor: Option<f64>,
    ) {
        let f = &self.doc.function;
        let hyper = self.hyper_for(lr_factor);
        let path = Path::new(start, optimizer, hyper, &mut |x, y| f.eval(x, y));
        let picked = self.next_pick();
        self.running.paths.push(TrackedPath {
            path,
            color,
            lr_factor,
            picked,
            compared: self.doc.compare,
            full: None,
        });
        self.sync_path_starts();
    }

    /// Moves the start of path `i` to `to` (world) and restarts it there.
    pub fn drag_start(&mut self, i: usize, to: (f64, f64)) {
        let f = &self.doc.function;
        if let Some(t) = self.running.paths.get_mut(i) {
            t.path.restart(to, &mut |x, y| f.eval(x, y));
        }
        self.select_path(i);
        self.sync_path_starts();
    }

    /// The path whose start marker is within `radius_px` pixels of canvas pixel (px, py), the
    /// nearest if several (the last drawn wins ties).
    pub(crate) fn start_marker_at(&self, px: f64, py: f64, radius_px: f64) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for (i, t) in self.running.paths.iter().enumerate() {
            let (sx, sy) = self.to_pixel(t.path.start.0, t.path.start.1);
            let d = (sx - px).hypot(sy - py);
            if d <= radius_px && best.is_none_or(|(_, bd)| d <= bd) {
                best = Some((i, d));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Removes the path whose start or current point is nearest to `at` within `radius`
    /// (world units). Returns whether one was removed.
    pub fn remove_path_near(&mut self, at: (f64, f64), radius: f64) -> bool {
        let dist = |p: (f64, f64)| (p.0 - at.0).hypot(p.1 - at.1);
        let nearest = self
            .running
            .paths
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let c = t.path.current();
                (i, dist(t.path.start).min(dist((c.x, c.y))))
            })
            .filter(|(_, d)| *d <= radius)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        match nearest {
            Some((i, _)) => {
                self.running.paths.remove(i);
                self.sync_path_starts();
                true
            }
            None => false,
        }
    }

    /// One step of every running path. Returns how many moved.
    pub fn step_paths(&mut self) -> usize {
        if self.descending_all() {
            return self.step_paths_all();
        }
        let (tol, max_steps) = (self.doc.tol, self.doc.max_steps);
        // The reference trees: they also give Newton's Hessian (differentiated on first use).
        let mut grad = self.doc.function.tree();
        let mut moved = 0;
        for t in &mut self.running.paths {
            if t.path.is_running() && t.path.iterations() >= max_steps {
                t.path.status = Status::StepLimit;
            }
            if t.path.step(&mut grad, tol) {
                moved += 1;
            }
        }
        moved
    }

    /// Advances time by `dt` seconds: while playing, running paths take steps at
    /// `steps_per_second` (fractions carry over to the next tick).
    /// Also ages the last typed change of the function (see [`ExplorerState::shader_due`])
    /// and the camera's last change (see `View3d::camera_moving`).
    pub fn tick(&mut self, dt: f64) {
        self.view3d.tick(dt);
        self.tick_sweeps(dt);
        if let Some(age) = &mut self.rebuild.typed_age {
            *age += if dt.is_finite() { dt.max(0.0) } else { 0.0 };
        }
        if !(self.doc.playing && self.any_running() && dt.is_finite() && dt > 0.0) {
            self.running.accumulator = 0.0;
            return;
        }
        self.running.accumulator += dt * self.doc.steps_per_second.max(0.0);
        let n = self.running.accumulator.floor();
        self.running.accumulator -= n;
        for _ in 0..(n as usize).min(MAX_STEPS_PER_TICK) {
            if self.step_paths() == 0 {
                break;
            }
        }
    }

    /// True while some path can still take steps.
    pub fn any_running(&self) -> bool {
        self.running.paths.iter().any(|t| t.path.is_running())
    }

    /// Restarts every path at its start with the current hyperparameters (and, outside
    /// compare mode, the current optimizer for paths that used the previous one).
    pub fn restart_all(&mut self) {
        let f = &self.doc.function;
        for t in &mut self.running.paths {
            t.path.hyper = self.doc.hyper.with_lr_factor(t.lr_factor);
            let start = t.path.start;
            t.path.restart(start, &mut |x, y| f.eval(x, y));
            t.full = None;
        }
        self.running.accumulator = 0.0;
    }

    /// Changes the optimizer: new paths use it, and existing single-optimizer paths switch
    /// and restart so the effect shows at once.
    pub fn set_optimizer(&mut self, optimizer: Optimizer) {
        let old = self.doc.optimizer;
        self.doc.optimizer = optimizer;
        if !self.doc.compare {
            for t in &mut self.running.paths {
                if t.path.optimizer == old {
                    t.path.optimizer = optimizer;
                }
            }
        }
        self.restart_all();
        self.sync_path_starts();
    }

    /// Removes every path.
    pub fn clear_paths(&mut self) {
        self.running.paths.clear();
        self.running.next_color = 0;
        self.sync_path_starts();
    }

    /// What the panel lists for each path.
    pub fn summaries(&self) -> Vec<PathSummary> {
        self.running
            .paths
            .iter()
            .map(|t| {
                let p = &t.path;
                let c = p.current();
                PathSummary {
                    optimizer: p.optimizer,
                    color: t.color,
                    start: p.start,
                    iterations: p.iterations(),
                    f: c.f,
                    grad_norm: c.dfdx.hypot(c.dfdy),
                    status: status_text(&p.status, p.iterations()),
                    reason: match &p.status {
                        Status::Diverged { reason, .. } => Some(reason.clone()),
                        Status::Stopped { stop, .. } => Some(stop.to_string()),
                        _ => None,
                    },
                    eta: t.eta_label(),
                }
            })
            .collect()
    }
}

//! The explorer's data loss: opening a CSV file (the data panel's field, a file dropped on
//! the window), the batch size, and the numbers the data panel and the canvas show for the
//! selected path (its model, the full and mini-batch gradients at its iterate). Plain state,
//! no egui.

use std::path::Path;

use super::state::ExplorerState;
use crate::error::Result;
use crate::expr::Evaluator;
use crate::fit::{DataSource, Model};

/// The data panel's file field and model choice, and the last error opening a file.
#[derive(Debug, Clone, Default)]
pub struct DataDialog {
    pub path: String,
    pub model: Model,
    pub error: Option<String>,
}

/// How many other mini-batches' gradients the canvas draws faintly at the selected iterate.
pub const CLOUD: usize = 32;

/// The most terms the cloud evaluates in one frame (its batches are cut to fit).
const CLOUD_TERMS: usize = 200_000;

/// The gradients at the selected path's iterate θₖ for the canvas: −η∇L over every point,
/// −η times this step's mini-batch gradient, and the same for other batches (the noise).
#[derive(Debug, Clone, PartialEq)]
pub struct BatchArrows {
    pub theta: [f64; 2],
    pub full: [f64; 2],
    pub batch: [f64; 2],
    pub others: Vec<[f64; 2]>,
}

impl ExplorerState {
    /// Opens the CSV file at `path` with `model`: the loss becomes the function, in a view
    /// around its minimum, and the paths are cleared. On error nothing changes and the error
    /// (`FILE:LINE:COLUMN: why`) is returned.
    pub fn open_data(&mut self, path: &Path, model: Model) -> Result<()> {
        let source = DataSource {
            path: Some(path.to_path_buf()),
            model,
            columns: None,
        };
        let (function, _) = source.load()?;
        self.text = function.source.clone();
        self.error = None;
        self.doc.show_data_loss(function, source)?;
        self.rebuild.function_generation += 1;
        self.rebuild.typed_age = None;
        self.messages.render_error = None;
        self.forget_missing_symbols();
        self.clear_paths();
        self.dialogs.data.path = path.display().to_string();
        self.dialogs.data.model = model;
        self.dialogs.data.error = None;
        Ok(())
    }

    /// A file dropped on the window: a `.csv` opens as data with the panel's model, a
    /// `.toml` as a scene; anything else, or a file that does not read, says why in the
    /// status line and changes nothing.
    pub fn open_dropped(&mut self, path: &Path) {
        let lower = path.to_string_lossy().to_ascii_lowercase();
        let result = if lower.ends_with(".csv") {
            self.open_data(path, self.dialogs.data.model)
        } else if lower.ends_with(".toml") {
            crate::scene::load(path).and_then(|scene| self.apply_scene(&scene))
        } else {
            Err(crate::Error::Input(format!(
                "{}: drop a .csv data file or a .toml scene",
                path.display()
            )))
        };
        match result {
            Ok(()) => self.messages.status = Some(format!("opened {}", path.display())),
            Err(e) => {
                self.dialogs.data.error = Some(e.to_string());
                self.messages.status = Some(e.to_string());
            }
        }
    }

    /// Sets the mini-batch size (`None` or n and more: full batch); the paths restart.
    pub fn set_batch(&mut self, batch: Option<usize>) {
        let n = self.doc.function.data().map_or(0, |d| d.len());
        let batch = batch.filter(|&b| b >= 1 && b < n);
        if batch != self.doc.hyper.batch {
            self.doc.hyper.batch = batch;
            self.restart_all();
        }
    }

    /// The selected path's current iterate (w, b), if there is a path.
    pub fn selected_iterate(&self) -> Option<(f64, f64)> {
        let i = self.selected_path()?;
        let p = self.running.paths[i].path.current();
        (p.x.is_finite() && p.y.is_finite()).then_some((p.x, p.y))
    }

    /// The gradients of [`BatchArrows`] at the selected path's iterate, while it descends a
    /// data loss with mini-batches; `None` otherwise.
    pub fn batch_arrows(&self) -> Option<BatchArrows> {
        let data = self.doc.function.data()?;
        let i = self.selected_path()?;
        let path = &self.running.paths[i].path;
        let size = path.hyper.batch?;
        let p = path.current();
        let (w, b) = (p.x, p.y);
        let lr = path.hyper.lr;
        let k = path.iterations();
        let mut tape = self.doc.function.tape();
        let step = |g: [Option<f64>; 3]| Some([-lr * g[1]?, -lr * g[2]?]);
        let full = step(tape.channels(w, b))?;
        tape.select_batch(path.hyper.batch_at(k));
        let batch = step(tape.channels(w, b))?;
        let count = CLOUD.min(CLOUD_TERMS / size.min(data.len()).max(1));
        let others = (1..=count)
            .filter_map(|j| {
                tape.select_batch(path.hyper.batch_at(k + j));
                step(tape.channels(w, b))
            })
            .collect();
        Some(BatchArrows {
            theta: [w, b],
            full,
            batch,
            others,
        })
    }
}

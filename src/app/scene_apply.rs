//! Between a [`Document`] and the explorer: the document the explorer shows (for a scene
//! file), and a document put into the explorer whole (all or nothing: the only step that can
//! fail runs before any change). The running paths follow the document's path starts.

use super::ExplorerState;
use crate::document::{Document, PathStart};
use crate::error::Result;
use crate::expr::Function;

impl ExplorerState {
    /// The demo the explorer shows now: its function (the last that parsed), requested view,
    /// settings, and each path's start, optimizer, η factor and colour.
    pub fn document(&self) -> Document {
        self.doc.clone()
    }

    /// A fresh explorer showing `doc`.
    pub fn from_document(doc: &Document) -> Result<ExplorerState> {
        let mut state = ExplorerState::new(doc.function.clone(), doc.view);
        state.apply_scene(doc)?;
        Ok(state)
    }

    /// Shows `scene`: its function, view (also the home view), settings and paths restarted
    /// at their starts. On error nothing has changed.
    pub fn apply_scene(&mut self, scene: &Document) -> Result<()> {
        // The function is parsed again, so a document built by hand cannot hold a function
        // whose text does not parse; its axes and values are the scene's.
        // A data loss is kept as it is: its points are not in its text.
        let mut function = if scene.function.data.is_some() {
            scene.function.clone()
        } else {
            let parsed = Function::parse(&scene.function.source)?;
            let (x, y) = (&scene.function.vars.x, &scene.function.vars.y);
            parsed.with_axes(x, y).map_err(crate::Error::Input)?
        };
        for sym in &scene.function.vars.syms {
            if let Some(v) = scene.function.value_of(&sym.name) {
                function.set_value(&sym.name, v);
            }
        }
        self.text = function.source.clone();
        self.error = None;
        self.rebuild.function_generation += 1;
        self.messages.render_error = None;
        self.doc = Document {
            function,
            home: scene.view,
            paths: Vec::new(),
            ..scene.clone()
        };
        self.clear_paths();
        for p in &scene.paths {
            self.push_path_scaled(p.start, p.optimizer, p.color, p.lr_factor);
        }
        self.running.next_color = scene.paths.iter().map(|p| p.color + 1).max().unwrap_or(0);
        self.running.accumulator = 0.0;
        self.pointer.gesture = None;
        self.view3d.gesture = None;
        if let Some(p) = self.view3d.plot {
            // The scene's canvas mode lays the plot out anew.
            self.set_plot(f64::from(p.width()), f64::from(p.height()));
        }
        self.view3d.redraw();
        Ok(())
    }

    /// Writes the running paths' starts, optimizers, factors and colours into `doc.paths`;
    /// every method that adds, removes, moves or changes a path ends with this.
    pub(crate) fn sync_path_starts(&mut self) {
        self.doc.paths = self
            .running
            .paths
            .iter()
            .map(|t| PathStart {
                start: t.path.start,
                optimizer: t.path.optimizer,
                lr_factor: t.lr_factor,
                color: t.color,
            })
            .collect();
    }
}

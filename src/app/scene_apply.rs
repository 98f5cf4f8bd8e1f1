//! Between a [`Document`] and the explorer: what the explorer shows as a document (for a
//! scene file), and a document put into the explorer (all or nothing: the only step that can
//! fail runs before any change).

use super::ExplorerState;
use crate::document::{Document, PathStart};
use crate::error::Result;
use crate::expr::Function;

impl ExplorerState {
    /// The demo the explorer shows now: its function (the last that parsed), requested view,
    /// settings, and each path's start, optimizer, η factor and colour.
    pub fn document(&self) -> Document {
        let s = self;
        Document {
            function: s.function.clone(),
            preset: s.current_preset().map(|p| p.name),
            view: s.view,
            home: s.home,
            layers: s.layers.clone(),
            theme: s.theme,
            ui_scale: s.ui_scale,
            panel: s.panel_visible,
            fullscreen: s.fullscreen,
            optimizer: s.optimizer,
            hyper: s.hyper,
            tol: s.tol,
            max_steps: s.max_steps,
            steps_per_second: s.steps_per_second,
            playing: s.playing,
            compare: s.compare,
            compare_set: s.compare_set,
            sweep: s.sweep,
            sweep_factors: s.sweep_factors.clone(),
            pin: s.pin,
            direction: s.direction,
            maps: s.maps,
            paths: s
                .paths
                .iter()
                .map(|t| PathStart {
                    start: t.path.start,
                    optimizer: t.path.optimizer,
                    lr_factor: t.lr_factor,
                    color: t.color,
                })
                .collect(),
        }
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
        let function = Function::parse(&scene.function.source)?;
        self.text = function.source.clone();
        self.error = None;
        self.function = function;
        self.function_generation += 1;
        self.render_error = None;
        self.preset = scene
            .preset
            .and_then(|name| crate::presets::all().iter().position(|p| p.name == name));
        self.view = scene.view;
        self.home = scene.view;
        self.layers = scene.layers.clone();
        self.theme = scene.theme;
        self.ui_scale = scene.ui_scale;
        self.panel_visible = scene.panel;
        self.fullscreen = scene.fullscreen;
        self.optimizer = scene.optimizer;
        self.hyper = scene.hyper;
        self.tol = scene.tol;
        self.max_steps = scene.max_steps;
        self.steps_per_second = scene.steps_per_second;
        self.playing = scene.playing;
        self.compare = scene.compare;
        self.compare_set = scene.compare_set;
        self.sweep = scene.sweep;
        self.sweep_factors = scene.sweep_factors.clone();
        self.pin = scene.pin;
        self.direction = scene.direction;
        self.maps = scene.maps;
        self.clear_paths();
        for p in &scene.paths {
            self.push_path_scaled(p.start, p.optimizer, p.color, p.lr_factor);
        }
        self.next_color = scene.paths.iter().map(|p| p.color + 1).max().unwrap_or(0);
        self.accumulator = 0.0;
        self.gesture = None;
        Ok(())
    }
}

//! Saving and opening scenes from the explorer as state: the dialog's mode and path, and the
//! save / open reactions with their status line. Plain Rust; the egui window is `scene_ui`.

use std::path::Path;

use super::state::ExplorerState;
use crate::scene::{self, Scene};

/// What the scene dialog does on Enter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogMode {
    Save,
    Open,
}

/// The save / open dialog: whether it is shown, and the path in its text field (kept
/// between openings, so the last used file is proposed again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SceneDialog {
    pub mode: Option<DialogMode>,
    pub path: String,
    /// The text field should take the keyboard on the next frame.
    pub focus: bool,
}

impl Default for SceneDialog {
    fn default() -> SceneDialog {
        SceneDialog {
            mode: None,
            path: scene::DEFAULT_FILE.to_string(),
            focus: false,
        }
    }
}

impl SceneDialog {
    /// True while the dialog is shown (canvas keys and clicks are ignored then).
    pub fn is_open(&self) -> bool {
        self.mode.is_some()
    }
}

impl ExplorerState {
    /// Shows the dialog for saving or opening, with the last used path.
    pub fn open_scene_dialog(&mut self, mode: DialogMode) {
        self.scene_dialog.mode = Some(mode);
        self.scene_dialog.focus = true;
    }

    /// Hides the dialog without doing anything.
    pub fn close_scene_dialog(&mut self) {
        self.scene_dialog.mode = None;
    }

    /// Saves what the explorer shows to `path`; the status line says "saved NAME" or why not.
    pub fn save_scene(&mut self, path: &Path) -> crate::Result<()> {
        let result = scene::save(&Scene::from_state(self), path);
        self.report(path, "saved", &result);
        result
    }

    /// Opens the scene at `path`. On any error nothing changes but the status line.
    pub fn open_scene(&mut self, path: &Path) -> crate::Result<()> {
        let result = scene::load(path).and_then(|s| self.apply_scene(&s));
        self.report(path, "opened", &result);
        result
    }

    /// Enter in the dialog: saves or opens its path; the dialog closes when that worked.
    pub fn confirm_scene_dialog(&mut self) {
        let Some(mode) = self.scene_dialog.mode else {
            return;
        };
        let text = self.scene_dialog.path.trim().to_string();
        if text.is_empty() {
            self.message = Some("give a file name, e.g. lecture.toml".into());
            return;
        }
        let path = Path::new(&text);
        let done = match mode {
            DialogMode::Save => self.save_scene(path),
            DialogMode::Open => self.open_scene(path),
        };
        if done.is_ok() {
            self.scene_dialog.path = text;
            self.close_scene_dialog();
        }
    }

    fn report(&mut self, path: &Path, verb: &str, result: &crate::Result<()>) {
        self.message = Some(match result {
            Ok(()) => format!("{verb} {}", path.display()),
            Err(e) => e.to_string(),
        });
    }
}

/// The `*.toml` files in `dir`, sorted by name (an unreadable directory lists none).
pub fn toml_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.to_ascii_lowercase().ends_with(".toml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

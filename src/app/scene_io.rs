//! Saving and opening scenes from the explorer as state: the dialog's mode and path, and the
//! save / open reactions with their status line. Plain Rust; the egui window is `scene_ui`.

use std::path::{Path, PathBuf};

use super::state::ExplorerState;
use crate::scene;

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
    /// A save that would replace this existing file is waiting for a second confirmation.
    pub overwrite: Option<PathBuf>,
}

impl Default for SceneDialog {
    fn default() -> SceneDialog {
        SceneDialog {
            mode: None,
            path: scene::DEFAULT_FILE.to_string(),
            focus: false,
            overwrite: None,
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
    pub(crate) fn open_scene_dialog(&mut self, mode: DialogMode) {
        self.dialogs.scene.mode = Some(mode);
        self.dialogs.scene.focus = true;
    }

    /// Hides the dialog without doing anything.
    pub(crate) fn close_scene_dialog(&mut self) {
        self.dialogs.scene.mode = None;
        self.dialogs.scene.overwrite = None;
    }

    /// Saves what the explorer shows to `path`; the status line says "saved NAME" or why not.
    pub(crate) fn save_scene(&mut self, path: &Path) -> crate::Result<()> {
        let result = scene::save(&self.document(), path);
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
        let Some(mode) = self.dialogs.scene.mode else {
            return;
        };
        let text = self.dialogs.scene.path.trim().to_string();
        if text.is_empty() {
            self.messages.status = Some("give a file name, e.g. lecture.toml".into());
            return;
        }
        let done = match mode {
            DialogMode::Save => {
                let path = scene_file_name(&text);
                if path.exists() && self.dialogs.scene.overwrite.as_ref() != Some(&path) {
                    self.messages.status = Some(format!(
                        "{} exists: Enter (or Replace) again replaces it, or change the name",
                        path.display()
                    ));
                    self.dialogs.scene.overwrite = Some(path);
                    self.dialogs.scene.focus = true;
                    return;
                }
                self.save_scene(&path).map(|()| path.display().to_string())
            }
            DialogMode::Open => self.open_scene(Path::new(&text)).map(|()| text),
        };
        if let Ok(text) = done {
            self.dialogs.scene.path = text;
            self.close_scene_dialog();
        }
    }

    /// The dialog's path as typed or clicked; a replacement waiting for confirmation is
    /// forgotten, so a name typed away from and back to an existing file asks again.
    pub fn set_scene_dialog_path(&mut self, text: String) {
        self.dialogs.scene.path = text;
        self.dialogs.scene.overwrite = None;
    }

    /// True while a save is waiting for the second confirmation that replaces the file.
    pub fn overwrite_pending(&self) -> bool {
        let text = self.dialogs.scene.path.trim();
        self.dialogs.scene.overwrite.as_deref() == Some(scene_file_name(text).as_path())
    }

    fn report(&mut self, path: &Path, verb: &str, result: &crate::Result<()>) {
        self.messages.status = Some(match result {
            Ok(()) => format!("{verb} {}", path.display()),
            Err(e) => e.to_string(),
        });
    }
}

/// The file a scene is saved to for the name typed: `.toml` is added when the name does not
/// end in it (any case), so `lecture` and `lecture.png` become `lecture.toml` and
/// `lecture.png.toml`.
pub(crate) fn scene_file_name(text: &str) -> PathBuf {
    if text.to_ascii_lowercase().ends_with(".toml") {
        PathBuf::from(text)
    } else {
        PathBuf::from(format!("{text}.toml"))
    }
}

/// The `*.toml` files in `dir`, sorted by name (an unreadable directory lists none).
pub fn toml_files(dir: &Path) -> Vec<String> {
    files_ending(dir, ".toml")
}

/// The names of the files in `dir` whose names end in `ending` (any case), sorted; empty
/// when the directory cannot be read.
pub fn files_ending(dir: &Path, ending: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.to_ascii_lowercase().ends_with(ending))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

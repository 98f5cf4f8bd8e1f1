//! Scene files: a whole demo (function, view, layers, colours, optimizer, start points, pin,
//! sweep and compare modes) as readable TOML, to prepare at home and open in class.
//!
//! [`parse`] / [`load`] check everything and return a [`Scene`] or one line
//! `FILE:LINE:COL: FIELD: why`; [`Scene::from_state`] and
//! [`ExplorerState::apply_scene`](crate::app::ExplorerState::apply_scene) go between a scene
//! and the explorer; [`save`] writes atomically. Floats round-trip exactly.

mod apply;
mod file;
mod locate;
mod plain;
mod resolve;
mod resolve_parts;
mod write;

pub use file::SceneFile;

use crate::app::settings::{Layers, Theme};
use crate::descent::{Hyper, Optimizer};
use crate::error::{Error, Result};
use crate::View;
use std::path::Path;

/// The scene format version this gradfield reads and writes.
pub const VERSION: i64 = 1;

/// The file name the explorer's save dialog proposes first.
pub const DEFAULT_FILE: &str = "gradfield-scene.toml";

/// A checked scene: everything that defines a demo, nothing about the window's moment
/// (hover, path progress, messages).
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// The function's text.
    pub function: String,
    /// The preset's name when the function is that preset's.
    pub preset: Option<&'static str>,
    pub view: View,
    /// Layers and colour settings.
    pub layers: Layers,
    pub theme: Theme,
    pub ui_scale: f32,
    /// The side panel is shown.
    pub panel: bool,
    pub fullscreen: bool,
    /// The optimizer of new paths.
    pub optimizer: Optimizer,
    pub hyper: Hyper,
    /// A path converges when |grad f| ≤ tol (0: never).
    pub tol: f64,
    pub max_steps: usize,
    pub steps_per_second: f64,
    /// The animation runs from the start.
    pub playing: bool,
    pub compare: bool,
    /// Which of [`Optimizer::ALL`] compare mode races.
    pub compare_set: [bool; 6],
    pub sweep: bool,
    pub sweep_factors: Vec<f64>,
    pub pin: Option<(f64, f64)>,
    /// θ of the directional derivative's u, radians in (−π, π].
    pub direction: f64,
    pub paths: Vec<PathStart>,
    /// What the colours show and the map / check settings.
    pub maps: crate::app::maps::MapSettings,
}

/// Where a descent path starts and how it differs from the scene's optimizer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PathStart {
    pub start: (f64, f64),
    pub optimizer: Optimizer,
    /// A sweep path: η times this.
    pub lr_factor: Option<f64>,
    /// Index into the path palette.
    pub color: usize,
}

impl PathStart {
    /// A plain path (no learning-rate factor).
    pub fn new(start: (f64, f64), optimizer: Optimizer, color: usize) -> PathStart {
        PathStart {
            start,
            optimizer,
            lr_factor: None,
            color,
        }
    }
}

/// Parses and checks the text of a scene; `name` is how messages call the file.
pub fn parse(text: &str, name: &str) -> Result<Scene> {
    resolve::parse(text, name)
}

/// The largest scene file gradfield reads, in bytes (1 MiB): a scene with every key is about
/// 2 KB, one with [`crate::descent::MAX_PATHS`] paths about 20 KB.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// Reads and checks the scene file at `path`: a regular file of at most [`MAX_FILE_BYTES`]
/// (`/dev/zero`, a directory or a pipe is refused before anything is read). Every problem is
/// an [`Error::Input`] with one line naming the file, the field and why (an unreadable file
/// too, so the command line exits with 2).
pub fn load(path: &Path) -> Result<Scene> {
    let name = path.display().to_string();
    let text = read_bounded(path)
        .map_err(|why| Error::Input(format!("{name}: cannot read the scene: {why}")))?;
    parse(&text, &name)
}

/// The text of the regular file at `path`, at most [`MAX_FILE_BYTES`] long, or why not.
fn read_bounded(path: &Path) -> std::result::Result<String, String> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if !meta.is_file() {
        return Err("not a regular file (a scene is a small .toml file)".into());
    }
    let too_big = |n: u64| format!("{n} bytes is more than the {MAX_FILE_BYTES} a scene may have");
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // It grew while being read.
        return Err(too_big(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("not UTF-8 text (byte {at} is not)")
    })
}

/// Writes `scene` to `path` through the atomic writer (temporary file, then rename).
pub fn save(scene: &Scene, path: &Path) -> Result<()> {
    let text = scene.to_toml()?;
    crate::export::write_atomic(path, |w| w.write_all(text.as_bytes()))
}

impl Scene {
    /// The scene as TOML text, with a header comment; [`parse`] gives it back unchanged.
    pub fn to_toml(&self) -> Result<String> {
        let body = toml::to_string(&write::to_file(self))
            .map_err(|e| Error::Input(format!("cannot write the scene as TOML: {e}")))?;
        Ok(format!(
            "# gradfield scene: open with `gradfield --scene FILE` or Ctrl+O in the explorer.\n\
             # Every key is optional except version; see the README's \"Scenes\".\n{body}"
        ))
    }
}

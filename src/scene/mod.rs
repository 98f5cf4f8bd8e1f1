//! Scene files: a whole demo (a [`Document`]: function, view, layers, colours, optimizer,
//! start points, pin, sweep and compare modes, the axes and sliders of parameters and held
//! variables) as readable TOML, to prepare at home and open
//! in class.
//!
//! [`parse`] / [`load`] check everything and return a [`Document`] or one line
//! `FILE:LINE:COL: FIELD: why`; [`to_toml`] and [`save`] (atomic) write one. Floats
//! round-trip exactly. The explorer holds a document, so a scene goes into and out of it whole.

mod data;
mod file;
mod locate;
mod plain;
mod resolve;
mod resolve_parts;
mod surface;
mod symbols;
mod write;

pub(crate) use crate::document::{Document, PathStart};
use crate::error::{Error, Result};
use std::path::Path;

/// The scene format version this gradfield reads and writes.
pub(crate) const VERSION: i64 = 1;

/// The file name the explorer's save dialog proposes first.
pub const DEFAULT_FILE: &str = "gradfield-scene.toml";

/// Parses and checks the text of a scene; `name` is how messages call the file.
pub fn parse(text: &str, name: &str) -> Result<Document> {
    resolve::parse(text, name, None)
}

/// The largest scene file gradfield reads, in bytes (1 MiB): a scene with every key is about
/// 2 KB, one with [`crate::descent::MAX_PATHS`] paths about 20 KB.
pub(crate) const MAX_FILE_BYTES: u64 = 1 << 20;

/// Reads and checks the scene file at `path`: a regular file of at most `MAX_FILE_BYTES`
/// (`/dev/zero`, a directory or a pipe is refused before anything is read). Every problem is
/// an [`Error::Input`] with one line naming the file, the field and why (an unreadable file
/// too, so the command line exits with 2).
pub fn load(path: &Path) -> Result<Document> {
    let name = path.display().to_string();
    let text = read_bounded(path)
        .map_err(|why| Error::Input(format!("{name}: cannot read the scene: {why}")))?;
    // A data file's relative path is from the scene's folder.
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    resolve::parse(&text, &name, dir)
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

/// Writes `doc` to `path` through the atomic writer (temporary file, then rename).
pub fn save(doc: &Document, path: &Path) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
    let dir = dir.map(|d| d.canonicalize().unwrap_or_else(|_| d.to_path_buf()));
    let text = toml_in(doc, dir.as_deref())?;
    crate::export::write_atomic(path, |w| w.write_all(text.as_bytes()))
}

/// `doc` as scene TOML text, every key written, with a header comment; [`parse`] gives it
/// back unchanged (all but `home`, which a scene does not keep).
pub fn to_toml(doc: &Document) -> Result<String> {
    toml_in(doc, None)
}

/// [`to_toml`] for a file in `dir`: a data file's path is written relative to it.
fn toml_in(doc: &Document, dir: Option<&Path>) -> Result<String> {
    let mut file = write::to_file(doc);
    file.data = data::to_table(doc.data.as_ref(), dir);
    let body = toml::to_string(&file)
        .map_err(|e| Error::Input(format!("cannot write the scene as TOML: {e}")))?;
    Ok(format!(
        "# gradfield scene: open with `gradfield --scene FILE` or Ctrl+O in the explorer.\n\
         # Every key is optional except version; see the README's \"Scenes\".\n{body}"
    ))
}

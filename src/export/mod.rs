//! File writers for pictures and numbers (PNG, NPY, CSV). Every writer goes through
//! [`write_atomic`], so a file is either completely written or not touched at all.

mod csv;
mod npy;
mod png;

pub use self::csv::{write_field_csv, write_paths_csv};
pub use self::npy::{field_to_npy_data, read_npy_f32, write_field_npy, write_npy_f32};
pub use self::png::write_png_rgba8;

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Distinguishes temporary files of one process.
static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Writes `path` through `write`: the bytes go to a temporary file `.NAME.tmp-PID-N` in the
/// same directory, which is flushed, synced to disk and renamed over `path`. If anything
/// fails the temporary file is removed and an existing `path` is left as it was. Errors are
/// [`Error::Io`] naming `path`.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let (dir, temp) = temp_path(path)?;
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(|e| Error::io(path, explain_create(&dir, e)))?;
    match fill(file, write) {
        Ok(()) => {}
        Err(e) => {
            let _ = fs::remove_file(&temp);
            return Err(Error::io(path, e));
        }
    }
    if let Err(e) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(Error::io(path, e));
    }
    sync_dir(&dir);
    Ok(())
}

/// The directory of `path` and a fresh temporary name in it.
fn temp_path(path: &Path) -> Result<(PathBuf, PathBuf)> {
    let name = path.file_name().ok_or_else(|| {
        Error::io(
            path,
            io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
        )
    })?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".tmp-{}-{n}", std::process::id()));
    Ok((dir.clone(), dir.join(temp_name)))
}

/// Says which directory was the problem when the temporary file cannot be created.
fn explain_create(dir: &Path, e: io::Error) -> io::Error {
    let what = if e.kind() == io::ErrorKind::NotFound {
        format!("the directory {} does not exist", dir.display())
    } else {
        format!("cannot create a file in {}: {e}", dir.display())
    };
    io::Error::new(e.kind(), what)
}

/// Runs the caller's writer on a buffered `file`, then flushes and syncs it.
fn fill(file: File, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, file);
    write(&mut out)?;
    out.flush()?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()
}

/// Makes the rename durable where the platform allows; a failure here loses nothing that
/// is not already on its way to the disk, so it is ignored.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Checks that a `w`×`h` field has one sample per grid point.
fn check_field_len(path: &Path, w: u32, h: u32, samples: &[[f32; 4]]) -> Result<()> {
    if (w as usize).checked_mul(h as usize) != Some(samples.len()) {
        return Err(Error::Input(format!(
            "{}: a {w}×{h} field needs {} samples, got {}",
            path.display(),
            w as u64 * h as u64,
            samples.len()
        )));
    }
    Ok(())
}

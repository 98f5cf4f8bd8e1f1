//! File writers for pictures and numbers (PNG, GIF, NPY, CSV). Every writer goes through
//! `AtomicFile` (most via [`write_atomic`]), so a file is either completely written or not
//! touched at all.

mod atomic;
mod csv;
pub(crate) mod gif;
mod npy;
mod png;
pub(crate) mod quantize;

pub(crate) use self::atomic::{abandon_all, AtomicFile};

pub(crate) use self::csv::{full_paths_csv, paths_csv, write_field_csv_with};
pub use self::csv::{write_field_csv, write_full_paths_csv, write_paths_csv};
pub use self::npy::{field_to_npy_data, read_npy_f32, write_field_npy, write_npy_f32};
pub use self::png::write_png_rgba8;

use crate::error::{Error, Result};
use std::io::{self, Write};
use std::path::Path;

/// Writes `path` through `write`: the bytes go to a temporary file `.NAME.tmp-PID-N` in the
/// same directory, which is flushed, synced to disk and renamed over `path` (see
/// `AtomicFile`). If anything fails the temporary file is removed and an existing `path` is
/// left as it was. Errors are [`Error::Io`] naming `path`.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    let mut file = AtomicFile::create(path)?;
    write(&mut file).map_err(|e| Error::io(path, e))?;
    file.commit()
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

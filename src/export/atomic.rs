//! A file that appears at its path only when it is complete: bytes go to a temporary file in
//! the same directory, which is flushed, synced and renamed over the path on
//! [`AtomicFile::commit`]; dropped without a commit, the temporary file is removed.

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Distinguishes temporary files of one process.
static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A file being written: `.NAME.tmp-PID-N` beside `path` until [`AtomicFile::commit`].
pub struct AtomicFile {
    path: PathBuf,
    dir: PathBuf,
    temp: PathBuf,
    out: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file for `path`. Errors are [`Error::Io`] naming `path` (and
    /// the directory, when that is the problem).
    pub fn create(path: &Path) -> Result<AtomicFile> {
        let (dir, temp) = temp_path(path)?;
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| Error::io(path, explain_create(&dir, e)))?;
        Ok(AtomicFile {
            path: path.to_path_buf(),
            dir,
            temp,
            out: Some(BufWriter::with_capacity(1 << 16, file)),
        })
    }

    /// The path the file will have once committed.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes and syncs the temporary file and renames it over the path. On error the
    /// temporary file is removed and an existing file at the path is left as it was.
    pub fn commit(mut self) -> Result<()> {
        let path = self.path.clone();
        let out = self
            .out
            .take()
            .ok_or_else(|| Error::io(&path, io::Error::other("the file was already committed")))?;
        let synced = out
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| file.sync_all());
        // `self` still removes the temporary file on drop if any step below fails.
        synced.map_err(|e| Error::io(&path, e))?;
        fs::rename(&self.temp, &path).map_err(|e| Error::io(&path, e))?;
        self.temp = PathBuf::new();
        sync_dir(&self.dir);
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Some(out) => out.write(buf),
            None => Err(io::Error::other("the file was already committed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Some(out) => out.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        drop(self.out.take());
        if !self.temp.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.temp);
        }
    }
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

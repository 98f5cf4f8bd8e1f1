//! A file that appears at its path only when it is complete: bytes go to a temporary file in
//! the same directory, which is flushed, synced and renamed over the path on
//! [`AtomicFile::commit`]; dropped without a commit, the temporary file is removed. Every
//! temporary file being written is registered, so that a signal handler can remove them all
//! ([`abandon_all`]); each new file first sweeps the stale temporary files that a process no
//! longer alive left in its directory.

use crate::error::{Error, Result};
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Distinguishes temporary files of one process.
static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);
/// The temporary files being written now.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Set by [`abandon_all`]: no file is created, written or committed any more.
static ABANDONED: AtomicBool = AtomicBool::new(false);

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Removes every temporary file being written and makes every later create, write and commit
/// fail: what gradfield does on Ctrl+C or SIGTERM, so that no temporary file outlives it.
/// Safe to call from any thread; a file already committed stays.
pub(crate) fn abandon_all() {
    ABANDONED.store(true, Ordering::SeqCst);
    for temp in live().drain(..) {
        let _ = fs::remove_file(temp);
    }
}

/// Whether [`abandon_all`] was called.
pub(crate) fn abandoned() -> bool {
    ABANDONED.load(Ordering::SeqCst)
}

fn abandoned_error() -> io::Error {
    // Not `ErrorKind::Interrupted`: `write_all` would retry that forever.
    io::Error::other("stopped by a signal before the file was complete")
}

/// A file being written: `.NAME.tmp-PID-N` beside `path` until [`AtomicFile::commit`].
pub(crate) struct AtomicFile {
    path: PathBuf,
    dir: PathBuf,
    temp: PathBuf,
    out: Option<BufWriter<File>>,
}

impl AtomicFile {
    /// Creates the temporary file for `path`. Errors are [`Error::Io`] naming `path` (and
    /// the directory, when that is the problem).
    pub(crate) fn create(path: &Path) -> Result<AtomicFile> {
        let (dir, temp) = temp_path(path)?;
        sweep_stale(&dir);
        let mut registry = live();
        if abandoned() {
            return Err(Error::io(path, abandoned_error()));
        }
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| Error::io(path, explain_create(&dir, e)))?;
        registry.push(temp.clone());
        drop(registry);
        Ok(AtomicFile {
            path: path.to_path_buf(),
            dir,
            temp,
            out: Some(BufWriter::with_capacity(1 << 16, file)),
        })
    }

    /// Flushes and syncs the temporary file and renames it over the path. On error the
    /// temporary file is removed and an existing file at the path is left as it was.
    pub(crate) fn commit(mut self) -> Result<()> {
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
        {
            // Under the registry's lock: a signal either finds the temporary file and removes
            // it before the rename, or finds it renamed and complete.
            let mut registry = live();
            if abandoned() {
                return Err(Error::io(&path, abandoned_error()));
            }
            fs::rename(&self.temp, &path).map_err(|e| Error::io(&path, e))?;
            registry.retain(|t| t != &self.temp);
            self.temp = PathBuf::new();
        }
        sync_dir(&self.dir);
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if abandoned() {
            return Err(abandoned_error());
        }
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
            let mut registry = live();
            let _ = fs::remove_file(&self.temp);
            registry.retain(|t| t != &self.temp);
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

/// Removes the temporary files `.NAME.tmp-PID-N` in `dir` whose process PID is no longer
/// alive (left by a kill gradfield could not catch, such as SIGKILL or a power cut). Files of
/// other names, of live processes and of this process stay; errors are ignored.
fn sweep_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let own = std::process::id();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if pid != own && is_file && !process_alive(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The PID in a temporary file's name `.NAME.tmp-PID-N`, if `name` has that form.
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let (head, n) = rest.rsplit_once('-')?;
    let (stem, pid) = head.rsplit_once(".tmp-")?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if stem.is_empty() || !digits(n) || !digits(pid) {
        return None;
    }
    pid.parse().ok()
}

/// Whether a process with this PID exists (where that cannot be known, it is taken to).
fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
        let r = unsafe { libc::kill(pid, 0) };
        r == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Says which directory was the problem when the temporary file cannot be created, and why.
fn explain_create(dir: &Path, e: io::Error) -> io::Error {
    let what = if e.kind() == io::ErrorKind::NotFound && !dir.is_dir() {
        format!("the directory {} does not exist", dir.display())
    } else if e.kind() == io::ErrorKind::NotFound {
        // /proc, say: the directory is there but creates no new files in it.
        format!(
            "cannot create a file in {}: the directory takes no new files ({e})",
            dir.display()
        )
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

#[cfg(test)]
mod tests {
    use super::temp_owner;

    #[test]
    fn only_our_temporary_names_have_an_owner() {
        assert_eq!(temp_owner(".k.csv.tmp-4242-0"), Some(4242));
        assert_eq!(temp_owner(".a.b.tmp-1-17"), Some(1));
        for other in [
            "k.csv",
            ".k.csv",
            ".k.csv.tmp-",
            ".tmp-12-0",
            ".k.tmp-x-0",
            ".k.tmp-1-",
        ] {
            assert_eq!(temp_owner(other), None, "{other}");
        }
    }
}

//! Standard output and standard error without panics: a closed pipe (`gradfield presets |
//! head -c1`) ends gradfield quietly with exit 141, as a tool killed by SIGPIPE would; any
//! other write error (`> /dev/full`) is an error naming standard output (exit 1).

use crate::error::{Error, Result};
use std::io::{self, Write};

/// The exit code after the reader of standard output went away (128 + SIGPIPE).
pub const CLOSED_PIPE_EXIT: u8 = 141;

/// Writes what `write` produces to standard output and flushes it. A write error becomes
/// [`Error::Io`] about "standard output" (a closed pipe keeps its `BrokenPipe` kind, which
/// [`is_closed_pipe`] recognises).
pub fn stdout(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| Error::io("standard output", e))
}

/// Whether `e` says that the reader of standard output closed the pipe.
pub fn is_closed_pipe(e: &Error) -> bool {
    matches!(e, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
}

/// Writes one line to standard error; a standard error that cannot be written is ignored
/// (there is nowhere left to say so), never a panic.
pub fn eprint_line(line: &str) {
    let mut err = io::stderr().lock();
    let _ = err
        .write_all(line.as_bytes())
        .and_then(|()| err.write_all(b"\n"));
}

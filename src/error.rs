//! The crate's error type. Every library function that can fail returns `Result<_, Error>`;
//! the command line turns an error into a one-line message and an exit code (`cli::exit`).

use std::path::PathBuf;

mod gpu;
pub(crate) use gpu::{GpuError, ShaderError};

/// Result with gradfield's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong, with enough context to say where and why.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The text of a function could not be read (parse error with its column).
    #[error("{0}")]
    Parse(#[from] crate::expr::ParseError),
    /// An argument or setting a person gave is not usable (bad view, size, name, …).
    #[error("{0}")]
    Input(String),
    /// A number a person typed does not read as one; `what` is the text, quoted, with where
    /// it was typed.
    #[error("{what} is not a number")]
    Number {
        what: String,
        #[source]
        source: std::num::ParseFloatError,
    },
    /// No GPU adapter could be found; the message says how to get one.
    #[error("{0}")]
    NoAdapter(String),
    /// The GPU reported an error (device request, validation, lost device, readback), with
    /// the operation that found it.
    #[error("GPU error: {0}")]
    Gpu(#[from] GpuError),
    /// A shader failed to assemble, validate or build into a module or pipeline.
    #[error("shader error: {0}")]
    Shader(#[from] ShaderError),
    /// A vector figure's SVG could not be read back or converted to PDF (a fault of
    /// gradfield's, not of the input), with what failed.
    #[error("{0}")]
    Figure(String),
    /// The explorer was asked for but there is no display to open a window on.
    #[error("no display found; use `gradfield render` to draw to a PNG without a window")]
    NoDisplay,
    /// A signal (Ctrl+C, SIGTERM) stopped the command before it finished.
    #[error("stopped by a signal")]
    Interrupted,
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// An [`Error::Gpu`] said in words, for failures that have no wgpu error behind them.
    pub(crate) fn gpu(message: impl Into<String>) -> Error {
        Error::Gpu(GpuError::Failed(message.into()))
    }

    /// Shorthand for an [`Error::Io`] about `path`.
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

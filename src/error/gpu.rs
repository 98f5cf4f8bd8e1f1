//! The GPU and shader halves of gradfield's error type: what failed on the device or in a
//! shader, naming the operation and keeping wgpu's or naga's error as the source.

/// Something went wrong on the GPU device (behind [`crate::Error::Gpu`]).
#[derive(Debug, thiserror::Error)]
pub enum GpuError {
    /// `op` found errors that earlier GPU work raised outside any error scope (kept by the
    /// device, at most `gpu::context::MAX_KEPT_ERRORS`; `dropped` more were only counted).
    #[cfg(feature = "gpu")]
    #[error(
        "{op} found errors from earlier GPU work (not caught where they happened): {}",
        uncaptured_list(first, rest, *dropped, lost.as_deref())
    )]
    Uncaptured {
        op: &'static str,
        #[source]
        first: Box<wgpu::Error>,
        rest: Vec<wgpu::Error>,
        dropped: usize,
        lost: Option<String>,
    },
    /// The device was lost; nothing submitted since runs.
    #[error("{op}: the GPU device was lost ({reason})")]
    Lost { op: &'static str, reason: String },
    /// No device could be opened on the adapter.
    #[cfg(feature = "gpu")]
    #[error("could not open the GPU device: {0}")]
    RequestDevice(#[from] wgpu::RequestDeviceError),
    /// Waiting for submitted work failed or timed out.
    #[cfg(feature = "gpu")]
    #[error("waiting for the GPU: {0}")]
    Poll(#[from] wgpu::PollError),
    /// A read-back buffer could not be mapped.
    #[cfg(feature = "gpu")]
    #[error("mapping a read-back buffer: {0}")]
    Map(#[from] wgpu::BufferAsyncError),
    /// Any other failure while driving the GPU, said in words.
    #[error("{0}")]
    Failed(String),
}

#[cfg(feature = "gpu")]
fn uncaptured_list(
    first: &wgpu::Error,
    rest: &[wgpu::Error],
    dropped: usize,
    lost: Option<&str>,
) -> String {
    let mut all: Vec<String> = std::iter::once(first)
        .chain(rest)
        .map(ToString::to_string)
        .collect();
    if dropped > 0 {
        all.push(format!("and {dropped} more errors"));
    }
    all.extend(lost.map(|l| format!("device lost: {l}")));
    all.join("; ")
}

/// A shader could not be built (behind [`crate::Error::Shader`]).
#[derive(Debug, thiserror::Error)]
pub enum ShaderError {
    /// naga refused the WGSL of `label`; `message` is naga's report with the offending line.
    #[error("{label}: {message}")]
    Invalid { label: String, message: String },
    /// An `#import` line (`at` = file:line) could not be resolved.
    #[error("{at}: {why}")]
    Import { at: String, why: String },
    /// wgpu refused the module or pipeline `label` inside its validation error scope.
    #[cfg(feature = "gpu")]
    #[error("{label}: {source}")]
    Scope {
        label: String,
        #[source]
        source: wgpu::Error,
    },
    /// Shader code could not be put together (wrong tapes, a template without its
    /// placeholder, a pass that lacks what a mode needs).
    #[error("{0}")]
    Assembly(String),
}

//! Everything that talks to the GPU without a window: the device ([`Gpu`]), shader validation,
//! the field compute pass and readback. Takes `&wgpu::Device, &wgpu::Queue`; no winit here.

pub mod check;
pub mod layout;
pub mod library;
pub(crate) mod preprocess;
pub mod shader;
pub mod source;

// Everything below needs wgpu (the `gpu` feature, on by default); the shader source and its
// validation above do not, so the fuzz target builds without a GPU stack.
#[cfg(feature = "gpu")]
pub(crate) mod binding;
#[cfg(feature = "gpu")]
pub(crate) mod context;
#[cfg(feature = "gpu")]
pub mod converge;
#[cfg(feature = "gpu")]
pub mod field;
#[cfg(feature = "gpu")]
pub mod field_reuse;
#[cfg(feature = "gpu")]
pub mod hessian;
#[cfg(feature = "gpu")]
pub(crate) mod pipeline_cache;
#[cfg(feature = "gpu")]
pub mod readback;
#[cfg(feature = "gpu")]
mod recent;
#[cfg(feature = "gpu")]
pub mod upsample;
#[cfg(feature = "gpu")]
mod walker;

#[cfg(feature = "gpu")]
pub use context::{skip_display_probe, Gpu};
#[cfg(feature = "gpu")]
pub use converge::{converge_map, ConvergePass, ConvergeSettings};
#[cfg(feature = "gpu")]
pub(crate) use field::FieldPass;
#[cfg(feature = "gpu")]
pub use readback::read_buffer_f32x4;
pub use source::GradientMode;

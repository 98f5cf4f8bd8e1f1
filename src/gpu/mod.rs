//! Everything that talks to the GPU without a window: the device ([`Gpu`]), shader validation,
//! the field compute pass and readback. Takes `&wgpu::Device, &wgpu::Queue`; no winit here.

pub mod binding;
pub mod check;
pub mod context;
pub mod converge;
pub mod field;
pub mod readback;
pub mod shader;
mod walker;

pub use context::Gpu;
pub use converge::{converge_map, ConvergePass, ConvergeSettings};
pub use field::{FieldPass, GradientMode};
pub use readback::{read_buffer_f32x4, sample_field};

//! Small builders for the bind groups every pass uses: whole buffers bound in order.

/// A bind-group-layout entry for a storage buffer.
pub(crate) fn storage_entry(
    binding: u32,
    visibility: wgpu::ShaderStages,
    read_only: bool,
) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Storage { read_only },
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    }
}

/// A bind-group-layout entry for a uniform buffer.
pub(crate) fn uniform_entry(
    binding: u32,
    visibility: wgpu::ShaderStages,
) -> wgpu::BindGroupLayoutEntry {
    wgpu::BindGroupLayoutEntry {
        binding,
        visibility,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Uniform,
            has_dynamic_offset: false,
            min_binding_size: None,
        },
        count: None,
    }
}

/// Bind group entries for whole buffers, numbered from 0.
pub(crate) fn bind_group(
    device: &wgpu::Device,
    label: &str,
    layout: &wgpu::BindGroupLayout,
    buffers: &[&wgpu::Buffer],
) -> wgpu::BindGroup {
    let entries: Vec<wgpu::BindGroupEntry> = buffers
        .iter()
        .enumerate()
        .map(|(i, b)| wgpu::BindGroupEntry {
            binding: i as u32,
            resource: b.as_entire_binding(),
        })
        .collect();
    device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some(label),
        layout,
        entries: &entries,
    })
}

/// A `size`-byte uniform buffer written with `queue.write_buffer` (UNIFORM | COPY_DST).
pub(crate) fn uniform_buffer(device: &wgpu::Device, label: &str, size: u64) -> wgpu::Buffer {
    device.create_buffer(&wgpu::BufferDescriptor {
        label: Some(label),
        size,
        usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    })
}

/// The symbols' values as the shaders' `Symbols` uniform holds them (shaders/lib/symbols.wgsl):
/// [`crate::expr::ast::MAX_SYMBOLS`] f32, unused ones 0.
pub(crate) fn symbol_block(values: &[f64]) -> [f32; SYMBOL_FLOATS] {
    let mut block = [0.0f32; SYMBOL_FLOATS];
    for (slot, v) in block.iter_mut().zip(values) {
        *slot = *v as f32;
    }
    block
}

/// Floats in the `Symbols` uniform: four vec4.
pub(crate) const SYMBOL_FLOATS: usize = 16;
const _: () = assert!(SYMBOL_FLOATS == crate::expr::ast::MAX_SYMBOLS);

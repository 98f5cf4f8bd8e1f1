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
    let entries = whole_buffers(buffers);
    device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some(label),
        layout,
        entries: &entries,
    })
}

/// The bindings of the grid compute passes (field, convergence map, Hessian): 0 the params
/// uniform, 1 and 2 the sample coordinates x and y (read-only storage), 3 the output (read-write
/// storage), 4 the symbols' uniform and 5 a data loss's points (read-only storage,
/// [`DataPoints`]); the bind group layout and a pipeline layout over it.
pub(crate) fn grid_layouts(
    device: &wgpu::Device,
    label: &str,
) -> (wgpu::BindGroupLayout, wgpu::PipelineLayout) {
    grid_layouts_with(device, label, None)
}

/// [`grid_layouts`] with binding 6, the field pass's tile (read-only storage at a dynamic
/// offset, `field_reuse::Tile`).
pub(crate) fn field_layouts(
    device: &wgpu::Device,
    label: &str,
) -> (wgpu::BindGroupLayout, wgpu::PipelineLayout) {
    let tile = wgpu::BindGroupLayoutEntry {
        binding: 6,
        visibility: wgpu::ShaderStages::COMPUTE,
        ty: wgpu::BindingType::Buffer {
            ty: wgpu::BufferBindingType::Storage { read_only: true },
            has_dynamic_offset: true,
            min_binding_size: None,
        },
        count: None,
    };
    grid_layouts_with(device, label, Some(tile))
}

/// The grid passes' bindings 0–5 and `extra`, with a pipeline layout over them.
fn grid_layouts_with(
    device: &wgpu::Device,
    label: &str,
    extra: Option<wgpu::BindGroupLayoutEntry>,
) -> (wgpu::BindGroupLayout, wgpu::PipelineLayout) {
    let compute = wgpu::ShaderStages::COMPUTE;
    let mut entries = vec![
        uniform_entry(0, compute),
        storage_entry(1, compute, true),
        storage_entry(2, compute, true),
        storage_entry(3, compute, false),
        uniform_entry(4, compute),
        storage_entry(5, compute, true),
    ];
    entries.extend(extra);
    let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some(label),
        entries: &entries,
    });
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some(label),
        bind_group_layouts: &[Some(&layout)],
        immediate_size: 0,
    });
    (layout, pipeline_layout)
}

/// A buffer of `size` bytes with `usage`, not mapped.
pub(crate) fn buffer(
    device: &wgpu::Device,
    label: &str,
    size: u64,
    usage: wgpu::BufferUsages,
) -> wgpu::Buffer {
    device.create_buffer(&wgpu::BufferDescriptor {
        label: Some(label),
        size,
        usage,
        mapped_at_creation: false,
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
/// [`crate::expr::ast::MAX_SYMBOLS`] f32 in four vec4, unused ones 0.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
pub(crate) struct Symbols {
    v: [[f32; 4]; 4],
}

/// The layout of [`Symbols`] (tests/layout.rs compares it with the shaders').
pub(crate) fn symbols_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!("Symbols", Symbols { v })
}

/// The block of `values` (the first [`crate::expr::ast::MAX_SYMBOLS`]; the parser allows no more).
pub(crate) fn symbol_block(values: &[f64]) -> Symbols {
    let mut block = Symbols { v: [[0.0; 4]; 4] };
    for (k, v) in values.iter().enumerate().take(SYMBOL_FLOATS) {
        block.v[k / 4][k % 4] = *v as f32;
    }
    block
}

/// Floats in the `Symbols` uniform.
pub(crate) const SYMBOL_FLOATS: usize = 16;
const _: () = assert!(SYMBOL_FLOATS == crate::expr::ast::MAX_SYMBOLS);

/// A data loss's points (xᵢ, yᵢ) as the generated code's `gf_data` reads them
/// (`array<vec2<f32>>`, binding 5 of the grid passes), or one (0, 0) for a plain function,
/// whose shader does not read them; remade only when the data change.
pub(crate) struct DataPoints {
    buffer: wgpu::Buffer,
    /// (hash, length) of the data in `buffer`; `None` for the placeholder.
    key: Option<(u64, usize)>,
}

impl DataPoints {
    /// The buffer for `data` (`None`: the placeholder).
    pub(crate) fn new(device: &wgpu::Device, data: Option<&crate::expr::data::Data>) -> DataPoints {
        use wgpu::util::DeviceExt;
        let points: Vec<[f32; 2]> = match data {
            Some(d) => d
                .points
                .iter()
                .map(|p| [p[0] as f32, p[1] as f32])
                .collect(),
            None => vec![[0.0; 2]],
        };
        let buffer = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("grid pass data points"),
            contents: bytemuck::cast_slice(&points),
            usage: wgpu::BufferUsages::STORAGE,
        });
        DataPoints {
            buffer,
            key: data.map(|d| (d.hash, d.len())),
        }
    }

    /// Holds `data`'s points, remaking the buffer when they differ from the ones held; true
    /// when it was remade (the caller's bind group must be made again).
    pub(crate) fn update(
        &mut self,
        device: &wgpu::Device,
        data: Option<&crate::expr::data::Data>,
    ) -> bool {
        if self.key == data.map(|d| (d.hash, d.len())) {
            return false;
        }
        *self = DataPoints::new(device, data);
        true
    }

    /// The buffer to bind at binding 5.
    pub(crate) fn buffer(&self) -> &wgpu::Buffer {
        &self.buffer
    }
}

/// The field pass's bind group (see [`field_layouts`]): `buffers` at bindings 0–5, the tile at 6.
pub(crate) fn field_bind_group(
    device: &wgpu::Device,
    layout: &wgpu::BindGroupLayout,
    buffers: [&wgpu::Buffer; 6],
    tiles: &wgpu::Buffer,
) -> wgpu::BindGroup {
    let mut entries = whole_buffers(&buffers);
    entries.push(wgpu::BindGroupEntry {
        binding: 6,
        resource: wgpu::BindingResource::Buffer(wgpu::BufferBinding {
            buffer: tiles,
            offset: 0,
            size: std::num::NonZeroU64::new(16),
        }),
    });
    device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("FieldPass::bind_group"),
        layout,
        entries: &entries,
    })
}

/// `buffers` bound whole at bindings 0, 1, 2, … in order.
fn whole_buffers<'a>(buffers: &[&'a wgpu::Buffer]) -> Vec<wgpu::BindGroupEntry<'a>> {
    buffers
        .iter()
        .enumerate()
        .map(|(i, b)| wgpu::BindGroupEntry {
            binding: i as u32,
            resource: b.as_entire_binding(),
        })
        .collect()
}

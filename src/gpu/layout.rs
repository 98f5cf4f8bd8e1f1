//! The memory layout of the Rust structs that shaders bind (uniforms, storage buffers), as
//! `size_of` and `offset_of!` give it: `tests/layout.rs` compares each with the layout naga
//! reads from the shader, so that no size or offset is typed by hand on either side.

/// A Rust struct shared with WGSL: its size and each field's offset and size, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostLayout {
    /// The struct's name in WGSL.
    pub wgsl_name: &'static str,
    /// `size_of` the Rust struct (the WGSL struct's span).
    pub size: usize,
    /// (field name, offset, size) of each field, in declaration order.
    pub fields: Vec<(&'static str, usize, usize)>,
}

/// The size of the field that `get` borrows (used by [`host_layout!`]).
pub(crate) fn field_size<T, F>(_get: fn(&T) -> &F) -> usize {
    std::mem::size_of::<F>()
}

/// `host_layout!("WgslName", RustType { field, … })`: the [`HostLayout`] of `RustType`, its
/// fields listed by name (offsets and sizes from the compiler).
#[cfg(feature = "gpu")]
macro_rules! host_layout {
    ($wgsl:literal, $t:ty { $($f:ident),* $(,)? }) => {
        $crate::gpu::layout::HostLayout {
            wgsl_name: $wgsl,
            size: std::mem::size_of::<$t>(),
            fields: vec![$((
                stringify!($f),
                std::mem::offset_of!($t, $f),
                $crate::gpu::layout::field_size(|s: &$t| &s.$f),
            )),*],
        }
    };
}
#[cfg(feature = "gpu")]
pub(crate) use host_layout;

/// The structs the field and convergence shaders bind, with the shaders that bind them.
#[cfg(feature = "gpu")]
pub fn host_layouts() -> Vec<(&'static [&'static str], HostLayout)> {
    vec![
        (&["field"], crate::gpu::field::params_layout()),
        (&["hessian"], crate::gpu::hessian::params_layout()),
        (
            &["field", "converge", "hessian"],
            crate::gpu::binding::symbols_layout(),
        ),
        (&["converge"], crate::gpu::walker::params_layout()),
        (&["converge"], crate::gpu::walker::walker_layout()),
        (&["upsample"], crate::gpu::upsample::params_layout()),
        (&["field"], crate::gpu::field_reuse::layouts()[0].clone()),
        (&["shift"], crate::gpu::field_reuse::layouts()[1].clone()),
    ]
}

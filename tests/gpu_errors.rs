//! GPU errors are reported where they happen: a pipeline that wgpu refuses is an
//! `Error::Shader` from the call that built it (an error scope), and an error raised outside
//! any scope is reported by the next operation that checks, which names itself and says the
//! error came from earlier GPU work, with wgpu's error kept as the source.

mod common_gpu;

use common_gpu::gpu;
use gradfield::render::{ArrowPass, HeatmapPass, PathPass};

/// A format no colour attachment can have: every render pipeline for it is refused by wgpu.
const NOT_A_COLOUR: wgpu::TextureFormat = wgpu::TextureFormat::Depth32Float;

#[test]
fn a_refused_render_pipeline_is_a_shader_error_from_the_pass_that_built_it() {
    let gpu = gpu();
    let heatmap = HeatmapPass::new(&gpu.device, NOT_A_COLOUR);
    match heatmap {
        Err(gradfield::Error::Shader(e)) => {
            let text = e.to_string();
            assert!(text.starts_with("HeatmapPass::pipeline: "), "{text}");
            assert!(
                std::error::Error::source(&e).is_some(),
                "wgpu's error is the source"
            );
        }
        Err(e) => panic!("expected a shader error, got {e}"),
        Ok(_) => panic!("a pipeline for a depth format was accepted"),
    }
    let params = gpu.device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("params"),
        size: std::mem::size_of::<gradfield::render::Params>() as u64,
        usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    assert!(matches!(
        ArrowPass::new(&gpu.device, NOT_A_COLOUR, &params),
        Err(gradfield::Error::Shader(_))
    ));
    assert!(matches!(
        PathPass::new(&gpu.device, NOT_A_COLOUR, &params),
        Err(gradfield::Error::Shader(_))
    ));
    // Caught in the scopes: nothing is left on the device for an unrelated check to find.
    assert!(gpu.check().is_ok(), "{:?}", gpu.take_errors());
}

#[test]
fn an_error_outside_a_scope_is_reported_by_the_read_back_that_finds_it() {
    let gpu = gpu();
    let good = gpu.device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("good"),
        size: 64,
        usage: wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_SRC,
        mapped_at_creation: false,
    });
    // Raised outside any error scope: MAP_READ may only go with COPY_DST.
    let _bad = gpu.device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("bad"),
        size: 64,
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::STORAGE,
        mapped_at_creation: false,
    });
    let err = gradfield::gpu::read_buffer_f32x4(&gpu, &good, 4).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with(
            "GPU error: reading back a GPU buffer found errors from earlier GPU work \
             (not caught where they happened): "
        ),
        "{text}"
    );
    let gradfield::Error::Gpu(inner) = &err else {
        panic!("expected a GPU error, got {err}");
    };
    let source = std::error::Error::source(inner).expect("wgpu's error is kept");
    assert!(source.to_string().contains("Validation"), "{source}");
    // Reported once: the next read-back is clean.
    let again = gradfield::gpu::read_buffer_f32x4(&gpu, &good, 4).expect("reads");
    assert_eq!(again.len(), 4);
}

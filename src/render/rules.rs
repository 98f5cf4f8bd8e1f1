//! Rules: the axis-aligned lines of the axes (grid lines across the plot, tick marks, the
//! plot's frame) drawn by our own pass (`shaders/rules.wgsl`) under the overlay's text. The
//! overlay lays them out with its ticks (`axes.rs`) and hands them over instead of painting
//! them: on a software GPU egui's long thin feathered quads cost about 5 ms a frame at
//! 1920×1080, this pass under half a millisecond. Figures and the explorer draw them into the
//! layers' pass (and so into the layer cache); the vector figure writes them as rectangles;
//! [`shapes`] turns them into egui shapes for painters without the renderer.

use egui::{Color32, Shape};

use super::util::{self, GrowBuffer};
use crate::error::Result;
use crate::gpu::binding::{bind_group, uniform_buffer, uniform_entry};

/// The rules shader.
pub(crate) const RULES_WGSL: super::WgslFile = super::wgsl_file!("rules.wgsl");

/// One axis-aligned rectangle of solid colour, in target pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    /// Left, top, right, bottom edges in pixels (right ≥ left, bottom ≥ top).
    pub rect: [f32; 4],
    /// The colour as egui gives it (premultiplied sRGB with alpha).
    pub color: Color32,
}

impl Rule {
    /// A line `width` pixels wide from `a` to `b`, which share an x or a y (a line that is
    /// neither horizontal nor vertical gets the rectangle spanning its ends). Its sides are
    /// moved by less than half a pixel to land on pixel edges, as egui rounds its lines, so
    /// a one-pixel line stays one sharp pixel wide.
    pub fn line(a: [f32; 2], b: [f32; 2], width: f32, color: Color32) -> Rule {
        let w = width.max(0.0);
        let side = |centre: f32| {
            let lo = (centre - 0.5 * w).round();
            (lo, lo + w)
        };
        let (x0, x1) = (a[0].min(b[0]), a[0].max(b[0]));
        let (y0, y1) = (a[1].min(b[1]), a[1].max(b[1]));
        let rect = if x1 - x0 < y1 - y0 {
            let (l, r) = side(0.5 * (x0 + x1));
            [l, y0, r, y1]
        } else {
            let (t, b) = side(0.5 * (y0 + y1));
            [x0, t, x1, b]
        };
        Rule { rect, color }
    }

    /// The four sides of a frame `width` pixels wide just outside `[x0, y0, x1, y1]`.
    pub fn frame_outside(r: [f32; 4], width: f32, color: Color32) -> [Rule; 4] {
        let w = width.max(0.0);
        let [x0, y0, x1, y1] = r.map(f32::round);
        [
            Rule {
                rect: [x0 - w, y0 - w, x1 + w, y0],
                color,
            },
            Rule {
                rect: [x0 - w, y1, x1 + w, y1 + w],
                color,
            },
            Rule {
                rect: [x0 - w, y0, x0, y1],
                color,
            },
            Rule {
                rect: [x1, y0, x1 + w, y1],
                color,
            },
        ]
    }

    /// Whether the rectangle has finite edges in order and something to show.
    pub(crate) fn drawable(&self) -> bool {
        let [x0, y0, x1, y1] = self.rect;
        self.rect.iter().all(|v| v.is_finite()) && x1 > x0 && y1 > y0 && self.color.a() > 0
    }
}

/// `rules` as egui shapes, `ppp` pixels per point: the same picture as the rules pass, for
/// painters that are not drawn over the renderer's layers (add them under the rest).
pub fn shapes(rules: &[Rule], ppp: f32) -> Vec<Shape> {
    rules
        .iter()
        .filter(|r| r.drawable())
        .map(|r| {
            let [x0, y0, x1, y1] = r.rect.map(|v| v / ppp);
            let rect = egui::Rect::from_min_max(egui::pos2(x0, y0), egui::pos2(x1, y1));
            Shape::rect_filled(rect, 0.0, r.color)
        })
        .collect()
}

/// A digest of `rules`, for the layer cache's key.
pub(crate) fn digest(rules: &[Rule]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for r in rules {
        r.rect.map(f32::to_bits).hash(&mut h);
        r.color.to_array().hash(&mut h);
    }
    h.finish()
}

/// One rule as the shader reads it. Keep in sync with shaders/rules.wgsl `vs_main`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
struct RuleInstance {
    rect: [f32; 4],
    /// Straight (not premultiplied) sRGB with alpha, RGBA8 packed little-endian.
    color: u32,
}

const INSTANCE_BYTES: u64 = std::mem::size_of::<RuleInstance>() as u64;

/// What the shader knows of the target (shaders/rules.wgsl `RuleTarget`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
struct RuleTarget {
    /// Width and height in pixels.
    size: [f32; 2],
    /// 1 where the target's format is sRGB (it stores linear values), else 0.
    srgb: f32,
    pad: f32,
}

/// The layout of [`RuleTarget`], for the test that compares it with the shader's.
pub(crate) fn target_layout() -> crate::gpu::layout::HostLayout {
    crate::gpu::layout::host_layout!("RuleTarget", RuleTarget { size, srgb, pad })
}

/// The rules' pipeline, their instance buffer and the target's size.
#[derive(Debug)]
pub(crate) struct RulePass {
    pipeline: wgpu::RenderPipeline,
    target: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
    instances: GrowBuffer,
    scratch: Vec<RuleInstance>,
    count: u32,
    last: Option<(RuleTarget, u64)>,
    srgb: bool,
}

impl RulePass {
    /// Compiles the shader for targets of `format`.
    pub(crate) fn new(device: &wgpu::Device, format: wgpu::TextureFormat) -> Result<RulePass> {
        let module = util::create_shader(device, "RulePass::module", RULES_WGSL)?;
        let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
            label: Some("RulePass::layout"),
            entries: &[uniform_entry(0, wgpu::ShaderStages::VERTEX_FRAGMENT)],
        });
        let attributes = wgpu::vertex_attr_array![0 => Float32x4, 1 => Uint32];
        let instances = wgpu::VertexBufferLayout {
            array_stride: INSTANCE_BYTES,
            step_mode: wgpu::VertexStepMode::Instance,
            attributes: &attributes,
        };
        let pipeline = util::render_pipeline(
            device,
            "RulePass::pipeline",
            &module,
            &layout,
            format,
            Some(instances),
        )?;
        let target = uniform_buffer(
            device,
            "RulePass::target",
            std::mem::size_of::<RuleTarget>() as u64,
        );
        let bind_group = bind_group(device, "RulePass::bind_group", &layout, &[&target]);
        let usage = wgpu::BufferUsages::VERTEX | wgpu::BufferUsages::COPY_DST;
        Ok(RulePass {
            pipeline,
            target,
            bind_group,
            instances: GrowBuffer::new(device, "RulePass::instances", usage),
            scratch: Vec::new(),
            count: 0,
            last: None,
            srgb: format.is_srgb(),
        })
    }

    /// Takes the rules of the next frames of a `size` target; uploads only when they (or the
    /// size) changed, and says whether they did. The scratch and instance buffers keep the
    /// largest set seen.
    pub(crate) fn set(
        &mut self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        size: (u32, u32),
        rules: &[Rule],
    ) -> bool {
        let target = RuleTarget {
            size: [size.0 as f32, size.1 as f32],
            srgb: f32::from(u8::from(self.srgb)),
            pad: 0.0,
        };
        let key = (target, digest(rules));
        if self.last == Some(key) {
            return false;
        }
        self.last = Some(key);
        queue.write_buffer(&self.target, 0, bytemuck::bytes_of(&target));
        self.scratch.clear();
        self.scratch
            .extend(rules.iter().filter(|r| r.drawable()).map(|r| RuleInstance {
                rect: r.rect,
                color: u32::from_le_bytes(r.color.to_srgba_unmultiplied()),
            }));
        self.count = self.scratch.len() as u32;
        if self.count > 0 {
            self.instances
                .ensure(device, u64::from(self.count) * INSTANCE_BYTES);
            queue.write_buffer(
                &self.instances.buffer,
                0,
                bytemuck::cast_slice(&self.scratch),
            );
        }
        true
    }

    /// Records the rules into `pass` (whose target has the size given to [`RulePass::set`]).
    pub(crate) fn draw(&self, pass: &mut wgpu::RenderPass<'_>, size: (u32, u32)) {
        if self.count == 0 || size.0 == 0 || size.1 == 0 {
            return;
        }
        pass.set_viewport(0.0, 0.0, size.0 as f32, size.1 as f32, 0.0, 1.0);
        pass.set_scissor_rect(0, 0, size.0, size.1);
        pass.set_pipeline(&self.pipeline);
        pass.set_bind_group(0, &self.bind_group, &[]);
        pass.set_vertex_buffer(0, self.instances.buffer.slice(..));
        pass.draw(0..4, 0..self.count);
    }
}

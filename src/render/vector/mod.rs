//! A picture as a vector figure: `render --out f.svg` and `--out f.pdf`. The colour layer
//! (heatmap, map or check) is one embedded image at the plot's resolution, drawn by the GPU
//! exactly as the PNG's; everything else is vectors: contour lines traced on the CPU from
//! the same field samples (`contours`), the arrows and paths (`marks`) and the overlay's
//! text, axes, ticks, colour bar, labels and legend, painted by the PNG's own overlay code
//! into egui shapes that `shapes` writes as SVG. The PDF is that SVG converted by svg2pdf,
//! its text kept as text with the fonts embedded.

mod contours;
mod marks;
mod shapes;
pub mod svg;

use std::fmt::Write;

use egui::{Context, LayerId, Painter, Pos2, RawInput, Rect};

use super::document::{prepare, Picture};
use super::figure::plot_layout;
use super::levels::contour_levels;
use super::offscreen::OffscreenTarget;
use super::overlay::LabelBox;
use super::overlay::{paint_label_text, paint_static};
use super::overlay_data::OverlayData;
use super::RenderSettings;
use crate::document::ArrowDir;
use crate::error::{Error, Result};
use crate::gpu::{Gpu, GradientMode};

/// A figure as SVG text: `size` pixels drawn on a page of `size / dpi` inches.
pub fn figure_svg(
    gpu: &Gpu,
    picture: &Picture<'_>,
    dpi: f64,
    before_chunk: &mut dyn FnMut(u32, u32) -> Result<()>,
) -> Result<String> {
    let mut p = prepare(gpu, picture, before_chunk)?;
    let size = picture.size;
    let view = picture.view;
    let fig = p.text.layout(size, p.settings.show_heatmap);
    let layout = plot_layout(&fig, size);
    let plot = layout.plot;
    // The colour layer alone: contours, arrows and paths are vectors below.
    let raster = RenderSettings {
        show_contours: false,
        show_paths: false,
        arrows: crate::render::settings::ArrowSettings {
            direction: ArrowDir::None,
            ..p.settings.arrows
        },
        ..p.settings
    };
    p.renderer.set_background(p.text.theme.background());
    let work = p
        .renderer
        .prepare(gpu, &layout, &view, &raster, GradientMode::Exact, &[])?;
    let target = OffscreenTarget::new(&gpu.device, p.renderer.format(), size)?;
    let mut encoder = gpu
        .device
        .create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("vector::layers"),
        });
    p.renderer
        .encode_layers(&mut encoder, target.texture(), &work);
    target.encode_copy(&mut encoder);
    gpu.queue.submit([encoder.finish()]);
    let range = if work.range {
        Some(p.renderer.fetch_range(gpu)?)
    } else {
        p.renderer.range_result()
    };
    let pixels = target.read(gpu)?;
    let samples = (plot.w as usize) * (plot.h as usize);
    let field = if p.renderer.has_map_layer() {
        Vec::new()
    } else {
        crate::gpu::readback::read_buffer_f32x4(gpu, p.renderer.field().buffer(), samples)?
    };
    let (pw, ph) = (plot.w as usize, plot.h as usize);

    let mut out = String::with_capacity(1 << 20);
    let (w, h) = size;
    let inches = |px: u32| f64::from(px) / dpi;
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"{:.4}in\" \
         height=\"{:.4}in\" viewBox=\"0 0 {w} {h}\">\n<title>{}</title>\n",
        inches(w),
        inches(h),
        svg::escape(&p.text.title)
    );
    let _ = writeln!(
        out,
        "<rect width=\"{w}\" height=\"{h}\"{}/>",
        svg::rgba_attr("fill", p.text.theme.background())
    );
    // The colour layer: the plot's pixels of the GPU's drawing.
    let mut crop = Vec::with_capacity(pw * ph * 4);
    for row in 0..ph {
        let start = ((plot.y as usize + row) * w as usize + plot.x as usize) * 4;
        crop.extend_from_slice(&pixels[start..start + pw * 4]);
    }
    let _ = writeln!(
        out,
        "<image x=\"{}\" y=\"{}\" width=\"{pw}\" height=\"{ph}\" preserveAspectRatio=\"none\" \
         style=\"image-rendering:pixelated\" href=\"{}\"/>",
        plot.x,
        plot.y,
        svg::png_data_uri(plot.w, plot.h, &crop)
    );
    let plot_f = crate::render::layout::PlotRect {
        x: plot.x as f32,
        y: plot.y as f32,
        w: plot.w as f32,
        h: plot.h as f32,
    };
    let _ = writeln!(
        out,
        "<clipPath id=\"plot\"><rect x=\"{}\" y=\"{}\" width=\"{pw}\" height=\"{ph}\"/></clipPath>\
         \n<g clip-path=\"url(#plot)\">",
        plot.x, plot.y
    );
    if let (Some(r), false) = (range, field.is_empty()) {
        let wpx = [
            ((view.x1 - view.x0) / f64::from(plot.w)) as f32,
            ((view.y1 - view.y0) / f64::from(plot.h)) as f32,
        ];
        let lines = contour_lines(&field, (pw, ph), wpx, &r, &p.settings);
        out.push_str("<g class=\"contours\">");
        marks::write_contours(&mut out, &lines, plot_f, p.settings.line_width);
        out.push_str("</g>\n<g class=\"arrows\">");
        marks::write_arrows(&mut out, &field, plot_f, &view, &p.settings, r.gmax);
        out.push_str("</g>\n");
    }
    // The overlay, painted by the PNG's code into shapes; its rules go under the paths, as
    // in the PNG.
    let data = OverlayData::new(range, &p.settings, &layout, &p.text);
    let input = data.input(
        &fig,
        &view,
        &p.settings,
        &p.text,
        p.renderer.has_map_layer(),
    );
    let mut rules = Vec::new();
    let under = overlay_shapes(size, |painter| rules = paint_static(painter, &input));
    out.push_str("</g>\n<g class=\"rules\">");
    marks::write_rules(&mut out, &rules);
    out.push_str("</g>\n<g clip-path=\"url(#plot)\">\n");
    if p.settings.show_paths {
        out.push_str("<g class=\"paths\">");
        marks::write_paths(&mut out, &p.paths, plot_f, &view, p.settings.line_width);
        out.push_str("</g>\n");
    }
    out.push_str("</g>\n<g class=\"overlay\">\n");
    let mut boxes: Vec<LabelBox> = Vec::new();
    shapes::write_shapes(&mut out, &under, size);
    let labels = overlay_shapes(size, |painter| boxes = paint_label_text(painter, &input));
    marks::write_label_boxes(&mut out, &boxes);
    shapes::write_shapes(&mut out, &labels, size);
    out.push_str("</g>\n</svg>\n");
    Ok(out)
}

/// The contour lines of `field` at the levels the heatmap draws for `range`, each with
/// whether it is a heavy one, left out where the levels crowd closer than 4 pixels (where
/// the shader fades them: its lines would merge into a smear). `wpx`: world units per pixel.
fn contour_lines(
    field: &[[f32; 4]],
    (w, h): (usize, usize),
    wpx: [f32; 2],
    range: &super::RangeResult,
    settings: &RenderSettings,
) -> Vec<(bool, Vec<Vec<[f32; 2]>>)> {
    let all = contour_levels(range, settings, false);
    if all.is_empty() {
        return Vec::new();
    }
    let heavy: Vec<f64> = contour_levels(range, settings, true);
    // f where it and its gradient are defined (the shader draws no contour elsewhere).
    let values: Vec<f32> = field
        .iter()
        .map(|s| if s[3] > 6.5 { s[0] } else { f32::NAN })
        .collect();
    let step = f64::from(range.vhi - range.vlo) / f64::from(settings.levels + 1);
    let log = settings.log_scale && !settings.colormap.is_diverging();
    // The distance in pixels between neighbouring levels at a point of a line.
    let spacing = |p: &[f32; 2]| {
        let i = (p[0].floor().max(0.0) as usize).min(w - 1);
        let j = (p[1].floor().max(0.0) as usize).min(h - 1);
        let s = field[j * w + i];
        let g = f64::from(s[1] * wpx[0]).hypot(f64::from(s[2] * wpx[1]));
        let slope = if log {
            1.0 / ((f64::from(s[0] - range.shift + range.delta)) * std::f64::consts::LN_10)
        } else {
            1.0
        };
        step / (g * slope.abs())
    };
    all.iter()
        .map(|&level| {
            let is_heavy = settings.heavy_every > 0 && heavy.contains(&level);
            let mut kept = Vec::new();
            for line in contours::trace(&values, w, h, level) {
                let mut run: Vec<[f32; 2]> = Vec::new();
                for p in line {
                    if spacing(&p) >= 4.0 {
                        run.push(p);
                    } else if run.len() >= 2 {
                        kept.push(std::mem::take(&mut run));
                    } else {
                        run.clear();
                    }
                }
                if run.len() >= 2 {
                    kept.push(run);
                }
            }
            (is_heavy, kept)
        })
        .collect()
}

/// The shapes `paint` puts on a painter covering `size` pixels at one pixel per point.
fn overlay_shapes(
    size: (u32, u32),
    mut paint: impl FnMut(&Painter),
) -> Vec<egui::epaint::ClippedShape> {
    let ctx = shape_context();
    let screen = Rect::from_min_size(Pos2::ZERO, egui::vec2(size.0 as f32, size.1 as f32));
    let mut input = RawInput {
        screen_rect: Some(screen),
        ..RawInput::default()
    };
    if let Some(vp) = input.viewports.get_mut(&input.viewport_id) {
        vp.native_pixels_per_point = Some(1.0);
    }
    let mut output = ctx.run_pass(input, |ctx| {
        let painter = Painter::new(ctx.clone(), LayerId::background(), screen);
        paint(&painter);
    });
    // No texture is drawn from (text is written as text): the font atlas's upload is let go.
    output.textures_delta.clear();
    output.shapes
}

/// An egui context with gradfield's fonts, for laying out the overlay without a GPU.
fn shape_context() -> Context {
    let ctx = Context::default();
    super::fonts::install(&ctx);
    ctx
}

/// The PDF of a figure's SVG: one page of the SVG's size, text as text with its fonts
/// embedded, the colour layer as an image.
pub fn svg_to_pdf(svg_text: &str) -> Result<Vec<u8>> {
    let tree = usvg::Tree::from_str(svg_text, &svg::read_options())
        .map_err(|e| Error::Figure(format!("the figure's SVG did not read back: {e}")))?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        // The SVG's user unit is the CSS pixel, 96 to the inch.
        svg2pdf::PageOptions { dpi: 96.0 },
    )
    .map_err(|e| Error::Figure(format!("the figure's PDF could not be written: {e}")))
}

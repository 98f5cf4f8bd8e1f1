//! `render --layout 3d`: the map and the surface side by side in one figure, each half the
//! figure's width (its own half of `--figsize`, or of `--size`, at the same dpi and scale, so
//! type keeps its size), the surface without a title of its own. A PNG is the two halves'
//! pixels side by side; an SVG or PDF holds the map as vectors and the surface as one image.

use std::path::Path;

use super::document::{RenderDocument, DEFAULT_SIZE};
use crate::cli::figure_args::Format;
use crate::cli::RenderArgs;
use crate::error::{Error, Result};
use crate::gpu::Gpu;

/// The two halves' flags: the map's and the surface's.
fn halves(args: &RenderArgs) -> Result<(RenderArgs, RenderArgs)> {
    if args.three_d || args.gif.is_some() {
        return Err(Error::Input(
            "--layout 3d puts the map and the surface in one picture: leave out --3d and \
             --gif"
                .into(),
        ));
    }
    let mut map = args.clone();
    map.figure.layout = None;
    match &mut map.figure.figsize {
        Some((w, _)) => *w *= 0.5,
        None => {
            let (w, h) = args.grid.size.unwrap_or(DEFAULT_SIZE);
            map.grid.size = Some((w.div_ceil(2).max(1), h));
        }
    }
    let mut surface = map.clone();
    surface.three_d = true;
    surface.figure.no_title = true;
    surface.figure.title = None;
    surface.figure.legend = Some("off".into());
    Ok((map, surface))
}

/// Draws the figure of `args` (whose `--layout` is `3d`) and writes it to `out` as `format`.
pub(super) fn run(args: &RenderArgs, gpu: &Gpu, format: Format, out: &Path) -> Result<()> {
    let (map_args, surface_args) = halves(args)?;
    let map = RenderDocument::from_args(&map_args, false)?;
    let surface = RenderDocument::from_args(&surface_args, false)?;
    let (lw, h) = map.size;
    let (rw, rh) = surface.size;
    let right = {
        let picture = surface.picture();
        let view = super::surface3d::surface_view(&surface);
        let mut fig = crate::render::SurfaceFigure::new(gpu, &picture, view)?;
        fig.frame(gpu, view.camera, &[])?
    };
    let check = |_: u32, _: u32| crate::cli::signals::check();
    if format.is_vector() {
        let inner =
            crate::render::vector::figure_svg(gpu, &map.picture(), map.dpi, &mut { check })?;
        let svg = side_by_side(&inner, (lw, h), &right, (rw, rh), map.dpi)?;
        let bytes = match format {
            Format::Pdf => crate::render::vector::svg_to_pdf(&svg)?,
            _ => svg.into_bytes(),
        };
        return crate::export::write_atomic(out, |w| w.write_all(&bytes));
    }
    let left = crate::render::draw_document(gpu, &map.picture(), &mut { check })?.pixels;
    let (w, height) = (lw + rw, h.max(rh));
    let background = map.text.theme.background();
    let mut pixels = Vec::with_capacity((w * height * 4) as usize);
    for j in 0..height {
        for (px, pw, ph) in [(&left, lw, h), (&right, rw, rh)] {
            if j < ph {
                let row = (j * pw * 4) as usize;
                pixels.extend_from_slice(&px[row..row + (pw * 4) as usize]);
            } else {
                (0..pw).for_each(|_| pixels.extend_from_slice(&background));
            }
        }
    }
    crate::export::write_png_rgba8(out, w, height, &pixels)
}

/// One SVG of the map's SVG `inner` (`lw`×`h` pixels) with the surface's pixels `right`
/// beside it, on a page of `dpi`.
fn side_by_side(
    inner: &str,
    (lw, h): (u32, u32),
    right: &[u8],
    (rw, rh): (u32, u32),
    dpi: f64,
) -> Result<String> {
    // The map's document as a nested <svg> at the left: its root's size in pixels.
    let body = inner
        .find("<svg ")
        .and_then(|start| inner[start..].find('>').map(|end| start + end + 1))
        .map(|open| &inner[open..])
        .ok_or_else(|| Error::Figure("the map's SVG has no root element".into()))?;
    let (w, height) = (lw + rw, h.max(rh));
    let uri = crate::render::vector::svg::png_data_uri(rw, rh, right);
    Ok(format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"{:.4}in\" \
         height=\"{:.4}in\" viewBox=\"0 0 {w} {height}\">\n<svg x=\"0\" y=\"0\" width=\"{lw}\" \
         height=\"{h}\" viewBox=\"0 0 {lw} {h}\">{body}\n<image x=\"{lw}\" y=\"0\" \
         width=\"{rw}\" height=\"{rh}\" preserveAspectRatio=\"none\" href=\"{uri}\"/>\n</svg>\n",
        f64::from(w) / dpi,
        f64::from(height) / dpi,
    ))
}

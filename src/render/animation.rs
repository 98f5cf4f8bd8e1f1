//! A descent animation: the figure with its paths drawn up to a step, frame by frame, as RGBA
//! or straight into a GIF. The field, colour range and arrows are computed for the first frame
//! only; later frames redraw the paths and the overlay. `gradfield render --gif` and the
//! explorer's recorder both come through here, and `render` draws its PNG's paths and labels
//! with the same helpers, so the last frame of an animation is the PNG.

use std::path::Path as FilePath;
use std::time::{Duration, Instant};

use super::egui_offscreen::EguiOffscreen;
use super::figure::render_figure_into;
use super::layout::FigureLayout;
use super::offscreen::{OffscreenTarget, OFFSCREEN_FORMAT};
use super::overlay::Label;
use super::{FigureText, PathDraw, RenderSettings, Renderer, PATH_PALETTE};
use crate::descent::{Path, Status};
use crate::error::{Error, Result};
use crate::export::gif::GifWriter;
use crate::export::quantize::Palette;
use crate::expr::Function;
use crate::gpu::{Gpu, GradientMode};
use crate::view::View;

/// The most frames an animation may have.
pub(crate) const MAX_FRAMES: usize = 1000;

/// A descent path with the colour it is drawn in and an optional label prefix ("η = 0.1").
#[derive(Debug, Clone)]
pub struct AnimatedPath {
    pub path: Path,
    pub color: [f32; 4],
    pub prefix: Option<String>,
}

impl AnimatedPath {
    /// `paths` coloured by [`PATH_PALETTE`] in order, without prefixes.
    pub fn palette(paths: Vec<Path>) -> Vec<AnimatedPath> {
        paths
            .into_iter()
            .enumerate()
            .map(|(i, path)| AnimatedPath {
                path,
                color: PATH_PALETTE[i % PATH_PALETTE.len()],
                prefix: None,
            })
            .collect()
    }

    /// The path as it was after `step` steps: its points up to that step, still running if it
    /// went on afterwards (its final status otherwise).
    pub fn at_step(&self, step: usize) -> AnimatedPath {
        let mut a = self.clone();
        if step + 1 < a.path.points.len() {
            a.path.points.truncate(step + 1);
            a.path.status = Status::Running;
        }
        a
    }

    fn label(&self) -> String {
        match &self.prefix {
            Some(p) => format!("{p}  {}", self.path.label()),
            None => self.path.label(),
        }
    }
}

/// What the renderer draws for `paths`.
pub(crate) fn path_draws(paths: &[AnimatedPath]) -> Vec<PathDraw> {
    paths
        .iter()
        .map(|a| PathDraw {
            points: a.path.points.iter().map(|q| (q.x, q.y)).collect(),
            color: a.color,
            status_done: !a.path.is_running(),
        })
        .collect()
}

/// A label at the current point of each path, in figure pixels. A path that left the view is
/// labelled just inside the plot's edge nearest to it, with room for the label's box (drawn
/// right of and above its point).
pub(crate) fn path_labels(paths: &[AnimatedPath], view: &View, fig: &FigureLayout) -> Vec<Label> {
    paths
        .iter()
        .map(|a| {
            let c = a.path.current();
            let (px, py) = view.to_pixel(c.x, c.y, fig.plot.w as f64, fig.plot.h as f64);
            Label {
                pos: [
                    fig.plot.x + (px as f32).clamp(0.0, 0.8 * fig.plot.w),
                    fig.plot.y + (py as f32).clamp(0.1 * fig.plot.h, fig.plot.h),
                ],
                text: a.label(),
                color: a.color.map(|v| (v * 255.0).round() as u8),
                start: {
                    let (sx, sy) = view.to_pixel(
                        a.path.start.0,
                        a.path.start.1,
                        fig.plot.w as f64,
                        fig.plot.h as f64,
                    );
                    Some([fig.plot.x + sx as f32, fig.plot.y + sy as f32])
                },
            }
        })
        .collect()
}

/// Time spent per frame while recording, to show that later frames skip the field.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RecordStats {
    pub frames: usize,
    /// Drawing and reading back the first frame drawn (which evaluates the field).
    pub first_frame: Duration,
    /// Mean of the frames drawn after it.
    pub later_frames: Duration,
    /// How many frames re-evaluated the field (1 when only the first did).
    pub field_passes: usize,
    /// Quantising and compressing all frames.
    pub encode: Duration,
}

/// A figure whose paths walk from their starts to their ends over `frames` frames.
#[derive(Debug, Clone)]
pub struct Animation {
    pub view: View,
    pub size: (u32, u32),
    pub settings: RenderSettings,
    /// Title, axes and theme; the path labels are made per frame.
    pub text: FigureText,
    /// The complete paths.
    pub paths: Vec<AnimatedPath>,
    /// The step the last frame shows.
    pub steps: usize,
    pub frames: usize,
}

impl Animation {
    /// The step frame `k` shows: round(k · steps / (frames − 1)), so the last frame shows
    /// `steps` (a one-frame animation shows `steps`).
    pub fn step_at(&self, k: usize) -> usize {
        if self.frames <= 1 {
            return self.steps;
        }
        let s = (k as f64 * self.steps as f64 / (self.frames - 1) as f64).round();
        (s as usize).min(self.steps)
    }

    /// The path draws and figure text of a frame showing `step`.
    pub fn frame_at(&self, step: usize) -> (Vec<PathDraw>, FigureText) {
        let paths: Vec<AnimatedPath> = self.paths.iter().map(|a| a.at_step(step)).collect();
        let (w, h) = self.size;
        let fig = self.text.layout((w, h), self.settings.show_heatmap);
        let text = FigureText {
            labels: path_labels(&paths, &self.view, &fig),
            ..self.text.clone()
        };
        (path_draws(&paths), text)
    }

    fn check(&self) -> Result<()> {
        if self.frames == 0 || self.frames > MAX_FRAMES {
            return Err(Error::Input(format!(
                "an animation needs 1 to {MAX_FRAMES} frames, got {}",
                self.frames
            )));
        }
        Ok(())
    }

    /// Draws the frames of `function` in the order `order` gives (frame indices), handing each
    /// one's index and RGBA8 pixels to `each`.
    fn draw(
        &self,
        gpu: &Gpu,
        function: &Function,
        order: impl IntoIterator<Item = usize>,
        mut each: impl FnMut(usize, Vec<u8>) -> Result<()>,
    ) -> Result<RecordStats> {
        self.check()?;
        let mut renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, function)?;
        let mut egui = EguiOffscreen::new(&gpu.device, renderer.format());
        let target = OffscreenTarget::new(&gpu.device, renderer.format(), self.size)?;
        let mut stats = RecordStats::default();
        let mut later = Duration::ZERO;
        for k in order {
            let started = Instant::now();
            let (draws, text) = self.frame_at(self.step_at(k));
            let frame = (self.size, &self.view, &self.settings, GradientMode::Exact);
            let (pixels, work) =
                render_figure_into(gpu, &mut renderer, &mut egui, &target, frame, &draws, &text)?;
            let took = started.elapsed();
            if stats.frames == 0 {
                stats.first_frame = took;
            } else {
                later += took;
            }
            stats.frames += 1;
            stats.field_passes += usize::from(work.field);
            each(k, pixels)?;
        }
        if stats.frames > 1 {
            stats.later_frames = later / (stats.frames - 1) as u32;
        }
        Ok(stats)
    }

    /// Writes the animation as a GIF at `fps` that loops forever, atomically. The palette is
    /// learnt from the last frame (every path complete) plus the path, grey and theme colours;
    /// `progress(done, total)` is called after each frame.
    pub(crate) fn write_gif(
        &self,
        gpu: &Gpu,
        function: &Function,
        fps: u32,
        out: &FilePath,
        mut progress: impl FnMut(usize, usize),
    ) -> Result<RecordStats> {
        self.check()?;
        let n = self.frames;
        let mut gif: Option<GifWriter> = None;
        let mut last: Option<Vec<u8>> = None;
        let mut encode = Duration::ZERO;
        // The last frame is drawn first for the palette and kept to be written last.
        let order = std::iter::once(n - 1).chain(0..n - 1);
        let mut stats = self.draw(gpu, function, order, |k, px| {
            let started = Instant::now();
            if gif.is_none() {
                let palette = Palette::build(&px, &self.fixed_colors())?;
                gif = Some(GifWriter::create(out, self.size, fps, palette)?);
            }
            if let Some(g) = gif.as_mut() {
                if k + 1 == n {
                    last = Some(px);
                } else {
                    g.write_frame(&px)?;
                    progress(g.frames(), n);
                }
            }
            encode += started.elapsed();
            Ok(())
        })?;
        let started = Instant::now();
        let (Some(mut g), Some(px)) = (gif, last) else {
            return Err(Error::gpu("the animation drew no frames"));
        };
        g.write_frame(&px)?;
        progress(g.frames(), n);
        g.finish()?;
        stats.encode = encode + started.elapsed();
        Ok(stats)
    }

    /// Colours every frame may show exactly: the paths', black, white, greys, the theme's and
    /// 32 of the colour map's.
    pub(crate) fn fixed_colors(&self) -> Vec<[u8; 3]> {
        let mut c: Vec<[u8; 3]> = self
            .paths
            .iter()
            .map(|a| a.color)
            .chain(PATH_PALETTE)
            .map(|v| [0, 1, 2].map(|i| (v[i].clamp(0.0, 1.0) * 255.0).round() as u8))
            .collect();
        c.extend((0..=8).map(|i| [(i * 255 / 8) as u8; 3]));
        let [r, g, b, _] = self.text.theme.background();
        c.push([r, g, b]);
        let t = self.text.theme.text();
        c.push([t.r(), t.g(), t.b()]);
        // Every 8th colour of the map, so the colour bar keeps its whole range even where
        // the picture shows little of it (the low end near a minimum, say).
        let lut = self.settings.colormap.lut();
        c.extend(lut.iter().step_by(8).map(|&[r, g, b, _]| [r, g, b]));
        c.truncate(128);
        c
    }
}

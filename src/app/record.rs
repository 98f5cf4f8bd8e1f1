//! The explorer's GIF recorder: turns the current paths into an [`Animation`] (re-run from
//! their starts with their optimizer settings) and writes it on a worker thread with its own
//! offscreen renderer, so the window stays live; the window polls it for the status line.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::state::ExplorerState;
use crate::descent::Path;
use crate::error::{Error, Result};
use crate::gpu::Gpu;
use crate::render::layout::FigureLayout;
use crate::render::{AnimatedPath, Animation, FigureText};

/// Widest GIF the explorer records (wider canvases are scaled down, keeping the aspect):
/// GIFs this size stay a few MB and encode in seconds.
pub(crate) const MAX_WIDTH: u32 = 960;
/// A figure `width` pixels wide (narrower where it would be taller than [`MAX_WIDTH`]) whose
/// plot has the aspect `aspect` (width / height), found by correcting the height for the
/// margins that [`FigureLayout`] leaves around the plot at that size.
fn figure_size(width: u32, aspect: f64, with_colorbar: bool) -> (u32, u32) {
    let height_for = |w: u32| {
        let mut h = (f64::from(w) / aspect).round().max(1.0) as u32;
        for _ in 0..8 {
            let plot = FigureLayout::for_figure(w, h, 1.0, with_colorbar).plot;
            let want = f64::from(plot.w) / aspect;
            let next = (f64::from(h) + want - f64::from(plot.h)).round().max(1.0) as u32;
            if next == h {
                break;
            }
            h = next;
        }
        h
    };
    let h = height_for(width);
    if h <= MAX_WIDTH {
        return (width, h);
    }
    let w = ((u64::from(width) * u64::from(MAX_WIDTH)) / u64::from(h)).max(1) as u32;
    (w, height_for(w).min(MAX_WIDTH))
}

/// Frame rate of recorded GIFs (7/100 s per frame).
pub(crate) const FPS: u32 = 15;
/// Shortest and longest recording in seconds; in between it lasts as long as the explorer
/// takes to play the same steps.
pub(crate) const SECONDS: (f64, f64) = (2.0, 8.0);

/// The animation of `s`'s paths for a window `window` pixels wide: a figure at most that wide
/// and at most [`MAX_WIDTH`] on its longer side, whose plot has the canvas' aspect, so the GIF
/// shows what the canvas shows. Each path is re-run from its start with its own optimizer and
/// η, for as many steps as the furthest path has taken (to the end, when none has moved yet).
/// `None` when there are no paths.
pub(crate) fn animation_for(s: &ExplorerState, window: (u32, u32)) -> Option<Animation> {
    if s.running.paths.is_empty() {
        return None;
    }
    let (cw, ch) = s.canvas;
    let aspect = if cw >= 1.0 && ch >= 1.0 {
        cw / ch
    } else {
        4.0 / 3.0
    };
    let size = figure_size(
        window.0.clamp(1, MAX_WIDTH),
        aspect,
        s.doc.layers.show_heatmap,
    );
    let seen = s
        .running
        .paths
        .iter()
        .map(|t| t.path.iterations())
        .max()
        .unwrap_or(0);
    let limit = if seen > 0 { seen } else { s.doc.max_steps };
    let f = &s.doc.function;
    // As the explorer made and stepped them: the start by f and ∇f together, the steps by
    // the reference trees (which also give Newton's Hessian).
    let mut start = |x: f64, y: f64| f.eval(x, y);
    let mut tree = f.tree();
    let paths: Vec<AnimatedPath> = s
        .running
        .paths
        .iter()
        .map(|t| {
            let p = &t.path;
            let mut path = Path::new(p.start, p.optimizer, p.hyper, &mut start);
            path.run(&mut tree, limit, s.doc.tol);
            AnimatedPath {
                path,
                color: t.rgba(),
                prefix: t.label_prefix(),
            }
        })
        .collect();
    let steps = paths.iter().map(|a| a.path.iterations()).max().unwrap_or(0);
    let settings = crate::render::RenderSettings::from_layers(&s.doc.layers);
    let fig = FigureLayout::for_figure(size.0, size.1, 1.0, settings.show_heatmap);
    // What the canvas shows, widened to the GIF's plot: everything seen stays in the picture.
    let view = s
        .shown_view()
        .fit_aspect(fig.plot.w as f64, fig.plot.h as f64);
    let seconds = (steps as f64 / s.doc.steps_per_second.max(1e-9)).clamp(SECONDS.0, SECONDS.1);
    let first = &paths[0].path;
    let vars = &f.vars;
    let text = FigureText {
        title: crate::document::figure_title(f),
        subtitle: Some(format!(
            "{}, η = {}",
            first.optimizer.label(),
            crate::teach::eta_text(s.doc.hyper.lr)
        )),
        axis_names: (vars.x.to_string(), vars.y.to_string()),
        theme: s.doc.theme,
        ui_scale: 1.0,
        ..FigureText::default()
    };
    Some(Animation {
        view,
        size,
        settings,
        text,
        paths,
        steps,
        frames: (f64::from(FPS) * seconds).round() as usize,
    })
}

enum Update {
    Frame(usize, usize),
    Done(Result<()>),
}

/// A recording in progress on a worker thread.
pub(crate) struct Recorder {
    path: PathBuf,
    updates: Receiver<Update>,
    progress: (usize, usize),
}

impl Recorder {
    /// Starts writing `animation` of `s`'s function to `path` on a new thread that draws with
    /// `gpu` (shared with the window).
    pub(crate) fn start(
        gpu: &Gpu,
        s: &ExplorerState,
        animation: Animation,
        path: PathBuf,
    ) -> Recorder {
        let (tx, updates) = mpsc::channel();
        let (gpu, function, out) = (gpu.clone(), s.doc.function.clone(), path.clone());
        let frames = animation.frames;
        std::thread::spawn(move || {
            let progress = |done, total| {
                let _ = tx.send(Update::Frame(done, total));
            };
            let result = animation
                .write_gif(&gpu, &function, FPS, &out, progress)
                .map(|_| ());
            let _ = tx.send(Update::Done(result));
        });
        Recorder {
            path,
            updates,
            progress: (0, frames),
        }
    }

    /// Reads what the worker reported: `Some(message)` once it has finished (saved or
    /// failed), `None` while it is still going.
    pub(crate) fn poll(&mut self) -> Option<String> {
        loop {
            match self.updates.try_recv() {
                Ok(Update::Frame(done, total)) => self.progress = (done, total),
                Ok(Update::Done(Ok(()))) => return Some(format!("saved {}", self.path.display())),
                Ok(Update::Done(Err(e))) => return Some(format!("GIF not saved: {e}")),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    let e = Error::gpu("the recording thread stopped");
                    return Some(format!("GIF not saved: {e}"));
                }
            }
        }
    }

    /// "recording PATH: frame k of n" for the status line.
    pub(crate) fn status(&self) -> String {
        let (done, total) = self.progress;
        format!("recording {}: frame {done} of {total}", self.path.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expr::Function;
    use crate::View;

    fn state() -> ExplorerState {
        let f = Function::parse("x^2 + 3*y^2").unwrap();
        ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap())
    }

    #[test]
    fn no_paths_no_animation() {
        assert!(animation_for(&state(), (800, 600)).is_none());
    }

    #[test]
    fn paths_are_rerun_to_what_was_seen_and_the_size_is_capped() {
        let mut s = state();
        s.add_path_at(2.0, 1.0);
        s.add_path_at(-1.0, -2.0);
        for _ in 0..30 {
            s.step_paths();
        }
        s.set_canvas(1200.0, 900.0);
        let a = animation_for(&s, (1920, 1080)).unwrap();
        assert_eq!(a.size.0, MAX_WIDTH);
        // The GIF's plot has the canvas' 4:3 aspect (to the pixel).
        let plot = FigureLayout::for_figure(a.size.0, a.size.1, 1.0, true).plot;
        assert!((plot.w / plot.h * 900.0 - 1200.0).abs() <= 2.0, "{plot:?}");
        assert_eq!(a.steps, 30);
        assert_eq!(a.paths.len(), 2);
        for (anim, tracked) in a.paths.iter().zip(&s.running.paths) {
            // Re-run with the same optimizer from the same start: the same iterates.
            assert_eq!(anim.path.points, tracked.path.points);
        }
        // 30 steps at 10 steps/s is 3 s, i.e. 45 frames at 15 fps.
        assert_eq!(a.frames, 45);
        assert_eq!(a.step_at(a.frames - 1), 30);
    }

    #[test]
    fn a_tall_canvas_gives_a_tall_gif_no_longer_than_the_cap() {
        let mut s = state();
        s.add_path_at(2.0, 1.0);
        s.set_canvas(500.0, 1000.0);
        let a = animation_for(&s, (1920, 1080)).unwrap();
        assert!(a.size.1 <= MAX_WIDTH && a.size.0 < a.size.1, "{:?}", a.size);
        let plot = FigureLayout::for_figure(a.size.0, a.size.1, 1.0, true).plot;
        assert!((plot.h / plot.w - 2.0).abs() < 0.02, "{plot:?}");
        // A narrow window gives a narrow GIF.
        s.set_canvas(300.0, 200.0);
        let a = animation_for(&s, (400, 300)).unwrap();
        assert_eq!(a.size.0, 400);
    }
}

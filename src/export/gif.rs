//! Animated GIF output: frames quantised to one global [`Palette`], each frame after the first
//! stored as the rectangle that changed since the previous one, looping forever, written
//! atomically through [`AtomicFile`].

use super::quantize::Palette;
use super::AtomicFile;
use crate::error::{Error, Result};
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// Frame rates a GIF can be asked for (GIF delays are whole hundredths of a second, and many
/// viewers slow down delays under 2/100 s).
pub(crate) const FPS_RANGE: std::ops::RangeInclusive<u32> = 1..=50;

/// The delay between frames at `fps` frames per second, in the GIF's hundredths of a second:
/// round(100 / fps). It is exact where fps divides 100 (1, 2, 4, 5, 10, 20, 25, 50); other
/// rates play slightly fast or slow (15 fps → 7/100 s, i.e. 14.3 fps).
pub(crate) fn frame_delay(fps: u32) -> u16 {
    let fps = fps.max(1);
    ((100 + fps / 2) / fps).max(1) as u16
}

/// An animated GIF being written, frame by frame. Nothing appears at the path until
/// [`GifWriter::finish`]; dropping the writer earlier leaves no file.
pub(crate) struct GifWriter {
    encoder: ::gif::Encoder<AtomicFile>,
    path: PathBuf,
    palette: Palette,
    size: (u16, u16),
    delay: u16,
    prev: Vec<u8>,
    cur: Vec<u8>,
    frames: usize,
}

impl GifWriter {
    /// Starts a `size` GIF at `path` that plays at `fps` (see [`FPS_RANGE`]) and loops
    /// forever, with every frame drawn in `palette`.
    pub(crate) fn create(
        path: &Path,
        size: (u32, u32),
        fps: u32,
        palette: Palette,
    ) -> Result<Self> {
        if !FPS_RANGE.contains(&fps) {
            return Err(Error::Input(format!(
                "GIF {}: {fps} frames per second is outside {}..={}",
                path.display(),
                FPS_RANGE.start(),
                FPS_RANGE.end()
            )));
        }
        let side = |v: u32| u16::try_from(v).ok().filter(|&s| s > 0);
        let (Some(w), Some(h)) = (side(size.0), side(size.1)) else {
            return Err(Error::Input(format!(
                "GIF {}: a {}×{} picture does not fit a GIF (1 to 65535 pixels a side)",
                path.display(),
                size.0,
                size.1
            )));
        };
        let file = AtomicFile::create(path)?;
        let mut encoder = ::gif::Encoder::new(file, w, h, &palette.rgb_bytes())
            .map_err(|e| gif_error(path, e))?;
        encoder
            .set_repeat(::gif::Repeat::Infinite)
            .map_err(|e| gif_error(path, e))?;
        Ok(GifWriter {
            encoder,
            path: path.to_path_buf(),
            palette,
            size: (w, h),
            delay: frame_delay(fps),
            prev: Vec::new(),
            cur: Vec::new(),
            frames: 0,
        })
    }

    /// Adds a frame of RGBA8 pixels (alpha ignored), row 0 at the top, of the GIF's size.
    pub(crate) fn write_frame(&mut self, rgba: &[u8]) -> Result<()> {
        let (w, h) = (usize::from(self.size.0), usize::from(self.size.1));
        if rgba.len() != w * h * 4 {
            return Err(Error::Input(format!(
                "GIF {}: a {w}×{h} frame needs {} bytes, got {}",
                self.path.display(),
                w * h * 4,
                rgba.len()
            )));
        }
        self.palette.map_into(rgba, &mut self.cur);
        let rect = if self.frames == 0 {
            Some((0, 0, w, h))
        } else {
            changed_rect(&self.prev, &self.cur, w)
        };
        // An unchanged frame is stored as its top-left pixel, so its delay still counts.
        let (x, y, rw, rh) = rect.unwrap_or((0, 0, 1, 1));
        let buffer: Vec<u8> = if (rw, rh) == (w, h) {
            self.cur.clone()
        } else {
            (y..y + rh)
                .flat_map(|r| self.cur[r * w + x..r * w + x + rw].iter().copied())
                .collect()
        };
        let frame = ::gif::Frame {
            delay: self.delay,
            dispose: ::gif::DisposalMethod::Keep,
            left: x as u16,
            top: y as u16,
            width: rw as u16,
            height: rh as u16,
            buffer: Cow::Owned(buffer),
            ..::gif::Frame::default()
        };
        self.encoder
            .write_frame(&frame)
            .map_err(|e| gif_error(&self.path, e))?;
        std::mem::swap(&mut self.prev, &mut self.cur);
        self.frames += 1;
        Ok(())
    }

    /// How many frames have been written.
    pub(crate) fn frames(&self) -> usize {
        self.frames
    }

    /// Ends the GIF and moves it to its path (an error if no frame was written).
    pub(crate) fn finish(self) -> Result<()> {
        if self.frames == 0 {
            return Err(Error::Input(format!(
                "GIF {}: no frames to write",
                self.path.display()
            )));
        }
        let path = self.path;
        let file = self.encoder.into_inner().map_err(|e| gif_error(&path, e))?;
        file.commit()
    }
}

/// The smallest rectangle (x, y, w, h) holding every pixel where `a` and `b` differ (rows of
/// `w` pixels), or `None` when they are equal.
fn changed_rect(a: &[u8], b: &[u8], w: usize) -> Option<(usize, usize, usize, usize)> {
    let (mut x0, mut x1, mut y0, mut y1) = (usize::MAX, 0, usize::MAX, 0);
    for (r, (ra, rb)) in a.chunks_exact(w).zip(b.chunks_exact(w)).enumerate() {
        if ra == rb {
            continue;
        }
        let first = ra.iter().zip(rb).position(|(p, q)| p != q).unwrap_or(0);
        let last = w
            - 1
            - ra.iter()
                .rev()
                .zip(rb.iter().rev())
                .position(|(p, q)| p != q)
                .unwrap_or(0);
        x0 = x0.min(first);
        x1 = x1.max(last);
        y0 = y0.min(r);
        y1 = r;
    }
    (y0 != usize::MAX).then(|| (x0, y0, x1 - x0 + 1, y1 - y0 + 1))
}

fn gif_error(path: &Path, e: ::gif::EncodingError) -> Error {
    match e {
        ::gif::EncodingError::Io(io) => Error::io(path, io),
        other => Error::io(path, std::io::Error::other(other.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_round_to_hundredths() {
        assert_eq!(frame_delay(1), 100);
        assert_eq!(frame_delay(10), 10);
        assert_eq!(frame_delay(15), 7);
        assert_eq!(frame_delay(25), 4);
        assert_eq!(frame_delay(50), 2);
        for fps in FPS_RANGE {
            let exact = 100 % fps == 0;
            assert_eq!(u32::from(frame_delay(fps)) * fps == 100, exact, "{fps}");
        }
    }

    #[test]
    fn changed_rect_bounds_the_differences() {
        let a = vec![0u8; 5 * 4];
        let mut b = a.clone();
        assert_eq!(changed_rect(&a, &b, 5), None);
        b[5 + 3] = 1; // row 1, column 3
        b[2 * 5 + 1] = 1; // row 2, column 1
        assert_eq!(changed_rect(&a, &b, 5), Some((1, 1, 3, 2)));
    }
}

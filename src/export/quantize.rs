//! Colour quantisation for GIF frames: one palette of at most 256 colours built once (the
//! caller's fixed colours plus NeuQuant on a subsample of a frame), then every pixel mapped to
//! its nearest palette entry through a lazily filled table over all 2²⁴ RGB colours, so each
//! distinct colour is searched for once per animation, not once per pixel.

use crate::error::{Error, Result};

/// Most colours a GIF palette holds.
pub(crate) const MAX_COLORS: usize = 256;
/// Pixels of a frame that NeuQuant learns from (a strided subsample).
const SAMPLE_PIXELS: usize = 65_536;
/// NeuQuant's sampling factor, 1 (best) to 30 (fastest), over the subsample.
const NEUQUANT_SAMPLEFAC: i32 = 3;
/// NeuQuant needs a network of at least this many colours.
const NEUQUANT_MIN: usize = 64;

/// Up to 256 RGB colours and the nearest-colour table that maps pixels onto them.
pub(crate) struct Palette {
    colors: Vec<[u8; 3]>,
    /// Index of the nearest colour for each 24-bit RGB value, valid where `known` is set.
    table: Vec<u8>,
    known: Vec<u64>,
}

impl Palette {
    /// A palette of `fixed` (kept exactly, duplicates dropped; at most 192 of them) and
    /// colours learnt by NeuQuant from a subsample of `rgba` (RGBA8 pixels; alpha ignored),
    /// 256 colours at most in all.
    pub(crate) fn build(rgba: &[u8], fixed: &[[u8; 3]]) -> Result<Palette> {
        let mut colors: Vec<[u8; 3]> = Vec::with_capacity(MAX_COLORS);
        for c in fixed {
            if !colors.contains(c) {
                colors.push(*c);
            }
        }
        if colors.len() > MAX_COLORS - NEUQUANT_MIN {
            return Err(Error::Input(format!(
                "a GIF palette can keep at most {} fixed colours, got {}",
                MAX_COLORS - NEUQUANT_MIN,
                colors.len()
            )));
        }
        let pixels = rgba.len() / 4;
        if pixels > 0 {
            let stride = pixels.div_ceil(SAMPLE_PIXELS).max(1);
            let sample: Vec<u8> = rgba
                .chunks_exact(4)
                .step_by(stride)
                .flat_map(|p| [p[0], p[1], p[2], 255])
                .collect();
            let nq =
                color_quant::NeuQuant::new(NEUQUANT_SAMPLEFAC, MAX_COLORS - colors.len(), &sample);
            for c in nq.color_map_rgb().chunks_exact(3) {
                let c = [c[0], c[1], c[2]];
                if !colors.contains(&c) {
                    colors.push(c);
                }
            }
        }
        Palette::from_colors(colors)
    }

    /// A palette of exactly these colours (1 to 256).
    pub(crate) fn from_colors(colors: Vec<[u8; 3]>) -> Result<Palette> {
        if colors.is_empty() || colors.len() > MAX_COLORS {
            return Err(Error::Input(format!(
                "a GIF palette needs 1 to {MAX_COLORS} colours, got {}",
                colors.len()
            )));
        }
        Ok(Palette {
            colors,
            table: vec![0; 1 << 24],
            known: vec![0; (1 << 24) / 64],
        })
    }

    /// The colours, in index order (the tests check the palette through it).
    #[cfg(test)]
    pub(crate) fn colors(&self) -> &[[u8; 3]] {
        &self.colors
    }

    /// The colours as `r, g, b, r, g, b, …`, as a GIF colour table stores them.
    pub(crate) fn rgb_bytes(&self) -> Vec<u8> {
        self.colors.iter().flatten().copied().collect()
    }

    /// The index of the palette colour nearest to `c` (squared RGB distance; the lowest
    /// index on a tie). A colour of the palette maps to itself.
    pub(crate) fn index_of(&mut self, c: [u8; 3]) -> u8 {
        let key = (usize::from(c[0]) << 16) | (usize::from(c[1]) << 8) | usize::from(c[2]);
        let (word, bit) = (key / 64, 1u64 << (key % 64));
        if self.known[word] & bit != 0 {
            return self.table[key];
        }
        let i = nearest(&self.colors, c);
        self.table[key] = i;
        self.known[word] |= bit;
        i
    }

    /// Maps RGBA8 pixels (alpha ignored) to palette indices, one per pixel, into `out`.
    pub(crate) fn map_into(&mut self, rgba: &[u8], out: &mut Vec<u8>) {
        out.clear();
        out.reserve(rgba.len() / 4);
        let mut last: Option<([u8; 3], u8)> = None;
        for p in rgba.chunks_exact(4) {
            let c = [p[0], p[1], p[2]];
            let i = match last {
                Some((lc, li)) if lc == c => li,
                _ => {
                    let i = self.index_of(c);
                    last = Some((c, i));
                    i
                }
            };
            out.push(i);
        }
    }
}

/// The index of the colour in `colors` nearest to `c` (at most 256 colours).
fn nearest(colors: &[[u8; 3]], c: [u8; 3]) -> u8 {
    let mut best = (u32::MAX, 0usize);
    for (i, p) in colors.iter().enumerate() {
        let d = |a: u8, b: u8| {
            let v = i32::from(a) - i32::from(b);
            (v * v) as u32
        };
        let dist = d(p[0], c[0]) + d(p[1], c[1]) + d(p[2], c[2]);
        if dist < best.0 {
            best = (dist, i);
            if dist == 0 {
                break;
            }
        }
    }
    best.1 as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `w`×`h` image: red across, green down, blue constant, plus a few pure colours.
    fn gradient(w: usize, h: usize) -> Vec<u8> {
        let mut v = Vec::with_capacity(w * h * 4);
        for j in 0..h {
            for i in 0..w {
                let r = (i * 255 / (w - 1)) as u8;
                let g = (j * 255 / (h - 1)) as u8;
                v.extend_from_slice(&[r, g, 96, 255]);
            }
        }
        v
    }

    #[test]
    fn palette_has_at_most_256_colours_and_keeps_the_fixed_ones() {
        let fixed = [[0, 0, 0], [255, 255, 255], [255, 77, 64], [0, 0, 0]];
        let p = Palette::build(&gradient(400, 300), &fixed).unwrap();
        assert!(p.colors().len() <= MAX_COLORS, "{}", p.colors().len());
        assert!(p.colors().len() > 64, "NeuQuant added too few colours");
        for c in &fixed {
            assert!(p.colors().contains(c), "{c:?} missing");
        }
        assert_eq!(p.rgb_bytes().len(), 3 * p.colors().len());
    }

    #[test]
    fn every_palette_colour_maps_to_itself() {
        let mut p = Palette::build(&gradient(300, 200), &[[255, 0, 255]]).unwrap();
        let colors = p.colors().to_vec();
        for (i, c) in colors.iter().enumerate() {
            let j = p.index_of(*c);
            // Duplicates are dropped when the palette is built, so the index is the colour's.
            assert_eq!(j as usize, i, "{c:?} mapped to {:?}", colors[j as usize]);
        }
    }

    #[test]
    fn gradient_error_is_bounded() {
        let (w, h) = (512, 256);
        let img = gradient(w, h);
        let mut p = Palette::build(&img, &[]).unwrap();
        let mut idx = Vec::new();
        p.map_into(&img, &mut idx);
        assert_eq!(idx.len(), w * h);
        let colors = p.colors().to_vec();
        let (mut worst, mut sum) = (0f64, 0f64);
        for (px, &i) in img.chunks_exact(4).zip(&idx) {
            let q = colors[i as usize];
            let d2: i32 = (0..3)
                .map(|ch| (i32::from(px[ch]) - i32::from(q[ch])).pow(2))
                .sum();
            worst = worst.max(f64::from(d2).sqrt());
            sum += f64::from(d2).sqrt();
        }
        let mean = sum / (w * h) as f64;
        eprintln!("gradient: worst RGB distance {worst:.2}, mean {mean:.2}");
        // The image is a 256×256 plane of colours. 256 entries on an even 16×16 lattice over
        // it would leave every colour within 16·√2/2 ≈ 11.3 of one (mean ≈ 0.38·16 ≈ 6.1).
        // NeuQuant spaces entries unevenly, so allow twice the lattice's worst and mean.
        assert!(worst <= 22.6, "worst RGB distance {worst}");
        assert!(mean <= 12.2, "mean RGB distance {mean}");
    }

    #[test]
    fn lookups_agree_with_a_brute_force_search() {
        let mut p = Palette::build(&gradient(64, 64), &[[10, 200, 30]]).unwrap();
        let colors = p.colors().to_vec();
        for c in [[0u8, 0, 0], [255, 255, 255], [12, 198, 33], [128, 7, 250]] {
            let i = p.index_of(c);
            let got = colors[i as usize];
            let d = |q: [u8; 3]| -> i32 {
                (0..3)
                    .map(|k| (i32::from(q[k]) - i32::from(c[k])).pow(2))
                    .sum()
            };
            let best = colors.iter().map(|q| d(*q)).min().unwrap();
            assert_eq!(d(got), best, "{c:?} → {got:?}");
            assert_eq!(p.index_of(c), i, "cached lookup differs");
        }
    }

    #[test]
    fn bad_palettes_are_errors() {
        assert!(Palette::from_colors(Vec::new()).is_err());
        assert!(Palette::from_colors(vec![[0, 0, 0]; 257]).is_err());
        let many: Vec<[u8; 3]> = (0..200).map(|i| [i as u8, 0, 0]).collect();
        assert!(Palette::build(&[], &many).is_err());
    }
}

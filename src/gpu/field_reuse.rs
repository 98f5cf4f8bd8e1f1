//! Reusing the field after a pan by whole pixels. By the grid convention a column's x (and a
//! row's y) depends only on the view and the column, so after a pan by k pixels the new grid's
//! columns are the old grid's shifted by k, and their f32 coordinates are the same bits: the
//! samples still in view were computed at exactly the coordinates a fresh evaluation would
//! use. [`plan`] finds the shift by comparing the coordinates themselves (so a pan that is not
//! by whole pixels, or whose coordinates round differently, is simply evaluated afresh); the
//! field pass then copies its buffer aside, moves the overlap into place (`shaders/shift.wgsl`)
//! and evaluates only the exposed strips ([`Tile`]s, at most two). This file is the plan, plain
//! Rust; `gpu/field/reuse.rs` is the GPU side (the pass's state and the shift pass).

pub use super::field::reuse::shift_source;

/// A rectangle of the grid: `Tile` in shaders/field.wgsl.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Tile {
    pub origin: [u32; 2],
    pub size: [u32; 2],
}

/// Where the samples still in view go: `Shift` in shaders/shift.wgsl.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, bytemuck::Pod, bytemuck::Zeroable)]
pub struct Shift {
    pub src: [u32; 2],
    pub dst: [u32; 2],
    pub size: [u32; 2],
    pub width: u32,
    pub _pad: u32,
}

/// The layouts of [`Tile`] and [`Shift`] (tests/layout.rs compares them with the shaders').
pub(crate) fn layouts() -> [crate::gpu::layout::HostLayout; 2] {
    use crate::gpu::layout::host_layout;
    [
        host_layout!("Tile", Tile { origin, size }),
        host_layout!(
            "Shift",
            Shift {
                src,
                dst,
                size,
                width,
                _pad
            }
        ),
    ]
}

/// Dynamic offsets of the tiles in their buffer (the device's storage offset alignment is at
/// most 256 bytes).
pub(crate) const TILE_STRIDE: u64 = 256;
/// Tiles a dispatch list holds: the whole grid, or at most two strips.
pub(crate) const MAX_TILES: usize = 2;

/// What a prepare of the field must evaluate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Every sample.
    Full,
    /// Nothing: the grid's coordinates and everything else are as last time.
    Same,
    /// Move the overlap (`shift`), then evaluate `strips`.
    Shift { shift: Shift, strips: Vec<Tile> },
}

/// The k for which `new[i] == old[i + k]` (the same f32 bits) wherever both exist, with some
/// overlap; `None` when there is no such shift.
pub fn shift_of(old: &[f32], new: &[f32]) -> Option<i64> {
    let n = old.len();
    if n == 0 || new.len() != n {
        return None;
    }
    let same = |a: f32, b: f32| a.to_bits() == b.to_bits();
    let k = match old.iter().position(|&v| same(v, new[0])) {
        Some(k) => k as i64,
        None => -(new.iter().position(|&v| same(v, old[0]))? as i64),
    };
    let lo = (-k).max(0) as usize;
    let hi = (n as i64 - k).min(n as i64) as usize;
    (lo < hi && (lo..hi).all(|i| same(new[i], old[(i as i64 + k) as usize]))).then_some(k)
}

/// What to evaluate for a grid of `new` coordinates (xs, ys) when the buffer holds the field
/// at `old` ones (`None`: nothing usable).
pub fn plan(old: Option<(&[f32], &[f32])>, new: (&[f32], &[f32])) -> Plan {
    let Some((ox, oy)) = old else {
        return Plan::Full;
    };
    let (w, h) = (new.0.len() as i64, new.1.len() as i64);
    let (Some(kx), Some(ky)) = (shift_of(ox, new.0), shift_of(oy, new.1)) else {
        return Plan::Full;
    };
    if (kx, ky) == (0, 0) {
        return Plan::Same;
    }
    // The overlap in the new grid: columns lo..hi, rows top..bottom.
    let (lo, hi) = ((-kx).max(0), (w - kx).min(w));
    let (top, bottom) = ((-ky).max(0), (h - ky).min(h));
    let u = |v: i64| v as u32;
    let shift = Shift {
        src: [u(lo + kx), u(top + ky)],
        dst: [u(lo), u(top)],
        size: [u(hi - lo), u(bottom - top)],
        width: u(w),
        _pad: 0,
    };
    let mut strips = Vec::with_capacity(MAX_TILES);
    // The exposed columns, every row; then the exposed rows under the overlap's columns.
    let columns = if kx > 0 { (hi, w) } else { (0, lo) };
    if columns.1 > columns.0 {
        strips.push(Tile {
            origin: [u(columns.0), 0],
            size: [u(columns.1 - columns.0), u(h)],
        });
    }
    let rows = if ky > 0 { (bottom, h) } else { (0, top) };
    if rows.1 > rows.0 {
        strips.push(Tile {
            origin: [u(lo), u(rows.0)],
            size: [u(hi - lo), u(rows.1 - rows.0)],
        });
    }
    Plan::Shift { shift, strips }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(x0: f64, n: usize, step: f64) -> Vec<f32> {
        (0..n)
            .map(|i| (x0 + (i as f64 + 0.5) * step) as f32)
            .collect()
    }

    #[test]
    fn a_pan_by_whole_pixels_moves_the_overlap_and_evaluates_the_strips() {
        let (xs, ys) = (grid(0.0, 10, 0.25), grid(0.0, 6, -0.25));
        // Three columns right, one row down (ys decrease with the row).
        let (nx, ny) = (grid(0.75, 10, 0.25), grid(-0.25, 6, -0.25));
        let Plan::Shift { shift, strips } = plan(Some((&xs, &ys)), (&nx, &ny)) else {
            panic!("a shift")
        };
        assert_eq!(shift.src, [3, 1]);
        assert_eq!(shift.dst, [0, 0]);
        assert_eq!(shift.size, [7, 5]);
        assert_eq!(
            strips,
            vec![
                Tile {
                    origin: [7, 0],
                    size: [3, 6]
                },
                Tile {
                    origin: [0, 5],
                    size: [7, 1]
                }
            ]
        );
        // Every new sample is either moved or evaluated, once.
        let mut hit = vec![0; 60];
        for j in 0..shift.size[1] {
            for i in 0..shift.size[0] {
                hit[((j + shift.dst[1]) * 10 + i + shift.dst[0]) as usize] += 1;
            }
        }
        for t in &strips {
            for j in 0..t.size[1] {
                for i in 0..t.size[0] {
                    hit[((j + t.origin[1]) * 10 + i + t.origin[0]) as usize] += 1;
                }
            }
        }
        assert!(hit.iter().all(|&n| n == 1), "{hit:?}");
        // And back the other way.
        let Plan::Shift { shift, strips } = plan(Some((&nx, &ny)), (&xs, &ys)) else {
            panic!("a shift")
        };
        assert_eq!((shift.src, shift.dst, shift.size), ([0, 0], [3, 1], [7, 5]));
        assert_eq!(strips[0].origin, [0, 0]);
        assert_eq!(strips[1].origin, [3, 0]);
    }

    #[test]
    fn anything_but_a_whole_pixel_pan_is_evaluated_afresh() {
        let (xs, ys) = (grid(0.0, 10, 0.25), grid(0.0, 6, -0.25));
        assert_eq!(plan(None, (&xs, &ys)), Plan::Full);
        assert_eq!(plan(Some((&xs, &ys)), (&xs, &ys)), Plan::Same);
        // Half a pixel, a zoom, a pan past the whole grid, another size.
        for nx in [
            grid(0.125, 10, 0.25),
            grid(0.0, 10, 0.2),
            grid(2.5, 10, 0.25),
            grid(0.0, 9, 0.25),
        ] {
            assert_eq!(plan(Some((&xs, &ys)), (&nx, &ys)), Plan::Full, "{nx:?}");
        }
        assert_eq!(shift_of(&xs, &grid(0.5, 10, 0.25)), Some(2));
        assert_eq!(shift_of(&xs, &grid(-0.5, 10, 0.25)), Some(-2));
    }
}

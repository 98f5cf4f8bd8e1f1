//! The minima a convergence map found: the end points of the starts that converged, grouped
//! where they lie together, each with the colour the basin map gives it (the same formula as
//! shaders/basin.wgsl) and its share of the starts. The explorer's legend lists them and both
//! the explorer and `render` figures mark them. Plain Rust, no GPU.

use std::collections::HashMap;

use crate::view::View;

/// The most minima a legend lists (the largest basins first).
pub const MAX_MINIMA: usize = 12;

/// A group of converged end points with fewer than this share of the converged starts is
/// not listed (a saddle's stable line, a start that landed on a maximum).
const MIN_SHARE: f64 = 0.005;

/// One minimum a convergence map found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Minimum {
    /// The mean of the end points that converged to it.
    pub at: [f64; 2],
    /// The share of all the map's starts that end here (0 … 1).
    pub share: f64,
    /// Its colour in the basin map, sRGB.
    pub color: [u8; 3],
}

/// The minima of a `grid` map computed over `view`: `results` are (final x, final y,
/// converged step) per start, NaN where the start diverged and step −1 where it never
/// converged (as `MapCounts::of` reads them). End points closer than 1.5 start spacings (or
/// a thousandth of the view) are one group; a group that spreads over more than 1/50 of the
/// view (and more than a few start spacings) is a valley floor, not a point, and is left
/// out. Largest share first, at most [`MAX_MINIMA`].
pub fn find_minima(results: &[[f32; 3]], view: &View, grid: (u32, u32)) -> Vec<Minimum> {
    let size = view.width().max(view.height());
    let spacing =
        (view.width() / f64::from(grid.0.max(1))).max(view.height() / f64::from(grid.1.max(1)));
    let cell = (1e-3 * size).max(1.5 * spacing);
    if !(cell.is_finite() && cell > 0.0) || results.is_empty() {
        return Vec::new();
    }
    // End points binned in cells `cell` wide: (sum x, sum y, count, min, max) per cell.
    let mut cells: HashMap<(i64, i64), Group> = HashMap::new();
    for r in results
        .iter()
        .filter(|r| r[2] >= 0.0 && r[0].is_finite() && r[1].is_finite())
    {
        let (x, y) = (f64::from(r[0]), f64::from(r[1]));
        let key = ((x / cell).floor() as i64, (y / cell).floor() as i64);
        cells.entry(key).or_insert_with(Group::empty).add(x, y);
    }
    let converged: usize = cells.values().map(|g| g.count).sum();
    // Cells that touch (8-neighbours) are one group.
    let mut groups = Vec::new();
    let mut todo: Vec<(i64, i64)> = cells.keys().copied().collect();
    todo.sort_unstable();
    let mut seen = std::collections::HashSet::new();
    for start in todo {
        if !seen.insert(start) {
            continue;
        }
        let mut group = Group::empty();
        let mut stack = vec![start];
        while let Some((i, j)) = stack.pop() {
            if let Some(g) = cells.get(&(i, j)) {
                group.merge(g);
            }
            for (di, dj) in NEIGHBOURS {
                let next = (i + di, j + dj);
                if cells.contains_key(&next) && seen.insert(next) {
                    stack.push(next);
                }
            }
        }
        groups.push(group);
    }
    let spread_limit = (0.02 * size).max(4.0 * cell);
    let mut minima: Vec<Minimum> = groups
        .into_iter()
        .filter(|g| g.count as f64 >= MIN_SHARE * converged as f64)
        .filter(|g| g.hi[0] - g.lo[0] <= spread_limit && g.hi[1] - g.lo[1] <= spread_limit)
        .map(|g| {
            let n = g.count as f64;
            let at = [g.sum[0] / n, g.sum[1] / n];
            Minimum {
                at,
                share: n / results.len() as f64,
                color: basin_color(at, view),
            }
        })
        .collect();
    minima.sort_by(|a, b| {
        b.share
            .total_cmp(&a.share)
            .then(a.at[0].total_cmp(&b.at[0]))
    });
    minima.truncate(MAX_MINIMA);
    minima
}

const NEIGHBOURS: [(i64, i64); 8] = [
    (-1, -1),
    (-1, 0),
    (-1, 1),
    (0, -1),
    (0, 1),
    (1, -1),
    (1, 0),
    (1, 1),
];

#[derive(Debug, Clone, Copy)]
struct Group {
    sum: [f64; 2],
    count: usize,
    lo: [f64; 2],
    hi: [f64; 2],
}

impl Group {
    fn empty() -> Group {
        Group {
            sum: [0.0; 2],
            count: 0,
            lo: [f64::INFINITY; 2],
            hi: [f64::NEG_INFINITY; 2],
        }
    }

    fn add(&mut self, x: f64, y: f64) {
        self.sum[0] += x;
        self.sum[1] += y;
        self.count += 1;
        self.lo = [self.lo[0].min(x), self.lo[1].min(y)];
        self.hi = [self.hi[0].max(x), self.hi[1].max(y)];
    }

    fn merge(&mut self, o: &Group) {
        self.sum = [self.sum[0] + o.sum[0], self.sum[1] + o.sum[1]];
        self.count += o.count;
        self.lo = [self.lo[0].min(o.lo[0]), self.lo[1].min(o.lo[1])];
        self.hi = [self.hi[0].max(o.hi[0]), self.hi[1].max(o.hi[1])];
    }
}

/// The basin map's colour of a start that converged at `at` on a map of `view` (sRGB):
/// hue from the end point's direction around the view's centre (red through green to blue),
/// darker the farther it is. Keep in sync with `fs_main` in shaders/basin.wgsl.
pub fn basin_color(at: [f64; 2], view: &View) -> [u8; 3] {
    let (cx, cy) = view.center();
    let (hx, hy) = (view.width() / 2.0, view.height() / 2.0);
    let d = [
        ((at[0] - cx) / hx.max(1e-30)) as f32,
        ((at[1] - cy) / hy.max(1e-30)) as f32,
    ];
    let hue = (d[1].atan2(d[0]) / std::f32::consts::TAU + 0.5) * 0.72;
    let r = d[0].hypot(d[1]).clamp(0.0, 1.5) / 1.5;
    hsv(hue, 0.8, 0.95 - 0.45 * r).map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// `hsv` of shaders/basin.wgsl.
fn hsv(h: f32, s: f32, v: f32) -> [f32; 3] {
    [0.0, 2.0 / 3.0, 1.0 / 3.0].map(|k: f32| {
        let c = (((h + k).fract() * 6.0 - 3.0).abs() - 1.0).clamp(0.0, 1.0);
        v * (1.0 + (c - 1.0) * s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_colours_match_the_shaders_hues() {
        let v = View::new(-1.0, 1.0, -1.0, 1.0).unwrap();
        // Right of the centre: hue 0.36 (green); left: 0.72 (blue); below: 0.18 (yellow-
        // orange); darker farther out. (The GPU test compares these with drawn pixels.)
        let right = basin_color([0.5, 0.0], &v);
        assert!(right[1] > right[0] && right[1] > right[2], "{right:?}");
        let left = basin_color([-0.5, 0.0], &v);
        assert!(left[2] > left[0] && left[2] > left[1], "{left:?}");
        let below = basin_color([0.0, -0.5], &v);
        assert!(below[0] > below[2] && below[1] > below[2], "{below:?}");
        let centre = basin_color([0.001, 0.0], &v);
        let far = basin_color([1.4, 0.0], &v);
        assert!(far.iter().max() < centre.iter().max(), "farther is darker");
    }

    #[test]
    fn a_valley_floor_is_not_a_minimum() {
        let v = View::new(-2.0, 2.0, -2.0, 2.0).unwrap();
        // f = y² on a 40×10 map: every start ends on y = 0 below itself, so the ends of
        // each column gather at its x, 0.1 apart: a line, no isolated point.
        let ends: Vec<[f32; 3]> = (0..400)
            .map(|k| [-2.0 + ((k % 40) as f32 + 0.5) * 0.1, 1e-5, 10.0])
            .collect();
        assert!(find_minima(&ends, &v, (40, 10)).is_empty());
        // The same ends gathered at two points are two minima.
        let two: Vec<[f32; 3]> = (0..400)
            .map(|k| [if k % 2 == 0 { -1.0 } else { 1.0 }, 0.0, 10.0])
            .collect();
        assert_eq!(find_minima(&two, &v, (40, 10)).len(), 2);
    }
}

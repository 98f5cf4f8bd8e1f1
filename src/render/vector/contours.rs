//! Contour lines as vectors: marching squares over the field's samples (one per plot pixel,
//! the same values the heatmap shader colours and draws its contours from), each crossing
//! placed by linear interpolation between two sample centres, the segments joined into
//! polylines. Pure geometry, in plot pixels (sample (i, j) at (i + ½, j + ½)).

use std::collections::HashMap;

/// A cell edge: the lower-left sample (column, row) and whether the edge runs right (true)
/// or down (false) from it.
type Edge = (u32, u32, bool);

/// The polylines where `values` (`w`×`h` samples, row 0 at the top, NaN where undefined)
/// cross `level`. Cells with an undefined corner draw nothing (the heatmap hatches there).
pub(crate) fn trace(values: &[f32], w: usize, h: usize, level: f64) -> Vec<Vec<[f32; 2]>> {
    if w < 2 || h < 2 || values.len() < w * h || !level.is_finite() {
        return Vec::new();
    }
    let at = |i: usize, j: usize| f64::from(values[j * w + i]);
    // The crossing on an edge, in pixels.
    let point = |(i, j, right): Edge| -> [f32; 2] {
        let (i, j) = (i as usize, j as usize);
        let (a, b) = if right {
            (at(i, j), at(i + 1, j))
        } else {
            (at(i, j), at(i, j + 1))
        };
        let t = ((level - a) / (b - a)).clamp(0.0, 1.0) as f32;
        let (x, y) = (i as f32 + 0.5, j as f32 + 0.5);
        if right {
            [x + t, y]
        } else {
            [x, y + t]
        }
    };
    // Segments between edges, each edge linked to at most two others.
    let mut links: HashMap<Edge, Vec<Edge>> = HashMap::new();
    let mut link = |a: Edge, b: Edge| {
        links.entry(a).or_default().push(b);
        links.entry(b).or_default().push(a);
    };
    for j in 0..h - 1 {
        for i in 0..w - 1 {
            let c = [at(i, j), at(i + 1, j), at(i + 1, j + 1), at(i, j + 1)];
            if c.iter().any(|v| !v.is_finite()) {
                continue;
            }
            let above = c.map(|v| v >= level);
            let case = above
                .iter()
                .enumerate()
                .fold(0u8, |m, (k, &a)| m | (u8::from(a) << k));
            if case == 0 || case == 15 {
                continue;
            }
            let (iu, ju) = (i as u32, j as u32);
            // Edges: top (0→1), right (1→2), bottom (3→2), left (0→3).
            let top = (iu, ju, true);
            let right = (iu + 1, ju, false);
            let bottom = (iu, ju + 1, true);
            let left = (iu, ju, false);
            match case {
                1 | 14 => link(left, top),
                2 | 13 => link(top, right),
                3 | 12 => link(left, right),
                4 | 11 => link(right, bottom),
                6 | 9 => link(top, bottom),
                7 | 8 => link(left, bottom),
                5 | 10 => {
                    // A saddle: the centre's side decides which corners join.
                    let centre = 0.25 * c.iter().sum::<f64>() >= level;
                    if (case == 5) == centre {
                        link(left, bottom);
                        link(top, right);
                    } else {
                        link(left, top);
                        link(right, bottom);
                    }
                }
                _ => {}
            }
        }
    }
    chain(links)
        .into_iter()
        .map(|edges| edges.into_iter().map(point).collect())
        .collect()
}

/// Joins linked edges into chains: open ones from an end, then the closed loops.
fn chain(mut links: HashMap<Edge, Vec<Edge>>) -> Vec<Vec<Edge>> {
    let mut out = Vec::new();
    let mut ends: Vec<Edge> = links
        .iter()
        .filter(|(_, l)| l.len() == 1)
        .map(|(e, _)| *e)
        .collect();
    ends.sort_unstable();
    let mut starts = ends;
    let mut rest: Vec<Edge> = links.keys().copied().collect();
    rest.sort_unstable();
    starts.extend(rest);
    for start in starts {
        if !links.contains_key(&start) {
            continue;
        }
        let mut line = vec![start];
        let mut at = start;
        while let Some(next) = take_link(&mut links, at) {
            line.push(next);
            at = next;
            if next == start {
                break;
            }
        }
        links.remove(&start);
        if line.len() >= 2 {
            out.push(line);
        }
    }
    out
}

/// Removes and returns one link of `at` (and the link back).
fn take_link(links: &mut HashMap<Edge, Vec<Edge>>, at: Edge) -> Option<Edge> {
    let next = links.get_mut(&at)?.pop()?;
    if let Some(back) = links.get_mut(&next) {
        if let Some(k) = back.iter().position(|e| *e == at) {
            back.swap_remove(k);
        }
    }
    if links.get(&at).is_some_and(|l| l.is_empty()) {
        links.remove(&at);
    }
    Some(next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_circle_is_one_closed_line_at_its_radius() {
        let (w, h) = (64, 48);
        let values: Vec<f32> = (0..w * h)
            .map(|k| {
                let (x, y) = ((k % w) as f32 + 0.5 - 32.0, (k / w) as f32 + 0.5 - 24.0);
                (x * x + y * y).sqrt()
            })
            .collect();
        let lines = trace(&values, w, h, 15.0);
        assert_eq!(lines.len(), 1, "one line");
        let line = &lines[0];
        assert_eq!(line.first(), line.last(), "closed");
        assert!(line.len() > 60, "{} points", line.len());
        for p in line {
            let r = ((p[0] - 32.0).powi(2) + (p[1] - 24.0).powi(2)).sqrt();
            assert!((r - 15.0).abs() < 0.1, "{p:?} at radius {r}");
        }
    }

    #[test]
    fn undefined_samples_cut_lines_and_flat_fields_have_none() {
        let (w, h) = (20, 10);
        let mut values: Vec<f32> = (0..w * h).map(|k| (k % w) as f32).collect();
        let lines = trace(&values, w, h, 7.25);
        assert_eq!(lines.len(), 1);
        assert!(lines[0].iter().all(|p| (p[0] - 7.75).abs() < 1e-5));
        // A row of NaN across the middle cuts the line in two.
        for i in 0..w {
            values[5 * w + i] = f32::NAN;
        }
        assert_eq!(trace(&values, w, h, 7.25).len(), 2);
        assert!(trace(&vec![1.0; w * h], w, h, 1.5).is_empty());
        assert!(trace(&values, w, h, f64::NAN).is_empty());
    }
}

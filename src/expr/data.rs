//! The data of a data loss: the points (xᵢ, yᵢ) a function's terms are summed over, and the
//! seeded mini-batches a stochastic descent step draws from them.
//!
//! A data loss is a [`super::Function`] whose trees are one term of the loss in the model's
//! parameters on the axes and two [`super::SymKind::Datum`] symbols (symbols 0 and 1: xᵢ and
//! yᵢ); every evaluator gives the mean of that term over the points (or over a mini-batch),
//! summed in f64 on the CPU, and the WGSL generator wraps the term in a loop over a storage
//! buffer of the points, so the shader's size does not depend on their number.

use super::tape::Tape;

/// Points (xᵢ, yᵢ) and what identifies them.
#[derive(Debug, Clone, PartialEq)]
pub struct Data {
    /// The points, in file order.
    pub points: Vec<[f64; 2]>,
    /// What the data are called in titles and messages (a file name).
    pub label: String,
    /// A hash of the points' bits: part of the function's cache key.
    pub hash: u64,
    /// The names of the two columns (from the file's header; `x`, `y` unless given).
    pub columns: [String; 2],
}

impl Data {
    /// Points with a label; the hash is computed here.
    pub fn new(points: Vec<[f64; 2]>, label: &str) -> Data {
        let mut hash = FNV_OFFSET;
        for p in &points {
            for v in p {
                hash = fnv(hash, v.to_bits());
            }
        }
        Data {
            points,
            label: label.to_string(),
            hash,
            columns: ["x".into(), "y".into()],
        }
    }

    /// The same data with its columns named.
    pub fn with_columns(mut self, columns: [String; 2]) -> Data {
        self.columns = columns;
        self
    }

    /// The number of points.
    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// True when there are no points.
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv(hash: u64, word: u64) -> u64 {
    let mut h = hash;
    for b in word.to_le_bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The mini-batch a stochastic step asks for: step `step` of a run with batches of `size`
/// points drawn with `seed` (see [`Batches`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchAt {
    pub step: u64,
    pub size: usize,
    pub seed: u64,
}

/// The seeded mini-batches of a data set of `n` points: epoch e is a permutation of the points
/// drawn by Fisher–Yates with SplitMix64 seeded by `seed` and e; its batches are consecutive
/// runs of `size` indices (the last one shorter when `size` does not divide n), so every
/// point is used exactly once per epoch, and each batch's indices are sorted, so that a batch
/// of all n points sums in file order: `size` ≥ n is full-batch descent, bit for bit.
/// Step k uses batch k mod m of epoch ⌊k / m⌋, m = ⌈n / size⌉ batches per epoch.
#[derive(Debug, Clone, Default)]
pub struct Batches {
    /// (epoch, seed, n) of `perm`.
    epoch: Option<(u64, u64, usize)>,
    perm: Vec<u32>,
    batch: Vec<u32>,
}

impl Batches {
    /// The sorted indices of the batch `at` of a data set of `n` points; all of them when
    /// `at.size` ≥ n. Allocates only when the epoch changes.
    pub fn select(&mut self, n: usize, at: BatchAt) -> &[u32] {
        let size = at.size.clamp(1, n.max(1));
        let per_epoch = n.div_ceil(size).max(1) as u64;
        let epoch = at.step / per_epoch;
        let j = (at.step % per_epoch) as usize;
        if self.epoch != Some((epoch, at.seed, n)) {
            self.perm = permutation(n, at.seed, epoch);
            self.epoch = Some((epoch, at.seed, n));
        }
        let range = j * size..((j + 1) * size).min(n);
        self.batch.clear();
        self.batch.extend_from_slice(&self.perm[range]);
        self.batch.sort_unstable();
        &self.batch
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): the generator behind the batches, fixed here so
/// that a seed gives the same batches on every machine and in every version.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in 0..bound (bound > 0), by Lemire's multiply-shift (bias below 2⁻³²
    /// for the bounds a data set has).
    pub fn below(&mut self, bound: u64) -> u64 {
        ((self.next_u64() as u128 * bound as u128) >> 64) as u64
    }
}

/// Epoch `epoch`'s order of the points 0..n: Fisher–Yates from the last index down, with the
/// generator seeded by `seed` and the epoch's number mixed in.
pub fn permutation(n: usize, seed: u64, epoch: u64) -> Vec<u32> {
    let mut rng = SplitMix64::new(seed ^ epoch.wrapping_mul(0xd1b5_4a32_d192_ed03));
    let mut p: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        p.swap(i, j);
    }
    p
}

/// The most roots a data loss's tape has (f, ∇f and ∇²f).
pub(crate) const MAX_ROOTS: usize = 6;

/// The mean of a term over rows of the data (`None`: every row): `term(syms, out, defined)`
/// evaluates one term's `width` roots with symbols 0 and 1 set to the row's (xᵢ, yᵢ); a root
/// is defined when it is for every row, and `out` gets the mean (f64 sums, in row order).
/// `syms` is the function's symbol values (at most [`super::MAX_SYMBOLS`] are read). With no
/// rows nothing is defined.
pub(crate) fn mean_over(
    data: &Data,
    rows: Option<&[u32]>,
    syms: &[f64],
    width: usize,
    mut term: impl FnMut(&[f64], &mut [f64], &mut [bool]),
) -> ([f64; MAX_ROOTS], [bool; MAX_ROOTS]) {
    let width = width.min(MAX_ROOTS);
    let mut s = [0.0; super::MAX_SYMBOLS];
    let m = syms.len().min(super::MAX_SYMBOLS);
    s[..m].copy_from_slice(&syms[..m]);
    let s = &mut s[..m.max(2)];
    let (mut sum, mut defined) = ([0.0; MAX_ROOTS], [true; MAX_ROOTS]);
    let (mut out, mut ok) = ([0.0; MAX_ROOTS], [false; MAX_ROOTS]);
    let mut count = 0usize;
    let mut add = |p: &[f64; 2], s: &mut [f64]| {
        s[0] = p[0];
        s[1] = p[1];
        term(s, &mut out[..width], &mut ok[..width]);
        for k in 0..width {
            sum[k] += out[k];
            defined[k] &= ok[k];
        }
        count += 1;
    };
    match rows {
        Some(rows) => {
            for &i in rows {
                if let Some(p) = data.points.get(i as usize) {
                    add(p, s);
                }
            }
        }
        None => data.points.iter().for_each(|p| add(p, s)),
    }
    if count == 0 {
        return ([0.0; MAX_ROOTS], [false; MAX_ROOTS]);
    }
    let n = count as f64;
    (sum.map(|v| v / n), defined)
}

/// A tape's evaluation as the mean of its roots over a data loss's points (a plain tape's
/// as its roots).
impl Tape {
    /// [`Tape::eval_into`] with the symbols at `syms` instead of the tape's own values.
    pub(crate) fn eval_into_with(
        &self,
        x: f64,
        y: f64,
        syms: &[f64],
        regs: &mut Vec<f64>,
        out: &mut [f64],
    ) -> bool {
        let Some(data) = self.data() else {
            return self.term_into(x, y, syms, regs, out);
        };
        let width = out.len();
        let (mean, defined) = mean_over(data, None, syms, width, |s, o, d| {
            let ok = self.term_into(x, y, s, regs, o);
            d.fill(ok);
        });
        out.copy_from_slice(&mean[..width]);
        defined[..width].iter().all(|&d| d)
    }

    /// [`Tape::eval_each_into`] of a data loss over the rows `rows` only (a mini-batch; `None`:
    /// every row). A plain function ignores `rows`.
    #[allow(clippy::too_many_arguments)]
    pub fn eval_rows_into(
        &self,
        x: f64,
        y: f64,
        rows: Option<&[u32]>,
        regs: &mut Vec<f64>,
        ok: &mut Vec<bool>,
        out: &mut [f64],
        defined: &mut [bool],
    ) {
        let Some(data) = self.data() else {
            return self.term_each_into(x, y, self.syms(), regs, ok, out, defined);
        };
        let width = out.len();
        let (mean, all) = mean_over(data, rows, self.syms(), width, |s, o, d| {
            self.term_each_into(x, y, s, regs, ok, o, d);
        });
        out.copy_from_slice(&mean[..width]);
        defined.copy_from_slice(&all[..width]);
        for (o, d) in out.iter_mut().zip(defined.iter()) {
            if !d {
                *o = 0.0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_epoch_uses_every_point_once() {
        let mut b = Batches::default();
        let mut seen = Vec::new();
        for step in 0..4 {
            seen.extend_from_slice(b.select(
                10,
                BatchAt {
                    step,
                    size: 3,
                    seed: 7,
                },
            ));
        }
        // Batches of 3, 3, 3 and 1.
        assert_eq!(seen.len(), 10);
        seen.sort_unstable();
        assert_eq!(seen, (0..10).collect::<Vec<u32>>());
        // The next epoch is another order.
        let next: Vec<u32> = b
            .select(
                10,
                BatchAt {
                    step: 4,
                    size: 3,
                    seed: 7,
                },
            )
            .to_vec();
        let first: Vec<u32> = b
            .select(
                10,
                BatchAt {
                    step: 0,
                    size: 3,
                    seed: 7,
                },
            )
            .to_vec();
        assert_ne!(next, first);
    }

    #[test]
    fn a_batch_of_all_points_is_in_file_order() {
        let mut b = Batches::default();
        for step in 0..3 {
            let all = b.select(
                5,
                BatchAt {
                    step,
                    size: 9,
                    seed: 1,
                },
            );
            assert_eq!(all, &[0, 1, 2, 3, 4]);
        }
    }

    #[test]
    fn the_same_seed_draws_the_same_batches() {
        let (mut a, mut b) = (Batches::default(), Batches::default());
        for step in 0..20 {
            let at = BatchAt {
                step,
                size: 4,
                seed: 42,
            };
            assert_eq!(a.select(30, at).to_vec(), b.select(30, at).to_vec());
        }
        let other = BatchAt {
            step: 0,
            size: 4,
            seed: 43,
        };
        let same = BatchAt {
            step: 0,
            size: 4,
            seed: 42,
        };
        assert_ne!(a.select(30, other).to_vec(), b.select(30, same).to_vec());
    }
}

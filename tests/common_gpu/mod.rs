//! Shared helpers of the shader and GPU tests: a seeded generator of random expression trees
//! over every operation, and the GPU device (failing with the install hint when there is none).

#![allow(dead_code)]

pub mod bound;
pub mod compare;
pub mod figure;

use gradfield::expr::ast::*;

/// A small deterministic generator (SplitMix64), so failures reproduce from the seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A random expression of at most `depth` levels over every operator and function.
pub fn random_expr(rng: &mut Rng, depth: u32) -> Node {
    if depth == 0 || rng.below(4) == 0 {
        return match rng.below(5) {
            0 | 1 => var(Var::X),
            2 | 3 => var(Var::Y),
            _ => {
                let choices = [0.5, 1.0, 2.0, 3.0, 0.1, 1.5, 10.0, 0.25];
                num(choices[rng.below(choices.len() as u64) as usize])
            }
        };
    }
    let sub = |rng: &mut Rng| random_expr(rng, depth - 1);
    match rng.below(10) {
        0 => neg(sub(rng)),
        1..=4 => {
            let op = [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::Div][rng.below(4) as usize];
            bin(op, sub(rng), sub(rng))
        }
        5 => {
            // Integer powers, negative ones included, and a non-integer one.
            let e = [2.0, 3.0, -1.0, -2.0, 0.5, 1.5][rng.below(6) as usize];
            pow(sub(rng), num(e))
        }
        _ => {
            let f = Func::ALL[rng.below(Func::ALL.len() as u64) as usize];
            if f.arity() == 2 {
                call2(f, sub(rng), sub(rng))
            } else {
                call1(f, sub(rng))
            }
        }
    }
}

/// The GPU for tests: lavapipe where there is no hardware GPU. Fails, never skips.
pub fn gpu() -> gradfield::gpu::Gpu {
    match gradfield::gpu::Gpu::headless() {
        Ok(g) => g,
        Err(e) => panic!(
            "GPU tests need an adapter: {e}\nOn a machine without a GPU install Mesa's software \
             Vulkan driver: sudo apt-get install mesa-vulkan-drivers"
        ),
    }
}

/// The process's resident memory in MB (Linux: /proc/self/status), for the tests that redraw
/// many frames and check that memory does not grow.
pub fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS"))
        .expect("VmRSS");
    let kb: f64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kb / 1024.0
}

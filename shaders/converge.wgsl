// gradfield convergence map: runs one optimizer from every sample of a W x H grid, the update
// rules of src/descent/update.rs in f32, a chunk of steps per dispatch (state kept in `walkers`).
//
// Layout (keep in sync with src/gpu/walker.rs, `Walker` and `Params`): `walkers` is W * H
// Walker, row-major, row 0 = top of the picture (DESIGN.md grid convention), start (row j,
// column i) at index j * W + i. A zeroed walker (status 0) is initialised on its first visit.
// tests/layout.rs compares `Params` and `Walker` with their Rust structs.
#import constants
#import sample
#import symbols

struct Params {
    width: u32,
    height: u32,
    // 0 gd, 1 momentum, 2 nesterov, 3 adagrad, 4 rmsprop, 5 adam (Optimizer::ALL order).
    optimizer: u32,
    // 1 = climb +grad f instead of descending.
    ascent: u32,
    lr: f32,
    momentum: f32,
    alpha: f32,
    beta1: f32,
    beta2: f32,
    eps: f32,
    // Converged when |grad f| <= tol; tol <= 0 never converges.
    tol: f32,
    // Total steps, and how many one dispatch may take at most.
    steps: u32,
    chunk: u32,
    pad0: u32,
    pad1: u32,
    pad2: u32,
}

// `Walker` in src/gpu/walker.rs.
struct Walker {
    theta: vec2<f32>,
    // Velocity b (momentum, nesterov) or first moment m (adam).
    first: vec2<f32>,
    // Sum of squares s (adagrad) or mean of squares v (rmsprop, adam).
    second: vec2<f32>,
    // The gradient at theta (sign-flipped for ascent).
    grad: vec2<f32>,
    beta1_t: f32,
    beta2_t: f32,
    // Steps taken so far; for a converged walker, the step at which it converged.
    steps: u32,
    // 0 not started, 1 running, 2 converged, 3 diverged or undefined.
    status: u32,
}

const FRESH: u32 = 0u;
const RUNNING: u32 = 1u;
const CONVERGED: u32 = STATUS_CONVERGED;
const DIVERGED: u32 = STATUS_DIVERGED;
// |theta| beyond MAX_COORD (src/view.rs, through `constants`) is divergence.

@group(0) @binding(0) var<uniform> params: Params;
// x of each column and y of each row, already rounded to f32 by the CPU.
@group(0) @binding(1) var<storage, read> xs: array<f32>;
@group(0) @binding(2) var<storage, read> ys: array<f32>;
@group(0) @binding(3) var<storage, read_write> walkers: array<Walker>;
// The symbols' values (held variables, parameters): a slider moves them without a new shader.
@group(0) @binding(4) var<uniform> symbols: Symbols;

// @generated-field-functions

// Finite by its bits: the compiler may assume NaN and infinity never occur in arithmetic.
fn finite(v: f32) -> bool {
    return (bitcast<u32>(v) & 0x7f800000u) != 0x7f800000u;
}

fn usable(t: vec2<f32>) -> bool {
    return finite(t.x) && finite(t.y) && max(abs(t.x), abs(t.y)) <= MAX_COORD;
}

// |g| <= tol without overflow in the squares.
fn converged(g: vec2<f32>) -> bool {
    let m = max(abs(g.x), abs(g.y));
    if params.tol <= 0.0 {
        return false;
    }
    if m == 0.0 {
        return true;
    }
    let u = g / m;
    return m * sqrt(dot(u, u)) <= params.tol;
}

// Evaluates the gradient at w.theta into w.grad; false where f or grad f is undefined.
fn gradient(w: ptr<function, Walker>) -> bool {
    let s = gf_eval((*w).theta.x, (*w).theta.y);
    let sign = select(1.0, -1.0, params.ascent == 1u);
    (*w).grad = sign * vec2<f32>(s.dfdx, s.dfdy);
    return s.dx_ok && s.dy_ok;
}

// One update theta -> theta' of src/descent/update.rs, advancing the optimizer's state.
fn update(w: ptr<function, Walker>) {
    let g = (*w).grad;
    let lr = params.lr;
    let eps = params.eps;
    switch params.optimizer {
        case 1u: {
            (*w).first = params.momentum * (*w).first + g;
            (*w).theta -= lr * (*w).first;
        }
        case 2u: {
            (*w).first = params.momentum * (*w).first + g;
            (*w).theta -= lr * (g + params.momentum * (*w).first);
        }
        case 3u: {
            (*w).second += g * g;
            (*w).theta -= lr * g / (sqrt((*w).second) + eps);
        }
        case 4u: {
            let a = params.alpha;
            (*w).second = a * (*w).second + (1.0 - a) * g * g;
            (*w).theta -= lr * g / (sqrt((*w).second) + eps);
        }
        case 5u: {
            let b1 = params.beta1;
            let b2 = params.beta2;
            (*w).beta1_t *= b1;
            (*w).beta2_t *= b2;
            let c1 = 1.0 / (1.0 - (*w).beta1_t);
            let c2 = 1.0 / (1.0 - (*w).beta2_t);
            (*w).first = b1 * (*w).first + (1.0 - b1) * g;
            (*w).second = b2 * (*w).second + (1.0 - b2) * g * g;
            (*w).theta -= lr * ((*w).first * c1) / (sqrt((*w).second * c2) + eps);
        }
        default: {
            (*w).theta -= lr * g;
        }
    }
}

@compute @workgroup_size(FIELD_WORKGROUP, FIELD_WORKGROUP)
fn cs_main(@builtin(global_invocation_id) gid: vec3<u32>) {
    if gid.x >= params.width || gid.y >= params.height {
        return;
    }
    let index = gid.y * params.width + gid.x;
    var w = walkers[index];
    if w.status == FRESH {
        w.theta = vec2<f32>(xs[gid.x], ys[gid.y]);
        w.beta1_t = 1.0;
        w.beta2_t = 1.0;
        w.steps = 0u;
        w.status = RUNNING;
        if !usable(w.theta) || !gradient(&w) {
            w.status = DIVERGED;
        } else if converged(w.grad) {
            w.status = CONVERGED;
        }
    }
    let end = min(params.steps, w.steps + params.chunk);
    while w.status == RUNNING && w.steps < end {
        update(&w);
        w.steps += 1u;
        if !usable(w.theta) || !gradient(&w) {
            w.status = DIVERGED;
        } else if converged(w.grad) {
            w.status = CONVERGED;
        }
    }
    walkers[index] = w;
}

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
    // The schedule's settings (see SCHEDULE): exp a = G; step a = N, b = G; inv a = D;
    // cosine a = N.
    sched_a: f32,
    sched_b: f32,
    pad0: u32,
    pad1: u32,
}

// Which update, schedule and line search run, set per pipeline (src/gpu/converge.rs) so that
// the ones not chosen are compiled away: a branch on a uniform leaves every choice's code in
// the shader, which halved the map's speed on a software GPU.
// 0 gd, 1 momentum, 2 nesterov, 3 adagrad, 4 rmsprop, 5 adam, 6 newton (Optimizer::ALL order).
override OPTIMIZER: u32 = 0u;
// The learning-rate schedule (src/descent/schedule.rs): 0 const, 1 exp, 2 step, 3 inv, 4 cosine.
override SCHEDULE: u32 = 0u;
// 1 = Armijo backtracking along the direction of gd and newton (src/descent/line_search.rs).
override LINE_SEARCH: u32 = 0u;

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

// Step k's learning rate (src/descent/schedule.rs).
fn scheduled_lr(k: u32) -> f32 {
    let kf = f32(k);
    switch SCHEDULE {
        case 1u: {
            return params.lr * pow(params.sched_a, kf);
        }
        case 2u: {
            return params.lr * pow(params.sched_b, floor(kf / params.sched_a));
        }
        case 3u: {
            return params.lr / (1.0 + params.sched_a * kf);
        }
        case 4u: {
            let n = params.sched_a;
            return params.lr * 0.5 * (1.0 + cos(3.14159265 * min(kf, n) / n));
        }
        default: {
            return params.lr;
        }
    }
}

// The step of gd or newton along its direction p from theta (src/descent/propose.rs): the
// learning rate, or with the line search the first of lr, lr/2, … (at most 50 halvings) that
// lowers phi = +-f enough; a negative result when none does.
fn step_size(theta: vec2<f32>, g: vec2<f32>, p: vec2<f32>, lr: f32) -> f32 {
    if LINE_SEARCH != 1u {
        return lr;
    }
    let sign = select(1.0, -1.0, params.ascent == 1u);
    let here = gf_value(theta.x, theta.y);
    let phi0 = sign * here.v;
    let slope = dot(g, p);
    var t = lr;
    for (var i = 0u; i <= 50u; i += 1u) {
        let trial = theta + t * p;
        let v = gf_value(trial.x, trial.y);
        if v.ok && finite(v.v) && sign * v.v <= phi0 + 1e-4 * t * slope {
            return t;
        }
        t *= 0.5;
    }
    return -1.0;
}

// Newton's direction -H^-1 grad f at theta (the same for ascent), or (0, 0) with `ok` false
// where the Hessian is undefined or |det H| < 1e-12 (src/descent/newton.rs).
struct Direction {
    p: vec2<f32>,
    ok: bool,
}

fn newton_direction(theta: vec2<f32>) -> Direction {
    let s = gf_hess(theta.x, theta.y);
    let det = s.xx * s.yy - s.xy * s.xy;
    if (s.bits & 63u) != 63u || !(abs(det) >= 1e-12) || !finite(det) {
        return Direction(vec2<f32>(0.0), false);
    }
    let g = vec2<f32>(s.dx, s.dy);
    let p = -vec2<f32>(s.yy * g.x - s.xy * g.y, s.xx * g.y - s.xy * g.x) / det;
    return Direction(p, true);
}

// One update theta -> theta' of src/descent/update.rs, advancing the optimizer's state, with
// step k's scheduled rate; false where the step cannot be taken (a singular Hessian, a line
// search without a decrease): the walker stops.
fn update(w: ptr<function, Walker>) -> bool {
    let g = (*w).grad;
    let lr = scheduled_lr((*w).steps);
    let eps = params.eps;
    if OPTIMIZER == 0u || OPTIMIZER == 6u {
        var p = -g;
        if OPTIMIZER == 6u {
            let d = newton_direction((*w).theta);
            if !d.ok {
                return false;
            }
            p = d.p;
        }
        let t = step_size((*w).theta, g, p, lr);
        if t < 0.0 {
            return false;
        }
        (*w).theta += t * p;
        return true;
    }
    switch OPTIMIZER {
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
    return true;
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
        let moved = update(&w);
        w.steps += 1u;
        if !moved || !usable(w.theta) || !gradient(&w) {
            w.status = DIVERGED;
        } else if converged(w.grad) {
            w.status = CONVERGED;
        }
    }
    walkers[index] = w;
}

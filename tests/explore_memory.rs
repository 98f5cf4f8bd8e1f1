//! The explorer's memory under editing, through its plain-Rust state and a real renderer on
//! the GPU (lavapipe where there is no GPU): typing the same formula again and again builds no
//! new field pipelines and keeps the process's memory flat (each pipeline built keeps about a
//! megabyte inside Mesa's lavapipe, freed or not), identical shader code is not rebuilt, the
//! wgpu objects of old functions are freed, and clicks stop at `descent::MAX_PATHS`.

#[path = "common_gpu/mod.rs"]
mod common_gpu;

use gradfield::app::state::SETTLE_SECONDS;
use gradfield::app::ExplorerState;
use gradfield::descent::MAX_PATHS;
use gradfield::expr::Function;
use gradfield::gpu::{Gpu, GradientMode};
use gradfield::render::{
    render_rgba, Layout, PathDraw, RenderSettings, Renderer, OFFSCREEN_FORMAT,
};
use gradfield::View;

/// 180 characters over most of the language, so that a prefix parses now and then.
const FORMULA: &str = "sin(x)*cos(y) + 0.5*exp(-(x^2+y^2)/4) + 0.1*x^2 - 0.2*y^3/(1+y^2) + \
                       log(1+x^2+y^2) + tanh(x*y) + sqrt(1+x^4) - atan(y/(1+x^2)) + \
                       0.3*cosh(x/3) + sigmoid(x-y) + relu(y) + abs(x*y)/7";

/// The tests of this file run one at a time: one measures the memory of the whole process.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn alone() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

/// The resident set size of this process in MB (Linux /proc).
fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .expect("a VmRSS line");
    let kb: f64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kb / 1024.0
}

fn bowl() -> ExplorerState {
    let f = Function::parse("x^2 + y^2").expect("the bowl parses");
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(200.0, 150.0);
    s
}

/// What the window does each frame: age the typing by `dt`, rebuild the shader when the state
/// says so, and draw (small, so the test stays quick on a software GPU).
struct Window {
    gpu: Gpu,
    renderer: Renderer,
    built_for: u64,
}

impl Window {
    fn new(s: &ExplorerState) -> Window {
        let gpu = common_gpu::gpu();
        let renderer = Renderer::new(&gpu, OFFSCREEN_FORMAT, &s.doc.function).expect("a renderer");
        Window {
            gpu,
            renderer,
            built_for: s.rebuild.function_generation,
        }
    }

    fn frame(&mut self, s: &mut ExplorerState, dt: f64) {
        s.tick(dt);
        if s.shader_due(self.built_for) {
            self.built_for = s.rebuild.function_generation;
            self.renderer
                .set_function(&self.gpu, &s.doc.function)
                .expect("the shader builds");
        }
        let layout = Layout::full(64, 48);
        let settings = RenderSettings::default();
        let none: &[PathDraw] = &[];
        let view = s.doc.view;
        render_rgba(
            &self.gpu,
            &mut self.renderer,
            &layout,
            &view,
            &settings,
            GradientMode::Exact,
            none,
        )
        .expect("a frame");
    }

    fn built(&self) -> u64 {
        self.renderer.field().pipelines_built()
    }
}

/// Types `text` at 20 characters a second (one frame per character), then waits a second.
fn type_in(w: &mut Window, s: &mut ExplorerState, text: &str) {
    for n in 1..=text.len() {
        s.set_text(&text[..n]);
        w.frame(s, 0.05);
    }
    for _ in 0..10 {
        w.frame(s, 0.1);
    }
}

/// Reproduces "editing the function leaks memory": typing one 201-character formula 14 times
/// grew the explorer from 151 to 353 MB, a new pipeline for every prefix that parsed.
#[test]
fn typing_the_same_formula_again_and_again_builds_no_new_pipelines_and_memory_stays_flat() {
    let _alone = alone();
    let mut s = bowl();
    let mut w = Window::new(&s);
    w.frame(&mut s, 0.0);
    type_in(&mut w, &mut s, FORMULA);
    type_in(&mut w, &mut s, FORMULA);
    assert_eq!(s.text, FORMULA);
    assert!(s.error.is_none(), "{:?}", s.error);
    let (built, rss) = (w.built(), rss_mb());
    // The bowl, then the formula once it settled (the prefixes never stood for SETTLE_SECONDS).
    assert_eq!(
        built, 2,
        "pipelines built for the bowl and one settled formula"
    );
    for _ in 0..6 {
        type_in(&mut w, &mut s, FORMULA);
    }
    assert_eq!(
        w.built(),
        built,
        "retyping a formula builds its pipeline again"
    );
    // Before, each retyping built ~42 pipelines and kept ~53 MB on lavapipe. What is left
    // after warm-up is allocator noise; 8 MB over six retypings is far below one leak's worth.
    let grown = rss_mb() - rss;
    assert!(
        grown < 8.0,
        "memory grew by {grown:.1} MB over six retypings"
    );
}

#[test]
fn a_pause_while_typing_builds_the_function_typed_so_far_and_identical_code_is_not_rebuilt() {
    let _alone = alone();
    let mut s = bowl();
    let mut w = Window::new(&s);
    w.frame(&mut s, 0.0);
    s.set_text("x^2 + 3*y^2");
    w.frame(&mut s, SETTLE_SECONDS / 2.0);
    assert_eq!(w.built(), 1, "built before the typing settled");
    w.frame(&mut s, SETTLE_SECONDS);
    assert_eq!(w.built(), 2, "not built once the typing settled");
    // Other text, the same shader: nothing to build.
    s.set_text("x^2+3*y^2");
    w.frame(&mut s, 2.0 * SETTLE_SECONDS);
    assert_eq!(w.built(), 2, "the same generated code was built again");
    // A preset switches at once.
    let bowl = gradfield::presets::all()
        .iter()
        .position(|p| p.name == "saddle")
        .unwrap();
    s.select_preset(bowl).unwrap();
    w.frame(&mut s, 0.0);
    assert_eq!(w.built(), 3, "a preset waited for the typing to settle");
}

/// Many different functions, each settled: each needs its pipeline, but the old ones' wgpu
/// objects are freed (only the few kept for reuse stay).
#[test]
fn old_functions_leave_no_wgpu_pipelines_behind() {
    let _alone = alone();
    let mut s = bowl();
    let mut w = Window::new(&s);
    w.frame(&mut s, 0.0);
    let live = |w: &Window| {
        let report = w
            .gpu
            .instance
            .generate_report()
            .expect("a wgpu-core report");
        let hub = report.hub_report();
        (
            hub.compute_pipelines.num_kept_from_user,
            hub.shader_modules.num_kept_from_user,
        )
    };
    let (pipelines, modules) = live(&w);
    for k in 1..=40 {
        s.set_text(&format!("x^2 + {k}*y^2 - x*y/{k}"));
        w.frame(&mut s, 2.0 * SETTLE_SECONDS);
    }
    assert_eq!(w.built(), 41);
    let (p, m) = live(&w);
    assert!(
        p <= pipelines + 8,
        "{p} compute pipelines live, {pipelines} at the start"
    );
    assert!(
        m <= modules,
        "{m} shader modules live, {modules} at the start"
    );
}

/// Reproduces "clicks beyond the cap": the explorer took any number of paths, each holding up
/// to 10,000 iterates.
#[test]
fn a_click_beyond_max_paths_starts_nothing_and_says_so() {
    let mut s = bowl();
    for i in 0..MAX_PATHS {
        s.click(-2.0 + 0.01 * i as f64, 1.0);
    }
    assert_eq!(s.running.paths.len(), MAX_PATHS);
    assert!(s.messages.status.is_none(), "{:?}", s.messages.status);
    s.click(1.0, 1.0);
    assert_eq!(s.running.paths.len(), MAX_PATHS);
    let message = s.messages.status.clone().expect("the status line says why");
    assert!(message.contains(&MAX_PATHS.to_string()), "{message}");
    // Compare mode would add one path per optimizer: all of them fit, or none starts.
    s.clear_paths();
    for i in 0..MAX_PATHS - 3 {
        s.click(-2.0 + 0.01 * i as f64, 1.0);
    }
    s.doc.compare = true;
    s.messages.status = None;
    s.click(1.0, 1.0);
    assert_eq!(
        s.running.paths.len(),
        MAX_PATHS - 3,
        "compare mode went past the cap"
    );
    assert!(s.messages.status.is_some());
    s.doc.compare_set = [true, true, true, false, false, false, false];
    s.click(1.0, 1.0);
    assert_eq!(s.running.paths.len(), MAX_PATHS, "three paths fit");
}

/// Moving a parameter's slider, sweeping it and moving a held variable re-evaluate the field
/// with the new values (the picture changes) without building a pipeline: the values are a
/// uniform. Editing the text keeps the values of symbols that kept their names.
#[test]
fn sliders_change_the_field_without_a_new_pipeline_and_edits_keep_their_values() {
    let _alone = alone();
    let f = Function::parse("f(x, y, z) = a x^2 + y^2 + z").expect("parses");
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(200.0, 150.0);
    let mut w = Window::new(&s);
    w.frame(&mut s, 0.0);
    let built = w.built();
    let picture = |w: &mut Window, s: &ExplorerState| {
        let layout = Layout::full(16, 12);
        let none: &[PathDraw] = &[];
        render_rgba(
            &w.gpu,
            &mut w.renderer,
            &layout,
            &s.doc.view,
            &RenderSettings::default(),
            GradientMode::Exact,
            none,
        )
        .expect("a frame")
    };
    let before = picture(&mut w, &s);
    assert!(s.set_symbol("a", -2.0));
    w.frame(&mut s, 0.05);
    let after = picture(&mut w, &s);
    assert_ne!(before, after, "a = −2 turns the bowl into a saddle");
    assert!(s.set_symbol("z", 3.0));
    s.toggle_sweep("a");
    for _ in 0..40 {
        w.frame(&mut s, 0.1);
    }
    assert_ne!(
        s.doc.function.value_of("a"),
        Some(-2.0),
        "the sweep moved a"
    );
    assert_eq!(w.built(), built, "no pipeline for a value");
    s.set_text("f(x, y, z) = a x^2 + y^2 + 2z");
    assert_eq!(s.doc.function.value_of("z"), Some(3.0), "z kept its value");
    let a = s.doc.function.value_of("a").unwrap();
    assert!(s.sweeping("a") && (-5.0..=5.0).contains(&a));
}

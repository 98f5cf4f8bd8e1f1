//! The panel's optimizer section: which optimizer (with a tooltip on what each does, and why
//! Newton's method is drawn to saddle points), η and the hyperparameters the optimizer uses,
//! the line search for `gd` and `newton`, the learning-rate schedule with a small plot of
//! ηₖ, ascent, compare and sweep. Every control edits the document and restarts the paths.

use egui::Ui;
use egui_plot::{Line, Plot};

use super::state::ExplorerState;
use crate::descent::schedule::KINDS;
use crate::descent::{LineSearch, Optimizer, Schedule};

/// What each optimizer does, for its tooltip in the menu.
pub(crate) fn tooltip(o: Optimizer) -> &'static str {
    match o {
        Optimizer::Gd => "θ ← θ − η∇f: a step straight down the steepest slope.",
        Optimizer::Momentum => "A velocity that remembers past gradients: faster along valleys.",
        Optimizer::Nesterov => "Momentum that looks ahead along its velocity before stepping.",
        Optimizer::AdaGrad => "Per-coordinate steps that shrink with the sum of squared gradients.",
        Optimizer::RmsProp => "Per-coordinate steps scaled by a running mean of squared gradients.",
        Optimizer::Adam => "Momentum plus RMSProp scaling, with bias correction.",
        Optimizer::Newton => {
            "θ ← θ − η·∇²f⁻¹∇f with η = 1 for the full step. It jumps to the stationary point of \
             the local quadratic — a minimum, a maximum or a saddle alike — so near a saddle it \
             converges to the saddle: the Hessian's negative eigenvalue turns the step uphill \
             along that direction. On the lesson preset (a saddle) it lands on the saddle in one \
             step while gradient descent runs away. It stops where the Hessian is singular \
             (|det| < 1e-12)."
        }
    }
}

/// Draws the section.
pub(crate) fn section(ui: &mut Ui, s: &mut ExplorerState) {
    let mut opt = s.doc.optimizer;
    egui::ComboBox::from_label("optimizer")
        .selected_text(opt.label())
        .show_ui(ui, |ui| {
            for o in Optimizer::ALL {
                ui.selectable_value(&mut opt, o, o.label())
                    .on_hover_text(tooltip(o));
            }
        })
        .response
        .on_hover_text(tooltip(s.doc.optimizer));
    if opt != s.doc.optimizer {
        s.set_optimizer(opt);
    }
    let before = s.doc.hyper;
    let h = &mut s.doc.hyper;
    ui.add(
        egui::Slider::new(&mut h.lr, 1e-5..=10.0)
            .logarithmic(true)
            .text("learning rate η"),
    );
    match s.doc.optimizer {
        Optimizer::Momentum | Optimizer::Nesterov => {
            ui.add(egui::Slider::new(&mut h.momentum, 0.0..=0.999).text("momentum μ"));
        }
        Optimizer::RmsProp => {
            ui.add(egui::Slider::new(&mut h.alpha, 0.5..=0.999).text("decay α"));
        }
        Optimizer::Adam => {
            ui.add(egui::Slider::new(&mut h.beta1, 0.0..=0.999).text("β1"));
            ui.add(egui::Slider::new(&mut h.beta2, 0.5..=0.9999).text("β2"));
        }
        Optimizer::Newton if h.lr != 1.0 => {
            if ui
                .button("η = 1 (the full Newton step)")
                .on_hover_text("Newton's method is usually run with η = 1")
                .clicked()
            {
                h.lr = 1.0;
            }
        }
        Optimizer::Gd | Optimizer::AdaGrad | Optimizer::Newton => {}
    }
    if s.doc.optimizer.takes_line_search() {
        let mut on = h.line_search == LineSearch::Armijo;
        ui.checkbox(
            &mut on,
            "line search (Armijo: halve η until f drops enough)",
        )
        .on_hover_text(
            "From η, halve the step while f(θ + t·p) > f(θ) + 1e-4·t·∇f·p (at most 50 \
                 halvings); each rejected trial is drawn as a small dot.",
        );
        h.line_search = if on {
            LineSearch::Armijo
        } else {
            LineSearch::None
        };
    }
    schedule(ui, &mut h.schedule);
    ui.checkbox(&mut h.ascent, "gradient ascent (climb)");
    // An invalid setting (cannot come from these widgets) is undone rather than run; a line
    // search left on while another optimizer is chosen is kept and unused.
    if s.doc.hyper != before && s.doc.hyper.validate().is_ok() {
        s.restart_all();
    } else if s.doc.hyper.validate().is_err() {
        s.doc.hyper = before;
    }
    if ui
        .checkbox(
            &mut s.doc.compare,
            "compare optimizers (one path each per click)",
        )
        .changed()
        && s.doc.compare
    {
        s.set_sweep(false);
    }
    super::panel::sweep(ui, s);
    if s.doc.compare {
        ui.horizontal_wrapped(|ui| {
            for (i, o) in Optimizer::ALL.iter().enumerate() {
                ui.checkbox(&mut s.doc.compare_set[i], o.name());
            }
        });
    }
}

/// The schedule picker: its kind, its settings, and ηₖ/η over the first steps.
fn schedule(ui: &mut Ui, schedule: &mut Schedule) {
    let mut kind = schedule.kind();
    egui::ComboBox::from_label("η schedule")
        .selected_text(format!("{}: {}", schedule.kind(), schedule.formula()))
        .show_ui(ui, |ui| {
            for k in KINDS {
                let s = Schedule::default_of(k);
                ui.selectable_value(&mut kind, k, format!("{k}: {}", s.formula()));
            }
        });
    if kind != schedule.kind() {
        *schedule = Schedule::default_of(kind);
    }
    match schedule {
        Schedule::Const => return,
        Schedule::Exp { gamma } => {
            ui.add(egui::Slider::new(gamma, 0.5..=1.1).text("G per step"));
        }
        Schedule::Step { every, gamma } => {
            ui.add(egui::Slider::new(every, 1..=200).text("every N steps"));
            ui.add(egui::Slider::new(gamma, 0.05..=1.0).text("× G"));
        }
        Schedule::Inv { decay } => {
            ui.add(
                egui::Slider::new(decay, 0.0..=2.0)
                    .logarithmic(true)
                    .text("decay D"),
            );
        }
        Schedule::Cosine { steps } => {
            ui.add(egui::Slider::new(steps, 1..=1000).text("over N steps"));
        }
    }
    let shown = match *schedule {
        Schedule::Step { every, .. } => 4 * every as usize,
        Schedule::Cosine { steps } => steps as usize + steps as usize / 4,
        _ => 200,
    }
    .clamp(10, 2000);
    let points: Vec<[f64; 2]> = (0..=shown)
        .map(|k| [k as f64, schedule.lr(1.0, k)])
        .collect();
    Plot::new("gradfield-schedule-plot")
        .height(70.0)
        .min_size(egui::Vec2::splat(64.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label("step k")
        .y_axis_label("ηₖ/η")
        .show(ui, |p| {
            p.line(Line::new("η_k / η", points).width(2.0));
        });
}

//! Named functions for demos and lessons, each with a view, a learning rate that works with
//! plain gradient descent, a colour scale and a start point.

use crate::error::{Error, Result};

/// A ready-made function with the settings that show it well.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preset {
    /// Lowercase name with hyphens, as typed on the command line (`elongated-bowl`).
    pub name: &'static str,
    /// A short human title.
    pub title: &'static str,
    /// The function, in the expression language (a data preset's: its model's term).
    pub expr: &'static str,
    /// The view: x0, x1, y0, y1.
    pub view: [f64; 4],
    /// A learning rate with which plain gradient descent from `start` does not diverge.
    pub lr: f64,
    /// Whether the heatmap reads better with a logarithmic colour scale.
    pub log_scale: bool,
    /// Where the demo's descent path starts.
    pub start: [f64; 2],
    /// How many descent steps the demo runs.
    pub steps: u32,
    /// What the first picture shows, for the subtitle (empty: nothing to add).
    pub note: &'static str,
    /// Whether the explorer stops the path at `steps` (the first picture is the path itself,
    /// as on the lesson's saddle, whose path would otherwise run on out of the view); without
    /// it the explorer runs at least its default step limit.
    pub stop_at_steps: bool,
    /// A data loss's bundled data: the function is then the loss of this model fitted to
    /// them, and `expr` is the model's term.
    pub data: Option<PresetData>,
}

/// The data a preset fits: CSV text compiled in (from `examples/`) and the model's name.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PresetData {
    /// The file's name as messages and titles give it.
    pub file: &'static str,
    /// The CSV text.
    pub csv: &'static str,
    pub model: crate::fit::Model,
}

impl Preset {
    /// Where the preset's data come from (`None` for a preset without data).
    pub fn data_source(&self) -> Option<crate::fit::DataSource> {
        self.data.map(|d| crate::fit::DataSource {
            path: None,
            model: d.model,
            columns: None,
        })
    }

    /// The preset's function: `expr` parsed, or the loss of its data.
    pub fn function(&self) -> Result<crate::expr::Function> {
        match self.data {
            None => {
                crate::expr::Function::parse(self.expr).map_err(|e| Error::Input(e.to_string()))
            }
            Some(d) => Ok(crate::fit::from_text(d.csv, d.file, d.model, None)?.0),
        }
    }
}

/// Mean squared error of the line y ≈ w·x + b on the points (0, 1), (1, 2.9), (2, 5.2),
/// (3, 6.8), (4, 9.1).
const MSE: &str = "f(w, b) = ((w*0 + b - 1)^2 + (w*1 + b - 2.9)^2 + (w*2 + b - 5.2)^2 \
                   + (w*3 + b - 6.8)^2 + (w*4 + b - 9.1)^2) / 5";

/// Mean logistic loss of p = sigmoid(w·x + b) on x = −2, −1, −0.5, 0.5, 1, 2 with labels
/// 0, 0, 1, 0, 1, 1 (not separable, so the minimum is finite): softplus(−z) for label 1,
/// softplus(z) for label 0.
const LOGISTIC: &str = "f(w, b) = (softplus(w*(-2) + b) + softplus(w*(-1) + b) \
                        + softplus(-(w*(-0.5) + b)) + softplus(w*0.5 + b) \
                        + softplus(-(w*1 + b)) + softplus(-(w*2 + b))) / 6";

static PRESETS: [Preset; 14] = [
    Preset {
        name: "bowl",
        title: "Round bowl",
        expr: "x^2 + y^2",
        view: [-3.0, 3.0, -3.0, 3.0],
        lr: 0.1,
        log_scale: false,
        start: [2.5, 2.0],
        steps: 50,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "elongated-bowl",
        title: "Elongated bowl (gradient descent zig-zags)",
        expr: "x^2 + 10*y^2",
        view: [-3.0, 3.0, -2.0, 2.0],
        lr: 0.09,
        log_scale: false,
        start: [-2.5, 1.5],
        steps: 100,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "saddle",
        title: "Saddle",
        expr: "x^2 - y^2",
        view: [-2.0, 2.0, -2.0, 2.0],
        lr: 0.05,
        log_scale: false,
        start: [1.5, 0.05],
        steps: 30,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "lesson",
        title: "The lesson's example, a saddle",
        expr: "x^2 + 3*x*y + y^2",
        view: [-4.0, 4.0, -4.0, 4.0],
        lr: 0.05,
        log_scale: false,
        start: [3.0, 2.8],
        steps: 72,
        note: "a saddle: down along y = x to (0, 0), then away along y = −x",
        stop_at_steps: true,
        data: None,
    },
    Preset {
        name: "rosenbrock",
        title: "Rosenbrock's banana valley",
        expr: "(1 - x)^2 + 100*(y - x^2)^2",
        view: [-2.0, 2.0, -1.0, 3.0],
        lr: 0.001,
        log_scale: true,
        start: [-1.5, 2.0],
        steps: 3000,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "himmelblau",
        title: "Himmelblau (four minima)",
        expr: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        view: [-5.0, 5.0, -5.0, 5.0],
        lr: 0.01,
        log_scale: false,
        start: [0.0, 0.0],
        steps: 200,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "beale",
        title: "Beale",
        expr: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2",
        view: [-4.5, 4.5, -4.5, 4.5],
        lr: 0.001,
        log_scale: true,
        start: [1.0, 1.5],
        steps: 1000,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "booth",
        title: "Booth",
        expr: "(x + 2*y - 7)^2 + (2*x + y - 5)^2",
        view: [-10.0, 10.0, -10.0, 10.0],
        lr: 0.05,
        log_scale: false,
        start: [-6.0, -4.0],
        steps: 100,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "egg-crate",
        title: "Egg crate (many local minima)",
        expr: "x^2 + y^2 + 25*(sin(x)^2 + sin(y)^2)",
        view: [-5.0, 5.0, -5.0, 5.0],
        lr: 0.01,
        log_scale: false,
        start: [4.0, 3.5],
        steps: 200,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "bumps",
        title: "Bumps and pits (several local minima)",
        expr: "3*(1 - x)^2*exp(-x^2 - (y + 1)^2) - 10*(x/5 - x^3 - y^5)*exp(-x^2 - y^2) \
               - exp(-(x + 1)^2 - y^2)/3",
        view: [-3.0, 3.0, -3.0, 3.0],
        lr: 0.02,
        log_scale: false,
        start: [-0.3, 1.2],
        steps: 300,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "mse",
        title: "Mean squared error of a line fit, in (w, b)",
        expr: MSE,
        view: [-1.0, 5.0, -3.0, 4.0],
        lr: 0.05,
        log_scale: true,
        start: [-0.5, 3.0],
        steps: 300,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "logistic",
        title: "Logistic-regression loss, in (w, b)",
        expr: LOGISTIC,
        view: [-2.0, 6.0, -4.0, 4.0],
        lr: 0.5,
        log_scale: false,
        start: [-1.0, 3.0],
        steps: 300,
        note: "",
        stop_at_steps: false,
        data: None,
    },
    Preset {
        name: "fit-line",
        title: "Fitting a line to 40 noisy points (mean squared error)",
        expr: crate::fit::Model::Linear.term(),
        view: [-1.0, 5.0, -3.0, 5.0],
        lr: 0.05,
        log_scale: true,
        start: [-0.5, 4.0],
        steps: 300,
        note: "",
        stop_at_steps: false,
        data: Some(PresetData {
            file: "line.csv",
            csv: include_str!("../examples/line.csv"),
            model: crate::fit::Model::Linear,
        }),
    },
    Preset {
        name: "fit-classes",
        title: "Logistic regression on two overlapping classes (cross-entropy)",
        expr: crate::fit::Model::Logistic.term(),
        view: [-1.0, 6.0, -10.0, 3.0],
        lr: 0.5,
        log_scale: false,
        start: [0.0, 2.0],
        steps: 400,
        note: "",
        stop_at_steps: false,
        data: Some(PresetData {
            file: "classes.csv",
            csv: include_str!("../examples/classes.csv"),
            model: crate::fit::Model::Logistic,
        }),
    },
];

/// Every preset, in the order the help text lists them.
pub fn all() -> &'static [Preset] {
    &PRESETS
}

/// The preset called `name`; an unknown name is an [`Error::Input`] that lists the names
/// and suggests the closest one.
pub fn find(name: &str) -> Result<&'static Preset> {
    let wanted = name.trim().to_lowercase();
    if let Some(p) = PRESETS.iter().find(|p| p.name == wanted) {
        return Ok(p);
    }
    let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
    let hint = crate::expr::names::suggest(&wanted, names.iter().copied())
        .map(|s| format!(" — did you mean '{s}'?"))
        .unwrap_or_default();
    Err(Error::Input(format!(
        "unknown preset {}{hint} (the presets are: {})",
        crate::numfmt::quote(name),
        names.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_lowercase_with_hyphens() {
        for (i, p) in all().iter().enumerate() {
            assert!(p.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
            assert!(all()[..i].iter().all(|q| q.name != p.name), "{}", p.name);
            assert_eq!(find(p.name).map(|q| q.name).ok(), Some(p.name));
        }
    }

    #[test]
    fn unknown_name_lists_the_presets_and_suggests() {
        let e = find("rosenbrok").expect_err("unknown");
        let text = e.to_string();
        assert!(matches!(e, Error::Input(_)));
        assert!(text.contains("did you mean 'rosenbrock'?"), "{text}");
        assert!(
            text.contains("elongated-bowl") && text.contains("logistic"),
            "{text}"
        );
        assert!(!find("nothing-like-it")
            .expect_err("unknown")
            .to_string()
            .contains("did you mean"));
    }
}

//! The models a data loss fits and their losses, as formulas of one term in the parameters
//! w (horizontal axis) and b (vertical axis) and the data symbols xᵢ, yᵢ.

use crate::error::{Error, Result};

/// A model ŷ(x; w, b) with its loss.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Model {
    /// ŷ = w·x + b, mean squared error: L = (1/n)·Σ(w·xᵢ + b − yᵢ)².
    #[default]
    Linear,
    /// p = σ(w·x + b) for labels yᵢ ∈ {0, 1}, binary cross-entropy:
    /// L = (1/n)·Σ[softplus(w·xᵢ + b) − yᵢ·(w·xᵢ + b)].
    Logistic,
}

impl Model {
    /// Every model, in the order `--help` lists them.
    pub const ALL: [Model; 2] = [Model::Linear, Model::Logistic];

    /// The name typed on the command line and in scenes.
    pub fn name(self) -> &'static str {
        match self {
            Model::Linear => "linear",
            Model::Logistic => "logistic",
        }
    }

    /// The loss's short name.
    pub fn loss_name(self) -> &'static str {
        match self {
            Model::Linear => "mean squared error",
            Model::Logistic => "binary cross-entropy",
        }
    }

    /// The model by name; Err lists the names.
    pub fn parse(name: &str) -> Result<Model> {
        Model::ALL
            .into_iter()
            .find(|m| m.name() == name.trim())
            .ok_or_else(|| {
                Error::Input(format!(
                    "unknown model {} (the models are linear, logistic)",
                    crate::numfmt::quote(name)
                ))
            })
    }

    /// One term of the loss in gradfield's syntax (the data symbols are `x_i`, `y_i`).
    pub const fn term(self) -> &'static str {
        match self {
            Model::Linear => "f(w, b) = (w*x_i + b - y_i)^2",
            Model::Logistic => "f(w, b) = softplus(w*x_i + b) - y_i*(w*x_i + b)",
        }
    }

    /// The loss as people read it, for titles and the data panel.
    pub fn formula(self) -> &'static str {
        match self {
            Model::Linear => "L(w, b) = (1/n) Σᵢ (w·xᵢ + b − yᵢ)²",
            Model::Logistic => "L(w, b) = (1/n) Σᵢ [softplus(w·xᵢ + b) − yᵢ·(w·xᵢ + b)]",
        }
    }

    /// The model's prediction at x: w·x + b, or the probability σ(w·x + b) of label 1.
    pub fn predict(self, w: f64, b: f64, x: f64) -> f64 {
        let z = w * x + b;
        match self {
            Model::Linear => z,
            Model::Logistic => 1.0 / (1.0 + (-z).exp()),
        }
    }

    /// Whether the heatmap reads better on a logarithmic scale: the squared error's valley
    /// spans decades, the cross-entropy's grows only linearly away from it.
    pub fn log_scale(self) -> bool {
        self == Model::Linear
    }

    /// Whether the second column must hold labels 0 and 1 only.
    pub fn labels(self) -> bool {
        self == Model::Logistic
    }
}

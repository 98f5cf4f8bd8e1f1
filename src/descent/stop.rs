//! Why a path stopped without running away: the step could not be taken (Newton's Hessian
//! singular or undefined, no decrease along the line search's direction, Newton asked for in
//! all variables). Each reason has a short label for a path's tag and a full sentence.

use std::fmt;

/// A step that could not be taken.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Stop {
    /// |det ∇²f| below [`super::newton::SINGULAR_DET`] (its value kept).
    SingularHessian { det: f64 },
    /// ∇²f undefined or not finite at the iterate.
    HessianUndefined { at: [f64; 2] },
    /// The line search halved the step [`super::line_search::MAX_HALVINGS`] times without
    /// Armijo's condition holding.
    NoDecrease,
    /// Newton's method in all variables (`FullPath`), which has no Hessian in every variable.
    NotOnPlane,
}

impl Stop {
    /// The short label: "singular Hessian", "line search found no decrease", ….
    pub fn short(&self) -> &'static str {
        match self {
            Stop::SingularHessian { .. } => "singular Hessian",
            Stop::HessianUndefined { .. } => "∇²f undefined there",
            Stop::NoDecrease => "line search found no decrease",
            Stop::NotOnPlane => "Newton's method runs on the plane only",
        }
    }
}

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stop::SingularHessian { det } => write!(
                f,
                "singular Hessian (|det ∇²f| = {} < 1e-12)",
                crate::numfmt::short(det.abs())
            ),
            Stop::HessianUndefined { at } => {
                write!(f, "∇²f is undefined at ({}, {})", at[0], at[1])
            }
            Stop::NoDecrease => write!(
                f,
                "line search found no decrease along the step in {} halvings",
                super::line_search::MAX_HALVINGS
            ),
            Stop::NotOnPlane => f.write_str(
                "∇²f in every variable is not computed: Newton's method runs on the plane of \
                 the axis variables",
            ),
        }
    }
}

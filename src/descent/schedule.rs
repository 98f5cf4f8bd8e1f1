//! Learning-rate schedules: the step size ηₖ of step k = 0, 1, … from the base rate η.
//!
//! | schedule | ηₖ |
//! |----------|----|
//! | `const` | η |
//! | `exp:G` | η·Gᵏ |
//! | `step:N:G` | η·G^⌊k/N⌋ |
//! | `inv:D` | η/(1 + D·k) |
//! | `cosine:N` | η·(1 + cos(π·min(k, N)/N))/2 |

use crate::error::{Error, Result};
use std::fmt;

/// How the learning rate changes from step to step.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Schedule {
    /// ηₖ = η, every step (the default).
    #[default]
    Const,
    /// ηₖ = η·Gᵏ (G > 0).
    Exp { gamma: f64 },
    /// ηₖ = η·G^⌊k/N⌋: multiplied by G every N steps (N ≥ 1, G > 0).
    Step { every: u32, gamma: f64 },
    /// ηₖ = η/(1 + D·k) (D ≥ 0).
    Inv { decay: f64 },
    /// ηₖ = η·(1 + cos(π·min(k, N)/N))/2: from η down to 0 over N steps, then 0 (N ≥ 1).
    Cosine { steps: u32 },
}

/// The schedules' kinds, in the order the explorer's picker shows them.
pub const KINDS: [&str; 5] = ["const", "exp", "step", "inv", "cosine"];

impl Schedule {
    /// ηₖ for base rate `base`.
    pub fn lr(&self, base: f64, k: usize) -> f64 {
        let k = k as f64;
        match *self {
            Schedule::Const => base,
            Schedule::Exp { gamma } => base * gamma.powf(k),
            Schedule::Step { every, gamma } => base * gamma.powf((k / f64::from(every)).floor()),
            Schedule::Inv { decay } => base / (1.0 + decay * k),
            Schedule::Cosine { steps } => {
                let n = f64::from(steps);
                base * 0.5 * (1.0 + (std::f64::consts::PI * k.min(n) / n).cos())
            }
        }
    }

    /// The kind's name (`const`, `exp`, …): an entry of [`KINDS`].
    pub fn kind(&self) -> &'static str {
        match self {
            Schedule::Const => "const",
            Schedule::Exp { .. } => "exp",
            Schedule::Step { .. } => "step",
            Schedule::Inv { .. } => "inv",
            Schedule::Cosine { .. } => "cosine",
        }
    }

    /// The schedule of kind `kind` with its usual settings (what the explorer's picker
    /// switches to): exp:0.99, step:20:0.5, inv:0.1, cosine:100.
    pub fn default_of(kind: &str) -> Schedule {
        match kind {
            "exp" => Schedule::Exp { gamma: 0.99 },
            "step" => Schedule::Step {
                every: 20,
                gamma: 0.5,
            },
            "inv" => Schedule::Inv { decay: 0.1 },
            "cosine" => Schedule::Cosine { steps: 100 },
            _ => Schedule::Const,
        }
    }

    /// The formula for people: "η·0.99ᵏ", "η/(1 + 0.1·k)".
    pub fn formula(&self) -> String {
        let n = crate::numfmt::echo;
        match *self {
            Schedule::Const => "η".into(),
            Schedule::Exp { gamma } => format!("η·{}^k", n(gamma)),
            Schedule::Step { every, gamma } => format!("η·{}^⌊k/{every}⌋", n(gamma)),
            Schedule::Inv { decay } => format!("η/(1 + {}·k)", n(decay)),
            Schedule::Cosine { steps } => format!("η·(1 + cos(π·min(k, {steps})/{steps}))/2"),
        }
    }

    /// Checks the settings; the error says which is wrong and why.
    pub fn validate(&self) -> Result<()> {
        match self.problem() {
            Some(why) => Err(Error::Input(format!(
                "schedule {}: {why}",
                crate::numfmt::quote(&self.to_string())
            ))),
            None => Ok(()),
        }
    }

    /// What is wrong with the settings, if anything.
    fn problem(&self) -> Option<String> {
        let positive = |g: f64| g.is_finite() && g > 0.0;
        match *self {
            Schedule::Exp { gamma } | Schedule::Step { gamma, .. } if !positive(gamma) => {
                Some(format!(
                    "G must be a finite number > 0, got {}",
                    crate::numfmt::echo(gamma)
                ))
            }
            Schedule::Step { every: 0, .. } | Schedule::Cosine { steps: 0 } => {
                Some("N must be at least 1".into())
            }
            Schedule::Inv { decay } if !(decay.is_finite() && decay >= 0.0) => Some(format!(
                "D must be a finite number ≥ 0, got {}",
                crate::numfmt::echo(decay)
            )),
            _ => None,
        }
    }
}

impl fmt::Display for Schedule {
    /// The text [`Schedule::from_str`](std::str::FromStr) reads back: `exp:0.99`, `step:20:0.5`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Schedule::Const => write!(f, "const"),
            Schedule::Exp { gamma } => write!(f, "exp:{gamma}"),
            Schedule::Step { every, gamma } => write!(f, "step:{every}:{gamma}"),
            Schedule::Inv { decay } => write!(f, "inv:{decay}"),
            Schedule::Cosine { steps } => write!(f, "cosine:{steps}"),
        }
    }
}

impl std::str::FromStr for Schedule {
    type Err = Error;

    /// `const`, `exp:G`, `step:N:G`, `inv:D` or `cosine:N` (case and spaces ignored), with
    /// the ranges of [`Schedule::validate`].
    fn from_str(text: &str) -> Result<Schedule> {
        let lower = text.trim().to_ascii_lowercase();
        let parts: Vec<&str> = lower.split(':').map(str::trim).collect();
        let usage = "expected const, exp:G, step:N:G, inv:D or cosine:N";
        let bad = |why: String| {
            Error::Input(format!(
                "schedule {}: {why}",
                crate::numfmt::quote(text.trim())
            ))
        };
        let real = |s: &str, name: &str| {
            s.parse::<f64>().map_err(|_| {
                bad(format!(
                    "{name} must be a number, got {}",
                    crate::numfmt::quote(s)
                ))
            })
        };
        let count = |s: &str| {
            s.parse::<u32>().map_err(|_| {
                bad(format!(
                    "N must be a whole number of steps ≥ 1, got {}",
                    crate::numfmt::quote(s)
                ))
            })
        };
        let schedule = match parts.as_slice() {
            ["const"] => Schedule::Const,
            ["exp", g] => Schedule::Exp {
                gamma: real(g, "G")?,
            },
            ["step", n, g] => Schedule::Step {
                every: count(n)?,
                gamma: real(g, "G")?,
            },
            ["inv", d] => Schedule::Inv {
                decay: real(d, "D")?,
            },
            ["cosine", n] => Schedule::Cosine { steps: count(n)? },
            _ => return Err(bad(usage.into())),
        };
        match schedule.problem() {
            Some(why) => Err(bad(why)),
            None => Ok(schedule),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Schedule;

    #[test]
    fn text_reads_back_to_the_same_schedule() {
        for s in ["const", "exp:0.99", "step:20:0.5", "inv:0.1", "cosine:100"] {
            let parsed: Schedule = s.parse().unwrap();
            assert_eq!(parsed.to_string(), s);
            assert_eq!(Schedule::default_of(parsed.kind()), parsed);
        }
        assert_eq!(
            " EXP : 2 ".parse::<Schedule>().unwrap(),
            Schedule::Exp { gamma: 2.0 }
        );
    }

    #[test]
    fn bad_settings_say_what_is_wrong() {
        for (text, why) in [
            ("exp:0", "G must be"),
            ("exp:-1", "G must be"),
            ("step:0:0.5", "N must be at least 1"),
            ("step:2.5:0.5", "whole number"),
            ("inv:-0.1", "D must be"),
            ("cosine:0", "N must be at least 1"),
            ("cosine", "expected const"),
            ("linear:3", "expected const"),
            ("exp:fast", "G must be a number"),
            ("exp:inf", "G must be a finite"),
        ] {
            let err = text.parse::<Schedule>().unwrap_err().to_string();
            assert!(err.contains(why), "{text}: {err}");
        }
    }
}

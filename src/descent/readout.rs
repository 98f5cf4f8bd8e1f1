//! The step read-out: the arithmetic of one descent step written out with its numbers,
//! θₖ₊₁ = θₖ − η·∇f(θₖ) and, for the optimizers with state, the velocity or running averages
//! and the per-coordinate step that moved θ. Text only (display conventions: subscript
//! indices, − for minus, · for products); the explorer paints it.

use super::{Optimizer, Step, StepState};

/// A number as the read-out prints it: about five significant digits without trailing
/// zeros, − for minus ("−0.5", "2", "1.25e−7").
pub fn number(v: f64) -> String {
    let text = crate::numfmt::short(v);
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, format!("e{e}")),
        None => (text.as_str(), String::new()),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa.trim_end_matches('0').trim_end_matches('.')
    } else {
        mantissa
    };
    format!("{mantissa}{exponent}").replace('-', "−")
}

/// A vector as the read-out prints it: "(1.2, −0.5)".
pub fn pair(v: [f64; 2]) -> String {
    format!("({}, {})", number(v[0]), number(v[1]))
}

/// `n` in subscript digits ("₁₂").
pub fn subscript(n: usize) -> String {
    digits(n, ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'])
}

/// `n` in superscript digits ("¹²").
pub fn superscript(n: usize) -> String {
    digits(n, ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'])
}

fn digits(n: usize, glyphs: [char; 10]) -> String {
    n.to_string()
        .chars()
        .map(|c| glyphs[c.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// The lines of the read-out for `step` of an `optimizer` path: θₖ, ∇f(θₖ), η, the state
/// the optimizer kept, and θₖ₊₁ = θₖ − … with the numbers filled in, ending with θₖ₊₁ (the
/// path's next iterate, printed with [`pair`]) and how f changed.
pub fn lines(step: &Step, optimizer: Optimizer) -> Vec<String> {
    let (k, t) = (subscript(step.k), subscript(step.k + 1));
    let th = format!("θ{k}");
    let grad = format!("∇f({th})");
    let sign = if step.ascent { "+" } else { "−" };
    let mut out = vec![
        format!(
            "{}, step {} → {}{}",
            optimizer.label(),
            step.k,
            step.k + 1,
            if step.ascent { " (ascent)" } else { "" }
        ),
        format!("{th} = {}", pair(step.theta)),
        format!("{grad} = {}", pair(step.grad)),
    ];
    let eta = number(step.lr);
    if let Some(n) = step.halvings {
        out.push(format!(
            "line search (Armijo): η halved {n} time{} to {eta}",
            if n == 1 { "" } else { "s" }
        ));
    }
    // The update written with names, then with numbers: (rule, factor, vector).
    let (rule, factor, vector) = match step.state {
        StepState::Plain => {
            out.push(format!("η = {eta}"));
            (format!("η·{grad}"), eta.clone(), step.grad)
        }
        StepState::Newton { hessian, direction } => {
            let [a, b, c] = hessian.map(number);
            out.push(format!("η = {eta}   ∇²f({th}) = [[{a}, {b}], [{b}, {c}]]"));
            out.push(format!(
                "Newton direction d = −∇²f⁻¹·{grad} = {}",
                pair(direction)
            ));
            // θ moves by +η·d whether it descends or climbs.
            let pad = " ".repeat(th.chars().count() + 2);
            out.push(format!("θ{t} = {th} + η·d"));
            out.push(format!(
                "{pad}= {} + {eta}·{}",
                pair(step.theta),
                pair(direction)
            ));
            out.push(format!("{pad}= {}", pair(step.next)));
            out.push(format!(
                "f({th}) = {}   f(θ{t}) = {}",
                number(step.f),
                number(step.next_f)
            ));
            return out;
        }
        StepState::Momentum { mu, velocity } => {
            out.push(format!("η = {eta}   μ = {}", number(mu)));
            out.push(format!(
                "velocity b{t} = μ·b{k} + {grad} = {}",
                pair(velocity)
            ));
            (format!("η·b{t}"), eta.clone(), velocity)
        }
        StepState::Nesterov {
            mu,
            velocity,
            direction,
        } => {
            out.push(format!("η = {eta}   μ = {}", number(mu)));
            out.push(format!(
                "velocity b{t} = μ·b{k} + {grad} = {}",
                pair(velocity)
            ));
            out.push(format!("{grad} + μ·b{t} = {}", pair(direction)));
            (format!("η·({grad} + μ·b{t})"), eta.clone(), direction)
        }
        StepState::AdaGrad { sum_sq, eps, scale } => {
            out.push(format!("η = {eta}   ε = {}", number(eps)));
            out.push(format!("s{t} = s{k} + {grad}² = {}", pair(sum_sq)));
            out.push(format!(
                "step per coordinate η/(√s{t} + ε) = {}",
                pair(scale)
            ));
            (format!("η/(√s{t} + ε)·{grad}"), pair(scale), step.grad)
        }
        StepState::RmsProp {
            alpha,
            mean_sq,
            eps,
            scale,
        } => {
            out.push(format!(
                "η = {eta}   α = {}   ε = {}",
                number(alpha),
                number(eps)
            ));
            out.push(format!(
                "v{t} = α·v{k} + (1 − α)·{grad}² = {}",
                pair(mean_sq)
            ));
            out.push(format!(
                "step per coordinate η/(√v{t} + ε) = {}",
                pair(scale)
            ));
            (format!("η/(√v{t} + ε)·{grad}"), pair(scale), step.grad)
        }
        StepState::Adam {
            beta,
            m,
            v,
            m_hat,
            v_hat,
            eps,
            scale,
        } => {
            let p = superscript(step.k + 1);
            out.push(format!(
                "η = {eta}   β₁ = {}   β₂ = {}   ε = {}",
                number(beta.0),
                number(beta.1),
                number(eps)
            ));
            out.push(format!("m{t} = β₁·m{k} + (1 − β₁)·{grad} = {}", pair(m)));
            out.push(format!("v{t} = β₂·v{k} + (1 − β₂)·{grad}² = {}", pair(v)));
            // Bias-corrected moments as capitals: egui cannot put a hat on m or v.
            out.push(format!(
                "M{t} = m{t}/(1 − β₁{p}) = {}   (bias-corrected)",
                pair(m_hat)
            ));
            out.push(format!("V{t} = v{t}/(1 − β₂{p}) = {}", pair(v_hat)));
            out.push(format!(
                "step per coordinate η/(√V{t} + ε) = {}",
                pair(scale)
            ));
            (format!("η/(√V{t} + ε)·M{t}"), pair(scale), m_hat)
        }
    };
    let pad = " ".repeat(th.chars().count() + 2);
    out.push(format!("θ{t} = {th} {sign} {rule}"));
    out.push(format!(
        "{pad}= {} {sign} {factor}·{}",
        pair(step.theta),
        pair(vector)
    ));
    out.push(format!("{pad}= {}", pair(step.next)));
    out.push(format!(
        "f({th}) = {}   f(θ{t}) = {}",
        number(step.f),
        number(step.next_f)
    ));
    out
}

/// The read-out of a path before its first step: where it starts and the gradient there.
pub fn start_lines(optimizer: Optimizer, theta: [f64; 2], grad: [f64; 2]) -> Vec<String> {
    vec![
        format!("{}, no step yet", optimizer.label()),
        format!("θ₀ = {}", pair(theta)),
        format!("∇f(θ₀) = {}", pair(grad)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_are_written_as_sub_and_superscripts() {
        assert_eq!(subscript(0), "₀");
        assert_eq!(subscript(120), "₁₂₀");
        assert_eq!(superscript(13), "¹³");
    }

    #[test]
    fn negative_numbers_print_with_a_minus_sign() {
        assert_eq!(pair([-0.5, 2.0]), "(−0.5, 2)");
        assert_eq!(number(-1.5e-7), "−1.5e−7");
        assert_eq!(number(120.0), "120");
        assert_eq!(number(0.0), "0");
    }
}

//! The typeset form of a formula as plain data: runs of text, each on the line, raised (an
//! exponent, `e` with `x + y` raised) or lowered (a subscript in a name, x₀), with Greek
//! letters for variable names that spell one (theta → θ). `expr::display` writes it beside
//! the display form; `render::typeset` turns it into an egui layout. No egui here.

/// Where a run sits: `level` exponents up (0 on the line), lowered when `sub`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Script {
    /// How many exponents deep: 0 on the line, 1 an exponent, 2 an exponent's exponent.
    pub level: u8,
    /// A subscript (the `0` of x₀), lowered from `level`.
    pub sub: bool,
}

impl Script {
    /// On the line.
    pub const LINE: Script = Script {
        level: 0,
        sub: false,
    };
}

/// One run of a typeset formula: text drawn at one size and height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// What is drawn.
    pub text: String,
    /// Where it sits.
    pub script: Script,
}

/// Runs of a typeset formula, joined so that no two neighbours have the same [`Script`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Runs(pub Vec<Run>);

impl Runs {
    /// `text` on the line.
    pub fn line(text: &str) -> Runs {
        let mut r = Runs::default();
        r.push(text, Script::LINE);
        r
    }

    /// Appends `text` at `script`, joining it to the last run when that sits the same.
    pub fn push(&mut self, text: &str, script: Script) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.script == script => last.text.push_str(text),
            _ => self.0.push(Run {
                text: text.to_owned(),
                script,
            }),
        }
    }

    /// `inner` between `before` and `after` (on the line): `(`, the runs, `)`.
    pub fn around(before: &str, inner: Runs, after: &str) -> Runs {
        let mut r = Runs::line(before);
        r.extend(inner);
        r.push(after, Script::LINE);
        r
    }

    /// All of `parts`, in order.
    pub fn concat(parts: impl IntoIterator<Item = Runs>) -> Runs {
        let mut out = Runs::default();
        for p in parts {
            out.extend(p);
        }
        out
    }

    /// Appends every run of `other`.
    pub fn extend(&mut self, other: Runs) {
        for r in other.0 {
            self.push(&r.text, r.script);
        }
    }

    /// The same runs one exponent up.
    pub fn raised(self) -> Runs {
        let mut out = Runs::default();
        for mut r in self.0 {
            r.script.level += 1;
            out.push(&r.text, r.script);
        }
        out
    }

    /// The drawn text, every run at its place in reading order.
    pub fn text(&self) -> String {
        self.0.iter().map(|r| r.text.as_str()).collect()
    }

    /// The runs as text gradfield's parser reads: an exponent as `^(…)` (`^x` for one
    /// letter or number), a subscript joined to its name (x₀ as `x0`) and Greek letters by
    /// their names. It reads back to the same function when the variables are named by
    /// letters alone or by a Greek name.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        let mut depth = 0u8;
        for r in &self.0 {
            let level = r.script.level;
            while depth > level {
                out.push(')');
                depth -= 1;
            }
            while depth < level {
                out.push_str("^(");
                depth += 1;
            }
            for c in r.text.chars() {
                match greek_name(c) {
                    Some(name) => out.push_str(name),
                    None => out.push(c),
                }
            }
        }
        out.extend(std::iter::repeat_n(')', depth.into()));
        out.replace('−', "-").replace('·', "*").replace('√', "sqrt")
    }
}

/// Greek letters by the names people type: lower case, and the capitals that do not look
/// like Latin ones.
const GREEK: [(&str, char); 35] = [
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("epsilon", 'ε'),
    ("zeta", 'ζ'),
    ("eta", 'η'),
    ("theta", 'θ'),
    ("iota", 'ι'),
    ("kappa", 'κ'),
    ("lambda", 'λ'),
    ("mu", 'μ'),
    ("nu", 'ν'),
    ("xi", 'ξ'),
    ("omicron", 'ο'),
    ("rho", 'ρ'),
    ("sigma", 'σ'),
    ("tau", 'τ'),
    ("upsilon", 'υ'),
    ("phi", 'φ'),
    ("chi", 'χ'),
    ("psi", 'ψ'),
    ("omega", 'ω'),
    ("varphi", 'ϕ'),
    ("vartheta", 'ϑ'),
    ("Gamma", 'Γ'),
    ("Delta", 'Δ'),
    ("Theta", 'Θ'),
    ("Lambda", 'Λ'),
    ("Xi", 'Ξ'),
    ("Pi", 'Π'),
    ("Sigma", 'Σ'),
    ("Phi", 'Φ'),
    ("Psi", 'Ψ'),
    ("Omega", 'Ω'),
];

/// The name of a Greek letter typed as a symbol (α → alpha).
pub(crate) fn greek_name(c: char) -> Option<&'static str> {
    GREEK.iter().find(|g| g.1 == c).map(|g| g.0)
}

/// The name as written in the table when `word` spells a Greek letter (alpha, Lambda).
pub(crate) fn greek_word(word: &str) -> Option<&'static str> {
    GREEK.iter().find(|g| g.0 == word).map(|g| g.0)
}

/// Every Greek letter's name, for splitting runs of letters.
pub(crate) fn greek_words() -> impl Iterator<Item = &'static str> {
    GREEK.iter().map(|g| g.0)
}

/// A variable's name typeset: a Greek letter for a name that spells one, and a trailing
/// run of digits (or what follows `_`) as a subscript: theta → θ, x0 → x₀, x_1 → x₁,
/// theta12 → θ₁₂.
pub fn name(name: &str, script: Script) -> Runs {
    let (base, sub) = match name.split_once('_') {
        Some((b, s)) if !b.is_empty() && !s.is_empty() => (b, s),
        _ => {
            let cut = name.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            if cut == 0 {
                (name, "")
            } else {
                name.split_at(cut)
            }
        }
    };
    let mut out = Runs::default();
    let letter = GREEK.iter().find(|g| g.0 == base).map(|g| g.1.to_string());
    out.push(letter.as_deref().unwrap_or(base), script);
    let lowered = Script {
        sub: true,
        ..script
    };
    for part in sub.split('_') {
        out.push(part, lowered);
    }
    out
}

/// A number as typeset: `1e-9` as 10 with −9 raised, `2.5e20` as 2.5·10 with 20 raised;
/// anything else as written.
pub fn number(text: &str) -> Runs {
    let scientific = text.starts_with(|c: char| c.is_ascii_digit());
    let Some((mantissa, exp)) = text.split_once('e').filter(|_| scientific) else {
        return Runs::line(text);
    };
    let mut out = Runs::default();
    if mantissa != "1" {
        out.push(mantissa, Script::LINE);
        out.push("·", Script::LINE);
    }
    out.push("10", Script::LINE);
    let exp = exp.trim_start_matches('+').replace('-', "−");
    out.extend(Runs::line(&exp).raised());
    out
}

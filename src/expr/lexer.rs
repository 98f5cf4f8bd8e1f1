//! Text → tokens, with 1-based character columns. Pasted Unicode (− · × ² ³ π √) is read
//! here; identifiers stay unresolved runs of letters until the parser knows the variable
//! names (see `names`). Whitespace is anything Unicode calls whitespace, so a pasted
//! non-breaking space separates tokens like a plain space; look-alike letters and invisible
//! characters are refused with a message from `lookalike`.

use super::error::ParseError;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    /// A numeric literal, already checked to fit a 32-bit float.
    Num(f64),
    /// A run of letters (possibly with digits, when they end a known name such as `log10`).
    Ident(String),
    Plus,
    Minus,
    Star,
    Slash,
    /// `^` or `**`.
    Caret,
    /// A superscript exponent such as `²` (value 2).
    Sup(f64),
    LParen,
    RParen,
    Comma,
    Eq,
}

/// A token with its position: 1-based column (in characters) and width.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub column: usize,
    pub width: usize,
}

impl Token {
    /// How the token reads in an error message.
    pub(crate) fn describe(&self) -> String {
        match &self.tok {
            Tok::Num(v) => format!("{v}"),
            Tok::Ident(s) => s.clone(),
            Tok::Plus => "+".into(),
            Tok::Minus => "-".into(),
            Tok::Star => "*".into(),
            Tok::Slash => "/".into(),
            Tok::Caret if self.width == 2 => "**".into(),
            Tok::Caret => "^".into(),
            Tok::Sup(v) => format!("{v}")
                .chars()
                .map(|d| {
                    let i = d.to_digit(10).unwrap_or(0) as usize;
                    ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][i]
                })
                .collect(),
            Tok::LParen => "(".into(),
            Tok::RParen => ")".into(),
            Tok::Comma => ",".into(),
            Tok::Eq => "=".into(),
        }
    }
}

/// Builds a parse error.
pub(crate) fn err(message: impl Into<String>, column: usize, width: usize) -> ParseError {
    ParseError {
        message: message.into(),
        column,
        width: width.max(1),
        help: None,
    }
}

fn superscript(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴' => Some(4),
        '⁵' => Some(5),
        '⁶' => Some(6),
        '⁷' => Some(7),
        '⁸' => Some(8),
        '⁹' => Some(9),
        _ => None,
    }
}

/// The end of a subscript `_1`, `_max` starting at `j` (`j` itself when there is none).
fn subscript(chars: &[char], j: usize) -> usize {
    if chars.get(j) != Some(&'_') || !chars.get(j + 1).is_some_and(char::is_ascii_alphanumeric) {
        return j;
    }
    let mut k = j + 1;
    while chars.get(k).is_some_and(char::is_ascii_alphanumeric) {
        k += 1;
    }
    k
}

/// Splits `text` into tokens. `digit_name(run)` says whether letters followed by digits
/// (`log10`, `atan2`) should be read as one identifier.
pub(crate) fn lex(text: &str, digit_name: impl Fn(&str) -> bool) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let column = i + 1;
        let single = |tok| Token {
            tok,
            column,
            width: 1,
        };
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() || c == '.' {
            let (tok, len) = number(&chars, i)?;
            out.push(Token {
                tok,
                column,
                width: len,
            });
            i += len;
            continue;
        }
        if c.is_ascii_alphabetic() {
            let mut j = i;
            while j < chars.len() && chars[j].is_ascii_alphabetic() {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].is_ascii_digit() {
                k += 1;
            }
            // Digits join the name when they end it (`w1`, `x2` read as x·2 later) or spell
            // a function (`log2x`); not before a point or letters (`x2.5`, `x2e3`).
            let ends = !chars
                .get(k)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '_');
            if k > j && (ends || digit_name(&chars[i..k].iter().collect::<String>())) {
                j = k;
            }
            j = subscript(&chars, j);
            out.push(Token {
                tok: Tok::Ident(chars[i..j].iter().collect()),
                column,
                width: j - i,
            });
            i = j;
            continue;
        }
        if let Some(d) = superscript(c) {
            let mut v = f64::from(d);
            let mut j = i + 1;
            while let Some(d) = chars.get(j).and_then(|&c| superscript(c)) {
                v = v * 10.0 + f64::from(d);
                j += 1;
            }
            out.push(Token {
                tok: Tok::Sup(v),
                column,
                width: j - i,
            });
            i = j;
            continue;
        }
        let greek = super::runs::greek_name(c).filter(|_| super::lookalike::resembles(c).is_none());
        if let Some(word) = greek {
            // α is alpha: one name however it is typed (α_1 is alpha_1). Letters that look
            // like Latin ones (ο, ν, χ, ε) stay refused as look-alikes: type their names.
            let j = subscript(&chars, i + 1);
            let sub: String = chars[i + 1..j].iter().collect();
            out.push(Token {
                tok: Tok::Ident(format!("{word}{sub}")),
                column,
                width: j - i,
            });
            i = j;
            continue;
        }
        let tok = match c {
            '+' => Tok::Plus,
            '-' | '−' | '–' => Tok::Minus,
            '*' if chars.get(i + 1) == Some(&'*') => {
                out.push(Token {
                    tok: Tok::Caret,
                    column,
                    width: 2,
                });
                i += 2;
                continue;
            }
            '*' | '·' | '×' | '⋅' => Tok::Star,
            '/' | '÷' => Tok::Slash,
            '^' => Tok::Caret,
            '(' => Tok::LParen,
            ')' => Tok::RParen,
            ',' => Tok::Comma,
            '=' => Tok::Eq,
            'π' => Tok::Ident("π".into()),
            '√' => Tok::Ident("√".into()),
            _ => {
                let (message, help) = super::lookalike::describe(c);
                let mut e = err(message, column, 1);
                e.help = help;
                return Err(e);
            }
        };
        out.push(single(tok));
        i += 1;
    }
    Ok(out)
}

/// Reads a number starting at `start`: digits with at most one '.', then an optional
/// exponent (`e` or `E`, optional sign, digits). An `e` that starts a run of letters is left
/// for the identifier (`2exp(x)`, `2ex` = 2·e·x); any other `e` after the digits is an
/// exponent and must have digits: `1e`, `1e+` and `2E-` are refused (not read as 1·e).
fn number(chars: &[char], start: usize) -> Result<(Tok, usize), ParseError> {
    let mut j = start;
    let mut dots = 0;
    let mut digits = 0;
    while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == '.') {
        if chars[j] == '.' {
            dots += 1;
        } else {
            digits += 1;
        }
        j += 1;
    }
    let column = start + 1;
    if dots > 1 || digits == 0 {
        let text: String = chars[start..j].iter().collect();
        return Err(err(format!("malformed number '{text}'"), column, j - start));
    }
    if j < chars.len() && (chars[j] == 'e' || chars[j] == 'E') {
        let mut k = j + 1;
        if k < chars.len() && (chars[k] == '+' || chars[k] == '-') {
            k += 1;
        }
        let starts_name = k == j + 1 && chars.get(k).is_some_and(|c| c.is_alphabetic());
        if k < chars.len() && chars[k].is_ascii_digit() {
            while k < chars.len() && chars[k].is_ascii_digit() {
                k += 1;
            }
            j = k;
        } else if !starts_name {
            return Err(empty_exponent(chars, start, j, k));
        }
    }
    let text: String = chars[start..j].iter().collect();
    let width = j - start;
    let value: f64 = text
        .parse()
        .map_err(|_| err(format!("malformed number '{text}'"), column, width))?;
    if value > f64::from(f32::MAX) {
        return Err(err(
            format!("number {text} is too large for 32-bit floats"),
            column,
            width,
        ));
    }
    // The text is nonzero when a mantissa digit is; its value may still have underflowed.
    let nonzero = chars[start..j]
        .iter()
        .take_while(|c| **c != 'e' && **c != 'E')
        .any(|c| ('1'..='9').contains(c));
    let single = value as f32;
    if nonzero && (single == 0.0 || single.is_subnormal()) {
        return Err(err(
            format!("number {text} is too small for 32-bit floats (the smallest is about 1.2e-38)"),
            column,
            width,
        ));
    }
    Ok((Tok::Num(value), width))
}

/// The error for an exponent without digits: `chars[start..j]` is the mantissa and
/// `chars[j..k]` the `e` with its sign.
fn empty_exponent(chars: &[char], start: usize, j: usize, k: usize) -> ParseError {
    let text: String = chars[start..k].iter().collect();
    let mantissa: String = chars[start..j].iter().collect();
    let mut e = err(
        format!("number '{text}' has an exponent with no digits"),
        start + 1,
        k - start,
    );
    e.help = Some(format!(
        "write its digits ({mantissa}e3 = {mantissa}·1000), or {mantissa}*e for {mantissa} times the constant e"
    ));
    e
}

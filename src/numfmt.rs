//! Numbers and echoed input for people to read: the read-out, path labels and summaries, and
//! the bounded quoting every error message uses when it repeats what a person typed.

/// The most characters of a person's input that a message repeats (see [`quote`]).
pub(crate) const QUOTE_CHARS: usize = 60;

/// A number with about five significant digits, scientific when very large or small
/// (`0`, `0.03125`, `12.346`, `1.2346e-7`, `NaN`, `inf`).
pub(crate) fn short(v: f64) -> String {
    if v == 0.0 || !v.is_finite() {
        return format!("{v}");
    }
    let a = v.abs();
    if (1e-3..1e5).contains(&a) {
        let digits = (4 - a.log10().floor() as i32).clamp(0, 8) as usize;
        format!("{v:.digits$}")
    } else {
        format!("{v:.4e}")
    }
}

/// A number as a message repeats it: Rust's shortest form when that is short (`-0.5`, `3`,
/// `0.001`), scientific when it would run long (`1e300`, not 301 digits; `5e-324`).
pub(crate) fn echo(v: f64) -> String {
    let plain = format!("{v}");
    if plain.len() <= 16 {
        plain
    } else {
        format!("{v:e}")
    }
}

/// `text` as a message repeats it: in single quotes, control characters written as escapes
/// (`\n`), and cut to [`QUOTE_CHARS`] characters with an ellipsis and the full length when
/// longer (`'xxxx…' (1000000 characters)`), so that a pasted megabyte gives a short line.
pub(crate) fn quote(text: &str) -> String {
    quote_with(text, '\'')
}

/// [`quote`] between `mark`s (a backtick, say) instead of single quotes.
fn quote_with(text: &str, mark: char) -> String {
    let (shown, n) = shown(text);
    if n > QUOTE_CHARS {
        format!("{mark}{shown}{mark} ({n} characters)")
    } else {
        format!("{mark}{shown}{mark}")
    }
}

/// A key path such as `optimizer.lr` as a message names it: cut like [`quote`], unquoted.
pub(crate) fn clip(text: &str) -> String {
    let (shown, n) = shown(text);
    if n > QUOTE_CHARS {
        format!("{shown} ({n} characters)")
    } else {
        shown
    }
}

/// The first [`QUOTE_CHARS`] characters of `text` as a message shows them (control characters
/// escaped, `…` where it was cut) and how many characters `text` has.
fn shown(text: &str) -> (String, usize) {
    let n = text.chars().count();
    let keep = if n > QUOTE_CHARS { QUOTE_CHARS - 1 } else { n };
    let mut out = String::new();
    for c in text.chars().take(keep) {
        push_visible(&mut out, c);
    }
    if n > QUOTE_CHARS {
        out.push('…');
    }
    (out, n)
}

/// Quoted runs (`'…'`, `"…"` or `` `…` ``) longer than `longest` characters in a finished message,
/// cut as [`quote`] cuts them: the last guard on every error line, for messages that repeat
/// input without going through [`quote`] (clap's own, for one).
pub(crate) fn shorten_quoted(message: &str, longest: usize) -> String {
    let mut out = String::with_capacity(message.len().min(4096));
    let mut rest = message;
    while let Some(open) = rest.find(['\'', '"', '`']) {
        let mark = rest[open..].chars().next().unwrap_or('\'');
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(mark) {
            Some(close) if after[..close].chars().count() > longest => {
                out.push_str(&quote_with(&after[..close], mark));
                rest = &after[close + 1..];
            }
            Some(close) => {
                out.push(mark);
                out.push_str(&after[..close + 1]);
                rest = &after[close + 1..];
            }
            None => {
                out.push(mark);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn push_visible(out: &mut String, c: char) {
    if c.is_control() {
        out.extend(c.escape_debug());
    } else {
        out.push(c);
    }
}

/// A window of at most [`QUOTE_CHARS`] characters of one line of input around the columns
/// `column .. column + width` (1-based, in characters): the shown text (control characters as
/// spaces, `…` where it was cut) and the caret's column and width within it, so that a caret
/// line under the shown text still points at the problem.
pub(crate) fn input_window(input: &str, column: usize, width: usize) -> (String, usize, usize) {
    let chars: Vec<char> = input
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let n = chars.len();
    let width = width.max(1);
    let start0 = column.saturating_sub(1).min(n);
    if n <= QUOTE_CHARS {
        return (chars.iter().collect(), start0 + 1, width);
    }
    // The caret itself shows at most half the window; a few characters before it stay visible.
    let span = width.min(QUOTE_CHARS / 2);
    let mut from = start0.saturating_sub(10);
    let to = if from == 0 {
        QUOTE_CHARS - 1
    } else {
        let to = (from + QUOTE_CHARS - 2).min(n);
        if to == n {
            from = n - (QUOTE_CHARS - 1);
        }
        to
    };
    let mut shown = String::new();
    let mut caret = start0 - from + 1;
    if from > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.extend(&chars[from..to]);
    if to < n {
        shown.push('…');
    }
    let room = shown.chars().count() + 1 - caret;
    (shown, caret, span.min(room.max(1)))
}

/// A slope as the slices panel and the 3D view's tangent labels write it: three decimals
/// ("2.000", "−0.500"), the short form when large, and the minus sign people read.
pub(crate) fn slope(v: f64) -> String {
    let text = if v.abs() < 1e4 {
        format!("{v:.3}")
    } else {
        short(v)
    };
    text.replace('-', "−")
}

#[cfg(test)]
mod tests {
    use super::{clip, echo, input_window, quote, short, shorten_quoted, slope, QUOTE_CHARS};

    #[test]
    fn slopes_have_three_decimals_and_a_real_minus() {
        assert_eq!(slope(2.0), "2.000");
        assert_eq!(slope(-0.5), "−0.500");
        assert_eq!(slope(-123456.0), "−1.2346e5");
    }

    #[test]
    fn echoed_numbers_stay_short() {
        assert_eq!(echo(-0.5), "-0.5");
        assert_eq!(echo(3.0), "3");
        assert_eq!(echo(1e300), "1e300");
        assert_eq!(echo(-1.7976931348623157e308), "-1.7976931348623157e308");
        assert_eq!(echo(5e-324), "5e-324");
        assert_eq!(echo(f64::NAN), "NaN");
    }

    #[test]
    fn quotes_are_bounded_and_on_one_line() {
        assert_eq!(quote("sgdd"), "'sgdd'");
        assert_eq!(quote("a\nb"), "'a\\nb'");
        let long = "k".repeat(1_000_000);
        let q = quote(&long);
        assert!(q.ends_with("…' (1000000 characters)"), "{q}");
        assert!(q.chars().count() < QUOTE_CHARS + 30, "{q}");
        assert_eq!(
            quote(&"é".repeat(QUOTE_CHARS)).chars().count(),
            QUOTE_CHARS + 2
        );
        assert!(clip(&long).starts_with("kkk") && clip(&long).ends_with("… (1000000 characters)"));
        let msg =
            format!("unknown preset '{long}' — did you mean 'bowl'? field `{long}` \"{long}\"");
        let cut = shorten_quoted(&msg, QUOTE_CHARS);
        assert!(cut.chars().count() < 350, "{cut}");
        assert!(cut.contains("— did you mean 'bowl'? field `kkk"), "{cut}");
        let plain = "the preset's view, it's fine: 'x'";
        assert_eq!(shorten_quoted(plain, QUOTE_CHARS), plain);
    }

    #[test]
    fn the_input_window_keeps_the_caret_on_its_character() {
        assert_eq!(input_window("sinn(x)", 1, 4), ("sinn(x)".into(), 1, 4));
        // The bad character at every position of a long input: the caret lands on it.
        let n = 500;
        for col in [1, 2, 30, 59, 60, 61, 250, 480, 499, 500, 501] {
            let input: String = (1..=n).map(|i| if i == col { '#' } else { 'x' }).collect();
            let (shown, caret, width) = input_window(&input, col, 1);
            let chars: Vec<char> = shown.chars().collect();
            assert!(chars.len() <= QUOTE_CHARS, "{col}: {shown}");
            assert_eq!(width, 1);
            if col <= n {
                assert_eq!(chars[caret - 1], '#', "column {col}: {shown} caret {caret}");
            } else {
                assert_eq!(caret, chars.len() + 1, "past the end: {shown}");
            }
        }
    }

    #[test]
    fn every_number_formats_without_panicking() {
        assert_eq!(short(0.0), "0");
        assert_eq!(short(-0.0), "-0");
        assert_eq!(short(0.03125), "0.031250");
        assert_eq!(short(12.3456), "12.346");
        assert_eq!(short(1.23456e-7), "1.2346e-7");
        assert_eq!(short(f64::NAN), "NaN");
        assert_eq!(short(f64::INFINITY), "inf");
        for v in [f64::MIN_POSITIVE, 5e-324, f64::MAX, -1e300, 99999.99] {
            assert!(!short(v).is_empty());
        }
    }
}

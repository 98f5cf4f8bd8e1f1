//! Characters the lexer refuses, described so a person can see what went wrong: Unicode
//! look-alikes of the ASCII letters and operators the language uses (Cyrillic `х`, Greek `ο`,
//! fullwidth `ｘ`, the `∗` operator) are named with the character they resemble, and
//! invisible characters (controls, zero-width spaces) are shown escaped, never raw.

/// Look-alikes that are not fullwidth forms: (character, Unicode name, what it resembles).
const LOOKALIKES: [(char, &str, char); 30] = [
    ('х', "Cyrillic small letter ha", 'x'),
    ('Х', "Cyrillic capital letter ha", 'X'),
    ('у', "Cyrillic small letter u", 'y'),
    ('У', "Cyrillic capital letter u", 'Y'),
    ('е', "Cyrillic small letter ie", 'e'),
    ('о', "Cyrillic small letter o", 'o'),
    ('а', "Cyrillic small letter a", 'a'),
    ('с', "Cyrillic small letter es", 'c'),
    ('р', "Cyrillic small letter er", 'p'),
    ('і', "Cyrillic small letter Byelorussian-Ukrainian i", 'i'),
    ('ѕ', "Cyrillic small letter dze", 's'),
    ('ο', "Greek small letter omicron", 'o'),
    ('Ο', "Greek capital letter omicron", 'O'),
    ('χ', "Greek small letter chi", 'x'),
    ('Χ', "Greek capital letter chi", 'X'),
    ('Υ', "Greek capital letter upsilon", 'Y'),
    ('ι', "Greek small letter iota", 'i'),
    ('ν', "Greek small letter nu", 'v'),
    ('ε', "Greek small letter epsilon", 'e'),
    ('∗', "asterisk operator", '*'),
    ('⁎', "low asterisk", '*'),
    ('∙', "bullet operator", '*'),
    ('∕', "division slash", '/'),
    ('⁄', "fraction slash", '/'),
    ('‐', "hyphen", '-'),
    ('‑', "non-breaking hyphen", '-'),
    ('—', "em dash", '-'),
    ('ˆ', "modifier letter circumflex accent", '^'),
    ('‚', "single low-9 quotation mark", ','),
    ('＝', "fullwidth equals sign", '='),
];

/// Invisible characters that are not whitespace, with their names.
const INVISIBLE: [(char, &str); 5] = [
    ('\u{200B}', "zero-width space"),
    ('\u{200C}', "zero-width non-joiner"),
    ('\u{200D}', "zero-width joiner"),
    ('\u{2060}', "word joiner"),
    ('\u{FEFF}', "zero-width no-break space"),
];

/// How a character appears in a message: quoted as is when it is visible, escaped as
/// `'\u{7}'` when it is a control or an invisible character.
pub(crate) fn quoted(c: char) -> String {
    if c.is_control() || INVISIBLE.iter().any(|&(i, _)| i == c) {
        format!("'\\u{{{:x}}}'", u32::from(c))
    } else {
        format!("'{c}'")
    }
}

/// The ASCII character `c` resembles, with `c`'s name, if it is a known look-alike.
pub(crate) fn resembles(c: char) -> Option<(String, char)> {
    if let Some(&(_, name, ascii)) = LOOKALIKES.iter().find(|&&(l, _, _)| l == c) {
        return Some((name.to_string(), ascii));
    }
    // Fullwidth forms U+FF01..=U+FF5E mirror ASCII '!'..='~'.
    let code = u32::from(c);
    if (0xFF01..=0xFF5E).contains(&code) {
        let ascii = char::from_u32(code - 0xFEE0)?;
        let kind = if ascii.is_ascii_alphabetic() {
            "letter"
        } else if ascii.is_ascii_digit() {
            "digit"
        } else {
            "sign"
        };
        return Some((format!("fullwidth {kind} {ascii}"), ascii));
    }
    None
}

/// The message and help for a character the lexer does not accept.
pub(crate) fn describe(c: char) -> (String, Option<String>) {
    if let Some((name, ascii)) = resembles(c) {
        return (
            format!("'{c}' ({name}) looks like '{ascii}'"),
            Some(format!("retype it as a plain '{ascii}'")),
        );
    }
    if let Some(&(_, name)) = INVISIBLE.iter().find(|&&(i, _)| i == c) {
        return (
            format!("invisible character {} ({name})", quoted(c)),
            Some("delete it; it was probably pasted with the text".into()),
        );
    }
    if c.is_control() {
        return (
            format!("control character {}", quoted(c)),
            Some("delete it; it was probably pasted with the text".into()),
        );
    }
    (format!("unexpected character {}", quoted(c)), None)
}

//! serde's messages for a value of the wrong type or range ("invalid type: string "fast",
//! expected f64") in the words of a scene file's reader ("expected a number, got the text
//! "fast""): no Rust type names in front of a class.

/// `message` with serde's "invalid type/value: X, expected Y" turned into "expected Y', got
/// X'"; any other message unchanged.
pub(super) fn plain(message: &str) -> String {
    let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    else {
        return message.to_string();
    };
    let Some((got, want)) = rest.rsplit_once(", expected ") else {
        return message.to_string();
    };
    format!("expected {}, got {}", wanted(want), unexpected(got))
}

fn wanted(want: &str) -> String {
    match want {
        "f32" | "f64" => "a number".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number, 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "a boolean" => "true or false".into(),
        "a string" => "text in quotes".into(),
        other => other.into(),
    }
}

fn unexpected(got: &str) -> String {
    let ticked = |prefix: &str| {
        got.strip_prefix(prefix)
            .map(|v| v.trim_matches('`').to_string())
    };
    if let Some(v) = ticked("integer ").or_else(|| ticked("floating point ")) {
        return v;
    }
    if let Some(v) = ticked("boolean ") {
        return v;
    }
    if let Some(s) = got.strip_prefix("string ") {
        return format!("the text {s}");
    }
    match got {
        "sequence" => "a list".into(),
        "map" => "a table".into(),
        other => other.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::plain;

    #[test]
    fn serde_type_and_value_errors_read_plainly() {
        for (serde, want) in [
            (
                "invalid type: string \"fast\", expected f64",
                "expected a number, got the text \"fast\"",
            ),
            (
                "invalid value: integer `-5`, expected u64",
                "expected a whole number, 0 or more, got -5",
            ),
            (
                "invalid type: floating point `1.5`, expected u64",
                "expected a whole number, 0 or more, got 1.5",
            ),
            (
                "invalid type: integer `3`, expected a string",
                "expected text in quotes, got 3",
            ),
            (
                "invalid type: sequence, expected a boolean",
                "expected true or false, got a list",
            ),
            (
                "invalid type: map, expected f64",
                "expected a number, got a table",
            ),
            ("unknown field `speed`", "unknown field `speed`"),
        ] {
            assert_eq!(plain(serde), want);
        }
    }
}

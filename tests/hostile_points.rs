//! Hostile points typed for the pin or a path start (the explorer's "pin at" and "start a
//! path at" fields): each refused with its exact one-line reason, never a panic, and the pin
//! and paths left as they were. Before these fields, a point could only be clicked or dragged.

use gradfield::app::ExplorerState;
use gradfield::expr::Function;
use gradfield::teach::parse_point;
use gradfield::View;

/// (typed, the whole message).
fn cases() -> Vec<(String, String)> {
    let table: &[(&str, &str)] = &[
        ("", "point '': give two numbers, x and y (e.g. 2, 1)"),
        ("   ", "point '   ': give two numbers, x and y (e.g. 2, 1)"),
        ("()", "point '()': give two numbers, x and y (e.g. 2, 1)"),
        ("(,)", "point '(,)': give two numbers, x and y (e.g. 2, 1)"),
        ("2", "point '2': give two numbers, x and y, not 1"),
        (
            "2, 1, 3",
            "point '2, 1, 3': give two numbers, x and y, not 3",
        ),
        ("1,,2", "point '1,,2': x and y take one comma between them"),
        ("(2, 1", "point '(2, 1': a '(' without its ')'"),
        ("2, 1)", "point '2, 1)': a ')' without its '('"),
        ("x, 1", "point 'x, 1': 'x' is not a number"),
        (
            "2;1",
            "point '2;1': '2;1' is not a number (give x, y, e.g. 2, 1)",
        ),
        // A full-width digit is not a digit.
        ("１, 2", "point '１, 2': '１' is not a number"),
        (
            "2, NaN",
            "point '2, NaN': 'NaN' must be a finite number within ±1e15",
        ),
        (
            "inf 1",
            "point 'inf 1': 'inf' must be a finite number within ±1e15",
        ),
        (
            "1e16, 0",
            "point '1e16, 0': '1e16' must be a finite number within ±1e15",
        ),
        (
            "2, 1e999",
            "point '2, 1e999': '1e999' must be a finite number within ±1e15",
        ),
        // A control character is escaped in the message, which stays on one line.
        ("2,\u{0}1\n", "point '2,\\01\\n': '\\01' is not a number"),
    ];
    let mut out: Vec<(String, String)> = table
        .iter()
        .map(|&(t, m)| (t.to_string(), m.to_string()))
        .collect();
    // A pasted megabyte: quoted to 60 characters.
    let long = "7".repeat(1_000_000);
    out.push((
        format!("{long} 1"),
        format!("point '{}…' (1000002 characters): '{}…' (1000000 characters) must be a finite number within ±1e15", "7".repeat(59), "7".repeat(59)),
    ));
    out
}

#[test]
fn hostile_points_are_refused_with_exact_one_line_reasons() {
    for (typed, message) in cases() {
        let e = parse_point(&typed).expect_err(&typed);
        let text = e.to_string();
        assert_eq!(text, message, "{typed:?}");
        assert_eq!(text.lines().count(), 1, "{typed:?}: one line");
    }
}

#[test]
fn a_refused_typed_point_leaves_the_pin_and_the_paths_as_they_were() {
    let f = Function::parse("x^2 + y^2").expect("parses");
    let mut s = ExplorerState::new(f, View::new(-3.0, 3.0, -3.0, 3.0).unwrap());
    s.set_canvas(800.0, 600.0);
    assert!(s.type_pin("(1, -0.5)"));
    assert_eq!(s.doc.pin, Some((1.0, -0.5)));
    assert!(s.type_start("2 1"));
    assert_eq!(s.running.paths.len(), 1);
    assert_eq!(s.doc.paths[0].start, (2.0, 1.0));
    for (typed, message) in cases() {
        assert!(!s.type_pin(&typed), "{typed:?}");
        assert!(!s.type_start(&typed), "{typed:?}");
        assert_eq!(s.doc.pin, Some((1.0, -0.5)), "{typed:?}");
        assert_eq!(s.running.paths.len(), 1, "{typed:?}");
        assert_eq!(s.messages.status.as_deref(), Some(message.as_str()));
    }
    assert!(s.type_pin("2, 1"));
    assert_eq!(s.messages.status, None, "a good point clears the reason");
}

//! The help overlay's text, generated from the key table so it always says what the keys do.

use super::input::BINDINGS;

/// Mouse gestures, as the help overlay lists them after the keys.
pub(crate) const MOUSE_HELP: &[(&str, &str)] = &[
    ("click", "start a descent path there"),
    ("drag a start", "move it; the path restarts live"),
    ("drag", "pan"),
    ("wheel", "zoom about the pointer"),
    ("right click", "remove the path there"),
    (
        "shift + click",
        "pin a point: slices, tangent slopes, D_u f",
    ),
    ("drag the pin", "move it; drag its handle to turn u"),
    ("drag the surface", "orbit the camera (3D view)"),
    (
        "middle or Ctrl + drag",
        "pan the camera; the wheel zooms (3D view)",
    ),
    (
        "click the surface",
        "start a path at that point (Shift: pin it)",
    ),
];

/// (keys, what they do) for every line of the help overlay: the key table, then the mouse.
pub fn help_lines() -> Vec<(&'static str, &'static str)> {
    BINDINGS
        .iter()
        .map(|b| (b.label, b.help))
        .chain(MOUSE_HELP.iter().copied())
        .collect()
}

/// The help as plain text, one `keys — what` line each.
pub fn help_text() -> String {
    help_lines()
        .iter()
        .map(|(keys, what)| format!("{keys:<14} {what}\n"))
        .collect()
}

//! The legend of a `render` figure: one entry per path saying what it is (optimizer, η and
//! start), shown with `--legend on`, or by default (`auto`) when a figure has two or more
//! paths.

use crate::document::Document;
use crate::numfmt::echo;
use crate::render::overlay::LegendEntry;
use crate::render::AnimatedPath;

/// The legend entries of `paths` for `--legend WHEN` (`None`: auto).
pub(super) fn entries(
    paths: &[AnimatedPath],
    doc: &Document,
    when: Option<&str>,
) -> Vec<LegendEntry> {
    let shown = match when {
        Some("on") => true,
        Some("off") => false,
        _ => paths.len() >= 2,
    };
    if !shown {
        return Vec::new();
    }
    paths
        .iter()
        .map(|a| {
            let p = &a.path;
            let (x, y) = p.start;
            LegendEntry {
                color: a.color.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8),
                text: format!(
                    "{}, η = {}{}, from ({}, {})",
                    p.optimizer.label(),
                    crate::teach::eta_text(p.hyper.lr),
                    doc.hyper.step_rule_text(p.optimizer),
                    echo(x),
                    echo(y)
                ),
            }
        })
        .collect()
}

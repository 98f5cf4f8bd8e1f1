//! Progress bars on standard error for the long commands (`converge`, `sample`, `render
//! --gif`, `render --converge-map`): drawn only when standard error is a terminal, so logs and
//! pipes stay clean.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar of `len` `unit`s with `message` in front; hidden when standard error is not a
/// terminal. Finish it with `finish_and_clear`.
pub(crate) fn bar(len: u64, message: String, unit: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    let template = format!("{{msg}} [{{bar:32}}] {{pos}}/{{len}} {unit} ({{eta}} left)");
    bar.set_style(
        ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_message(message);
    bar
}

//! The process exit code of each error: the command line decides it, not the library's error
//! type (README, "Exit codes").

use crate::error::Error;

/// Exit code for bad input: a formula that does not parse, a flag or setting that is not usable.
pub const BAD_INPUT: u8 = 2;
/// Exit code for a failure that is not the input's fault (GPU, display, files).
pub const FAILURE: u8 = 1;
/// Exit code when a signal stopped the command (128 + SIGINT, as a shell reports Ctrl+C).
pub(crate) const INTERRUPTED: u8 = 130;

/// The exit code for `e`: [`BAD_INPUT`] for parse, input and number errors, `INTERRUPTED` for an
/// interrupted command, [`FAILURE`] for everything else.
pub fn code(e: &Error) -> u8 {
    match e {
        Error::Parse(_) | Error::Input(_) | Error::Number { .. } => BAD_INPUT,
        Error::Interrupted => INTERRUPTED,
        // No adapter, GPU and shader errors, no display, files; and any kind added later.
        _ => FAILURE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_2_interrupt_130_and_the_rest_1() {
        let parse = crate::expr::parse("x +").expect_err("refused");
        assert_eq!(code(&Error::Parse(parse)), 2);
        assert_eq!(code(&Error::Input("size: 0x0".into())), 2);
        let source = "abc".parse::<f64>().expect_err("not a number");
        let what = "'abc'".into();
        assert_eq!(code(&Error::Number { what, source }), 2);
        assert_eq!(code(&Error::Interrupted), 130);
        assert_eq!(code(&Error::NoDisplay), 1);
        assert_eq!(code(&Error::NoAdapter("none".into())), 1);
        assert_eq!(
            code(&Error::io("out.png", std::io::ErrorKind::Other.into())),
            1
        );
    }
}

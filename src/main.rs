//! The `gradfield` binary: parses the command line, runs one command (or the explorer) and
//! turns errors into a one-line message with exit code 2 (bad input) or 1 (anything else);
//! a closed standard output ends it quietly (141), a signal with 128 + the signal.

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use gradfield::cli::{self, out, signals, Cli, Command};

fn main() -> ExitCode {
    let commands = [
        "diff", "sample", "presets", "render", "descend", "bench", "converge", "help",
    ];
    let explorer = !std::env::args_os()
        .nth(1)
        .is_some_and(|a| commands.iter().any(|c| a == *c));
    // Still one thread here: a headless command lists adapters without probing a display.
    if !explorer {
        gradfield::gpu::skip_display_probe();
    }
    // The explorer has nothing to finish: a signal ends it once its files are removed.
    signals::install(if explorer {
        std::time::Duration::ZERO
    } else {
        signals::GRACE
    });
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(line) = cli::flags::unknown_flag(&Cli::command(), &args) {
        out::eprint_line(&line);
        return ExitCode::from(cli::exit::BAD_INPUT);
    }
    let matches = match Cli::command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return clap_error(e),
    };
    let mut parsed = match Cli::from_arg_matches(&matches) {
        Ok(parsed) => parsed,
        Err(e) => return clap_error(e),
    };
    if let (Some(Command::Render(args)), Some(m)) =
        (&mut parsed.command, matches.subcommand_matches("render"))
    {
        args.given = cli::scene::given(m);
    }
    let result = match parsed.command {
        None => cli::explore::run(&parsed.explore),
        Some(Command::Explore(args)) => cli::explore::run(&args),
        Some(Command::Diff(args)) => cli::diff::run(&args),
        Some(Command::Sample(args)) => cli::sample::run(&args),
        Some(Command::Presets) => cli::presets::run(),
        Some(Command::Render(args)) => cli::render::run(&args),
        Some(Command::Descend(args)) => cli::descend::run(&args),
        Some(Command::Bench(args)) => cli::bench::run(&args),
        Some(Command::Converge(args)) => cli::converge::run(&args),
    };
    if let Some(signal) = signals::received() {
        out::eprint_line(&format!(
            "error: stopped by {}; no unfinished file was left",
            signals::name(signal)
        ));
        return ExitCode::from(signals::exit_code(signal));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if out::is_closed_pipe(&e) => ExitCode::from(out::CLOSED_PIPE_EXIT),
        Err(e) => {
            out::eprint_line(&cli::error_text(&e));
            ExitCode::from(cli::exit::code(&e))
        }
    }
}

/// Help and version go to stdout with exit 0; a usage error becomes one line, exit 2: clap's
/// message up to its usage block, joined onto one line, with long values cut short.
fn clap_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let text = e.render().to_string();
            match out::stdout(|w| w.write_all(text.as_bytes())) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if out::is_closed_pipe(&e) => ExitCode::from(out::CLOSED_PIPE_EXIT),
                Err(e) => {
                    out::eprint_line(&cli::error_text(&e));
                    ExitCode::from(cli::exit::FAILURE)
                }
            }
        }
        _ => {
            if let Some((flag, suggested)) = cli::flags::from_clap(&e) {
                out::eprint_line(&cli::flags::line(&flag, suggested.as_deref()));
                return ExitCode::from(cli::exit::BAD_INPUT);
            }
            out::eprint_line(&format!(
                "{} (see 'gradfield --help')",
                cli::clap_line(&e.render().to_string())
            ));
            ExitCode::from(cli::exit::BAD_INPUT)
        }
    }
}

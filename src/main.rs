//! The `gradfield` binary: parses the command line, runs one command (or the explorer) and
//! turns errors into a one-line message with exit code 2 (bad input) or 1 (anything else).

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};
use gradfield::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let matches = match Cli::command().try_get_matches() {
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
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", cli::error_text(&e));
            ExitCode::from(e.exit_code() as u8)
        }
    }
}

/// Help and version go to stdout with exit 0; a usage error becomes one line, exit 2.
fn clap_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        _ => {
            let text = e.render().to_string();
            let first = text.lines().next().unwrap_or("error: invalid arguments");
            eprintln!("{first} (see 'gradfield --help')");
            ExitCode::from(2)
        }
    }
}

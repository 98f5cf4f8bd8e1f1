//! Mistyped flags named as unknown flags. EXPR takes leading hyphens (for "-x^2"), so clap
//! alone would take `--dpi` for the formula and then complain about `--preset` beside it, or
//! about the `300` after it; this finds such a flag before clap parses.

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The one-line error for the first unknown long flag in `args` (the whole command line,
/// program name first), or `None` when every `--name` is a flag of the command it is given to,
/// the value of the flag before it, or a formula without parameters (`--x` is −(−x)). Nothing after `--` counts.
/// The line says "unknown flag '--NAME'" with clap's did-you-mean where it has one.
pub fn unknown_flag(original: &clap::Command, args: &[OsString]) -> Option<String> {
    let mut cmd = original.clone();
    cmd.build();
    let first = args.get(1).and_then(|a| a.to_str());
    let sub = first.and_then(|name| cmd.find_subcommand(name)).cloned();
    let (target, rest) = match &sub {
        Some(s) => (s, args.get(2..).unwrap_or_default()),
        None => (&cmd, args.get(1..).unwrap_or_default()),
    };
    let mut tokens = rest.iter();
    while let Some(token) = tokens.next() {
        let Some(text) = token.to_str() else { continue };
        if text == "--" {
            break;
        }
        let Some(name) = text.strip_prefix("--") else {
            continue;
        };
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let (name, inline_value) = match name.split_once('=') {
            Some((n, _)) => (n, true),
            None => (name, false),
        };
        let known = target.get_arguments().find(|a| {
            a.get_long_and_visible_aliases()
                .is_some_and(|longs| longs.contains(&name))
        });
        match known {
            Some(arg) => {
                if !inline_value && arg.get_action().takes_values() {
                    tokens.next();
                }
            }
            // A formula (`--x` is −(−x)) unless it reads only thanks to parameters: `--dpi`
            // would be −(−d·π), but it is a flag.
            None if crate::expr::Function::parse(text)
                .is_ok_and(|f| f.param_names().is_empty()) => {}
            None => {
                return Some(line(
                    text,
                    suggestion(original, sub.as_ref().map(|s| s.get_name()), text).as_deref(),
                ))
            }
        }
    }
    None
}

/// The line for `flag`, unknown, with clap's suggestion of a similar flag.
pub fn line(flag: &str, suggested: Option<&str>) -> String {
    let flag = crate::numfmt::quote(flag);
    match suggested {
        Some(s) => {
            format!("error: unknown flag {flag}; did you mean '{s}'? (see 'gradfield --help')")
        }
        None => format!("error: unknown flag {flag} (see 'gradfield --help')"),
    }
}

/// clap's unknown argument, if it is a flag: the flag and clap's suggestion.
pub fn from_clap(e: &clap::Error) -> Option<(String, Option<String>)> {
    if e.kind() != ErrorKind::UnknownArgument {
        return None;
    }
    let string = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let flag = string(ContextKind::InvalidArg).filter(|f| f.starts_with('-') && f.len() > 1)?;
    Some((flag, string(ContextKind::SuggestedArg)))
}

/// What clap suggests for `flag` given alone to the command (or subcommand `sub`) whose EXPR
/// does not take leading hyphens, so that clap sees the flag as a flag.
fn suggestion(cmd: &clap::Command, sub: Option<&str>, flag: &str) -> Option<String> {
    let plain = |c: clap::Command| {
        if c.get_arguments().any(|a| a.get_id() == "expr") {
            c.mut_arg("expr", |a| a.allow_hyphen_values(false))
        } else {
            c
        }
    };
    let mut probe: Vec<&str> = vec![cmd.get_name()];
    let cmd = match sub {
        Some(name) => {
            probe.push(name);
            cmd.clone().mut_subcommand(name, plain)
        }
        None => plain(cmd.clone()),
    };
    probe.push(flag);
    let e = cmd.try_get_matches_from(probe).err()?;
    from_clap(&e).and_then(|(_, s)| s)
}

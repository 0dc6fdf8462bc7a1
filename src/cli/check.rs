//! `vsslint PATH…`: the arguments turned into the library's [`Options`], and the run.

use super::{CheckArgs, ColorChoice};
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use vsslint::report::full::Style;
use vsslint::{Failure, FixMode, Options};

fn use_color(choice: ColorChoice, to_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let set =
                |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if set("FORCE_COLOR") || set("CLICOLOR_FORCE") {
                true
            } else {
                to_terminal
            }
        }
    }
}

/// The library's options for the arguments given.
fn options(args: &CheckArgs) -> Options {
    let to_terminal = args.output_file.is_none() && io::stdout().is_terminal();
    let color = use_color(args.color, to_terminal);
    Options {
        paths: args.paths.clone(),
        format: args.format,
        output_file: args.output_file.clone(),
        config: args.config.clone(),
        target_os: args.target_os,
        express: args.express,
        exclude: args.exclude.clone(),
        stdin_filename: args.stdin_filename.clone(),
        max_warnings: args.max_warnings,
        exit_zero: args.exit_zero,
        quiet: args.quiet,
        statistics: args.statistics,
        max_diagnostics: args.max_diagnostics,
        max_file_size: args.max_file_size,
        allow_no_files: args.allow_no_files,
        inline_suppressions: !args.no_inline_suppressions,
        style: Style {
            color,
            unicode: true,
            links: color && to_terminal,
            width: terminal_width(),
        },
        step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from),
        fix: if args.fixes.fix {
            Some(FixMode::Apply)
        } else if args.fixes.diff {
            Some(FixMode::Diff)
        } else {
            None
        },
        unsafe_fixes: args.fixes.unsafe_fixes,
    }
}

pub(super) fn check(args: &CheckArgs) -> Result<i32, Failure> {
    let outcome = vsslint::run(&options(args), &mut io::stdout().lock())?;
    if let Some(note) = outcome.note {
        eprintln!("{note}");
    }
    Ok(outcome.code)
}

pub(super) fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

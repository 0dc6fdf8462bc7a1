//! `vsslint compat OLD NEW`: the arguments turned into the library's options, and the run.

use super::args::CompatArgs;
use super::check::{console_takes_ansi, escaped, hyperlinks_shown, terminal_width, use_color};
use std::io::{self, IsTerminal};
use vsslint::report::escape::terminal;
use vsslint::report::full::Style;
use vsslint::{CompatOptions, Failure, Options};

pub(super) fn compat(args: &CompatArgs) -> Result<i32, Failure> {
    let to_terminal = args.report.output_file.is_none() && io::stdout().is_terminal();
    let color = use_color(args.color, to_terminal) && (!to_terminal || console_takes_ansi());
    let opts = CompatOptions {
        old: args.old.clone(),
        new: args.new.clone(),
        show_harmless: args.show_harmless,
        options: Options {
            format: args.report.format.into(),
            output_file: args.report.output_file.clone(),
            config: args.report.config.clone(),
            select: args.select.clone(),
            extend_select: args.extend_select.clone(),
            ignore: args.ignore.clone(),
            max_warnings: args.max_warnings,
            exit_zero: args.exit_zero,
            quiet: args.quiet,
            min_severity: args
                .min_severity
                .as_deref()
                .map(super::check::severity_level),
            statistics: args.statistics,
            max_diagnostics: args.max_diagnostics,
            max_file_size: args.max_file_size,
            inline_suppressions: !args.no_inline_suppressions,
            style: Style {
                color,
                unicode: true,
                links: color && to_terminal && hyperlinks_shown(),
                width: terminal_width(),
            },
            step_summary: std::env::var_os("GITHUB_STEP_SUMMARY")
                .filter(|p| !p.is_empty())
                .map(std::path::PathBuf::from),
            ..Options::default()
        },
    };
    let outcome = vsslint::compat(&opts, &mut io::stdout().lock()).map_err(escaped)?;
    for note in &outcome.notes {
        eprintln!("{}", terminal(note));
    }
    Ok(outcome.code)
}

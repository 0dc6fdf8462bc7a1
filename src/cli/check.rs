//! `vsslint PATH…`: the arguments turned into the library's [`Options`], and the run.

use super::args::{CheckArgs, ColorChoice};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use vsslint::report::escape::{terminal, terminal_lines};
use vsslint::report::full::Style;
use vsslint::Severity;
use vsslint::{Failure, FixMode, Options, OptionsError};

pub(super) fn use_color(choice: ColorChoice, to_terminal: bool) -> bool {
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
    let to_terminal = args.report.output_file.is_none() && io::stdout().is_terminal();
    let color = use_color(args.color, to_terminal) && (!to_terminal || console_takes_ansi());
    Options {
        paths: args.paths.clone(),
        format: args.report.format.into(),
        output_file: args.report.output_file.clone(),
        config: args.report.config.clone(),
        target_os: args.target_os,
        express: args.express,
        exclude: args.exclude.clone(),
        select: args.select.clone(),
        extend_select: args.extend_select.clone(),
        ignore: args.ignore.clone(),
        stdin_filename: args.stdin_filename.clone(),
        max_warnings: args.max_warnings,
        exit_zero: args.exit_zero,
        quiet: args.quiet,
        min_severity: args.min_severity.as_deref().map(severity_level),
        statistics: args.statistics,
        max_diagnostics: args.max_diagnostics,
        max_file_size: args.max_file_size,
        max_cabinet_expansion: args.max_cabinet_expansion,
        allow_no_files: args.allow_no_files,
        inline_suppressions: !args.no_inline_suppressions,
        style: Style {
            color,
            unicode: true,
            links: color && to_terminal && hyperlinks_shown(),
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
    if let Some(file) = &args.show_settings {
        let shown = vsslint::show_settings(&options(args), file).map_err(escaped)?;
        // Every line but the first (`Settings for PATH`) is indented.
        let mut text = String::with_capacity(shown.len());
        for line in lines_starting(shown.trim_end_matches('\n'), "\n  ") {
            text.push_str(&terminal(line));
            text.push('\n');
        }
        io::stdout().lock().write_all(text.as_bytes())?;
        return Ok(0);
    }
    let outcome = vsslint::run(&options(args), &mut io::stdout().lock()).map_err(escaped)?;
    for note in &outcome.notes {
        eprintln!("{}", terminal(note));
    }
    Ok(outcome.code)
}

/// The lines of a text whose lines each begin with a known start (each line of the settings
/// but the first with two spaces), cut at a line feed followed by `next`, the next line's start: another line
/// feed is one of a file name's, and is shown escaped with the rest of its line.
fn lines_starting<'t>(text: &'t str, next: &'static str) -> impl Iterator<Item = &'t str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(next) {
            Some(end) => {
                rest = Some(&text[end + 1..]);
                Some(&text[..end])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// A failure names files and quotes globs and configuration values, escaped for the
/// terminal. It may be several lines (a configuration error with its snippet, whose texts are
/// escaped already), so its line feeds are kept. An error in the options is said with the
/// flags that set them.
pub(super) fn escaped(failure: Failure) -> Failure {
    match failure {
        Failure::Usage(m) => Failure::Usage(terminal_lines(&m).into_owned()),
        Failure::Options(e) => Failure::Usage(terminal_lines(&in_flags(&e)).into_owned()),
        e => e,
    }
}

/// What is wrong with the options, and which flag to change.
pub(super) fn in_flags(e: &OptionsError) -> String {
    match e {
        OptionsError::StatisticsIn(format) => format!(
            "--statistics cannot be written as --format {format}: it is a table (full, concise) or a JSON list (json); use one of those formats, or drop --statistics"
        ),
        OptionsError::NoDocuments { under, excluding } => {
            let under: Vec<String> = under
                .iter()
                .map(|p| format!("`{}`", p.display()))
                .collect();
            format!(
                "no writer metadata documents found under {} (looked for *.xml and *.cab files{}); pass --allow-no-files if an empty run is expected",
                under.join(", "),
                if *excluding { " not excluded by --exclude" } else { "" }
            )
        }
        OptionsError::StdinTooLarge { max } => {
            format!("standard input is larger than --max-file-size ({max})")
        }
        OptionsError::InvalidExclude { glob, why } => {
            format!("invalid --exclude glob `{glob}`: {why}")
        }
        other => other.to_string(),
    }
}

/// Whether the terminal is one known to show OSC 8 hyperlinks. Others print the escape
/// sequence's text or drop the link, and terminal multiplexers (tmux, screen) hide it, so
/// the URL is always printed as text and the link is only added on top where it works.
pub(super) fn hyperlinks_shown() -> bool {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    if !var("TMUX").is_empty() || !var("STY").is_empty() {
        return false;
    }
    let vte = var("VTE_VERSION").parse::<u32>().is_ok_and(|v| v >= 5000);
    !var("WT_SESSION").is_empty()
        || vte
        || !var("KONSOLE_VERSION").is_empty()
        || matches!(
            var("TERM_PROGRAM").as_str(),
            "iTerm.app" | "WezTerm" | "vscode" | "ghostty"
        )
        || var("TERM").contains("kitty")
}

/// The width `full` output is laid out for: `COLUMNS` when set (scripts and tests pin it),
/// else the terminal's, read from standard output or standard error, whichever is one; 100
/// when neither is a terminal (a pipe, a file, CI logs).
pub(super) fn terminal_width() -> usize {
    let pinned = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse().ok());
    let measured = || {
        terminal_size::terminal_size_of(io::stdout())
            .or_else(|| terminal_size::terminal_size_of(io::stderr()))
            .map(|(terminal_size::Width(w), _)| usize::from(w))
    };
    pinned.or_else(measured).unwrap_or(100).clamp(40, 1000)
}

/// Whether the console that standard output is shows ANSI colours. Windows Terminal does; the
/// classic console of cmd.exe only once asked to (virtual terminal processing, Windows 10 on),
/// and an older one prints the escapes as text, so there colour is left off.
#[cfg(windows)]
pub(super) fn console_takes_ansi() -> bool {
    use std::ffi::c_void;
    use std::os::windows::io::AsRawHandle;
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleMode(console: *mut c_void, mode: *mut u32) -> i32;
        fn SetConsoleMode(console: *mut c_void, mode: u32) -> i32;
    }
    const ENABLE_VIRTUAL_TERMINAL_PROCESSING: u32 = 0x0004;
    let console = io::stdout().as_raw_handle();
    let mut mode = 0u32;
    // SAFETY: the handle is standard output's, valid for the whole process; `mode` outlives
    // the call that writes it.
    unsafe {
        // Not a console, yet a terminal: the pipe of an MSYS or Cygwin terminal (Git Bash),
        // which reads ANSI itself.
        if GetConsoleMode(console, &mut mode) == 0 {
            return true;
        }
        mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0
            || SetConsoleMode(console, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) != 0
    }
}

#[cfg(not(windows))]
pub(super) fn console_takes_ansi() -> bool {
    true
}

/// A `--min-severity` level, one of the values clap let through.
pub(super) fn severity_level(level: &str) -> Severity {
    match level {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        _ => Severity::Info,
    }
}

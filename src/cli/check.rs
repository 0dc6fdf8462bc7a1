//! `vsslint PATH…`: the arguments turned into the library's [`Options`], and the run.

use super::{CheckArgs, ColorChoice};
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use vsslint::report::full::Style;
use vsslint::{Failure, Options};

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
    let color = use_color(args.color, to_terminal) && (!to_terminal || console_takes_ansi());
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
    }
}

pub(super) fn check(args: &CheckArgs) -> Result<i32, Failure> {
    let outcome = vsslint::run(&options(args), &mut io::stdout().lock())?;
    if let Some(note) = outcome.note {
        eprintln!("{note}");
    }
    Ok(outcome.code)
}

/// Whether the console that standard output is shows ANSI colours. Windows Terminal does; the
/// classic console of cmd.exe only once asked to (virtual terminal processing, Windows 10 on),
/// and an older one prints the escapes as text, so there colour is left off.
#[cfg(windows)]
fn console_takes_ansi() -> bool {
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
fn console_takes_ansi() -> bool {
    true
}

pub(super) fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

//! The `vsslint` command line.

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use vsslint::os::WindowsVersion;
use vsslint::report::{self, full::Style};
use vsslint::Profile;
use vsslint::{Failure, Options};

const AFTER_HELP: &str = "\
Exit status:
  0  no error-level finding (or --exit-zero)
  1  at least one error-level finding (a malformed or undecodable file counts),
     or more warnings than --max-warnings
  2  usage or configuration error, or a path that does not exist or cannot be read

Target OS names, oldest first:
  xp, ws2003, ws2003sp1, vista, ws2008 (= Vista SP1), win7, ws2008r2, win8, ws2012,
  win81, ws2012r2, win10, ws2016, ws2019, ws2022, win11, ws2025

Configuration: vsslint.toml or .vsslint.toml, found from each linted file's folder upward
(or --config PATH). Command-line flags win over the file.";

#[derive(Parser)]
#[command(
    name = "vsslint",
    version,
    about = "Lint Microsoft VSS writer metadata documents",
    after_help = AFTER_HELP,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Args)]
struct CheckArgs {
    /// Files, directories (every *.xml below, honouring .gitignore) or glob patterns;
    /// `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    format: Format,

    /// Write the report to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    output_file: Option<PathBuf>,

    /// Use this configuration file instead of looking for vsslint.toml.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,

    /// Check features against this Windows version (turns on the os/* rules).
    #[arg(long, value_name = "NAME", value_parser = parse_target)]
    target_os: Option<WindowsVersion>,

    /// The documents come from express writers (turns on the express/* rules).
    #[arg(long)]
    express: bool,

    /// Skip files matching this glob (repeatable), also when named explicitly.
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,

    /// The name to report for standard input (and to match configuration against).
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,

    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,

    /// Exit 0 even when there are error-level findings (usage errors still exit 2).
    #[arg(long)]
    exit_zero: bool,

    /// Report errors only.
    #[arg(short, long)]
    quiet: bool,

    /// Print how many times each rule fired instead of the findings.
    #[arg(long)]
    statistics: bool,

    /// Show at most N findings per file in full and concise output (0: all).
    #[arg(long, value_name = "N", default_value_t = 200)]
    max_diagnostics: usize,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 256 * 1024 * 1024)]
    max_file_size: u64,

    /// Ignore `vsslint-ignore` comments in the documents.
    #[arg(long)]
    no_inline_suppressions: bool,

    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
}

#[derive(Subcommand)]
enum Command {
    /// Print the typed model of a document as JSON.
    Dump {
        /// The document (`-` for standard input).
        file: PathBuf,
    },
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Write the rule reference (Markdown) into this folder instead.
        #[arg(long, value_name = "DIR")]
        write_docs: Option<PathBuf>,
    },
    /// Explain a rule: what it checks, why, examples and sources.
    Explain {
        /// A slug (`schema/log-needs-logfiles`) or code (`VSL207`).
        rule: String,
    },
    /// Print a shell completion script.
    Completions { shell: clap_complete::Shell },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// miette's graphical report.
    Full,
    /// One line per finding: path:line:col: severity: message [CODE rule].
    Concise,
    /// One JSON object (see the README).
    Json,
    /// One JSON object per finding per line.
    JsonLines,
    /// SARIF 2.1.0.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_target(s: &str) -> Result<WindowsVersion, String> {
    WindowsVersion::from_name(s).ok_or_else(|| {
        format!(
            "unknown Windows version `{s}`; valid names, oldest first: {}",
            WindowsVersion::all_names()
        )
    })
}

/// Exit codes.
const OK: i32 = 0;
const FINDINGS: i32 = 1;
const USAGE: i32 = 2;

pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { USAGE } else { OK };
        }
    };
    let result = match cli.command {
        Some(Command::Dump { file }) => dump(&file),
        Some(Command::Rules { format, write_docs }) => list_rules(format, write_docs.as_deref()),
        Some(Command::Explain { rule }) => explain(&rule),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "vsslint", &mut io::stdout());
            Ok(OK)
        }
        None => check(&cli.check),
    };
    match result {
        Ok(code) => code,
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("error: {e}");
            USAGE
        }
    }
}

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
        format: match args.format {
            Format::Full => vsslint::Format::Full,
            Format::Concise => vsslint::Format::Concise,
            Format::Json => vsslint::Format::Json,
            Format::JsonLines => vsslint::Format::JsonLines,
            Format::Sarif => vsslint::Format::Sarif,
            Format::Github => vsslint::Format::Github,
        },
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

fn check(args: &CheckArgs) -> Result<i32, Failure> {
    let outcome = vsslint::run(&options(args), &mut io::stdout().lock())?;
    if let Some(note) = outcome.note {
        eprintln!("{note}");
    }
    Ok(outcome.code)
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

fn dump(file: &Path) -> Result<i32, Failure> {
    let bytes = if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        buf
    } else {
        std::fs::read(file).map_err(|e| {
            Failure::Usage(format!(
                "cannot read `{}`: {}",
                file.display(),
                describe_io(&e)
            ))
        })?
    };
    match vsslint::dump(&file.display().to_string(), &bytes) {
        Ok(value) => {
            let mut out = io::stdout().lock();
            serde_json::to_writer_pretty(&mut out, &value).map_err(io::Error::from)?;
            writeln!(out)?;
            Ok(OK)
        }
        // Shown as the linter would show it.
        Err(file) => {
            let mut err = io::stderr().lock();
            report::full::write(
                &mut err,
                std::slice::from_ref(&*file),
                Style::plain(terminal_width()),
            )?;
            Ok(FINDINGS)
        }
    }
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn list_rules(format: ListFormat, write_docs: Option<&Path>) -> Result<i32, Failure> {
    if let Some(dir) = write_docs {
        for (rel, text) in vsslint::reference::files() {
            let path = dir.join(rel);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, text)?;
        }
        return Ok(OK);
    }
    let mut out = io::stdout().lock();
    match format {
        ListFormat::Json => {
            let list: Vec<_> = vsslint::all_rules()
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "slug": r.meta.slug,
                        "code": r.meta.code,
                        "severity": r.meta.severity,
                        "group": r.meta.group(),
                        "profile": r.meta.profile,
                        "summary": r.meta.summary,
                        "url": r.meta.url(),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list).map_err(io::Error::from)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let width = vsslint::all_rules()
                .iter()
                .map(|r| r.meta.slug.len())
                .max()
                .unwrap_or(0);
            for r in vsslint::all_rules() {
                let m = &r.meta;
                let profile = match m.profile {
                    Profile::Default => "",
                    Profile::Optional => " (optional)",
                    Profile::Express => " (--express)",
                    Profile::TargetOs => " (--target-os)",
                };
                writeln!(
                    out,
                    "{}  {:<width$}  {:<7}  {}{}",
                    m.code, m.slug, m.severity, m.summary, profile
                )?;
            }
        }
    }
    Ok(OK)
}

fn explain(name: &str) -> Result<i32, Failure> {
    match vsslint::find_rule(name) {
        Some(rule) => {
            print!("{}", vsslint::reference::page(&rule.meta));
            Ok(OK)
        }
        None => Err(Failure::Usage(format!(
            "no rule `{name}`; `vsslint rules` lists every rule by slug and code"
        ))),
    }
}

//! The `vsslint` command line.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use vsslint::os::WindowsVersion;
use vsslint::report::{self, full::Style};
use vsslint::rules::{self, Profile};
use vsslint::{lint_bytes, LintedFile, Settings, Severity};

const AFTER_HELP: &str = "\
Exit status:
  0  no error-level finding
  1  at least one error-level finding (a malformed or undecodable file counts)
  2  usage error, or a path that does not exist or cannot be read

Target OS names, oldest first:
  xp, ws2003, ws2003sp1, vista, ws2008 (= Vista SP1), win7, ws2008r2, win8, ws2012,
  win81, ws2012r2, win10, ws2016, ws2019, ws2022, win11, ws2025";

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
    /// Files or directories to lint (directories: every *.xml below); `-` reads standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Full)]
    format: Format,

    /// Check features against this Windows version (turns on the os/* rules).
    #[arg(long, value_name = "NAME", value_parser = parse_target)]
    target_os: Option<WindowsVersion>,

    /// The documents come from express writers (turns on the express/* rules).
    #[arg(long)]
    express: bool,

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
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// miette's graphical report.
    Full,
    /// One line per finding.
    Concise,
    /// One JSON object (see the README).
    Json,
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
        None => check(&cli.check),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => OK,
        Err(e) => {
            eprintln!("error: {e}");
            USAGE
        }
    }
}

/// A path given on the command line that cannot be read: a usage error (exit 2).
struct Unreadable {
    path: String,
    reason: String,
}

fn read_input(path: &Path) -> Result<Vec<u8>, Unreadable> {
    let shown = path.display().to_string();
    if shown == "-" {
        let mut buf = Vec::new();
        return io::stdin()
            .read_to_end(&mut buf)
            .map(|_| buf)
            .map_err(|e| Unreadable {
                path: "<stdin>".into(),
                reason: e.to_string(),
            });
    }
    std::fs::read(path).map_err(|e| Unreadable {
        path: shown,
        reason: match e.kind() {
            io::ErrorKind::NotFound => "no such file or directory".into(),
            io::ErrorKind::PermissionDenied => "permission denied".into(),
            _ => e.to_string(),
        },
    })
}

/// Expands directories into the `*.xml` files below them, sorted.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Unreadable> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found).map_err(|e| Unreadable {
                path: p.display().to_string(),
                reason: e.to_string(),
            })?;
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let ty = entry.file_type()?;
        let path = entry.path();
        if ty.is_dir() {
            walk(&path, out)?;
        } else if ty.is_file()
            && path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
        {
            out.push(path);
        }
    }
    Ok(())
}

fn settings(args: &CheckArgs) -> Settings {
    Settings {
        target_os: args.target_os,
        express: args.express,
        ..Settings::default()
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                false
            } else if std::env::var_os("FORCE_COLOR").is_some_and(|v| !v.is_empty() && v != "0") {
                true
            } else {
                io::stdout().is_terminal()
            }
        }
    }
}

fn check(args: &CheckArgs) -> io::Result<i32> {
    let settings = settings(args);
    let paths = match expand(&args.paths) {
        Ok(p) => p,
        Err(u) => {
            eprintln!("error: cannot read `{}`: {}", u.path, u.reason);
            return Ok(USAGE);
        }
    };
    let mut files: Vec<LintedFile> = Vec::with_capacity(paths.len());
    for path in &paths {
        let bytes = match read_input(path) {
            Ok(b) => b,
            Err(u) => {
                eprintln!("error: cannot read `{}`: {}", u.path, u.reason);
                return Ok(USAGE);
            }
        };
        let shown = if path.as_os_str() == "-" {
            "<stdin>".to_string()
        } else {
            path.display().to_string()
        };
        files.push(lint_bytes(&shown, &bytes, &settings));
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));

    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        Format::Full => {
            let color = use_color(args.color);
            let style = Style {
                color,
                unicode: true,
                links: color,
                width: terminal_width(),
            };
            report::full::write(&mut out, &files, style)?
        }
        Format::Concise => report::concise::write(&mut out, &files)?,
        Format::Json => report::json::write(&mut out, &files)?,
    }
    out.flush()?;
    let failed = files
        .iter()
        .flat_map(|f| &f.diagnostics)
        .any(|d| d.severity == Severity::Error);
    Ok(if failed { FINDINGS } else { OK })
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

fn dump(file: &Path) -> io::Result<i32> {
    let bytes = match read_input(file) {
        Ok(b) => b,
        Err(u) => {
            eprintln!("error: cannot read `{}`: {}", u.path, u.reason);
            return Ok(USAGE);
        }
    };
    let shown = file.display().to_string();
    let decoded = match vsslint::decode::decode(&bytes) {
        Ok(d) => d,
        Err(_) => return report_broken(&shown, &bytes),
    };
    let xml = match vsslint::parse::parse_xml(&decoded.text) {
        Ok(x) => x,
        Err(_) => return report_broken(&shown, &bytes),
    };
    let model = vsslint::parse::build(&xml);
    let value = serde_json::json!({
        "file": shown,
        "encoding": decoded.encoding,
        "detection": decoded.detection,
        "document": model,
    });
    let stdout = io::stdout();
    let mut out = stdout.lock();
    serde_json::to_writer_pretty(&mut out, &value)?;
    writeln!(out)?;
    Ok(OK)
}

/// `dump` of a file that does not decode or parse: show why, as the linter would.
fn report_broken(shown: &str, bytes: &[u8]) -> io::Result<i32> {
    let file = lint_bytes(shown, bytes, &Settings::default());
    let mut err = io::stderr().lock();
    report::full::write(
        &mut err,
        std::slice::from_ref(&file),
        Style::plain(terminal_width()),
    )?;
    Ok(FINDINGS)
}

fn list_rules(format: ListFormat, write_docs: Option<&Path>) -> io::Result<i32> {
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
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match format {
        ListFormat::Json => {
            let list: Vec<_> = rules::all()
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
            serde_json::to_writer_pretty(&mut out, &list)?;
            writeln!(out)?;
        }
        ListFormat::Table => {
            let width = rules::all()
                .iter()
                .map(|r| r.meta.slug.len())
                .max()
                .unwrap_or(0);
            for r in rules::all() {
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

fn explain(name: &str) -> io::Result<i32> {
    match rules::find(name) {
        Some(rule) => {
            print!("{}", vsslint::reference::page(&rule.meta));
            Ok(OK)
        }
        None => {
            eprintln!("error: no rule `{name}`; `vsslint rules` lists every rule by slug and code");
            Ok(USAGE)
        }
    }
}

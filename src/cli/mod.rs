//! The `vsslint` command line: the arguments, and a module for each command.

mod check;
mod dump;
mod rules;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::io;
use std::path::PathBuf;
use vsslint::os::WindowsVersion;
use vsslint::{Failure, Format};

const AFTER_HELP: &str = "\
Exit status:
  0  no error-level finding (or --exit-zero)
  1  at least one error-level finding (a malformed or undecodable file counts),
     or more warnings than --max-warnings; with --diff: something to fix
  2  usage or configuration error, a path that does not exist or cannot be read,
     or paths that name no document (unless --allow-no-files)

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

    /// Exit 0 when the paths name no document at all, instead of a usage error.
    #[arg(long)]
    allow_no_files: bool,

    /// Ignore `vsslint-ignore` comments in the documents.
    #[arg(long)]
    no_inline_suppressions: bool,

    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,

    #[command(flatten)]
    fixes: FixArgs,
}

/// Fixing what the findings' help says to write.
#[derive(Args)]
#[command(next_help_heading = "Fixes")]
struct FixArgs {
    /// Apply the safe fixes to the files, then report what is left; with `-`, write the fixed
    /// standard input to standard output (and the report to standard error).
    #[arg(long, conflicts_with = "diff")]
    fix: bool,

    /// Print the fixes as a unified diff and write nothing.
    #[arg(long)]
    diff: bool,

    /// Apply the unsafe fixes too (they change what the document declares).
    #[arg(long)]
    unsafe_fixes: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Print the typed model of a document as JSON.
    /// Print the typed model of a document as JSON; for a backup (a folder holding a backup
    /// components document), what it contains.
    Dump {
        /// The document (`-` for standard input), or a backup's folder.
        file: PathBuf,
        /// For a backup: `json`, or `full` for a table.
        #[arg(long, value_enum, default_value_t = DumpFormat::Json)]
        format: DumpFormat,
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
    /// Run the Language Server over standard input and output, for editors.
    Server,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DumpFormat {
    Json,
    Full,
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
        Some(Command::Dump { file, format }) => dump::dump(&file, format),
        Some(Command::Rules { format, write_docs }) => {
            rules::list_rules(format, write_docs.as_deref())
        }
        Some(Command::Explain { rule }) => rules::explain(&rule),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "vsslint", &mut io::stdout());
            Ok(OK)
        }
        Some(Command::Server) => vsslint::server::run().map(|()| OK).map_err(Failure::Usage),
        None => check::check(&cli.check),
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

//! The command line's arguments as clap reads them, and its exit codes: what `run` and each
//! command's module share.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use vsslint::os::WindowsVersion;
use vsslint::Format;

/// Exit codes.
pub(super) const OK: i32 = 0;
pub(super) const FINDINGS: i32 = 1;
pub(super) const USAGE: i32 = 2;

pub(super) const AFTER_HELP: &str = "\
Exit status:
  0  no error-level finding (or --exit-zero)
  1  at least one error-level finding (a malformed or undecodable file counts, and
     so does an input that cannot be read: a file that cannot be opened, a damaged
     cabinet, a cabinet that holds no document), or more warnings than
     --max-warnings; with --diff: something to fix
  2  usage or configuration error, a path that does not exist, or paths that name
     no document (unless --allow-no-files)

Target OS names, oldest first:
  xp, ws2003, ws2003sp1, vista, ws2008 (= Vista SP1), win7, ws2008r2, win8, ws2012,
  win81, ws2012r2, win10, ws2016, ws2019, ws2022, win11, ws2025
  (a server also by its year: 2012r2, server2012r2, win2012r2; a client as windows10)

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
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Option<Command>,

    #[command(flatten)]
    pub(super) check: CheckArgs,
}

#[derive(Args, Clone)]
pub(super) struct CheckArgs {
    /// Files, directories (every *.xml below, honouring .gitignore) or glob patterns;
    /// `-` reads standard input.
    #[arg(required_unless_present = "show_settings", value_name = "PATH")]
    pub(super) paths: Vec<PathBuf>,

    /// Print the settings FILE would be linted with (configuration file, target OS, express,
    /// every rule's severity) and exit.
    #[arg(long, value_name = "FILE")]
    pub(super) show_settings: Option<PathBuf>,

    #[command(flatten)]
    pub(super) report: ReportArgs,

    /// Check features against this Windows version (turns on the os/* rules).
    #[arg(long, value_name = "NAME", value_parser = TargetParser, hide_possible_values = true)]
    pub(super) target_os: Option<WindowsVersion>,

    /// The documents come from express writers (turns on the express/* rules).
    #[arg(long)]
    pub(super) express: bool,

    /// Skip files matching this glob (repeatable), also when named explicitly or given as
    /// --stdin-filename; a bare name (`legacy`) matches a file or folder at any depth.
    #[arg(long, value_name = "GLOB")]
    pub(super) exclude: Vec<String>,

    /// Run only these rules: slugs, codes or groups (`fs`), repeatable or comma-separated;
    /// over the configuration file.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = RuleParser, hide_possible_values = true)]
    pub(super) select: Vec<String>,

    /// Also run these rules, even when the configuration turns them off or they are optional.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = RuleParser, hide_possible_values = true)]
    pub(super) extend_select: Vec<String>,

    /// Do not run these rules (slugs, codes or groups).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = RuleParser, hide_possible_values = true)]
    pub(super) ignore: Vec<String>,

    /// The name to report for standard input (and to match configuration against).
    #[arg(long, value_name = "PATH")]
    pub(super) stdin_filename: Option<PathBuf>,

    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub(super) max_warnings: Option<usize>,

    /// Exit 0 even when there are error-level findings (usage errors still exit 2).
    #[arg(long)]
    pub(super) exit_zero: bool,

    /// List errors only; warnings and infos are still counted in the summary and by
    /// --max-warnings.
    #[arg(short, long)]
    pub(super) quiet: bool,

    /// List findings of LEVEL and above (error, warning or info); the others are still
    /// counted in the summary, and errors still fail the run. A backup's documents are listed
    /// from warnings up by default, a document's from infos.
    #[arg(long, value_name = "LEVEL", value_parser = ["error", "warning", "info"])]
    pub(super) min_severity: Option<String>,

    /// Print how many times each rule fired instead of the findings (full, concise: a table;
    /// json: a list).
    #[arg(long)]
    pub(super) statistics: bool,

    /// Show at most N findings per file in full and concise output (0: all).
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub(super) max_diagnostics: usize,

    /// Refuse files larger than this: bytes, or with a unit (KiB, MiB, GiB; KB, MB, GB);
    /// default 256 MiB.
    #[arg(long, value_name = "SIZE", default_value = "256MiB", hide_default_value = true, value_parser = parse_size)]
    pub(super) max_file_size: u64,

    /// The most bytes a cabinet's entries may expand to together, an entry covering data that
    /// another covers counted again; entries past it are reported unreadable. Bytes, or with a
    /// unit as for --max-file-size; default 32 MiB.
    #[arg(long, value_name = "BYTES", default_value = "32MiB", hide_default_value = true, value_parser = parse_size)]
    pub(super) max_cabinet_expansion: u64,

    /// Exit 0 when the paths name no document at all, instead of a usage error.
    #[arg(long)]
    pub(super) allow_no_files: bool,

    /// Ignore `vsslint-ignore` comments in the documents.
    #[arg(long)]
    pub(super) no_inline_suppressions: bool,

    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(super) color: ColorChoice,

    #[command(flatten)]
    pub(super) fixes: FixArgs,
}

/// Options of both `check` and `compat`: the report's format, the file it is written to, and
/// the configuration file.
#[derive(Args, Clone)]
pub(super) struct ReportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Full)]
    pub(super) format: FormatArg,

    /// Write the report to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    pub(super) output_file: Option<PathBuf>,

    /// Use this configuration file instead of looking for vsslint.toml.
    #[arg(long, value_name = "PATH")]
    pub(super) config: Option<PathBuf>,
}

/// Fixing what the findings' help says to write.
#[derive(Args, Clone)]
#[command(next_help_heading = "Fixes")]
pub(super) struct FixArgs {
    /// Apply the safe fixes to the files, then report what is left; with `-`, write the fixed
    /// standard input to standard output (and the report to standard error).
    #[arg(long, conflicts_with = "diff")]
    pub(super) fix: bool,

    /// Print the fixes as a unified diff and write nothing.
    #[arg(long)]
    pub(super) diff: bool,

    /// Apply the unsafe fixes too (they change what the document declares).
    #[arg(long)]
    pub(super) unsafe_fixes: bool,
}

#[derive(Subcommand)]
pub(super) enum Command {
    /// Lint files (the default command: `vsslint PATH…` is `vsslint check PATH…`; use `check`
    /// for a path named like a command, such as a folder called `rules`).
    Check(Box<CheckArgs>),
    /// Compare a writer's metadata of two releases: what the new one changed that breaks, or
    /// may break, restoring the old one's backups or backup applications' saved selections.
    Compat(Box<CompatArgs>),
    /// Print the typed model of a document as JSON; for a backup (a folder holding a backup
    /// components document), what it contains.
    Dump {
        /// The document (`-` for standard input), or a backup's folder.
        file: PathBuf,
        /// `json`; for a backup (its folder or its cabinet) also `full`, a table. One
        /// document's dump is JSON only.
        #[arg(long, value_enum, default_value_t = DumpFormat::Json)]
        format: DumpFormat,
    },
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
        /// Write the rule reference (Markdown) into this folder instead (for the docs).
        #[arg(long, value_name = "DIR", hide = true)]
        write_docs: Option<PathBuf>,
    },
    /// Explain a rule: what it checks, why, examples and sources.
    Explain {
        /// A slug (`schema/log-needs-logfiles`) or code (`VSL207`).
        #[arg(value_parser = RuleParser, hide_possible_values = true)]
        rule: String,
    },
    /// Print a shell completion script.
    Completions { shell: clap_complete::Shell },
    /// Run the Language Server over standard input and output, for editors.
    Server,
}

/// `vsslint compat OLD NEW`.
#[derive(Args, Clone)]
#[command(
    after_help = "OLD and NEW: each a writer metadata document, a folder of them, or a backup \
(a folder with its backup components document, or a DiskShadow cabinet); both of one kind. \
git:REF:PATH reads a file of the repository holding the working directory at REF, with \
`git show` (PATH from the repository's root, with `/`).\n\nExit status: as `check`."
)]
pub(super) struct CompatArgs {
    /// The previous release: a document, a folder, a backup, or git:REF:PATH.
    #[arg(value_name = "OLD")]
    pub(super) old: String,

    /// The new release, the same kind of input as OLD (git:REF:PATH too).
    #[arg(value_name = "NEW")]
    pub(super) new: String,

    /// Also run the optional comparison rules (harmless changes, reminders).
    #[arg(long)]
    pub(super) show_harmless: bool,

    #[command(flatten)]
    pub(super) report: ReportArgs,

    /// Run only these rules: slugs, codes or groups (`compat`), repeatable or
    /// comma-separated; over the configuration file.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = RuleParser, hide_possible_values = true)]
    pub(super) select: Vec<String>,

    /// Also run these rules, even when the configuration turns them off or they are optional.
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = RuleParser, hide_possible_values = true)]
    pub(super) extend_select: Vec<String>,

    /// Do not run these rules (slugs, codes or groups).
    #[arg(long, value_name = "RULE", value_delimiter = ',', value_parser = RuleParser, hide_possible_values = true)]
    pub(super) ignore: Vec<String>,

    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub(super) max_warnings: Option<usize>,

    /// Exit 0 even when there are error-level findings (usage errors still exit 2).
    #[arg(long)]
    pub(super) exit_zero: bool,

    /// List errors only; warnings and infos are still counted in the summary.
    #[arg(short, long)]
    pub(super) quiet: bool,

    /// List findings of LEVEL and above (error, warning or info); the others are still
    /// counted in the summary, and errors still fail the run.
    #[arg(long, value_name = "LEVEL", value_parser = ["error", "warning", "info"])]
    pub(super) min_severity: Option<String>,

    /// Print how many times each rule fired instead of the findings.
    #[arg(long)]
    pub(super) statistics: bool,

    /// Show at most N findings per file in full and concise output (0: all).
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub(super) max_diagnostics: usize,

    /// Refuse files larger than this (as for `check`); default 256 MiB.
    #[arg(long, value_name = "SIZE", default_value = "256MiB", hide_default_value = true, value_parser = parse_size)]
    pub(super) max_file_size: u64,

    /// Ignore `vsslint-ignore` comments in NEW.
    #[arg(long)]
    pub(super) no_inline_suppressions: bool,

    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub(super) color: ColorChoice,
}

/// `--format`: the library's report formats, as the command line names them.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum FormatArg {
    /// For people: each finding with the lines around it, labels, help and the rule's link.
    Full,
    /// One line per finding: path:line:col: severity: message [CODE rule].
    Concise,
    /// One JSON object: every finding with its position, help and related places, and a
    /// summary with counts.
    Json,
    /// One JSON object per finding, one per line, for streaming tools.
    JsonLines,
    /// SARIF 2.1.0, for code-scanning services (GitHub code scanning, Azure DevOps).
    Sarif,
    /// GitHub Actions annotations (workflow commands), then the concise list in a log group.
    Github,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Full => Format::Full,
            FormatArg::Concise => Format::Concise,
            FormatArg::Json => Format::Json,
            FormatArg::JsonLines => Format::JsonLines,
            FormatArg::Sarif => Format::Sarif,
            FormatArg::Github => Format::Github,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum DumpFormat {
    Json,
    Full,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ListFormat {
    Table,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// `--target-os`: the table's names and their aliases; completions offer the names.
#[derive(Clone)]
pub(super) struct TargetParser;

impl clap::builder::TypedValueParser for TargetParser {
    type Value = WindowsVersion;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<WindowsVersion, clap::Error> {
        let text = value.to_string_lossy();
        parse_target(&text).map_err(|why| {
            let arg = arg.map_or("--target-os".to_string(), ToString::to_string);
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!("invalid value '{text}' for '{arg}': {why}\n"),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(vsslint::os::VERSIONS.iter().map(
            |(_, name, shown)| clap::builder::PossibleValue::new(*name).help(*shown),
        )))
    }
}

/// A rule selector: any text is taken (and checked later, with a suggestion); completions
/// offer every slug and group.
#[derive(Clone)]
pub(super) struct RuleParser;

impl clap::builder::TypedValueParser for RuleParser {
    type Value = String;

    fn parse_ref(
        &self,
        _: &clap::Command,
        _: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        Ok(value.to_string_lossy().into_owned())
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let rules = vsslint::all_rules();
        let mut groups: Vec<&str> = rules.iter().map(|r| r.meta.group()).collect();
        groups.dedup();
        Some(Box::new(
            groups
                .into_iter()
                .map(clap::builder::PossibleValue::new)
                .chain(
                    rules.iter().map(|r| {
                        clap::builder::PossibleValue::new(r.meta.slug).help(r.meta.summary)
                    }),
                ),
        ))
    }
}

/// `256MiB`, `1 GiB`, `500kB`, `1048576`: binary units are powers of 1024, decimal ones of
/// 1000.
pub(super) fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (digits, unit) = t.split_at(split);
    let n: u64 = digits.parse().map_err(|_| {
        format!("`{s}` is not a size: write bytes, or a number and a unit (256MiB)")
    })?;
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        other => {
            return Err(format!(
                "unknown unit `{other}` in `{s}`: use KiB, MiB, GiB (or KB, MB, GB)"
            ))
        }
    };
    n.checked_mul(factor)
        .ok_or_else(|| format!("`{s}` is too large"))
}

pub(super) fn parse_target(s: &str) -> Result<WindowsVersion, String> {
    WindowsVersion::from_name(s).ok_or_else(|| {
        let hint = WindowsVersion::nearest_name(s)
            .map(|n| format!("did you mean `{n}`? "))
            .unwrap_or_default();
        format!(
            "unknown Windows version `{s}`; {hint}valid names, oldest first: {}",
            WindowsVersion::all_names()
        )
    })
}

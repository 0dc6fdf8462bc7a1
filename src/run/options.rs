//! What a run is asked to do ([`Options`], [`FixMode`]), and how it ends ([`Outcome`],
//! [`Failure`]).

use std::io;
use std::path::PathBuf;
use vsslint_container::cab::CabLimits;
use vsslint_lint::report::full::Style;
use vsslint_lint::report::Format;
use vsslint_lint::rule_meta::Severity;
use vsslint_model::os::WindowsVersion;

/// What to lint and how to report it.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files, directories (every `*.xml` below) or glob patterns; `-` reads standard input.
    pub paths: Vec<PathBuf>,
    /// The report format.
    pub format: Format,
    /// Write the report here instead of to the given writer.
    pub output_file: Option<PathBuf>,
    /// The configuration file to use instead of looking for one.
    pub config: Option<PathBuf>,
    /// Check features against this Windows version (over the configuration's).
    pub target_os: Option<WindowsVersion>,
    /// The documents come from express writers (over the configuration's).
    pub express: bool,
    /// Globs of files to skip, also when named explicitly.
    pub exclude: Vec<String>,
    /// Run only these rules, groups or codes (comma-separated entries allowed).
    pub select: Vec<String>,
    /// Run these too, whatever the configuration says.
    pub extend_select: Vec<String>,
    /// Do not run these.
    pub ignore: Vec<String>,
    /// The name reported for standard input.
    pub stdin_filename: Option<PathBuf>,
    /// Fail when there are more warnings than this.
    pub max_warnings: Option<usize>,
    /// Exit 0 even with error-level findings.
    pub exit_zero: bool,
    /// Report errors only.
    pub quiet: bool,
    /// List findings of this severity and above (over the configuration's); lower ones are
    /// counted, and still fail a run.
    pub min_severity: Option<Severity>,
    /// Report how often each rule fired instead of the findings.
    pub statistics: bool,
    /// At most this many findings per file in full and concise output (0: all).
    pub max_diagnostics: usize,
    /// Refuse larger files.
    pub max_file_size: u64,
    /// The most bytes a cabinet's entries may expand to together.
    pub max_cabinet_expansion: u64,
    /// Accept paths that name no document at all (exit 0) instead of a usage error.
    pub allow_no_files: bool,
    /// Honour `vsslint-ignore` comments.
    pub inline_suppressions: bool,
    /// How `full` output and configuration errors look.
    pub style: Style,
    /// Where GitHub Actions wants the job summary (`GITHUB_STEP_SUMMARY`), for `github`.
    pub step_summary: Option<PathBuf>,
    /// Apply the findings' fixes, or show them as a diff.
    pub fix: Option<FixMode>,
    /// Apply unsafe fixes too.
    pub unsafe_fixes: bool,
}

/// What to do with the fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Write them into the files (standard input: the fixed document to standard output),
    /// then report what is left.
    Apply,
    /// Print them as a unified diff and write nothing.
    Diff,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            paths: Vec::new(),
            format: Format::Full,
            output_file: None,
            config: None,
            target_os: None,
            express: false,
            exclude: Vec::new(),
            select: Vec::new(),
            extend_select: Vec::new(),
            ignore: Vec::new(),
            stdin_filename: None,
            max_warnings: None,
            exit_zero: false,
            quiet: false,
            min_severity: None,
            statistics: false,
            max_diagnostics: 200,
            max_file_size: 256 * 1024 * 1024,
            max_cabinet_expansion: CabLimits::default().max_expansion,
            allow_no_files: false,
            inline_suppressions: true,
            style: Style::plain(100),
            step_summary: None,
            fix: None,
            unsafe_fixes: false,
        }
    }
}

/// How a run ended, when it could run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// 0: no error-level finding (or `exit_zero`); 1: at least one, or too many warnings.
    pub code: i32,
    /// Notes for standard error, one line each (more warnings than allowed, fixes left
    /// unapplied, files skipped); they may quote names from the inputs as they are.
    pub notes: Vec<String>,
}

/// Why a run could not finish: exit status 2.
#[derive(Debug)]
pub enum Failure {
    /// Reading an input or writing the report failed.
    Io(io::Error),
    /// A usage or configuration error, said in full.
    Usage(String),
    /// Options that cannot do what they ask, said in the library's terms: a front end says
    /// it in its own (the command line names its flags).
    Options(OptionsError),
}

/// What is wrong with the options of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum OptionsError {
    /// `statistics` in a format that has no form for them ([`Format::holds_statistics`]).
    StatisticsIn(Format),
    /// The paths name no document (and `allow_no_files` is off).
    NoDocuments {
        /// The paths looked under.
        under: Vec<PathBuf>,
        /// Whether `exclude` names any pattern.
        excluding: bool,
    },
    /// Standard input is larger than `max_file_size`.
    StdinTooLarge {
        /// `max_file_size`, in bytes.
        max: u64,
    },
    /// A pattern of `exclude` is no glob.
    InvalidExclude {
        /// The pattern.
        glob: String,
        /// Why it is no glob.
        why: String,
    },
}

impl std::fmt::Display for OptionsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionsError::StatisticsIn(format) => write!(
                f,
                "statistics cannot be written as {format}: they are a table (full, concise) or a JSON list (json)"
            ),
            OptionsError::NoDocuments { under, excluding } => write!(
                f,
                "no writer metadata documents found under {} (looked for *.xml and *.cab files{}); set `allow_no_files` if an empty run is expected",
                quoted_paths(under),
                if *excluding { " not excluded" } else { "" }
            ),
            OptionsError::StdinTooLarge { max } => write!(
                f,
                "standard input is larger than the largest file allowed ({max} bytes)"
            ),
            OptionsError::InvalidExclude { glob, why } => {
                write!(f, "invalid glob of files to exclude `{glob}`: {why}")
            }
        }
    }
}

/// `` `a`, `b` ``.
fn quoted_paths(paths: &[PathBuf]) -> String {
    let quoted: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    quoted.join(", ")
}

impl From<OptionsError> for Failure {
    fn from(e: OptionsError) -> Self {
        Failure::Options(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Io(e) => write!(f, "{e}"),
            Failure::Usage(m) => f.write_str(m),
            Failure::Options(e) => write!(f, "{e}"),
        }
    }
}

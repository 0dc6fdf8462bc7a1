//! The `vsslint` command line.

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use globset::{Glob, GlobSet, GlobSetBuilder};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use vsslint::config::{Config, Discovery};
use vsslint::lint::lint_owned;
use vsslint::os::WindowsVersion;
use vsslint::report::{self, full::Style};
use vsslint::rules::{self, Profile};
use vsslint::{lint_bytes, LintedFile, Settings, Severity};

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
        Err(Failure::Io(e)) => {
            eprintln!("error: {e}");
            USAGE
        }
        Err(Failure::Usage(message)) => {
            eprintln!("error: {message}");
            USAGE
        }
    }
}

enum Failure {
    Io(io::Error),
    /// Said on standard error; exit 2.
    Usage(String),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure::Io(e)
    }
}

/// One document to lint.
enum Input {
    Stdin,
    File(PathBuf),
}

fn has_glob_chars(s: &str) -> bool {
    s.contains(['*', '?', '[', '{'])
}

fn exclusions(globs: &[String]) -> Result<GlobSet, Failure> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        let glob = Glob::new(g)
            .map_err(|e| Failure::Usage(format!("invalid --exclude glob `{g}`: {}", e.kind())))?;
        b.add(glob);
        // `--exclude vendor` also excludes what is inside it.
        if let Ok(inner) = Glob::new(&format!("{}/**", g.trim_end_matches('/'))) {
            b.add(inner);
        }
    }
    b.build().map_err(|e| Failure::Usage(e.to_string()))
}

fn excluded(set: &GlobSet, path: &Path) -> bool {
    if set.is_empty() {
        return false;
    }
    let shown = path.to_string_lossy();
    let trimmed = Path::new(shown.trim_start_matches("./"));
    set.is_match(trimmed) || path.file_name().is_some_and(|n| set.is_match(n))
}

fn is_xml(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

/// Every `*.xml` file below `dir` that git would not ignore, sorted.
fn walk(dir: &Path, exclude: &GlobSet, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(dir)
        .follow_links(false)
        .git_global(in_git_repository(dir))
        .build();
    for entry in walker {
        let entry =
            entry.map_err(|e| Failure::Usage(format!("cannot read `{}`: {e}", dir.display())))?;
        let path = entry.path();
        if entry.file_type().is_some_and(|t| t.is_file())
            && is_xml(path)
            && !excluded(exclude, path)
        {
            found.push(path.to_path_buf());
        }
    }
    // By bytes, as the report is ordered: comparing paths component by component costs
    // more than the rest of the walk.
    found.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
    out.extend(found);
    Ok(())
}

/// Whether `dir` lies in a git work tree. Git's rules, the user's global excludes among them,
/// apply only there; outside one, reading the git configuration for them is wasted.
fn in_git_repository(dir: &Path) -> bool {
    let Ok(dir) = std::path::absolute(dir) else {
        return true;
    };
    dir.ancestors().any(|d| d.join(".git").exists())
}

/// `writers/**/*.xml` when the shell did not expand it: walk the literal prefix and match.
fn expand_glob(pattern: &str, exclude: &GlobSet, out: &mut Vec<PathBuf>) -> Result<(), Failure> {
    let matcher = Glob::new(pattern)
        .map_err(|e| Failure::Usage(format!("invalid pattern `{pattern}`: {}", e.kind())))?
        .compile_matcher();
    let prefix: PathBuf = Path::new(pattern)
        .components()
        .take_while(|c| !has_glob_chars(&c.as_os_str().to_string_lossy()))
        .collect();
    let base = if prefix.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        prefix
    };
    let mut found = Vec::new();
    let walker = ignore::WalkBuilder::new(&base)
        .git_global(in_git_repository(&base))
        .build();
    for entry in walker.flatten() {
        let path = entry.path();
        let rel = path.strip_prefix("./").unwrap_or(path);
        if entry.file_type().is_some_and(|t| t.is_file())
            && matcher.is_match(rel)
            && !excluded(exclude, rel)
        {
            found.push(rel.to_path_buf());
        }
    }
    if found.is_empty() {
        return Err(Failure::Usage(format!("no file matches `{pattern}`")));
    }
    found.sort();
    out.extend(found);
    Ok(())
}

fn inputs(args: &CheckArgs) -> Result<Vec<Input>, Failure> {
    let exclude = exclusions(&args.exclude)?;
    let mut out = Vec::new();
    for p in &args.paths {
        if p.as_os_str() == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let shown = p.to_string_lossy();
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => {
                let mut files = Vec::new();
                walk(p, &exclude, &mut files)?;
                out.extend(files.into_iter().map(Input::File));
            }
            Ok(_) => {
                if !excluded(&exclude, p) {
                    out.push(Input::File(p.clone()));
                }
            }
            Err(_) if has_glob_chars(&shown) => {
                let mut files = Vec::new();
                expand_glob(&shown, &exclude, &mut files)?;
                out.extend(files.into_iter().map(Input::File));
            }
            Err(e) => {
                return Err(Failure::Usage(format!(
                    "cannot read `{shown}`: {}",
                    describe_io(&e)
                )));
            }
        }
    }
    Ok(out)
}

fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Reports of thousands of findings are megabytes: written in large pieces, they cost few
/// system calls.
const OUTPUT_BUFFER: usize = 1 << 16;

fn read_file(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        // Opening a FIFO waits for a writer; without blocking, it opens at once and is
        // refused below. Reads of regular files do not heed the flag.
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    #[cfg(not(unix))]
    if !std::fs::metadata(path)
        .map_err(|e| describe_io(&e))?
        .is_file()
    {
        return Err("it is not a regular file".into());
    }
    let file = options.open(path).map_err(|e| describe_io(&e))?;
    let meta = file.metadata().map_err(|e| describe_io(&e))?;
    if !meta.is_file() {
        return Err("it is not a regular file".into());
    }
    let len = meta.len();
    if len > max {
        return Err(format!(
            "it is {len} bytes, more than --max-file-size ({max}); raise the limit to lint it"
        ));
    }
    let mut buf = Vec::with_capacity(len as usize);
    // The size known, the file is read as it was then, in one call; a size of 0 may be a
    // file whose size the system does not know (under /proc), read up to the limit.
    let limit = if len > 0 { len } else { max + 1 };
    file.take(limit)
        .read_to_end(&mut buf)
        .map_err(|e| describe_io(&e))?;
    if buf.len() as u64 > max {
        return Err(format!(
            "it is larger than --max-file-size ({max}); raise the limit to lint it"
        ));
    }
    Ok(buf)
}

/// A linted file, and its JSON report when the report is rendered as files are linted.
type Linted = (LintedFile, Option<Vec<u8>>);

/// Configuration files by path, loaded once each.
struct Configs {
    explicit: Option<Config>,
    by_path: HashMap<PathBuf, Config>,
    discovery: Discovery,
}

impl Configs {
    fn new(explicit: Option<&Path>) -> Result<Self, Failure> {
        let explicit = match explicit {
            Some(p) => Some(Config::load(p).map_err(|e| config_failure(&e))?),
            None => None,
        };
        Ok(Configs {
            explicit,
            by_path: HashMap::new(),
            discovery: Discovery::default(),
        })
    }

    fn settings_for(&mut self, file: &Path, args: &CheckArgs) -> Result<Settings, Failure> {
        let mut s = Settings::default();
        let config = match &self.explicit {
            Some(c) => Some(c),
            None => match self.discovery.for_file(file) {
                Some(path) => {
                    if !self.by_path.contains_key(&path) {
                        let c = Config::load(&path).map_err(|e| config_failure(&e))?;
                        self.by_path.insert(path.clone(), c);
                    }
                    self.by_path.get(&path)
                }
                None => None,
            },
        };
        if let Some(c) = config {
            c.apply(file, &mut s);
        }
        if args.target_os.is_some() {
            s.target_os = args.target_os;
        }
        if args.express {
            s.express = true;
        }
        if args.no_inline_suppressions {
            s.inline_suppressions = false;
        }
        Ok(s)
    }
}

fn config_failure(e: &vsslint::config::ConfigError) -> Failure {
    let style = Style {
        color: false,
        unicode: true,
        links: false,
        width: terminal_width(),
    };
    Failure::Usage(e.render(style).trim_end().to_string())
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

fn check(args: &CheckArgs) -> Result<i32, Failure> {
    let inputs = inputs(args)?;
    let mut configs = Configs::new(args.config.as_deref())?;
    let stdin_name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdin>"));
    let mut jobs: Vec<(String, Option<PathBuf>, Settings)> = Vec::with_capacity(inputs.len());
    let mut stdin_bytes = None;
    for input in &inputs {
        match input {
            Input::Stdin => {
                let mut buf = Vec::new();
                io::stdin()
                    .take(args.max_file_size + 1)
                    .read_to_end(&mut buf)
                    .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
                if buf.len() as u64 > args.max_file_size {
                    return Err(Failure::Usage(format!(
                        "standard input is larger than --max-file-size ({})",
                        args.max_file_size
                    )));
                }
                stdin_bytes = Some(buf);
                let settings = configs.settings_for(&stdin_name, args)?;
                jobs.push((stdin_name.to_string_lossy().into_owned(), None, settings));
            }
            Input::File(p) => {
                let settings = configs.settings_for(p, args)?;
                jobs.push((p.to_string_lossy().into_owned(), Some(p.clone()), settings));
            }
        }
    }
    // A JSON report of many files is rendered by the threads that lint them, each file as
    // soon as it is linted; the report then only joins the pieces.
    let prerender = args.format == Format::Json && !args.quiet && !args.statistics;
    let render = |f: &LintedFile| prerender.then(|| report::json::render(f));
    let results: Vec<Result<Linted, String>> = jobs
        .par_iter()
        .map(|(shown, path, settings)| {
            let mut file = match path {
                None => Ok(lint_bytes(
                    shown,
                    stdin_bytes.as_deref().unwrap_or(&[]),
                    settings,
                )),
                Some(p) => read_file(p, args.max_file_size)
                    .map(|bytes| lint_owned(shown, bytes, settings))
                    .map_err(|why| format!("cannot read `{shown}`: {why}")),
            }?;
            let part = render(&file);
            // Nothing reads a rendered file's text again unless the checks across files
            // may add to it; freed now, its memory serves the next file's.
            if part.is_some() && !vsslint::lint::joins_checks_across(&file) {
                file.text = String::new();
            }
            Ok((file, part))
        })
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut parts = Vec::with_capacity(results.len());
    let mut settings = Vec::with_capacity(results.len());
    for (r, job) in results.into_iter().zip(&jobs) {
        let (file, part) = r.map_err(Failure::Usage)?;
        files.push(file);
        parts.push(part);
        settings.push(&job.2);
    }
    let found: Vec<usize> = files.iter().map(|f| f.diagnostics.len()).collect();
    vsslint::lint::check_across(&mut files, &settings);
    // Checks across files only add findings; a file that gained some is rendered again.
    for ((f, part), before) in files.iter().zip(&mut parts).zip(found) {
        if f.diagnostics.len() != before {
            *part = render(f);
        }
    }
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by(|a, b| files[*a].path.cmp(&files[*b].path));
    let (mut files, parts): (Vec<LintedFile>, Vec<Option<Vec<u8>>>) = {
        let mut slots: Vec<Option<Linted>> = files.into_iter().zip(parts).map(Some).collect();
        order
            .iter()
            .map(|i| slots[*i].take().expect("each once"))
            .unzip()
    };

    let summary_before_filter = report::Summary::of(&files);
    if args.quiet {
        for f in &mut files {
            f.diagnostics.retain(|d| d.severity == Severity::Error);
        }
    }

    let mut sink: Box<dyn Write> = match &args.output_file {
        Some(p) => Box::new(io::BufWriter::with_capacity(
            OUTPUT_BUFFER,
            std::fs::File::create(p).map_err(|e| {
                Failure::Usage(format!(
                    "cannot write `{}`: {}",
                    p.display(),
                    describe_io(&e)
                ))
            })?,
        )),
        None => Box::new(io::BufWriter::with_capacity(
            OUTPUT_BUFFER,
            io::stdout().lock(),
        )),
    };
    let to_terminal = args.output_file.is_none() && io::stdout().is_terminal();
    if args.statistics {
        statistics(&mut *sink, &files, args.format)?;
    } else {
        let cap = if args.max_diagnostics == 0 {
            usize::MAX
        } else {
            args.max_diagnostics
        };
        match args.format {
            Format::Full => {
                let color = use_color(args.color, to_terminal);
                let style = Style {
                    color,
                    unicode: true,
                    links: color && to_terminal,
                    width: terminal_width(),
                };
                report::full::write_capped(&mut *sink, &files, style, cap)?
            }
            Format::Concise => report::concise::write_capped(&mut *sink, &files, cap)?,
            Format::Json => match parts
                .iter()
                .map(Option::as_deref)
                .collect::<Option<Vec<_>>>()
            {
                Some(rendered) => report::json::write_rendered(&mut *sink, &files, &rendered)?,
                None => report::json::write(&mut *sink, &files)?,
            },
            Format::JsonLines => report::json::write_lines(&mut *sink, &files)?,
            Format::Sarif => report::sarif::write(&mut *sink, &files)?,
            Format::Github => {
                report::github::write(&mut *sink, &files)?;
                if let Some(path) =
                    std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty())
                {
                    let mut f = std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(&path)?;
                    f.write_all(report::github::step_summary(&files).as_bytes())?;
                }
            }
        }
    }
    sink.flush()?;
    drop(sink);
    // The process ends right after: freeing every file's text and findings one by one
    // would only delay the exit.
    std::mem::forget(files);
    std::mem::forget(parts);

    let failed = summary_before_filter.errors > 0
        || args
            .max_warnings
            .is_some_and(|max| summary_before_filter.warnings > max);
    if failed
        && args
            .max_warnings
            .is_some_and(|max| summary_before_filter.warnings > max)
    {
        eprintln!(
            "vsslint: {} warnings, more than --max-warnings {}",
            summary_before_filter.warnings,
            args.max_warnings.unwrap_or(0)
        );
    }
    Ok(if failed && !args.exit_zero {
        FINDINGS
    } else {
        OK
    })
}

fn statistics(out: &mut dyn Write, files: &[LintedFile], format: Format) -> io::Result<()> {
    let mut counts: BTreeMap<(&str, &str), (usize, Severity)> = BTreeMap::new();
    for d in files.iter().flat_map(|f| &f.diagnostics) {
        let e = counts
            .entry((d.rule.code, d.rule.slug))
            .or_insert((0, d.severity));
        e.0 += 1;
        e.1 = e.1.max(d.severity);
    }
    let mut rows: Vec<_> = counts.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    if matches!(format, Format::Json | Format::JsonLines | Format::Sarif) {
        let list: Vec<_> = rows
            .iter()
            .map(|((code, slug), (n, sev))| serde_json::json!({"code": code, "rule": slug, "count": n, "severity": sev}))
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list)?;
        return writeln!(out);
    }
    for ((code, slug), (n, sev)) in &rows {
        writeln!(out, "{n:>6}  {code}  {slug:<44} {sev}")?;
    }
    writeln!(out, "{}", report::Summary::of(files).line())
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w >= 40)
        .unwrap_or(100)
}

fn read_one(file: &Path) -> Result<Vec<u8>, Failure> {
    if file.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        return Ok(buf);
    }
    std::fs::read(file).map_err(|e| {
        Failure::Usage(format!(
            "cannot read `{}`: {}",
            file.display(),
            describe_io(&e)
        ))
    })
}

fn dump(file: &Path) -> Result<i32, Failure> {
    let bytes = read_one(file)?;
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
    let mut out = io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, &value).map_err(io::Error::from)?;
    writeln!(out)?;
    Ok(OK)
}

/// `dump` of a file that does not decode or parse: show why, as the linter would.
fn report_broken(shown: &str, bytes: &[u8]) -> Result<i32, Failure> {
    let file = lint_bytes(shown, bytes, &Settings::default());
    let mut err = io::stderr().lock();
    report::full::write(
        &mut err,
        std::slice::from_ref(&file),
        Style::plain(terminal_width()),
    )?;
    Ok(FINDINGS)
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
            serde_json::to_writer_pretty(&mut out, &list).map_err(io::Error::from)?;
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

fn explain(name: &str) -> Result<i32, Failure> {
    match rules::find(name) {
        Some(rule) => {
            print!("{}", vsslint::reference::page(&rule.meta));
            Ok(OK)
        }
        None => Err(Failure::Usage(format!(
            "no rule `{name}`; `vsslint rules` lists every rule by slug and code"
        ))),
    }
}

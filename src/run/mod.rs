//! One run of the linter, as the command line makes it, in named stages: plan the inputs
//! (find the files, settle each one's settings), open and lint them in parallel, assemble the
//! backups, run the checks across documents, settle the fixes, write the report, and say how
//! the run ended.
//!
//! The command line only turns its arguments into [`Options`]; an editor server or a test
//! harness calls [`run`] the same way.

mod backups;
mod compat;
mod configs;
pub mod coverage;
pub mod dump;
mod fixes;
mod inputs;
mod lint;
mod options;
mod plan;
mod show_settings;
mod sink;

pub use compat::{compat, CompatOptions};
use fixes::FixRecord;
pub use options::{Failure, FixMode, Options, OptionsError, Outcome};
pub use show_settings::show_settings;

use inputs::read_file;
use lint::{Done, Linter};
use plan::{plan_inputs, Job, Plan};
use sink::{report_emitter, to_sink, too_many_warnings_note, write_report};
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use vsslint_container::Origin;
use vsslint_lint::engine::Registry;
use vsslint_lint::pipeline::{check_across_with, LintedFile};
use vsslint_lint::report::{Emitter, HiddenBy, Summary};
use vsslint_lint::rule_meta::Severity;
use vsslint_lint::settings::Settings;

/// Lints what `opts` names with the built-in rules and writes the report to `out` (or to
/// `opts.output_file`).
pub fn run(opts: &Options, out: &mut dyn Write) -> Result<Outcome, Failure> {
    run_with(opts, out, Registry::builtin())
}

/// A run, stage by stage.
pub(crate) fn run_with(
    opts: &Options,
    out: &mut dyn Write,
    registry: &Registry,
) -> Result<Outcome, Failure> {
    let emitter = choose_report(opts)?;
    let mut plan = plan_inputs(opts, registry)?;
    let stdin = plan.stdin.take();
    let linter = Linter::new(opts, registry, stdin.as_deref(), emitter);
    let mut batch = lint_in_parallel(&mut plan, &linter)?;
    assemble_backups(&mut batch, opts)?;
    let found = check_across_documents(&mut batch, &plan.jobs, opts, registry);
    let (fixes, fixed_stdin) = settle_fixes(std::mem::take(&mut batch.fixes));
    let (files, parts) = reported(batch, found, &linter, opts);
    let summary = Summary::of(&files);
    write_output(opts, out, &files, &parts, &fixes, fixed_stdin)?;
    // The process usually ends right after: freeing every file's text and findings one by
    // one would only delay the exit.
    std::mem::forget(files);
    std::mem::forget(parts);
    Ok(outcome(opts, &summary, &fixes, &plan.skipped))
}

/// The files of a run in the order of their jobs, with what the later stages need of each.
#[derive(Default)]
struct Batch {
    files: Vec<LintedFile>,
    /// Each file's part of the report, rendered ahead.
    parts: Vec<Option<Vec<u8>>>,
    /// Each file's job, whose settings it is linted with.
    job_of: Vec<usize>,
    /// The path of each file of its own: a cabinet's entries and a transcript's writers are
    /// not their folder's documents.
    paths: Vec<Option<PathBuf>>,
    /// Whether each file is a member of a backup read for context only.
    contexts: Vec<bool>,
    /// What fixing each job did, in the order of the jobs.
    fixes: Vec<FixRecord>,
}

impl Batch {
    /// Adds what linting `jobs`, the jobs from the `first`th on, gave.
    fn add(&mut self, done: Vec<Done>, jobs: &[Job], first: usize) {
        // Grown once: a file is a few hundred bytes, and vectors grown by doubling would move
        // them all again, on the one thread that runs between the parallel stages.
        let n: usize = done.iter().map(|d| d.files.len()).sum();
        self.files.reserve(n);
        self.parts.reserve(n);
        self.job_of.reserve(n);
        self.paths.reserve(n);
        self.contexts.reserve(n);
        for (k, (done, job)) in done.into_iter().zip(jobs).enumerate() {
            for (file, part) in done.files {
                let own = file.origin == Origin::File;
                self.files.push(file);
                self.parts.push(part);
                self.job_of.push(first + k);
                self.paths.push(job.path.clone().filter(|_| own));
                self.contexts.push(job.context);
            }
            self.fixes.extend(done.fix);
        }
    }
}

/// The emitter of the report, once the options are known to have one.
fn choose_report(opts: &Options) -> Result<&'static dyn Emitter, Failure> {
    if opts.statistics && !opts.format.holds_statistics() {
        return Err(OptionsError::StatisticsIn(opts.format).into());
    }
    Ok(report_emitter(opts))
}

/// Lints every file planned, in parallel. A document named that turns out to be a backup's
/// under another name makes its folder a backup: the folder's other documents are then
/// planned and linted too, for context, once.
fn lint_in_parallel(plan: &mut Plan, linter: &Linter) -> Result<Batch, Failure> {
    let mut batch = Batch::default();
    let mut done = 0;
    while done < plan.jobs.len() {
        let jobs = &plan.jobs[done..];
        batch.add(linter.lint_in_parallel(jobs), jobs, done);
        done = plan.jobs.len();
        let backups = backups::backups_by_kind(&batch.files, &batch.paths);
        plan.add_members_of(&backups)?;
    }
    Ok(batch)
}

/// Marks the files of every backup as its members. A member's text let go as it was linted
/// is read again, for the checks across the backup's documents; its part of the report is
/// rendered again after them.
fn assemble_backups(batch: &mut Batch, opts: &Options) -> Result<(), Failure> {
    for i in backups::mark(&mut batch.files, &batch.paths) {
        let file = &mut batch.files[i];
        if let (true, Some(p)) = (file.text.is_empty(), &batch.paths[i]) {
            let bytes = read_file(p, opts.max_file_size).map_err(|why| {
                Failure::Usage(format!("cannot read `{}` again: {why}", file.path))
            })?;
            if let Ok(decoded) = vsslint_model::decode::decode_owned(bytes) {
                file.text = Arc::new(decoded.text);
            }
        }
        batch.parts[i] = None;
    }
    Ok(())
}

/// Runs the checks across documents, then hides what each file's settings do not list; how
/// many findings each file had before.
fn check_across_documents(
    batch: &mut Batch,
    jobs: &[Job],
    opts: &Options,
    registry: &Registry,
) -> Vec<usize> {
    let settings: Vec<&Settings> = batch.job_of.iter().map(|k| &*jobs[*k].settings).collect();
    let found = batch.files.iter().map(|f| f.diagnostics.len()).collect();
    check_across_with(&mut batch.files, &settings, registry);
    // Statistics count every finding by rule; what is listed is only the lists' business.
    if opts.quiet || opts.statistics {
        return found;
    }
    for ((f, s), part) in batch.files.iter_mut().zip(&settings).zip(&mut batch.parts) {
        if f.hide_unlisted(s) {
            *part = None;
        }
    }
    found
}

/// What the fixes did, in the order of the files' names, and the fixed standard input.
fn settle_fixes(mut fixes: Vec<FixRecord>) -> (Vec<FixRecord>, Option<Vec<u8>>) {
    fixes.sort_by(|a, b| a.shown.cmp(&b.shown));
    let stdin = fixes.iter_mut().find_map(|r| r.stdout.take());
    (fixes, stdin)
}

/// The files reported on, in the order of their paths, each with its part of the report.
/// The members read for context leave here, with whatever was found in them; a file the
/// checks across files added to (they only add) is rendered again.
fn reported(
    batch: Batch,
    found: Vec<usize>,
    linter: &Linter,
    opts: &Options,
) -> (Vec<LintedFile>, Vec<Option<Vec<u8>>>) {
    let Batch {
        files,
        mut parts,
        contexts,
        ..
    } = batch;
    for (((f, part), before), context) in files.iter().zip(&mut parts).zip(found).zip(&contexts) {
        if !context && (f.diagnostics.len() != before || part.is_none()) {
            *part = linter.render(f);
        }
    }
    // Files are usually linted in the order of their paths already; when not (a backup's
    // members joined them, or the command line named them in another order), they are put in
    // order, each moved once.
    let in_order = !contexts.contains(&true) && files.is_sorted_by(|a, b| a.path <= b.path);
    let (mut files, parts) = if in_order {
        (files, parts)
    } else {
        in_path_order(files, parts, &contexts)
    };
    if opts.quiet {
        for f in &mut files {
            f.hide_below(Severity::Error, HiddenBy::Quiet);
        }
    }
    (files, parts)
}

/// The files not read for context, with their parts, in the order of their paths (files of
/// one path in the order they came).
fn in_path_order(
    files: Vec<LintedFile>,
    parts: Vec<Option<Vec<u8>>>,
    contexts: &[bool],
) -> (Vec<LintedFile>, Vec<Option<Vec<u8>>>) {
    let mut order: Vec<usize> = (0..files.len()).filter(|i| !contexts[*i]).collect();
    // Sorted by index: a file is large to move.
    order.sort_by(|a, b| files[*a].path.cmp(&files[*b].path));
    let mut slots: Vec<Option<_>> = files.into_iter().zip(parts).map(Some).collect();
    order
        .iter()
        .map(|i| slots[*i].take().expect("each once"))
        .unzip()
}

/// Writes the report, or under `--diff` the diffs. The fixed standard input goes first, to
/// `out`; the report then goes to standard error, unless it has a file of its own.
fn write_output(
    opts: &Options,
    out: &mut dyn Write,
    files: &[LintedFile],
    parts: &[Option<Vec<u8>>],
    fixes: &[FixRecord],
    fixed_stdin: Option<Vec<u8>>,
) -> Result<(), Failure> {
    let mut stderr;
    let out: &mut dyn Write = match fixed_stdin {
        Some(doc) => {
            out.write_all(&doc)?;
            out.flush()?;
            if opts.output_file.is_none() {
                stderr = io::stderr();
                &mut stderr
            } else {
                out
            }
        }
        None => out,
    };
    to_sink(opts, out, |sink| {
        if opts.fix == Some(FixMode::Diff) {
            for diff in fixes.iter().filter_map(|r| r.diff.as_deref()) {
                sink.write_all(diff.as_bytes())?;
            }
            Ok(())
        } else {
            write_report(sink, opts, files, parts)
        }
    })
}

/// How the run ends: the exit code, and the notes for standard error.
fn outcome(opts: &Options, summary: &Summary, fixes: &[FixRecord], skipped: &[String]) -> Outcome {
    let too_many_warnings = opts.max_warnings.is_some_and(|max| summary.warnings > max);
    let mut failed = summary.errors > 0 || too_many_warnings;
    let mut notes = Vec::new();
    if let Some(mode) = opts.fix {
        notes.extend(fixes::notes(fixes, mode));
        if mode == FixMode::Diff {
            // --diff answers one question: is there anything to fix?
            failed = fixes::fixed(fixes) > 0;
        }
    }
    if !skipped.is_empty() {
        let skipped: Vec<String> = skipped.iter().map(|p| format!("`{p}`")).collect();
        notes.push(format!(
            "vsslint: skipped {} (excluded by --exclude)",
            skipped.join(", ")
        ));
    }
    // With --exit-zero nothing fails, so nothing is announced as a failure.
    notes.extend(too_many_warnings_note(opts, summary));
    Outcome {
        code: if failed && !opts.exit_zero { 1 } else { 0 },
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vsslint_lint::report::Format;
    use vsslint_lint::rule_api::{Across, AcrossCx, Check, Facts, Member, Rule};
    use vsslint_lint::rule_meta::{RuleMeta, Severity};

    /// A second check across documents, registered only here: it involves the documents that
    /// do not name their instance (which `lp/global-uniqueness` leaves alone), and reports in
    /// each document after the first of its writer class, at its last component.
    static SAME_CLASS: Rule = Rule {
        meta: RuleMeta {
            slug: "test/same-writer-class",
            code: "VSL999",
            severity: Severity::Warning,
            summary: "Two documents of one writer class",
            across_documents: true,
            ..RuleMeta::BASE
        },
        check: Check::Across(Across {
            involves: Some(unnamed_instance),
            needs_models: false,
            check: same_class,
        }),
    };

    fn unnamed_instance(doc: &Facts) -> bool {
        doc.identity.is_some_and(|id| id.instance_name.is_none())
    }

    fn same_class(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
        let id = |d: &Member| d.facts.identity.map(|id| id.writer_id);
        for (i, doc) in docs.iter().enumerate() {
            let first = docs[..i].iter().find(|d| id(d) == id(doc));
            let last = doc.facts.identity.and_then(|id| id.components.last());
            if let (Some(first), Some(last)) = (first, last) {
                let message = format!("the writer class of {} again", first.facts.path);
                cx.report(docs, i, last.2, message);
            }
        }
    }

    fn document(components: &[&str]) -> String {
        let groups: String = components
            .iter()
            .map(|c| format!("\n    <FILE_GROUP componentName=\"{c}\" selectable=\"yes\">\n      <FILE_LIST path=\"C:\\Data\\{c}\" filespec=\"*.dat\"/>\n    </FILE_GROUP>"))
            .collect();
        format!(
            "<WRITER_METADATA xmlns=\"x-schema:#VssWriterMetadataInfo\" version=\"1.2\">\n  <IDENTIFICATION writerId=\"5cbc3b8e-4c7a-4b9e-9a5c-2f6f2a1e7d10\" friendlyName=\"Contoso\" usage=\"USER_DATA\" dataSource=\"OTHER\"/>\n  <RESTORE_METHOD method=\"RESTORE_IF_NOT_THERE\" writerRestore=\"never\" rebootRequired=\"no\"/>\n  <BACKUP_LOCATIONS>{groups}\n  </BACKUP_LOCATIONS>\n</WRITER_METADATA>\n"
        )
    }

    /// 1-based line and character column of the `FILE_GROUP` name of component `name`.
    fn position_of(text: &str, name: &str) -> (u64, u64) {
        let at = text
            .find(&format!("<FILE_GROUP componentName=\"{name}\""))
            .expect("component in text")
            + 1;
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line as u64, column as u64)
    }

    /// A check across documents added in one file and registered in one place keeps the
    /// true positions of its findings in the JSON report, whose texts are freed as it is
    /// rendered: the texts to keep are decided by the registry, never by a rule's name.
    #[test]
    fn a_second_check_across_documents_reports_true_positions_in_json() {
        let dir = std::env::temp_dir().join(format!("vsslint-across-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let texts = [
            document(&["Ledger"]),
            document(&["Ledger", "Journal", "Archive"]),
            document(&["Ledger", "Journal"]),
        ];
        let mut paths = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let path = dir.join(format!("wm{i}.xml"));
            std::fs::write(&path, text).unwrap();
            paths.push(path);
        }
        let registry = Registry::with_extra(&[&SAME_CLASS]);
        let opts = Options {
            paths: vec![dir.clone()],
            format: Format::Json,
            ..Options::default()
        };
        let mut out = Vec::new();
        run_with(&opts, &mut out, &registry).expect("the run finishes");
        std::fs::remove_dir_all(&dir).unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let found: Vec<_> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "test/same-writer-class")
            .collect();
        assert_eq!(found.len(), 2, "{report:#}");
        for (d, (i, last)) in found.iter().zip([(1, "Archive"), (2, "Journal")]) {
            // JSON names a file outside the working directory as given, with `/` on Windows
            // too.
            let expected = paths[i].to_string_lossy();
            let expected = if cfg!(windows) {
                expected.replace('\\', "/")
            } else {
                expected.into_owned()
            };
            assert_eq!(d["file"], expected);
            let (line, column) = position_of(&texts[i], last);
            assert_eq!(
                (d["line"].as_u64(), d["column"].as_u64()),
                (Some(line), Some(column)),
                "{d:#}"
            );
            assert!(line > 1, "the finding is not on the first line");
            assert_eq!(d["severity"], "warning");
        }
        // The built-in rules see none of this.
        let mut plain = Vec::new();
        let dir2 = std::env::temp_dir().join(format!("vsslint-across-b-{}", std::process::id()));
        std::fs::create_dir_all(&dir2).unwrap();
        for (i, text) in texts.iter().enumerate() {
            std::fs::write(dir2.join(format!("wm{i}.xml")), text).unwrap();
        }
        let opts = Options {
            paths: vec![dir2.clone()],
            ..opts
        };
        run_with(&opts, &mut plain, Registry::builtin()).unwrap();
        std::fs::remove_dir_all(&dir2).unwrap();
        assert!(!String::from_utf8(plain)
            .unwrap()
            .contains("same-writer-class"));
    }

    /// The library says what is wrong with the options in its own terms; the flags that set
    /// them are the command line's to name.
    #[test]
    fn errors_in_the_options_name_no_flags() {
        let dir = std::env::temp_dir().join(format!("vsslint-options-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let run_of = |opts: Options| run(&opts, &mut Vec::new()).expect_err("the run fails");
        let statistics = run_of(Options {
            paths: vec![dir.clone()],
            format: Format::Sarif,
            statistics: true,
            ..Options::default()
        });
        let empty = run_of(Options {
            paths: vec![dir.clone()],
            exclude: vec!["*.bak".into()],
            ..Options::default()
        });
        let glob = run_of(Options {
            paths: vec![dir.clone()],
            exclude: vec!["a[".into()],
            ..Options::default()
        });
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(matches!(
            glob,
            Failure::Options(OptionsError::InvalidExclude { .. })
        ));
        assert!(matches!(
            statistics,
            Failure::Options(OptionsError::StatisticsIn(Format::Sarif))
        ));
        assert_eq!(
            statistics.to_string(),
            "statistics cannot be written as sarif: they are a table (full, concise) or a JSON list (json)"
        );
        let Failure::Options(OptionsError::NoDocuments { under, excluding }) = &empty else {
            panic!("{empty}");
        };
        assert_eq!((under, *excluding), (&vec![dir.clone()], true));
        for failure in [statistics, empty, glob] {
            assert!(!failure.to_string().contains("--"), "{failure}");
        }
    }
}

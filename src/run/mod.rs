//! One run of the linter, as the command line makes it: find the files, settle each one's
//! settings, lint them in parallel, run the checks across them, and write the report.
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
mod options;
mod show_settings;

pub use compat::{compat, CompatOptions};
use fixes::{fix_file, FixRecord};
pub use options::{Failure, FixMode, Options, OptionsError, Outcome};
pub use show_settings::show_settings;

use crate::container::cab::CabLimits;
use crate::container::{self, Opened, Origin};
use crate::engine::Registry;
use crate::pipeline::{
    check_across_with, keeps_text, lint_owned_with, lint_read_transcript, unreadable, LintedFile,
};
use crate::report::{self, EmitContext, Emitter, HiddenBy, Summary};
use crate::rule_meta::Severity;
use crate::settings::Settings;
use configs::{Configs, Selection};
use inputs::{describe_io, read_file, Exclusions, Input};
use rayon::prelude::*;
use std::io::{self, Read, Write};
use std::path::PathBuf;

/// Reports of thousands of findings are megabytes: written in large pieces, they cost few
/// system calls.
const OUTPUT_BUFFER: usize = 1 << 16;

/// Lints what `opts` names with the built-in rules and writes the report to `out` (or to
/// `opts.output_file`).
pub fn run(opts: &Options, out: &mut dyn Write) -> Result<Outcome, Failure> {
    run_with(opts, out, Registry::builtin())
}

/// One file to lint: the name shown, where to read it (`None`: standard input), its settings.
struct Job {
    shown: String,
    path: Option<PathBuf>,
    settings: std::sync::Arc<Settings>,
    /// The backup set it belongs to, as far as file names tell.
    set: Option<String>,
    /// A member of a backup that was not named: read for the checks across the backup's
    /// documents, never reported on.
    context: bool,
}

/// A linted file, and its JSON report when the report is rendered as files are linted.
type Linted = (LintedFile, Option<Vec<u8>>);

pub(crate) fn run_with(
    opts: &Options,
    out: &mut dyn Write,
    registry: &Registry,
) -> Result<Outcome, Failure> {
    if opts.statistics && !opts.format.holds_statistics() {
        return Err(OptionsError::StatisticsIn(opts.format).into());
    }
    let exclude = Exclusions::new(&opts.exclude)?;
    let found = inputs::inputs(&opts.paths, &exclude)?;
    let mut configs = Configs::new(opts.config.as_deref(), opts.style.width)?;
    let selection = Selection::new(opts, registry)?;
    let stdin_name = opts
        .stdin_filename
        .clone()
        .unwrap_or_else(|| PathBuf::from("<stdin>"));
    // An editor hands over a buffer by name: the project's exclusions hold for it too.
    let stdin_excluded = opts
        .stdin_filename
        .as_deref()
        .is_some_and(|p| exclude.excludes(p));
    let mut skipped: Vec<String> = found
        .excluded
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let mut jobs: Vec<Job> = Vec::with_capacity(found.inputs.len());
    let mut stdin_bytes = None;
    for input in &found.inputs {
        match input {
            Input::Stdin if stdin_excluded => skipped.push(stdin_name.to_string_lossy().into()),
            Input::Stdin => {
                stdin_bytes = Some(read_stdin(opts.max_file_size)?);
                jobs.push(Job {
                    shown: stdin_name.to_string_lossy().into_owned(),
                    path: None,
                    settings: configs.shared_settings_for(&stdin_name, opts, &selection)?,
                    set: None,
                    context: false,
                });
            }
            Input::File(p) => jobs.push(Job {
                shown: p.to_string_lossy().into_owned(),
                settings: configs.shared_settings_for(p, opts, &selection)?,
                path: Some(p.clone()),
                set: None,
                context: false,
            }),
        }
    }
    if jobs.is_empty() && skipped.is_empty() && !opts.allow_no_files {
        return Err(OptionsError::NoDocuments {
            under: found.empty.clone(),
            excluding: !opts.exclude.is_empty(),
        }
        .into());
    }
    let named: Vec<&std::path::Path> = jobs.iter().filter_map(|j| j.path.as_deref()).collect();
    let mut folders = backups::Folders::of(&named);
    for job in &mut jobs {
        job.set = job.path.as_deref().and_then(|p| folders.set_by_name(p));
    }
    let mut context = Vec::new();
    for dir in folders.named_backups() {
        context.extend(folders.take_others(&dir));
    }
    let context_jobs = |paths: Vec<PathBuf>, configs: &mut Configs| -> Result<Vec<Job>, Failure> {
        paths
            .into_iter()
            .map(|p| {
                Ok(Job {
                    shown: p.to_string_lossy().into_owned(),
                    settings: configs.shared_settings_for(&p, opts, &selection)?,
                    set: Some(backups::set_name(backups::folder(&p))),
                    path: Some(p),
                    context: true,
                })
            })
            .collect()
    };
    jobs.extend(context_jobs(context, &mut configs)?);
    // A report whose format renders files ahead (JSON) has each rendered by the thread that
    // linted it, as soon as it is linted; writing the report then only joins the pieces.
    // `--quiet` hides findings only once every file is linted: nothing is rendered ahead.
    let emitter = report_emitter(opts);
    let prerender = !opts.quiet;
    // A report that shows positions and no source lines needs no file's text once its
    // findings are located: 20,000 small documents in `concise` peak at 82 MB instead of
    // 112 MB (scripts/bench-memory.sh).
    let positions_only = !opts.format.emitter().shows_source() && opts.fix != Some(FixMode::Diff);
    let render = |f: &LintedFile| prerender.then(|| emitter.render(f)).flatten();
    let lint_jobs = |jobs: &[Job]| -> (Vec<Vec<Linted>>, Vec<FixRecord>) {
        let results: Vec<(Vec<Linted>, Option<FixRecord>)> = jobs
            .par_iter()
            .map(|job| {
                let (linted, record) = lint_job(job, stdin_bytes.as_deref(), opts, registry);
                // Done on the thread that linted the file, so that no more texts are held at
                // once than files are being linted.
                let linted = linted
                    .into_iter()
                    .map(|mut file| {
                        let part = (!job.context).then(|| render(&file)).flatten();
                        let located = positions_only && !job.context;
                        // Nothing reads a rendered file's text again unless a check across
                        // files may add to it; freed now, its memory serves the next file's.
                        if (part.is_some() || located)
                            && !keeps_text(&file, &job.settings, registry)
                        {
                            if located {
                                report::locate_in_place(&mut file);
                            }
                            file.text = std::sync::Arc::from("");
                        }
                        (file, part)
                    })
                    .collect();
                (linted, record)
            })
            .collect();
        let mut records = Vec::new();
        let linted = results
            .into_iter()
            .map(|(linted, record)| {
                records.extend(record);
                linted
            })
            .collect();
        (linted, records)
    };
    let (mut results, mut records) = lint_jobs(&jobs);
    let mut files = Vec::with_capacity(results.len());
    let mut parts = Vec::with_capacity(results.len());
    // Each file's job, whose settings it is linted with.
    let mut job_of: Vec<usize> = Vec::with_capacity(results.len());
    let mut paths: Vec<Option<PathBuf>> = Vec::with_capacity(results.len());
    let mut contexts: Vec<bool> = Vec::with_capacity(results.len());
    let mut done = 0;
    loop {
        for (k, (linted, job)) in results.into_iter().zip(&jobs[done..]).enumerate() {
            for (file, part) in linted {
                // Only a file of its own lies in a folder: a cabinet's entries and a
                // transcript's writers are not their folder's documents.
                let own = file.origin == Origin::File;
                files.push(file);
                parts.push(part);
                job_of.push(done + k);
                paths.push(job.path.clone().filter(|_| own));
                contexts.push(job.context);
            }
        }
        done = jobs.len();
        // A document named that is a backup's under another name makes its folder a backup:
        // the folder's other documents are read for context once.
        let more: Vec<PathBuf> = backups::backups_by_kind(&files, &paths)
            .iter()
            .flat_map(|dir| folders.take_others(dir))
            .collect();
        if more.is_empty() {
            break;
        }
        jobs.extend(context_jobs(more, &mut configs)?);
        let (linted, more_records) = lint_jobs(&jobs[done..]);
        results = linted;
        records.extend(more_records);
    }
    for i in backups::mark(&mut files, &paths) {
        if files[i].text.is_empty() {
            if let Some(p) = &paths[i] {
                let bytes = read_file(p, opts.max_file_size).map_err(|why| {
                    Failure::Usage(format!("cannot read `{}` again: {why}", files[i].path))
                })?;
                if let Ok(decoded) = crate::decode::decode_owned(bytes) {
                    files[i].text = std::sync::Arc::from(decoded.text);
                }
            }
        }
        parts[i] = None;
    }
    let settings: Vec<&Settings> = job_of.iter().map(|k| &*jobs[*k].settings).collect();
    let found: Vec<usize> = files.iter().map(|f| f.diagnostics.len()).collect();
    check_across_with(&mut files, &settings, registry);
    // Statistics count every finding by rule; what is listed is only the lists' business.
    if !opts.quiet && !opts.statistics {
        for ((f, s), part) in files.iter_mut().zip(&settings).zip(&mut parts) {
            let (min, set) = s.listed_from(f.set.is_some());
            let by = if set {
                HiddenBy::MinSeverity(min)
            } else {
                HiddenBy::Backup
            };
            let before = f.diagnostics.len();
            f.hide_below(min, by);
            if f.diagnostics.len() != before {
                *part = None;
            }
        }
    }
    // The members read for context leave the report here, with whatever was found in them.
    let files: Vec<LintedFile> = files
        .into_iter()
        .zip(&contexts)
        .filter_map(|(f, context)| (!context).then_some(f))
        .collect();
    let mut parts: Vec<Option<Vec<u8>>> = parts
        .into_iter()
        .zip(&contexts)
        .filter_map(|(p, context)| (!context).then_some(p))
        .collect();
    let found: Vec<usize> = found
        .into_iter()
        .zip(&contexts)
        .filter_map(|(n, context)| (!context).then_some(n))
        .collect();
    // Checks across files only add findings; a file that gained some is rendered again.
    for ((f, part), before) in files.iter().zip(&mut parts).zip(found) {
        if f.diagnostics.len() != before || part.is_none() {
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

    if opts.quiet {
        for f in &mut files {
            f.hide_below(Severity::Error, HiddenBy::Quiet);
        }
    }
    let summary = Summary::of(&files);
    records.sort_by(|a, b| a.shown.cmp(&b.shown));
    // The fixed standard input goes to standard output, so the report goes elsewhere.
    let fixed_stdin = records.iter_mut().find_map(|r| r.stdout.take());
    let mut out = out;
    let mut stderr_sink;
    if let Some(doc) = &fixed_stdin {
        out.write_all(doc)?;
        out.flush()?;
        if opts.output_file.is_none() {
            stderr_sink = io::stderr();
            out = &mut stderr_sink;
        }
    }

    to_sink(opts, out, |sink| {
        if opts.fix == Some(FixMode::Diff) {
            for diff in records.iter().filter_map(|r| r.diff.as_deref()) {
                sink.write_all(diff.as_bytes())?;
            }
            Ok(())
        } else {
            write_report(sink, opts, &files, &parts)
        }
    })?;
    // The process usually ends right after: freeing every file's text and findings one by
    // one would only delay the exit.
    std::mem::forget(files);
    std::mem::forget(parts);

    let too_many_warnings = opts.max_warnings.is_some_and(|max| summary.warnings > max);
    let mut failed = summary.errors > 0 || too_many_warnings;
    // With --exit-zero nothing fails, so nothing is announced as a failure.
    let mut notes = Vec::new();
    if let Some(mode) = opts.fix {
        let fixed: usize = records.iter().map(|r| r.applied).sum();
        let in_files = records.iter().filter(|r| r.applied > 0).count();
        let (verb, plural) = (
            if mode == FixMode::Diff {
                "would fix"
            } else {
                "fixed"
            },
            |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many },
        );
        if fixed > 0 {
            notes.push(format!(
                "vsslint: {verb} {fixed} {} in {in_files} {}",
                plural(fixed, "finding", "findings"),
                plural(in_files, "file", "files")
            ));
        }
        for r in &records {
            if let Some(why) = &r.refused {
                notes.push(format!("vsslint: `{}` left unchanged: {why}", r.shown));
            }
        }
        if mode == FixMode::Diff {
            // --diff answers one question: is there anything to fix?
            failed = fixed > 0;
        }
    }
    if !skipped.is_empty() {
        notes.push(format!(
            "vsslint: skipped {} (excluded by --exclude)",
            skipped
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    notes.extend(too_many_warnings_note(opts, &summary));

    Ok(Outcome {
        code: if failed && !opts.exit_zero { 1 } else { 0 },
        notes,
    })
}

/// Lints one input through the container entrance: a document (fixed when asked), each
/// document of a cabinet as one backup (`backup.cab!/WM3.xml`), each writer of a transcript.
/// An input that yields no document is one `doc/unreadable` finding, and the run goes on.
fn lint_job(
    job: &Job,
    stdin: Option<&[u8]>,
    opts: &Options,
    registry: &Registry,
) -> (Vec<LintedFile>, Option<FixRecord>) {
    let settings = &job.settings;
    let bytes = match &job.path {
        None => stdin.unwrap_or_default().to_vec(),
        Some(p) => match read_file(p, opts.max_file_size) {
            Ok(bytes) => bytes,
            Err(why) => return (vec![unreadable(&job.shown, &why, settings)], None),
        },
    };
    let limits = CabLimits {
        max_bytes: opts.max_file_size,
        max_expansion: opts.max_cabinet_expansion,
        ..CabLimits::default()
    };
    let linted: Vec<LintedFile> = match container::open(bytes, &limits) {
        Err(why) => vec![unreadable(&job.shown, &why, settings)],
        Ok(Opened::Document(bytes)) => {
            let (mut file, record) = match opts.fix.filter(|_| !job.context) {
                None => (lint_owned_with(&job.shown, bytes, settings, registry), None),
                Some(mode) => {
                    let (file, record) = fix_file(job, &bytes, mode, opts, registry);
                    (file, Some(record))
                }
            };
            file.set = job.set.clone();
            return (vec![file], record);
        }
        Ok(Opened::Cabinet(entries)) => entries
            .into_par_iter()
            .map(|entry| {
                let path = format!("{}!/{}", job.shown, entry.name);
                let mut file = match entry.bytes {
                    Ok(bytes) => lint_owned_with(&path, bytes, settings, registry),
                    Err(why) => unreadable(&path, &why, settings),
                };
                file.set = Some(job.shown.clone());
                file.origin = Origin::CabinetEntry;
                file
            })
            .collect(),
        Ok(Opened::Transcript(transcript)) => {
            lint_read_transcript(&job.shown, transcript, settings, registry)
                .writers
                .into_iter()
                .map(|(_, f)| f)
                .collect()
        }
    };
    // The documents of a container are never rewritten: their fixes are only reported.
    if opts.fix.is_none() || job.context {
        return (linted, None);
    }
    let fixable = linted
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| {
            d.fix
                .as_deref()
                .is_some_and(|f| crate::fix::allowed(f, opts.unsafe_fixes))
        })
        .count();
    let record = (fixable > 0).then(|| FixRecord {
        shown: job.shown.clone(),
        applied: 0,
        diff: None,
        stdout: None,
        refused: Some(format!(
            "{fixable} fixable {} inside it {} reported, not applied: the documents of a cabinet or a transcript are never rewritten; extract a document to fix it",
            if fixable == 1 { "finding" } else { "findings" },
            if fixable == 1 { "is" } else { "are" },
        )),
    });
    (linted, record)
}

fn read_stdin(max: u64) -> Result<Vec<u8>, Failure> {
    let mut buf = Vec::new();
    io::stdin()
        .take(max + 1)
        .read_to_end(&mut buf)
        .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?;
    if buf.len() as u64 > max {
        return Err(OptionsError::StdinTooLarge { max }.into());
    }
    Ok(buf)
}

/// Writes through `write` to `--output-file` when one is given, otherwise to `out`,
/// buffered either way.
pub(super) fn to_sink(
    opts: &Options,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> Result<(), Failure>,
) -> Result<(), Failure> {
    match &opts.output_file {
        Some(p) => {
            let file = std::fs::File::create(p).map_err(|e| {
                Failure::Usage(format!(
                    "cannot write `{}`: {}",
                    p.display(),
                    describe_io(&e)
                ))
            })?;
            let mut sink = io::BufWriter::with_capacity(OUTPUT_BUFFER, file);
            write(&mut sink)?;
            sink.flush()?;
        }
        None => {
            let mut sink = io::BufWriter::with_capacity(OUTPUT_BUFFER, out);
            write(&mut sink)?;
            sink.flush()?;
        }
    }
    Ok(())
}

/// The note of a run with more warnings than `--max-warnings`, unless `--exit-zero`.
pub(super) fn too_many_warnings_note(opts: &Options, summary: &Summary) -> Option<String> {
    let max = opts.max_warnings?;
    (summary.warnings > max && !opts.exit_zero).then(|| {
        format!(
            "vsslint: {} warning{}, more than --max-warnings {max}",
            summary.warnings,
            if summary.warnings == 1 { "" } else { "s" },
        )
    })
}

fn write_report(
    sink: &mut dyn Write,
    opts: &Options,
    files: &[LintedFile],
    parts: &[Option<Vec<u8>>],
) -> Result<(), Failure> {
    let cx = EmitContext {
        style: opts.style,
        max_diagnostics: opts.max_diagnostics,
        rendered: parts,
        step_summary: opts.step_summary.as_deref(),
    };
    Ok(report_emitter(opts).emit(sink, files, &cx)?)
}

/// What writes the report: the findings in the format asked for, or how often each rule
/// fired.
fn report_emitter(opts: &Options) -> &'static dyn Emitter {
    if opts.statistics {
        opts.format.statistics_emitter()
    } else {
        opts.format.emitter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Format;
    use crate::rule_api::{Across, AcrossCx, Check, Facts, Member, Rule};
    use crate::rule_meta::{RuleMeta, Severity};

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
}

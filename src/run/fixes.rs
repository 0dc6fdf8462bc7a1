//! `--fix` and `--diff` for one file of the run: the fixes applied, then the file written
//! back, its diff kept, or (standard input) the fixed document kept for standard output.

use super::options::{FixMode, Options};
use super::plan::Job;
use vsslint_lint::engine::Registry;
use vsslint_lint::pipeline::{lint_owned_with, LintedFile};
use vsslint_lint::report;

/// What fixing one file did.
pub(super) struct FixRecord {
    pub(super) shown: String,
    pub(super) applied: usize,
    /// The diff, for `--diff`.
    pub(super) diff: Option<String>,
    /// The document after the fixes, for standard input under `--fix`.
    pub(super) stdout: Option<Vec<u8>>,
    /// Why the file was not written.
    pub(super) refused: Option<String>,
}

/// Lints one file and fixes it as `mode` says: writes the fixed file back (standard input:
/// keeps the fixed document for standard output), or keeps the diff.
pub(super) fn fix_file(
    job: &Job,
    bytes: &[u8],
    mode: FixMode,
    opts: &Options,
    registry: &Registry,
) -> (LintedFile, FixRecord) {
    let fixed = vsslint_lint::fix::fix_bytes(
        &job.shown,
        bytes,
        &job.settings,
        registry,
        opts.unsafe_fixes,
    );
    let mut record = FixRecord {
        shown: job.shown.clone(),
        applied: fixed.applied,
        diff: None,
        stdout: None,
        refused: fixed.refused,
    };
    let mut file = fixed.file;
    match (mode, &job.path, fixed.bytes) {
        (FixMode::Diff, _, Some(_)) => {
            // A header line is the one place a name reaches the diff: escaped, a name cannot
            // end the line and start another.
            record.diff = Some(vsslint_lint::fix::unified_diff(
                &report::escape::terminal(&report::paths::machine_path(&job.shown)),
                &fixed.original,
                &fixed.text,
            ));
        }
        (FixMode::Diff, _, None) => {}
        (FixMode::Apply, None, new) => {
            record.stdout = Some(new.unwrap_or_else(|| bytes.to_vec()));
        }
        (FixMode::Apply, Some(path), Some(new)) => {
            if let Err(why) = vsslint_lint::fix::write_back(path, &new) {
                record.refused = Some(why);
                record.applied = 0;
                // The file is as it was: so are its findings.
                file = lint_owned_with(&job.shown, bytes.to_vec(), &job.settings, registry);
            }
        }
        (FixMode::Apply, Some(_), None) => {}
    }
    (file, record)
}

/// The record of a cabinet or a transcript whose documents have findings with fixes: the
/// documents of a container are never rewritten, their fixes are only reported.
pub(super) fn container_refusal(
    job: &Job,
    linted: &[LintedFile],
    opts: &Options,
) -> Option<FixRecord> {
    let fixable = linted
        .iter()
        .flat_map(|f| &f.diagnostics)
        .filter(|d| {
            d.fix
                .as_deref()
                .is_some_and(|f| vsslint_lint::fix::allowed(f, opts.unsafe_fixes))
        })
        .count();
    (fixable > 0).then(|| FixRecord {
        shown: job.shown.clone(),
        applied: 0,
        diff: None,
        stdout: None,
        refused: Some(format!(
            "{fixable} fixable {} inside it {} reported, not applied: the documents of a cabinet or a transcript are never rewritten; extract a document to fix it",
            if fixable == 1 { "finding" } else { "findings" },
            if fixable == 1 { "is" } else { "are" },
        )),
    })
}

/// How many findings the fixes fixed (or, under `--diff`, would fix).
pub(super) fn fixed(records: &[FixRecord]) -> usize {
    records.iter().map(|r| r.applied).sum()
}

/// The notes of the fixes: how many findings in how many files, and each file left as it
/// was, with why.
pub(super) fn notes(records: &[FixRecord], mode: FixMode) -> Vec<String> {
    let mut notes = Vec::new();
    let fixed = fixed(records);
    let in_files = records.iter().filter(|r| r.applied > 0).count();
    let verb = if mode == FixMode::Diff {
        "would fix"
    } else {
        "fixed"
    };
    let plural = |n: usize, one: &'static str, many: &'static str| if n == 1 { one } else { many };
    if fixed > 0 {
        notes.push(format!(
            "vsslint: {verb} {fixed} {} in {in_files} {}",
            plural(fixed, "finding", "findings"),
            plural(in_files, "file", "files")
        ));
    }
    for r in records {
        if let Some(why) = &r.refused {
            notes.push(format!("vsslint: `{}` left unchanged: {why}", r.shown));
        }
    }
    notes
}

//! `--fix` and `--diff` for one file of the run: the fixes applied, then the file written
//! back, its diff kept, or (standard input) the fixed document kept for standard output.

use super::{FixMode, Job, Options};
use crate::engine::Registry;
use crate::pipeline::{lint_owned_with, LintedFile};
use crate::report;

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
    let fixed = crate::fix::fix_bytes(
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
            record.diff = Some(crate::fix::unified_diff(
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
            if let Err(why) = crate::fix::write_back(path, &new) {
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

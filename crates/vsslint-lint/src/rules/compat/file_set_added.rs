//! `compat/file-set-added`: a component of both releases has a file set in the new release that the old one did not have.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_file_sets::describe_file_set;
use crate::toolkit::compat_match::{components, file_sets, FileSetFound};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/file-set-added" {
        code: "VSL1054",
        severity: Severity::Info,
        summary: "A component of both releases has a file set in the new release that the old one did not have",
        what: "Matches the file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`) of \
    each component of both releases (components matched as `compat/component-removed` says): \
    first by kind, `path` (without case and without a trailing `\\`), `filespec` and \
    `recursive` (absent is `no`); then those left with the same kind, path and filespec \
    (`compat/file-set-recursion-changed`), the same kind and filespec \
    (`compat/file-set-moved`), the same kind and path (`compat/file-set-filespec-changed`); \
    then what is left in one component is looked for, unchanged, among what is left in the \
    others (`compat/file-set-moved-component`). A component whose type changed has its file \
    sets compared whatever their kind. A new file set found by none of these is reported \
    at the file set, with its component in the old document. The file sets of a component \
    new in the new release are not reported here (`compat/component-added`).\n\n\
    For restoring a backup made with the old release: the backup does not hold the new file \
    set's files, and the metadata saved with it does not name them; the writer now installed \
    finds them as the restore leaves them. For a backup application's saved selections: \
    nothing changes, the component is selected as before and new backups include the files.",
        why: "At restore \"Writer Metadata Documents stored at backup time are used\", so a \
    requester restores what the old release declared. A component is selected as a whole, never its file sets \
    one by one.",
        sources: &[
            "Definition of components by writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
            "Writer metadata document life cycle: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-life-cycle",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
            "Overview of preparing for restore: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-preparing-for-restore",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let matches = components(pair);
    for m in file_sets(pair) {
        let (FileSetFound::Added, Some((n, f))) = (m.found, m.new) else {
            continue;
        };
        let Some(old) = matches.of_new(n) else {
            continue;
        };
        let nc = &pair.new.doc.components[n];
        let nfs = &nc.file_sets[f];
        cx.added(
            nfs.node.span,
            pair.old.doc.components[old.old].node.span,
            format!(
                "the {} of component `{}` is new in the new release",
                describe_file_set(nfs),
                nc.full_name()
            ),
        )
        .label("the old release has no such file set")
        .help("nothing to change: backups made with the old release do not hold these files, new ones do");
    }
}

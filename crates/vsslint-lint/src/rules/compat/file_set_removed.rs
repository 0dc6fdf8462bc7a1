//! `compat/file-set-removed`: a file set of the old release is in no component of the new one.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_file_sets::{describe_file_set, found};
use crate::toolkit::compat_match::{components, FileSetFound};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/file-set-removed" {
        code: "VSL1049",
        severity: Severity::Warning,
        summary: "A file set of the old release is in no component of the new one",
        what: "Matches the file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`) of \
    each component of both releases (components matched as `compat/component-removed` says): \
    first by kind, `path` (without case and without a trailing `\\`), `filespec` and \
    `recursive` (absent is `no`); then those left with the same kind, path and filespec \
    (`compat/file-set-recursion-changed`), the same kind and filespec \
    (`compat/file-set-moved`), the same kind and path (`compat/file-set-filespec-changed`); \
    then what is left in one component is looked for, unchanged, among what is left in the \
    others (`compat/file-set-moved-component`). A component whose type changed has its file \
    sets compared whatever their kind. An old file set found by none of these is reported \
    at its component in the new document, with the file set in the old one.\n\n\
    For restoring a backup made with the old release: the requester restores the file set's \
    files to the old paths, which the writer now installed no longer declares. For a backup \
    application's saved selections: nothing changes, file sets are not selected.",
        why: "At restore \"the file specification information generated during a restore is \
    not used. Instead, Writer Metadata Documents stored at backup time are used\": the \
    requester restores the files as the old release declared them, while the writer now \
    installed handles `PreRestore` and `PostRestore`; in `PreRestore` the writer can direct where files \
    go (restore targets, `IVssComponent::SetRestoreTarget`; directed targets, \
    `IVssComponent::AddDirectedTarget`).\n\n\
    What the documentation does not say: what becomes of files restored to paths the new \
    writer no longer declares, when it does not direct them elsewhere. Keep the file set as it was while backups made with the old release may be \
    restored, or remap the old files in `OnPreRestore` (`SetRestoreTarget`, \
    `AddDirectedTarget`); raise the writer's minor version (`InitializeEx`).",
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
    for (old, new_component, c) in found(pair, FileSetFound::Removed).filter_map(|(o, _, c)| {
        Some((
            o?,
            pair.new.doc.components[components(pair).of_old(c?)?.new]
                .node
                .span,
            c?,
        ))
    }) {
        let (oc, fs) = old;
        cx.removed(
            fs.node.span,
            new_component,
            format!(
                "the {} of component `{}` of the old release is in no component of the new one",
                describe_file_set(fs),
                oc.full_name()
            ),
        )
        .label("the file set is gone from this component")
        .help("keep the file set while backups made with the old release may be restored, or remap its files in OnPreRestore (SetRestoreTarget, AddDirectedTarget)");
        cx.note_recorded(c);
    }
}

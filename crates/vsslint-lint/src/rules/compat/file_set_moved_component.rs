//! `compat/file-set-moved-component`: a file set moved to another component in the new release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_file_sets::{describe_file_set, found};
use crate::toolkit::compat_match::FileSetFound;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/file-set-moved-component" {
        code: "VSL1053",
        severity: Severity::Warning,
        summary: "A file set moved to another component in the new release",
        what: "Matches the file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`) of \
    each component of both releases (components matched as `compat/component-removed` says): \
    first by kind, `path` (without case and without a trailing `\\`), `filespec` and \
    `recursive` (absent is `no`); then those left with the same kind, path and filespec \
    (`compat/file-set-recursion-changed`), the same kind and filespec \
    (`compat/file-set-moved`), the same kind and path (`compat/file-set-filespec-changed`); \
    then what is left in one component is looked for, unchanged, among what is left in the \
    others (`compat/file-set-moved-component`). A component whose type changed has its file \
    sets compared whatever their kind. A file set found unchanged under another component \
    is reported at the file set in the new document, with the file set in the old one.\n\n\
    For restoring a backup made with the old release: the backup holds the files under the \
    old component, and the requester restores them as part of that component's set; the \
    writer now installed expects them under the new component, and new targets and alternate \
    location mappings that a requester records name the old one. A chain of incremental or \
    differential backups made with both releases holds the files under two components. For a \
    backup application's saved selections: a selection of one of the two components now \
    backs up a different set of files.",
        why: "At restore \"the file specification information generated during a restore is \
    not used. Instead, Writer Metadata Documents stored at backup time are used\": the \
    requester restores the files as the old release declared them, while the writer now \
    installed handles `PreRestore` and `PostRestore`; in `PreRestore` the writer can direct where files \
    go (restore targets, `IVssComponent::SetRestoreTarget`; directed targets, \
    `IVssComponent::AddDirectedTarget`). New targets and the alternate location mappings a requester \
    used are recorded against the component that defines the file set's component set.\n\n\
    What the documentation does not say: what a writer does with files restored as part of a \
    component that no longer declares them. Keep the file set in its old component, or, in \
    `OnPreRestore`, restore the old component's files as the new one's; raise the writer's \
    minor version (`InitializeEx`).",
        sources: &[
            "Definition of components by writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
            "Writer metadata document life cycle: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-life-cycle",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
            "Overview of preparing for restore: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-preparing-for-restore",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
            "Working with new targets during restore: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-new-targets-during-restore",
            "Working with alternate locations during restore: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-alternate-locations-during-restore",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (old, new, c) in found(pair, FileSetFound::MovedComponent) {
        let (Some((oc, ofs)), Some((nc, nfs))) = (old, new) else {
            continue;
        };
        cx.changed(
            ofs.node.span,
            nfs.node.span,
            format!(
                "the {} is in component `{}` in the new release, in component `{}` in the old one",
                describe_file_set(nfs),
                nc.full_name(),
                oc.full_name()
            ),
        )
        .label("the file set's new component")
        .help("keep the file set in its old component, or make the new writer restore the old component's files as the new one's in OnPreRestore");
        if let Some(c) = c {
            cx.note_recorded(c);
        }
    }
}

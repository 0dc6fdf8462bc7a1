//! `compat/file-set-moved`: a file set has another path in the new release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_file_sets::{
    attr_or_element, describe_file_set, report_changed_in_place, shown, InPlace,
};
use crate::toolkit::compat_match::FileSetFound;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/file-set-moved" {
        code: "VSL1050",
        severity: Severity::Warning,
        summary: "A file set has another path in the new release",
        what: "Matches the file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`) of \
    each component of both releases (components matched as `compat/component-removed` says): \
    first by kind, `path` (without case and without a trailing `\\`), `filespec` and \
    `recursive` (absent is `no`); then those left with the same kind, path and filespec \
    (`compat/file-set-recursion-changed`), the same kind and filespec \
    (`compat/file-set-moved`), the same kind and path (`compat/file-set-filespec-changed`); \
    then what is left in one component is looked for, unchanged, among what is left in the \
    others (`compat/file-set-moved-component`). A component whose type changed has its file \
    sets compared whatever their kind. A file set of both releases with the same kind and filespec \
    and another path is reported at the new path, with the old one.\n\n\
    For restoring a backup made with the old release: the requester restores the files to the \
    old path, while the writer now installed looks for them at the new one. For a backup \
    application's saved selections: nothing changes, file sets are not selected.",
        why: "At restore \"the file specification information generated during a restore is \
    not used. Instead, Writer Metadata Documents stored at backup time are used\": the \
    requester restores the files as the old release declared them, while the writer now \
    installed handles `PreRestore` and `PostRestore`; in `PreRestore` the writer can direct where files \
    go (restore targets, `IVssComponent::SetRestoreTarget`; directed targets, \
    `IVssComponent::AddDirectedTarget`).\n\n\
    What the documentation does not say: what becomes of files restored where the old release \
    declared them, when the new writer does not direct them elsewhere. Keep the file set as it was while backups made with the old release may be \
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
    report_changed_in_place(
        cx,
        pair,
        FileSetFound::Moved,
        &InPlace {
            at: |fs| attr_or_element(&fs.path, &fs.node),
            say: |nc, ofs, nfs| format!("the {} of component `{}` has the path {} in the new release, {} in the old one",
                describe_file_set(nfs),
                nc.full_name(),
                shown(&nfs.path),
                shown(&ofs.path)),
            label: "the new path",
            help: "keep the old path, or direct the files of old backups to the new path in OnPreRestore (SetRestoreTarget, AddDirectedTarget)",
        },
    );
}

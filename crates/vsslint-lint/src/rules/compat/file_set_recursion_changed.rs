//! `compat/file-set-recursion-changed`: a file set includes subdirectories in one release and not in the other.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_file_sets::{
    attr_or_element, describe_file_set, report_changed_in_place, InPlace,
};
use crate::toolkit::compat_match::FileSetFound;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/file-set-recursion-changed" {
        code: "VSL1052",
        severity: Severity::Warning,
        summary: "A file set includes subdirectories in one release and not in the other",
        what: "Matches the file sets (`FILE_LIST`, `DATABASE_FILES`, `DATABASE_LOGFILES`) of \
    each component of both releases (components matched as `compat/component-removed` says): \
    first by kind, `path` (without case and without a trailing `\\`), `filespec` and \
    `recursive` (absent is `no`); then those left with the same kind, path and filespec \
    (`compat/file-set-recursion-changed`), the same kind and filespec \
    (`compat/file-set-moved`), the same kind and path (`compat/file-set-filespec-changed`); \
    then what is left in one component is looked for, unchanged, among what is left in the \
    others (`compat/file-set-moved-component`). A component whose type changed has its file \
    sets compared whatever their kind. A file set of both releases with the same kind, path and \
    filespec and another `recursive` is reported at the new `recursive` (or the element when \
    it is absent), with the old one.\n\n\
    For restoring a backup made with the old release: the requester restores the \
    subdirectories as the old release declared (all of them, or none), not as the writer now \
    installed expects. For a backup application's saved selections: nothing changes, file \
    sets are not selected.",
        why: "At restore \"the file specification information generated during a restore is \
    not used. Instead, Writer Metadata Documents stored at backup time are used\": the \
    requester restores the files as the old release declared them, while the writer now \
    installed handles `PreRestore` and `PostRestore`; in `PreRestore` the writer can direct where files \
    go (restore targets, `IVssComponent::SetRestoreTarget`; directed targets, \
    `IVssComponent::AddDirectedTarget`). Whether a file set is recursive decides whether the \
    directories under its path are part of it: with recursion the whole tree is traversed and \
    its directories, even empty ones, are recreated.\n\n\
    What the documentation does not say: what becomes of files restored where the old release \
    declared them, when the new writer does not direct them elsewhere. Keep the file set as it was while backups made with the old release may be \
    restored, or remap the old files in `OnPreRestore` (`SetRestoreTarget`, \
    `AddDirectedTarget`); raise the writer's minor version (`InitializeEx`).",
        sources: &[
            "Writer metadata document life cycle: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-life-cycle",
            "Overview of restore initialization: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-restore-initialization",
            "Overview of preparing for restore: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-preparing-for-restore",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
            "Definition of components by writers: https://learn.microsoft.com/en-us/windows/win32/vss/definition-of-components-by-writers",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    report_changed_in_place(
        cx,
        pair,
        FileSetFound::RecursionChanged,
        &InPlace {
            at: |fs| attr_or_element(&fs.recursive, &fs.node),
            say: |nc, ofs, nfs| format!("the {} of component `{}` {} subdirectories in the new release and {} in the old one",
                describe_file_set(nfs),
                nc.full_name(),
                if vsslint_model::model::YesNo::is_yes(&nfs.recursive) { "includes" } else { "does not include" },
                if vsslint_model::model::YesNo::is_yes(&ofs.recursive) { "includes them" } else { "did not" }),
            label: "recursion changed here",
            help: "keep the old recursion while backups made with the old release may be restored, or make the new writer handle the subdirectories restored as the old release declared them",
        },
    );
}

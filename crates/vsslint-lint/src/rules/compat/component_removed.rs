//! `compat/component-removed`: a component of the old release that the new one no longer
//! declares, under any name.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_match::components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/component-removed" {
        code: "VSL1033",
        severity: Severity::Error,
        summary: "A component of the old release is not in the new one",
        what: "Matches the components of the two releases by logical path and name \
    (`logicalPath`, `componentName`; an absent logical path is empty), exactly; a change of \
    case alone is `compat/component-case-changed`, and a component whose logical path or name \
    changed but whose file sets stayed the same (equal, and not none) is \
    `compat/component-renamed`. An old component matched by neither is reported here: in the \
    new document at `BACKUP_LOCATIONS` (or the document element when it has none), with the \
    component in the old one. When the old release is a backup whose backup components \
    document records the component, or the component that defines its set, the message says \
    so.\n\n\
    For restoring a backup made with the old release: the requester restores from the \
    metadata saved in the backup, while the writer now installed takes part in the restore \
    of a component it no longer declares. For a backup application's saved selections: the \
    selection names a component that is gone.",
        why: "A requester identifies a component by the writer's class, the logical path and \
    the name; a selection saved by a backup application that names a component the writer \
    no longer reports fails (Microsoft: \"an error will be returned\"). Selecting a component \
    for restore takes the same logical path and name as at backup. The writer installed at \
    restore, not the one that made the backup, handles `PreRestore` and `PostRestore` for \
    the components the old backup recorded; how a writer handles a component it does not \
    declare is not documented.\n\n\
    Keep the component in the new release, even with no files left to back up, rather than \
    remove it; remap its files in `OnPreRestore` (`SetRestoreTarget`, `AddDirectedTarget`) \
    when they moved; and raise the writer's major version (`InitializeEx`) when a component \
    really goes.",
        sources: &[
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "IVssBackupComponents::SetSelectedForRestore: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-setselectedforrestore",
            "Overview of preparing for restore: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-preparing-for-restore",
            "Writer metadata document life cycle: https://learn.microsoft.com/en-us/windows/win32/vss/writer-metadata-document-life-cycle",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let container = pair.new.components_container();
    for &o in &components(pair).removed {
        let c = &pair.old.doc.components[o];
        cx.removed(
            c.node.span,
            container,
            format!(
                "component `{}` ({}) of the old release is not in the new one",
                c.full_name(),
                c.kind.element()
            ),
        )
        .label("the component is gone from here")
        .help("keep the component, even with no files, so that old backups and saved selections still find it; if it was renamed or moved, keep its file sets as they were so that the change is recognised");
        cx.note_recorded(o);
    }
}

//! `compat/component-renamed`: a component of the old release found in the new one under
//! another logical path or name.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_match::{matched_components, Found};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/component-renamed" {
        code: "VSL1034",
        severity: Severity::Error,
        summary: "A component of the old release has another logical path or name in the new one",
        what: "An old component whose logical path and name (`logicalPath`, `componentName`) \
    match no new component's, even ignoring case, is looked for among the new components left \
    unmatched: one whose file sets are the same (the same kind, path without case and without \
    a trailing `\\`, filespec and recursion, in any order, and not none) is the old component \
    renamed or moved. The finding is at the new component's name, with the old one's; the \
    message says whether the logical path, the name or both changed. A change of element \
    (`FILE_GROUP` and `DATABASE`) is `compat/component-type-changed` on top.\n\n\
    For restoring a backup made with the old release: the backup records the old logical path \
    and name, which the writer installed no longer declares. For a backup application's saved \
    selections: they name the component as it was.",
        why: "A requester identifies a component by the writer's class, the logical path and \
    the name, and a selection saved with the old name fails (Microsoft: \"an error will be \
    returned\"); selecting a component for restore takes the same logical path and name as at \
    backup. A rename is to the requester a removal and an addition: the renamed component is \
    new to every backup application's catalog.\n\n\
    Keep the logical path and name of a component once released; give a new name to a new \
    component instead, and raise the writer's major version (`InitializeEx`) if the rename \
    cannot be avoided.",
        sources: &[
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "IVssBackupComponents::SetSelectedForRestore: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-setselectedforrestore",
            "Overview of preparing for restore: https://learn.microsoft.com/en-us/windows/win32/vss/overview-of-preparing-for-restore",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        if m.found != Found::Renamed {
            continue;
        }
        let what = match (o.logical_path() != n.logical_path(), o.name() != n.name()) {
            (true, true) => "its logical path and name changed",
            (true, false) => "its logical path changed",
            _ => "its name changed",
        };
        let shown = |s: String| {
            if s.is_empty() {
                "(no name)".to_string()
            } else {
                s
            }
        };
        cx.changed(
            o.name_span(),
            n.name_span(),
            format!(
                "component `{}` of the old release is `{}` in the new one: {what}",
                shown(o.full_name()),
                shown(n.full_name())
            ),
        )
        .label("the component under its new name")
        .help("keep the old logical path and name: old backups and saved selections name the component by them");
        cx.note_recorded(m.old);
    }
}

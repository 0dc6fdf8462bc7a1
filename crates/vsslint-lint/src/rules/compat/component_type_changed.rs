//! `compat/component-type-changed`: a component of the old release that the new one declares
//! as the other type (`FILE_GROUP` and `DATABASE`).

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_match::matched_components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/component-type-changed" {
        code: "VSL1036",
        severity: Severity::Error,
        summary: "A component changed type between `FILE_GROUP` and `DATABASE`",
        what: "For each component of the old release found in the new one (by logical path and \
    name, by case alone, or renamed with the same file sets), compares its element: \
    `FILE_GROUP` or `DATABASE`. A change is reported at the new element, with the old one. \
    Its file sets are compared across the change (`FILE_LIST` against `DATABASE_FILES` and \
    `DATABASE_LOGFILES`), so that the change of type is this one finding.\n\n\
    For restoring a backup made with the old release: the backup components document \
    records each component with its type (`componentType`, `filegroup` or `database`), and \
    the requester passes that type back when it selects the component for restore, while \
    the writer installed declares the other. For a backup application's saved selections: \
    the selection names the component with its old type.",
        why: "The component type is a parameter of every call that selects a component \
    (`AddComponent` at backup, `SetSelectedForRestore` and `AddRestoreSubcomponent` at \
    restore), and the backup components document records it. The two types do not hold \
    files alike: a database separates data and log files and allows neither recursive file \
    sets nor alternate paths, where a file group allows both.\n\n\
    What the documentation does not say: whether VSS rejects a selection whose type differs \
    from the writer's declaration, or how a writer handles a component restored under the \
    type it no longer declares.\n\n\
    Keep a released component's type; to change it, declare a new component under a new \
    name and keep the old one, and raise the writer's major version (`InitializeEx`).",
        sources: &[
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
            "IVssBackupComponents::SetSelectedForRestore: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-setselectedforrestore",
            "Component Types: https://learn.microsoft.com/en-us/windows/win32/vss/component-types",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        if o.kind == n.kind {
            continue;
        }
        cx.changed(
            o.node.span,
            n.node.span,
            format!(
                "component `{}` is a {} in the old release and a {} in the new one",
                n.full_name(),
                o.kind.element(),
                n.kind.element()
            ),
        )
        .label(format!("was {}", o.kind.element()))
        .help(format!(
            "declare `{}` as a {} again: old backups record its type and requesters pass it back when they select it; give a component of the new type a new name",
            n.full_name(),
            o.kind.element()
        ));
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    #[test]
    fn a_type_change_is_found_under_a_new_name_too() {
        let old = r#"<FILE_GROUP componentName="A" selectable="yes"><FILE_LIST path="C:\Data" filespec="*.mdf"/></FILE_GROUP>"#;
        let new = r#"<DATABASE componentName="B" selectable="yes"><DATABASE_FILES path="C:\Data" filespec="*.mdf"/></DATABASE>"#;
        assert_eq!(
            compat_findings(&RULE, old, new),
            ["component `B` is a FILE_GROUP in the old release and a DATABASE in the new one"]
        );
    }

    #[test]
    fn the_same_type_is_no_change() {
        let db = r#"<DATABASE componentName="A" selectable="yes"/>"#;
        assert!(compat_findings(&RULE, db, db).is_empty());
    }
}

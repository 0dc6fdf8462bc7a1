//! `compat/selectable-for-restore-added`: a component that the new release lets a requester
//! restore on its own.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{attr_or_element, yes_no};
use crate::toolkit::compat_flags::{flag_moved, Direction::Gained};
use crate::toolkit::compat_match::matched_components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/selectable-for-restore-added" {
        code: "VSL1043",
        severity: Severity::Info,
        summary: "A component became selectable for restore",
        what: "For each component of the old release found in the new one, compares \
    `selectableForRestore` (absent is `no`; other spellings are not compared): not `yes` in \
    the old release and `yes` in the new one is noted at the new attribute, with the old one \
    (or the component when it is not written).\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup does \
    not offer the component to be restored on its own, so requesters restore it with its set \
    as before. For a backup application's saved selections: nothing changes.",
        why: "Selectability for restore only allows more: a requester may restore the \
    component on its own with `AddRestoreSubcomponent`, or with its set as before.",
        sources: &[
            "IVssBackupComponents::AddRestoreSubcomponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addrestoresubcomponent",
            "Working with Selectability For Restore and Subcomponents: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-restore-and-subcomponents",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        if !flag_moved(o, n, |c| yes_no(&c.selectable_for_restore), Gained) {
            continue;
        }
        cx.changed(
            attr_or_element(&o.selectable_for_restore, o),
            attr_or_element(&n.selectable_for_restore, n),
            format!(
                "component `{}` is not selectable for restore in the old release and selectable for restore in the new one",
                n.full_name()
            ),
        )
        .label("now selectable for restore")
        .help("nothing to change: backups made with the old release restore the component with its set, as before");
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    fn sub(sfr: &str) -> String {
        format!(r#"<FILE_GROUP logicalPath="Top" componentName="Leaf" selectable="no" {sfr}/>"#)
    }

    #[test]
    fn absent_or_no_to_yes() {
        for old in ["", r#"selectableForRestore="no""#] {
            let found = compat_findings(&RULE, &sub(old), &sub(r#"selectableForRestore="yes""#));
            assert_eq!(found.len(), 1, "{old}: {found:?}");
        }
    }

    #[test]
    fn absent_and_no_are_the_same() {
        assert!(compat_findings(&RULE, &sub(""), &sub(r#"selectableForRestore="no""#)).is_empty());
    }
}

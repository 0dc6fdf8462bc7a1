//! `compat/selectable-for-restore-removed`: a subcomponent that the old release let a requester
//! restore on its own and the new one does not.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{attr_or_element, yes_no};
use crate::toolkit::compat_flags::{flag_moved, Direction::Lost};
use crate::toolkit::compat_match::matched_components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/selectable-for-restore-removed" {
        code: "VSL1042",
        severity: Severity::Warning,
        summary: "A subcomponent can no longer be restored on its own",
        what: "For each component of the old release found in the new one whose old logical \
    path is not empty, compares `selectableForRestore` (absent is `no`; other spellings are \
    not compared): `yes` in the old release and not in the new one is reported at the new \
    attribute (or the component when it is not written), with the old one. A component with \
    an empty logical path is left out: it can only be included explicitly, and selectability \
    for restore means nothing for it.\n\n\
    For restoring a backup made with the old release: the metadata saved in the backup still \
    says the component can be restored on its own, with `AddRestoreSubcomponent`, and the \
    writer installed says it cannot. For a backup application's saved selections: a restore \
    of that one component, offered from the old metadata, may no longer be allowed.",
        why: "A component included in a backup through its set can be selected for restore on \
    its own only when it is selectable for restore: `AddRestoreSubcomponent` requires \
    `bSelectableForRestore`. A requester restoring an old backup reads the writer metadata \
    saved in it.\n\n\
    What the documentation does not say: which document VSS checks when a requester adds a \
    restore subcomponent, the one saved in the backup or the one of the writer installed, and \
    what the writer does when it is asked to restore one subcomponent it no longer allows.\n\n\
    Keep `selectableForRestore=\"yes\"` on a released subcomponent, and accept the \
    subcomponent restore in `OnPreRestore`; if it must go, raise the writer's version \
    (`InitializeEx`).",
        sources: &[
            "IVssBackupComponents::AddRestoreSubcomponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addrestoresubcomponent",
            "Working with Selectability For Restore and Subcomponents: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-restore-and-subcomponents",
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        if o.logical_path().is_empty()
            || !flag_moved(o, n, |c| yes_no(&c.selectable_for_restore), Lost)
        {
            continue;
        }
        cx.changed(
            attr_or_element(&o.selectable_for_restore, o),
            attr_or_element(&n.selectable_for_restore, n),
            format!(
                "component `{}` is selectable for restore in the old release and not in the new one: old backups offer it to be restored on its own",
                n.full_name()
            ),
        )
        .label("no longer selectable for restore")
        .help(format!(
            "keep selectableForRestore=\"yes\" on `{}`, and accept a restore of it alone in OnPreRestore",
            n.full_name()
        ));
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    fn sub(lp: &str, sfr: &str) -> String {
        format!(r#"<FILE_GROUP {lp} componentName="Leaf" selectable="no" {sfr}/>"#)
    }

    #[test]
    fn yes_to_no_or_absent_on_a_subcomponent() {
        let lp = r#"logicalPath="Top""#;
        for new in [r#"selectableForRestore="no""#, ""] {
            let found = compat_findings(
                &RULE,
                &sub(lp, r#"selectableForRestore="yes""#),
                &sub(lp, new),
            );
            assert_eq!(found.len(), 1, "{new}: {found:?}");
        }
    }

    #[test]
    fn a_top_level_component_or_an_unknown_spelling_is_no_finding() {
        let yes = r#"selectableForRestore="yes""#;
        assert!(compat_findings(&RULE, &sub("", yes), &sub("", "")).is_empty());
        let lp = r#"logicalPath="Top""#;
        assert!(compat_findings(
            &RULE,
            &sub(lp, yes),
            &sub(lp, r#"selectableForRestore="false""#)
        )
        .is_empty());
    }
}

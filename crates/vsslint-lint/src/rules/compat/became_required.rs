//! `compat/became-required`: a selectable component of the old release that every backup of
//! the new one must include.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{attr_or_element, sets, yes_no};
use crate::toolkit::compat_match::matched_components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/became-required" {
        code: "VSL1040",
        severity: Severity::Warning,
        summary: "A selectable component became one every backup must include",
        what: "For each component of the old release found in the new one, compares \
    `selectable` (absent is `no`; other spellings are not compared): a component selectable in \
    the old release that is not in the new one, and has no selectable ancestor there, is now \
    required. The finding is at the new `selectable` (or the component when it is not \
    written), with the old one.\n\n\
    For restoring a backup made with the old release: a backup that left the optional \
    component out does not contain what the writer installed now requires of every backup. \
    For a backup application's saved selections: a selection that omits the component now \
    produces backups without a required component.",
        why: "A requester \"must explicitly include\" each of a writer's components that is not \
    selectable and has no selectable ancestor, and may include a selectable one. A component \
    that was optional has been left out of backups and saved selections that the new release \
    treats as incomplete.\n\n\
    What the documentation does not say: what a writer does when a backup leaves out a \
    required component, or when it restores a backup without it.\n\n\
    Keep the component selectable (`selectable=\"yes\"`); if it must become required, raise \
    the writer's version (`InitializeEx`) so that backup applications update their \
    selections.",
        sources: &[
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let sets = sets(pair);
    for (m, o, n) in matched_components(pair) {
        if (yes_no(&o.selectable), yes_no(&n.selectable)) != (Some(true), Some(false))
            || sets.new[m.new].is_some()
        {
            continue;
        }
        cx.changed(
            attr_or_element(&o.selectable, o),
            attr_or_element(&n.selectable, n),
            format!(
                "component `{}` is selectable in the old release and required in the new one: it is not selectable and in no component set, so every backup must include it",
                n.full_name()
            ),
        )
        .label("no longer selectable")
        .help(format!(
            "keep selectable=\"yes\" on `{}`: backups and saved selections of the old release may leave it out",
            n.full_name()
        ));
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    fn alone(selectable: &str) -> String {
        format!(r#"<FILE_GROUP logicalPath="Loose" componentName="Leaf" {selectable}/>"#)
    }

    #[test]
    fn yes_to_no_or_absent_without_a_selectable_ancestor() {
        for new in [r#"selectable="no""#, ""] {
            let found = compat_findings(&RULE, &alone(r#"selectable="yes""#), &alone(new));
            assert_eq!(found.len(), 1, "{new}: {found:?}");
        }
    }

    #[test]
    fn no_finding_in_a_set_or_when_nothing_changed() {
        let top = r#"<FILE_GROUP componentName="Loose" selectable="yes"/>"#;
        let old = format!("{top}{}", alone(r#"selectable="yes""#));
        let new = format!("{top}{}", alone(r#"selectable="no""#));
        assert!(compat_findings(&RULE, &old, &new).is_empty());
        let no = alone(r#"selectable="no""#);
        assert!(compat_findings(&RULE, &no, &no).is_empty());
    }
}

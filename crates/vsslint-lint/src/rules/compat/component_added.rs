//! `compat/component-added`: a component the new release declares that the old one did not,
//! which a requester may leave out.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{selectable, sets};
use crate::toolkit::compat_match::components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/component-added" {
        code: "VSL1037",
        severity: Severity::Info,
        summary: "The new release declares a component the old one did not",
        what: "Notes each component of the new release that matches no component of the old one \
    (by logical path and name, by case alone, or as a rename with the same file sets), when a \
    requester may leave it out: it is selectable (`selectable=\"yes\"`), or it has a selectable \
    ancestor whose component set it belongs to. A new component that is not selectable and \
    has no selectable ancestor is `compat/required-component-added`. The note is at the new \
    component, with the old document's `BACKUP_LOCATIONS`.\n\n\
    For restoring a backup made with the old release: the backup does not contain the \
    component; nothing in it names the component either. For a backup application's saved \
    selections: they do not select it, which a requester is free to do.",
        why: "A requester must include only the components that are not selectable and have no \
    selectable ancestor; a selectable component it may include, and a member of a component set \
    is included with the component that defines the set. A new optional component therefore \
    breaks neither old backups nor saved selections. It is noted so that the change is seen: \
    backup applications show it as new, and a saved selection that should cover it has to be \
    updated.",
        sources: &[
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let container = pair.old.components_container();
    let sets = sets(pair);
    for &i in &components(pair).added {
        let c = &pair.new.doc.components[i];
        let how = if selectable(c) {
            "selectable".to_string()
        } else if let Some(a) = sets.new[i] {
            format!(
                "in the component set of `{}`",
                pair.new.doc.components[a].full_name()
            )
        } else {
            continue;
        };
        cx.added(
            c.node.span,
            container,
            format!(
                "component `{}` ({}) is new in this release; it is {how}",
                c.full_name(),
                c.kind.element()
            ),
        )
        .label("new component")
        .help("nothing to change: old backups and saved selections do not name it; update saved selections that should include it");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    #[test]
    fn a_new_member_of_a_set_is_noted_with_its_set() {
        let old = r#"<FILE_GROUP componentName="Top" selectable="yes"/>"#;
        let new =
            format!(r#"{old}<FILE_GROUP logicalPath="Top" componentName="Leaf" selectable="no"/>"#);
        assert_eq!(
            compat_findings(&RULE, old, &new),
            ["component `Top\\Leaf` (FILE_GROUP) is new in this release; it is in the component set of `Top`"]
        );
    }

    #[test]
    fn a_new_required_component_is_left_to_its_own_rule() {
        let new = r#"<FILE_GROUP componentName="Top" selectable="no"/><FILE_GROUP componentName="Loose"/>"#;
        assert!(compat_findings(&RULE, "", new).is_empty());
    }
}

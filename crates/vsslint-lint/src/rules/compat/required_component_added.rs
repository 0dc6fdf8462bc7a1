//! `compat/required-component-added`: a component the new release declares that the old one
//! did not, and that every backup of the writer must include.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{selectable, sets};
use crate::toolkit::compat_match::components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/required-component-added" {
        code: "VSL1038",
        severity: Severity::Warning,
        summary: "The new release declares a component every backup must include",
        what: "Reports each component of the new release that matches no component of the old \
    one (by logical path and name, by case alone, or as a rename with the same file sets), is \
    not selectable (`selectable` is not `yes`) and has no selectable ancestor: a requester \
    must include it whenever it backs up the writer. The finding is at the new component, \
    with the old document's `BACKUP_LOCATIONS`.\n\n\
    For restoring a backup made with the old release: the backup does not contain the \
    component, which the writer installed expects every backup to have. For a backup \
    application's saved selections: a selection or catalog built from the old release lists \
    the writer's required components without it.",
        why: "When a requester backs up a writer, it \"must explicitly include\" each of the \
    writer's components that is not selectable and has no selectable ancestor. A requester \
    that works from a selection saved with the old release's components leaves the new one \
    out.\n\n\
    What the documentation does not say: what the writer does when a backup leaves out a \
    required component, or when it restores a backup that never had it.\n\n\
    Make the new component selectable (`selectable=\"yes\"`), or place it under a selectable \
    component whose set it joins, when backups of the old release's components are still \
    complete without it; otherwise raise the writer's version (`InitializeEx`) so that \
    backup applications see the change.",
        sources: &[
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let container = pair.old.components_container();
    let sets = sets(pair);
    for &i in &components(pair).added {
        let c = &pair.new.doc.components[i];
        if selectable(c) || sets.new[i].is_some() {
            continue;
        }
        cx.added(
            c.node.span,
            container,
            format!(
                "component `{}` ({}) is new in this release, not selectable and in no component set: every backup must include it, and backups and saved selections of the old release do not",
                c.full_name(),
                c.kind.element()
            ),
        )
        .label("new required component")
        .help("make it selectable=\"yes\", or place it under a selectable component, if backups without it are still complete; otherwise raise the writer's version so that backup applications update their selections");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    #[test]
    fn a_new_component_without_selectable_is_required() {
        let found = compat_findings(&RULE, "", r#"<FILE_GROUP componentName="Loose"/>"#);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("component `Loose` (FILE_GROUP) is new"));
    }

    #[test]
    fn a_new_selectable_component_or_member_of_a_set_is_not_required() {
        let old = r#"<FILE_GROUP componentName="Top" selectable="yes"/>"#;
        for added in [
            r#"<FILE_GROUP componentName="Other" selectable="yes"/>"#,
            r#"<FILE_GROUP logicalPath="Top\Deeper" componentName="Leaf" selectable="no"/>"#,
        ] {
            let found = compat_findings(&RULE, old, &format!("{old}{added}"));
            assert!(found.is_empty(), "{added}: {found:?}");
        }
    }
}

//! `compat/component-set-changed`: a component that belongs to another component set, or to
//! none, in the new release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::sets;
use crate::toolkit::compat_match::{components, matched_components};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/component-set-changed" {
        code: "VSL1044",
        severity: Severity::Warning,
        summary: "A component belongs to another component set in the new release",
        what: "A component's set is defined by its nearest selectable ancestor: the selectable \
    component whose `logicalPath\\componentName` is the longest start of its logical path. For \
    each component of the old release found in the new one, with the same logical path, \
    compares that ancestor: the old one, as found in the new release, against the new one. A \
    component in another set, in a set where it was in none, or in none where it was in one \
    is reported at the new component's name, with the old one; the message names both sets. \
    A component whose own logical path changed is left to `compat/component-renamed` and \
    `compat/component-case-changed`.\n\n\
    For restoring a backup made with the old release: a member of a set was backed up with \
    the component that defines the set, which the backup components document records; the \
    writer installed files the member under another component. For a backup application's \
    saved selections: selecting the old set no longer brings in the same components.",
        why: "A component included with its set is restored through the component that \
    defines the set: selecting it alone for restore goes through its closest explicitly \
    included ancestor, and new targets of its files are filed under the component that \
    defines the set, where the writer looks for them in `PostRestore`.\n\n\
    What the documentation does not say: how a writer handles new targets or a restore \
    subcomponent filed under a component that, for it, no longer defines the set.\n\n\
    Keep the selectable components above a released component as they were; look in \
    `OnPreRestore` and `OnPostRestore` for the restore targets and new targets of old backups \
    under the old set's component too; raise the writer's version (`InitializeEx`).",
        sources: &[
            "Working with Selectability For Restore and Subcomponents: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-selectability-for-restore-and-subcomponents",
            "Working with New Targets during Restore: https://learn.microsoft.com/en-us/windows/win32/vss/working-with-new-targets-during-restore",
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let (matches, sets) = (components(pair), sets(pair));
    let named = |set: Option<String>| match set {
        Some(s) => format!("the component set of `{s}`"),
        None => "no component set".to_string(),
    };
    for (m, o, n) in matched_components(pair) {
        if o.logical_path() != n.logical_path() {
            continue;
        }
        let (was, is) = (sets.old[m.old], sets.new[m.new]);
        let was_now = was.map(|a| matches.of_old(a).map(|am| am.new));
        // Same set: both in none, or the old set's component is the new set's component.
        if was_now == is.map(Some) {
            continue;
        }
        let old_set = was.map(|a| pair.old.doc.components[a].full_name());
        let new_set = is.map(|a| pair.new.doc.components[a].full_name());
        cx.changed(
            o.name_span(),
            n.name_span(),
            format!(
                "component `{}` is in {} in the old release and in {} in the new one",
                n.full_name(),
                named(old_set),
                named(new_set)
            ),
        )
        .label("in another component set")
        .help("keep the selectable components above it as they were, so that old backups and saved selections reach it through the same set");
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    const LEAF: &str =
        r#"<FILE_GROUP logicalPath="Top\Mid" componentName="Leaf" selectable="no"/>"#;

    fn tree(top: &str, mid: &str) -> String {
        format!(
            r#"<FILE_GROUP componentName="Top" selectable="{top}"/><FILE_GROUP logicalPath="Top" componentName="Mid" selectable="{mid}"/>{LEAF}"#
        )
    }

    #[test]
    fn a_nearer_selectable_ancestor_takes_the_component() {
        assert_eq!(
            compat_findings(&RULE, &tree("yes", "no"), &tree("yes", "yes")),
            ["component `Top\\Mid\\Leaf` is in the component set of `Top` in the old release and in the component set of `Top\\Mid` in the new one"]
        );
    }

    #[test]
    fn out_of_every_set() {
        let found = compat_findings(&RULE, &tree("yes", "no"), &tree("no", "no"));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found
            .iter()
            .all(|f| f.ends_with("in no component set in the new one")));
    }

    #[test]
    fn a_set_whose_component_was_renamed_is_the_same_set() {
        // The stray `\` changes the key of the set's component, not its place in the tree.
        let set = |lp: &str| {
            format!(
                r#"<FILE_GROUP logicalPath="{lp}" componentName="B" selectable="yes"><FILE_LIST path="C:\Data" filespec="*"/></FILE_GROUP><FILE_GROUP logicalPath="A\B" componentName="C" selectable="no"/>"#
            )
        };
        assert!(compat_findings(&RULE, &set("A"), &set(r"A\")).is_empty());
        assert!(compat_findings(&RULE, &tree("yes", "no"), &tree("yes", "no")).is_empty());
    }

    #[test]
    fn a_component_that_moved_is_left_to_the_rename() {
        let sets = r#"<FILE_LIST path="C:\Data" filespec="*"/>"#;
        let old = format!(
            r#"<FILE_GROUP componentName="Top" selectable="yes"/><FILE_GROUP logicalPath="Top" componentName="Leaf" selectable="no">{sets}</FILE_GROUP>"#
        );
        let new = format!(
            r#"<FILE_GROUP componentName="Top" selectable="yes"/><FILE_GROUP logicalPath="Elsewhere" componentName="Leaf" selectable="no">{sets}</FILE_GROUP>"#
        );
        assert!(compat_findings(&RULE, &old, &new).is_empty());
    }
}

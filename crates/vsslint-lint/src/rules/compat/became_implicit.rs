//! `compat/became-implicit`: a selectable component of the old release that the new one makes
//! a non-selectable member of a component set.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{attr_or_element, sets, yes_no};
use crate::toolkit::compat_match::matched_components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/became-implicit" {
        code: "VSL1039",
        severity: Severity::Error,
        summary: "A selectable component became a non-selectable member of a component set",
        what: "For each component of the old release found in the new one, compares \
    `selectable` (absent is `no`; other spellings are not compared): a component selectable in \
    the old release that is not in the new one, and has a selectable ancestor there, is now \
    included only implicitly, with the component set of that ancestor. The finding is at the \
    new `selectable` (or the component when it is not written), with the old one; the message \
    names the set.\n\n\
    For restoring a backup made with the old release: a backup that selected the component \
    on its own records it in its backup components document, and the requester selects it \
    for restore by its logical path and name, where the writer installed expects it only \
    through its set. For a backup application's saved selections: they add the component \
    explicitly.",
        why: "A non-selectable component with a selectable ancestor belongs to the ancestor's \
    component set and is included with it; it \"should never be explicitly added\" with \
    `AddComponent`: \"The result of doing so is undefined.\" A saved selection that names \
    the component does exactly that with the new release.\n\n\
    Keep the component selectable (`selectable=\"yes\"`): a selectable member of a set may \
    still be selected on its own or with its set. If it must change, raise the writer's major \
    version (`InitializeEx`).",
        sources: &[
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let sets = sets(pair);
    for (m, o, n) in matched_components(pair) {
        if (yes_no(&o.selectable), yes_no(&n.selectable)) != (Some(true), Some(false)) {
            continue;
        }
        let Some(set) = sets.new[m.new] else {
            continue;
        };
        let set = pair.new.doc.components[set].full_name();
        cx.changed(
            attr_or_element(&o.selectable, o),
            attr_or_element(&n.selectable, n),
            format!(
                "component `{}` is selectable in the old release and not in the new one, where it belongs to the component set of `{set}`: adding it on its own is undefined",
                n.full_name()
            ),
        )
        .label("no longer selectable")
        .help(format!(
            "keep selectable=\"yes\" on `{}`: old backups and saved selections add it on its own",
            n.full_name()
        ));
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    const TOP: &str = r#"<FILE_GROUP componentName="Top" selectable="yes"/>"#;

    fn leaf(selectable: &str) -> String {
        format!(r#"{TOP}<FILE_GROUP logicalPath="Top" componentName="Leaf" {selectable}/>"#)
    }

    #[test]
    fn yes_to_no_or_absent_under_a_selectable_ancestor() {
        for new in [r#"selectable="no""#, ""] {
            let found = compat_findings(&RULE, &leaf(r#"selectable="yes""#), &leaf(new));
            assert_eq!(found.len(), 1, "{new}: {found:?}");
            assert!(found[0].contains("component set of `Top`"), "{found:?}");
        }
    }

    #[test]
    fn no_finding_without_a_selectable_ancestor_or_for_an_unknown_spelling() {
        let alone = |s: &str| format!(r#"<FILE_GROUP componentName="Leaf" {s}/>"#);
        assert!(compat_findings(
            &RULE,
            &alone(r#"selectable="yes""#),
            &alone(r#"selectable="no""#)
        )
        .is_empty());
        assert!(compat_findings(
            &RULE,
            &leaf(r#"selectable="yes""#),
            &leaf(r#"selectable="nope""#)
        )
        .is_empty());
    }
}

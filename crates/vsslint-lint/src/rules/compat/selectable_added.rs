//! `compat/selectable-added`: a component that becomes selectable in the new release.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{attr_or_element, yes_no};
use crate::toolkit::compat_flags::{flag_moved, Direction::Gained};
use crate::toolkit::compat_match::matched_components;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/selectable-added" {
        code: "VSL1041",
        severity: Severity::Info,
        summary: "A component became selectable",
        what: "For each component of the old release found in the new one, compares \
    `selectable` (absent is `no`; other spellings are not compared): a component not \
    selectable in the old release and selectable in the new one is noted at the new \
    `selectable`, with the old one (or the component when it is not written).\n\n\
    For restoring a backup made with the old release: the backup included the component as \
    the old release required, explicitly or with its set; selecting it for restore works as \
    before. For a backup application's saved selections: they still include it, which a \
    requester may do.",
        why: "A requester may include a selectable component or leave it out; one that was \
    required or a member of a set only gains that choice. A selectable component that defines \
    a set of its own takes the components below it from the set they were in; \
    `compat/component-set-changed` reports those.",
        sources: &[
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "IVssBackupComponents::AddComponent: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-addcomponent",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        if !flag_moved(o, n, |c| yes_no(&c.selectable), Gained) {
            continue;
        }
        cx.changed(
            attr_or_element(&o.selectable, o),
            attr_or_element(&n.selectable, n),
            format!(
                "component `{}` is not selectable in the old release and selectable in the new one",
                n.full_name()
            ),
        )
        .label("now selectable")
        .help("nothing to change: requesters may now leave the component out");
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    fn one(selectable: &str) -> String {
        format!(r#"<FILE_GROUP componentName="A" {selectable}/>"#)
    }

    #[test]
    fn absent_or_no_to_yes() {
        for old in [r#"selectable="no""#, ""] {
            let found = compat_findings(&RULE, &one(old), &one(r#"selectable="yes""#));
            assert_eq!(found.len(), 1, "{old}: {found:?}");
        }
    }

    #[test]
    fn yes_to_yes_or_an_unknown_spelling_is_no_finding() {
        let yes = one(r#"selectable="yes""#);
        assert!(compat_findings(&RULE, &yes, &yes).is_empty());
        assert!(compat_findings(&RULE, &one(r#"selectable="0""#), &yes).is_empty());
    }
}

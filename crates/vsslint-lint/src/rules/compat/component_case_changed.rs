//! `compat/component-case-changed`: a component of the old release whose logical path or name
//! the new one spells in another case.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_match::{matched_components, Found};

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/component-case-changed" {
        code: "VSL1035",
        severity: Severity::Warning,
        summary: "A component's logical path or name changed case only",
        what: "Matches the components of the two releases by logical path and name \
    (`logicalPath`, `componentName`; an absent logical path is empty): an old component whose \
    key is found in the new release only when case is ignored is reported here, once, at the \
    new attribute that changed (the name when both did), with the old one. The message says \
    which part changed.\n\n\
    For restoring a backup made with the old release: the backup records the component \
    spelt the old way, and the writer installed declares it spelt the new way. For a backup \
    application's saved selections: they name the component spelt the old way.",
        why: "A requester identifies a component by the writer's class, the logical path and \
    the name, and selecting a component that does not match the writer's \"an error will be \
    returned\"; selecting a component for restore takes the same logical path and name as at \
    backup.\n\n\
    What the documentation does not say: whether VSS compares logical paths and component \
    names with or without case. If it compares them exactly, the change is a rename: saved \
    selections fail and old backups name a component the writer no longer declares. If it \
    ignores case, nothing changes.\n\n\
    Keep the spelling of a released component's logical path and name, case included; if \
    the change cannot be avoided, raise the writer's major version (`InitializeEx`).",
        sources: &[
            "Use of components by the requester: https://learn.microsoft.com/en-us/windows/win32/vss/use-of-components-by-the-requestor",
            "IVssBackupComponents::SetSelectedForRestore: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-setselectedforrestore",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        if m.found != Found::CaseOnly {
            continue;
        }
        let (what, old_at, new_at) = match (&o.logical_path, &n.logical_path) {
            (Some(a), Some(b)) if o.name() == n.name() => ("its logical path", a.span, b.span),
            _ if o.logical_path() == n.logical_path() => ("its name", o.name_span(), n.name_span()),
            _ => ("its logical path and name", o.name_span(), n.name_span()),
        };
        cx.changed(
            old_at,
            new_at,
            format!(
                "component `{}` of the old release is spelt `{}` in the new one: the case of {what} changed",
                o.full_name(),
                n.full_name()
            ),
        )
        .label("spelt in another case")
        .help(format!(
            "spell the component `{}` as the old release did: whether VSS ignores case in logical paths and component names is not documented",
            o.full_name()
        ));
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    #[test]
    fn the_message_says_which_part_changed_case() {
        let cases = [
            (
                r#"logicalPath="Db" componentName="A""#,
                r#"logicalPath="DB" componentName="A""#,
                "its logical path changed",
            ),
            (
                r#"logicalPath="Db" componentName="A""#,
                r#"logicalPath="Db" componentName="a""#,
                "its name changed",
            ),
            (
                r#"componentName="A""#,
                r#"componentName="a""#,
                "its name changed",
            ),
            (
                r#"logicalPath="Db" componentName="A""#,
                r#"logicalPath="DB" componentName="a""#,
                "its logical path and name changed",
            ),
        ];
        for (old, new, says) in cases {
            let found = compat_findings(
                &RULE,
                &format!(r#"<FILE_GROUP {old} selectable="yes"/>"#),
                &format!(r#"<FILE_GROUP {new} selectable="yes"/>"#),
            );
            assert_eq!(found.len(), 1, "{old} → {new}: {found:?}");
            assert!(found[0].ends_with(says), "{old} → {new}: {found:?}");
        }
    }

    #[test]
    fn the_same_spelling_or_another_name_is_not_a_change_of_case() {
        for new in [r#"componentName="A""#, r#"componentName="B""#] {
            let found = compat_findings(
                &RULE,
                r#"<FILE_GROUP componentName="A" selectable="yes"/>"#,
                &format!(r#"<FILE_GROUP {new} selectable="yes"/>"#),
            );
            assert!(found.is_empty(), "{new}: {found:?}");
        }
    }
}

//! `compat/not-system-state-changed`: a component that enters or leaves system state.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{attr_or_element, flags};
use crate::toolkit::compat_match::matched_components;
use vsslint_model::flags::ComponentFlags;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/not-system-state-changed" {
        code: "VSL1045",
        severity: Severity::Warning,
        summary: "A component gained or lost VSS_CF_NOT_SYSTEM_STATE",
        what: "For each component of the old release found in the new one, compares \
    `VSS_CF_NOT_SYSTEM_STATE` (4) in `componentFlags` (absent is 0; a value that is not a \
    number is not compared). A change either way is reported at the new `componentFlags` (or \
    the component when it is not written), with the old one; the message says whether the \
    component left or joined system state, and the writer's usage.\n\n\
    For restoring a backup made with the old release: a system-state backup made with the \
    old release contains the component, or leaves it out, by the old flag. For a backup \
    application's saved selections: a selection of system state takes the components of \
    system-state writers that are not flagged, and so now takes another set of components.",
        why: "`VSS_CF_NOT_SYSTEM_STATE` marks a component as \"not part of system state\"; \
    the components of a writer whose usage is `BOOTABLE_SYSTEM_STATE` or `SYSTEM_SERVICE` are \
    all part of system state except those that carry it, and requesters that back up \
    system state look for writers of those usages.\n\n\
    What the documentation does not say: how a requester restores system state from a backup \
    whose components were chosen by another release's flags, and whether the writer \
    installed expects a component to come back with system state that the old backup left \
    out.\n\n\
    Keep the flag as released; if the component's place in system state must change, raise \
    the writer's major version (`InitializeEx`) and say so to backup applications.",
        sources: &[
            "VSS_COMPONENT_FLAGS: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
            "VSS_USAGE_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_usage_type",
            "Backing Up and Restoring System State: https://learn.microsoft.com/en-us/windows/win32/vss/locating-additional-system-files",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    let usage = pair
        .new
        .doc
        .identification()
        .and_then(|i| i.usage.as_ref())
        .map_or("not given", |u| u.raw);
    for (m, o, n) in matched_components(pair) {
        let (Some(was), Some(is)) = (flags(o), flags(n)) else {
            continue;
        };
        let (was, is) = (
            was.contains(ComponentFlags::NOT_SYSTEM_STATE),
            is.contains(ComponentFlags::NOT_SYSTEM_STATE),
        );
        if was == is {
            continue;
        }
        let how = if is {
            "gained VSS_CF_NOT_SYSTEM_STATE: it leaves system state"
        } else {
            "lost VSS_CF_NOT_SYSTEM_STATE: it joins system state"
        };
        cx.changed(
            attr_or_element(&o.flags, o),
            attr_or_element(&n.flags, n),
            format!(
                "component `{}` {how} (the writer's usage is {usage})",
                n.full_name()
            ),
        )
        .label(if is { "flag 4 added" } else { "flag 4 removed" })
        .help("keep VSS_CF_NOT_SYSTEM_STATE as the old release had it: system-state backups made with it chose their components by it");
        cx.note_recorded(m.old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toolkit::compat_components::testing::compat_findings;

    fn with(flags: &str) -> String {
        format!(r#"<FILE_GROUP componentName="A" selectable="yes" {flags}/>"#)
    }

    #[test]
    fn either_way_and_absent_is_zero() {
        let found = compat_findings(&RULE, &with(""), &with(r#"componentFlags="5""#));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("leaves system state"), "{found:?}");
        let found = compat_findings(
            &RULE,
            &with(r#"componentFlags="4""#),
            &with(r#"componentFlags="0""#),
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("joins system state"), "{found:?}");
    }

    #[test]
    fn other_bits_or_a_value_that_is_no_number_are_no_finding() {
        assert!(compat_findings(
            &RULE,
            &with(r#"componentFlags="4""#),
            &with(r#"componentFlags="6""#)
        )
        .is_empty());
        assert!(compat_findings(
            &RULE,
            &with(r#"componentFlags="4""#),
            &with(r#"componentFlags="four""#)
        )
        .is_empty());
    }
}

//! `compat/auto-recovery-removed`: a component that loses an auto-recovery flag.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{attr_or_element, flags, AUTO_RECOVERY};
use crate::toolkit::compat_flags::{bits_moved, Direction::Lost};
use crate::toolkit::compat_match::matched_components;
use vsslint_model::flags::Mask;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/auto-recovery-removed" {
        code: "VSL1047",
        severity: Severity::Info,
        summary: "A component lost VSS_CF_BACKUP_RECOVERY or VSS_CF_APP_ROLLBACK_RECOVERY",
        what: "For each component of the old release found in the new one, compares the \
    auto-recovery flags of `componentFlags`, `VSS_CF_BACKUP_RECOVERY` (1) and \
    `VSS_CF_APP_ROLLBACK_RECOVERY` (2) (absent is 0; a value that is not a number is not \
    compared). A flag the new release loses is noted at the new `componentFlags` (or the \
    component when it is not written), with the old one.\n\n\
    For restoring a backup made with the old release: nothing changes; the flags concern the \
    shadow copy. For a backup application's saved selections and jobs: the writer no longer \
    needs write access to the component after the shadow copy is created, which takes a \
    restriction away.",
        why: "The flags tell VSS that the writer will need write access to the component after \
    the shadow copy has been created; without them the shadow copy stays as it was taken, \
    which no job relies on being writable.",
        sources: &[
            "VSS_COMPONENT_FLAGS: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        let Some(lost) = bits_moved(o, n, flags, AUTO_RECOVERY, Lost) else {
            continue;
        };
        cx.changed(
            attr_or_element(&o.flags, o),
            attr_or_element(&n.flags, n),
            format!(
                "component `{}` lost {}: the writer no longer needs write access to it after the shadow copy is created",
                n.full_name(),
                lost.bits.describe()
            ),
        )
        .label("auto-recovery removed")
        .help("nothing to change if the writer no longer writes to the shadow copy");
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
    fn the_flags_lost_are_named() {
        assert_eq!(
            compat_findings(&RULE, &with(r#"componentFlags="7""#), &with("")),
            ["component `A` lost BACKUP_RECOVERY | APP_ROLLBACK_RECOVERY: the writer no longer needs write access to it after the shadow copy is created"]
        );
    }

    #[test]
    fn gaining_or_keeping_or_another_bit_is_no_finding() {
        for (old, new) in [("1", "3"), ("2", "2"), ("4", "0"), ("1", "x")] {
            let found = compat_findings(
                &RULE,
                &with(&format!(r#"componentFlags="{old}""#)),
                &with(&format!(r#"componentFlags="{new}""#)),
            );
            assert!(found.is_empty(), "{old} → {new}: {found:?}");
        }
    }
}

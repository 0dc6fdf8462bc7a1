//! `compat/auto-recovery-added`: a component that gains an auto-recovery flag.

use crate::rule_api::{compat_rule, Check, Compare, CompareCx, Pair, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::compat_components::{attr_or_element, flags, AUTO_RECOVERY};
use crate::toolkit::compat_flags::{bits_moved, Direction::Gained};
use crate::toolkit::compat_match::matched_components;
use vsslint_model::flags::Mask;

pub static RULE: Rule = Rule {
    meta: compat_rule!("compat/auto-recovery-added" {
        code: "VSL1046",
        severity: Severity::Warning,
        summary: "A component gained VSS_CF_BACKUP_RECOVERY or VSS_CF_APP_ROLLBACK_RECOVERY",
        what: "For each component of the old release found in the new one, compares the \
    auto-recovery flags of `componentFlags`, `VSS_CF_BACKUP_RECOVERY` (1) and \
    `VSS_CF_APP_ROLLBACK_RECOVERY` (2) (absent is 0; a value that is not a number is not \
    compared). A flag the new release gains is reported at the new `componentFlags` (or the \
    component when it is not written), with the old one; the message names the flags.\n\n\
    For restoring a backup made with the old release: nothing changes; the flags concern the \
    shadow copy. For a backup application's saved selections and jobs: a job set up for the \
    old release, transportable shadow copies included, now meets a writer that needs write \
    access to the component after the shadow copy is created.",
        why: "With either flag the writer \"will need write access to this component after the \
    shadow copy has been created\" (for the rollback flag, on a rollback shadow copy). On \
    Windows Vista and Windows Server 2003 with SP1 the flags are incompatible with \
    transportable shadow copies (`VSS_VOLSNAP_ATTR_TRANSPORTABLE`); later, they work with them \
    only when the hardware provider supports LUN masking. Neither flag is supported for \
    express writers.\n\n\
    What the documentation does not say: what happens to a job that takes transportable \
    shadow copies with a provider that does not mask LUNs, once a writer asks for write \
    access.\n\n\
    Add the flags in a release whose version says so (`InitializeEx`), and tell backup \
    applications that transport shadow copies of the writer's volumes.",
        sources: &[
            "VSS_COMPONENT_FLAGS: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
            "CVssWriterEx::InitializeEx: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-cvsswriterex-initializeex",
        ],
    }),
    check: Check::Compare(Compare::Pair(check)),
};

fn check(cx: &mut CompareCx, pair: &Pair) {
    for (m, o, n) in matched_components(pair) {
        let Some(gained) = bits_moved(o, n, flags, AUTO_RECOVERY, Gained) else {
            continue;
        };
        cx.changed(
            attr_or_element(&o.flags, o),
            attr_or_element(&n.flags, n),
            format!(
                "component `{}` gained {}: the writer now needs write access to it after the shadow copy is created",
                n.full_name(),
                gained.bits.describe()
            ),
        )
        .label("auto-recovery added")
        .help("make sure the writer must write to the shadow copy; if so, raise the writer's version and tell backup applications that transport shadow copies");
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
    fn the_flags_gained_are_named() {
        assert_eq!(
            compat_findings(&RULE, &with(r#"componentFlags="1""#), &with(r#"componentFlags="7""#)),
            ["component `A` gained APP_ROLLBACK_RECOVERY: the writer now needs write access to it after the shadow copy is created"]
        );
        assert_eq!(
            compat_findings(&RULE, &with(""), &with(r#"componentFlags="3""#)).len(),
            1
        );
    }

    #[test]
    fn losing_or_keeping_or_another_bit_is_no_finding() {
        for (old, new) in [("3", "1"), ("1", "1"), ("0", "4"), ("0", "x")] {
            let found = compat_findings(
                &RULE,
                &with(&format!(r#"componentFlags="{old}""#)),
                &with(&format!(r#"componentFlags="{new}""#)),
            );
            assert!(found.is_empty(), "{old} → {new}: {found:?}");
        }
    }
}

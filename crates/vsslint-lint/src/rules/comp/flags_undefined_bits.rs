//! `comp/flags-undefined-bits`: `componentFlags` sets only defined bits.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::{ComponentFlags, Mask};
use vsslint_model::model::{Component, WriterMetadata};

pub static RULE: Rule = Rule {
    meta: rule!("comp/flags-undefined-bits" {
        code: "VSL412",
        severity: Severity::Error,
        summary: "componentFlags sets bits that VSS_COMPONENT_FLAGS does not define",
        what: "`componentFlags` may combine only the three `VSS_COMPONENT_FLAGS` bits: \
    `VSS_CF_BACKUP_RECOVERY` (1), `VSS_CF_APP_ROLLBACK_RECOVERY` (2) and \
    `VSS_CF_NOT_SYSTEM_STATE` (4), so its value is at most 7. A value that is not a decimal \
    number is reported by `comp/flags-format` instead.",
        why: "A bit outside the defined mask has no meaning to a requester, and a newer VSS may \
    give it one. Such a value is usually a different mask written into the wrong attribute (a \
    `filespecBackupType` or `backupSchema` value) or a hexadecimal value read as decimal, and \
    the flags the writer actually meant are then wrong too.",
        sources: &[
            "VSS_COMPONENT_FLAGS: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
            "Real documents write componentFlags=\"0\", \"2\" and \"4\" (DiskShadow output); the in-box writers page shows \"3\"",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, _: &WriterMetadata, c: &Component) {
    let Some((a, flags)) = parsed(&c.flags) else {
        return;
    };
    let undefined = flags.undefined_bits();
    if undefined == 0 {
        return;
    }
    let kept = ComponentFlags::from_bits_truncate(flags.bits());
    let keep = if kept.is_empty() {
        "componentFlags=\"0\"".to_string()
    } else {
        format!("componentFlags=\"{}\" ({})", kept.bits(), kept.describe())
    };
    let bits = if undefined.count_ones() == 1 {
        "an undefined bit"
    } else {
        "undefined bits"
    };
    cx.report(
        a.span,
        format!(
            "componentFlags=\"{}\" sets {bits}, 0x{undefined:X}",
            a.raw
        ),
    )
    .label(format!("0x{undefined:X} is not a VSS_COMPONENT_FLAGS bit"))
    .help(format!(
        "the defined flags are BACKUP_RECOVERY (1), APP_ROLLBACK_RECOVERY (2) and NOT_SYSTEM_STATE (4); without the undefined bits this is {keep}"
    ));
}

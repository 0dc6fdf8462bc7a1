//! `comp/not-system-state-on-user-writer`: `VSS_CF_NOT_SYSTEM_STATE` where it means nothing.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::flags::ComponentFlags;
use vsslint_model::model::{Component, WriterMetadata};
use vsslint_model::vocab::Usage;

pub static RULE: Rule = Rule {
    meta: rule!("comp/not-system-state-on-user-writer" {
        code: "VSL413",
        severity: Severity::Info,
        summary: "VSS_CF_NOT_SYSTEM_STATE on a component of a writer that is not a system-state writer",
        what: "Notes a component whose `componentFlags` include `VSS_CF_NOT_SYSTEM_STATE` (4) \
    when the writer's `usage` is neither `BOOTABLE_SYSTEM_STATE` nor `SYSTEM_SERVICE`. Nothing is \
    reported when the usage is missing or spelt in a way vsslint does not know (see the \
    `accept` setting for extra spellings).",
        why: "The flag exists to take a component out of system state. Only the components of \
    system-state writers (usage `BOOTABLE_SYSTEM_STATE` or `SYSTEM_SERVICE`) are system state to \
    begin with, so on any other writer the flag changes nothing. It may mean that the usage is \
    wrong: a writer whose data belongs to system state should declare a system-state usage.",
        sources: &[
            "Locating Additional System Files: https://learn.microsoft.com/en-us/windows/win32/vss/locating-additional-system-files",
            "VSS_COMPONENT_FLAGS: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_component_flags",
            "Using VSS Automated System Recovery for Disaster Recovery: https://learn.microsoft.com/en-us/windows/win32/vss/using-vss-automated-system-recovery-for-disaster-recovery",
            "The System writer (usage BOOTABLE_SYSTEM_STATE) sets componentFlags=\"4\" on \"Win32 Services Files\" (DiskShadow output)",
        ],
    }),
    check: Check::Component(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata, c: &Component) {
    if !c.flags().contains(ComponentFlags::NOT_SYSTEM_STATE) {
        return;
    }
    let Some(usage_attr) = w.identification().and_then(|i| i.usage.as_ref()) else {
        return;
    };
    let usage = cx.settings.usage(usage_attr);
    if usage == Usage::Unknown || usage.is_system_state() {
        return;
    }
    let Some(flags) = &c.flags else {
        return;
    };
    cx.report(
        flags.span,
        format!(
            "component `{}` is marked NOT_SYSTEM_STATE, but its writer's usage {} is not a system-state usage",
            c.full_name(),
            usage_attr.raw
        ),
    )
    .label("NOT_SYSTEM_STATE has no effect here")
    .related(usage_attr.span, "the writer's usage")
    .help("clear bit 4 of componentFlags, or, if the writer's data is part of system state, declare usage=\"BOOTABLE_SYSTEM_STATE\" or usage=\"SYSTEM_SERVICE\"");
}

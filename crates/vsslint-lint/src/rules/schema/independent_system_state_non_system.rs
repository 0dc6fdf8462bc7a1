//! `schema/independent-system-state-non-system`: INDEPENDENT_SYSTEM_STATE on a non-system writer.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::schema::{decoded, schema_attr};
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::WriterMetadata;
use vsslint_model::vocab::Usage;

pub static RULE: Rule = Rule {
    meta: rule!("schema/independent-system-state-non-system" {
        code: "VSL209",
        severity: Severity::Info,
        summary: "INDEPENDENT_SYSTEM_STATE on a writer whose usage is not system state",
        what: "Notes `VSS_BS_INDEPENDENT_SYSTEM_STATE` (0x400) in `backupSchema` when the \
    writer's `usage` is neither `BOOTABLE_SYSTEM_STATE` nor `SYSTEM_SERVICE`. The rule stays silent \
    when the usage is missing or unknown (other rules report that). The link between the bit and \
    the usage is an inference from the documentation, hence info.",
        why: "The bit says that the writer's data is part of the system state but can also be \
    backed up on its own. Only writers with a system-state usage have system-state components, so \
    on a `USER_DATA` or `OTHER` writer the bit describes nothing, and may point at a wrong usage.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Locating Additional System Files: https://learn.microsoft.com/en-us/windows/win32/vss/locating-additional-system-files",
            "VSS_USAGE_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/ne-vswriter-vss_usage_type",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    if !s.contains(BackupSchema::INDEPENDENT_SYSTEM_STATE) {
        return;
    }
    let Some(u) = w.identification().and_then(|i| i.usage.as_ref()) else {
        return;
    };
    let usage = cx.settings.usage(u);
    if usage.is_system_state() || matches!(usage, Usage::Unknown) {
        return;
    }
    cx.report(
        a.span,
        format!(
            "{}; INDEPENDENT_SYSTEM_STATE describes system-state data, but the writer's usage is {}",
            decoded(s),
            u.raw
        ),
    )
    .label("system-state bit")
    .help("clear INDEPENDENT_SYSTEM_STATE (0x400) if the writer's data is not system state; if it is, use usage BOOTABLE_SYSTEM_STATE or SYSTEM_SERVICE")
    .related(u.span, format!("usage {} is not a system-state usage", u.raw));
}

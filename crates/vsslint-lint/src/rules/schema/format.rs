//! `schema/format`: `backupSchema` is an unsigned decimal.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("schema/format" {
        code: "VSL201",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Safe),
        summary: "backupSchema is not an unsigned decimal integer",
        what: "`WRITER_METADATA/@backupSchema` must be the `VSS_BACKUP_SCHEMA` bit mask written \
    as an unsigned decimal number (`881`), not hexadecimal (`0x371`), not names, not empty.",
        why: "Requesters read the mask with `IVssExamineWriterMetadata::GetBackupSchema` to decide \
    whether the writer takes part in differential, incremental, log or copy backups. A value that \
    is not a number cannot be read, and the writer is treated as supporting full backups only.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "IVssCreateWriterMetadata::SetBackupSchema: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setbackupschema",
            "The SQL Server writer writes backupSchema=\"881\" (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    if let Some(a) = &w.backup_schema {
        if a.value.is_none() {
            let shown = if a.raw.is_empty() {
                "empty".to_string()
            } else {
                format!("\"{}\"", a.raw)
            };
            let d = cx.report(
                a.span,
                format!("backupSchema {shown} is not an unsigned decimal integer"),
            );
            d.label("not a decimal mask");
            crate::toolkit::hints::decimal_fix(
                d,
                "backupSchema",
                a.span,
                a.raw,
                "backupSchema=\"881\" for DIFFERENTIAL | COPY | TIMESTAMPED | LAST_MODIFY | WRITER_SUPPORTS_NEW_TARGET | WRITER_SUPPORTS_RESTORE_WITH_MOVE",
            );
        }
    }
}

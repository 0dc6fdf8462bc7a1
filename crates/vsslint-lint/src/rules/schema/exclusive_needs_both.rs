//! `schema/exclusive-needs-both`: EXCLUSIVE_INCREMENTAL_DIFFERENTIAL comes with both schemas.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("schema/exclusive-needs-both" {
        code: "VSL203",
        severity: Severity::Error,
        summary: "EXCLUSIVE_INCREMENTAL_DIFFERENTIAL without both DIFFERENTIAL and INCREMENTAL",
        what: "`VSS_BS_EXCLUSIVE_INCREMENTAL_DIFFERENTIAL` (0x4) in `backupSchema` requires both \
    `VSS_BS_DIFFERENTIAL` (0x1) and `VSS_BS_INCREMENTAL` (0x2).",
        why: "The bit says that the writer supports differential and incremental backups, but \
    not mixed (no incremental backup on top of a differential one). Microsoft states that a writer \
    cannot support it without supporting both schemas (the `VSS_BACKUP_SCHEMA` page), so the \
    mask contradicts itself and a requester cannot tell which kind of backup the writer takes.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Writer Backup Schema Support: https://learn.microsoft.com/en-us/windows/win32/vss/writer-backup-schema-support",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    crate::toolkit::schema::check_needs(
        cx,
        w,
        BackupSchema::EXCLUSIVE_INCREMENTAL_DIFFERENTIAL,
        BackupSchema::DIFFERENTIAL | BackupSchema::INCREMENTAL,
        true,
    );
}

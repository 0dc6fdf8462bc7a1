//! `schema/timestamped-needs-incr-or-diff`: TIMESTAMPED comes with DIFFERENTIAL or INCREMENTAL.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("schema/timestamped-needs-incr-or-diff" {
        code: "VSL204",
        severity: Severity::Error,
        summary: "TIMESTAMPED without DIFFERENTIAL or INCREMENTAL",
        what: "`VSS_BS_TIMESTAMPED` (0x20) in `backupSchema` requires `VSS_BS_DIFFERENTIAL` \
    (0x1) or `VSS_BS_INCREMENTAL` (0x2), or both.",
        why: "Time stamps (`IVssComponent::SetBackupStamp` and friends) are how a writer decides \
    which files go into a differential or incremental backup. Without either schema the writer \
    only ever takes part in full backups, where stamps mean nothing; Microsoft states that a writer \
    cannot support this schema alone.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "The SQL Server writer's backupSchema=\"881\" sets TIMESTAMPED together with DIFFERENTIAL (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    crate::toolkit::schema::check_needs(
        cx,
        w,
        BackupSchema::TIMESTAMPED,
        BackupSchema::DIFFERENTIAL | BackupSchema::INCREMENTAL,
        false,
    );
}

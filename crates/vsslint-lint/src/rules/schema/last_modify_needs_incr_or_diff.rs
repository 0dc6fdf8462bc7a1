//! `schema/last-modify-needs-incr-or-diff`: LAST_MODIFY comes with DIFFERENTIAL or INCREMENTAL.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("schema/last-modify-needs-incr-or-diff" {
        code: "VSL205",
        severity: Severity::Error,
        summary: "LAST_MODIFY without DIFFERENTIAL or INCREMENTAL",
        what: "`VSS_BS_LAST_MODIFY` (0x40) in `backupSchema` requires `VSS_BS_DIFFERENTIAL` \
    (0x1) or `VSS_BS_INCREMENTAL` (0x2), or both.",
        why: "With this schema the writer reports differenced files by last-modification time \
    (`IVssComponent::AddDifferencedFilesByLastModifyTime`) so that a requester can choose the files \
    of a differential or incremental backup. A writer that supports neither kind of backup has \
    nothing to report them for; Microsoft states that it cannot support this schema.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "The SQL Server writer's backupSchema=\"881\" sets LAST_MODIFY together with DIFFERENTIAL (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    crate::toolkit::schema::check_needs(
        cx,
        w,
        BackupSchema::LAST_MODIFY,
        BackupSchema::DIFFERENTIAL | BackupSchema::INCREMENTAL,
        false,
    );
}

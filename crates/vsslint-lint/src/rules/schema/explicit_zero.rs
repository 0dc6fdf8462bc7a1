//! `schema/explicit-zero`: `backupSchema="0"` says what leaving it out says.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::schema::schema_attr;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("schema/explicit-zero" {
        code: "VSL208",
        severity: Severity::Info,
        summary: "backupSchema is 0, the same as leaving it out",
        what: "Notes a `backupSchema` of 0 (`VSS_BS_UNDEFINED`). A writer that never calls \
    `SetBackupSchema` has that schema, and real writers that do not set one leave the attribute \
    out.",
        why: "Zero means \"full backups only\", which every writer supports. Writing it out is \
    harmless, but it can hide a schema that was meant to be set and got lost.",
        sources: &[
            "IVssCreateWriterMetadata::SetBackupSchema: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setbackupschema",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "In-box writers without a schema omit the attribute (real DiskShadow output)",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    if s.bits() == 0 {
        cx.report(
            a.span,
            "backupSchema 0 is the default schema (full backups only)",
        )
        .label("same as no backupSchema")
        .help("leave the attribute out, or set the bits of the backup types the writer supports");
    }
}

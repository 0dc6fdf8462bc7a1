//! `schema/lsn-reserved`: the LSN bit is reserved for the system.

use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::schema::{decoded, schema_attr, written};
use vsslint_model::flags::BackupSchema;
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("schema/lsn-reserved" {
        code: "VSL206",
        severity: Severity::Warning,
        summary: "backupSchema sets the reserved LSN bit",
        what: "`VSS_BS_LSN` (0x80) in `backupSchema` is documented only as \"reserved for system \
    use\". A writer should not set it.",
        why: "Microsoft gives the bit no meaning a writer could promise, so a requester cannot act \
    on it, and a later Windows release may give it one the writer does not implement.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    if s.contains(BackupSchema::LSN) {
        cx.report(
            a.span,
            format!("{}; LSN (0x80) is reserved for system use", decoded(s)),
        )
        .label("reserved bit")
        .help(format!(
            "clear LSN: {}",
            written(s.difference(BackupSchema::LSN))
        ));
    }
}

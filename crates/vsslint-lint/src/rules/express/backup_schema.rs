//! `express/backup-schema`: express writers support full and copy backups only.

use crate::diagnostic::{Applicability, Fix};
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Profile;
use crate::rule_meta::Severity;
use crate::toolkit::attrs::parsed;
use vsslint_model::flags::{BackupSchema, Mask};
use vsslint_model::model::WriterMetadata;

pub static RULE: Rule = Rule {
    meta: rule!("express/backup-schema" {
        code: "VSL703",
        severity: Severity::Error,
        fix: Some(crate::rule_meta::Applicability::Unsafe),
        profile: Profile::Express,
        summary: "an express writer's backupSchema has unsupported bits",
        what: "With `--express`, reports a `backupSchema` with any defined bit other than \
    `VSS_BS_COPY` (0x10) and `VSS_BS_INDEPENDENT_SYSTEM_STATE` (0x400). Bits with no \
    definition at all are `schema/undefined-bits`' findings.",
        why: "The express `SetBackupSchema` supports only `VSS_BS_UNDEFINED`, `VSS_BS_COPY` and \
    `VSS_BS_INDEPENDENT_SYSTEM_STATE`, and the regular `IVssCreateWriterMetadata::SetBackupSchema` \
    page documents `VSS_E_NOT_SUPPORTED` for a value not supported for express writers: an \
    express writer cannot take part in differential, incremental or log backups, nor in restore \
    variants that need writer code.",
        sources: &[
            "IVssCreateExpressWriterMetadata::SetBackupSchema: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreateexpresswritermetadata-setbackupschema",
            "IVssCreateWriterMetadata::SetBackupSchema: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setbackupschema",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some((a, schema)) = parsed(&w.backup_schema) else {
        return;
    };
    let allowed = BackupSchema::COPY | BackupSchema::INDEPENDENT_SYSTEM_STATE;
    let bad = schema & BackupSchema::all() & !allowed;
    if bad.is_empty() {
        return;
    }
    let kept = schema & allowed;
    let d = cx
        .report(
            a.span,
            format!(
                "backupSchema {} of an express writer sets {}",
                a.raw,
                bad.describe()
            ),
        )
        .label("not supported by express writers");
    if kept.is_empty() {
        d.help("express writers support only full, copy and independent-system-state backups: remove backupSchema (full backups only)");
    } else {
        // Unsafe: the writer no longer declares the backup types it claimed.
        d.fix(
            format!(
                "express writers support only COPY and INDEPENDENT_SYSTEM_STATE: write backupSchema=\"{}\"",
                kept.bits()
            ),
            Fix::replace(a.span, kept.bits().to_string(), Applicability::Unsafe),
        );
    }
}

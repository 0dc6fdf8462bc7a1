//! `schema/undefined-bits`: `backupSchema` sets no bit outside `VSS_BACKUP_SCHEMA`.

use crate::flags::{BackupSchema, Mask};
use crate::model::WriterMetadata;
use crate::rule_api::{rule, Check, Cx, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::schema::{decoded, schema_attr, written};

pub static RULE: Rule = Rule {
    meta: rule!("schema/undefined-bits" {
        code: "VSL202",
        severity: Severity::Error,
        summary: "backupSchema sets a bit that VSS_BACKUP_SCHEMA does not define",
        what: "Every bit of `backupSchema` must be one of the `VSS_BACKUP_SCHEMA` values. The \
    defined bits are 0x1 to 0x400 and 0x1000 to 0x8000 (mask 0xF7FF): 0x800 has no constant, and \
    nothing from 0x10000 up is defined.",
        why: "The `VSS_BACKUP_SCHEMA` page defines the bits a schema may hold, and \
    `IVssCreateWriterMetadata::SetBackupSchema` documents `E_INVALIDARG` for a schema argument \
    that is not valid. A bit the enumeration does not define means nothing to a requester: it \
    cannot tell what the writer meant. A hand-edited value or a mask written for another \
    enumeration (`VSS_FILE_SPEC_BACKUP_TYPE` uses 0x800) are the usual causes.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "IVssCreateWriterMetadata::SetBackupSchema: https://learn.microsoft.com/en-us/windows/win32/api/vswriter/nf-vswriter-ivsscreatewritermetadata-setbackupschema",
        ],
    }),
    check: Check::Writer(check),
};

fn check(cx: &mut Cx, w: &WriterMetadata) {
    let Some((a, s)) = schema_attr(w) else {
        return;
    };
    let undefined = s.undefined_bits();
    if undefined == 0 {
        return;
    }
    let (what, bits) = if undefined.count_ones() == 1 {
        ("this bit is", "bit")
    } else {
        ("these bits are", "bits")
    };
    cx.report(
        a.span,
        format!("{}; {what} not part of VSS_BACKUP_SCHEMA", decoded(s)),
    )
    .label(format!("undefined 0x{undefined:X}"))
    .help(format!(
        "clear the undefined {bits}: {}",
        written(BackupSchema::from_bits_truncate(s.bits()))
    ));
}

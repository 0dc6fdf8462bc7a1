//! `set/backup-type-unsupported`: the backup's type is one each writer taking part supports.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    article, backup_sets, relate, schema_bit, set_check, writer_name, BESIDE_COMPONENTS,
};

pub static RULE: Rule = Rule {
    meta: rule!("set/backup-type-unsupported" {
        code: "VSL954",
        severity: Severity::Warning,
        summary: "The backup's type is not in the backupSchema a taking-part writer declares",
        what: "When the backup components document's `backupType` is `incremental`, \
    `differential`, `log` or `copy`, checks that the `backupSchema` of each writer it adds \
    components for has the matching bit: DIFFERENTIAL (0x1), INCREMENTAL (0x2), LOG (0x8), \
    COPY (0x10). A writer that declares no `backupSchema` at all is left to \
    `set/backup-type-default`.",
        why: "A writer that declares a backup schema lists the backup types it supports. If a \
    writer's backup schema does not support the requester's incremental, differential, log or \
    copy backup, that writer gets a full backup instead, silently: a LOG \
    backup of a writer without LOG takes all of its files, and a restore that expects a log \
    chain does not find one.",
        sources: &[
            "VSS_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_type",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "IVssBackupComponents::SetBackupState: https://learn.microsoft.com/en-us/windows/win32/api/vsbackup/nf-vsbackup-ivssbackupcomponents-setbackupstate",
        ],
        across_documents: true,
        example_file: "BCDocument.xml",
        companions: BESIDE_COMPONENTS,
    }),
    check: set_check(check),
};

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        for (i, bc, wc, writer) in set.taking_part() {
            let Some(t) = &bc.backup_type else { continue };
            let Some((bit, bit_name)) = schema_bit(t.raw) else {
                continue;
            };
            // A writer that declares no schema is set/backup-type-default's.
            let Some(schema) = writer.doc.backup_schema.as_ref() else {
                continue;
            };
            if wc.components.is_empty() || schema.value.is_some_and(|bits| bits.contains(bit)) {
                continue;
            }
            let name = writer_name(writer);
            let span = wc.writer_id.as_ref().map_or(wc.node.span, |a| a.span);
            let d = cx
                .report(
                    docs,
                    i,
                    span,
                    format!(
                        "{name} takes part in {} {} backup, but its backupSchema {} has no {bit_name}: it gets a full backup",
                        article(t.raw),
                        t.raw,
                        schema.raw
                    ),
                )
                .label(format!("no {bit_name} in its schema"))
                .help(format!(
                    "add {bit_name} to the writer's backupSchema if it supports such backups; else back it up in a separate full backup, or leave it out"
                ));
            relate(
                d,
                &docs[writer.member],
                schema.span,
                "the writer's backupSchema",
            );
        }
    }
}

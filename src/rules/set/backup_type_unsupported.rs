//! `set/backup-type-unsupported`: the backup's type is one each writer taking part supports.

use crate::flags::BackupSchema;
use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{backup_sets, relate, set_check, BESIDE_COMPONENTS};

pub static RULE: Rule = Rule {
    meta: rule!("set/backup-type-unsupported" {
        code: "VSL954",
        severity: Severity::Warning,
        summary: "The backup's type is not in a taking-part writer's backupSchema",
        what: "When the backup components document's `backupType` is `incremental`, \
    `differential`, `log` or `copy`, checks that the `backupSchema` of each writer it adds \
    components for has the matching bit: DIFFERENTIAL (0x1), INCREMENTAL (0x2), LOG (0x8), \
    COPY (0x10). A writer without `backupSchema` supports full backups only.",
        why: "If a writer's backup schema does not support the requester's incremental, \
    differential, log or copy backup, that writer gets a full backup instead, silently: a LOG \
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

/// The schema bit a backup type needs, by its spelling in the document.
fn needed(backup_type: &str) -> Option<(BackupSchema, &'static str)> {
    Some(match backup_type.to_ascii_lowercase().as_str() {
        "differential" => (BackupSchema::DIFFERENTIAL, "DIFFERENTIAL"),
        "incremental" => (BackupSchema::INCREMENTAL, "INCREMENTAL"),
        "log" => (BackupSchema::LOG, "LOG"),
        "copy" => (BackupSchema::COPY, "COPY"),
        _ => return None,
    })
}

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        for &(i, bc) in &set.components {
            let Some(t) = &bc.backup_type else { continue };
            let Some((bit, bit_name)) = needed(t.raw) else {
                continue;
            };
            for wc in &bc.writers {
                let Some(writer) = set.writer_of(wc) else {
                    continue;
                };
                if wc.components.is_empty() {
                    continue;
                }
                let schema = writer.doc.backup_schema.as_ref();
                let bits = schema
                    .and_then(|a| a.value)
                    .unwrap_or(BackupSchema::empty());
                if bits.contains(bit) {
                    continue;
                }
                let name = writer
                    .doc
                    .identification()
                    .and_then(|id| id.friendly_name.as_ref())
                    .map_or("the writer", |a| a.raw);
                let span = wc.writer_id.as_ref().map_or(wc.node.span, |a| a.span);
                let article = if t.raw.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                let (declares, help) = match schema {
                    Some(a) => (
                        format!("its backupSchema {} has no {bit_name}", a.raw),
                        format!(
                            "add {bit_name} to the writer's backupSchema if it supports such backups; else back it up in a separate full backup, or leave it out"
                        ),
                    ),
                    None => (
                        "it declares no backupSchema (full backups only)".to_string(),
                        format!(
                            "back this writer up in a separate full backup, or leave it out ({} declares no backupSchema)",
                            docs[writer.member].facts.path
                        ),
                    ),
                };
                let d = cx
                    .report(
                        docs,
                        i,
                        span,
                        format!(
                            "{name} takes part in {article} {} backup, but {declares}: it gets a full backup",
                            t.raw
                        ),
                    )
                    .label(format!("no {bit_name} in its schema"))
                    .help(help);
                if let Some(a) = schema {
                    relate(d, &docs[writer.member], a.span, "the writer's backupSchema");
                }
            }
        }
    }
}

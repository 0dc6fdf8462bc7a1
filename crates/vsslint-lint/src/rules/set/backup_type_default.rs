//! `set/backup-type-default`: a writer without a declared backup schema takes part in a backup
//! of a type other than full, and gets the full backup that is its documented default.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{
    article, backup_sets, schema_bit, set_check, writer_name, BESIDE_COMPONENTS,
};

pub static RULE: Rule = Rule {
    meta: rule!("set/backup-type-default" {
        code: "VSL964",
        severity: Severity::Info,
        summary: "A writer without a backupSchema gets a full backup in an incremental, differential, log or copy backup",
        what: "When the backup components document's `backupType` is `incremental`, \
    `differential`, `log` or `copy`, notes each writer it adds components for whose metadata \
    declares no `backupSchema`: VSS backs that writer's data up as a full backup. A writer that \
    declares a schema without the type's bit is `set/backup-type-unsupported`'s.",
        why: "Full is the default backup type and schema, and all writers support it; a writer \
    whose schema does not support the requester's type gets a full backup of its data. In both \
    real sets in the corpus every in-box writer declares no schema, so a copy, incremental, \
    differential or log backup of them takes their data whole: expected, and worth knowing when \
    the backup was meant to be smaller, or when a restore expects only the changes since the \
    last backup.",
        sources: &[
            "VSS_BACKUP_TYPE: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_type",
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "The real sets in the corpus (in-box writers without backupSchema, SQL Server's 881)",
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
            let Some(t) = bc
                .backup_type
                .as_ref()
                .filter(|t| schema_bit(t.raw).is_some())
            else {
                continue;
            };
            if wc.components.is_empty() || writer.doc.backup_schema.is_some() {
                continue;
            }
            let span = wc.writer_id.as_ref().map_or(wc.node.span, |a| a.span);
            cx.report(
                docs,
                i,
                span,
                format!(
                    "{} declares no backupSchema, so it gets a full backup in this {} backup",
                    writer_name(writer),
                    t.raw
                ),
            )
            .label("no backupSchema: a full backup")
            .help(format!(
                "nothing to change if a full backup of this writer is wanted; otherwise back it up separately, or leave it out of {} {} backup ({} declares no backupSchema)",
                article(t.raw),
                t.raw,
                docs[writer.member].facts.path
            ));
        }
    }
}

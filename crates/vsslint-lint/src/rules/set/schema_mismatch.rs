//! `set/schema-mismatch`: the backup components document records the writer's backupSchema.

use crate::rule_api::{rule, AcrossCx, Facts, Member, Rule};
use crate::rule_meta::Severity;
use crate::toolkit::backup_set::{backup_sets, relate, set_check, BESIDE_COMPONENTS};
use vsslint_model::flags::BackupSchema;

pub static RULE: Rule = Rule {
    meta: rule!("set/schema-mismatch" {
        code: "VSL955",
        severity: Severity::Info,
        summary: "WRITER_COMPONENTS@backupSchema differs from the writer's backupSchema",
        what: "Compares the `backupSchema` a `WRITER_COMPONENTS` records with the `backupSchema` \
    of that writer's metadata document in the backup (absent counts as 0).",
        why: "The backup components document records the schema the writer had when the backup \
    was made; both real DiskShadow backups agree with their writers' documents. A difference \
    means the documents come from different runs, or the writer changed what it supports \
    between them: worth a look before relying on the backup for anything but a full restore.",
        sources: &[
            "VSS_BACKUP_SCHEMA: https://learn.microsoft.com/en-us/windows/win32/api/vss/ne-vss-vss_backup_schema",
            "Both real DiskShadow sets in the corpus agree (backupSchema 0 and 881)",
        ],
        across_documents: true,
        example_file: "BCDocument.xml",
        companions: BESIDE_COMPONENTS,
    }),
    check: set_check(check),
};

fn check(cx: &mut AcrossCx, docs: &[Member], _: &[Facts]) {
    for set in backup_sets(docs) {
        for selection in set.selections() {
            let (i, wc) = (selection.member, selection.wc);
            let (Some(writer), Some(recorded)) = (selection.writer, &wc.backup_schema) else {
                continue;
            };
            let Some(recorded_bits) = recorded.value else {
                continue;
            };
            let declared = writer.doc.backup_schema.as_ref();
            let declared_bits = declared
                .and_then(|a| a.value)
                .unwrap_or(BackupSchema::empty());
            if recorded_bits == declared_bits {
                continue;
            }
            let at = declared.map_or(writer.doc.node.span, |a| a.span);
            let d = cx
                .report(
                    docs,
                    i,
                    recorded.span,
                    format!(
                        "backupSchema {} here, but the writer's document declares {}",
                        recorded_bits.bits(),
                        declared_bits.bits()
                    ),
                )
                .label("not the writer's schema")
                .help("check that the backup components document and the writer's document come from the same run");
            relate(d, &docs[writer.member], at, "the writer's backupSchema");
        }
    }
}
